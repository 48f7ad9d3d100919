/**
 * The coordinator: the same contract as `runBatch` (src/batch/pool.ts) — one
 * result per input file, yielded IN INPUT ORDER, the same callbacks — but the
 * documents are analysed by `report-check worker` processes on other
 * machines, through a BullMQ queue on Redis. The CLI and the library plug it
 * in where they would call `runBatch`, so every output is written by the same
 * code as a local run's.
 *
 * - Files are read here and their bytes sent in the job (no shared disk).
 *   A file that cannot be read or is above --max-bytes never leaves this
 *   machine: it goes through `analyzeFile` here, which returns exactly the
 *   local run's error result.
 * - Job id = content hash + options hash (protocol.ts). Before adding a job the
 *   coordinator asks for its state: a finished job's result is taken as it is
 *   (a re-run after an interruption re-analyses nothing that finished), a
 *   queued or running one is waited for, and two identical files in one batch
 *   are one job.
 * - Results come from QueueEvents (completed / failed, plus active for the
 *   progress bar). Events can be missed — the stream is trimmed, Redis may
 *   restart and lose its last second — so every pending job is also checked
 *   now and then; a job that has vanished is sent again from the file.
 * - No more than `window` documents are between "sent" and "handed on" (and
 *   no more than `windowBytes` of them), so neither this process nor Redis
 *   holds more than a bounded slice of a huge batch.
 * - When Redis is unreachable for longer than `redisWaitMs`, the batch stops
 *   with a QueueUnavailableError: what was handed on is valid, and running
 *   the same command again resumes from the queue.
 *
 * Never prints; connection trouble and requeued jobs are reported through
 * callbacks.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { Job, Queue, QueueEvents } from "bullmq";
import type { AnalysisResult, SourceInfo } from "../model/document.js";
import { docError, type MessageKey } from "../model/errors.js";
import { DEFAULT_MAX_BYTES, type DocumentOptions } from "../model/options.js";
import { formatFromName } from "../ingest/index.js";
import { DEFAULT_TIMEOUT_MS, documentOptions, type BatchOptions, type FileEntry } from "../batch/pool.js";
import { toolVersion } from "../batch/cache.js";
import { closeRedis, connectRedis, ConnectionWatch, type ConnectionEvent } from "./connection.js";
import {
  DEFAULT_KEEP_RESULTS_SEC,
  DEFAULT_QUEUE_NAME,
  isWorkerLostReason,
  jobIdFor,
  JOB_NAME,
  optionsKey,
  PROTOCOL_VERSION,
  QUEUE_PREFIX,
  redactRedisUrl,
  VERSION_MISMATCH_PREFIX,
  type ChecklistPayload,
  type JobDocumentOptions,
  type QueueJobData,
} from "./protocol.js";

export interface QueueRunOptions {
  /** redis://host:port of the queue. */
  redis: string;
  /** Queue name (default "report-check"); workers must listen on the same one. */
  queue?: string;
  /** Seconds a finished job's result stays in Redis for re-runs (default 7 days). */
  keepResultsSec?: number;
  /** Documents sent but not yet handed on, at most (default 256). */
  window?: number;
  /** Bytes of documents sent but not yet handed on, at most (default 256 MB). */
  windowBytes?: number;
  /** Give up after Redis has been unreachable this long, ms (default 60 s). */
  redisWaitMs?: number;
  /** How often pending jobs are checked besides the events, ms (default 5 s). */
  pollMs?: number;
  /** Connection lost / back. */
  onConnection?: (e: ConnectionEvent) => void;
  /** A document's job went back to the queue because its worker stopped answering. */
  onRequeued?: (file: FileEntry) => void;
}

export type QueueBatchOptions = BatchOptions & QueueRunOptions;

/** The queue cannot be reached (at start or for too long during the batch). */
export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueueUnavailableError";
  }
}

const DEFAULT_WINDOW = 256;
const DEFAULT_WINDOW_BYTES = 256 * 1024 * 1024;
const DEFAULT_REDIS_WAIT_MS = 60_000;
const DEFAULT_POLL_MS = 5_000;
/** The events stream keeps whole results; a short one bounds Redis memory (missed events are polled). */
const EVENTS_MAX_LEN = 2_000;

let pipelineModule: Promise<typeof import("../pipeline.js")> | null = null;
const pipeline = (): Promise<typeof import("../pipeline.js")> => (pipelineModule ??= import("../pipeline.js"));

