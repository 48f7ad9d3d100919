/**
 * Public API of report-check. The library never prints, never reads
 * process.argv and never exits: the CLI in src/cli/ does that.
 *
 *   import { analyze } from "report-check";
 *   for await (const r of analyze(["reports/"], { concurrency: 4 })) console.log(r.title);
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import type { AnalysisResult } from "./model/document.js";
import { DOCUMENT_EXTENSIONS } from "./ingest/index.js";
import { runBatch, type BatchOptions, type FileEntry } from "./batch/pool.js";
import type { DocumentOptions } from "./model/options.js";
import type { SkipReason } from "./report/skipped.js";

export * from "./model/index.js";
export { runBatch, createWorkerPool, DEFAULT_TIMEOUT_MS } from "./batch/pool.js";
export type { BatchOptions, FileEntry, WorkerPool } from "./batch/pool.js";
export { DEFAULT_CACHE_DIR, toolVersion } from "./batch/cache.js";
export { formatters, getFormatter, FORMAT_NAMES } from "./report/index.js";
export type { Formatter, ReportContext, ReportFile, FormatName } from "./report/index.js";
// Copy detection (batch step): run the batch with `fingerprint: true`, then compare.
export { findSimilar, computeFingerprint, DEFAULT_COPY_THRESHOLD, type SimilarityDoc, type SimilarityOptions } from "./similar/index.js";
export { withSimilar, copiedEntries, COPIED_TEXT_RULE } from "./similar/apply.js";
export { SimilarityCollector, withoutFingerprint } from "./similar/batch.js";

// The pipeline (jieba, pdf.js, mammoth …) is loaded on the first call, not with this module:
// the CLI imports this file for collectFiles, and a thread that only coordinates workers
// (concurrency > 1) must not pay ~150 ms and ~20 MB for code it never runs.

/** Analyse one file in this thread (see pipeline.ts). */
export async function analyzeFile(path: string, options: DocumentOptions = {}, displayPath = path): Promise<AnalysisResult> {
  return (await import("./pipeline.js")).analyzeFile(path, options, displayPath);
}

/** Analyse a document already in memory; `name` gives the format by its extension. */
export async function analyzeBuffer(buffer: Buffer, name: string, options: DocumentOptions = {}, started = performance.now()): Promise<AnalysisResult> {
  return (await import("./pipeline.js")).analyzeBuffer(buffer, name, options, started);
}

export interface AnalyzeOptions extends BatchOptions {}

/** A path met while collecting that will not be analysed, and why. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
}
export { SKIP_REASON_LABELS, type SkipReason } from "./report/skipped.js";

export interface CollectedFiles {
  /** Paths to analyse, in input order (each folder sorted by path). */
  files: string[];
  /** Paths passed over, listed so a summary can show them. */
  skipped: string[];
  /** The same, with the reason. */
  skippedDetail: SkippedFile[];
}

const isDocument = (p: string): boolean => DOCUMENT_EXTENSIONS.includes(extname(p).toLowerCase());

/**
 * Files that editors and operating systems leave beside documents and that are never reports:
 * Word/WPS owner files (`~$报告.docx`, 162 bytes, present while the report is open), LibreOffice
 * locks (`.~lock.报告.docx#`), macOS resource forks (`._报告.docx`, on shared drives and in zips),
 * thumbnail caches and folder settings. Read as documents they fail (DOCX_CORRUPT) and turn a
 * clean batch into exit 3, so they are skipped and listed wherever they come from.
 */
export function isLockFile(p: string): boolean {
  const name = basename(p);
  return (
    name.startsWith("~$") ||
    /^\.~lock\..*#$/.test(name) ||
    name.startsWith("._") ||
    /^(thumbs\.db|ehthumbs\.db|desktop\.ini|\.ds_store)$/i.test(name)
  );
}
// Folders that never hold the user's reports and can be huge (node_modules/, .git/).
const IGNORED_DIRS = new Set(["node_modules", ".git", ".svn", ".hg", ".report-check-cache"]);

/**
 * Files found under `paths`: a file as given (even if its extension is unknown —
 * it then fails with UNSUPPORTED_FORMAT, visibly; only lock files are skipped even there), a folder walked recursively
 * and sorted, a glob (`reports/**\/*.docx`) expanded with tinyglobby. A path that
 * does not exist is kept, so its result says READ_FAILED instead of vanishing.
 * Symlinked folders are followed once (a loop is detected by real path);
 * unreadable folders are listed, not fatal.
 */
