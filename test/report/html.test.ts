import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/report/html/index.js";
import { highlightText } from "../../src/report/html/highlight.js";
import { defaultContext } from "../../src/report/context.js";
import { errorResult, okResult } from "./fixture.js";

const strip = (html: string): string =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("highlightText", () => {
  it("keeps the text intact under overlapping marks (tags stripped, the input comes back)", () => {
    const text = "一是理论学习不够深入。二是<b>调查</b>研究不够。";
    const html = highlightText(text, [
      { start: 2, end: 11, cls: "hl-problem", id: "p0" },
      { start: 4, end: 8, cls: "hl-finding", id: "f0" },
      { start: 13, end: 30, cls: "hl-problem", id: "p1" },
      { start: 10, end: 16, cls: "hl-count" },
    ]);
    expect(strip(html)).toBe(text);
    expect(html).not.toContain("<b>");
    expect(html).toContain('id="p0"');
    expect(html).toContain('id="f0"');
    expect(html).toContain('id="p1"');
  });

  it("puts each id exactly once, on visible text", () => {
    const html = highlightText("甲乙丙丁", [
      { start: 0, end: 4, cls: "a", id: "x" },
      { start: 1, end: 3, cls: "b", id: "y" },
    ]);
    expect(html.match(/id="x"/g)).toHaveLength(1);
    expect(html.match(/id="y"/g)).toHaveLength(1);
    expect(html).toMatch(/id="y" class="anchor"><span class="a b">乙丙<\/span>/);
  });
});

describe("formatHtml", () => {
  const html = formatHtml([okResult(), errorResult()], defaultContext({ skipped: ["报告/说明.xls"], toolVersion: "9.9.9" }));

  it("escapes document text: a <script> in the report shows as text", () => {
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // The only script element is the report's own.
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it("is self-contained: no external resource and a CSP forbidding network loads", () => {
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
  });

  it("lists every document, the failed one with its advice, and the skipped non-document", () => {
    expect(html).toContain("报告/甲.docx");
    expect(html).toContain("报告/乙.pdf");
    expect(html).toContain("PDF_NO_TEXT");
    expect(html).toContain("--ocr");
    expect(html).toContain("报告/说明.xls");
    expect(html).toMatch(/data-missing="evaluation\.result"/);
  });

  it("links each located finding and item to an anchor present in the text", () => {
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toContain("doc-1-f-1");
    expect(links).toContain("doc-1-p-0");
    expect(links).toContain("doc-1-s-s2");
    for (const id of links) expect(html).toContain(`id="${id}"`);
    // The finding without a span is listed without a link.
    expect(html).toContain("原文中未找到");
  });

  it("shows spin restorations on hover", () => {
    expect(html).toMatch(/class="[^"]*hl-restore[^"]*" title="[^"]*主旨意识/);
  });

  it("says the text is missing instead of failing when a result has no text.content", () => {
    const r = okResult();
    delete r.text.content;
    const out = formatHtml([r], defaultContext());
    expect(out).toContain("结果中未包含正文");
    expect(out).not.toContain('href="#doc-1-p-0"');
  });
});
