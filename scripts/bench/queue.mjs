// The queue section of `npm run bench` (BENCH_QUEUE=1 npm run bench, or BENCH_QUEUE=only for
// this section alone). Runs on dist/ with a redis-server it starts on a free loopback port
// (AOF on, as deployed) and stops at the end.
//
//   BENCH_QUEUE_DOCS=300   documents in the local-vs-queue batch (unique copies of the dev corpus)
//   BENCH_QUEUE_ROUNDS=2   rounds of (local, queue); the best of each counts
//
// 1. The same batch through `analyze --redis` with 2 worker processes (--concurrency 1 each)
//    against a local `analyze --concurrency 2`: the overhead of going through Redis.
// 2. Queue overhead per job: the coordinator (runQueueBatch) with a no-op worker that
//    returns a stored result at once — what the queue itself costs per document.
// 3. What one Redis sustains with report-sized payloads (20 KB, 200 KB, 2 MB): jobs/s end to
//    end with no-op workers, and Redis's own CPU per job (INFO cpu), which bounds a single
//    Redis at 1 / (CPU s per job) jobs/s whatever the number of workers.
import { spawn, execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";

const root = resolve(".");
const corpus = join(root, "corpora/dev");
const nDocs = Number(process.env.BENCH_QUEUE_DOCS ?? 300);
const rounds = Math.max(1, Number(process.env.BENCH_QUEUE_ROUNDS ?? 2));
const work = mkdtempSync(join(tmpdir(), "report-check-bench-queue-"));
const cli = join(root, "dist/cli.js");
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const children = new Set();

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });

async function startRedis() {
  const port = await freePort();
  const dir = join(work, "redis");
  mkdirSync(dir, { recursive: true });
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "everysec"], { stdio: ["ignore", "pipe", "ignore"] });
  children.add(child);
  await new Promise((res, rej) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("Ready to accept connections")) res();
    });
    child.once("exit", () => rej(new Error("redis-server exited: " + out)));
  });
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, port, child };
}

function startWorker(url, queue, name) {
  const child = spawn(process.execPath, [cli, "worker", "--redis", url, "--queue", queue, "--concurrency", "1", "--name", name, "--quiet"], { stdio: ["ignore", "ignore", "pipe"] });
  children.add(child);
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  return new Promise((res, rej) => {
    const t = setInterval(() => {
      if (log.includes("已就绪")) {
        clearInterval(t);
        res(child);
      }
      if (child.exitCode !== null) {
        clearInterval(t);
        rej(new Error(log));
      }
    }, 50);
  });
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await done;
  clearTimeout(t);
  children.delete(child);
}

