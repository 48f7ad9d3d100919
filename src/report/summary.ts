/**
 * The end-of-run summary: documents, ok, errors by code (with the advice of
 * each code, e.g. re-run with --ocr for PDF_NO_TEXT), pass/fail, missing
 * elements, skipped non-documents. Built incrementally (`add` per result), so
 * the CLI needs no list of all results to print it.
 */
import type { AnalysisResult } from "../model/document.js";
import { errorMessage, type ErrorCode } from "../model/errors.js";
import { ruleLabel } from "./labels.js";
import { isNotAReport, missingElements } from "./rows.js";
import { padCjk } from "./width.js";
import { describeSkipped, type SkippedEntry } from "./skipped.js";

export interface Summary {
  total: number;
  done: number;
  ok: number;
  passed: number;
  failed: number;
  /** Failed documents by code AND message: one code has several causes (TOO_LARGE: size, time, memory, zip bomb), each with its own advice. */
  errors: Record<string, { code: string; message: string; count: number; files: string[] }>;
  missing: Record<string, number>;
  findings: { error: number; warning: number; info: number };
  skipped: string[];
  /** Why each skipped path was skipped (shown beside it). */
  skippedDetail?: SkippedEntry[];
  /** The files the run wrote (the summary points to one of them for the full lists). */
  written?: string[];
  /** Documents not finished when the run was interrupted, in input order. */
  unfinished?: string[];
  /** Readable documents that are not reports (notices, attachment lists): not judged. */
  notReports?: string[];
  interrupted: boolean;
  elapsedMs: number;
}

export class SummaryBuilder {
  readonly summary: Summary;
  constructor(total: number, skipped: string[], skippedDetail?: SkippedEntry[]) {
    this.summary = {
      total,
      done: 0,
      ok: 0,
      passed: 0,
      failed: 0,
      errors: {},
      missing: {},
      findings: { error: 0, warning: 0, info: 0 },
      skipped,
      ...(skippedDetail ? { skippedDetail } : {}),
      interrupted: false,
      elapsedMs: 0,
    };
  }

  add(r: AnalysisResult): void {
    const s = this.summary;
    s.done++;
    if (r.status === "error") {
      const code = r.error?.code ?? "READ_FAILED";
      const message = r.error?.message || advice(code);
      const e = (s.errors[`${code}\u0000${message}`] ??= { code, message, count: 0, files: [] });
      e.count++;
      if (e.files.length < 20) e.files.push(r.source.path);
      return;
    }
    s.ok++;
    if (isNotAReport(r)) {
      (s.notReports ??= []).push(r.source.path);
      return;
    }
    if (r.checklist?.passed === false) s.failed++;
    else s.passed++;
    for (const f of r.checklist?.findings ?? []) s.findings[f.severity] = (s.findings[f.severity] ?? 0) + 1;
    for (const id of missingElements(r)) s.missing[id] = (s.missing[id] ?? 0) + 1;
  }
}

/**
 * Where the complete list of skipped files can be read: only a file this run wrote that holds it
 * (results.json, report.html, report.md); nothing when none does (stdout formats, no --out).
 */
function fullListHint(written: string[] | undefined): string {
  const full = (written ?? []).filter((w) => /(?:^|[\\/])(?:results\.json|report\.html|report\.md)$/.test(w));
  return full.length ? `（完整列表见 ${full.join("、")}）` : "";
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Advice per error code: the catalogue message, plus the exact flag where there is one. */
function advice(code: string): string {
  try {
    return errorMessage(code as ErrorCode);
  } catch {
    return "";
  }
}

export function formatSummary(s: Summary, color = false): string {
  const lines: string[] = [];
  const bold = (t: string): string => paint(color, "1", t);
  lines.push(bold("── 汇总 ──"));
  if (s.interrupted) lines.push(paint(color, "33", `已中断：完成 ${s.done} / ${s.total} 个文件（已写出的结果完整有效）`));
  const errorCount = Object.values(s.errors).reduce((a, e) => a + e.count, 0);
  lines.push(`文档总数  ${s.total}`);
  lines.push(`已分析    ${s.ok}   （通过 ${paint(color, "32", String(s.passed))}，未通过 ${paint(color, "31", String(s.failed))}）`);
  lines.push(`无法读取  ${errorCount === 0 ? "0" : paint(color, "35", String(errorCount))}`);
  for (const e of Object.values(s.errors).sort((a, b) => b.count - a.count)) {
    lines.push(`  ${e.code.padEnd(18)} ${String(e.count).padStart(4)}  ${e.message}`);
    for (const f of e.files.slice(0, 5)) lines.push(`      ${f}`);
    if (e.count > 5) lines.push(`      … 另 ${e.count - 5} 个`);
  }
  const scans = Object.values(s.errors).filter((e) => e.code === "PDF_NO_TEXT").reduce((a, e) => a + e.count, 0);
  if (scans) lines.push(paint(color, "33", `提示：${scans} 个 PDF 是扫描件，请加 --ocr 重新运行以识别文字。`));
  const missing = Object.entries(s.missing).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (missing.length) {
    lines.push("缺失要素（文档数）：");
    for (const [id, n] of missing) lines.push(`  ${padCjk(ruleLabel(id), 18)}${id.padEnd(22)} ${String(n).padStart(4)}`);
  }
  if (s.notReports?.length) {
    lines.push(`未识别为报告 ${s.notReports.length} 个（未按清单检查；如确为报告，用 --type 指定类型）：`);
    for (const p of s.notReports.slice(0, 10)) lines.push(`  ${p}`);
    if (s.notReports.length > 10) lines.push(`  … 另 ${s.notReports.length - 10} 个`);
  }
  if (s.findings.error + s.findings.warning > 0) lines.push(`检查发现  错误 ${s.findings.error}，警告 ${s.findings.warning}`);
  if (s.interrupted && s.unfinished?.length) {
    lines.push(paint(color, "33", `未完成（已中断）${s.unfinished.length} 个：`));
    for (const p of s.unfinished.slice(0, 10)) lines.push(`  ${p}`);
    if (s.unfinished.length > 10) lines.push(`  … 另 ${s.unfinished.length - 10} 个`);
  }
  if (s.skipped.length) {
    lines.push(`已跳过 ${s.skipped.length} 个：`);
    for (const p of s.skipped.slice(0, 10)) lines.push(`  ${describeSkipped(p, s.skippedDetail)}`);
    if (s.skipped.length > 10) lines.push(`  … 另 ${s.skipped.length - 10} 个${fullListHint(s.written)}`);
  }
  if (s.elapsedMs) lines.push(`用时      ${(s.elapsedMs / 1000).toFixed(1)} 秒`);
  return lines.join("\n") + "\n";
}
