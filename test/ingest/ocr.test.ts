import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParagraphBlock } from "../../src/model/document.js";
import { ReportCheckError } from "../../src/model/errors.js";
import {
  assemble,
  balanceQuotes,
  cleanLine,
  dropRunningLines,
  linesToParagraphs,
  ocrPdf,
  recognizePage,
  repairEnumerations,
  terminateOcr,
  type OcrLine,
  type OcrPage,
} from "../../src/ingest/ocr.js";
import { despeckle, openRasterPdf, toGray } from "../../src/ingest/pdf-render.js";
import { cer, cerWithin } from "../helpers/cer.js";

const ROOT = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..");
const read = (p: string) => readFileSync(join(ROOT, p));

/** OCRs some pages of a PDF through the real renderer and tesseract. */
async function ocrPages(pdfPath: string, pages: number[]): Promise<OcrPage[]> {
  const pdf = await openRasterPdf(read(pdfPath));
  try {
    const out: OcrPage[] = [];
    for (const n of pages) out.push(await recognizePage(await pdf.renderPage(n)));
    return out;
  } finally {
    await pdf.close();
  }
}

const texts = (blocks: { kind: string }[]) => blocks.map((b) => (b as ParagraphBlock).text);

afterAll(async () => {
  await terminateOcr();
});

describe("OCR of scanned PDFs (real tesseract, real fixtures)", () => {
  let summaryPage1: OcrPage[];
  let lifePage4: OcrPage[];

  beforeAll(async () => {
    summaryPage1 = await ocrPages("corpora/fixtures/scanned-work-summary-annual-complete.pdf", [1]);
    lifePage4 = await ocrPages("corpora/fixtures/scanned-democratic-life-team-complete.pdf", [4]);
  }, 120_000);

  it("reads a 150 dpi scanned page with under 5 % character errors and joins the two-line title", () => {
    const raw = assemble(summaryPage1.map((p) => ({ ...p, lines: p.lines.map((l) => ({ ...l })) })));
    const text = texts(raw.blocks).join("\n");
    const ref = read("corpora/dev/work-summary-annual-complete.txt").toString("utf8");
    expect(cerWithin(ref, text)).toBeLessThan(0.05);
    expect(texts(raw.blocks)[0]).toBe("望川区统计局2023年工作总结和2024年工作思路");
    // no space left between CJK characters, and "（一）" in full-width brackets
    expect(text).not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff0-9]/);
    expect(text).toContain("（一）坚持政治引领，加强理论学习");
    // the folio "— 1 —" is gone
    expect(text).not.toMatch(/^[—\-一\s]*1[—\-一\s]*$/m);
  });

  it("reads the sealed, signed last page without seal or scribble garbage", () => {
    const raw = assemble(lifePage4.map((p) => ({ ...p, lines: p.lines.map((l) => ({ ...l })) })));
    const blocks = texts(raw.blocks);
    expect(raw.ocrConfidence).toBeGreaterThan(80);
    const ref = read("corpora/dev/democratic-life-team-complete.txt").toString("utf8");
    expect(cerWithin(ref, blocks.join("\n"))).toBeLessThan(0.05);
    // the page ends with the closing sentence and the date under the seal
    expect(blocks.at(-2)).toBe("以上对照检查，请同志们批评指正。");
    expect(blocks.at(-1)).toMatch(/^2024.1月12日$/);
    // every paragraph is Chinese text, digits and Chinese punctuation: no line made of seal rim or pen strokes
    for (const b of blocks) {
      const ok = (b.match(/[\u4e00-\u9fff0-9，。、；：？！“”（）《》%]/g) ?? []).length;
      expect(ok / b.length, b).toBeGreaterThan(0.95);
    }
  });

  it("OCRs a whole scanned report into paragraphs with confidence, timing and running lines removed", async () => {
    const raw = await ocrPdf(read("corpora/dev/error-scanned-no-text-layer.pdf"), { ocr: true });
    expect(raw.ocr).toBe(true);
    expect(raw.format).toBe("pdf");
    expect(raw.pages).toBe(4);
    expect(raw.ocrConfidence).toBeGreaterThan(80);
    expect(raw.ocrConfidence).toBeLessThanOrEqual(100);
    expect(raw.repairs.ocrMsPerPage).toBeGreaterThan(0);
    expect(raw.blocks.every((b) => b.kind === "paragraph" && b.page! >= 1 && b.page! <= 4)).toBe(true);
    const blocks = texts(raw.blocks);
    // the running header "白鹭湾经济开发区管理委员会" above every page is removed, the title kept
    expect(blocks.filter((t) => /^白.湾经济开发区管理委员会$/.test(t)).length).toBeLessThanOrEqual(1);
    expect(blocks[0]).toMatch(/^白.湾经济开发区管理委员会关于2022年度经济责任审计发现问题整改情况的报告$/);
    // "第1页共4页" footers are gone
    expect(blocks.some((t) => /第\s*\d\s*页/.test(t))).toBe(false);
    // readable Chinese: the section headings come out whole
    expect(blocks).toContain("一、整改工作组织开展情况");
    expect(blocks).toContain("二、审计发现的主要问题");
    expect(blocks).toContain("三、整改措施及落实情况");
    expect(blocks).toContain("特此报告。");
  }, 90_000);
});

