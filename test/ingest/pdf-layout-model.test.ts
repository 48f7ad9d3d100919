/**
 * The PDF layout model on real LibreOffice renderings (corpora/layout, made by
 * scripts/make-layout-corpus.mjs from the DOCX beside each PDF): the PDF must
 * give the same paragraphs as the DOCX it was printed from — indents without
 * spacing, typed full-width-space indents, a two-column page — and carry the
 * same typography hints (bold sub-headings, larger style headings).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocx } from "../../src/ingest/docx.js";
import { isBoldFont, readPdf } from "../../src/ingest/pdf.js";
import { columnRegions, findGutter, type ColumnItem } from "../../src/ingest/pdf-columns.js";
import { layoutPages, type PdfTextItem } from "../../src/ingest/pdf-layout.js";
import type { ParagraphBlock, RawDocument } from "../../src/model/document.js";

const DIR = join(import.meta.dirname, "../../corpora/layout");
const NAMES = [
  "layout-indent-only-analysis-check",
  "layout-bold-subheadings-personal",
  "layout-style-headings-work-summary",
  "layout-two-column-work-summary",
  "layout-roles-rectification-report",
  "layout-campaign-summary-mixed",
];

const pdf = new Map<string, RawDocument>();
const docx = new Map<string, RawDocument>();
beforeAll(async () => {
  for (const n of NAMES) {
    pdf.set(n, await readPdf(readFileSync(join(DIR, `${n}.pdf`)), {}));
    docx.set(n, await readDocx(readFileSync(join(DIR, `${n}.docx`))));
  }
}, 120_000);

function paras(raw: RawDocument): ParagraphBlock[] {
  return raw.blocks.filter((b): b is ParagraphBlock => b.kind === "paragraph");
}

/** Paragraph texts without the typed indent (U+3000) the DOCX keeps and the PDF cannot show as text. */
function texts(raw: RawDocument): string[] {
  return paras(raw).map((p) => p.text.replace(/^[\s\u3000]+/, ""));
}

describe("PDF paragraphs match the DOCX they were printed from", () => {
  it("splits paragraphs marked only by a first-line indent, with no spacing between them", () => {
    const n = "layout-indent-only-analysis-check";
    expect(texts(pdf.get(n)!)).toEqual(texts(docx.get(n)!));
    // the heading is not glued to the paragraph before it, and the title stands alone
    expect(texts(pdf.get(n)!)).toContain("三、存在的主要问题");
    expect(texts(pdf.get(n)!)[0]).toBe("中共青禾县农业农村局党组关于深入学习实践活动的分析检查报告");
  });

  it.each(["layout-roles-rectification-report", "layout-campaign-summary-mixed"])("splits paragraphs indented with typed full-width spaces (%s)", (n) => {
    expect(texts(pdf.get(n)!)).toEqual(texts(docx.get(n)!));
  });

  it("reads a two-column page column by column", () => {
    const n = "layout-two-column-work-summary";
    const got = texts(pdf.get(n)!);
    expect(got).toEqual(texts(docx.get(n)!));
    // the right column's first paragraph follows the left column's last heading
    const at = got.indexOf("（四）民生保障持续加强");
    expect(got[at + 1]).toMatch(/^落实各项惠民政策/);
    expect(pdf.get(n)!.blocks.some((b) => b.kind === "table")).toBe(false);
  });
});

