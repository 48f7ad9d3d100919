/**
 * Anchoring comments in a purpose-made DOCX with what real packages carry:
 * text split over runs of different formatting, entities (&amp;), full-width
 * digits the normalizer turns half-width, hidden text, tracked insertions and
 * deletions, a hyperlink, a table, a table of contents that repeats the
 * headings, and a soft line break. Each range must hold exactly the span's
 * text, the XML must stay well-formed, and the reader must read the same text.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/ingest/docx.js";
import { parseXml } from "../../src/ingest/docx-xml.js";
import type { Block, Span } from "../../src/model/document.js";
import { analyzeBuffer } from "../../src/pipeline.js";
import { annotateDocx } from "../../src/report/docx-annotate.js";
import type { ReviewComment } from "../../src/report/review-comments.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const p = (inner: string, style?: string): string => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${inner}</w:p>`;
const r = (text: string, rPr = ""): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;

const BODY = [
  p(r("关于食品安全X&amp;Y专项整改情况的报告"), "Title"),
  p(r("一、存在的问题……1"), "TOC1"),
  p(r("二、整改措施……2"), "TOC1"),
  p(r("一、存在的问题"), "Heading1"),
  p(r("一是") + r("食堂采购", "<w:b/>") + r("不规范，") + r("这段文字被隐藏", "<w:vanish/>") + r("台账") + `<w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>已删除的话</w:delText></w:r></w:del>` + `<w:ins w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">${r("登记不全")}</w:ins>` + r("。")),
  p(r("二是公务用车管理混乱，维修费用偏高。")),
  p(r("二、整改措施"), "Heading1"),
  p(r("一是建立食堂大宗物资集中采购制度，") + `<w:hyperlink r:id="rId9">${r("详见附件", '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>` + r("，由办公室负责，２０２４年６月底前完成。")),
  p(r("二是规范公务用车维修审批，") + `<w:r><w:t>实行定点维修</w:t><w:br/><w:t>和网上公示。</w:t></w:r>`),
  `<w:tbl><w:tr><w:tc>${p(r("序号"))}</w:tc><w:tc>${p(r("整改措施"))}</w:tc><w:tc>${p(r("完成时限"))}</w:tc></w:tr><w:tr><w:tc>${p(r("1"))}</w:tc><w:tc>${p(r("修订财务报销制度"))}</w:tc><w:tc>${p(r("2024年9月底"))}</w:tc></w:tr></w:tbl>`,
  p(r("三、下一步打算"), "Heading1"),
  p(r("下一步，我们将巩固整改成果。")),
].join("");

async function fixture(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`);
  zip.file("word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style></w:styles>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${BODY}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const META = { author: "审核意见", date: "2026-12-03T08:00:00Z" };
const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");
const texts = (blocks: Block[]): string[] => blocks.map((b) => (b.kind === "paragraph" ? b.text : JSON.stringify(b.rows)));

function rangeText(xml: string, id: number): string {
  const inner = xml.slice(xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`), xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`));
  return [...inner.replace(/<w:del\b[\s\S]*?<\/w:del>/g, "").matchAll(/<w:r>(?:<w:rPr>([\s\S]*?)<\/w:rPr>)?([\s\S]*?)<\/w:r>/g)]
    .filter((m) => !/<w:vanish\/>/.test(m[1] ?? ""))
    .flatMap((m) => [...m[2]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&amp;/g, "&")))
    .join("");
}

describe("annotateDocx on a purpose-made package", () => {
  it("anchors spans across formatting runs, entities, full-width digits, tracked changes, hyperlinks and tables", async () => {
    const original = await fixture();
    const result = await analyzeBuffer(original, "fixture.docx", { includeText: true, type: "rectification" });
    expect(result.status).toBe("ok");
    const text = result.text.content!;
    const at = (needle: string): Span => {
      const i = text.indexOf(needle);
      if (i < 0) throw new Error(`not in text: ${needle}\n${text}`);
      return [i, i + needle.length];
    };
    // the normalized text lost the TOC, the hidden and deleted text, and the full-width digits
    expect(text).not.toContain("……1");
    expect(text).not.toContain("隐藏");
    expect(text).not.toContain("已删除");
    expect(text).toContain("2024年6月底前完成");
    const wanted: Array<[string, Span]> = [
      ["title", at("关于食品安全X&Y专项整改情况的报告")],
      ["inside a run, across bold, hidden, deleted and inserted runs", at("采购不规范，台账登记不全")],
      ["across a hyperlink", at("制度，详见附件，由办公")],
      ["full-width digits", at("2024年6月底前")],
      ["across a soft line break", at("定点维修\n和网上")],
      ["a table cell", at("修订财务报销制度")],
      ["from the middle of one paragraph to the next", at("维修费用偏高。\n二、整改")],
      ["the same span twice", at("采购不规范，台账登记不全")],
    ];
    const comments: ReviewComment[] = wanted.map(([what, span], k) => ({ span, title: k === 0, paragraphs: [what], finding: null }));
    const out = await annotateDocx(original, text, comments, META);
    expect(out).not.toBeNull();
    const zip = await JSZip.loadAsync(out!.data);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(() => parseXml(xml)).not.toThrow();
    expect(texts((await readDocx(Buffer.from(out!.data))).blocks)).toEqual(texts((await readDocx(original)).blocks));
    expect(out!.comments.map((c) => c.id)).toEqual(wanted.map((_w, k) => k));
    wanted.forEach(([what, span], k) => {
      expect(squash(rangeText(xml, k)), what).toBe(squash(text.slice(span[0], span[1])).replace(/^二、/, ""));
    });
    // the tracked changes and the hyperlink are still there, around the same text
    expect(xml).toContain('<w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>已删除的话</w:delText></w:r></w:del>');
    expect(xml).toMatch(/<w:ins w:id="2"[^>]*><w:commentRangeEnd|<w:ins w:id="2"[^>]*><w:r><w:t xml:space="preserve">登记/);
    expect(xml).toMatch(/<w:hyperlink r:id="rId9">[\s\S]*详见附件[\s\S]*<\/w:hyperlink>/);
    // a split run repeats its formatting: the bold run split inside 食堂采购
    expect(xml).toContain(`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">食堂</w:t></w:r><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="7"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">采购</w:t></w:r>`);
    // comments.xml, its relationship and content type
    const comments2 = await zip.file("word/comments.xml")!.async("string");
    expect(comments2.match(/<w:comment /g)).toHaveLength(wanted.length);
    expect(() => parseXml(comments2)).not.toThrow();
    expect(await zip.file("word/_rels/document.xml.rels")!.async("string")).toMatch(/Type="[^"]*\/comments" Target="comments.xml"/);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('<Override PartName="/word/comments.xml"');
  }, 60_000);

  it("adds to comments a package already has, with new ids", async () => {
    const original = await fixture();
    const result = await analyzeBuffer(original, "fixture.docx", { includeText: true, type: "rectification" });
    const text = result.text.content!;
    const span: Span = [text.indexOf("公务用车"), text.indexOf("公务用车") + 4];
    const first = await annotateDocx(original, text, [{ span, title: false, paragraphs: ["第一轮"], finding: null }], META);
    const second = await annotateDocx(first!.data, text, [{ span, title: false, paragraphs: ["第二轮"], finding: null }], META);
    expect(second!.comments.map((c) => c.id)).toEqual([1]);
    const zip = await JSZip.loadAsync(second!.data);
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(comments).toContain("第一轮");
    expect(comments).toContain("第二轮");
    expect((await zip.file("word/_rels/document.xml.rels")!.async("string")).match(/\/comments"/g)).toHaveLength(1);
    expect((await zip.file("[Content_Types].xml")!.async("string")).match(/comments\.xml/g)).toHaveLength(1);
  }, 60_000);

  it("refuses a package it cannot edit safely (no w: prefix) instead of damaging it", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", `<?xml version="1.0"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>正文</t></r></p></body></document>`);
    const data = await zip.generateAsync({ type: "uint8array" });
    expect(await annotateDocx(data, "正文", [{ span: [0, 2], title: true, paragraphs: ["x"], finding: null }], META)).toBeNull();
  });
});
