import { describe, expect, it } from "vitest";
import { extractDates } from "../../src/extract/dates.js";
import { extractPeople } from "../../src/extract/people.js";

describe("extractDates", () => {
  it("completes a month-day date with the document's year", () => {
    const t = "12月12日我委召开了领导班子专题民主生活会。……\n中共某某党工委\n2023年12月20日";
    expect(extractDates(t).map((d) => [d.text, d.iso])).toEqual([
      ["12月12日", "2023-12-12"],
      ["2023年12月20日", "2023-12-20"],
    ]);
  });
  it("reads month precision and Chinese numerals", () => {
    expect(extractDates("2010年6月底前完成").map((d) => d.iso)).toEqual(["2010-06"]);
    expect(extractDates("二〇二三年十二月五日").map((d) => d.iso)).toEqual(["2023-12-05"]);
  });
  it("never takes a duration or a bare month", () => {
    expect(extractDates("近3个月来，每月至少学习一次，6月开展。")).toEqual([]);
  });
});

describe("extractPeople", () => {
  it("reads the role before the name", () => {
    const t = "并邀请市直机关工委第五督导组组长常文利同志参与了会议。党组书记、局长许文涛同志主持会议。由分管副局长周建华牵头。";
    const got = extractPeople(t).map((p) => [p.name, p.role]);
    expect(got).toContainEqual(["许文涛", "党组书记、局长"]);
    expect(got).toContainEqual(["周建华", "分管副局长"]);
    expect(got.find((p) => p[0] === "常文利")?.[1]).toContain("督导组组长");
  });
  it("takes no bare words after a title", () => {
    expect(extractPeople("班子成员与分管部门负责同志之间开展谈心谈话。")).toEqual([]);
  });
});

describe("extractDates year inference", () => {
  it("takes the last year written before a month-day date", () => {
    const t = "2023年度民主生活会于12月12日召开。\n2024年1月12日";
    expect(extractDates(t)[0]!.iso).toBe("2023-12-12");
  });
});
