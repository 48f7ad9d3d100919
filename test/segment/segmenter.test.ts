import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getSegmenter, splitProtected, stopWords } from "../../src/segment/segmenter.js";
import type { SegmenterName } from "../../src/model/options.js";
import { nodejiebaLoads } from "../helpers/segmenters.js";

const BACKENDS: SegmenterName[] = nodejiebaLoads() ? ["rs", "nodejieba"] : ["rs"];
const DEV = new URL("../../corpora/dev/", import.meta.url);
const gbt = readFileSync(new URL("analysis-check-gbt9704-complete.txt", DEV), "utf8");
const seed = readFileSync(new URL("000_1da3db3453a4fc7f.txt", DEV), "utf8");

describe.each(BACKENDS)("segmenter %s", (name) => {
  const seg = getSegmenter(name);

  it("returns tokens that concatenate to the input", () => {
    const text = "2023年12月12日，我委召开了领导班子专题民主生活会。 共收到意见和建议41条。";
    expect(seg.cut(text).join("")).toBe(text);
    expect(seg.cut(gbt).join("")).toBe(gbt);
  });

  it("keeps numbers, percentages and dates whole", () => {
    const tokens = seg.cut("共收到意见和建议41条，发放征求意见表3000余份，满意率98.6%，９３．５％的职工于2023年11月12日参加，11月17日召开，涉及资金1,260万元，GDP增长");
    for (const t of ["41", "3000", "98.6%", "９３．５％", "2023年11月12日", "11月17日", "1,260", "GDP"]) expect(tokens).toContain(t);
  });

  it("keeps the genre vocabulary of the user dictionary as single words", () => {
    const text =
      "深入学习实践科学发展观，开好民主生活会和组织生活会，开展批评和自我批评，认真对照检查，抓好整改落实，党工委和管委会反对形式主义、官僚主义，纠治四风，增强四个意识，做到两个维护，落实三会一课，抓好意识形态和党风廉政建设，中心组学习，开展谈心谈话和征求意见，巡察反馈问题立行立改，科学进展观，批判和自我批判";
    const tokens = new Set(seg.cut(text));
    for (const w of ["科学发展观", "民主生活会", "组织生活会", "批评和自我批评", "对照检查", "整改落实", "党工委", "管委会", "形式主义", "官僚主义", "四风", "四个意识", "两个维护", "三会一课", "意识形态", "中心组", "谈心谈话", "征求意见", "立行立改", "科学进展观", "批判和自我批判"]) {
      expect(tokens, w).toContain(w);
    }
  });

  it("extracts content keywords without numbers or stop words", () => {
    const kw = seg.extractKeywords(gbt, 20);
    expect(kw).toHaveLength(20);
    const words = kw.map((k) => k.word);
    expect(words).toEqual(expect.arrayContaining(["科学发展观", "民主生活会"]));
    const stops = stopWords();
    for (const w of words) {
      expect(stops.has(w), w).toBe(false);
      expect(w).not.toMatch(/^[0-9]/);
      expect(w.length).toBeGreaterThanOrEqual(2);
    }
    for (let i = 1; i < kw.length; i++) expect(kw[i]!.weight).toBeLessThanOrEqual(kw[i - 1]!.weight);
  });

  it("keeps the spun copy's vocabulary among its keywords", () => {
    expect(seg.extractKeywords(seed, 20).map((k) => k.word)).toContain("科学进展观");
  });
});

describe("backends agree", () => {
  it.skipIf(BACKENDS.length < 2)("nodejieba and @node-rs/jieba give mostly the same cut and keywords", () => {
    const rs = getSegmenter("rs");
    const nj = getSegmenter("nodejieba");
    const a = rs.cut(gbt);
    const b = new Set(nj.cut(gbt));
    const same = a.filter((t) => b.has(t)).length / a.length;
    expect(same).toBeGreaterThan(0.95);
    const ka = rs.extractKeywords(gbt, 10).map((k) => k.word);
    const kb = new Set(nj.extractKeywords(gbt, 10).map((k) => k.word));
    expect(ka.filter((w) => kb.has(w)).length).toBeGreaterThanOrEqual(7);
  });
});

describe("splitProtected", () => {
  it("separates number runs from the text around them", () => {
    expect(splitProtected("召开座谈会5次，满意率96.2%")).toEqual([
      { text: "召开座谈会", protect: false },
      { text: "5", protect: true },
      { text: "次，满意率", protect: false },
      { text: "96.2%", protect: true },
    ]);
  });

  it("leaves 年底 and 月底 to the segmenter instead of taking 年/月 into the date", () => {
    expect(getSegmenter("rs").cut("2009年底前完成")).toEqual(["2009", "年底", "前", "完成"]);
    expect(getSegmenter("rs").cut("于2023年12月底前完成")).toEqual(["于", "2023年", "12", "月底", "前", "完成"]);
  });

  it("does not let a number change how its neighbours are cut", () => {
    const seg = getSegmenter("rs");
    expect(seg.cut("整改于12月底前完成").slice(2)).toEqual(seg.cut("整改于 月底前完成").slice(2).map((t) => (t === " " ? "12" : t)));
  });
});
