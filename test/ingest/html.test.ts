import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import type { Block } from "../../src/model/document.js";
import { declaredCharset, decodeHtml, htmlArticleBlocks } from "../../src/ingest/html.js";
import { readText } from "../../src/ingest/text.js";

const read = (rel: string) => readFileSync(new URL(`../../corpora/${rel}`, import.meta.url));
const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.map((r) => r.join("\t"))));

describe("HTML reader (Readability over linkedom)", () => {
  it("decodes a GBK page by its meta charset and keeps only the article", async () => {
    const buf = read("web/web-gbk-work-summary.html");
    expect(declaredCharset(buf)).toBe("gb18030");
    const raw = await readText(buf, "html", {});
    const lines = texts(raw.blocks);
    expect(lines[0]).toBe("桐岚区蒲汀街道2024年工作总结和2025年工作思路");
    expect(lines).toContain("一、2024年工作开展情况");
    // <br> inside a <p> separates a sub-heading from its body
    expect(lines).toContain("（一）坚持理论武装，党建引领作用持续增强");
    const all = lines.join("\n");
    for (const furniture of ["索引号", "您现在的位置", "点击数", "ICP", "鹭江街道2024年工作总结", "关闭窗口"]) expect(all).not.toContain(furniture);
    expect(all).not.toMatch(/[ÄÊ¶]/);
  });

  it("reads a page saved as UTF-8 whose old meta still says gbk as UTF-8", () => {
    const html = `<html><head><meta charset="gbk"></head><body><p>关于巡察整改情况的报告</p></body></html>`;
    expect(decodeHtml(Buffer.from(html, "utf8")).text).toContain("关于巡察整改情况的报告");
    expect(decodeHtml(iconv.encode(html, "gbk")).text).toContain("关于巡察整改情况的报告");
  });

  it("takes the title from the article heading, not from <title>, the logo or the side column", async () => {
    const raw = await readText(read("web/web-disclosure-rectification.html"), "html", {});
    const lines = texts(raw.blocks);
    expect(lines[0]).toBe("中共桐岚区市场监督管理局党组关于巡察整改进展情况的通报");
    const all = lines.join("\n");
    for (const furniture of ["索引号", "政务服务", "主办单位", "上一篇", "_巡察整改_"]) expect(all).not.toContain(furniture);
    expect(raw.repairs.readability).toBe(1);
  });

  it("falls back to the whole page when Readability finds no article", () => {
    const { blocks, readability } = htmlArticleBlocks("<html><body><p>短文。</p></body></html>");
    expect(readability).toBe(false);
    expect(texts(blocks)).toEqual(["短文。"]);
  });
});
