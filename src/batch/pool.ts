/**
 * The batch runner: analyses many files on a pool of worker threads (piscina)
 * and hands results back IN INPUT ORDER.
 *
 * - Results complete out of order; a small reorder buffer holds the ones that
 *   finished early. No new file is started while more than `4 × concurrency`
 *   results wait, so memory stays flat over thousands of documents.
 * - Each document has a time limit. A document over the limit is cancelled
 *   through piscina's AbortSignal support, which TERMINATES the worker thread
 *   (a stuck pdf.js loop cannot be interrupted any other way) and starts a
 *   fresh one; the document gets `TOO_LARGE` / `TOO_LARGE_TIME`.
 * - A crashed worker (native abort, out of memory) fails only its document.
 * - Stopped through `signal` (Ctrl-C): nothing new starts, running documents
 *   are cancelled, and every result that had finished is still yielded, in
 *   input order, gaps skipped — so the caller can write them all.
 * - concurrency 1 (and a single file) runs in this thread (no worker): simplest
 *   to debug. A time-out there cannot kill the work; it aborts
 *   `DocumentOptions.signal`, which the PDF reader checks between pages (and
 *   destroys pdf.js's task), so a stuck PDF does not outlive its result.
 *
 * Reads files only through the pipeline (and for the cache hash); never prints.
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { getHeapStatistics } from "node:v8";
import { fileURLToPath } from "node:url";
import type { AnalysisResult, DocError, SourceInfo } from "../model/document.js";
import { docError } from "../model/errors.js";
import { DEFAULT_MAX_BYTES, type DocumentOptions } from "../model/options.js";
import type { analyzeFile as AnalyzeFile, errorResult as ErrorResult } from "../pipeline.js";
import { formatFromName } from "../ingest/index.js";
import { optionsHash, ResultCache } from "./cache.js";
import { trimHeap } from "./heap.js";
import { hardHeapLimitMb } from "../limits/memory.js";
import type { WorkerTask } from "./worker.js";
import { childFile, DEFAULT_ISOLATE_ABOVE_BYTES, runIsolated } from "./isolated.js";
import type { Piscina } from "piscina";
import type { SegmentService } from "../segment/service.js";

/** Worker threads that outlive one runBatch call (a long-running host's, e.g. the web server). */
export type WorkerPool = Piscina<WorkerTask, AnalysisResult>;

