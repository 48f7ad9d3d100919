import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { formatCsv, formatFindingsCsv, formatItemsCsv } from "../../src/report/csv.js";
import { formatXlsx } from "../../src/report/xlsx.js";
import { formatMarkdown } from "../../src/report/md.js";
import { formatTable } from "../../src/report/table.js";
import { formatJson, formatJsonl } from "../../src/report/json.js";
import { defaultContext } from "../../src/report/context.js";
import { errorResult, okResult } from "./fixture.js";

/** A minimal RFC 4180 reader, to check that what we write reads back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    } else cell += c;
  }
  return rows;
}

const results = [okResult(), errorResult()];

describe("CSV", () => {
  it("starts with a BOM and reads back cell for cell, quotes and commas included", () => {
    const csv = formatItemsCsv(results);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(["文件", "类别", "序号", "内容"]);
    expect(rows).toHaveLength(1 + 2 + 1 + 1);
    expect(rows[2]![3]).toBe('调查研究不够,"联系群众"不紧密。');
    expect(rows[4]![5]).toBe("年底前");
  });

  it("has one document row per result, with counts in their own columns", () => {
    const rows = readCsv(formatCsv(results).slice(1));
    expect(rows).toHaveLength(3);
    const h = rows[0]!;
    expect(rows[1]![h.indexOf("意见建议数")]).toBe("41");
    expect(rows[1]![h.indexOf("满意率（%）")]).toBe("96.3");
    expect(rows[1]![h.indexOf("缺失要素")]).toBe("evaluation.result");
    expect(rows[2]![h.indexOf("错误代码")]).toBe("PDF_NO_TEXT");
  });

  it("defuses cells that a spreadsheet would run as formulas", () => {
    const r = okResult("=HYPERLINK(1).docx");
    expect(readCsv(formatFindingsCsv([r]).slice(1))[1]![0]).toBe("'=HYPERLINK(1).docx");
  });
});

describe("XLSX", () => {
  it("opens back with exceljs: three Chinese sheets with a row per document, finding and item", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await formatXlsx(results)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["文档", "检查发现", "条目"]);
    expect(wb.getWorksheet("文档")!.rowCount).toBe(3);
    expect(wb.getWorksheet("检查发现")!.rowCount).toBe(3);
    expect(wb.getWorksheet("条目")!.rowCount).toBe(5);
    const header = wb.getWorksheet("文档")!.getRow(1).values as unknown[];
    expect(header).toContain("是否通过");
    expect(wb.getWorksheet("文档")!.getRow(2).getCell(1).value).toBe("报告/甲.docx");
  });
});

describe("text formats", () => {
  it("JSONL is one parseable object per line, in order; JSON wraps them with the skipped list", () => {
    const lines = formatJsonl(results).trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l).source.path)).toEqual(["报告/甲.docx", "报告/乙.pdf"]);
    const json = JSON.parse(formatJson(results, defaultContext({ skipped: ["x.xls"] })));
    expect(json.results).toHaveLength(2);
    expect(json.skipped).toEqual(["x.xls"]);
    expect(json.complete).toBe(true);
  });

  it("Markdown escapes table pipes and lists failures with their advice", () => {
    const md = formatMarkdown([okResult("a|b.docx"), errorResult()], defaultContext());
    expect(md).toContain("a\\|b.docx");
    expect(md).toContain("PDF_NO_TEXT");
    expect(md).toContain("| a\\|b.docx | 分析检查报告 | 未通过 | 必备：测评/评议结果 | 2 | 1 | 1 | 2 |");
  });

  it("the terminal table has one line per document, coloured only when asked", () => {
    const plain = formatTable(results, { color: false });
    expect(plain.trimEnd().split("\n")).toHaveLength(2);
    expect(plain).not.toContain("\x1b[");
    expect(plain).toContain("✘ 未通过");
    expect(plain).toContain("缺必备：测评/评议结果");
    expect(formatTable(results, { color: true })).toContain("\x1b[31m");
  });
});
