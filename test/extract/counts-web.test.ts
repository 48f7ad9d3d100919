import { describe, expect, it } from "vitest";
import { extractCounts } from "../../src/extract/counts.js";

const facts = (t: string) => extractCounts(t).filter((c) => c.kind !== "other").map((c) => [c.kind, c.value]);

describe("counts in the phrasing of published reports", () => {
  it.each([
    ["共征求意见1361条次，其中涉及预算管理的815条次、涉及项目建设的480条次。", [["opinions", 1361], ["opinions", 815], ["opinions", 480]]],
    ["印发征求意见表2830份，收回2755份。", [["forms_issued", 2830], ["forms_returned", 2755]]],
    ["下发征求意见表300份。", [["forms_issued", 300]]],
    ["各支部召开专题民主生活会（组织生活会）38次。", [["meetings", 38]]],
    ["应到党员16人，实到党员14人。", [["participants", 14]]],
    ["审计工作报告反映问题50项，已整改到位40项，部分整改4项，持续整改6项。", [["problems", 50], ["rectified", 40]]],
    ["反馈问题25个，已完成整改19个、正在整改6个，未完成5个。", [["problems", 25], ["rectified", 19]]],
    ["将问题纳入“七张问题清单”，逐项建立“三张单子”。", []],
    ["深入学习党的十九大和二十届三中全会精神。", []],
    ["开展谈心谈话36余人次。", [["talks", 36]]],
    ["持续整改问题4个，部分整改的事项3项。", []],
    ["巡察反馈问题四个方面共20条。", [["problems", 20]]],
    ["关于省委巡视组反馈四个方面共20条问题整改情况的报告", [["problems", 20]]],
  ] as const)("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });
});
