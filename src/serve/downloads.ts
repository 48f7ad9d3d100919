/**
 * What a finished batch can be downloaded as: a list of entries, each one a
 * file of a registered formatter (src/report/index.ts). The page shows the
 * list the API gives it, so a new format is one more entry here — entries
 * whose formatter is not registered in this build are left out, which lets
 * the list name formats a build may lack. A `bundle` entry packs all the files
 * its formatter returns into one zip (the annotated copies and memos, named
 * by the uploaded names made safe: see `zipEntryName`).
 *
 * Pure rendering over stored results; the reporters decide the content, as
 * for the CLI's --out.
 */
import type { AnalysisResult } from "../model/document.js";
import { getFormatter, type ReportContext } from "../report/index.js";

export interface DownloadEntry {
  /** File name in the URL and in Content-Disposition. */
  file: string;
  /** Formatter name (report/index.ts). */
  format: string;
  /** Chinese label on the page. */
  label: string;
  /** Pack every file of the formatter into one zip. */
  bundle?: boolean;
}

export const DOWNLOADS: DownloadEntry[] = [
  { file: "report.html", format: "html", label: "HTML 报告" },
  { file: "results.xlsx", format: "xlsx", label: "Excel 表格（XLSX）" },
  { file: "results.csv", format: "csv", label: "CSV：文档" },
  { file: "findings.csv", format: "csv", label: "CSV：检查发现" },
  { file: "items.csv", format: "csv", label: "CSV：条目" },
  { file: "results.jsonl", format: "jsonl", label: "JSONL（每行一份文档）" },
  { file: "results.json", format: "json", label: "JSON" },
  { file: "report.md", format: "md", label: "Markdown" },
  // The reviewer's reply (issue 14): every readable document's annotated copy, and its memo.
  { file: "annotated.zip", format: "docx", label: "批注稿（Word，ZIP）", bundle: true },
  { file: "memos.zip", format: "memo", label: "审核意见书（Word，ZIP）", bundle: true },
];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".csv": "text/csv; charset=utf-8",
  ".jsonl": "application/x-ndjson; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".zip": "application/zip",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function contentTypeOf(file: string): string {
  const ext = file.slice(file.lastIndexOf(".")).toLowerCase();
  return CONTENT_TYPES[ext] ?? "application/octet-stream";
}

/** The entries this build can render. */
export function availableDownloads(): DownloadEntry[] {
  return DOWNLOADS.filter((d) => getFormatter(d.format) !== null);
}

export function findDownload(file: string): DownloadEntry | null {
  return availableDownloads().find((d) => d.file === file) ?? null;
}

/**
 * An uploaded name as a path inside a downloaded zip: forward slashes, no empty, `.` or `..`
 * segments, no drive or root, so unpacking the zip cannot climb out of its folder.
 */
export function zipEntryName(uploaded: string): string {
  const parts = uploaded
    .replace(/\\/g, "/")
    .split("/")
    .filter((p) => p && p !== "." && p !== "..")
    .map((p) => p.replace(/^[A-Za-z]:$/, "").replace(/[\u0000-\u001f:*?"<>|]/g, "_"))
    .filter(Boolean);
  return parts.join("/") || "document";
}

/** The result as the CLI writes it to JSON/JSONL/CSV: without the text. */
export function withoutText(r: AnalysisResult): AnalysisResult {
  if (r.text.content === undefined) return r;
  const { content: _content, ...text } = r.text;
  return { ...r, text };
}

/** Renders one download; null when its formatter did not produce the named file. */
export async function renderDownload(entry: DownloadEntry, results: AnalysisResult[], ctx: ReportContext): Promise<string | Uint8Array | null> {
  const formatter = getFormatter(entry.format);
  if (!formatter) return null;
  const files = await formatter.files(formatter.needsText ? results : results.map(withoutText), { ...ctx, color: false });
  if (entry.bundle) {
    const { default: JSZip } = await import("jszip");
    const zip = new JSZip();
    // Formatter file names are plain names (report/index.ts), never paths from the upload.
    for (const f of files) zip.file(f.name, f.data, { date: new Date(0) });
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
  return files.find((f) => f.name === entry.file)?.data ?? null;
}