describe("OCR text clean-up", () => {
  it("removes the spaces tesseract puts between CJK characters but keeps them between Latin words and numbers", () => {
    expect(cleanLine("2023 年 主要 工作 及 成效")).toBe("2023年主要工作及成效");
    expect(cleanLine("GDP 3.5 亿元")).toBe("GDP 3.5亿元");
  });

  it("turns ASCII brackets and punctuation next to Chinese into full-width forms", () => {
    expect(cleanLine("(一) 坚持政治引领, 加强理论学习")).toBe("（一）坚持政治引领，加强理论学习");
    expect(cleanLine("主要有以下几个方面的原因:")).toBe("主要有以下几个方面的原因：");
    expect(cleanLine("“一次办”; 对 12345 热线")).toBe("“一次办”；对12345热线");
    expect(cleanLine("《三）统计数据质量")).toBe("（三）统计数据质量");
  });

  it("drops dust read as punctuation where Chinese typesetting never puts it", () => {
    expect(cleanLine("”以《中华人民共和国统计法》颁布")).toBe("以《中华人民共和国统计法》颁布");
    expect(cleanLine("2024 年工作“")).toBe("2024年工作");
    expect(cleanLine("近 1500.份")).toBe("近1500份");
    expect(cleanLine("（二）.原因分析")).toBe("（二）原因分析");
    expect(cleanLine("3 .提升统计分析服务水平")).toBe("3.提升统计分析服务水平");
    expect(cleanLine("满意率达 97.3%。")).toBe("满意率达97.3%。");
    expect(cleanLine("共征集到对班子的意见建议 S2 条")).toBe("共征集到对班子的意见建议52条");
    expect(cleanLine("推进 5G 基站建设，GDP 增长")).toBe("推进5G基站建设，GDP增长");
  });

  it("drops a closing quote that closes nothing", () => {
    expect(balanceQuotes("严”格执行普查方案")).toBe("严格执行普查方案");
    expect(balanceQuotes("坚持“第一议题”制度")).toBe("坚持“第一议题”制度");
  });

  it("repairs list markers from their sequence", () => {
    const blocks = ["（一）甲", "正文", "（三）乙", "正文", "（三）丙", "3.提升", "4推进信息化", "@班子成员每年；@每季度结合"].map((text) => ({
      kind: "paragraph" as const,
      text,
    }));
    expect(repairEnumerations(blocks)).toBe(4);
    expect(texts(blocks)).toEqual(["（一）甲", "正文", "（二）乙", "正文", "（三）丙", "3.提升", "4.推进信息化", "①班子成员每年；②每季度结合"]);
  });

  it("leaves a correct sequence and a real skip after a new top-level heading alone", () => {
    const blocks = ["（一）甲", "（二）乙", "二、下一部分", "（一）丙", "（二）丁"].map((text) => ({ kind: "paragraph" as const, text }));
    expect(repairEnumerations(blocks)).toBe(0);
  });
});

/** A synthetic page: lines of 40-px characters in a 1000-px column starting at x = 100. */
function page(n: number, rows: Array<[string, number, number?]>, height = 2000): OcrPage {
  const lines: OcrLine[] = rows.map(([text, y, x0 = 100]) => ({
    text,
    confidence: 90,
    x0,
    y0: y,
    x1: Math.min(1100, x0 + text.length * 40),
    y1: y + 40,
  }));
  return { page: n, width: 1200, height, dpi: 150, lines, dropped: 0, renderMs: 1, ocrMs: 1 };
}

