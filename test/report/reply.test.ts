/**
 * The reviewer's reply on real files: every dev DOCX gets an annotated copy
 * that the project's own reader reads back to the same text, with one Word
 * comment per finding with evidence plus the title comment, each comment's
 * range covering its evidence, and every other part of the package unchanged.
 * Non-DOCX inputs get a new DOCX with heading styles, tables and the same
 * comments; the memo carries the verdict, the missing elements and warnings.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/ingest/docx.js";
import type { AnalysisResult, Block } from "../../src/model/document.js";
import { analyzeFile } from "../../src/pipeline.js";
import { formatAnnotated, formatMemoFile } from "../../src/report/reply.js";
import { anchoredFindings, documentFindings } from "../../src/report/review-comments.js";
import { defaultContext, type ReportContext } from "../../src/report/index.js";
import { ruleLabel } from "../../src/report/labels.js";

const DEV = join(import.meta.dirname, "..", "..", "corpora", "dev");
const DOCX = readdirSync(DEV).filter((f) => f.endsWith(".docx")).sort();

function ctxFor(path: string, extra: Partial<ReportContext> = {}): ReportContext {
  return defaultContext({ generatedAt: "2026-12-03T08:00:00.000Z", readSource: async () => new Uint8Array(readFileSync(path)), ...extra });
}

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, b: string) =>
    b[0] === "#" ? String.fromCodePoint(b[1] === "x" || b[1] === "X" ? parseInt(b.slice(2), 16) : parseInt(b.slice(1), 10)) : ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[b.toLowerCase()]!,
  );

/** The visible text between a comment's range markers (tracked deletions, field codes and text boxes left out). */
function rangeText(xml: string, id: number): string {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  if (start < 0 || end < start) return "";
  const inner = xml
    .slice(start, end)
    .replace(/<w:del\b[\s\S]*?<\/w:del>/g, "")
    .replace(/<w:drawing\b[\s\S]*?<\/w:drawing>/g, "")
    .replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, "");
  return [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join("");
}

const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

function blockTexts(blocks: Block[]): string[] {
  return blocks.map((b) => (b.kind === "paragraph" ? b.text : b.rows.map((r) => r.join("\t")).join("\n")));
}

