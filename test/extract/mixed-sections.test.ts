import { describe, expect, it } from "vitest";
import { isMixedHeading, mixedItemKind } from "../../src/extract/mixed-sections.js";

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
