/**
 * Reporters, registered by name (like textlint's formatters). Each is pure:
 * results in, files (string or bytes) out; no analysis, no I/O. The CLI picks
 * them by `--format` and writes their files into `--out`.
 *
 * JSON is the source of truth; every other format renders from the same
 * schema-v1 objects.
 */
import type { AnalysisResult } from "../model/document.js";
import type { ReportContext } from "./context.js";
import { formatCsv, formatFindingsCsv, formatItemsCsv, formatSimilarCsv } from "./csv.js";
import { formatHtml } from "./html/index.js";
import { formatJson, formatJsonl } from "./json.js";
import { formatMarkdown } from "./md.js";
import type { formatAnnotated as FormatAnnotated, formatMemoFile as FormatMemoFile } from "./reply.js";
import { formatTable } from "./table.js";
import { formatXlsx } from "./xlsx.js";

export type { ReportContext } from "./context.js";
export { defaultContext } from "./context.js";
export { formatJsonlLine } from "./json.js";
export { formatTableLine } from "./table.js";
export { SummaryBuilder, formatSummary, type Summary } from "./summary.js";
// reply.js pulls in the docx writer and JSZip (~0.1–0.2 s of CPU at start-up):
// loaded only when a Word output is asked for, not on every run.
export const formatAnnotated: typeof FormatAnnotated = async (r, ctx) => (await import("./reply.js")).formatAnnotated(r, ctx);
export const formatMemoFile: typeof FormatMemoFile = async (r, ctx) => (await import("./reply.js")).formatMemoFile(r, ctx);
export { formatCsv, formatFindingsCsv, formatItemsCsv, formatSimilarCsv, formatHtml, formatJson, formatJsonl, formatMarkdown, formatTable, formatXlsx };


export const FORMAT_NAMES = ["table", "json", "jsonl", "csv", "xlsx", "html", "md", "docx", "memo"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface ReportFile {
  /** File name inside --out; per-document formats use a relative path under their own folder (`annotated/a/b.docx`). */
  name: string;
  data: string | Uint8Array;
}

export interface Formatter {
  name: FormatName;
  /** Files written into --out. */
  files(results: AnalysisResult[], ctx: ReportContext): Promise<ReportFile[]>;
  /** Text for stdout (no --out); absent for binary formats. */
  text?(results: AnalysisResult[], ctx: ReportContext): string;
  /** The format shows document text, so the analysis must keep `text.content`. */
  needsText?: boolean;
  /** Files of one document, written as each result arrives (annotated copies, memos). */
  perDocument?(result: AnalysisResult, ctx: ReportContext): Promise<ReportFile[]>;
}

async function allDocuments(results: AnalysisResult[], ctx: ReportContext, one: (r: AnalysisResult, ctx: ReportContext) => Promise<ReportFile[]>): Promise<ReportFile[]> {
  const out: ReportFile[] = [];
  for (const r of results) out.push(...(await one(r, ctx)));
  return out;
}

export const formatters: Record<FormatName, Formatter> = {
  table: {
    name: "table",
    files: async (r, ctx) => [{ name: "results.txt", data: formatTable(r, { ...ctx, color: false }) }],
    text: (r, ctx) => formatTable(r, ctx),
  },
  json: {
    name: "json",
    files: async (r, ctx) => [{ name: "results.json", data: formatJson(r, ctx) }],
    text: formatJson,
  },
  jsonl: {
    name: "jsonl",
    files: async (r) => [{ name: "results.jsonl", data: formatJsonl(r) }],
    text: (r) => formatJsonl(r),
  },
  csv: {
    name: "csv",
    files: async (r) => [
      { name: "results.csv", data: formatCsv(r) },
      { name: "findings.csv", data: formatFindingsCsv(r) },
      { name: "items.csv", data: formatItemsCsv(r) },
      // Only when copy detection ran (some result carries `similar`).
      ...(r.some((x) => x.similar) ? [{ name: "similar.csv", data: formatSimilarCsv(r) }] : []),
    ],
    text: (r) => formatCsv(r),
  },
  xlsx: {
    name: "xlsx",
    files: async (r) => [{ name: "results.xlsx", data: await formatXlsx(r) }],
  },
  html: {
    name: "html",
    files: async (r, ctx) => [{ name: "report.html", data: formatHtml(r, ctx) }],
    text: formatHtml,
    needsText: true,
  },
  md: {
    name: "md",
    files: async (r, ctx) => [{ name: "report.md", data: formatMarkdown(r, ctx) }],
    text: formatMarkdown,
  },
  docx: {
    name: "docx",
    files: (r, ctx) => allDocuments(r, ctx, formatAnnotated),
    perDocument: formatAnnotated,
    needsText: true,
  },
  memo: {
    name: "memo",
    files: (r, ctx) => allDocuments(r, ctx, formatMemoFile),
    perDocument: formatMemoFile,
    needsText: true,
  },
};

export function getFormatter(name: string): Formatter | null {
  return (FORMAT_NAMES as readonly string[]).includes(name) ? formatters[name as FormatName] : null;
}
