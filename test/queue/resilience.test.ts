/**
 * Nothing lost, nothing twice — against real processes and a real Redis:
 * a worker killed with SIGKILL mid-batch, Redis stopped and restarted
 * (AOF) mid-batch, the coordinator interrupted with SIGINT and run again,
 * and a document that kills every worker that takes it.
 *
 * The batch is 300 small documents: the dev corpus's TXT reports, each copy
 * made unique by trailing whitespace (so each is its own job), and a few
 * truncated DOCX copies so that the exit code depends on the results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorMessage } from "../../src/model/errors.js";
import { runCli } from "../cli/helpers.js";
import {
  activeJobs,
  analysedCounts,
  DEV,
  lines,
  parseJsonl,
  sleep,
  stable,
  startCoordinator,
  startRedis,
  startWorker,
  stopChild,
  waitFor,
  type RedisServer,
  type WorkerProcess,
} from "./helpers.js";

const N = 300;
let redis: RedisServer;
let dir: string;
let local: { code: number | null; jsonl: string };
const running: WorkerProcess[] = [];

async function workers(queue: string, names: string[], extra: string[] = []): Promise<WorkerProcess[]> {
  const ws = await Promise.all(names.map((n) => startWorker(redis.url, n, ["--queue", queue, ...extra])));
  running.push(...ws);
  return ws;
}

async function stopAll(ws: WorkerProcess[]): Promise<void> {
  await Promise.all(ws.map((w) => w.stop()));
}

/** Each input path appears exactly once, in input order. */
function expectEachOnce(jsonl: string, reference: string): void {
  const got = parseJsonl(jsonl).map((r) => r["source"]["path"] as string);
  const want = parseJsonl(reference).map((r) => r["source"]["path"] as string);
  expect(got.length).toBe(N);
  expect(new Set(got).size).toBe(N);
  expect(got).toEqual(want);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rc-queue-res-"));
  const batch = join(dir, "batch");
  mkdirSync(batch);
  const txts = readdirSync(DEV)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (let k = 0; k < N; k++) {
    const name = `doc-${String(k).padStart(3, "0")}`;
    if (k === 100 || k === 101) {
      // Two long documents side by side (~3 s each on an idle machine; ×60 took 0.4 s there, too short to
      // catch mid-job): each worker takes one and holds it for seconds, so a
      // kill lands on a worker in the middle of a job (the short ones take milliseconds).
      writeFileSync(join(batch, `${name}.txt`), readFileSync(join(DEV, txts[k % txts.length]!), "utf8").repeat(400) + " ".repeat(k) + "\n");
    } else if (k % 60 === 59) {
      // A download cut short: DOCX_CORRUPT, made unique by its own tail.
      copyFileSync(join(DEV, "error-truncated-download.docx"), join(batch, `${name}.docx`));
      appendFileSync(join(batch, `${name}.docx`), Buffer.alloc(k, 0));
    } else {
      writeFileSync(join(batch, `${name}.txt`), readFileSync(join(DEV, txts[k % txts.length]!), "utf8") + "\n" + " ".repeat(k) + "\n");
    }
  }
  redis = await startRedis();
  const r = await runCli(["analyze", "batch", "--format", "jsonl", "--fail-on", "error", "--concurrency", "2", "--quiet"], dir);
  local = { code: r.code, jsonl: r.stdout };
  expect(lines(local.jsonl)).toBe(N);
}, 300_000);