describe("PDF typography becomes the hints DOCX styles give", () => {
  it("marks bold unmarked sub-headings bold, like the DOCX runs, and body text not", () => {
    const n = "layout-bold-subheadings-personal";
    const boldOf = (raw: RawDocument) => paras(raw).map((p) => [p.text.replace(/^\u3000+/, ""), p.bold === true] as const);
    const fromPdf = boldOf(pdf.get(n)!);
    // the title is bold in both; every paragraph agrees
    expect(fromPdf).toEqual(boldOf(docx.get(n)!));
    expect(fromPdf.filter(([, b]) => b).map(([t]) => t)).toContain("理论学习的系统性不够");
    expect(fromPdf.find(([t]) => t.startsWith("平时学习多是"))?.[1]).toBe(false);
  });

  it("gives paragraphs set larger than the body a heading level from their size", () => {
    const n = "layout-style-headings-work-summary";
    const p = paras(pdf.get(n)!);
    const level = (t: string) => p.find((b) => b.text === t)?.styleLevel;
    expect(level("主要工作完成情况")).toBe(1);
    expect(level("下一步工作打算")).toBe(1);
    // Heading 2 is set in the body size, bold: no size level, but bold
    expect(level("家庭医生签约服务扎实推进")).toBeUndefined();
    expect(p.find((b) => b.text === "家庭医生签约服务扎实推进")?.bold).toBe(true);
    // the centred title is no heading; body paragraphs get nothing
    expect(p[0]!.styleLevel).toBeUndefined();
    expect(p.filter((b) => b.styleLevel !== undefined)).toHaveLength(3);
  });

  it("reads weight from the font name, ForceBold and 黑体 faces", () => {
    expect(isBoldFont({ fontName: "BAAAAA+NotoSerifCJKsc-Bold" })).toBe(true);
    expect(isBoldFont({ fontName: "CAAAAA+NotoSerifCJKsc-Regular" })).toBe(false);
    expect(isBoldFont({ fontName: "SimHei" })).toBe(true);
    expect(isBoldFont({ fontName: "黑体" })).toBe(true);
    expect(isBoldFont({ fontName: "MicrosoftYaHei-Light" })).toBe(false);
    expect(isBoldFont({ fontName: "SourceHanSans-Heavy" })).toBe(true);
    expect(isBoldFont({ fontName: "LineHeight-Regular" })).toBe(false);
    expect(isBoldFont({ fontName: "FZFSK--GBK1-0", fontFlags: 1 << 18 })).toBe(true);
    expect(isBoldFont({ fontBold: true })).toBe(true);
    expect(isBoldFont(undefined)).toBe(false);
  });
});

