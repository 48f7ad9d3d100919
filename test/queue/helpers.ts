/**
 * Real Redis and real processes for the queue tests: a redis-server on a free
 * loopback port with a temporary directory and AOF on, `report-check worker`
 * processes of the BUILT CLI, and the coordinator (`analyze --redis`).
 * Nothing is mocked; every process started here is stopped by its own handle.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { CLI } from "../cli/helpers.js";

export { CLI, ROOT, DEV, parseJsonl, stable } from "../cli/helpers.js";

/** Generous waits: the suite runs on two loaded cores. */
export const WAIT_MS = 120_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Stops a child: the signal, then SIGKILL if it has not gone after `graceMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM", graceMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** Starts (again) on the same port and directory: the AOF brings the data back. */
  start(): Promise<void>;
  /** SIGTERM: Redis flushes its AOF and exits. */
  stop(): Promise<void>;
  /** Stop and remove the directory. */
  dispose(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rc-redis-"));
  let child: ChildProcess | null = null;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    async start() {
      const c = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "everysec"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = c;
      let out = "";
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 30_000);
        c.stdout!.setEncoding("utf8").on("data", (d: string) => {
          out += d;
          if (/Ready to accept connections/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        c.once("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited (${code}):\n${out}`));
        });
      });
      c.stdout!.resume();
      c.stderr!.resume();
    },
    async stop() {
      if (child) await stopChild(child, "SIGTERM");
      child = null;
    },
    async dispose() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly name: string;
  log(): string;
  stop(): Promise<number | null>;
}

/** Test-speed stall recovery: a killed worker's job is back after ≤ 4 s lock + 1.5 s check. */
export const FAST_STALL = ["--lock-duration", "4000", "--stalled-interval", "1500"];

export async function startWorker(url: string, name: string, extra: string[] = []): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [CLI, "worker", "--redis", url, "--concurrency", "1", "--name", name, ...FAST_STALL, ...extra], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let log = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (log += d));
  const deadline = Date.now() + WAIT_MS;
  while (!/已就绪/.test(log)) {
    if (child.exitCode !== null) throw new Error(`worker exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`worker not ready:\n${log}`);
    await sleep(100);
  }
  return { child, name, log: () => log, stop: () => stopChild(child, "SIGTERM") };
}

export interface Coordinator {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  done: Promise<number | null>;
}

export function startCoordinator(args: string[], cwd: string): Coordinator {
  const child = spawn(process.execPath, [CLI, "analyze", ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` every `everyMs` until it is true; fails after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The workers' count of analyses per job id (report-check:<queue>:analysed). */
export async function analysedCounts(url: string, queue = "report-check"): Promise<Map<string, number>> {
  const c = createClient({ url });
  c.on("error", () => undefined);
  await c.connect();
  try {
    const h = await c.hGetAll(`report-check:${queue}:analysed`);
    return new Map(Object.entries(h).map(([k, v]) => [k, Number(v)]));
  } finally {
    c.destroy();
  }
}

/** Ids and workers of the jobs being processed now. */
export async function activeJobs(url: string, queue = "report-check"): Promise<Array<{ id: string; name: string; processedBy: string | null }>> {
  const { Queue, createNodeRedisClient } = await import("bullmq");
  const raw = createClient({ url });
  raw.on("error", () => undefined);
  const q = new Queue(queue, { connection: createNodeRedisClient(raw) });
  try {
    const jobs = await q.getJobs(["active"]);
    return jobs.filter((j) => j && j.id).map((j) => ({ id: j.id!, name: String((j.data as { name?: unknown }).name ?? ""), processedBy: j.processedBy ?? null }));
  } finally {
    await q.close().catch(() => undefined);
    raw.destroy();
  }
}

export function lines(text: string): number {
  return text.split("\n").filter((l) => l.trim()).length;
}

/** The `bytes` field of every job of the queue still in Redis (null once its job has finished). */
export async function storedPayloads(url: string, queue = "report-check"): Promise<Array<string | null>> {
  const c = createClient({ url });
  c.on("error", () => undefined);
  await c.connect();
  try {
    const out: Array<string | null> = [];
    for await (const keys of c.scanIterator({ MATCH: `bull:${queue}:rc-*`, COUNT: 500 })) {
      for (const key of ([] as string[]).concat(keys)) {
        if (key.split(":").length !== 3) continue;
        const data = await c.hGet(key, "data");
        if (data) out.push((JSON.parse(data) as { bytes: string | null }).bytes);
      }
    }
    return out;
  } finally {
    c.destroy();
  }
}
