/**
 * The queue worker: takes jobs from BullMQ and runs each document through the
 * same pipeline as a local run, on a pool of worker threads (piscina) with the
 * same per-document limits as src/batch/ (time limit → the thread is
 * terminated, heap limit → only that thread stops, a crashed thread → an error
 * result for its document). The job handler is the pipeline call and nothing
 * else; it never prints (events go to `onEvent`; the CLI logs them).
 *
 * Why threads even at concurrency 1: BullMQ renews each job's lock from this
 * thread's event loop. A document analysed here would block it for seconds,
 * the lock would expire and another worker would take the job while this one
 * still works on it.
 *
 * Nothing lost: a job is acknowledged only when its result is stored. A
 * worker killed mid-job (kill -9, a machine lost) leaves the job locked; once
 * the lock expires (`lockDurationMs`) another worker's stalled check
 * (`stalledIntervalMs`) puts it back in the queue. A document that kills its
 * worker every time ends, after `maxAttempts` runs, as a failed job, which
 * the coordinator turns into an error result with its own message.
 */
import { availableParallelism, hostname } from "node:os";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, UnrecoverableError, type Job } from "bullmq";
import type { AnalysisResult } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { formatFromName } from "../ingest/index.js";
import { DEFAULT_WORKER_HEAP_MB, MIN_WORKER_HEAP_MB, threadFailure } from "../batch/pool.js";
import { hardHeapLimitMb } from "../limits/memory.js";
import { toolVersion } from "../batch/cache.js";
import type { BufferTask } from "./task.js";
import { closeRedis, connectRedis, ConnectionWatch, type ConnectionEvent } from "./connection.js";
import {
  analysedKey,
  DEFAULT_KEEP_RESULTS_SEC,
  DEFAULT_LOCK_DURATION_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_QUEUE_NAME,
  DEFAULT_STALLED_INTERVAL_MS,
  PROTOCOL_VERSION,
  QUEUE_PREFIX,
  VERSION_MISMATCH_PREFIX,
  type ChecklistPayload,
  type QueueJobData,
} from "./protocol.js";

export interface QueueWorkerOptions {
  /** redis://host:port */
  redis: string;
  queue?: string;
  /** Documents analysed at once (threads). Default: the number of cores. */
  concurrency?: number;
  /**
   * Upper bound on a document's time, ms (0 / unset = the job's own limit, which is the
   * coordinator's --timeout). The smaller of the two applies.
   */
  timeoutMs?: number;
  /** Old-generation heap limit of each thread, MB. */
  workerHeapMb?: number;
  /** Runs of one document before a job whose worker keeps dying fails for good (≥ 1). */
  maxAttempts?: number;
  /** BullMQ lock duration, ms: how long a silent worker keeps its job. */
  lockDurationMs?: number;
  /** How often this worker looks for jobs of dead workers, ms. */
  stalledIntervalMs?: number;
  /** Name stored on the jobs this worker processes (default host-pid). */
  name?: string;
  onEvent?: (e: QueueWorkerEvent) => void;
}

export type QueueWorkerEvent =
  | ConnectionEvent
  | { kind: "ready"; name: string; queue: string; concurrency: number }
  | { kind: "done"; jobId: string; path: string; status: AnalysisResult["status"]; code: string | null; elapsedMs: number | null }
  | { kind: "refused"; jobId: string; path: string; reason: string }
  | { kind: "error"; message: string };

export interface QueueWorkerHandle {
  readonly name: string;
  /** Jobs being analysed now. */
  readonly active: number;
  /**
   * Stops taking jobs. Without `force`, waits for the running documents to
   * finish and store their results; with it, leaves them to come back to the
   * queue as stalled jobs.
   */
  close(force?: boolean): Promise<void>;
}

// Loaded on first use: errorResult is needed only for a document that timed out or crashed.
let pipelineModule: Promise<typeof import("../pipeline.js")> | null = null;
const pipeline = (): Promise<typeof import("../pipeline.js")> => (pipelineModule ??= import("../pipeline.js"));