/** One input file: where to read it, and the path the result reports. */
export interface FileEntry {
  path: string;
  displayPath: string;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Old-generation limit of each worker thread. A report needs ~25 MB of live heap; a document
 * that runs away (a reader building an endless structure) is stopped here, as its own
 * TOO_LARGE result, before it takes gigabytes of memory and time. Below ~128 MB a worker may
 * not even start (the pipeline's code and data), which would fail every document.
 */
export const DEFAULT_WORKER_HEAP_MB = 1024;
export const MIN_WORKER_HEAP_MB = 128;

export interface BatchOptions extends DocumentOptions {
  /** Worker threads; 1 = in this thread. Default: the number of cores. */
  concurrency?: number;
  /** Per-document time limit in milliseconds (0 = none). Default 60 s. */
  timeoutMs?: number;
  /** Old-generation heap limit of each worker thread, MB (at least 128). Default 1024. Not applied in-process. */
  workerHeapMb?: number;
  /** Cache directory; unset = no cache. */
  cacheDir?: string;
  /** Stops the batch: nothing new starts, running documents are cancelled. */
  signal?: AbortSignal;
  /**
   * With concurrency 1 (in this thread): collect this thread's heap between documents when its
   * old generation has doubled (see heap.ts). Off by default because this thread may be a host
   * application's; worker threads are the batch's own and always do it. The CLI turns it on.
   */
  trimHeap?: boolean;
  /**
   * Always analyse on worker threads, even one file or concurrency 1: a host whose own thread
   * must stay responsive (the web server's event loop) never runs the pipeline in it.
   */
  inWorkers?: boolean;
  /**
   * Run on these threads instead of starting (and afterwards destroying) a pool for this call:
   * a host that calls runBatch many times pays the threads' start-up (jieba, pdf.js) once.
   * The caller owns it (createWorkerPool, then destroy()); `concurrency` still bounds the slots.
   */
  pool?: WorkerPool;
  /**
   * Files larger than this (bytes) are analysed in a child process of their own, so that even a
   * V8 abort on a huge document ends only that document (see isolated.ts). Default 8 MB;
   * 0 = every document; Infinity = never. Needs dist/ (from src/ there is no child entry).
   */
  isolateAboveBytes?: number;
  /**
   * jieba for the worker threads of this call's own pool. Default (`false`): each worker has its
   * own, which starts on the words of its documents and loads the whole dictionary only after
   * 8 000 of them (segment/dict-index.ts). `true`: one segmentation thread holds the only
   * dictionary and cuts for every worker (segment/service.ts). Measured at concurrency 2 over
   * 1 000 documents, the thread saves ~8 MB when the workers' vocabularies reach the whole
   * dictionary and costs 12–20 MB when they do not (its own isolate), so it is not the default
   * for a batch; a long-lived pool (createWorkerPool) uses it, because there a worker started
   * again after idling then loads no dictionary at all. A SegmentService: that one (the caller
   * owns it and closes it; it needs a slot per worker thread). Ignored with `pool`.
   */
  segmentService?: SegmentService | boolean;
  /** Called when a document starts. */
  onStart?: (file: FileEntry, index: number) => void;
  /** Called when a document finishes (completion order, before reordering). */
  onSettled?: (result: AnalysisResult, index: number, info: { cached: boolean }) => void;
}

/** Options that reach the pipeline (callbacks and batch mechanics stripped, so they clone to workers). */
export function documentOptions(o: BatchOptions): DocumentOptions {
  const out: DocumentOptions = {};
  if (o.type !== undefined) out.type = o.type;
  if (o.checklistFiles !== undefined) out.checklistFiles = [...o.checklistFiles];
  if (o.includeText !== undefined) out.includeText = o.includeText;
  if (o.segmenter !== undefined) out.segmenter = o.segmenter;
  if (o.restoreSpin !== undefined) out.restoreSpin = o.restoreSpin;
  if (o.ocr !== undefined) out.ocr = o.ocr;
  if (o.maxBytes !== undefined) out.maxBytes = o.maxBytes;
  if (o.fingerprint !== undefined) out.fingerprint = o.fingerprint;
  return out;
}

function sourceOf(file: FileEntry, bytes = 0, sha256 = ""): SourceInfo {
  return { path: file.displayPath, format: formatFromName(file.path), bytes, sha256, pages: null };
}

// The pipeline (jieba, pdf.js, mammoth …) is imported on first use, not with this module: when
// the documents run on worker threads, this coordinating thread never needs it (~20 MB and
// ~150 ms of module loading saved), and the CLI's start-up does not wait for it either.
let pipelineModule: Promise<{ analyzeFile: typeof AnalyzeFile; errorResult: typeof ErrorResult }> | null = null;
function pipeline(): Promise<{ analyzeFile: typeof AnalyzeFile; errorResult: typeof ErrorResult }> {
  pipelineModule ??= import("../pipeline.js");
  return pipelineModule;
}

/** The worker file next to this module in dist/; absent when running from src/ (then: in-process). */
function workerFile(): string | null {
  const url = new URL("./worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url.href : null;
}

/**
 * Why a document run on a worker thread (piscina) ended without a result: its time limit, the
 * thread's heap limit (V8 stopped only that thread; piscina starts another), or a crash.
 */
export function threadFailure(e: unknown, timedOut: boolean, timeoutMs: number): DocError {
  const detail = e instanceof Error ? e.message : String(e);
  if (timedOut) return docError("TOO_LARGE", `> ${timeoutMs} ms`, "TOO_LARGE_TIME");
  if ((e as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") return docError("TOO_LARGE", detail, "TOO_LARGE_MEMORY");
  return crashError(detail);
}

export function crashError(detail: string): DocError {
  // The message catalogue has no code for "the analysis itself died"; READ_FAILED
  // is the nearest spec code, with a message that says what really happened.
  return {
    code: "READ_FAILED",
    message: "分析该文件时处理线程意外退出（文件可能异常或触发了程序缺陷），已跳过。请单独重试该文件，或用 --concurrency 1 运行以查看详细错误。",
    detail,
  };
}

/**
 * In this thread V8's limit is the process's own (no resourceLimits), and reaching it aborts the
 * process just the same: documents get three quarters of it as their budget.
 */
function inProcessBudgetMb(): number {
  return Math.floor((getHeapStatistics().heap_size_limit * 0.75) / (1024 * 1024));
}

export async function* runBatch(files: FileEntry[], options: BatchOptions = {}): AsyncGenerator<AnalysisResult> {
  if (files.length === 0) return;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const docOptions = documentOptions(options);
  const cache = options.cacheDir ? new ResultCache(options.cacheDir, await optionsHash(docOptions)) : null;
  const external = options.pool ?? null;
  const filename = !external && ((concurrency > 1 && files.length > 1) || options.inWorkers) ? workerFile() : null;
  // The user's limit is the documents' budget, checked by the pipeline; V8's own limit sits above
  // it, because reaching V8's limit can abort the whole process (see limits/memory.ts).
  const heapBudgetMb = Math.max(MIN_WORKER_HEAP_MB, Math.floor(options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB));
  const workerOptions: DocumentOptions = { ...docOptions, memoryBudgetMb: heapBudgetMb };
  const threads = Math.min(concurrency, files.length);
  // nodejieba stays in each worker (its own native library); the default backend is shared.
  const ownService = filename && options.segmentService === true && docOptions.segmenter !== "nodejieba" ? await startSegmentService(threads) : null;
  const service = filename ? (typeof options.segmentService === "object" ? options.segmentService : ownService) : null;
  // Scanned pages may go to a second tesseract thread while a core is idle (the tail of a batch);
  // the threads must share one count of them, which only workers created after this inherit.
  if (filename && docOptions.ocr) (await import("../ingest/ocr-budget.js")).shareOcrBudget();
  // piscina is imported only when there are workers to run (~45 ms of a single file's start-up).
  const pool = external ?? (filename
    ? new (await import("piscina")).Piscina<WorkerTask, AnalysisResult>({
        filename,
        maxThreads: threads,
        minThreads: 0,
        idleTimeout: 1000,
        resourceLimits: { maxOldGenerationSizeMb: hardHeapLimitMb(heapBudgetMb) },
        ...(service ? { workerData: { segmentService: service.buffer } } : {}),
      })
    : null);
  if (pool && !external && service) releaseSlotsOf(pool, service);
  const slots = pool ? Math.min(concurrency, files.length) : 1;
  const windowSize = slots * 4;
  const controllers = new Set<AbortController>();

  const runInWorker = async (file: FileEntry): Promise<AnalysisResult> => {
    const controller = new AbortController();
    controllers.add(controller);
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort("timeout")), timeoutMs) : null;
    try {
      return await pool!.run({ path: file.path, displayPath: file.displayPath, options: workerOptions }, { signal: controller.signal });
    } catch (e) {
      return (await pipeline()).errorResult(sourceOf(file), threadFailure(e, timedOut, timeoutMs));
    } finally {
      if (timer) clearTimeout(timer);
      controllers.delete(controller);
    }
  };

  const runInProcess = async (file: FileEntry): Promise<AnalysisResult> => {
    let timer: NodeJS.Timeout | null = null;
    // In this thread a time-out cannot kill the work; the signal asks the readers
    // that can stop (pdf.js between and inside pages) to give up, so a stuck PDF
    // does not keep the process alive after its result has been reported.
    const stop = new AbortController();
    const { analyzeFile, errorResult } = await pipeline();
    const work = analyzeFile(file.path, { ...docOptions, signal: stop.signal, memoryBudgetMb: inProcessBudgetMb() }, file.displayPath).catch((e: unknown) =>
      errorResult(sourceOf(file), crashError(e instanceof Error ? e.message : String(e))),
    );
    if (timeoutMs <= 0) return work;
    const limit = new Promise<AnalysisResult>((resolve) => {
      timer = setTimeout(() => {
        stop.abort("timeout");
        resolve(errorResult(sourceOf(file), docError("TOO_LARGE", `> ${timeoutMs} ms`, "TOO_LARGE_TIME")));
      }, timeoutMs);
    });
    try {
      return await Promise.race([work, limit]);
    } finally {
      if (timer) clearTimeout(timer);
      if (options.trimHeap) setImmediate(trimHeap);
    }
  };

  const isolateAbove = options.isolateAboveBytes ?? DEFAULT_ISOLATE_ABOVE_BYTES;
  const isolatedEntry = isolateAbove < Infinity ? childFile() : null;
  const runInChild = async (file: FileEntry): Promise<AnalysisResult> => {
    const controller = new AbortController();
    controllers.add(controller);
    try {
      const outcome = await runIsolated(isolatedEntry!, { path: file.path, displayPath: file.displayPath, options: workerOptions }, { heapBudgetMb, timeoutMs, signal: controller.signal });
      if ("result" in outcome) return outcome.result;
      return (await pipeline()).errorResult(sourceOf(file), outcome.error);
    } finally {
      controllers.delete(controller);
    }
  };
  const runOne = async (file: FileEntry): Promise<{ result: AnalysisResult; cached: boolean }> => {
    let sha: string | null = null;
    // One stat serves the cache and the isolation rule; an unreadable file is the pipeline's to report.
    const info = cache || isolatedEntry ? await stat(file.path).catch(() => null) : null;
    if (cache && info) {
      try {
        if (info.isFile() && info.size <= (docOptions.maxBytes ?? DEFAULT_MAX_BYTES)) {
          sha = createHash("sha256").update(await readFile(file.path)).digest("hex");
          const hit = await cache.get(sha);
          if (hit) return { result: { ...hit, source: { ...hit.source, path: file.displayPath } }, cached: true };
        }
      } catch {
        // Unreadable: the pipeline reports it properly below.
      }
    }
    const large = isolatedEntry !== null && info !== null && info.isFile() && info.size > isolateAbove;
    const result = await (large ? runInChild(file) : pool ? runInWorker(file) : runInProcess(file));
    if (cache && sha && result.source.sha256 === sha) await cache.set(sha, result);
    return { result, cached: false };
  };

  const done = new Map<number, AnalysisResult>();
  let nextToStart = 0;
  let nextToYield = 0;
  let running = 0;
  let wake: (() => void) | null = null;
  const signal = options.signal;
  const onAbort = (): void => wake?.();
  signal?.addEventListener("abort", onAbort);

  const start = (i: number): void => {
    running++;
    const file = files[i]!;
    options.onStart?.(file, i);
    runOne(file).then(({ result, cached }) => {
      running--;
      done.set(i, result);
      if (!signal?.aborted) options.onSettled?.(result, i, { cached });
      wake?.();
    });
  };

  try {
    while (nextToYield < files.length && !signal?.aborted) {
      while (nextToStart < files.length && running < slots && nextToStart - nextToYield < windowSize) start(nextToStart++);
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
    // Interrupted: every document that had finished is still handed over, in input order, even
    // when an earlier one (a slow first PDF) had not; the caller lists the gaps as unfinished.
    if (signal?.aborted) {
      for (const i of [...done.keys()].sort((a, b) => a - b)) {
        const r = done.get(i)!;
        done.delete(i);
        yield r;
      }
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    for (const c of controllers) c.abort("stopped");
    if (pool && !external) await pool.destroy().catch(() => undefined);
    await ownService?.close();
  }
}

/**
 * The segmentation thread for a pool of `threads` workers. Spare slots cover workers that piscina
 * replaces (a time-out terminates one) before the old one's slot is handed back.
 */
export async function startSegmentService(threads: number): Promise<SegmentService | null> {
  const { SegmentService: Service } = await import("../segment/service.js");
  return Service.start({ slots: 2 * threads + 2 });
}

/** A pool worker that exits (idle, time-out, crash) gives its slot back. */
export function releaseSlotsOf(pool: Pick<WorkerPool, "on">, service: SegmentService): void {
  pool.on("workerDestroy", (worker: { id: number }) => service.release(worker.id));
}

/**
 * A pool for `BatchOptions.pool`: `concurrency` threads, each with the heap limit, ended after
 * `idleTimeoutMs` without work (started again on demand). Null when the worker file is absent
 * (running from src/): the caller then runs without one.
 */
export async function createWorkerPool(options: { concurrency?: number; workerHeapMb?: number; idleTimeoutMs?: number } = {}): Promise<WorkerPool | null> {
  const filename = workerFile();
  if (!filename) return null;
  const { Piscina: PiscinaClass } = await import("piscina");
  const threads = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  // A host's pool may be given scanned documents: its threads share the count of tesseract threads (runBatch).
  (await import("../ingest/ocr-budget.js")).shareOcrBudget();
  // One segmentation thread for the pool's life (see runBatch); destroy() ends it with the workers.
  const service = await startSegmentService(threads);
  class ServedPool extends PiscinaClass<WorkerTask, AnalysisResult> {
    override async destroy(): Promise<void> {
      try {
        await super.destroy();
      } finally {
        await service?.close();
      }
    }
  }
  const pool = new ServedPool({
    filename,
    maxThreads: threads,
    minThreads: 0,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    // Same rule as runBatch's own pool: the documents' budget is checked by the pipeline, V8's limit sits above it.
    resourceLimits: { maxOldGenerationSizeMb: hardHeapLimitMb(Math.max(MIN_WORKER_HEAP_MB, Math.floor(options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB))) },
    ...(service ? { workerData: { segmentService: service.buffer } } : {}),
  });
  if (service) releaseSlotsOf(pool, service);
  return pool;
}
