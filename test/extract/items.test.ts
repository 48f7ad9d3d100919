import { describe, expect, it } from "vitest";
import { extractItems, inlineRuns, leadKind } from "../../src/extract/items.js";
import { item, makeDoc, section } from "./helpers.js";

describe("extractItems from the structure stage's items", () => {
  const text = [
    "标题",
    "一、查摆的问题",
    "一是发展理念还不够新。二是作风还有差距。",
    "（一）学习情况",
    "一是抓好中心组学习。二是抓好个人自学。",
    "二、下一步打算",
    "第一，制定整改落实方案，12月底前报县委。第二，建立健全长效机制。",
  ].join("\n");
  const s1 = section("s1", "problems", text, "查摆的问题", text.indexOf("（一）"));
  const s11 = section("s1.1", "learning", text, "学习情况", text.indexOf("二、"), "s1");
  const s2 = section("s2", "next-steps", text, "下一步打算", text.length);
  s1.children = [s11];
  const doc = makeDoc(text, {
    sections: [s1, s2],
    items: [
      item(text, "发展理念还不够新。", "s1"),
      item(text, "作风还有差距。", "s1", "二是"),
      { ...item(text, "抓好中心组学习。", "s1.1"), depth: 0 },
      item(text, "制定整改落实方案，12月底前报县委。", "s2", "第一，"),
      item(text, "建立健全长效机制。", "s2", "第二，"),
    ],
  });
  const got = extractItems(doc);
  it("maps depth-0 items of problems sections to problems", () => {
    expect(got.problems.map((p) => p.text)).toEqual(["发展理念还不够新。", "作风还有差距。"]);
  });
  it("never takes items of a learning subsection, even under a problems section", () => {
    expect(got.problems.some((p) => p.text.includes("中心组学习"))).toBe(false);
  });
  it("treats next-steps items as measures, with their deadline", () => {
    expect(got.measures.map((m) => [m.text, m.deadline])).toEqual([
      ["制定整改落实方案，12月底前报县委。", "12月底前"],
      ["建立健全长效机制。", null],
    ]);
  });
  it("keeps spans that point at the item text", () => {
    for (const p of got.problems) expect(text.slice(p.span[0], p.span[1])).toBe(p.text);
  });
});

describe("extractItems from prose when there are no such sections", () => {
  const text = [
    "标题",
    "分析检查报告实事求是地指出了存在的突出问题。一是进展的步伐与形势的要求还有差距。二是进展的质量和效益还有待于提高。",
    "消逝这些问题的主要缘由是:一是土地紧缺已成为制约进展的瓶颈。二是人才缺乏,项目储藏缺乏。",
    "必需从以下几个方面着手:一是深化学习科学进展观。二是切实推动体制机制创新。",
  ].join("\n");
  const got = extractItems(makeDoc(text));
  it("reads the kind from the lead-in sentence", () => {
    expect(got.problems.map((p) => p.text)).toEqual(["进展的步伐与形势的要求还有差距。", "进展的质量和效益还有待于提高。"]);
    expect(got.causes.map((p) => p.text)).toEqual(["土地紧缺已成为制约进展的瓶颈。", "人才缺乏,项目储藏缺乏。"]);
    expect(got.measures.map((p) => p.text)).toEqual(["深化学习科学进展观。", "切实推动体制机制创新。"]);
  });
  it("classifies objective causes", () => {
    expect(got.causes.map((c) => c.kind)).toEqual(["objective", "objective"]);
  });
  it("finds runs only when the ordinals follow each other", () => {
    expect(inlineRuns("一是甲。三是乙。")).toEqual([]);
    expect(inlineRuns("首先，甲。其次，乙。最后，丙。")[0]!.map((m) => m.marker)).toEqual(["首先，", "其次，", "最后，"]);
  });
  it("lets the latest keyword of the lead-in decide", () => {
    expect(leadKind("产生上述问题的原因主要有三个方面：")).toBe("causes");
    expect(leadKind("针对存在的问题，提出以下整改措施：")).toBe("measures");
    expect(leadKind("局党组把继续深化学习作为首要任务。")).toBeNull();
  });
});

describe("rectification task tables", () => {
  const text = [
    "标题",
    "序号\t反馈问题\t整改措施\t责任领导\t责任单位\t完成时限\t整改进展",
    "1\t学习贯彻党的创新理论不够深入\t修订党组理论学习中心组学习制度\t许文涛\t办公室\t2023年8月底\t已完成",
    "序号\t反馈问题\t整改措施\t责任领导\t责任单位\t完成时限\t整改进展",
    "2\t执法监管宽松软\t1.开展执法案卷评查； 2.建立行政处罚案件集体审议制度；3.对重点排污单位全覆盖检查。\t郑海燕\t执法支队\t2023年9月底\t已完成",
  ].join("\n");
  const got = extractItems(makeDoc(text));
  it("takes each problem cell as a problem and skips the repeated header row", () => {
    expect(got.problems.map((p) => p.text)).toEqual(["学习贯彻党的创新理论不够深入", "执法监管宽松软"]);
  });
  it("splits a measure cell at its numbered sub-points, with or without a space before them", () => {
    expect(got.measures.map((m) => m.text)).toEqual([
      "修订党组理论学习中心组学习制度",
      "开展执法案卷评查；",
      "建立行政处罚案件集体审议制度；",
      "对重点排污单位全覆盖检查。",
    ]);
  });
  it("takes owner and deadline from the same row", () => {
    expect(got.measures[0]).toMatchObject({ owner: "许文涛；办公室", deadline: "2023年8月底" });
    expect(got.measures[3]).toMatchObject({ owner: "郑海燕；执法支队", deadline: "2023年9月底" });
  });
  it("yields nothing from a table without a recognisable header", () => {
    const t = "标题\n甲\t乙\n丙\t丁";
    expect(extractItems(makeDoc(t)).problems).toEqual([]);
  });
});