afterAll(async () => {
  await Promise.all(running.map((w) => w.stop()));
  await redis?.dispose();
  if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe("a batch through the queue", () => {
  it("survives kill -9 of a worker mid-batch: every input once in results.jsonl, the local exit code", async () => {
    const ws = await workers("kill", ["kill-a", "kill-b"]);
    const out = join(dir, "out-kill");
    const c = startCoordinator(["batch", "--redis", redis.url, "--queue", "kill", "--out", out, "--format", "jsonl", "--fail-on", "error"], dir);
    const resultsFile = join(out, "results.jsonl");
    // Kill a worker while it is in the middle of a long document, so that job has to come back
    // through the stalled check and be finished by the other worker.
    let held: { holder: string; since: number } | null = null;
    await waitFor(
      "a worker holding a long document",
      async () => {
        const holder = (await activeJobs(redis.url, "kill")).find((j) => /doc-10[01]\.txt$/.test(j.name))?.processedBy ?? null;
        if (!holder) held = null;
        else if (held?.holder !== holder) held = { holder, since: Date.now() };
        return held !== null && Date.now() - held.since > 500;
      },
      120_000,
      50,
    );
    const holderName = (held as { holder: string } | null)!.holder;
    const victim = ws.find((w) => w.name === holderName)!;
    victim.child.kill("SIGKILL");
    const code = await c.done;
    expect(c.stderr()).toMatch(/已重新排队/);
    expect(code).toBe(local.code);
    const jsonl = readFileSync(resultsFile, "utf8");
    expectEachOnce(jsonl, local.jsonl);
    expect(stable(jsonl)).toBe(stable(local.jsonl));
    await stopAll(ws);
  }, 300_000);

  it("finishes after Redis is stopped and restarted mid-batch (AOF), or stops clearly and a re-run finishes without redoing finished documents", async () => {
    const ws = await workers("restart", ["restart-a", "restart-b"]);
    const out = join(dir, "out-restart");
    const args = ["batch", "--redis", redis.url, "--queue", "restart", "--out", out, "--format", "jsonl", "--fail-on", "error", "--redis-wait", "90s"];
    const c = startCoordinator(args, dir);
    const resultsFile = join(out, "results.jsonl");
    await waitFor("a quarter of the results", () => existsSync(resultsFile) && lines(readFileSync(resultsFile, "utf8")) >= N / 4);
    await redis.stop();
    await sleep(3_000);
    await redis.start();
    let code = await c.done;
    expect(c.stderr()).toMatch(/连接中断/);
    // The workers lost it too, said so in Chinese, and kept retrying until it was back.
    for (const w of ws) expect(w.log()).toMatch(/与 Redis.*的连接中断.*第 \d+ 次重连/);
    if (code !== local.code) {
      // The other accepted outcome: a clear stop, then the same command completes the batch.
      expect(c.stderr()).toMatch(/重新运行同一命令/);
      const again = startCoordinator(args, dir);
      code = await again.done;
    } else {
      expect(c.stderr()).toMatch(/已重新连接/);
    }
    expect(code).toBe(local.code);
    const jsonl = readFileSync(resultsFile, "utf8");
    expectEachOnce(jsonl, local.jsonl);
    expect(stable(jsonl)).toBe(stable(local.jsonl));
    // Run once more: everything finished is taken from the queue, nothing analysed again.
    const before = await analysedCounts(redis.url, "restart");
    const rerun = startCoordinator(args, dir);
    expect(await rerun.done).toBe(local.code);
    expect(await analysedCounts(redis.url, "restart")).toEqual(before);
    await stopAll(ws);
  }, 300_000);

  it("resumes after SIGINT: the same command completes and documents finished before are not analysed again", async () => {
    const ws = await workers("sigint", ["sigint-a", "sigint-b"]);
    const out = join(dir, "out-sigint");
    const args = ["batch", "--redis", redis.url, "--queue", "sigint", "--out", out, "--format", "jsonl", "--fail-on", "error"];
    const c = startCoordinator(args, dir);
    const resultsFile = join(out, "results.jsonl");
    await waitFor("some results", () => existsSync(resultsFile) && lines(readFileSync(resultsFile, "utf8")) >= 40);
    await stopChild(c.child, "SIGINT");
    expect(await c.done).toBe(130);
    const firstRun = lines(readFileSync(resultsFile, "utf8"));
    expect(firstRun).toBeLessThan(N);

    const again = startCoordinator(args, dir);
    expect(await again.done).toBe(local.code);
    const jsonl = readFileSync(resultsFile, "utf8");
    expectEachOnce(jsonl, local.jsonl);
    expect(stable(jsonl)).toBe(stable(local.jsonl));
    // Results of the first run (and of jobs the workers finished meanwhile) came from the queue.
    const reused = (again.stderr().match(/（缓存）/g) ?? []).length;
    expect(reused).toBeGreaterThanOrEqual(firstRun);
    // Every distinct document analysed exactly once over both runs.
    const counts = await analysedCounts(redis.url, "sigint");
    expect(counts.size).toBe(N);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await stopAll(ws);
  }, 300_000);

  it("ends a document that kills its worker every time as an error result after --max-attempts runs", async () => {
    // Big enough to take seconds, so the test can catch it while it runs.
    const poisonDir = join(dir, "poison");
    mkdirSync(poisonDir);
    const text = readFileSync(join(DEV, "analysis-check-gbt9704-complete.txt"), "utf8");
    writeFileSync(join(poisonDir, "a-poison.txt"), text.repeat(150));
    copyFileSync(join(DEV, "democratic-life-team-complete.txt"), join(poisonDir, "b-fine.txt"));
    let ws = await workers("poison", ["poison-0", "poison-1"], ["--max-attempts", "2"]);
    const c = startCoordinator(["poison", "--redis", redis.url, "--queue", "poison", "--format", "jsonl"], dir);
    let kills = 0;
    let finished = false;
    void c.done.then(() => (finished = true));
    // Kill the holder only once it has really been analysing for a while: the pickup that
    // fails the job for good (after the last allowed run) is active for a moment too.
    let seen: { holder: string; since: number } | null = null;
    const deadline = Date.now() + 240_000;
    while (!finished && Date.now() < deadline) {
      const holder = (await activeJobs(redis.url, "poison")).find((j) => j.name.endsWith("a-poison.txt"))?.processedBy ?? null;
      if (!holder) seen = null;
      else if (seen?.holder !== holder) seen = { holder, since: Date.now() };
      const victim = seen && Date.now() - seen.since > 1_000 ? ws.find((w) => w.name === holder && w.child.exitCode === null && w.child.signalCode === null) : undefined;
      if (victim) {
        victim.child.kill("SIGKILL");
        kills++;
        seen = null;
        const fresh = await workers("poison", [`poison-${kills + 1}`], ["--max-attempts", "2"]);
        ws = [...ws.filter((w) => w !== victim), ...fresh];
      }
      await sleep(50);
    }
    expect(await c.done).toBe(0);
    expect(kills).toBe(2);
    const results = parseJsonl(c.stdout());
    expect(results.map((r) => r["source"]["path"])).toEqual(["poison/a-poison.txt", "poison/b-fine.txt"]);
    expect(results[0]!["status"]).toBe("error");
    expect(results[0]!["error"]).toEqual({ code: "READ_FAILED", message: errorMessage("READ_FAILED_WORKER_LOST") });
    expect(results[1]!["status"]).toBe("ok");
    await stopAll(ws);
  }, 300_000);
});
