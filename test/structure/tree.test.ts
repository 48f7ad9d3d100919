import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SectionNode, Span } from "../../src/model/document.js";
import { detectHeadings, type HeadingCandidate } from "../../src/structure/headings.js";
import { assignLevels, buildTree, flattenSections, innermostSection } from "../../src/structure/tree.js";
import { buildUnits } from "../../src/structure/units.js";
import { docFrom } from "../helpers/layout.js";

function tree(text: string): SectionNode[] {
  const first = text.indexOf("\n");
  const titleSpan: Span = [0, first];
  return buildTree(detectHeadings(buildUnits(docFrom(text)), { titleSpan }), text.length).roots;
}

const cand = (family: string, rank: number, at: number): HeadingCandidate => ({
  family,
  rank,
  ordinal: 1,
  marker: "",
  text: family,
  span: [at, at + 1],
  headingSpan: [at, at + 1],
  runIn: false,
  unit: at,
  lastUnit: at,
});

describe("levels by first appearance", () => {
  it("gives 1. level 2 in a document with only 一、 and 1.", () => {
    const levels = assignLevels([cand("cn-dun", 3, 0), cand("ar-dot", 5, 1), cand("ar-dot", 5, 2), cand("cn-dun", 3, 3), cand("ar-dot", 5, 4)]);
    expect(levels.map((c) => c.level)).toEqual([1, 2, 2, 1, 2]);
  });

  it("nests 一、 > （一） > 1. as levels 1, 2, 3 and closes deeper levels at a sibling", () => {
    const levels = assignLevels([cand("cn-dun", 3, 0), cand("cn-paren", 4, 1), cand("ar-dot", 5, 2), cand("cn-paren", 4, 3), cand("cn-dun", 3, 4)]);
    expect(levels.map((c) => c.level)).toEqual([1, 2, 3, 2, 1]);
  });

  it("puts 一是 sub-heading leads one level under style headings", () => {
    const levels = assignLevels([cand("style-1", 3, 0), cand("shi-lead", 4.5, 1), cand("shi-lead", 4.5, 2), cand("style-1", 3, 3)]);
    expect(levels.map((c) => c.level)).toEqual([1, 2, 2, 1]);
  });

  it("does not nest 一、 under a （一） that opened first in a preamble", () => {
    const levels = assignLevels([cand("cn-paren", 4, 0), cand("cn-dun", 3, 1), cand("cn-paren", 4, 2)]);
    expect(levels.map((c) => c.level)).toEqual([1, 1, 2]);
  });
});

describe("section nodes", () => {
  const text = [
    "望川区统计局2023年工作总结",
    "一、2023年主要工作及成效",
    "（一）坚持政治引领，加强理论学习",
    "局党组坚持把政治建设摆在首位，深入开展主题教育，党组理论学习中心组全年开展集中学习12次。",
    "（二）统计数据质量稳步提升",
    "严格落实统计数据质量责任制，建立三级审核机制，对重点专业数据实行逐月会商。",
    "二、2024年工作思路",
    "1.扎实做好第五次全国经济普查登记和数据处理工作，确保普查数据真实准确、完整及时。",
  ].join("\n");

  it("numbers sections s1, s1.2 … and keeps the marker apart from the heading", () => {
    const roots = tree(text);
    expect(flattenSections(roots).map((s) => [s.id, s.level, s.marker, s.heading, s.parent])).toEqual([
      ["s1", 1, "一、", "2023年主要工作及成效", null],
      ["s1.1", 2, "（一）", "坚持政治引领，加强理论学习", "s1"],
      ["s1.2", 2, "（二）", "统计数据质量稳步提升", "s1"],
      ["s2", 1, "二、", "2024年工作思路", null],
    ]);
  });

  it("spans a section from its marker to the next heading of the same or a higher level", () => {
    const roots = tree(text);
    const [s1, s2] = roots;
    expect(text.slice(s1!.span[0], s1!.span[0] + 2)).toBe("一、");
    expect(s1!.span[1]).toBe(s2!.span[0]);
    expect(s1!.children[1]!.span[1]).toBe(s2!.span[0]);
    expect(s2!.span[1]).toBe(text.length);
    expect(text.slice(...s1!.children[0]!.headingSpan)).toBe("坚持政治引领，加强理论学习");
  });

  it("finds the innermost section of an offset", () => {
    const roots = tree(text);
    expect(innermostSection(roots, text.indexOf("三级审核"))?.id).toBe("s1.2");
    expect(innermostSection(roots, text.indexOf("经济普查登记"))?.id).toBe("s2");
    expect(innermostSection(roots, 3)).toBeNull();
  });
});

describe("the dev corpus TXT files", () => {
  // Stage input built without normalize: skip the traditional-script copy (its gold is simplified).
  const dir = new URL("../../corpora/dev/", import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith(".txt") && !f.includes("traditional"));
  for (const name of names) {
    it(`rebuilds the gold heading tree of ${name}`, () => {
      const text = readFileSync(new URL(name, dir), "utf8");
      const gold = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, ".gold.json"), dir), "utf8")) as { title: string; headings: Array<{ level: number; text: string }> };
      const start = text.indexOf(gold.title.slice(0, 8));
      const titleSpan: Span = [start, start + gold.title.length];
      const { roots } = buildTree(detectHeadings(buildUnits(docFrom(text)), { titleSpan }), text.length);
      const got = flattenSections(roots).map((s) => [s.level, s.heading.replace(/\s/g, "")]);
      expect(got).toEqual(gold.headings.map((h) => [h.level, h.text.replace(/\s/g, "")]));
    });
  }
});