describe("annotated copies of the dev DOCX files", () => {
  for (const file of DOCX) {
    it(`keeps ${file} intact and anchors every finding on its evidence`, async () => {
      const path = join(DEV, file);
      const result = await analyzeFile(path, { includeText: true });
      const files = await formatAnnotated(result, ctxFor(path));
      if (result.status !== "ok") {
        expect(files).toEqual([]); // unreadable: no copy
        return;
      }
      expect(files.map((f) => f.name)).toEqual([`annotated/${file}`]);
      const original = readFileSync(path);
      const copy = files[0]!.data;

      // the project's own reader reads the same text back
      const before = await readDocx(original);
      const after = await readDocx(Buffer.from(copy));
      expect(blockTexts(after.blocks)).toEqual(blockTexts(before.blocks));

      const zipIn = await JSZip.loadAsync(original, { createFolders: false });
      const zipOut = await JSZip.loadAsync(copy, { createFolders: false });
      // every other part byte for byte
      const changed = new Set(["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml", "word/comments.xml"]);
      const namesIn = Object.keys(zipIn.files).sort();
      expect(Object.keys(zipOut.files).sort()).toEqual([...new Set([...namesIn, "word/comments.xml"])].sort());
      for (const name of namesIn) {
        if (changed.has(name) || zipIn.files[name]!.dir) continue;
        const a = await zipIn.file(name)!.async("uint8array");
        const b = await zipOut.file(name)!.async("uint8array");
        expect(Buffer.compare(Buffer.from(a), Buffer.from(b)), name).toBe(0);
      }
      // the relationship and the content type are the only additions to their parts
      const relsIn = await zipIn.file("word/_rels/document.xml.rels")!.async("string");
      const relsOut = await zipOut.file("word/_rels/document.xml.rels")!.async("string");
      expect(relsOut.replace(/<Relationship Id="rId\d+" Type="[^"]*\/comments" Target="comments.xml"\/>/, "")).toBe(relsIn);
      const typesIn = await zipIn.file("[Content_Types].xml")!.async("string");
      const typesOut = await zipOut.file("[Content_Types].xml")!.async("string");
      expect(typesOut.replace(/<Override PartName="\/word\/comments.xml" ContentType="[^"]*"\/>/, "")).toBe(typesIn);

      // one comment per finding with evidence, plus the title comment, by the reviewer, dated today
      const comments = await zipOut.file("word/comments.xml")!.async("string");
      const ids = [...comments.matchAll(/<w:comment w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g)];
      const anchored = anchoredFindings(result);
      expect(ids.length).toBe(anchored.length + 1);
      for (const m of ids) {
        expect(m[2]).toBe("审核意见");
        expect(m[3]!.slice(0, 10)).toBe("2026-12-03");
      }
      const xml = await zipOut.file("word/document.xml")!.async("string");
      const text = result.text.content!;
      const exact = result.text.script === "simplified" && !result.text.spun;
      // the title comment lists every missing element with its advice
      const titleComment = comments.slice(comments.indexOf(`w:id="${ids[0]![1]}"`), comments.indexOf("</w:comment>"));
      for (const f of documentFindings(result)) expect(titleComment).toContain(decodeURIComponent(encodeURIComponent(ruleLabel(f.ruleId))));
      const titleRange = squash(rangeText(xml, Number(ids[0]![1])));
      if (exact) expect(titleRange).toBe(squash(result.title ?? ""));
      else expect(titleRange.length).toBe(squash(result.title ?? "").length);
      anchored.forEach((f, k) => {
        const id = Number(ids[k + 1]![1]);
        const got = squash(rangeText(xml, id));
        const want = squash(text.slice(f.span[0], f.span[1]));
        expect(got.length, `${f.ruleId} ${want}`).toBeGreaterThan(0);
        // normalization may change characters (繁→简, restored spin words) but never the length of a span's text here
        if (exact) expect(want.endsWith(got) && got.length >= want.length - 4, `${f.ruleId}: ${got} ≠ ${want}`).toBe(true);
        else expect(got.length).toBe(want.length);
        // the comment is referenced right after its range
        expect(xml).toContain(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`);
      });
    }, 120_000);
  }

  it("uses the --reviewer name as the comments' author", async () => {
    const path = join(DEV, "rectification-plan-table-no-deadline.docx");
    const result = await analyzeFile(path, { includeText: true });
    const [file] = await formatAnnotated(result, ctxFor(path, { reviewer: "县委巡察办 王审" }));
    const comments = await (await JSZip.loadAsync(file!.data)).file("word/comments.xml")!.async("string");
    expect(comments).toContain('w:author="县委巡察办 王审"');
    expect(comments).not.toContain('w:author="审核意见"');
  }, 60_000);
});

async function paragraphsOf(data: Uint8Array): Promise<{ xml: string; blocks: Block[] }> {
  const zip = await JSZip.loadAsync(data);
  return { xml: await zip.file("word/document.xml")!.async("string"), blocks: (await readDocx(Buffer.from(data))).blocks };
}

describe("new DOCX for PDF, DOC and TXT inputs", () => {
  for (const file of ["rectification-plan-table-no-deadline.pdf", "analysis-check-gbt9704-complete.txt", "analysis-check-gbt9704-complete.doc"]) {
    it(`writes ${file} as Word text with headings, tables and the comments`, async () => {
      const path = join(DEV, file);
      const result: AnalysisResult = await analyzeFile(path, { includeText: true });
      const [out] = await formatAnnotated(result, ctxFor(path));
      expect(out!.name).toBe(`annotated/${file}.docx`);
      const { xml, blocks } = await paragraphsOf(out!.data);
      // the text comes back line for line: paragraphs, and table rows cell for cell
      const lines = result.text.content!.split("\n").filter((l) => l.trim());
      const back = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.map((r) => r.join("\t"))));
      expect(back.map(squash)).toEqual(lines.map(squash));
      // headings in Word heading styles (the navigation pane's outline), the title as Title
      const headings = blocks.filter((b) => b.kind === "paragraph" && b.styleLevel !== undefined);
      expect(headings.length).toBeGreaterThanOrEqual(3);
      expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/);
      if (result.text.content!.includes("\t")) expect(blocks.some((b) => b.kind === "table")).toBe(true);
      const comments = await (await JSZip.loadAsync(out!.data)).file("word/comments.xml")!.async("string");
      expect([...comments.matchAll(/<w:comment /g)].length).toBe(anchoredFindings(result).length + 1);
      expect([...xml.matchAll(/<w:commentRangeStart /g)].length).toBe(anchoredFindings(result).length + 1);
    }, 120_000);
  }
});

describe("the review memo", () => {
  it("states title, type, verdict, each missing element with advice, warnings with quotes, counts and a signature line", async () => {
    const path = join(DEV, "rectification-plan-table-no-deadline.docx");
    const result = await analyzeFile(path, { includeText: true });
    const [memo] = await formatMemoFile(result, ctxFor(path, { relativePath: () => "整改/rectification-plan-table-no-deadline.docx" }));
    expect(memo!.name).toBe("memo/整改/rectification-plan-table-no-deadline.docx");
    const { xml, blocks } = await paragraphsOf(memo!.data);
    const all = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.map((r) => r.join(" ")))).join("\n");
    expect(all).toContain("审核意见书");
    expect(all).toContain(result.title!);
    expect(all).toContain("整改情况报告");
    expect(all).toMatch(/审核结论：未通过/);
    for (const f of documentFindings(result)) expect(all).toContain(f.message);
    const first = anchoredFindings(result).find((f) => f.ruleId === "quality.measure-no-deadline")!;
    expect(all).toContain(`“${result.text.content!.slice(first.span[0], first.span[1]).replace(/\s+/g, "").slice(0, 12)}`);
    expect(all).toContain(`措施无时限（${anchoredFindings(result).filter((f) => f.ruleId === "quality.measure-no-deadline").length} 处）`);
    expect(all).toMatch(new RegExp(`整改措施（条） ${result.measures.length}`));
    expect(all).toMatch(/审核人：_+/);
    expect(all).toContain("2026年12月3日");
    // 仿宋 body, 黑体 headings, GB/T 9704 margins (37/35/28/26 mm)
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
  }, 60_000);

  it("writes no memo and no copy for an unreadable file", async () => {
    const path = join(DEV, "error-truncated-download.docx");
    const result = await analyzeFile(path, { includeText: true });
    expect(result.status).toBe("error");
    expect(await formatMemoFile(result, ctxFor(path))).toEqual([]);
    expect(await formatAnnotated(result, ctxFor(path))).toEqual([]);
  }, 60_000);
});