export async function collectFiles(paths: string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const skippedDetail: SkippedFile[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(p);
  };

  const walk = async (dir: string, visited: Set<string>, out: string[], skipped: SkippedFile[]): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      skipped.push({ path: dir, reason: "unreadable" });
      return;
    }
    if (visited.has(real)) {
      skipped.push({ path: dir, reason: "symlink-loop" });
      return;
    }
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      skipped.push({ path: dir, reason: "unreadable" });
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await stat(p).catch(() => null);
        if (!target) {
          skipped.push({ path: p, reason: "unreadable" });
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (IGNORED_DIRS.has(e.name)) skipped.push({ path: p, reason: "ignored-folder" });
        else await walk(p, visited, out, skipped);
      } else if (isFile && isLockFile(p)) skipped.push({ path: p, reason: "lock-file" });
      else if (isFile && isDocument(p)) out.push(p);
      else skipped.push({ path: p, reason: "not-a-document" });
    }
  };

  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      const found: string[] = [];
      const skipped: SkippedFile[] = [];
      await walk(p, new Set(), found, skipped);
      for (const f of found.sort(byPath)) add(f);
      skippedDetail.push(...skipped.sort((a, b) => byPath(a.path, b.path)));
    } else if (!info && (await globber()).isDynamicPattern(p)) {
      const { glob } = await globber();
      const matches = (await glob(p, { onlyFiles: true, followSymbolicLinks: true, expandDirectories: false })).sort(byPath);
      if (matches.length === 0) skippedDetail.push({ path: p, reason: "no-match" });
      for (const m of matches) {
        if (isLockFile(m)) skippedDetail.push({ path: m, reason: "lock-file" });
        else if (isDocument(m)) add(m);
        else skippedDetail.push({ path: m, reason: "not-a-document" });
      }
    } else if (isLockFile(p)) skippedDetail.push({ path: p, reason: "lock-file" });
    else add(p);
  }
  return { files, skipped: skippedDetail.map((s) => s.path), skippedDetail };
}

/** tinyglobby, loaded for the first path that does not exist (~25 ms of start-up otherwise). */
let tinyglobby: Promise<typeof import("tinyglobby")> | null = null;
function globber(): Promise<typeof import("tinyglobby")> {
  tinyglobby ??= import("tinyglobby");
  return tinyglobby;
}

/** Code-point order: the same on every machine and locale. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Analyse documents on worker threads; yields one result per file IN INPUT
 * ORDER (each folder sorted by path) as soon as it and all before it are done.
 */
export async function* analyze(paths: string[], options: AnalyzeOptions = {}): AsyncGenerator<AnalysisResult> {
  const { files } = await collectFiles(paths);
  const entries: FileEntry[] = files.map((f) => ({ path: f, displayPath: f }));
  yield* runBatch(entries, options);
}

// ───────────── the same batch over several machines (src/queue/, BullMQ on Redis) ─────────────
// Loaded on first call: BullMQ and the Redis client are not needed by a local run.

export type { QueueRunOptions, QueueBatchOptions } from "./queue/coordinator.js";
export type { QueueWorkerOptions, QueueWorkerEvent, QueueWorkerHandle } from "./queue/worker.js";
export type { ConnectionEvent } from "./queue/connection.js";

export interface AnalyzeViaQueueOptions extends AnalyzeOptions {
  /** redis://host:port of the queue that `report-check worker` processes listen on. */
  redis: string;
  queue?: string;
  keepResultsSec?: number;
  redisWaitMs?: number;
  onConnection?: (e: import("./queue/connection.js").ConnectionEvent) => void;
}

/**
 * `analyze`, with the documents analysed by worker machines through the queue:
 * the same results in the same order (timings aside). Throws a
 * `QueueUnavailableError` (name) when Redis stays unreachable; calling it again
 * resumes from the results already in the queue.
 */
export async function* analyzeViaQueue(paths: string[], options: AnalyzeViaQueueOptions): AsyncGenerator<AnalysisResult> {
  const { files } = await collectFiles(paths);
  yield* runQueueEntries(
    files.map((f) => ({ path: f, displayPath: f })),
    options,
  );
}

/** The queue-backed twin of `runBatch`, for callers that already have their file list (a server's uploads saved to disk). */
export async function* runQueueEntries(files: FileEntry[], options: AnalyzeViaQueueOptions): AsyncGenerator<AnalysisResult> {
  const { runQueueBatch } = await import("./queue/coordinator.js");
  yield* runQueueBatch(files, options);
}

/** Starts a queue worker in this process (what `report-check worker` runs). */
export async function startQueueWorker(options: import("./queue/worker.js").QueueWorkerOptions): Promise<import("./queue/worker.js").QueueWorkerHandle> {
  return (await import("./queue/worker.js")).startQueueWorker(options);
}
