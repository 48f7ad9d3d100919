/**
 * The analysis queue of the server: documents waiting for a result, run on the
 * batch runner's worker threads (`runBatch` with `inWorkers`, so not even a
 * one-file batch runs on the event loop), results stored the moment each one
 * settles and announced to the SSE listeners.
 *
 * The threads are one long-lived pool (createWorkerPool), not one per chunk.
 * The queue is bounded (`limit` documents waiting or running); the upload
 * route asks `room()` and answers 503 + Retry-After past it. Waiting documents
 * of several uploads are run together (up to `chunkSize` at a time, oldest
 * first), so fifty small uploads share a few thread pools instead of starting
 * fifty. The queue lives in memory and in the database: on start, `resume()`
 * re-queues every document of an unfinished batch that has no result yet;
 * a batch whose stored file is gone is marked interrupted instead.
 *
 * With `run` (serve --redis) the chunks go to that runner instead — the
 * queue's `runQueueEntries`, same contract as runBatch — and no local threads
 * are started; storing, events, limits and resume stay as they are.
 */
import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import { createWorkerPool, runBatch, type BatchOptions, type FileEntry, type WorkerPool } from "../batch/pool.js";
import type { AnalysisResult } from "../model/document.js";
import type { Store } from "./store.js";

interface Job {
  batchId: string;
  idx: number;
  name: string;
  sha256: string;
}

/** What an SSE listener hears about one document. */
export interface DocumentEvent {
  batchId: string;
  idx: number;
  name: string;
  state: "running" | "done";
  status?: AnalysisResult["status"];
  passed?: boolean | null;
  errorCode?: string | null;
  done: number;
  total: number;
  batchStatus: string;
}

/** runBatch's contract: one result per file, in input order, with the same callbacks. */
export type BatchRunner = (files: FileEntry[], options: BatchOptions) => AsyncGenerator<AnalysisResult>;

export interface RunnerOptions {
  /** Options of the analysis itself (concurrency, time limit, heap limit, max bytes …). */
  batch: BatchOptions;
  /** Most documents waiting or running at once. */
  limit: number;
  /** Most documents handed to one runBatch call. */
  chunkSize: number;
  /** Replaces the local worker threads (the distributed queue); unset = runBatch on this machine. */
  run?: BatchRunner;
  /** Where a failure of the runner itself is reported (never a document's failure: that is a result). */
  log?: (message: string) => void;
}

export class Runner extends EventEmitter {
  private readonly queue: Job[] = [];
  private inFlight = 0;
  private active: Promise<void> | null = null;
  private readonly controller = new AbortController();
  /** One set of threads for the server's life (ended when idle): a chunk does not pay their start-up. */
  private pool: Promise<WorkerPool | null> | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: RunnerOptions,
  ) {
    super();
    // One listener per open SSE stream.
    this.setMaxListeners(0);
  }

  /** Documents waiting or running. */
  pending(): number {
    return this.queue.length + this.inFlight;
  }

  /** Whether `n` more documents fit under the limit. */
  room(n: number): boolean {
    return this.pending() + n <= this.options.limit;
  }

  /** Picks up what a stop cut off; returns the number of documents re-queued. */
  resume(): number {
    this.store.closeFinished();
    const missing = new Set<string>();
    const jobs: Job[] = [];
    for (const j of this.store.unfinished()) {
      if (!existsSync(this.store.blobPath(j.sha256))) missing.add(j.batchId);
      else jobs.push(j);
    }
    for (const id of missing) this.store.markInterrupted(id);
    const resumed = jobs.filter((j) => !missing.has(j.batchId));
    if (resumed.length) {
      // Resumed batches go first: they were uploaded before anything new.
      this.queue.unshift(...resumed);
      this.kick();
    }
    return resumed.length;
  }

  enqueue(batchId: string, docs: Array<{ idx: number; name: string; sha256: string }>): void {
    for (const d of docs) this.queue.push({ batchId, ...d });
    this.kick();
  }

  /** Forgets the waiting documents of a deleted batch (a running one finishes and is discarded). */
  drop(batchId: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.batchId === batchId) this.queue.splice(i, 1);
  }

  /** Stops: running documents are cancelled and stay without a result, so the next start resumes them. */
  async stop(): Promise<void> {
    this.controller.abort("server stopping");
    this.queue.length = 0;
    await this.active;
    const pool = await this.pool;
    await pool?.destroy().catch(() => undefined);
  }

  /** Waits until nothing is queued or running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  private kick(): void {
    if (this.active || this.controller.signal.aborted) return;
    this.active = this.loop().finally(() => {
      this.active = null;
      if (this.queue.length && !this.controller.signal.aborted) this.kick();
    });
  }

  private announce(job: Job, extra: Partial<DocumentEvent> & { state: DocumentEvent["state"] }): void {
    const b = this.store.getBatch(job.batchId);
    if (!b) return;
    const event: DocumentEvent = { batchId: job.batchId, idx: job.idx, name: job.name, done: b.done, total: b.total, batchStatus: b.status, ...extra };
    this.emit(`batch:${job.batchId}`, event);
  }

  private async loop(): Promise<void> {
    const signal = this.controller.signal;
    const run = this.options.run;
    this.pool ??= run ? Promise.resolve(null) : createWorkerPool({
      ...(this.options.batch.concurrency !== undefined ? { concurrency: this.options.batch.concurrency } : {}),
      ...(this.options.batch.workerHeapMb !== undefined ? { workerHeapMb: this.options.batch.workerHeapMb } : {}),
    });
    const pool = await this.pool;
    while (this.queue.length && !signal.aborted) {
      const chunk = this.queue.splice(0, this.options.chunkSize);
      this.inFlight = chunk.length;
      const entries: FileEntry[] = chunk.map((j) => ({ path: this.store.blobPath(j.sha256), displayPath: j.name }));
      const settled = new Set<number>();
      const batch: BatchOptions = {
        ...this.options.batch,
        // The HTML report highlights the text; the API strips it again.
        includeText: true,
        inWorkers: true,
        ...(pool ? { pool } : {}),
        signal,
        onStart: (_file, i) => {
          const job = chunk[i]!;
          try {
            this.store.markRunning(job.batchId, job.idx);
            this.announce(job, { state: "running" });
          } catch (e) {
            this.options.log?.(`记录文档开始时出错：${e instanceof Error ? e.message : String(e)}`);
          }
        },
        onSettled: (result, i) => {
          const job = chunk[i]!;
          settled.add(i);
          this.inFlight--;
          try {
            if (this.store.saveResult(job.batchId, job.idx, result)) {
              const passed = result.status === "ok" ? result.checklist?.passed !== false : null;
              this.announce(job, { state: "done", status: result.status, passed, errorCode: result.error?.code ?? null });
            }
          } catch (e) {
            this.options.log?.(`保存结果时出错：${e instanceof Error ? e.message : String(e)}`);
          }
        },
      };
      try {
        // Results are stored in onSettled (completion order); the ordered stream is only drained.
        for await (const _ of (run ?? runBatch)(entries, batch)) void _;
      } catch (e) {
        this.options.log?.(`分析队列出错：${e instanceof Error ? e.message : String(e)}`);
        // Redis unreachable for longer than the queue waits: the documents without a result are tried
        // again (each try waits that long first), so a Redis restart does not need a server restart.
        if (e instanceof Error && e.name === "QueueUnavailableError" && !signal.aborted) {
          this.queue.unshift(...chunk.filter((j, i) => !settled.has(i) && this.store.getBatch(j.batchId)));
        }
      } finally {
        this.inFlight = 0;
      }
    }
  }
}