describe("prose fallbacks for unseen layouts", () => {
  it("reads 一要…二要 plan runs and leaves the closing remark out of the last point", () => {
    const text = "标题\n新的一年，我将认真对照自身存在的不足，着力做好以下几个方面工作：一要进一步加强学习；二要进一步强化担当，2024年6月底前完成。我将始终保持清正廉洁的政治本色。";
    const got = extractItems(makeDoc(text));
    expect(got.measures.map((m) => m.text)).toEqual(["进一步加强学习；", "进一步强化担当，2024年6月底前完成。"]);
    expect(got.problems).toEqual([]);
  });
  it("splits the inline 第一步，…第二步， of a next-steps section the structure gave no items for", () => {
    const text = "标题\n三、工作步骤\n整改工作分三步推进。第一步，动员部署。召开动员会。第二步，集中整改。逐项落实。第三步，巩固提升。建立长效机制。";
    const s = section("s1", "next-steps", text, "工作步骤", text.length);
    const got = extractItems(makeDoc(text, { sections: [s], items: [item(text, "整改工作分三步推进。", null, "x")] }));
    expect(got.measures.map((m) => m.text)).toEqual(["动员部署。召开动员会。", "集中整改。逐项落实。", "巩固提升。建立长效机制。"]);
  });
  it("reads the kind of an unclaimed run from the heading above it when the lead-in says nothing", () => {
    const text = "标题\n（一）查摆的突出问题\n一是发展理念还不够新。\n二是服务作风还有差距。";
    const s = section("s1", "other", text, "查摆的突出问题", text.length);
    const doc = makeDoc(text, {
      sections: [s],
      items: [
        { ...item(text, "发展理念还不够新。", "s1"), origin: "paragraph" },
        { ...item(text, "服务作风还有差距。", "s1", "二是"), origin: "paragraph" },
      ],
    });
    expect(extractItems(doc).problems.map((p) => p.text)).toEqual(["发展理念还不够新。", "服务作风还有差距。"]);
  });
});

describe("问题/整改情况 pairs", () => {
  it("takes 关于…的问题 as a problem and the 整改情况 sub-points as measures, even in a progress section", () => {
    const text = [
      "标题",
      "二、整改落实情况",
      "（一）关于财务报销审核不严的问题。整改情况：①修订财务报销管理办法；②开展会计凭证专项检查。整改进展：已完成。",
      "（二）关于公务用车管理不规范的问题",
      "整改措施：建立公务用车使用登记制度，2023年12月底前完成。责任单位：办公室",
    ].join("\n");
    const s = section("s1", "progress", text, "整改落实情况", text.length);
    const got = extractItems(makeDoc(text, { sections: [s] }));
    expect(got.problems.map((p) => p.text)).toEqual(["关于财务报销审核不严的问题", "关于公务用车管理不规范的问题"]);
    expect(got.measures.map((m) => m.text)).toEqual(["修订财务报销管理办法；", "开展会计凭证专项检查。", "建立公务用车使用登记制度，2023年12月底前完成。"]);
    expect(got.measures[2]).toMatchObject({ deadline: "2023年12月底前", owner: "办公室" });
  });
  it("gives each sub-point of a 整改情况 block its own owner and deadline, falling back to the block's", () => {
    const text = [
      "标题",
      "二、整改落实情况",
      "（一）关于资产管理台账不全的问题。整改情况：①全面清查固定资产，由办公室负责，2024年6月底前完成；②建立资产动态管理系统，由财务科负责；③开展年度资产盘点工作。2024年12月底前完成。",
    ].join("\n");
    const s = section("s1", "progress", text, "整改落实情况", text.length);
    const got = extractItems(makeDoc(text, { sections: [s] }));
    expect(got.measures.map((m) => [m.owner, m.deadline])).toEqual([
      ["办公室", "2024年6月底前"],
      ["财务科", "2024年6月底前"],
      ["办公室", "2024年12月底前"],
    ]);
  });
  it("ignores a 关于…问题 sentence with no rectification part", () => {
    const text = "标题\n关于加强作风建设的问题，班子进行了专题研究。";
    expect(extractItems(makeDoc(text)).problems).toEqual([]);
  });
});

describe("task table headers", () => {
  it("reads 整改任务 as the problem column when a 措施 column exists, and never the 整改目标 column", () => {
    const text = ["标题", "序号\t整改任务\t整改目标\t整改举措\t责任部门\t完成时间", "1\t党建工作薄弱\t党建全面加强\t健全党建工作制度\t党群部\t2024年3月底"].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.map((p) => p.text)).toEqual(["党建工作薄弱"]);
    expect(got.measures.map((m) => [m.text, m.owner, m.deadline])).toEqual([["健全党建工作制度", "党群部", "2024年3月底"]]);
  });
});