describe("lines to paragraphs", () => {
  it("joins full lines, starts a paragraph at an indent, and carries a sentence across a page break", () => {
    const full = "这是一行排满的正文文字这是一行排满的正文文字这是一行排满"; // 25 chars = 1000 px
    const pages = [
      page(1, [
        ["一、存在的主要问题", 200, 180],
        [full.slice(0, 23), 300, 180],
        [full, 360],
        ["最后一行。", 420],
        [full.slice(0, 23), 480, 180],
        [full, 540],
      ]),
      page(2, [["接着上一页。", 200]]),
    ];
    const blocks = texts(linesToParagraphs(pages));
    expect(blocks).toEqual(["一、存在的主要问题", full.slice(0, 23) + full + "最后一行。", full.slice(0, 23) + full + "接着上一页。"]);
  });

  it("does not join a short heading to the line after it", () => {
    const full = "这是一行排满的正文文字这是一行排满的正文文字这是一行排满";
    const rows: Array<[string, number, number?]> = [[full.slice(0, 23), 100, 180]];
    for (let i = 1; i <= 8; i++) rows.push([full, 100 + i * 60]);
    rows.push(["结束。", 640], ["（一）存在的问题", 700, 180], ["正文从左边开始", 760]);
    const blocks = texts(linesToParagraphs([page(1, rows)]));
    expect(blocks.slice(1)).toEqual(["（一）存在的问题", "正文从左边开始"]);
  });
});

describe("running headers and footers", () => {
  it("drops folios and a header repeated on every page, OCR variants included", () => {
    const pages = [
      page(1, [["白鹭湾经济开发区管理委员会", 60, 400], ["正文第一页。", 600], ["第1页共3页", 1900, 500]]),
      page(2, [["白风湾经济开发区管理委员会", 62, 400], ["正文第二页。", 600], ["一2一", 1900, 550]]),
      page(3, [["白鹭湾经济开发区管理委员会", 61, 400], ["正文第三页。", 600], ["— 3 —", 1900, 550]]),
    ];
    expect(dropRunningLines(pages)).toBe(6);
    expect(pages.flatMap((p) => p.lines.map((l) => l.text))).toEqual(["正文第一页。", "正文第二页。", "正文第三页。"]);
  });

  it("refuses a document in which OCR found no text with PDF_NO_TEXT", () => {
    const blank = page(1, []);
    expect(() => assemble([blank])).toThrowError(ReportCheckError);
    try {
      assemble([page(1, [])]);
    } catch (e) {
      expect((e as ReportCheckError).code).toBe("PDF_NO_TEXT");
    }
  });
});

describe("page image clean-up", () => {
  it("whitens a red seal but keeps black text and the dark pixels of text under the seal", () => {
    const rgba = new Uint8ClampedArray([214, 38, 38, 255, 0, 0, 0, 255, 80, 10, 10, 255, 235, 175, 175, 255, 246, 244, 238, 255]);
    const { gray } = toGray(rgba, true);
    expect(gray[0]).toBe(255); // seal red
    expect(gray[1]).toBe(0); // black text
    expect(gray[2]).toBeLessThan(100); // text under the seal, tinted by JPEG
    expect(gray[3]).toBe(255); // the seal's pink rim
    expect(gray[4]).toBeGreaterThan(230); // paper
  });

  it("removes an isolated speck but keeps a colon's dots and a decimal point", () => {
    const W = 200;
    const H = 100;
    const g = new Uint8Array(W * H).fill(255);
    const dot = (x: number, y: number) => {
      for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) g[(y + dy) * W + x + dx] = 0;
    };
    const bar = (x: number, y: number, w: number, h: number) => {
      for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) g[(y + dy) * W + x + dx] = 0;
    };
    dot(20, 20); // dust
    dot(100, 40); // colon, upper dot
    dot(100, 52); // colon, lower dot
    bar(150, 40, 4, 20); // a digit
    dot(156, 57); // its decimal point
    expect(despeckle(g, W, H, 150)).toBe(1);
    expect(g[21 * W + 21]).toBe(255);
    expect(g[41 * W + 101]).toBe(0);
    expect(g[53 * W + 101]).toBe(0);
    expect(g[58 * W + 157]).toBe(0);
  });

  it("takes a scan's pixels at its own resolution, and renders instead when that is outside the bounds", async () => {
    const pdf = await openRasterPdf(read("corpora/fixtures/scanned-work-summary-annual-complete.pdf"));
    try {
      const direct = await pdf.renderPage(1);
      expect([direct.dpi, direct.width, direct.height]).toEqual([150, 1240, 1754]);
      const rendered = await pdf.renderPage(1, { minDpi: 200 });
      expect(rendered.dpi).toBe(200);
      expect(rendered.width).toBe(Math.round((595.2756 * 200) / 72));
      // same page either way: the share of dark pixels agrees
      const dark = (r: { gray: Uint8Array }) => r.gray.filter((v) => v < 128).length / r.gray.length;
      expect(Math.abs(dark(direct) - dark(rendered))).toBeLessThan(0.01);
    } finally {
      await pdf.close();
    }
  });

  it("measures CER with whitespace ignored", () => {
    expect(cer("中 共\n望川", "中共望川")).toBe(0);
    expect(cer("一二三四", "一二三五")).toBe(0.25);
    expect(cerWithin("甲乙丙丁戊己庚辛", "丙丁戊")).toBe(0);
  });
});
