/**
 * XLSX reporter (exceljs): sheets 文档, 检查发现, 条目 with Chinese headers,
 * a frozen bold header row and an auto-filter. exceljs is imported lazily: a
 * run that writes no XLSX never loads it.
 */
import type { AnalysisResult } from "../model/document.js";
import { documentsTable, findingsTable, itemsTable, similarTable, type Table } from "./rows.js";

export async function formatXlsx(results: AnalysisResult[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "report-check";
  // A fixed date keeps the bytes stable for identical input.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const addSheet = (table: Table): void => {
    const ws = wb.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = table.headers.map((h, i) => ({ header: h, key: `c${i}`, width: table.widths?.[i] ?? 14 }));
    for (const row of table.rows) {
      ws.addRow(row.map((c) => (typeof c === "boolean" ? (c ? "是" : "否") : c)));
    }
    ws.getRow(1).font = { bold: true };
    if (table.headers.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  };
  addSheet(documentsTable(results));
  addSheet(findingsTable(results));
  addSheet(itemsTable(results));
  if (results.some((r) => r.similar)) addSheet(similarTable(results));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
