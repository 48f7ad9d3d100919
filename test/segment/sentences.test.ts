import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/segment/sentences.js";

const DEV = new URL("../../corpora/dev/", import.meta.url);
const devTexts = readdirSync(DEV)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ name: f, text: readFileSync(new URL(f, DEV), "utf8") }));

function texts(text: string): string[] {
  return splitSentences(text).map(([s, e]) => text.slice(s, e));
}

/** The sentences in order plus whitespace between them give back the text. */
function assertCovers(text: string): void {
  const spans = splitSentences(text);
  let pos = 0;
  for (const [s, e] of spans) {
    expect(s).toBeGreaterThanOrEqual(pos);
    expect(text.slice(pos, s)).toMatch(/^\s*$/);
    expect(e).toBeGreaterThan(s);
    expect(text[s]).toMatch(/\S/);
    expect(text[e - 1]).toMatch(/\S/);
    pos = e;
  }
  expect(text.slice(pos)).toMatch(/^\s*$/);
}

describe("splitSentences", () => {
  it("covers every dev corpus text: sentences plus whitespace reconstruct it", () => {
    expect(devTexts.length).toBeGreaterThanOrEqual(12);
    for (const { text } of devTexts) assertCovers(text);
  });

  it("splits at 。！？； and line breaks", () => {
    expect(texts("一是学习不够。二是作风不实！真的吗？三是；\n四是")).toEqual(["一是学习不够。", "二是作风不实！", "真的吗？", "三是；", "四是"]);
  });

  it("does not split inside quotes, book titles or brackets", () => {
    const t = "他说：“要坚持学习。要深入调研。”会后印发《关于开好民主生活会的通知。》（截至9月30日。已完成6个。）下一句。";
    expect(texts(t)).toEqual(["他说：“要坚持学习。要深入调研。”会后印发《关于开好民主生活会的通知。》（截至9月30日。已完成6个。）下一句。"]);
  });

  it("keeps the closing quote with the sentence it ends", () => {
    expect(texts("“我们要改。”他说。")).toEqual(["“我们要改。”", "他说。"]);
  });

  it("ignores an opening quote that never closes on its line (spun copies lose the closing ”)", () => {
    const t = "紧紧围绕“解放思想、推动科学进展这个主题,查找差距。明确整改思路。";
    expect(texts(t)).toEqual(["紧紧围绕“解放思想、推动科学进展这个主题,查找差距。", "明确整改思路。"]);
  });

  it("treats a half-width ? between Chinese characters as a lost 《》, not a question mark", () => {
    const t = "依据?市活动方案?和?实施意见?的要求,开展了分析检查。";
    expect(texts(t)).toEqual([t]);
  });

  it("splits a scraped one-line copy at the spaces that separate paragraphs", () => {
    const t = "2023年工业园区党工委分析检查总结 依据上级要求开展活动。现总结如下: 一、坚持学习,深化贯彻 坚持以载体为抓手";
    expect(texts(t)).toEqual(["2023年工业园区党工委分析检查总结", "依据上级要求开展活动。", "现总结如下:", "一、坚持学习,深化贯彻", "坚持以载体为抓手"]);
  });

  it("keeps table cells apart", () => {
    expect(texts("问题\t措施\t责任单位\n学习不深入\t每月集中学习\t办公室")).toEqual(["问题", "措施", "责任单位", "学习不深入", "每月集中学习", "办公室"]);
  });

  it("splits the seed's first line after the title", () => {
    const seed = devTexts.find((d) => d.name.startsWith("000_"))!;
    const first = texts(seed.text)[0]!;
    expect(first).toBe("1、2023年工业园区党工委科学进展观分析检查总结");
  });
});
