/**
 * CSV reporter: the 文档 / 检查发现 / 条目 tables (rows.ts) as UTF-8 with a BOM
 * and CRLF line ends, so Excel on a Chinese Windows opens them without
 * mojibake. Quoting follows RFC 4180.
 */
import type { AnalysisResult } from "../model/document.js";
import { documentsTable, findingsTable, itemsTable, similarTable, type Cell, type Table } from "./rows.js";

export const BOM = "\uFEFF";

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "boolean" ? (v ? "是" : "否") : String(v);
  // A cell starting with = + @ is run as a formula by spreadsheet programs (CSV injection).
  if (typeof v === "string" && /^[=+@]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsvTable(table: Table): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(","));
  return BOM + lines.join("\r\n") + "\r\n";
}

export function formatCsv(results: AnalysisResult[]): string {
  return formatCsvTable(documentsTable(results));
}

export function formatFindingsCsv(results: AnalysisResult[]): string {
  return formatCsvTable(findingsTable(results));
}

export function formatItemsCsv(results: AnalysisResult[]): string {
  return formatCsvTable(itemsTable(results));
}

export function formatSimilarCsv(results: AnalysisResult[]): string {
  return formatCsvTable(similarTable(results));
}
