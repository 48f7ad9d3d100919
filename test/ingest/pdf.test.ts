import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../src/ingest/pdf.js";
import { layoutPages, normalizeSpaces, type PdfPage, type PdfTextItem } from "../../src/ingest/pdf-layout.js";
import { findRunningLines, isPageNumberText } from "../../src/ingest/pdf-running.js";
import type { ParagraphBlock, RawDocument, TableBlock } from "../../src/model/document.js";
import { ReportCheckError } from "../../src/model/errors.js";
import { assembleBlocks } from "../../src/normalize/assemble.js";
import { cer } from "../helpers/cer.js";

const DEV = join(import.meta.dirname, "../../corpora/dev");
const PDFS = readdirSync(DEV)
  .filter((f) => f.endsWith(".pdf") && !f.startsWith("error-"))
  .sort();

const docs = new Map<string, RawDocument>();
beforeAll(async () => {
  for (const f of PDFS) docs.set(f, await readPdf(readFileSync(join(DEV, f)), {}));
}, 120_000);

function paragraphs(name: string): ParagraphBlock[] {
  return docs.get(name)!.blocks.filter((b): b is ParagraphBlock => b.kind === "paragraph");
}

async function errorCode(buffer: Buffer, ocr = false): Promise<string> {
  try {
    await readPdf(buffer, { ocr });
  } catch (e) {
    if (e instanceof ReportCheckError) return e.code;
    throw e;
  }
  return "OK";
}

