/**
 * The command line: a thin shell over the library. It parses arguments
 * (commander 14, `parseAsync` inside try/catch so a rejected action cannot
 * escape), runs the batch, streams JSONL / terminal lines as results arrive,
 * writes the reports atomically into --out, prints the summary and returns the
 * exit code (see exit-codes.ts). The library below it never prints or exits.
 *
 *   report-check analyze <paths…> [--format table|json|jsonl|csv|xlsx|html|md[,…]] [--out DIR] …
 *   report-check stats <paths | results.jsonl …> [--format table|json|csv|html] [--out FILE]
 *   report-check checklist list | show TYPE | validate FILE
 */
import { createReadStream, readFileSync, rmSync, writeSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { extname, relative } from "node:path";
import { availableParallelism } from "node:os";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { AnalysisResult, ReportTypeId } from "../model/document.js";
import type { DocumentOptions, SegmenterName } from "../model/options.js";
import { collectFiles } from "../index.js";
import { runBatch, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MB, MIN_WORKER_HEAP_MB, type BatchOptions, type FileEntry } from "../batch/pool.js";
import { DEFAULT_CACHE_DIR, toolVersion } from "../batch/cache.js";
import { FORMAT_NAMES, formatters, type FormatName, type ReportContext } from "../report/index.js";
import { formatJsonlLine } from "../report/json.js";
import { formatTableLine } from "../report/table.js";
import { SummaryBuilder, formatSummary } from "../report/summary.js";
import { computeStats, StatsBuilder, formatStatsCsv, formatStatsHtml, formatStatsJson, formatStatsTable } from "../stats/index.js";
import { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, exitCodeFor, failsAt, type FailOn } from "./exit-codes.js";
import { createProgress } from "./progress.js";
import { LineWriter, insideDir, writeAtomic } from "./output.js";
import { SimilarityCollector, withoutFingerprint } from "../similar/batch.js";
import { DEFAULT_COPY_THRESHOLD } from "../similar/index.js";
import { copiedEntries, withSimilar } from "../similar/apply.js";
import { mergeSimilar, rewriteJsonlWithSimilar } from "./similar.js";

/** A mistake in the command line: reported in one line, exit 2. */
class UsageError extends Error {}

const REPORT_TYPES: ReportTypeId[] = ["analysis-check", "democratic-life", "rectification", "work-summary"];

interface CommonCliOptions {
  checklist?: string[];
  type?: ReportTypeId;
  concurrency?: number;
  segmenter?: SegmenterName;
  restoreSpin?: "on" | "off" | "auto";
  ocr?: boolean;
  timeout?: number;
  maxBytes?: number;
  maxMemory?: number;
  quiet?: boolean;
  cache?: string | boolean;
  color?: boolean;
  /** Reference folders for copy detection (indexed, not reported). */
  reference?: string[];
  copyThreshold?: number;
  /** false with --no-copy-check. */
  copyCheck?: boolean;
}

interface AnalyzeCliOptions extends CommonCliOptions {
  format?: string;
  out?: string;
  includeText?: boolean;
  failOn: FailOn;
}

interface StatsCliOptions extends CommonCliOptions {
  format?: string;
  out?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} 须为正整数`);
    return n;
  };
}

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("--timeout 须为秒数(0 表示不限)");
  return n;
}

function share(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError("--copy-threshold 须为 0 到 1 之间的比例,如 0.3");
  return n;
}

function megabytes(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < MIN_WORKER_HEAP_MB) throw new InvalidArgumentError(`--max-memory 须为不小于 ${MIN_WORKER_HEAP_MB} 的整数(MB)`);
  return n;
}

/** 52428800, 50M, 50MB, 2g → bytes. */
function byteSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError("--max-bytes 须为字节数,如 52428800 或 50M");
  const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Math.floor(Number(m[1]) * mult);
}

function addDocumentOptions(cmd: Command): Command {
  return cmd
    .option("--checklist <file>", "额外的清单 YAML 文件(可重复)", collect)
    .addOption(new Option("--type <type>", "指定报告类型,不自动识别").choices(REPORT_TYPES))
    .option("--concurrency <n>", `并行线程数(默认 CPU 核数 ${availableParallelism()};1 = 不用工作线程)`, positiveInt("--concurrency"))
    .addOption(new Option("--segmenter <name>", "分词器").choices(["rs", "nodejieba"]).default("rs"))
    .addOption(new Option("--restore-spin <mode>", "还原同义改写文本").choices(["on", "off", "auto"]).default("auto"))
    .option("--ocr", "对没有文字层的 PDF 页做 OCR")
    .option("--timeout <sec>", `单个文件的时限,秒(默认 ${DEFAULT_TIMEOUT_MS / 1000};0 不限)`, seconds)
    .option("--max-bytes <n>", "文件大小上限(默认 50M)", byteSize)
    .option("--max-memory <MB>", `每个工作线程的堆内存上限,MB(默认 ${DEFAULT_WORKER_HEAP_MB},至少 ${MIN_WORKER_HEAP_MB};--concurrency 1 时不设)`, megabytes)
    .option("--cache [dir]", `缓存结果,只重新分析改动过的文件(默认目录 ${DEFAULT_CACHE_DIR})`)
    .option("--reference <dir>", "参照文件夹(范文、模板、往年报告):读取并建立索引用于雷同检测,本身不出报告(可重复)", collect)
    .option("--copy-threshold <share>", `雷同提示的阈值:本文与另一文档共有段落占本文的比例(默认 ${DEFAULT_COPY_THRESHOLD})`, share)
    .option("--no-copy-check", "不做批内雷同(复制)检测")
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
  if (o.cache) batch.cacheDir = typeof o.cache === "string" ? o.cache : DEFAULT_CACHE_DIR;
  return batch;
}

function parseFormats(spec: string | undefined, out: string | undefined): FormatName[] {
  const raw = spec ?? (out ? "jsonl,html" : process.stdout.isTTY ? "table" : "jsonl");
  const names = [...new Set(raw.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (!names.length) throw new UsageError("--format 不能为空");
  for (const n of names) {
    if (!(FORMAT_NAMES as readonly string[]).includes(n)) throw new UsageError(`未知的输出格式:${n}(可选:${FORMAT_NAMES.join(", ")})`);
  }
  const formats = names as FormatName[];
  if (!out) {
    if (formats.length > 1) throw new UsageError("同时输出多种格式时需要用 --out 指定输出目录");
    if (!formatters[formats[0]!].text) throw new UsageError(`${formats[0]} 是二进制格式,需要用 --out 指定输出目录`);
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

/** Ctrl-C once: stop cleanly (finish writing what is done). Twice: leave now. */
function onInterrupt(controller: AbortController, quiet: boolean): () => void {
  let count = 0;
  const handler = (): void => {
    count++;
    if (count === 1) {
      if (!quiet) process.stderr.write("\n正在停止:写出已完成的结果……(再按一次 Ctrl-C 立即退出)\n");
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
    if (!info?.isFile()) throw new UsageError(`找不到清单文件:${f}`);
    if (typeof validate !== "function") continue;
    let res: unknown;
    try {
      res = await (validate as (p: string) => unknown)(f);
    } catch (e) {
      throw new UsageError(`清单文件无效:${f}:${e instanceof Error ? e.message : String(e)}`);
    }
    if (res && typeof res === "object" && (res as Record<string, unknown>)["ok"] === false) {
      throw new UsageError(`清单文件无效:${String((res as Record<string, unknown>)["error"] ?? f)}`);
    }
  }
}

/** Reads the --reference folders (same options and cache as the batch) into the collector; nothing is reported. */
async function indexReferences(dirs: string[], batch: BatchOptions, collector: SimilarityCollector, quiet: boolean): Promise<void> {
  for (const d of dirs) {
    if (!(await stat(d).catch(() => null))) throw new UsageError(`找不到参照文件夹:${d}`);
  }
  const { files } = await collectFiles(dirs);
  const { onStart: _s, onSettled: _t, ...options } = batch;
  let unread = 0;
  for await (const r of runBatch(files.map((f) => ({ path: f, displayPath: f })), options)) {
    if (!collector.addReference(r)) unread++;
  }
  if (!quiet) process.stderr.write(`参照文档:${files.length - unread} 份已建立索引${unread ? `,${unread} 份无法读取(已跳过)` : ""}\n`);
}

async function runAnalyze(paths: string[], o: AnalyzeCliOptions): Promise<number> {
  const started = Date.now();
  const formats = parseFormats(o.format, o.out);
  const htmlWanted = formats.some((f) => formatters[f].needsText);
  const includeText = !!o.includeText;
  await checkChecklistFiles(o.checklist ?? []);
  const { files, skipped } = await collectFiles(paths);
  if (files.length === 0) {
    throw new UsageError(`没有找到可分析的文档${skipped.length ? `(跳过了 ${skipped.length} 个非文档文件)` : ""}:${paths.join(" ")}`);
  }
  const entries: FileEntry[] = files.map((f) => ({ path: f, displayPath: f }));
  const copyThreshold = o.copyThreshold ?? DEFAULT_COPY_THRESHOLD;
  const collector = o.copyCheck !== false ? new SimilarityCollector() : null;

  let jsonl: LineWriter | null = null;
  if (o.out) {
    try {
      await mkdir(o.out, { recursive: true });
      if (!(await stat(o.out)).isDirectory()) throw new Error("not a directory");
    } catch (e) {
      throw new UsageError(`无法创建输出目录 ${o.out}:${e instanceof Error ? e.message : String(e)}`);
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
  const keep = o.out ? formats.some((f) => f !== "jsonl") : streamed === null;
  const kept: AnalysisResult[] = [];
  const stdoutColor = useColor(o, process.stdout);
  const pathWidth = Math.min(60, Math.max(20, ...files.map((f) => f.length)));

  const quiet = !!o.quiet;
  const progress = createProgress(quiet ? "none" : process.stderr.isTTY ? "bar" : "lines");
  const summary = new SummaryBuilder(files.length, skipped);
  const failOn = o.failOn;
  let failing = 0;
  let unreadable = 0;
  const controller = new AbortController();
  const release = onInterrupt(controller, quiet);
  const batch = batchOptions(o, includeText || htmlWanted);
  batch.signal = controller.signal;
  batch.onStart = (f) => progress.fileStarted(f.displayPath);
  batch.onSettled = (r, _i, info) => progress.fileDone(r, info.cached);
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
    for await (const raw of runBatch(entries, batch)) {
      collector?.add(raw);
      const r = withoutFingerprint(raw);
      summary.add(r);
      if (r.status === "error") unreadable++;
      else if (failsAt(r, failOn)) failing++;
      failed.push(r.status === "ok" && failsAt(r, failOn));
      const pub = includeText ? r : withoutText(r);
      if (jsonl) jsonl.write(formatJsonlLine(pub));
      if (spool) spool.writer.write(formatJsonlLine(pub));
      else if (streamed === "jsonl") progress.interleave(() => process.stdout.write(formatJsonlLine(pub)));
      else if (streamed === "table") progress.interleave(() => process.stdout.write(formatTableLine(r, stdoutColor, pathWidth) + "\n"));
      if (keep) kept.push(htmlWanted ? r : pub);
    }
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
    process.stderr.write(`雷同检测未能完成(结果中不含 similar):${e instanceof Error ? e.message : String(e)}\n`);
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

  const interrupted = controller.signal.aborted;
  summary.summary.interrupted = interrupted;
  summary.summary.elapsedMs = Date.now() - started;
  const ctx: ReportContext = {
    generatedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
    skipped,
    interrupted: interrupted ? { done: summary.summary.done, total: files.length } : null,
    total: files.length,
    color: stdoutColor,
    copyThreshold,
  };
  const written: string[] = [];
  if (o.out) {
    if (jsonl) written.push(relative(process.cwd(), jsonl.path) || jsonl.path);
    for (const f of formats) {
      if (f === "jsonl") continue;
      const results = formatters[f].needsText || includeText ? kept : kept.map(withoutText);
      for (const file of await formatters[f].files(results, { ...ctx, color: false })) {
        const target = insideDir(o.out, file.name);
        await writeAtomic(target, file.data);
        written.push(relative(process.cwd(), target) || target);
      }
    }
  } else if (!streamed) {
    const f = formatters[formats[0]!];
    process.stdout.write(f.text!(f.needsText || includeText ? kept : kept.map(withoutText), ctx));
  }

  if (!quiet) {
    // The summary goes to stdout only when stdout is not carrying machine-readable output.
    const toStdout = !!o.out || streamed === "table";
    const stream = toStdout ? process.stdout : process.stderr;
    let text = formatSummary(summary.summary, useColor(o, stream));
    if (copied) text += `雷同:${copied} 份文档与其他文档共有的文字达到本文的 ${Math.round(copyThreshold * 100)}% 以上(quality.copied-text)\n`;
    if (written.length) text += `已写出:\n${written.map((w) => "  " + w).join("\n")}\n`;
    stream.write(text);
  }
  const code = exitCodeFor({ interrupted, unreadable, failing, failOn });
  if (interrupted) {
    // In-process work (concurrency 1) cannot be cancelled; do not wait for it.
    setTimeout(() => process.exit(code), 200).unref();
  }
  return code;
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
      process.stderr.write(`跳过无法解析的行:${path}:${lineNo}\n`);
    }
  }
}

async function runStats(inputs: string[], o: StatsCliOptions): Promise<number> {
  const format = (o.format ?? "table").toLowerCase();
  if (!["table", "json", "csv", "html"].includes(format)) throw new UsageError(`stats 的输出格式只能是 table、json、csv 或 html:${format}`);
  const builder = new StatsBuilder(true, o.copyThreshold ?? DEFAULT_COPY_THRESHOLD);
  const saved = inputs.filter((p) => /\.(jsonl|json)$/i.test(p));
  const others = inputs.filter((p) => !/\.(jsonl|json)$/i.test(p));
  for (const p of saved) {
    try {
      for await (const r of readResults(p)) await builder.add(r);
    } catch (e) {
      throw new UsageError(`无法读取结果文件 ${p}:${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let interrupted = false;
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
  const s = builder.result();
  const text =
    format === "json" ? formatStatsJson(s) : format === "csv" ? formatStatsCsv(s) : format === "html" ? formatStatsHtml(s) : formatStatsTable(s);
  if (o.out) {
    await writeAtomic(o.out, text);
    if (!o.quiet) process.stderr.write(`已写出:${o.out}\n`);
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
    const lines = [`${id.padEnd(18)}${label}(${rules.length} 项)`];
    if (bySeverity("error")) lines.push(`    必备(error):   ${bySeverity("error")}`);
    if (bySeverity("warning")) lines.push(`    建议(warning): ${bySeverity("warning")}`);
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
    process.stderr.write(`清单功能(${name})在此版本中不可用。\n`);
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
    if (!arg) throw new UsageError("用法:report-check checklist show <类型>(如 analysis-check)");
    const show = fn("showChecklist");
    if (!show) return notReady("showChecklist");
    let res: unknown;
    try {
      res = await show(arg);
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    if (res === null || res === undefined) throw new UsageError(`未知的报告类型:${arg}`);
    if (typeof res === "string") process.stdout.write(res.endsWith("\n") ? res : res + "\n");
    else {
      const { stringify } = await import("yaml");
      process.stdout.write(stringify(res));
    }
    return EXIT_OK;
  }
  if (action === "validate") {
    if (!arg) throw new UsageError("用法:report-check checklist validate <文件.yaml>");
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
      process.stderr.write(`✘ ${arg}:${text}\n`);
    }
    return EXIT_FINDINGS;
  }
  throw new UsageError(`未知的子命令:checklist ${action}(可用:list、show、validate)`);
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command("report-check");
  program
    .description("检查中文分析检查报告、对照检查材料、整改情况报告和工作总结的要素")
    .version(toolVersion(), "-V, --version")
    .exitOverride()
    .showHelpAfterError("(用 --help 查看用法)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  addDocumentOptions(
    program
      .command("analyze")
      .description("分析文档(文件、文件夹、通配符),输出结果和报告")
      .argument("<paths...>", "文件、文件夹或通配符(如 'reports/**/*.docx')")
      .option("--format <formats>", `输出格式,可用逗号分隔多个:${FORMAT_NAMES.join(", ")}(终端默认 table,否则 jsonl)`)
      .option("--out <dir>", "输出目录(results.jsonl、report.html、results.xlsx …)")
      .option("--include-text", "在 JSON/JSONL 中包含规范化后的正文 text.content")
      .addOption(new Option("--fail-on <level>", "error/warning:有此级别的检查发现时退出码为 1,有无法读取的文件时为 3;never(默认):写完结果即返回 0").choices(["error", "warning", "never"]).default("never")),
  ).action(async (paths: string[], o: AnalyzeCliOptions) => setCode(await runAnalyze(paths, o)));

  addDocumentOptions(
    program
      .command("stats")
      .description("统计:数字事实、条目数、缺失要素、高频词(可直接读取以前的 results.jsonl)")
      .argument("<inputs...>", "文档、文件夹,或以前运行得到的 results.jsonl / results.json")
      .option("--format <format>", "table、json、csv 或 html", "table")
      .option("--out <file>", "写入文件(而不是标准输出)"),
  ).action(async (inputs: string[], o: StatsCliOptions) => setCode(await runStats(inputs, o)));

  program
    .command("checklist")
    .description("查看或校验清单:list | show <类型> | validate <文件>")
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
      process.stderr.write(`错误:${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

export { computeStats };
