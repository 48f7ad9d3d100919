/**
 * Structure on short documents written for these tests (test/fixtures/structure/*.txt),
 * one per variation the dev corpus does not show: result-form achievement headings,
 * sibling smoothing, 1) / 一要 / 第一条 / 第一步 / 一. markers, long headings confirmed
 * by their sequence, lost brackets in one section only, multi-paragraph sub-heading
 * items, 关于…的问题 sub-headings.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BlockHint, EnumItem, SectionNode, SectionRole, Span, WorkingDocument } from "../../src/model/document.js";
import { buildStructure, smoothSiblings } from "../../src/structure/index.js";
import { matchHeadingMarker, matchPointMarker } from "../../src/structure/markers.js";

function load(name: string): WorkingDocument {
  const text = readFileSync(new URL(`../fixtures/structure/${name}`, import.meta.url), "utf8").replace(/\n$/, "");
  const blocks: BlockHint[] = [];
  let at = 0;
  text.split("\n").forEach((line, index) => {
    const span: Span = [at, at + line.length];
    blocks.push({ index, kind: line.includes("\t") ? "table-row" : "paragraph", span });
    at += line.length + 1;
  });
  const doc = { text, blocks, sentences: [], keywords: [], warnings: [], title: null, titleSpan: null, reportType: null, sections: [], items: [] } as unknown as WorkingDocument;
  buildStructure(doc);
  return doc;
}

function flat(sections: SectionNode[], out: Array<{ level: number; heading: string; role: SectionRole }> = []) {
  for (const s of sections) {
    out.push({ level: s.level, heading: s.heading, role: s.role });
    flat(s.children, out);
  }
  return out;
}

const top = (doc: WorkingDocument, section?: string): EnumItem[] => doc.items.filter((i) => i.depth === 0 && (!section || i.section === section));
const texts = (list: EnumItem[]) => list.map((i) => i.text);

describe("achievement headings written as results", () => {
  it("reads 持续加强 / 更加便捷高效 / 扎实有效 / 取得新进展 / 再创新高 sub-headings as achievements", () => {
    const doc = load("ws-result-headings.txt");
    const hs = flat(doc.sections);
    expect(hs.filter((h) => h.level === 2).map((h) => h.role)).toEqual(["achievements", "achievements", "achievements", "achievements", "achievements"]);
    expect(hs.filter((h) => h.level === 1).map((h) => h.role)).toEqual(["achievements", "problems", "next-steps"]);
  });

  it("reads top-level 扎实推进 / 提速增效 / 成效明显 headings as achievements, even with 廉政 in the topic, but not 有待进一步提升", () => {
    const doc = load("ws-root-results.txt");
    expect(flat(doc.sections).map((h) => [h.heading, h.role])).toEqual([
      ["党风廉政建设扎实推进", "achievements"],
      ["食品安全监管提速增效", "achievements"],
      ["市场主体服务成效明显", "achievements"],
      ["服务意识有待进一步提升", "problems"],
    ]);
  });

  it("gives a weak other among achievement siblings their role, and keeps a named other section", () => {
    const doc = load("sibling-smoothing.txt");
    expect(flat(doc.sections).map((h) => [h.level, h.heading, h.role])).toEqual([
      [1, "主要工作", "achievements"],
      [2, "公共文化服务水平稳步提升", "achievements"],
      [2, "场馆运行管理不断优化", "achievements"],
      [2, "群众文化活动", "achievements"],
      [1, "总体要求", "other"],
    ]);
  });

  it("smooths nothing when no role has two siblings or two roles tie", () => {
    const node = (role: SectionRole, roleConfidence: number): SectionNode => ({ id: "s", level: 1, marker: "", heading: "", role, roleConfidence, span: [0, 1], headingSpan: [0, 1], parent: null, children: [] });
    const tie = [node("problems", 0.9), node("problems", 0.9), node("causes", 0.9), node("causes", 0.9), node("other", 0.3)];
    smoothSiblings(tie);
    expect(tie[4]!.role).toBe("other");
    const confident = [node("achievements", 0.9), node("achievements", 0.9), node("other", 0.95)];
    smoothSiblings(confident);
    expect(confident[2]!.role).toBe("other");
  });
});

describe("more marker families", () => {
  it("reads 1） 2） 3） paragraphs as items but not a stray 附件1）", () => {
    const doc = load("close-bracket-points.txt");
    expect(texts(top(doc, "s1"))).toEqual(["修订局机关财务报销制度，明确审核流程，今年6月底前完成。", "对近三年工程项目开展专项审计，发现问题及时移交。", "建立整改台账，每月通报整改进度。"]);
    expect(top(doc, "s2")).toEqual([]);
  });

  it("splits an inline 一要…二要…三要 run and reads paragraph-start 一要 / 二要 / 三要 as items", () => {
    const doc = load("yao-points.txt");
    expect(texts(top(doc, "s2"))).toEqual(["深化网格化管理，做到居民诉求件件有回应；", "办好老年食堂，扩大助餐服务覆盖面；", "加强志愿者队伍建设，完善激励机制。"]);
    expect(top(doc, "s3").map((i) => i.marker)).toEqual(["一要", "二要", "三要"]);
  });

  it("reads 第一步 / 第二步 and 第一条 / 第二条 paragraphs as two separate series", () => {
    const doc = load("di-unit-points.txt");
    expect(top(doc, "s1").map((i) => [i.marker, i.text.slice(0, 5)])).toEqual([
      ["第一步，", "动员部署。"],
      ["第二步，", "集中整改。"],
      ["第三步，", "总结验收。"],
    ]);
    expect(top(doc, "s2").map((i) => i.marker)).toEqual(["第一条，", "第二条，", "第三条，"]);
  });

  it("reads 一. / 二. / 三. (a Chinese numeral with an ASCII dot) as level-1 headings", () => {
    const doc = load("dot-numeral-headings.txt");
    expect(flat(doc.sections).map((h) => [h.level, h.heading])).toEqual([
      [1, "基本情况"],
      [1, "存在问题"],
      [1, "下一步打算"],
    ]);
  });

  it("treats 1、 and 1. as one family in a Chinese list, and （1） as its own", () => {
    const doc = load("mixed-arabic-points.txt");
    expect(top(doc, "s1").map((i) => i.marker)).toEqual(["1、", "2.", "3、"]);
    expect(top(doc, "s2").map((i) => i.marker)).toEqual(["（1）", "（2）"]);
  });

  it("matches the new markers only where they are markers", () => {
    expect(matchPointMarker("1）修订制度", 0)?.family).toBe("ar-close");
    expect(matchPointMarker("1)修订制度", 0)?.family).toBe("ar-close");
    expect(matchPointMarker("2025）", 0)).toBeNull();
    expect(matchPointMarker("一要素齐全", 0)).toBeNull();
    expect(matchPointMarker("一要求", 0)).toBeNull();
    expect(matchPointMarker("第一条款", 0)).toBeNull();
    expect(matchPointMarker("第一步骤", 0)).toBeNull();
    expect(matchPointMarker("第二步：集中整改", 0)).toMatchObject({ family: "bu", ordinal: 2 });
    expect(matchHeadingMarker("一.基本情况", 0)?.family).toBe("cn-dun");
    expect(matchHeadingMarker("一.5倍", 0)).toBeNull();
    expect(matchHeadingMarker("一、2025年工作", 0)?.family).toBe("cn-dun");
  });
});

describe("heading length from evidence", () => {
  it("keeps long 一、 lines and long （一） leads that belong to a sequence, and drops a lone long paragraph", () => {
    const doc = load("long-headings.txt");
    const hs = flat(doc.sections);
    expect(hs.map((h) => h.level)).toEqual([1, 1, 2, 2]);
    expect(hs[0]!.heading.startsWith("坚持以党的创新理论武装头脑")).toBe(true);
    expect(hs[2]!.heading).toBe("围绕高标准农田建设中群众反映强烈的灌溉设施管护不到位和建后管护责任不清晰的问题开展专项整治");
    expect(hs.some((h) => h.heading.startsWith("本人在这一年中"))).toBe(false);
  });
});

describe("lost brackets", () => {
  it("restores 一X。二X。三X。 sub-headings in a section even when another section has typed （一）", () => {
    const doc = load("mixed-lost-brackets.txt");
    expect(flat(doc.sections).map((h) => [h.level, h.heading])).toEqual([
      [1, "学习教育开展情况"],
      [2, "集中学习"],
      [2, "调查研究"],
      [1, "整改落实情况"],
      [2, "狠抓问题整改"],
      [2, "健全长效机制"],
      [2, "强化督促检查"],
    ]);
  });
});

describe("sub-heading items", () => {
  it("gives every sub-heading all its paragraphs, the last one up to a closing 总之 paragraph and never the signature", () => {
    const doc = load("multi-paragraph-subheadings.txt");
    const got = top(doc).filter((i) => i.origin === "subheading");
    expect(got.length).toBe(3);
    for (const it of got) expect(it.text.split("\n").length).toBe(3);
    expect(got[2]!.text.includes("总之")).toBe(false);
    expect(got[2]!.text.includes("2025年12月20日")).toBe(false);
  });

  it("takes a 关于…的问题 sub-heading alone as the item, without its 整改情况 paragraph", () => {
    const doc = load("about-problem-headings.txt");
    expect(texts(top(doc).filter((i) => i.origin === "subheading"))).toEqual(["关于理论学习不够深入的问题", "关于项目资金管理不规范的问题"]);
  });
});

describe("context decides between a result and a goal", () => {
  it("keeps result-form sub-headings under 下一步工作打算 as next steps, and under 主要工作成效 as achievements", () => {
    const doc = load("next-steps-goals.txt");
    expect(flat(doc.sections).map((h) => [h.level, h.heading, h.role])).toEqual([
      [1, "主要工作成效", "achievements"],
      [2, "公共法律服务体系不断完善", "achievements"],
      [2, "人民调解工作成效明显", "achievements"],
      [1, "存在的问题及原因", "analysis"],
      [2, "存在的问题", "problems"],
      [2, "原因分析", "causes"],
      [1, "下一步工作打算", "next-steps"],
      [2, "基层调解队伍更加专业", "next-steps"],
      [2, "法治宣传持续深化", "next-steps"],
    ]);
  });
});

describe("一方面 / 另一方面 and 关于…的问题 with points of its own", () => {
  it("splits an inline 一方面…另一方面 pair into two items", () => {
    const doc = load("one-side-causes.txt");
    expect(texts(top(doc, "s1"))).toEqual(["理论学习的系统性不够，学用结合不紧密；", "调查研究不够深入，对基层实际情况掌握不全面。"]);
  });

  it("gives a 关于…的问题 heading the problems role and makes it its own item, its 整改情况 points nested", () => {
    const doc = load("one-side-causes.txt");
    expect(flat(doc.sections).filter((h) => h.level === 2).map((h) => h.role)).toEqual(["problems", "problems"]);
    expect(texts(top(doc, "s2.1"))).toEqual(["关于调查研究不够深入的问题"]);
    // the ①② points of its 整改情况 are parts of the pair (depth 1), never problems of their own
    expect(doc.items.filter((i) => i.section === "s2.1" && i.depth === 1).map((i) => i.marker)).toEqual(["①", "②"]);
    expect(texts(top(doc, "s2.2"))).toEqual(["关于制度执行不够严格的问题"]);
  });
});

describe("question headings", () => {
  it("reads 存在哪些问题？ / 问题出在哪里？ / 今后如何改进？ lines as standalone headings with problem, cause and measure roles", () => {
    const doc = load("question-headings.txt");
    expect(flat(doc.sections).map((h) => [h.level, h.heading, h.role])).toEqual([
      [1, "存在哪些问题", "problems"],
      [1, "问题出在哪里", "causes"],
      [1, "今后如何改进", "measures"],
    ]);
    expect(top(doc, "s2").map((i) => i.marker)).toEqual(["一是", "二是"]);
    expect(top(doc, "s3").map((i) => i.marker)).toEqual(["1.", "2."]);
  });
});

describe("headings that say little, read with their body", () => {
  it("reads verb-first top-level sections reporting figures as achievements, and 成果丰硕 / 精准高效 endings as results", () => {
    const doc = load("ws-verb-first-headings.txt");
    expect(flat(doc.sections).map((h) => h.role)).toEqual(["achievements", "achievements", "achievements", "problems", "next-steps"]);
  });

  it("reads a verb-first top-level heading (加强自身建设) over a body of figures as achievements, not measures", () => {
    const doc = load("ws-verb-first-with-figures.txt");
    expect(flat(doc.sections).map((h) => h.role)).toEqual(["achievements", "achievements", "achievements", "problems"]);
  });

  it("reads 坚持问题导向，逐项抓好落实 as rectification progress, not problems, and its 关于…的问题 children as problems", () => {
    const doc = load("rect-verb-first-headings.txt");
    expect(flat(doc.sections).map((h) => [h.level, h.role])).toEqual([
      [1, "progress"],
      [1, "progress"],
      [2, "problems"],
      [2, "problems"],
      [1, "next-steps"],
    ]);
    expect(texts(top(doc).filter((i) => i.origin === "subheading"))).toEqual(["关于落实全面从严治党主体责任不到位的问题", "关于工程项目管理不规范的问题"]);
  });
});

describe("points over several paragraphs", () => {
  it("keeps an unmarked paragraph between 1. and 2. inside point 1, and leaves the closing paragraph after the last point out", () => {
    const doc = load("multi-paragraph-points.txt");
    const got = top(doc, "s1");
    expect(got.map((i) => i.marker)).toEqual(["1.", "2.", "3."]);
    expect(got[0]!.text).toBe("医保基金监管存在薄弱环节，部分定点医疗机构存在串换项目收费行为。\n经核查，涉及违规金额共计36万元，已全部追回。");
    expect(got[2]!.text).toBe("经办服务标准化程度不高，各乡镇经办流程不统一。");
  });
});
