/**
 * The command line: a thin shell over the library. It parses arguments
 * (commander 14, `parseAsync` inside try/catch so a rejected action cannot
 * escape), runs the batch, streams JSONL / terminal lines as results arrive,
 * writes the reports atomically into --out, prints the summary and returns the
 * exit code (see exit-codes.ts). The library below it never prints or exits.
 *
 *   report-check analyze <paths…> [--format table|json|jsonl|csv|xlsx|html|md[,…]] [--out DIR] …
 *   report-check stats <paths | results.jsonl …> [--format table|json|csv|html] [--out FILE] [--by year|campaign|sector|level|scope|type]
 *   report-check checklist list | show TYPE | validate FILE
 *   report-check serve [--host H] [--port N] [--data DIR] [--token T] …   (web application, src/serve/)
 */
import { createReadStream, readFileSync, rmSync, writeSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { extname, relative } from "node:path";
import { availableParallelism } from "node:os";
import { Command, CommanderError, Help, InvalidArgumentError, Option } from "commander";
import type { AnalysisResult, CustomTypeId, ReportTypeId, SimilarEntry } from "../model/document.js";
import type { DocumentOptions, SegmenterName } from "../model/options.js";
import { collectFiles, SKIP_REASON_LABELS, type SkippedFile } from "../index.js";
import { runBatch, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, MIN_WORKER_HEAP_MB, type BatchOptions, type FileEntry } from "../batch/pool.js";
import { DEFAULT_CACHE_DIR, toolVersion } from "../batch/cache.js";
import { FORMAT_NAMES, formatters, type FormatName, type ReportContext } from "../report/index.js";
import { formatJsonlLine } from "../report/json.js";
import { formatTableLine } from "../report/table.js";
import { SummaryBuilder, formatSummary } from "../report/summary.js";
// The stats modules are imported by `stats` only: an `analyze` run does not pay for them.
import type { StatsBuilder as StatsBuilderType } from "../stats/index.js";
import { META_DIMENSIONS, type MetaDimension } from "../model/meta.js";
import { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, exitCodeFor, failsAt, type FailOn } from "./exit-codes.js";
import { createProgress } from "./progress.js";
import { HELP_TITLES, optionDescription, translateCommanderError } from "./messages.js";
import { insideDir, insideDirPath, LineWriter, prepareOutDir, writeAtomic } from "./output.js";
import { relativeNamer } from "./relative-names.js";
import type { ServeCommandOptions } from "../serve/command.js";
import { type BatchRunner, checkQueueOptions, duration, isQueueUnavailable, type QueueCliOptions, queueRunner, runWorker, type WorkerCliOptions } from "./queue.js";
import { SimilarityCollector, withoutFingerprint } from "../similar/batch.js";
import { DEFAULT_COPY_THRESHOLD } from "../similar/index.js";
import { copiedEntries, withSimilar } from "../similar/apply.js";
import { mergeSimilar, rewriteJsonlWithSimilar } from "./similar.js";

/** A mistake in the command line: reported in one line, exit 2. */
class UsageError extends Error {}

const REPORT_TYPES: ReportTypeId[] = ["analysis-check", "democratic-life", "rectification", "work-summary"];

interface CommonCliOptions {
  checklist?: string[];
  type?: ReportTypeId | CustomTypeId;
  concurrency?: number;
  segmenter?: SegmenterName;
  restoreSpin?: "on" | "off" | "auto";
  ocr?: boolean;
  timeout?: number;
  maxBytes?: number;
  maxMemory?: number;
  isolateAbove?: number;
  quiet?: boolean;
  cache?: string | boolean;
  color?: boolean;
  /** Reference folders for copy detection (indexed, not reported). */
  reference?: string[];
  copyThreshold?: number;
  /** false with --no-copy-check. */
  copyCheck?: boolean;
}

interface AnalyzeCliOptions extends CommonCliOptions, QueueCliOptions {
  format?: string;
  out?: string;
  includeText?: boolean;
  reviewer?: string;
  failOn: FailOn;
}

interface StatsCliOptions extends CommonCliOptions {
  format?: string;
  out?: string;
  /** Split every table by one dimension (meta or the report type). */
  by?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} 须为正整数`);
    return n;
  };
}

function portNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("--port 须为 0–65535 的整数");
  return n;
}

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("--timeout 须为秒数（0 表示不限）");
  return n;
}

function share(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError("--copy-threshold 须为 0 到 1 之间的比例，如 0.3");
  return n;
}

function megabytes(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < MIN_WORKER_HEAP_MB) throw new InvalidArgumentError(`--max-memory 须为不小于 ${MIN_WORKER_HEAP_MB} 的整数（MB）`);
  return n;
}

/** 52428800, 50M, 50MB, 2g → bytes. */
function byteSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError("--max-bytes 须为字节数，如 52428800 或 50M");
  const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Math.floor(Number(m[1]) * mult);
}

/** --isolate-above: a size as for --max-bytes, or "never". */
function isolateSize(v: string): number {
  if (/^never$/i.test(v.trim())) return Infinity;
  try {
    return byteSize(v);
  } catch {
    throw new InvalidArgumentError("--isolate-above 须为字节数（如 8M；0 表示每个文件都在独立进程中分析）或 never");
  }
}

function addDocumentOptions(cmd: Command): Command {
  return cmd
    .option("--checklist <file>", "额外的清单 YAML 文件（可重复）", collect)
    .option("--type <type>", `指定报告类型，不自动识别：${REPORT_TYPES.join("、")}，或 --checklist 文件中自定义的类型 id`)
    .option("--concurrency <n>", `并行线程数，默认为 CPU 核数（本机 ${availableParallelism()}）；1 表示不用工作线程，在主线程逐个分析`, positiveInt("--concurrency"))
    .addOption(new Option("--segmenter <name>", "分词器").choices(["rs", "nodejieba"]).default("rs"))
    .addOption(new Option("--restore-spin <mode>", "还原同义改写文本").choices(["on", "off", "auto"]).default("auto"))
    .option("--ocr", "对没有文字层或文字层乱码的 PDF 页做 OCR")
    .option("--timeout <sec>", `单个文件的时限，秒（默认 ${DEFAULT_TIMEOUT_MS / 1000}；0 不限）。--concurrency 1 时只能在阶段之间和 PDF 页之间停下`, seconds)
    .option("--max-bytes <n>", "文件大小上限（默认 50M）", byteSize)
    .option("--max-memory <MB>", `每个文件可用的堆内存，MB（默认 ${DEFAULT_WORKER_HEAP_MB}，至少 ${MIN_WORKER_HEAP_MB}）；超出即按 TOO_LARGE 跳过`, megabytes)
    .option("--isolate-above <size>", "大于该大小的文件在独立进程中分析，即使它耗尽内存也只影响它自己（默认 8M；0 表示全部；never 表示从不）", isolateSize)
    .option("--cache [dir]", `缓存结果，只重新分析改动过的文件（默认目录 ${DEFAULT_CACHE_DIR}）`)
    .option("--reference <dir>", "参照文件夹（范文、模板、往年报告）：读取并建立索引用于雷同检测，本身不出报告（可重复）", collect)
    .option("--copy-threshold <share>", `雷同提示的阈值：本文与另一文档共有段落占本文的比例（默认 ${DEFAULT_COPY_THRESHOLD}）`, share)
    .option("--no-copy-check", "不做批内雷同（复制）检测")
    .option("--quiet", "不显示进度和汇总")
    .option("--no-color", "不使用颜色");
}

function batchOptions(o: CommonCliOptions, includeText: boolean): BatchOptions {
  const doc: DocumentOptions = { includeText };
  if (o.type) doc.type = o.type;
  if (o.checklist?.length) doc.checklistFiles = o.checklist;
  if (o.segmenter) doc.segmenter = o.segmenter;
  if (o.restoreSpin) doc.restoreSpin = o.restoreSpin;
  if (o.ocr) doc.ocr = true;
  if (o.maxBytes !== undefined) doc.maxBytes = o.maxBytes;
  if (o.copyCheck !== false) doc.fingerprint = true;
  // The CLI owns its process, so the in-process runner may collect the heap between documents too.
  const batch: BatchOptions = { ...doc, trimHeap: true };
  if (o.concurrency !== undefined) batch.concurrency = o.concurrency;
  if (o.timeout !== undefined) batch.timeoutMs = Math.round(o.timeout * 1000);
  if (o.maxMemory !== undefined) batch.workerHeapMb = o.maxMemory;
  if (o.isolateAbove !== undefined) batch.isolateAboveBytes = o.isolateAbove;
  if (o.cache) batch.cacheDir = typeof o.cache === "string" ? o.cache : DEFAULT_CACHE_DIR;
  return batch;
}

function parseFormats(spec: string | undefined, out: string | undefined): FormatName[] {
  const raw = spec ?? (out ? "jsonl,html" : process.stdout.isTTY ? "table" : "jsonl");
  const names = [...new Set(raw.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (!names.length) throw new UsageError("--format 不能为空");
  for (const n of names) {
    if (!(FORMAT_NAMES as readonly string[]).includes(n)) throw new UsageError(`未知的输出格式：${n}（可选：${FORMAT_NAMES.join(", ")}）`);
  }
  const formats = names as FormatName[];
  if (!out) {
    if (formats.length > 1) throw new UsageError("同时输出多种格式时需要用 --out 指定输出目录");
    if (!formatters[formats[0]!].text) throw new UsageError(`${formats[0]} 是二进制格式，需要用 --out 指定输出目录`);
  }
  return formats;
}

/** The result as written to JSON/JSONL/CSV: without the text unless --include-text asked for it. */
function withoutText(r: AnalysisResult): AnalysisResult {
  if (r.text.content === undefined) return r;
  const { content: _content, ...text } = r.text;
  return { ...r, text };
}

function useColor(o: CommonCliOptions, stream: NodeJS.WriteStream): boolean {
  return o.color !== false && !!stream.isTTY && !process.env["NO_COLOR"];
}

function quietOutput(o: CommonCliOptions): boolean {
  return !!o.quiet;
}

/** Ctrl-C once: stop cleanly (finish writing what is done). Twice: leave now. */
function onInterrupt(controller: AbortController, quiet: boolean): () => void {
  let count = 0;
  const handler = (): void => {
    count++;
    if (count === 1) {
      if (!quiet) process.stderr.write("\n正在停止：写出已完成的结果……（再按一次 Ctrl-C 立即退出）\n");
      controller.abort();
    } else process.exit(EXIT_INTERRUPTED);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

/** A broken --checklist would fail every document the same way: refuse it up front (exit 2) with the reason. */
async function checkChecklistFiles(files: string[]): Promise<void> {
  if (!files.length) return;
  const mod = await loadChecklistModule();
  const validate = mod?.["validateChecklistFile"];
  for (const f of files) {
    const info = await stat(f).catch(() => null);
    if (!info?.isFile()) throw new UsageError(`找不到清单文件：${f}`);
    if (typeof validate !== "function") continue;
    let res: unknown;
    try {
      res = await (validate as (p: string) => unknown)(f);
    } catch (e) {
      throw new UsageError(`清单文件无效：${f}:${e instanceof Error ? e.message : String(e)}`);
    }
    if (res && typeof res === "object" && (res as Record<string, unknown>)["ok"] === false) {
      throw new UsageError(`清单文件无效：${String((res as Record<string, unknown>)["error"] ?? f)}`);
    }
  }
}

/** --type: a built-in type, or the id of a checklist given with --checklist (`id: my-type`). */
async function checkType(type: string | undefined, checklistFiles: string[]): Promise<void> {
  if (type === undefined || (REPORT_TYPES as string[]).includes(type)) return;
  const mod = await loadChecklistModule();
  const load = mod?.["loadChecklists"];
  const ids = typeof load === "function" ? [...((load as (f: string[]) => Map<string, unknown>)(checklistFiles)).keys()] : [...REPORT_TYPES];
  if (ids.includes(type)) return;
  const hint = checklistFiles.length ? "" : "；自定义类型须同时用 --checklist 给出定义它的清单文件（id: " + type + "）";
  throw new UsageError(`未知的报告类型：${type}（可选：${ids.join("、")}${hint}）`);
}

/** Reads the --reference folders (same options and cache as the batch) into the collector; nothing is reported. */
async function indexReferences(dirs: string[], batch: BatchOptions, collector: SimilarityCollector, quiet: boolean): Promise<void> {
  for (const d of dirs) {
    if (!(await stat(d).catch(() => null))) throw new UsageError(`找不到参照文件夹：${d}`);
  }
  const { files } = await collectFiles(dirs);
  const { onStart: _s, onSettled: _t, ...options } = batch;
  let unread = 0;
  for await (const r of runBatch(files.map((f) => ({ path: f, displayPath: f })), options)) {
    if (!collector.addReference(r)) unread++;
  }
  if (!quiet) process.stderr.write(`参照文档：${files.length - unread} 份已建立索引${unread ? `，${unread} 份无法读取（已跳过）` : ""}\n`);
}

async function runAnalyze(paths: string[], o: AnalyzeCliOptions): Promise<number> {
  const started = Date.now();
  const formats = parseFormats(o.format, o.out);
  const htmlWanted = formats.some((f) => formatters[f].needsText);
  // annotated copies and memos: rendered and written as each result arrives, never kept
  const perDocument = o.out ? formats.filter((f) => formatters[f].perDocument) : [];
  const keepText = formats.some((f) => formatters[f].needsText && !formatters[f].perDocument);
  const includeText = !!o.includeText;
  const queueProblem = checkQueueOptions(o);
  if (queueProblem) throw new UsageError(queueProblem);
  await checkChecklistFiles(o.checklist ?? []);
  await checkType(o.type, o.checklist ?? []);
  const { files, skipped, skippedDetail } = await collectFiles(paths);
  if (files.length === 0) throw new UsageError(nothingToAnalyse(paths, skippedDetail));
  const entries: FileEntry[] = files.map((f) => ({ path: f, displayPath: f }));
  const copyThreshold = o.copyThreshold ?? DEFAULT_COPY_THRESHOLD;
  const collector = o.copyCheck !== false ? new SimilarityCollector() : null;

  let jsonl: LineWriter | null = null;
  if (o.out) {
    try {
      await prepareOutDir(o.out);
    } catch (e) {
      throw new UsageError(`输出目录 ${o.out} 不可用：${e instanceof Error ? e.message : String(e)}。请用 --out 指定一个可写的文件夹。`);
    }
    if (formats.includes("jsonl")) jsonl = new LineWriter(insideDir(o.out, "results.jsonl"));
  }
  // Formats streamed to stdout line by line; everything else is rendered at the end from kept results.
  const streamed: FormatName | null = !o.out && (formats[0] === "jsonl" || formats[0] === "table") ? formats[0] : null;
  // JSONL on stdout cannot be rewritten once `similar` is known: with more than one document it is
  // spooled to a temp file as documents finish and written out with `similar` at the end.
  let spool: { dir: string; writer: LineWriter; sent: number } | null = null;
  let spoolSignals = 0;
  const leaveWithSpool = (): void => {
    // The first signal is the batch's to handle (stop cleanly); the next one leaves.
    if (++spoolSignals >= 2) process.exit(EXIT_INTERRUPTED);
  };
  const spoolDone = (): void => {
    process.off("exit", flushSpoolOnExit);
    process.off("SIGINT", leaveWithSpool);
    process.off("SIGTERM", leaveWithSpool);
  };
  // Leaving at once (a second Ctrl-C): the lines not yet written go out as they are, without `similar`.
  const flushSpoolOnExit = (): void => {
    if (!spool) return;
    try {
      const lines = readFileSync(spool.writer.path, "utf8").split("\n").filter(Boolean).slice(spool.sent);
      if (lines.length) writeSync(1, lines.join("\n") + "\n");
      rmSync(spool.dir, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  };
  const keep = o.out ? formats.some((f) => f !== "jsonl" && !formatters[f].perDocument) : streamed === null;
  const kept: AnalysisResult[] = [];
  const stdoutColor = useColor(o, process.stdout);
  const pathWidth = Math.min(60, Math.max(20, ...files.map((f) => f.length)));

  const quiet = !!o.quiet;
  const progress = createProgress(quiet ? "none" : process.stderr.isTTY ? "bar" : "lines");
  const summary = new SummaryBuilder(files.length, skipped, skippedDetail);
  const yielded = new Set<string>();
  const failOn = o.failOn;
  let failing = 0;
  let unreadable = 0;
  const controller = new AbortController();
  const release = onInterrupt(controller, quiet);
  const batch = batchOptions(o, includeText || htmlWanted);
  // One document and no reference folder: nothing to compare it with, so its fingerprint (~10 ms)
  // is not computed. The output is the same: `similar` comes out [] with or without one.
  if (files.length === 1 && !o.reference?.length) delete batch.fingerprint;
  batch.signal = controller.signal;
  batch.onStart = (f) => progress.fileStarted(f.displayPath);
  batch.onSettled = (r, _i, info) => progress.fileDone(r, info.cached);
  const runStarted = new Date().toISOString();
  const nameOf = perDocument.length ? await relativeNamer(paths) : null;
  const docCtx: ReportContext = {
    generatedAt: runStarted,
    toolVersion: toolVersion(),
    skipped,
    ...(o.reviewer ? { reviewer: o.reviewer } : {}),
    relativePath: (r) => nameOf!(r.source.path),
    readSource: async (r) => new Uint8Array(await readFile(r.source.path)),
  };
  const perDocumentWritten = new Map<string, number>();

  // --redis: the same batch, analysed by worker machines through the queue (src/queue/).
  const run: BatchRunner = o.redis ? await queueRunner(o, (line) => progress.interleave(() => process.stderr.write(line))) : runBatch;
  let queueStopped: string | null = null;

  if (collector && o.reference?.length) await indexReferences(o.reference, batch, collector, quiet);
  if (collector && streamed === "jsonl" && (files.length > 1 || collector.references > 0)) {
    const dir = await mkdtemp(join(tmpdir(), "report-check-"));
    spool = { dir, writer: new LineWriter(join(dir, "results.jsonl")), sent: 0 };
    process.on("exit", flushSpoolOnExit);
    // Until the spool is written out, Ctrl-C (after the first, which the batch handles) leaves through
    // process.exit, so the exit hook above still runs; a signal's default action would skip it.
    process.on("SIGINT", leaveWithSpool);
    process.on("SIGTERM", leaveWithSpool);
  }
  const failed: boolean[] = [];

  progress.start(files.length);
  try {
    for await (const raw of run(entries, batch)) {
      collector?.add(raw);
      const r = withoutFingerprint(raw);
      yielded.add(r.source.path);
      summary.add(r);
      if (r.status === "error") unreadable++;
      else if (failsAt(r, failOn)) failing++;
      failed.push(r.status === "ok" && failsAt(r, failOn));
      const pub = includeText ? r : withoutText(r);
      if (jsonl) jsonl.write(formatJsonlLine(pub));
      if (spool) spool.writer.write(formatJsonlLine(pub));
      else if (streamed === "jsonl") progress.interleave(() => process.stdout.write(formatJsonlLine(pub)));
      else if (streamed === "table") progress.interleave(() => process.stdout.write(formatTableLine(r, stdoutColor, pathWidth) + "\n"));
      if (keep) kept.push(keepText ? r : pub);
      for (const f of perDocument) {
        // one bad document's copy must not stop the batch: the error goes into the result's warnings shown on stderr
        try {
          for (const file of await formatters[f].perDocument!(r, docCtx)) {
            const target = insideDirPath(o.out!, file.name);
            await writeAtomic(target, file.data);
            const folder = relative(process.cwd(), insideDir(o.out!, file.name.split("/")[0]!)) || file.name.split("/")[0]!;
            perDocumentWritten.set(folder, (perDocumentWritten.get(folder) ?? 0) + 1);
          }
        } catch (e) {
          progress.interleave(() => process.stderr.write(`无法写出 ${r.source.path} 的${f === "memo" ? "审核意见书" : "批注稿"}：${e instanceof Error ? e.message : String(e)}\n`));
        }
      }
    }
  } catch (e) {
    // Redis unreachable for too long: like an interruption, what was written stands and a re-run resumes.
    if (!isQueueUnavailable(e)) throw e;
    queueStopped = e.message;
  } finally {
    progress.stop();
    jsonl?.close();
    spool?.writer.close();
    release();
  }

  // The batch step: copy detection over every finished document (also after Ctrl-C).
  let copied = 0;
  // A failure here is a program fault, not a document's: the streamed results stay as they are.
  let similar: ReturnType<SimilarityCollector["compute"]> | null = null;
  try {
    similar = collector?.compute() ?? null;
  } catch (e) {
    process.stderr.write(`雷同检测未能完成（结果中不含 similar）：${e instanceof Error ? e.message : String(e)}\n`);
  }
  if (collector && !similar && spool) {
    process.stdout.write(await readFile(spool.writer.path));
    await rm(spool.dir, { recursive: true, force: true });
    spool = null;
    spoolDone();
  }
  if (collector && similar) {
    for (let i = 0; i < kept.length; i++) kept[i] = withSimilar(kept[i]!, similar[i], copyThreshold);
    similar.forEach((entries, i) => {
      const n = copiedEntries(entries, copyThreshold).length;
      if (!n) return;
      copied++;
      summary.summary.findings.warning += n;
      if (failOn === "warning" && !failed[i]) failing++;
    });
    if (jsonl) await rewriteJsonlWithSimilar(jsonl.path, similar, copyThreshold);
    if (spool) {
      const sp = spool;
      await mergeSimilar(sp.writer.path, similar, copyThreshold, (line) => {
        process.stdout.write(line);
        sp.sent++;
      });
      spool = null;
      spoolDone();
      await rm(sp.dir, { recursive: true, force: true });
    }
  }

  const interrupted = controller.signal.aborted || queueStopped !== null;
  summary.summary.interrupted = interrupted;
  if (interrupted) summary.summary.unfinished = entries.map((e) => e.displayPath).filter((p) => !yielded.has(p));
  summary.summary.elapsedMs = Date.now() - started;
  const ctx: ReportContext = {
    generatedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
    skipped,
    skippedDetail,
    interrupted: interrupted ? { done: summary.summary.done, total: files.length, unfinished: summary.summary.unfinished ?? [] } : null,
    total: files.length,
    color: stdoutColor,
    copyThreshold,
  };
  const written: string[] = [];
  if (o.out) {
    if (jsonl) written.push(relative(process.cwd(), jsonl.path) || jsonl.path);
    for (const [folder, n] of perDocumentWritten) written.push(`${folder}/（${n} 个文件）`);
    for (const f of formats) {
      if (f === "jsonl" || formatters[f].perDocument) continue;
      const results = formatters[f].needsText || includeText ? kept : kept.map(withoutText);
      for (const file of await formatters[f].files(results, { ...ctx, color: false })) {
        const target = insideDir(o.out, file.name);
        await writeAtomic(target, file.data);
        written.push(relative(process.cwd(), target) || target);
      }
    }
  } else if (!streamed) {
    const f = formatters[formats[0]!];
    // CSV is three tables; standard output carries only the first: say where the others are.
    if (formats[0] === "csv" && !quietOutput(o)) process.stderr.write("提示：标准输出只含文档表（results.csv）；检查发现（findings.csv）和条目（items.csv）没有输出，请用 --out 目录 --format csv 得到全部三个文件。\n");
    process.stdout.write(f.text!(f.needsText || includeText ? kept : kept.map(withoutText), ctx));
  }

  if (!quiet) {
    // The summary goes to stdout only when stdout is not carrying machine-readable output.
    const toStdout = !!o.out || streamed === "table";
    const stream = toStdout ? process.stdout : process.stderr;
    summary.summary.written = written;
    let text = formatSummary(summary.summary, useColor(o, stream));
    if (copied) text += `雷同：${copied} 份文档与其他文档共有的文字达到本文的 ${Math.round(copyThreshold * 100)}% 以上（quality.copied-text）\n`;
    if (written.length) text += `已写出：\n${written.map((w) => "  " + w).join("\n")}\n`;
    stream.write(text);
  }
  if (queueStopped) process.stderr.write(`错误：${queueStopped}\n`);
  const code = exitCodeFor({ interrupted, unreadable, failing, failOn });
  if (interrupted) {
    // In-process work (concurrency 1) cannot be cancelled; do not wait for it.
    setTimeout(() => process.exit(code), 200).unref();
  }
  return code;
}

/** Why nothing is left to analyse: a pattern that matched nothing says so, not "skipped 1 non-document". */
function nothingToAnalyse(paths: string[], detail: SkippedFile[]): string {
  const noMatch = detail.filter((d) => d.reason === "no-match").map((d) => d.path);
  const others = detail.filter((d) => d.reason !== "no-match");
  const parts: string[] = [];
  if (noMatch.length) parts.push(`通配符没有匹配到任何文件：${noMatch.join(" ")}（请检查路径和写法；在 shell 中请给通配符加引号）`);
  if (others.length) {
    const byReason = new Map<string, number>();
    for (const d of others) byReason.set(SKIP_REASON_LABELS[d.reason], (byReason.get(SKIP_REASON_LABELS[d.reason]) ?? 0) + 1);
    const what = [...byReason].map(([label, n]) => `${n} 个${label.replace(/[((].*$/, "")}`).join("、");
    parts.push(`没有找到可分析的文档（跳过了 ${what}）：${paths.filter((p) => !noMatch.includes(p)).join(" ")}`);
  }
  if (!parts.length) parts.push(`没有找到可分析的文档：${paths.join(" ")}`);
  return parts.join(";");
}

/** Results from previous runs (.jsonl / results.json), read lazily line by line. */
async function* readResults(path: string): AsyncGenerator<AnalysisResult> {
  if (extname(path).toLowerCase() === ".json") {
    const data = JSON.parse(await readFile(path, "utf8")) as unknown;
    const list = Array.isArray(data) ? data : ((data as { results?: unknown[] }).results ?? []);
    for (const r of list) yield r as AnalysisResult;
    return;
  }
  const rl = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as AnalysisResult;
      if (r && typeof r === "object" && r.source) yield r;
    } catch {
      // A line cut off by an interrupted run: report and go on.
      process.stderr.write(`跳过无法解析的行：${path}:${lineNo}\n`);
    }
  }
}

async function runStats(inputs: string[], o: StatsCliOptions): Promise<number> {
  const format = (o.format ?? "table").toLowerCase();
  if (!["table", "json", "csv", "html"].includes(format)) throw new UsageError(`stats 的输出格式只能是 table、json、csv 或 html：${format}`);
  if (o.by !== undefined && !(META_DIMENSIONS as readonly string[]).includes(o.by)) throw new UsageError(`--by 只能是 ${META_DIMENSIONS.join("、")}：${o.by}`);
  const by = o.by as MetaDimension | undefined;
  const { StatsBuilder, formatStatsCsv, formatStatsHtml, formatStatsJson, formatStatsTable } = await import("../stats/index.js");
  const { GroupedStatsBuilder } = await import("../stats/grouped.js");
  const { formatGroupedStatsCsv, formatGroupedStatsHtml, formatGroupedStatsJson, formatGroupedStatsTable } = await import("../stats/format-grouped.js");
  const builder: { add(r: AnalysisResult): Promise<void>; addSimilar(path: string, entries: SimilarEntry[] | undefined): void } = by ? new GroupedStatsBuilder(by, true) : new StatsBuilder(true, o.copyThreshold ?? DEFAULT_COPY_THRESHOLD);
  const saved = inputs.filter((p) => /\.(jsonl|json)$/i.test(p));
  const others = inputs.filter((p) => !/\.(jsonl|json)$/i.test(p));
  for (const p of saved) {
    try {
      for await (const r of readResults(p)) await builder.add(r);
    } catch (e) {
      throw new UsageError(`无法读取结果文件 ${p}：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let interrupted = false;
  await checkChecklistFiles(o.checklist ?? []);
  await checkType(o.type, o.checklist ?? []);
  if (others.length) {
    const { files } = await collectFiles(others);
    const progress = createProgress(o.quiet ? "none" : process.stderr.isTTY ? "bar" : "lines");
    const controller = new AbortController();
    const release = onInterrupt(controller, !!o.quiet);
    const batch = batchOptions(o, false);
    batch.signal = controller.signal;
    batch.onStart = (f) => progress.fileStarted(f.displayPath);
    batch.onSettled = (r, _i, info) => progress.fileDone(r, info.cached);
    const collector = o.copyCheck !== false ? new SimilarityCollector() : null;
    if (collector && o.reference?.length) await indexReferences(o.reference, batch, collector, !!o.quiet);
    const paths: string[] = [];
    progress.start(files.length);
    try {
      for await (const r of runBatch(
        files.map((f) => ({ path: f, displayPath: f })),
        batch,
      )) {
        collector?.add(r);
        paths.push(r.source.path);
        await builder.add(withoutFingerprint(r));
      }
    } finally {
      progress.stop();
      release();
    }
    // Copy clusters: the batch step over the analysed documents, once all are in.
    if (collector) collector.compute().forEach((entries, i) => builder.addSimilar(paths[i]!, entries));
    interrupted = controller.signal.aborted;
  }
  let text: string;
  if (builder instanceof GroupedStatsBuilder) {
    const g = builder.result();
    text = format === "json" ? formatGroupedStatsJson(g) : format === "csv" ? formatGroupedStatsCsv(g) : format === "html" ? formatGroupedStatsHtml(g) : formatGroupedStatsTable(g);
  } else {
    const s = (builder as StatsBuilderType).result();
    text = format === "json" ? formatStatsJson(s) : format === "csv" ? formatStatsCsv(s) : format === "html" ? formatStatsHtml(s) : formatStatsTable(s);
  }
  if (o.out) {
    await writeAtomic(o.out, text);
    if (!o.quiet) process.stderr.write(`已写出：${o.out}\n`);
  } else process.stdout.write(text);
  return interrupted ? EXIT_INTERRUPTED : EXIT_OK;
}

type ChecklistModule = Record<string, unknown>;

async function loadChecklistModule(): Promise<ChecklistModule | null> {
  try {
    return (await import("../checklist/index.js")) as ChecklistModule;
  } catch {
    return null;
  }
}

function describeChecklist(c: unknown): string {
  if (typeof c === "string") return c;
  if (c && typeof c === "object") {
    const o = c as Record<string, unknown>;
    const id = String(o["id"] ?? o["type"] ?? o["name"] ?? "");
    const label = String(o["label"] ?? o["title"] ?? "");
    const rules = o["rules"] ?? o["elements"] ?? o["items"];
    if (!Array.isArray(rules)) return `${id.padEnd(18)}${label}`;
    const bySeverity = (sev: string): string =>
      rules
        .filter((r) => r && typeof r === "object" && (r as Record<string, unknown>)["severity"] === sev)
        .map((r) => String((r as Record<string, unknown>)["id"]))
        .join(", ");
    const lines = [`${id.padEnd(18)}${label}（${rules.length} 项）`];
    if (bySeverity("error")) lines.push(`    必备（error）：   ${bySeverity("error")}`);
    if (bySeverity("warning")) lines.push(`    建议（warning）： ${bySeverity("warning")}`);
    return lines.join("\n");
  }
  return String(c);
}

async function runChecklistCommand(action: string, arg: string | undefined): Promise<number> {
  const mod = await loadChecklistModule();
  const fn = (name: string): ((...a: unknown[]) => unknown) | null => {
    const f = mod?.[name];
    return typeof f === "function" ? (f as (...a: unknown[]) => unknown) : null;
  };
  const notReady = (name: string): number => {
    process.stderr.write(`清单功能（${name}）在此版本中不可用。\n`);
    return EXIT_USAGE;
  };
  if (action === "list") {
    const list = fn("listChecklists");
    if (!list) return notReady("listChecklists");
    const res = await list();
    if (Array.isArray(res)) for (const c of res) process.stdout.write(describeChecklist(c) + "\n");
    else process.stdout.write(typeof res === "string" ? res : JSON.stringify(res, null, 2) + "\n");
    return EXIT_OK;
  }
  if (action === "show") {
    if (!arg) throw new UsageError("用法：report-check checklist show <类型>（如 analysis-check）");
    const show = fn("showChecklist");
    if (!show) return notReady("showChecklist");
    let res: unknown;
    try {
      res = await show(arg);
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    if (res === null || res === undefined) throw new UsageError(`未知的报告类型：${arg}`);
    if (typeof res === "string") process.stdout.write(res.endsWith("\n") ? res : res + "\n");
    else {
      const { stringify } = await import("yaml");
      process.stdout.write(stringify(res));
    }
    return EXIT_OK;
  }
  if (action === "validate") {
    if (!arg) throw new UsageError("用法：report-check checklist validate <文件.yaml>");
    const validate = fn("validateChecklistFile");
    if (!validate) return notReady("validateChecklistFile");
    let res: unknown;
    try {
      res = await validate(arg);
    } catch (e) {
      process.stderr.write(`✘ ${arg}:${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_FINDINGS;
    }
    const errors: unknown[] = Array.isArray(res)
      ? res
      : res && typeof res === "object"
        ? (((res as Record<string, unknown>)["errors"] as unknown[] | undefined) ??
          ((res as Record<string, unknown>)["error"] ? [(res as Record<string, unknown>)["error"]] : (res as Record<string, unknown>)["ok"] === false ? ["无效"] : []))
        : res === false
          ? ["无效"]
          : [];
    if (errors.length === 0) {
      process.stdout.write(`✔ ${arg} 有效\n`);
      return EXIT_OK;
    }
    for (const err of errors) {
      const text = typeof err === "string" ? err : err && typeof err === "object" ? String((err as Record<string, unknown>)["message"] ?? JSON.stringify(err)) : String(err);
      // The loader's message already starts with the path (`bad.yaml:4: …`): print it once.
      process.stderr.write(`✘ ${text.startsWith(arg) ? text : `${arg}:${text}`}\n`);
    }
    return EXIT_FINDINGS;
  }
  throw new UsageError(`未知的子命令：checklist ${action}（可用：list、show、validate）`);
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command("report-check");
  program
    .description("检查中文分析检查报告、对照检查材料、整改情况报告和工作总结的要素")
    .version(toolVersion(), "-V, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [command]", "显示某个命令的帮助")
    .exitOverride()
    .showHelpAfterError("（用 --help 查看用法）")
    .configureHelp({
      styleTitle: (t) => HELP_TITLES[t] ?? t,
      optionDescription,
      // commander puts a space after the usage heading; after a full-width colon it is one too many
      formatHelp: (cmd, helper) => Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^(用法：) /m, "$1"),
    })
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      // Parse errors in Chinese, like every other message (commander's are English).
      outputError: (s, write) => write(translateCommanderError(s, process.argv)),
    });

  addDocumentOptions(
    program
      .command("analyze")
      .description("分析文档（文件、文件夹、通配符），输出结果和报告")
      .argument("<paths...>", "文件、文件夹或通配符（如 'reports/**/*.docx'）")
      .option("--format <formats>", `输出格式，可用逗号分隔多个：${FORMAT_NAMES.join(", ")}（终端默认 table，否则 jsonl）`)
      .option("--out <dir>", "输出目录（results.jsonl、report.html、results.xlsx …）")
      .option("--include-text", "在 JSON/JSONL 中包含规范化后的正文 text.content")
      .option("--reviewer <name>", "批注稿和审核意见书的审核人（批注作者，默认“审核意见”）")
      .addOption(new Option("--fail-on <level>", "error/warning：有此级别的检查发现时退出码为 1，有无法读取的文件时为 3；never（默认）：写完结果即返回 0").choices(["error", "warning", "never"]).default("never"))
      .option("--redis <url>", "通过 Redis 队列交给工作机（report-check worker）分析，如 redis://10.0.0.5:6379；输出与本机运行相同")
      .option("--queue <name>", "队列名（默认 report-check，须与工作机一致）")
      .option("--keep-results <time>", "结果在队列中保留多久，期间重新运行同一命令直接取用（默认 7d；如 3600、12h、7d）", duration("--keep-results"))
      .option("--redis-wait <time>", "与 Redis 的连接中断多久后停止（默认 60s）", duration("--redis-wait")),
  ).action(async (paths: string[], o: AnalyzeCliOptions) => setCode(await runAnalyze(paths, o)));

  program
    .command("worker")
    .description("工作机：从 Redis 队列领取文档并分析，直到收到 SIGTERM（配合 analyze --redis 使用）")
    .requiredOption("--redis <url>", "Redis 地址，如 redis://10.0.0.5:6379")
    .option("--queue <name>", "队列名（默认 report-check）")
    .option("--concurrency <n>", `同时分析的文档数（线程数，默认 CPU 核数 ${availableParallelism()}）`, positiveInt("--concurrency"))
    .option("--timeout <sec>", "单个文件时限的上限，秒（默认按发起端的 --timeout；两者取小）", seconds)
    .option("--max-memory <MB>", `每个线程的堆内存上限，MB（默认 ${DEFAULT_WORKER_HEAP_MB}）`, megabytes)
    .option("--max-attempts <n>", "一个文档最多运行几次：处理它的进程反复意外退出时，达到次数即判为错误结果（默认 3）", positiveInt("--max-attempts"))
    .option("--lock-duration <ms>", "任务锁时长，毫秒：工作机失联多久后其任务可被收回（默认 30000）", positiveInt("--lock-duration"))
    .option("--stalled-interval <ms>", "检查失联任务的间隔，毫秒（默认 30000）", positiveInt("--stalled-interval"))
    .option("--name <name>", "工作机名称，记录在它处理的任务上（默认 主机名-进程号）")
    .option("--quiet", "不逐条记录完成的文档")
    .action(async (o: WorkerCliOptions) => setCode(await runWorker(o)));

  addDocumentOptions(
    program
      .command("stats")
      .description("统计：数字事实、条目数、缺失要素、高频词（可直接读取以前的 results.jsonl）")
      .argument("<inputs...>", "文档、文件夹，或以前运行得到的 results.jsonl / results.json")
      .option("--format <format>", "table、json、csv 或 html", "table")
      .option("--out <file>", "写入文件（而不是标准输出）")
      .option("--by <dimension>", "按维度分组统计：year（年份）、campaign（专项活动）、sector（领域）、level（层级）、scope（班子/个人）、type（报告类型）"),
  ).action(async (inputs: string[], o: StatsCliOptions) => setCode(await runStats(inputs, o)));

  addDocumentOptions(
    program
      .command("serve")
      .description("启动网页服务：在浏览器中上传报告、查看检查结果和历史批次")
      .option("--host <host>", "监听地址（默认 127.0.0.1，仅本机；其他地址必须设置 --token）", "127.0.0.1")
      .option("--port <n>", "端口（0 = 任选空闲端口）", portNumber, 8080)
      .option("--data <dir>", "数据目录：历史数据库和上传的文件（默认 ./report-check-data）")
      .option("--token <token>", "访问令牌（也可用环境变量 REPORT_CHECK_TOKEN）；监听非本机地址时必须设置")
      .option("--redis <url>", "通过 Redis 队列交给工作机（report-check worker）分析，如 redis://10.0.0.5:6379；历史、进度和续跑与本机分析相同")
      .option("--queue <name>", "与 --redis 一起：队列名（默认 report-check，须与工作机一致）")
      .option("--max-files <n>", "每批最多文件数（默认 500）", positiveInt("--max-files"))
      .option("--max-batch-bytes <n>", "每批总大小上限（默认 500M）", byteSize)
      .option("--max-zip-bytes <n>", "每个 .zip 解压后的大小上限（默认 500M）", byteSize)
      .option("--max-zip-entries <n>", "每个 .zip 的条目数上限（默认 5000）", positiveInt("--max-zip-entries"))
      .option("--queue-limit <n>", "排队等待分析的文档上限，超过时上传返回 503（默认 2000）", positiveInt("--queue-limit"))
      .option("--trust-proxy", "信任反向代理的 X-Forwarded-* 头（在 nginx 等代理之后运行时使用）"),
  ).action(async (o: CommonCliOptions & ServeCommandOptions) => {
    await checkChecklistFiles(o.checklist ?? []);
    const { runServeCommand } = await import("../serve/command.js");
    setCode(await runServeCommand(o, batchOptions(o, true)));
  });

  program
    .command("checklist")
    .description("查看或校验清单：list | show <类型> | validate <文件>")
    .argument("<action>", "list、show 或 validate")
    .argument("[arg]", "报告类型或清单文件")
    .action(async (action: string, arg: string | undefined) => setCode(await runChecklistCommand(action, arg)));

  return program;
}

/** Runs the CLI; returns the exit code (never calls process.exit on the normal path). */
export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with exit code 0; every parse error is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`错误：${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

/** stats/index.js's computeStats, loaded on call (see the imports above). */
export async function computeStats(...args: Parameters<typeof import("../stats/index.js").computeStats>): ReturnType<typeof import("../stats/index.js").computeStats> {
  return (await import("../stats/index.js")).computeStats(...args);
}