describe("readPdf on the dev corpus", () => {
  it.each(PDFS)("reads %s to within 2% character error rate of its TXT", (f) => {
    const raw = docs.get(f)!;
    const ref = readFileSync(join(DEV, f.replace(/\.pdf$/, ".txt")), "utf8");
    const rate = cer(ref, assembleBlocks(raw).text);
    expect(rate).toBeLessThanOrEqual(0.02);
    expect(raw.format).toBe("pdf");
    expect(raw.pages).toBeGreaterThan(1);
  });

  it("removes the running header and the — N — footer of a GB/T 9704 page", () => {
    const f = "analysis-check-gbt9704-complete.pdf";
    const raw = docs.get(f)!;
    const texts = paragraphs(f).map((p) => p.text);
    expect(texts.some((t) => /^[—-]\s*\d+\s*[—-]$/.test(t))).toBe(false);
    // The unit's name printed above every page is not body text.
    expect(texts.some((t) => t === "青禾县交通运输局学习实践活动领导小组办公室")).toBe(false);
    expect(raw.repairs.pageNumbers).toBe(raw.pages);
    expect(raw.repairs.runningLines).toBeGreaterThanOrEqual(raw.pages! - 1);
  });

  it("removes 第 N 页 共 M 页 footers", () => {
    const f = "analysis-check-autonumbered-headings.pdf";
    const all = assembleBlocks(docs.get(f)!).text;
    expect(all).not.toMatch(/第\s*\d+\s*页\s*共\s*\d+\s*页/);
    expect(docs.get(f)!.repairs.pageNumbers).toBeGreaterThan(0);
  });

  it("joins a sentence broken across a page break without a space", () => {
    const texts = paragraphs("analysis-check-gbt9704-complete.pdf").map((p) => p.text);
    // page 2 ends "…撰写发言提纲，党", page 3 starts "组书记的发言提纲…"
    expect(texts.some((t) => t.includes("撰写发言提纲，党组书记的发言提纲"))).toBe(true);
    // page 5 ends "…问题查找", page 6 starts "准不准…"
    expect(texts.some((t) => t.includes("问题查找准不准"))).toBe(true);
  });

  it("keeps headings and indented paragraphs as paragraphs of their own", () => {
    const texts = paragraphs("analysis-check-gbt9704-complete.pdf").map((p) => p.text);
    expect(texts).toContain("一、突出学习深化，为分析检查打牢思想基础");
    // The wrapped two-line title is one paragraph.
    expect(texts[0]).toBe("青禾县交通运输局深入学习实践科学发展观活动分析检查阶段工作总结");
    expect(docs.get("analysis-check-gbt9704-complete.pdf")!.repairs.lineJoins).toBeGreaterThan(50);
  });

  it("deletes the spaces pdf.js puts between CJK characters and digits", () => {
    const text = assembleBlocks(docs.get("analysis-check-gbt9704-complete.pdf")!).text;
    expect(text).toContain("2009年10月12日");
    expect(text).not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff0-9]/);
    expect(text).not.toMatch(/[0-9] +[\u4e00-\u9fff]/);
  });

  it("records the page of each paragraph", () => {
    const ps = paragraphs("analysis-check-gbt9704-complete.pdf");
    expect(ps[0]!.page).toBe(1);
    expect(ps[ps.length - 1]!.page).toBe(6);
  });

  it("rebuilds the task table, drops the repeated header and glues the row split by the page break", () => {
    const raw = docs.get("rectification-table-owners-complete.pdf")!;
    const tables = raw.blocks.filter((b): b is TableBlock => b.kind === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows;
    expect(rows[0]).toEqual(["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "完成时限", "整改进展"]);
    expect(rows).toHaveLength(7);
    const third = rows.find((r) => r[0] === "3")!;
    expect(third[1]).toBe("执法监管宽松软，对部分企业环境违法行为查处不及时，存在以罚代管现象");
    expect(third[3]).toBe("郑海燕");
    expect(third[4]).toBe("生态环境保护综合行政执法支队");
    expect(third[5]).toBe("2023年9月底");
  });

  it("keeps numbered sub-measures of a cell apart and rebuilds a table without a deadline column", () => {
    const raw = docs.get("rectification-plan-table-no-deadline.pdf")!;
    const tables = raw.blocks.filter((b): b is TableBlock => b.kind === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows;
    expect(rows[0]).toEqual(["序号", "存在问题", "整改措施", "牵头领导", "责任科室"]);
    expect(rows).toHaveLength(5);
    expect(rows[1]![1]).toBe("落实教育优先发展战略不够有力，对城区学位紧张、优质教育资源不均衡等问题研究不深、办法不多");
    expect(rows[1]![2]).toMatch(/；\s2\.深化集团化办学改革/);
    expect(rows[1]![4]).toBe("规划建设科、基础教育科");
  });
});

describe("readPdf errors", () => {
  it("refuses a PDF with a user password as PDF_ENCRYPTED", async () => {
    expect(await errorCode(readFileSync(join(DEV, "error-encrypted-user-password.pdf")))).toBe("PDF_ENCRYPTED");
  });

  it("refuses a scan without a text layer as PDF_NO_TEXT", async () => {
    expect(await errorCode(readFileSync(join(DEV, "error-scanned-no-text-layer.pdf")))).toBe("PDF_NO_TEXT");
  });

  it("refuses a text layer of Latin-1 mojibake as TEXT_GARBLED", async () => {
    expect(await errorCode(readFileSync(join(DEV, "error-garbled-text-layer.pdf")))).toBe("TEXT_GARBLED");
  });

  it("refuses random bytes and a truncated file as PDF_CORRUPT", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    expect(await errorCode(bytes)).toBe("PDF_CORRUPT");
    const pdf = readFileSync(join(DEV, "analysis-check-gbt9704-complete.pdf"));
    expect(await errorCode(pdf.subarray(0, 20000))).toBe("PDF_CORRUPT");
  });
});

describe("running lines and spaces", () => {
  it("recognises the page-number shapes of Chinese documents", () => {
    for (const t of ["— 3 —", "- 3 -", "第3页", "第 3 页 共 12 页", "第 3 頁 共 12 頁", "3/12", "7", "－12－"]) {
      expect(isPageNumberText(t), t).toBe(true);
    }
    for (const t of ["一、整改工作开展情况", "2023年", "3个问题"]) expect(isPageNumberText(t), t).toBe(false);
  });

  it("treats a line repeated in the same band on most pages as running, whatever its x", () => {
    const lines = [1, 2, 3, 4].map((page) => ({ page, y: 787, text: "青禾县交通运输局办公室" }));
    lines.push({ page: 1, y: 700, text: "青禾县交通运输局关于开展工作的总结" });
    const v = findRunningLines(lines, 4);
    expect(v.slice(0, 4)).toEqual(["running", "running", "running", "running"]);
    expect(v[4]).toBeUndefined();
  });

  it("drops spaces next to CJK characters but keeps them between Latin words", () => {
    expect(normalizeSpaces("2023 年 10 月")).toBe("2023年10月");
    expect(normalizeSpaces("政 协 委员")).toBe("政协委员");
    expect(normalizeSpaces("ISO 9001 认证")).toBe("ISO 9001认证");
  });
});

describe("layoutPages on positioned runs of one character each (as Word and WPS write them)", () => {
  const SIZE = 16;
  const LEFT = 90;
  const PER_LINE = 28;
  /** A printed line as one run per character, like Word's PDF export. */
  function chars(text: string, x: number, y: number, size = SIZE): PdfTextItem[] {
    return [...text].map((ch, i) => ({ str: ch, x: x + i * size, y, width: size, size, font: "f1" }));
  }
  /** Wraps paragraphs on a 28-character grid with a two-character first-line indent. */
  function page(number: number, paras: Array<{ text: string; cont?: boolean }>, footer: string): PdfPage {
    const items: PdfTextItem[] = [...chars("青禾县交通运输局", 200, 800, 10)];
    let y = 740;
    for (const p of paras) {
      let rest = p.text;
      let first = !p.cont;
      while (rest.length) {
        const room = first ? PER_LINE - 2 : PER_LINE;
        items.push(...chars(rest.slice(0, room), first ? LEFT + 2 * SIZE : LEFT, y));
        rest = rest.slice(room);
        first = false;
        y -= 29;
      }
    }
    items.push(...chars(footer, 280, 50, 14));
    return { number, items };
  }

  it("joins wrapped lines and a sentence across the page break, and drops header and page numbers", () => {
    const a = "按照县委的统一部署，我局于2009年10月12日转入分析检查阶段，局党组紧紧围绕实践载体，坚持把解放思想贯穿";
    const b = "始终，把查找问题作为重点，较好地完成了本阶段的目标任务。";
    const h = "一、突出学习深化";
    const c = "分析检查阶段开始后，局党组把继续深化学习作为首要任务。";
    const pages = [page(1, [{ text: a }], "第 1 页 共 2 页"), page(2, [{ text: b, cont: true }, { text: h }, { text: c }], "第 2 页 共 2 页")];
    // The first paragraph fills page 1 to the margin, so its last line is full.
    const { blocks, repairs } = layoutPages(pages);
    const texts = blocks.map((bl) => (bl.kind === "paragraph" ? bl.text : ""));
    expect(texts).toEqual([a + b, h, c]);
    expect(repairs.pageNumbers).toBe(2);
    expect(repairs.runningLines).toBe(2);
    expect(repairs.lineJoins).toBeGreaterThanOrEqual(3);
  });

  it("glues the tail of a table row that the page break carried alone to the top of the next page", () => {
    const cell = (text: string, x: number, y: number): PdfTextItem[] => chars(text, x, y, 10);
    const page1: PdfPage = {
      number: 1,
      items: [
        ...cell("序号", 100, 700), ...cell("问题", 150, 700), ...cell("措施", 300, 700),
        ...cell("1", 100, 670), ...cell("问题一", 150, 670), ...cell("措施一", 300, 670),
        ...cell("2", 100, 640), ...cell("问题二的前", 150, 640), ...cell("措施二的前", 300, 640),
      ],
    };
    const page2: PdfPage = {
      number: 2,
      items: [...cell("半部分", 150, 780), ...cell("半部分", 300, 780), ...chars("表格之后的正文段落。", LEFT + 2 * SIZE, 700)],
    };
    const { blocks } = layoutPages([page1, page2]);
    expect(blocks[0]).toEqual({
      kind: "table",
      page: 1,
      rows: [
        ["序号", "问题", "措施"],
        ["1", "问题一", "措施一"],
        ["2", "问题二的前半部分", "措施二的前半部分"],
      ],
    });
    expect(blocks[1]).toMatchObject({ kind: "paragraph", text: "表格之后的正文段落。", page: 2 });
  });
});
