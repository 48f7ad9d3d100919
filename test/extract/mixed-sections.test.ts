import { describe, expect, it } from "vitest";
import { dropResultsBeforePlans, isMixedHeading, isResultsAndPlansHeading, mixedItemKind } from "../../src/extract/mixed-sections.js";
import type { SectionNode } from "../../src/model/document.js";

describe("mixed problems-and-causes sections", () => {
  it.each(["存在的不足及原因", "存在的问题和产生的原因", "问题及其根源", "差距与原因分析"])("recognises %s as naming both", (h) => {
    expect(isMixedHeading(h)).toBe(true);
  });

  it.each(["存在的主要问题", "产生问题的原因", "问题原因及整改措施", "整改措施"])("does not take %s for a mixed heading", (h) => {
    expect(isMixedHeading(h)).toBe(false);
  });

  it.each([
    ["究其原因，是自身党性修养有所放松，对自己要求不够严格。", "causes"],
    ["根源在于宗旨意识树得不牢，对群众的操心事关注不够。", "causes"],
    ["工作作风不够扎实，主要是自我满足、不思进取的思想所致。", "causes"],
    ["之所以出现这些问题，是因为理论学习抓得不紧。", "causes"],
    ["工作标准不够高。有时满足于完成上级交办的任务。", "problems"],
    ["对问题原因的分析不够深入，整改措施针对性不强。", "problems"],
    ["督促检查不够到位。对部署的工作跟踪问效不及时，这是导致落实打折扣的原因之一。", "problems"],
  ] as const)("reads %s as %s by its lead", (text, kind) => {
    expect(mixedItemKind(text)).toBe(kind);
  });
});

describe("results-and-plans sections", () => {
  it.each(["活动成效及下一步打算", "取得的成效和下一步工作", "主要成绩与今后打算"])("recognises %s", (h) => {
    expect(isResultsAndPlansHeading(h)).toBe(true);
  });

  it.each(["下一步工作打算", "主要工作成效", "存在的问题及下一步打算"])("does not take %s for one", (h) => {
    expect(isResultsAndPlansHeading(h)).toBe(false);
  });

  it("keeps only the points after the first plans cue as measures", () => {
    const text = "二、取得的成效和下一步工作\n一是市场秩序明显好转。\n二是抽检合格率保持高位。\n下一步，我们将：\n一是建立常态化监管机制。\n二是加大执法力度。";
    const section = {
      id: "s1",
      parent: null,
      heading: "取得的成效和下一步工作",
      headingSpan: [2, 13],
      span: [0, text.length],
    } as unknown as SectionNode;
    const at = (t: string) => text.indexOf(t);
    const item = (t: string) => ({ span: [at(t), at(t) + t.length] as [number, number], section: "s1", text: t });
    const kept = dropResultsBeforePlans(text, [item("市场秩序明显好转。"), item("抽检合格率保持高位。"), item("建立常态化监管机制。"), item("加大执法力度。")], (id) => (id === "s1" ? section : undefined));
    expect(kept.map((k) => k.text)).toEqual(["建立常态化监管机制。", "加大执法力度。"]);
  });
});