/** Two independent local runs, one per half of the batch, started together: the same process layout as 2 workers, without the queue. */
async function timeHalves(files) {
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
  const t = performance.now();
  await Promise.all(
    halves.map(
      (half) =>
        new Promise((res, rej) => {
          const c = spawn(process.execPath, [cli, "analyze", ...half, "--format", "jsonl", "--concurrency", "1", "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
          c.once("exit", (code) => (code === 0 ? res() : rej(new Error(`exit ${code}`))));
        }),
    ),
  );
  return (performance.now() - t) / 1000;
}

function timeCli(args) {
  const t = performance.now();
  execFileSync(process.execPath, [cli, "analyze", ...args], { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 28 });
  return (performance.now() - t) / 1000;
}

async function redisCpu(url) {
  const { createClient } = await import("redis");
  const c = createClient({ url });
  await c.connect();
  const info = await c.info("cpu");
  c.destroy();
  const get = (k) => Number(new RegExp(`${k}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return get("used_cpu_sys") + get("used_cpu_user");
}

const redis = await startRedis();
try {
  // 1. Local pool vs 2 queue workers on one batch of unique documents (each its own job).
  const goodBases = readdirSync(corpus)
    .filter((f) => f.endsWith(".gold.json"))
    .filter((f) => !JSON.parse(readFileSync(join(corpus, f), "utf8")).expectError)
    .map((f) => f.slice(0, -".gold.json".length));
  const sources = goodBases.flatMap((b) => ["docx", "pdf", "txt"].map((e) => join(corpus, `${b}.${e}`)).filter(existsSync)).sort();
  const batchDir = join(work, "batch");
  mkdirSync(batchDir);
  for (let k = 0; k < nDocs; k++) {
    const src = sources[k % sources.length];
    const ext = src.slice(src.lastIndexOf("."));
    const to = join(batchDir, `doc-${String(k).padStart(4, "0")}${ext}`);
    copyFileSync(src, to);
    // Trailing padding: a different hash (so a separate job) and the same analysis.
    appendFileSync(to, Buffer.alloc(k + 1, 0x20));
  }
  console.log(`\n── queue (BullMQ on Redis 127.0.0.1, AOF on) ──`);
  console.log(`batch: ${nDocs} unique documents (${sources.length} DOCX/PDF/TXT files of corpora/dev, padded copies); load average ${load()}`);
  const local = [];
  const queued = [];
  const twoProcs = [];
  const batchFiles = readdirSync(batchDir).sort().map((f) => join(batchDir, f));
  for (let r = 0; r < rounds; r++) {
    local.push(timeCli([batchDir, "--format", "jsonl", "--concurrency", "2", "--quiet"]));
    twoProcs.push(await timeHalves(batchFiles));
    const queue = `bench-${r}`;
    const ws = await Promise.all([startWorker(redis.url, queue, `b${r}-1`), startWorker(redis.url, queue, `b${r}-2`)]);
    // Warm-up: each worker thread loads the pipeline on its first document, as a local pool's threads do within the timed run.
    timeCli([sources[0], sources[1], "--redis", redis.url, "--queue", queue, "--format", "jsonl", "--quiet"]);
    queued.push(timeCli([batchDir, "--redis", redis.url, "--queue", queue, "--format", "jsonl", "--quiet"]));
    await Promise.all(ws.map(stop));
    console.log(`  round ${r + 1}: local pool ${local[r].toFixed(2)} s, 2 local processes ${twoProcs[r].toFixed(2)} s, queue ${queued[r].toFixed(2)} s (load ${load()})`);
  }
  const bl = Math.min(...local);
  const bq = Math.min(...queued);
  console.log(`local analyze --concurrency 2:            ${bl.toFixed(2)} s  ${(nDocs / bl).toFixed(1)} docs/s`);
  console.log(`analyze --redis, 2 workers × concurrency 1: ${bq.toFixed(2)} s  ${(nDocs / bq).toFixed(1)} docs/s`);
  const bh = Math.min(...twoProcs);
  console.log(`2 local processes × concurrency 1, one per half: ${bh.toFixed(2)} s  ${(nDocs / bh).toFixed(1)} docs/s`);
  console.log(`queue against the local pool: ${((bq / bl - 1) * 100).toFixed(1)} %  (goal ≤ 10 %; the local run includes the start of its threads, the queue run has warm workers)`);
  console.log(`queue against 2 local processes (same process layout, no queue): ${((bq / bh - 1) * 100).toFixed(1)} %`);

  // 2 & 3 run in this process with the library, against no-op workers.
  const { runQueueBatch } = await import(join(root, "dist/queue/coordinator.js"));
  const { Worker, createNodeRedisClient } = await import("bullmq");
  const { createClient } = await import("redis");
  const canned = JSON.parse(execFileSync(process.execPath, [cli, "analyze", join(corpus, "democratic-life-team-complete.txt"), "--format", "jsonl", "--quiet"], { encoding: "utf8" }).trim());
  const noop = async (queue, concurrency) => {
    const raw = createClient({ url: redis.url });
    raw.on("error", () => undefined);
    const w = new Worker(queue, async (job) => ({ ...canned, source: { ...canned.source, path: job.data.name } }), {
      connection: createNodeRedisClient(raw),
      concurrency,
      prefix: "bull",
    });
    w.on("error", () => undefined);
    await w.waitUntilReady();
    return { close: async () => (await w.close(), raw.destroy()) };
  };
  const runFiles = async (files, queue) => {
    const entries = files.map((f) => ({ path: f, displayPath: f }));
    let n = 0;
    const t = performance.now();
    for await (const _ of runQueueBatch(entries, { redis: redis.url, queue })) n++;
    return { n, seconds: (performance.now() - t) / 1000 };
  };
  const makeFiles = (label, count, bytes) => {
    const d = join(work, label);
    mkdirSync(d);
    return Array.from({ length: count }, (_, i) => {
      const f = join(d, `f-${i}.txt`);
      writeFileSync(f, randomBytes(Math.ceil(bytes / 2)).toString("hex").slice(0, bytes));
      return f;
    });
  };

  // 2. Per-job overhead: one no-op worker, one job at a time in flight on the worker side.
  {
    const files = makeFiles("overhead", 300, 6_000);
    const w1 = await noop("noop-1", 1);
    const one = await runFiles(files, "noop-1");
    await w1.close();
    const w8 = await noop("noop-8", 8);
    const eight = await runFiles(files, "noop-8");
    await w8.close();
    console.log(
      `queue overhead per job (no-op worker, 6 KB documents): ${((one.seconds * 1000) / one.n).toFixed(2)} ms with worker concurrency 1, ` +
        `${((eight.seconds * 1000) / eight.n).toFixed(2)} ms with concurrency 8 (coordinator start-up included)`,
    );
  }

  // 3. Payload sizes: jobs/s and Redis CPU per job.
  for (const [label, count, bytes] of [
    ["20KB", 400, 20_000],
    ["200KB", 200, 200_000],
    ["2MB", 40, 2_000_000],
  ]) {
    const files = makeFiles(`p-${label}`, count, bytes);
    const w = await noop(`pay-${label}`, 8);
    const cpu0 = await redisCpu(redis.url);
    const r = await runFiles(files, `pay-${label}`);
    const cpu1 = await redisCpu(redis.url);
    await w.close();
    const cpuPerJob = (cpu1 - cpu0) / r.n;
    console.log(
      `payload ${label.padStart(5)}: ${(r.n / r.seconds).toFixed(0)} jobs/s end to end (${((r.n * bytes) / r.seconds / 1e6).toFixed(1)} MB/s), ` +
        `Redis CPU ${(cpuPerJob * 1000).toFixed(2)} ms/job → one Redis core saturates near ${(1 / cpuPerJob).toFixed(0)} jobs/s`,
    );
  }
  console.log(`load average at end of queue section: ${load()}`);
} finally {
  for (const c of children) c.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
}