describe("column detection", () => {
  const line = (order: number, x0: number, x1: number, y: number, text = "这是一行足够长的正文文字用来测试"): ColumnItem => ({ order, x0, x1, y, size: 12, text });

  it("finds the gutter of two columns of running text, and reads the left column first", () => {
    const items: ColumnItem[] = [line(0, 150, 450, 800, "标题横跨两栏")];
    for (let k = 0; k < 8; k++) {
      items.push(line(1 + k * 2, 60, 290, 760 - k * 18));
      items.push(line(2 + k * 2, 310, 540, 760 - k * 18));
    }
    const g = findGutter(items);
    expect(g).toBeGreaterThan(290);
    expect(g).toBeLessThan(310);
    const { regions, gutter } = columnRegions(items);
    expect(gutter).toBe(g);
    expect(regions.map((r) => r.column?.index ?? null)).toEqual([null, 0, 1]);
    expect(regions[1]!.items.every((f) => f.x0 < 300)).toBe(true);
  });

  it("leaves a table of short cells alone", () => {
    const items: ColumnItem[] = [];
    for (let k = 0; k < 10; k++) {
      items.push(line(k * 3, 60, 84, 760 - k * 18, `${k + 1}`));
      items.push(line(k * 3 + 1, 100, 180 + (k % 3) * 30, 760 - k * 18, "问题描述"));
      items.push(line(k * 3 + 2, 330, 380 + (k % 4) * 25, 760 - k * 18, "年底前"));
    }
    expect(columnRegions(items).regions).toHaveLength(1);
  });

  it("keeps the previous page's gutter on a last page with only a few lines per column", () => {
    const items = [line(0, 60, 290, 760), line(1, 60, 200, 742), line(2, 310, 540, 760), line(3, 310, 420, 742)];
    expect(findGutter(items)).toBeNull();
    expect(columnRegions(items, 300).regions.map((r) => r.items.map((f) => f.order))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // a full-width page after a two-column one is not split
    const wide = Array.from({ length: 6 }, (_, k) => line(k, 60, 540, 760 - k * 18));
    expect(columnRegions(wide, 300).gutter).toBeNull();
  });

  it("keeps a one-column page of prose as one region", () => {
    const items = Array.from({ length: 20 }, (_, k) => line(k, k % 4 === 0 ? 84 : 60, 540, 760 - k * 18));
    expect(findGutter(items)).toBeNull();
  });
});

describe("layoutPages typography on positioned runs", () => {
  // A page of 12 pt lines from x = 72 to 522; `indent` lines start two characters in.
  const page = (lines: Array<{ text: string; indent?: boolean; bold?: boolean; size?: number; short?: boolean }>) => {
    const items: PdfTextItem[] = lines.map((l, k) => {
      const size = l.size ?? 12;
      const x = l.indent ? 96 : 72;
      const width = l.short ? l.text.length * size : 522 - x;
      return { str: l.text, x, y: 780 - k * 18, width, size, font: l.bold ? "g_bold" : "g_reg", bold: l.bold === true };
    });
    return [{ number: 1, items }];
  };
  const body = "这是一段正文文字，用来占满整整一行的宽度，没有别的意思。";

  it("breaks at a change of weight even where the heading line fills its width", () => {
    const { blocks } = layoutPages(
      page([
        { text: "加强理论学习提升履职能力", indent: true, bold: true },
        { text: body },
        { text: body },
        { text: "结束。", short: true },
        { text: "改进工作作风密切联系群众", indent: true, bold: true },
        { text: body, indent: true },
        { text: "结束。", short: true },
      ]),
    );
    const paras = blocks.map((b) => (b.kind === "paragraph" ? [b.text.slice(0, 6), b.bold === true] : null));
    expect(paras).toEqual([
      ["加强理论学习", true],
      ["这是一段正文", false],
      ["改进工作作风", true],
      ["这是一段正文", false],
    ]);
  });

  it("finds the margin under short indented paragraphs whose last line fills the width", () => {
    // Indented first lines (and indented headings) outnumber the lines at the margin.
    const lines: Array<{ text: string; indent?: boolean; short?: boolean }> = [{ text: "一、基本情况", indent: true, short: true }];
    for (let k = 0; k < 4; k++) {
      lines.push({ text: `第${k + 1}段的第一行文字，从缩进两个字的位置开始写起来`, indent: true });
      lines.push({ text: "这一行正好写满整行宽度并且以句号结尾。" });
    }
    lines.push({ text: "二、存在问题", indent: true, short: true });
    lines.push({ text: "这一段只有一行。", indent: true, short: true });
    const { blocks } = layoutPages(page(lines));
    expect(blocks.map((b) => (b.kind === "paragraph" ? b.text.slice(0, 4) : ""))).toEqual(["一、基本", "第1段的", "第2段的", "第3段的", "第4段的", "二、存在", "这一段只"]);
  });

  it("joins a centred body-size heading wrapped over two centred lines", () => {
    const body = (k: number, x: number): PdfTextItem => ({ str: "这是一段正文文字，用来占满整整一行的宽度，没有别的意思", x, y: 780 - k * 18, width: 522 - x, size: 12, font: "g", bold: false });
    const items: PdfTextItem[] = [
      body(0, 96),
      body(1, 72),
      { str: "结束。", x: 72, y: 780 - 2 * 18, width: 36, size: 12, font: "g", bold: false },
      { str: "第二部分关于进一步加强和改进机关作风建设的", x: 165, y: 780 - 3 * 18, width: 264, size: 12, font: "g", bold: false },
      { str: "若干思考", x: 273, y: 780 - 4 * 18, width: 48, size: 12, font: "g", bold: false },
      body(5, 96),
      body(6, 72),
      { str: "结束。", x: 72, y: 780 - 7 * 18, width: 36, size: 12, font: "g", bold: false },
    ];
    const { blocks } = layoutPages([{ number: 1, items }]);
    expect(blocks.map((b) => (b.kind === "paragraph" ? b.text : ""))).toContain("第二部分关于进一步加强和改进机关作风建设的若干思考");
  });

  it("says nothing about weight when most of the text is bold", () => {
    const { blocks } = layoutPages(
      page([
        { text: "加强理论学习提升履职能力", indent: true, bold: true, short: true },
        { text: body, indent: true, bold: true },
        { text: "结束。", short: true, bold: true },
        { text: "改进工作作风密切联系群众", indent: true, bold: true, short: true },
        { text: body, indent: true, bold: true },
        { text: "结束。", short: true, bold: true },
      ]),
    );
    expect(blocks.filter((b) => b.kind === "paragraph" && b.bold)).toHaveLength(0);
    expect(blocks).toHaveLength(4);
  });
});
