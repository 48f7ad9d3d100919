import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractCounts } from "../../src/extract/counts.js";

const kv = (text: string) => extractCounts(text).filter((c) => c.kind !== "other").map((c) => [c.kind, c.value, c.approx]);

describe("extractCounts", () => {
  it("reads forms issued and returned, meetings in Chinese numerals and talks", () => {
    const t = "发放征求意见表1200余份，收回1136份。二是召开座谈会十二场，面对面听取意见。累计谈心64人次。";
    expect(kv(t)).toEqual([
      ["forms_issued", 1200, true],
      ["forms_returned", 1136, false],
      ["meetings", 12, false],
      ["talks", 64, false],
    ]);
  });
  it("counts an opinions breakdown as opinions too", () => {
    const t = "共梳理出意见建议93条，其中涉及班子建设的21条，涉及农村公路建设养护的34条，涉及运输市场管理和行风建设的38条。";
    expect(kv(t).map((x) => x.slice(0, 2))).toEqual([["opinions", 93], ["opinions", 21], ["opinions", 34], ["opinions", 38]]);
  });
  it("lists both the raw and the merged figure", () => {
    expect(kv("收集意见416条，梳理归并为85条。").map((x) => x[1])).toEqual([416, 85]);
  });
  it("takes the noun written after the unit", () => {
    expect(kv("报告共查摆出突出问题4个，从主观和客观两个层面分析了问题产生的原因，提出了5条整改措施。")).toEqual([
      ["problems", 4, false],
      ["measures", 5, false],
    ]);
    expect(kv("梳理出以下四个方面的问题。")).toEqual([["problems", 4, false]]);
  });
  it("reads a problem total with words between 方面 and 问题", () => {
    expect(kv("对照检视，我们在以下三个方面还存在较为突出的问题。")).toEqual([["problems", 3, false]]);
    expect(kv("班子在两个方面仍有明显不足。")).toEqual([["problems", 2, false]]);
    expect(kv("从主观和客观两个方面剖析问题产生的根源。").map((x) => x[0])).not.toContain("problems");
    expect(kv("班子在3个方面存在9个具体问题。")).toEqual([["problems", 9, false]]);
  });
  it("keeps satisfaction percentages and drops every other rate", () => {
    expect(kv("满意和基本满意率为96.2%。管网漏损率由19.6%下降到14.3%，办结率100%，整改完成率75%。")).toEqual([["satisfaction", 96.2, false]]);
    expect(kv("群众满意度达到九成。")).toEqual([["satisfaction", 90, false]]);
  });
  it("separates rectified items from work still in progress", () => {
    expect(kv("巡察反馈的6个问题已完成整改5个，剩余1个正在按计划推进；局党组共制定整改措施21条，建立完善制度9项。")).toEqual([
      ["problems", 6, false],
      ["rectified", 5, false],
      ["measures", 21, false],
    ]);
    expect(kv("审计共发现问题8个，已整改到位6个，正在整改2个。")).toEqual([["problems", 8, false], ["rectified", 6, false]]);
  });
  it("ignores vote tallies, people who did not take part, study sessions and durations", () => {
    expect(kv("评价为“满意”的118票，“基本满意”的9票。选聘普查员326名。组织集中学习6次。一个多月来。缩短到18个工作日。")).toEqual([]);
  });
  it("takes participants only with a verb of taking part", () => {
    expect(kv("参加评议的干部职工、人大代表、政协委员和服务对象代表共132名。支部现有党员11名。")).toEqual([["participants", 132, false]]);
  });
  it("sets approx for 近, 余, 多 and 左右 with the round number as value", () => {
    expect(kv("面向企业发放调查问卷近1500份。发放征求意见表80多份。开展谈心谈话20人次左右。收集到意见建议六十余条。")).toEqual([
      ["forms_issued", 1500, true],
      ["forms_issued", 80, true],
      ["talks", 20, true],
      ["opinions", 60, true],
    ]);
  });
  it("reads phrasings not in the dev corpus", () => {
    expect(kv("召开各类座谈会、征求意见会78场，发放征求意见函2000余份，收回1856份")).toEqual([
      ["meetings", 78, false],
      ["forms_issued", 2000, true],
      ["forms_returned", 1856, false],
    ]);
    expect(kv("查摆出班子问题5个方面12条")).toEqual([["problems", 12, false]]);
    expect(kv("共收集意见建议136条，归纳梳理为四个方面28条").map((x) => x[1])).toEqual([136, 28]);
    expect(kv("共有126名党员参加了评议")).toEqual([["participants", 126, false]]);
    expect(kv("共梳理出意见建议两千六百余条")).toEqual([["opinions", 2600, true]]);
    expect(kv("发放调查问卷3万4000份")).toEqual([["forms_issued", 34000, false]]);
    expect(kv("制定整改措施23条，已完成整改18项，正在推进5项")).toEqual([["measures", 23, false], ["rectified", 18, false]]);
  });
  it("reads more genre phrasings (举措, 不足, 参加人员, 已整改问题)", () => {
    expect(kv("共召开座谈会3次，参加人员86人次")).toEqual([["meetings", 3, false], ["participants", 86, false]]);
    expect(kv("梳理出4个方面17条意见建议")).toEqual([["opinions", 17, false]]);
    expect(kv("查找出问题和不足5条")).toEqual([["problems", 5, false]]);
    expect(kv("制定整改举措15项")).toEqual([["measures", 15, false]]);
    expect(kv("已整改问题12个")).toEqual([["rectified", 12, false]]);
    expect(kv("收到群众来信来电12件")).toEqual([]);
  });
  it("does not count the body's own business meetings, leaflets or visits", () => {
    expect(kv("全年共召开党组会议24次。走访群众500余人，发放宣传资料3000份。")).toEqual([]);
  });
  it("keeps a figure restated in a later sentence once, and drops work still in progress", () => {
    expect(kv("制定整改措施46条。截至12月20日,46条整改措施已完成整改39条,其余7条正在整改中。")).toEqual([
      ["measures", 46, false],
      ["rectified", 39, false],
    ]);
  });
  it("takes participants in the evaluation, not volunteers or pupils", () => {
    expect(kv("累计参与志愿服务1200余人次，参与学生110名。成立小区党群议事会3个。帮助解决实际问题23个。")).toEqual([]);
  });
  it("reads full-width digits and keeps spans on the original text", () => {
    const t = "共计７５人次的谈心谈话；共征集到意见建议１０８条";
    const c = extractCounts(t).find((x) => x.kind === "opinions")!;
    expect(c.value).toBe(108);
    expect(t.slice(c.span[0], c.span[1])).toContain("１０８条");
  });
  it("finds every gold count of the simplified dev texts, and nothing else of a scored kind", () => {
    const dir = new URL("../../corpora/dev/", import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt") && !n.includes("traditional"))) {
      const gold = JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, ".gold.json"), dir), "utf8")) as { counts?: Array<{ kind: string; value: number }> };
      const want = (gold.counts ?? []).map((c) => `${c.kind}=${c.value}`).sort();
      const got = extractCounts(readFileSync(new URL(f, dir), "utf8")).filter((c) => c.kind !== "other").map((c) => `${c.kind}=${c.value}`).sort();
      expect(got, f).toEqual(want);
    }
  });
});