interface Pending {
  jobId: string;
  indices: number[];
  file: FileEntry;
  bytes: number;
  sha256: string;
  settled: boolean;
  started: boolean;
  /** When the job was last known to be on its way (added, seen active, polled). */
  checkedAt: number;
}

function isResult(v: unknown): v is AnalysisResult {
  return !!v && typeof v === "object" && (v as { schemaVersion?: unknown }).schemaVersion === 1 && typeof (v as { status?: unknown }).status === "string";
}

function parseReturn(v: unknown): AnalysisResult | null {
  if (typeof v === "string") {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return null;
    }
  }
  return isResult(v) ? v : null;
}

/** The job's reason for failing → which message of the catalogue. */
function failureVariant(reason: string): MessageKey {
  if (isWorkerLostReason(reason)) return "READ_FAILED_WORKER_LOST";
  if (reason.startsWith(VERSION_MISMATCH_PREFIX)) return "READ_FAILED_WORKER_VERSION";
  return "READ_FAILED_QUEUE";
}

/** Errors of a Redis that is restarting or out of reach for a moment, as node-redis reports them. */
export function isTransientRedisError(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /^LOADING\b|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Socket closed unexpectedly|client is closed|Connection is closed|Disconnects client/i.test(message);
}

async function raceTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export async function* runQueueBatch(files: FileEntry[], options: QueueBatchOptions): AsyncGenerator<AnalysisResult> {
  if (files.length === 0) return;
  const queueName = options.queue ?? DEFAULT_QUEUE_NAME;
  const keepSec = Math.max(1, Math.floor(options.keepResultsSec ?? DEFAULT_KEEP_RESULTS_SEC));
  const windowSize = Math.max(1, Math.floor(options.window ?? DEFAULT_WINDOW));
  const windowBytes = Math.max(1, options.windowBytes ?? DEFAULT_WINDOW_BYTES);
  const redisWaitMs = Math.max(1_000, options.redisWaitMs ?? DEFAULT_REDIS_WAIT_MS);
  const pollMs = Math.max(200, options.pollMs ?? DEFAULT_POLL_MS);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const tool = toolVersion();

  // What travels: the options without paths; custom checklists by content.
  const docOptions: DocumentOptions = documentOptions(options);
  const { checklistFiles = [], ...jobOptions } = docOptions;
  const checklists: ChecklistPayload[] = [];
  for (const f of checklistFiles) {
    const yaml = await readFile(f, "utf8");
    checklists.push({ sha256: createHash("sha256").update(yaml).digest("hex"), yaml });
  }
  const travelling: JobDocumentOptions = jobOptions;

  let fatal: Error | null = null;
  let wake: (() => void) | null = null;
  const poke = (): void => wake?.();
  const fail = (e: unknown): void => {
    // Redis coming back (still loading its AOF: `LOADING`) or the connection dropping mid-call is not
    // fatal: the next poll checks every pending job again and re-sends what never reached Redis
    // (each pending job is registered before it is sent). A Redis gone for good ends the run through
    // the connection watch (--redis-wait), not here.
    if (isTransientRedisError(e)) {
      pollNow = true;
      return;
    }
    fatal ??= e instanceof Error ? e : new Error(String(e));
    poke();
  };

  const byJob = new Map<string, Pending>();
  const done = new Map<number, AnalysisResult>();
  let pollNow = false;
  const watch = new ConnectionWatch((e) => {
    if (e.kind === "back") {
      // Events of the outage may be gone with a restarted Redis: check every pending job.
      pollNow = true;
      poke();
    }
    options.onConnection?.(e);
  });
  const main = connectRedis(options.redis, watch, "report-check-coordinator");
  const evConn = connectRedis(options.redis, watch, "report-check-coordinator-events");
  const queue = new Queue<QueueJobData, AnalysisResult>(queueName, {
    connection: main.client,
    prefix: QUEUE_PREFIX,
    streams: { events: { maxLen: EVENTS_MAX_LEN } },
  });
  queue.on("error", () => undefined);
  let events: QueueEvents | null = null;

  const startedAt = Date.now();
  let connected = false;
  const watchdog = setInterval(() => {
    const down = connected ? watch.downFor() : Date.now() - startedAt;
    if (down > redisWaitMs) {
      fail(
        new QueueUnavailableError(
          connected
            ? `与 Redis（${redactRedisUrl(options.redis)}）的连接已中断 ${Math.round(down / 1000)} 秒，停止分析。已写出的结果有效；Redis 恢复后重新运行同一命令，已完成的文档会直接取用队列中的结果，不会重新分析。`
            : `无法连接 Redis（${redactRedisUrl(options.redis)}），已等待 ${Math.round(down / 1000)} 秒。请确认 redis-server 正在运行、地址和端口正确、防火墙允许连接。`,
        ),
      );
    }
  }, 500);

  let inflightBytes = 0;
  let nextToStart = 0;
  let nextToYield = 0;
  const signal = options.signal;
  signal?.addEventListener("abort", poke);

  const hand = (i: number, result: AnalysisResult, cached: boolean): void => {
    const r = result.source.path === files[i]!.displayPath ? result : { ...result, source: { ...result.source, path: files[i]!.displayPath } };
    done.set(i, r);
    if (!signal?.aborted) options.onSettled?.(r, i, { cached });
    poke();
  };

  const settle = (p: Pending, result: AnalysisResult, cached: boolean): void => {
    if (p.settled) return;
    p.settled = true;
    byJob.delete(p.jobId);
    inflightBytes -= p.bytes;
    for (const i of p.indices) hand(i, result, cached);
  };

  const sourceOf = (p: Pending): SourceInfo => ({ path: p.file.displayPath, format: formatFromName(p.file.path), bytes: p.bytes, sha256: p.sha256, pages: null });

  const settleFailed = async (p: Pending, reason: string, cached: boolean): Promise<void> => {
    const { errorResult } = await pipeline();
    settle(p, errorResult(sourceOf(p), docError("READ_FAILED", reason, failureVariant(reason))), cached);
  };

  /** A finished job's outcome, read from Redis. False when the job is not (or no longer) there. */
  const takeFinished = async (p: Pending, cached: boolean): Promise<boolean> => {
    const job = await Job.fromId<QueueJobData, AnalysisResult>(queue, p.jobId);
    if (!job) return false;
    const result = parseReturn(job.returnvalue);
    if (result) {
      settle(p, result, cached);
      return true;
    }
    if (job.failedReason) {
      await settleFailed(p, job.failedReason, cached);
      return true;
    }
    return false;
  };

  const jobData = (p: Pending, bytes: Buffer): QueueJobData => ({
    protocol: PROTOCOL_VERSION,
    tool,
    name: p.file.displayPath,
    bytes: bytes.toString("base64"),
    options: travelling,
    checklists,
    timeoutMs,
  });

  const add = async (p: Pending, bytes: Buffer): Promise<void> => {
    if (p.settled) return;
    // attempts 1: the handler fails only for reasons a retry would not change (version, no bytes);
    // a worker that dies is BullMQ's stalled-job case, counted by the workers' maxStalledCount.
    await queue.add(JOB_NAME, jobData(p, bytes), {
      jobId: p.jobId,
      attempts: 1,
      removeOnComplete: { age: keepSec },
      removeOnFail: { age: keepSec },
    });
    p.checkedAt = Date.now();
  };

  /** Sends a document, or adopts the job already in the queue for the same bytes and options. */
  const submit = async (p: Pending, bytes: Buffer): Promise<void> => {
    const state = await queue.getJobState(p.jobId);
    if (p.settled) return;
    if (state === "completed" || state === "failed") {
      const job = await Job.fromId<QueueJobData, AnalysisResult>(queue, p.jobId);
      if (job && state === "failed" && !isWorkerLostReason(job.failedReason ?? "")) {
        // A failure a new attempt may not repeat (a worker of another version …): try again.
        await job.remove().catch(() => undefined);
      } else if (await takeFinished(p, true)) return;
      return add(p, bytes);
    }
    if (state === "unknown") return add(p, bytes);
    // waiting / active / delayed: sent by an earlier run of this command; its result will come.
    p.checkedAt = Date.now();
  };

  const local = async (i: number): Promise<void> => {
    const { analyzeFile } = await pipeline();
    hand(i, await analyzeFile(files[i]!.path, docOptions, files[i]!.displayPath), false);
  };

  const prepare = async (i: number): Promise<void> => {
    const file = files[i]!;
    const info = await stat(file.path).catch(() => null);
    // Unreadable or too large: the local pipeline gives the very result a local run would.
    if (!info?.isFile() || info.size > maxBytes) return local(i);
    const bytes = await readFile(file.path).catch(() => null);
    if (!bytes || bytes.length > maxBytes) return local(i);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const jobId = jobIdFor(sha256, optionsKey(tool, file.displayPath, travelling, checklists, timeoutMs));
    const same = byJob.get(jobId);
    if (same) {
      same.indices.push(i);
      return;
    }
    const p: Pending = { jobId, indices: [i], file, bytes: bytes.length, sha256, settled: false, started: false, checkedAt: Date.now() };
    byJob.set(jobId, p);
    inflightBytes += p.bytes;
    await submit(p, bytes);
  };

  /** Pending jobs not heard of for a while: ask Redis where they are. */
  const poll = async (all: boolean): Promise<void> => {
    const now = Date.now();
    for (const p of [...byJob.values()]) {
      if (p.settled || (!all && now - p.checkedAt < pollMs)) continue;
      const state = await queue.getJobState(p.jobId);
      if (p.settled) continue;
      p.checkedAt = Date.now();
      if (state === "completed" || state === "failed") {
        await takeFinished(p, false);
      } else if (state === "unknown") {
        // Lost (a Redis restart dropped its last writes) or expired before we read it: send it again.
        const bytes = await readFile(p.file.path).catch(() => null);
        const sha = bytes ? createHash("sha256").update(bytes).digest("hex") : null;
        if (!bytes || sha !== p.sha256) {
          // The file changed or vanished since it was sent: what a local run would say now.
          p.settled = true;
          byJob.delete(p.jobId);
          inflightBytes -= p.bytes;
          for (const i of p.indices) await local(i);
        } else await add(p, bytes);
      }
    }
  };

  const listen = (events: QueueEvents): void => {
    events.on("active", ({ jobId }) => {
      const p = byJob.get(jobId);
      if (!p || p.started) return;
      p.started = true;
      p.checkedAt = Date.now();
      for (const i of p.indices) options.onStart?.(files[i]!, i);
    });
    events.on("completed", ({ jobId, returnvalue }) => {
      const p = byJob.get(jobId);
      if (!p || p.settled) return;
      const result = parseReturn(returnvalue);
      if (result) settle(p, result, false);
      else takeFinished(p, false).catch(fail);
    });
    events.on("failed", ({ jobId, failedReason }) => {
      const p = byJob.get(jobId);
      if (!p || p.settled) return;
      settleFailed(p, failedReason, false).catch(fail);
    });
    events.on("stalled", ({ jobId }) => {
      const p = byJob.get(jobId);
      if (!p) return;
      p.started = false;
      p.checkedAt = Date.now();
      options.onRequeued?.(p.file);
    });
  };

  let polling = false;
  const poller = setInterval(() => {
    if (polling || !connected) return;
    polling = true;
    const all = pollNow;
    pollNow = false;
    poll(all)
      .catch(fail)
      .finally(() => (polling = false));
  }, Math.min(pollMs, 1_000));

  try {
    const ready = (async () => {
      await queue.waitUntilReady();
      // Listening from the stream's current end, fixed before anything is sent: an event for a
      // job added from here on cannot be missed (QueueEvents' default "$" is taken at its first
      // read, which may come after the first jobs finish).
      const last = (await main.raw.xRevRange(queue.keys.events!, "+", "-", { COUNT: 1 }))[0]?.id ?? "0-0";
      events = new QueueEvents(queueName, { connection: evConn.client, prefix: QUEUE_PREFIX, lastEventId: last });
      events.on("error", () => undefined);
      listen(events);
      await events.waitUntilReady();
    })();
    ready.catch(fail);
    await Promise.race([ready, new Promise<void>((resolve) => (wake = resolve))]);
    wake = null;
    if (fatal) throw fatal;
    if (signal?.aborted) return;
    connected = true;

    while (nextToYield < files.length && !signal?.aborted && !fatal) {
      while (nextToStart < files.length && nextToStart - nextToYield < windowSize && inflightBytes < windowBytes) {
        const i = nextToStart++;
        prepare(i).catch(fail);
      }
      const ready = done.get(nextToYield);
      if (ready) {
        done.delete(nextToYield);
        nextToYield++;
        yield ready;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (fatal) throw fatal;
  } finally {
    signal?.removeEventListener("abort", poke);
    clearInterval(watchdog);
    clearInterval(poller);
    // Jobs still queued stay in Redis: the workers finish them and a re-run takes their results.
    const ev = events as QueueEvents | null;
    // The events connection sits in a blocking XREAD: cut it first instead of waiting it out.
    await closeRedis(evConn.raw);
    await raceTimeout(Promise.all([ev?.close(), queue.close()]), 2_000).catch(() => undefined);
    await closeRedis(main.raw);
  }
}
