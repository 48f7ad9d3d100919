import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { Block, ParagraphBlock, TableBlock } from "../../src/model/document.js";
import { ReportCheckError } from "../../src/model/errors.js";
import { decodeText, readText } from "../../src/ingest/text.js";

const DEV = "corpora/dev/";
const FIX = "corpora/fixtures/";
const utf8Source = readFileSync(`${DEV}democratic-life-personal-no-solicitation.txt`, "utf8");

const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.kind === "paragraph");
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === "table");

describe("decodeText", () => {
  it("reads UTF-8 with and without a byte-order mark to the same text", () => {
    const plain = readFileSync(`${DEV}democratic-life-personal-no-solicitation.txt`);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(decodeText(plain).text).toBe(utf8Source);
    expect(decodeText(bom).text).toBe(utf8Source);
  });

  it("reads a GB18030/GBK file without mojibake", () => {
    const d = decodeText(readFileSync(`${FIX}gbk-encoded.txt`));
    expect(d.encoding).toBe("gb18030");
    expect(d.text).toBe(utf8Source);
  });

  it("reads UTF-16 little- and big-endian files with a BOM", () => {
    expect(decodeText(readFileSync(`${FIX}utf16le-bom.txt`)).text).toBe(utf8Source);
    expect(decodeText(readFileSync(`${FIX}utf16be-bom.txt`)).text).toBe(utf8Source);
  });

  it("reads a Big5 traditional-script file as Big5, not as GBK mojibake", () => {
    const d = decodeText(readFileSync(`${FIX}big5-encoded.txt`));
    expect(d.encoding).toBe("big5");
    expect(d.text).toBe(readFileSync(`${FIX}traditional-script.txt`, "utf8"));
  });

  it("keeps short Chinese UTF-8 as UTF-8 even where chardet would guess otherwise", () => {
    for (const s of ["一、总体情况", "整改", "共41条"]) {
      expect(decodeText(Buffer.from(s, "utf8"))).toEqual({ text: s, encoding: "utf-8" });
    }
  });

  it("reads a short GBK line as GB18030, not as a Western code page", () => {
    const s = "二、存在的问题：学习不够深入。";
    expect(decodeText(iconv.encode(s, "gbk")).text).toBe(s);
  });
});

describe("readText", () => {
  it("turns each line of the corpus TXT into a paragraph and tab lines into one table", async () => {
    const raw = await readText(readFileSync(`${DEV}rectification-table-owners-complete.txt`), "txt", {});
    const lines = readFileSync(`${DEV}rectification-table-owners-complete.txt`, "utf8").split("\n").filter((l) => l.trim());
    const tabLines = lines.filter((l) => l.includes("\t"));
    expect(tables(raw.blocks)).toHaveLength(1);
    expect(tables(raw.blocks)[0]!.rows).toHaveLength(tabLines.length);
    expect(tables(raw.blocks)[0]!.rows[0]).toEqual(tabLines[0]!.split("\t"));
    expect(paragraphs(raw.blocks).map((p) => p.text)).toEqual(lines.filter((l) => !l.includes("\t")));
  });

  it("reads the one-line scraped copy as a single paragraph", async () => {
    const raw = await readText(readFileSync(`${DEV}analysis-check-spun-scraped-copy.txt`), "txt", {});
    expect(raw.blocks).toHaveLength(1);
    expect(raw.blocks[0]!.kind).toBe("paragraph");
  });

  it("refuses text that is mostly replacement and control characters with TEXT_GARBLED", async () => {
    const garbled = Buffer.from("\ufffd\ufffd\u0001\ufffd报\ufffd\ufffd\u0002\ufffd\ufffd告\ufffd\ufffd\ufffd".repeat(20), "utf8");
    await expect(readText(garbled, "txt", {})).rejects.toBeInstanceOf(ReportCheckError);
    await expect(readText(garbled, "txt", {})).rejects.toMatchObject({ code: "TEXT_GARBLED" });
  });

  it("repairs Latin-1 mojibake of GBK bytes instead of passing it on", async () => {
    const title = "2023年度述职述廉报告：一、主要工作。二、存在的问题。";
    const mojibake = iconv.decode(iconv.encode(title, "gbk"), "win1252");
    expect(mojibake).toMatch(/Äê¶È/);
    const raw = await readText(Buffer.from(mojibake, "utf8"), "txt", {});
    expect((raw.blocks[0] as ParagraphBlock).text).toBe(title);
    expect(raw.repairs.mojibake).toBe(1);
  });

  it("takes Markdown heading marks as style levels and drops emphasis, links and table rules", async () => {
    const raw = await readText(readFileSync(`${FIX}markdown-report.md`), "md", {});
    const ps = paragraphs(raw.blocks);
    expect(ps[0]).toMatchObject({ text: "某局2023年度工作总结", styleLevel: 1 });
    expect(ps.find((p) => p.text === "一、主要工作成效")?.styleLevel).toBe(2);
    expect(ps.map((p) => p.text)).toContain("2023年，我局坚持以高质量发展为主题，全面完成了各项目标任务。");
    expect(ps.map((p) => p.text)).toContain("完成重点项目12个，总投资3.5亿元。");
    expect(ps.find((p) => p.text === "下一步工作打算")?.bold).toBe(true);
    expect(ps.map((p) => p.text)).toContain("继续抓好学习，参见工作方案。");
    expect(tables(raw.blocks)[0]!.rows).toEqual([
      ["问题", "整改措施"],
      ["学习不够深入", "每月开展专题学习"],
      ["服务意识不强", "建立首问负责制"],
    ]);
  });

  it("reads HTML blocks, heading levels, table cells and entities, and skips scripts and comments", async () => {
    const raw = await readText(readFileSync(`${FIX}html-report.html`), "html", {});
    const ps = paragraphs(raw.blocks);
    expect(ps[0]).toEqual({ kind: "paragraph", text: "某镇党委“不忘初心”专题民主生活会对照检查材料", styleLevel: 1 });
    expect(ps.map((p) => p.text)).toEqual([
      "某镇党委“不忘初心”专题民主生活会对照检查材料",
      "根据县委要求，镇党委班子共征求意见 23 条。",
      "现将对照检查情况报告如下。",
      "一、存在的问题",
      "（一）理论学习不够系统。学习&研讨结合不紧。",
      "第一条",
      "第二条",
    ]);
    expect(ps[3]!.styleLevel).toBe(2);
    expect(tables(raw.blocks)[0]!.rows).toEqual([
      ["问题", "措施"],
      ["学习不系统", "制定学习计划 每月一次"],
    ]);
  });
});
