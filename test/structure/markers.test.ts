import { describe, expect, it } from "vitest";
import { LAST, matchBareNumeral, matchHeadingMarker, matchPointMarker, parseArabic, parseChineseNumeral } from "../../src/structure/markers.js";

describe("numeral parsing", () => {
  it("reads Chinese numerals up to ninety-nine", () => {
    expect(parseChineseNumeral("一")).toBe(1);
    expect(parseChineseNumeral("十")).toBe(10);
    expect(parseChineseNumeral("十二")).toBe(12);
    expect(parseChineseNumeral("二十")).toBe(20);
    expect(parseChineseNumeral("九十九")).toBe(99);
    expect(parseChineseNumeral("一百")).toBeNaN();
  });

  it("reads full-width Arabic digits", () => {
    expect(parseArabic("１２")).toBe(12);
    expect(parseArabic("3")).toBe(3);
  });
});

describe("heading-family markers", () => {
  const cases: Array<[string, string, number, string]> = [
    ["一、突出学习深化，为分析检查打牢思想基础", "cn-dun", 1, "一、"],
    ["十二、其他", "cn-dun", 12, "十二、"],
    ["（一）查摆的突出问题", "cn-paren", 1, "（一）"],
    ["(三)争辩提出整改的思路和措施", "cn-paren", 3, "(三)"],
    ["1.强化理论武装，提升科学发展能力。", "ar-dot", 1, "1."],
    ["2、加强统计基层基础建设", "ar-dot", 2, "2、"],
    ["３．深化内部改革", "ar-dot", 3, "３．"],
    ["（1）加强组织领导。", "ar-paren", 1, "（1）"],
    ["(4)强化成果运用。", "ar-paren", 4, "(4)"],
    ["③增强服务监管效能。", "circled", 3, "③"],
    ["第一部分 基本情况", "part", 1, "第一部分"],
    ["第二章 存在的问题", "chapter", 2, "第二章"],
    ["第三节 整改措施", "section", 3, "第三节"],
  ];
  for (const [text, family, ordinal, marker] of cases) {
    it(`reads ${marker.trim()} as ${family} ${ordinal}`, () => {
      const m = matchHeadingMarker(text, 0);
      expect(m).toMatchObject({ family, ordinal, marker });
    });
  }

  it("does not read a decimal or a year as a numbered heading", () => {
    expect(matchHeadingMarker("1.2万亩特色产业基地", 0)).toBeNull();
    expect(matchHeadingMarker("2023年，区统计局", 0)).toBeNull();
    expect(matchHeadingMarker("一是抓好中心组学习。", 0)).toBeNull();
  });

  it("reads a marker at an offset inside a line", () => {
    const line = "…总结如下: 一、坚持学习,深化贯彻总书记重要讲话精神 坚持以";
    const at = line.indexOf("一、");
    expect(matchHeadingMarker(line, at)).toMatchObject({ family: "cn-dun", ordinal: 1 });
  });
});

describe("point markers", () => {
  it("reads 一是, 第一， and the 首先/其次/再次/最后 sequence", () => {
    expect(matchPointMarker("一是发展理念还不够新。", 0)).toMatchObject({ family: "shi", ordinal: 1, marker: "一是" });
    expect(matchPointMarker("五是基层监管执法装备落后。", 0)).toMatchObject({ family: "shi", ordinal: 5 });
    expect(matchPointMarker("第二，攻坚克难的魄力不够。", 0)).toMatchObject({ family: "di", ordinal: 2, marker: "第二，" });
    expect(matchPointMarker("首先，理论学习的自觉性不强。", 0)).toMatchObject({ family: "seq", ordinal: 1 });
    expect(matchPointMarker("其次，担当作为的精神有所减退。", 0)).toMatchObject({ family: "seq", ordinal: 2 });
    expect(matchPointMarker("再次，管理制度不够健全。", 0)).toMatchObject({ family: "seq", ordinal: 3 });
    expect(matchPointMarker("最后，党性修养有所放松。", 0)).toMatchObject({ family: "seq", ordinal: LAST });
  });

  it("reads 其一，其二，", () => {
    expect(matchPointMarker("其二，服务意识不强。", 0)).toMatchObject({ family: "qi", ordinal: 2 });
  });

  it("does not read a numeral pair 一、二季度 as a heading marker", () => {
    expect(matchHeadingMarker("一、二季度全区生产总值增长5%", 0)).toBeNull();
  });

  it("does not read 第一议题 or 第一责任人 as a point", () => {
    expect(matchPointMarker("第一议题”制度", 0)).toBeNull();
    expect(matchPointMarker("第一责任人职责", 0)).toBeNull();
  });

  it("also reads the low heading families as points", () => {
    expect(matchPointMarker("①班子成员每年到所联系社区讲党课", 0)).toMatchObject({ family: "circled", ordinal: 1 });
    expect(matchPointMarker("(2)严格督查问责。", 0)).toMatchObject({ family: "ar-paren", ordinal: 2 });
    expect(matchPointMarker("3.宗旨意识有所淡化。", 0)).toMatchObject({ family: "ar-dot", ordinal: 3 });
  });
});

describe("lost-bracket numerals", () => {
  it("reads 一实事求是查找问题 and 三争辩制定整改措施 as bare numerals", () => {
    expect(matchBareNumeral("一实事求是查找问题。分析检查报告", 0)).toMatchObject({ family: "cn-paren", ordinal: 1, marker: "一" });
    expect(matchBareNumeral("三争辩制定整改措施。针对", 0)).toMatchObject({ ordinal: 3 });
  });

  it("refuses words that start with a numeral", () => {
    for (const w of ["一是进展的步伐", "一定程度上", "一些项目难以落地", "一直坚持", "三个方面", "二者结合", "一方面"]) {
      expect(matchBareNumeral(w, 0), w).toBeNull();
    }
  });
});
