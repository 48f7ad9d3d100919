import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { RawDocument } from "../../src/model/document.js";
import { ingest } from "../../src/ingest/index.js";
import { blocksFromLegacyText, readDoc } from "../../src/ingest/doc.js";
import { assembleBlocks } from "../../src/normalize/assemble.js";
import { cer } from "../helpers/cer.js";
import { errorOf } from "../helpers/errors.js";

const DEV = "corpora/dev/";
const DOC = DEV + "analysis-check-gbt9704-complete.doc";

describe("the legacy Word (.doc) reader", () => {
  test("reads the Word 97 binary with a character error rate of at most 2 % against its TXT", async () => {
    const raw = await readDoc(readFileSync(DOC), {});
    expect(raw.format).toBe("doc");
    const ref = readFileSync(DEV + "analysis-check-gbt9704-complete.txt", "utf8");
    const { text } = assembleBlocks(raw);
    expect(cer(ref, text)).toBeLessThanOrEqual(0.02);
    // one block per paragraph, like the TXT's lines
    expect(raw.blocks).toHaveLength(ref.trim().split("\n").length);
  });

  test("keeps Chinese curly quotes and dashes instead of word-extractor's ASCII replacements", async () => {
    const { text } = assembleBlocks(await readDoc(readFileSync(DOC), {}));
    expect(text).toContain("“畅通城乡交通、服务县域发展”");
  });

  test("never reads the running header or the — N — page footer", async () => {
    const { text } = assembleBlocks(await readDoc(readFileSync(DOC), {}));
    expect(text).not.toMatch(/—\s*\d+\s*—/);
  });

  test("reads a .wps name through the same reader via the dispatcher", async () => {
    const res = await ingest({ name: "报告.wps", buffer: readFileSync(DOC) });
    expect(res.ok).toBe(true);
    if (res.ok) expect((res.raw as RawDocument).blocks.length).toBeGreaterThan(20);
  });

  test("reads a DOCX that was saved with a .doc name as the DOCX it is", async () => {
    const raw = await readDoc(readFileSync(DEV + "analysis-check-autonumbered-headings.docx"), {});
    expect(raw.format).toBe("docx");
    expect(raw.blocks.some((b) => b.kind === "paragraph" && b.text === "一、学习调研开展情况")).toBe(true);
  });

  test("refuses a file that is not an OLE2 compound document with DOC_LEGACY", async () => {
    const e = await errorOf(readDoc(Buffer.from("{\\rtf1\\ansi 这是RTF}"), {}));
    expect(e.code).toBe("DOC_LEGACY");
  });

  test("stops on an allocation table whose sector chain loops, instead of growing an array until V8 aborts", async () => {
    // A bit-flipped copy of a dev .doc, found by the fuzz test (seed 545921732): a two-sector loop in
    // the FAT. Unguarded, word-extractor pushed sector ids for 11 s and 2.7 GB, then V8 killed the
    // process ("invalid size error"), taking a whole batch with it.
    const res = await ingest({ name: "loop.doc", buffer: readFileSync("corpora/fixtures/doc-sector-chain-loop.doc") });
    expect(res.ok ? "ok" : res.error.code).toMatch(/^(ok|DOC_LEGACY|EMPTY)$/);
  });

  test("refuses a truncated .doc with DOC_LEGACY, also through the dispatcher", async () => {
    const cut = readFileSync(DOC).subarray(0, 4096);
    const e = await errorOf(readDoc(cut, {}));
    expect(e.code).toBe("DOC_LEGACY");
    const res = await ingest({ name: "cut.doc", buffer: cut });
    expect(res.ok ? null : res.error.code).toBe("DOC_LEGACY");
  });
});

describe("tables in word-extractor text", () => {
  test("turns tab-terminated lines into table rows, keeping empty cells", () => {
    // word-extractor's own test12.doc snapshot
    const blocks = blocksFromLegacyText("This is a simple paragraph\n\nRow 1, cell 1\tRow 1, cell 2\tRow 1, cell 3\t\nRow 2, cell 1\t\tRow 2, cell 3\t\n\nAnd a second paragraph\n\n");
    expect(blocks).toEqual([
      { kind: "paragraph", text: "This is a simple paragraph" },
      { kind: "table", rows: [["Row 1, cell 1", "Row 1, cell 2", "Row 1, cell 3"], ["Row 2, cell 1", "", "Row 2, cell 3"]] },
      { kind: "paragraph", text: "And a second paragraph" },
    ]);
  });

  test("joins a cell that holds several paragraphs into one cell of its row", () => {
    const blocks = blocksFromLegacyText("整改任务清单\n序号\t问题\t措施\t责任领导\t\n1\t学习不够深入\t修订学习制度；\n每月集中学习。\t张三\t\n表后正文。\n");
    expect(blocks).toEqual([
      { kind: "paragraph", text: "整改任务清单" },
      { kind: "table", rows: [["序号", "问题", "措施", "责任领导"], ["1", "学习不够深入", "修订学习制度； 每月集中学习。", "张三"]] },
      { kind: "paragraph", text: "表后正文。" },
    ]);
  });

  test("keeps a tab-indented paragraph as a paragraph", () => {
    expect(blocksFromLegacyText("\t正文首行用制表符缩进。\n")).toEqual([{ kind: "paragraph", text: "正文首行用制表符缩进。" }]);
  });
});