/** The thread entry next to this module in dist/; absent when running from src/ (then: in this thread). */
function taskFile(): string | null {
  const url = new URL("./task.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url.href : null;
}

/** Writes each custom checklist once under its content hash, so the loader's per-path cache can never mix two versions. */
async function checklistPaths(list: ChecklistPayload[]): Promise<string[]> {
  if (!list.length) return [];
  const dir = join(tmpdir(), `report-check-checklists-${process.getuid?.() ?? "user"}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const out: string[] = [];
  for (const c of list) {
    // The hash names the file: recompute it instead of trusting the sender's.
    const sha = createHash("sha256").update(c.yaml).digest("hex");
    const path = join(dir, `${sha}.yaml`);
    if (!existsSync(path)) {
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, c.yaml);
      await rename(tmp, path);
    }
    out.push(path);
  }
  return out;
}

// Drops the document bytes of a finished job: only its result (or failure) is read again,
// and a batch of large scans would otherwise keep gigabytes in Redis until the results expire.
// The new data is built here (this process has it): decoding megabytes of JSON inside Redis
// would block it for every other client. EXISTS first: a job already removed must not come back
// as a stray hash.
const STRIP_PAYLOAD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[1])
return 1
`;

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const queueName = options.queue ?? DEFAULT_QUEUE_NAME;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const emit = options.onEvent ?? (() => {});
  const watch = new ConnectionWatch(emit);
  const main = connectRedis(options.redis, watch, `report-check-worker-${name}`);
  const stats = connectRedis(options.redis, watch, `report-check-worker-${name}-stats`);

  const filename = taskFile();
  // As in a local run (src/batch/pool.ts): the document's budget is checked by the pipeline, and
  // V8's own limit sits above it, because reaching V8's limit can abort the whole worker process
  // and with it every other job it holds (limits/memory.ts).
  const heapBudgetMb = Math.max(MIN_WORKER_HEAP_MB, Math.floor(options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB));
  const pool = filename
    ? new (await import("piscina")).Piscina<BufferTask, AnalysisResult>({
        filename,
        minThreads: concurrency,
        maxThreads: concurrency,
        idleTimeout: 60_000,
        resourceLimits: { maxOldGenerationSizeMb: hardHeapLimitMb(heapBudgetMb) },
      })
    : null;

  const sourceOf = (name: string) => ({ path: name, format: formatFromName(name), bytes: 0, sha256: "", pages: null });

  /** One document, with the limits of a local run (src/batch/pool.ts gives the same results for the same failures). */
  const analyse = async (bytes: Buffer, docName: string, docOptions: DocumentOptions, timeoutMs: number): Promise<AnalysisResult> => {
    if (!pool) {
      // From src/ (no built thread entry): in this thread, without a kill switch.
      return (await pipeline()).analyzeBuffer(bytes, docName, docOptions);
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort("timeout")), timeoutMs) : null;
    try {
      return await pool.run({ bytes, name: docName, options: docOptions }, { signal: controller.signal });
    } catch (e) {
      return (await pipeline()).errorResult(sourceOf(docName), threadFailure(e, timedOut, timeoutMs));
    } finally {
      if (timer) clearTimeout(timer);
    }
  };

  let active = 0;
  const handle = async (job: Job<QueueJobData, AnalysisResult>): Promise<AnalysisResult> => {
    const d = job.data;
    const path = typeof d?.name === "string" ? d.name : "";
    if (d?.protocol !== PROTOCOL_VERSION || d.tool !== toolVersion()) {
      const reason = `${VERSION_MISMATCH_PREFIX}: job ${String(d?.tool)}/${String(d?.protocol)}, worker ${toolVersion()}/${PROTOCOL_VERSION}`;
      emit({ kind: "refused", jobId: job.id ?? "", path, reason });
      throw new UnrecoverableError(reason);
    }
    if (typeof d.bytes !== "string") {
      emit({ kind: "refused", jobId: job.id ?? "", path, reason: "no document bytes" });
      throw new UnrecoverableError("job has no document bytes (already finished)");
    }
    const checklistFiles = await checklistPaths(Array.isArray(d.checklists) ? d.checklists : []);
    const docOptions: DocumentOptions = { ...d.options, ...(checklistFiles.length ? { checklistFiles } : {}) };
    const jobLimit = Number.isFinite(d.timeoutMs) ? Math.max(0, d.timeoutMs) : 0;
    const cap = Math.max(0, options.timeoutMs ?? 0);
    const timeoutMs = jobLimit === 0 ? cap : cap === 0 ? jobLimit : Math.min(jobLimit, cap);
    active++;
    let result: AnalysisResult;
    try {
      result = await analyse(Buffer.from(d.bytes, "base64"), d.name, { ...docOptions, memoryBudgetMb: heapBudgetMb }, timeoutMs);
    } finally {
      active--;
    }
    // Counted before the result is stored (a worker that dies in between has still analysed it),
    // but not waited for: the count is a metric, and its round trip would delay every result.
    const keep = job.opts.removeOnComplete;
    const age = typeof keep === "object" && keep && "age" in keep ? keep.age : undefined;
    const ttl = typeof age === "number" ? age : DEFAULT_KEEP_RESULTS_SEC;
    const key = analysedKey(queueName);
    stats.raw
      .multi()
      .hIncrBy(key, job.id ?? "", 1)
      .expire(key, Math.max(60, Math.ceil(ttl)))
      .exec()
      .catch(() => undefined);
    emit({ kind: "done", jobId: job.id ?? "", path, status: result.status, code: result.error?.code ?? null, elapsedMs: result.elapsedMs ?? null });
    return result;
  };

  const worker = new Worker<QueueJobData, AnalysisResult>(queueName, handle, {
    connection: main.client,
    prefix: QUEUE_PREFIX,
    name,
    concurrency,
    lockDuration: options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
    stalledInterval: options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
    maxStalledCount: maxAttempts - 1,
    maxStartedAttempts: maxAttempts,
    autorun: false,
  });
  worker.on("error", (e) => emit({ kind: "error", message: e instanceof Error ? e.message : String(e) }));
  const strip = (job: Job<QueueJobData, AnalysisResult> | undefined): void => {
    if (!job?.id || typeof job.data?.bytes !== "string") return;
    const data = JSON.stringify({ ...job.data, bytes: null });
    stats.raw.eval(STRIP_PAYLOAD, { keys: [worker.toKey(job.id)], arguments: [data] }).catch(() => undefined);
  };
  worker.on("completed", (job) => strip(job));
  worker.on("failed", (job) => strip(job));

  await worker.waitUntilReady();
  await stats.raw.connect().catch(() => undefined);
  void worker.run().catch((e: unknown) => emit({ kind: "error", message: e instanceof Error ? e.message : String(e) }));
  emit({ kind: "ready", name, queue: queueName, concurrency });

  let closing: Promise<void> | null = null;
  return {
    name,
    get active() {
      return active;
    },
    close(force = false) {
      if (force) {
        return (async () => {
          await worker.close(true).catch(() => undefined);
          await pool?.destroy().catch(() => undefined);
          await closeRedis(stats.raw);
          await closeRedis(main.raw);
        })();
      }
      closing ??= (async () => {
        await worker.close().catch(() => undefined);
        await pool?.destroy().catch(() => undefined);
        await closeRedis(stats.raw);
        await closeRedis(main.raw);
      })();
      return closing;
    },
  };
}
