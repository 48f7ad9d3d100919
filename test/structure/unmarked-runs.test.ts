import { describe, expect, it } from "vitest";
import type { Span } from "../../src/model/document.js";
import { buildStructure } from "../../src/structure/index.js";
import { detectHeadings } from "../../src/structure/headings.js";
import { buildUnits } from "../../src/structure/units.js";
import { newWorkingDocument } from "../../src/model/working-document.js";
import { docFrom } from "../helpers/layout.js";

function headings(text: string) {
  const doc = docFrom(text);
  const first = text.indexOf("\n");
  const titleSpan: Span = [0, first];
  return detectHeadings(buildUnits(doc), { titleSpan }).map((h) => `${h.family} ${h.text}`);
}

const BODY = [
  "按时完成各项常规统计调查任务，组织开展专项调查，各项数据按时上报，为决策提供了可靠依据。",
  "建立数据质量审核评估制度，对重点企业报表实行全程跟踪，及时纠正错报漏报问题。",
  "编印统计月报和年鉴，撰写经济运行分析报告，为各部门研判形势提供参考。",
];

describe("unmarked sub-headings inside marked sections", () => {
  it("takes three short lines each followed by a body paragraph as sub-headings of the 一、 section", () => {
    const text = [
      "区统计局2023年工作总结",
      "一、主要工作开展情况",
      "统计调查任务圆满完成",
      BODY[0],
      "数据质量管控不断加强",
      BODY[1],
      "统计服务水平稳步提升",
      BODY[2],
      "二、存在的问题",
      "一是基层统计力量薄弱，部分街道统计人员身兼数职、流动频繁。",
    ].join("\n");
    expect(headings(text)).toEqual([
      "cn-dun 主要工作开展情况",
      "unmarked-sub 统计调查任务圆满完成",
      "unmarked-sub 数据质量管控不断加强",
      "unmarked-sub 统计服务水平稳步提升",
      "cn-dun 存在的问题",
    ]);
  });

  it("nests them one level below the section they are in", () => {
    const text = ["区统计局2023年工作总结", "一、主要工作开展情况", "统计调查任务圆满完成", BODY[0], "数据质量管控不断加强", BODY[1], "统计服务水平稳步提升", BODY[2], "二、下一步工作打算", "一是做好经济普查工作。"].join("\n");
    const doc = newWorkingDocument({ path: "x.txt", format: "txt", bytes: 0, sha256: "", pages: null }, docFrom(text));
    buildStructure(doc);
    expect(doc.sections.map((s) => [s.heading, s.children.map((c) => c.heading)])).toEqual([
      ["主要工作开展情况", ["统计调查任务圆满完成", "数据质量管控不断加强", "统计服务水平稳步提升"]],
      ["下一步工作打算", []],
    ]);
  });

  it("needs the pattern repeated: two short lines are body text", () => {
    const text = ["区统计局2023年工作总结", "一、主要工作开展情况", "统计调查任务圆满完成", BODY[0], "数据质量管控不断加强", BODY[1], "二、存在的问题", BODY[2]].join("\n");
    expect(headings(text)).toEqual(["cn-dun 主要工作开展情况", "cn-dun 存在的问题"]);
  });

  it("never takes a line that ends a clause, or one followed by another short line", () => {
    const text = [
      "区统计局2023年工作总结",
      "一、主要工作开展情况",
      "统计调查任务圆满完成，",
      BODY[0],
      "数据质量管控不断加强",
      "统计服务水平稳步提升",
      BODY[1],
      "统计法治建设扎实推进",
      BODY[2],
    ].join("\n");
    expect(headings(text).filter((h) => h.startsWith("unmarked-sub"))).toEqual([]);
  });
});

describe("two levels of unmarked headings in plain text", () => {
  const text = [
    "镇党委副书记2023年度述职述廉报告",
    "今年以来，我认真履行岗位职责，协助书记抓好党建、组织和宣传思想工作，现将有关情况报告如下。",
    "主要工作完成情况",
    "坚持学习不放松",
    BODY[0],
    "基层党建全面加强",
    BODY[1],
    "宣传思想工作扎实有效",
    BODY[2],
    "存在的不足",
    "一是深入村组调研的时间不够多，对基层情况掌握不够全面。",
  ].join("\n");

  it("takes a short line right above another short line as the group heading of the lines after it", () => {
    expect(headings(text)).toEqual([
      "unmarked 主要工作完成情况",
      "unmarked-sub 坚持学习不放松",
      "unmarked-sub 基层党建全面加强",
      "unmarked-sub 宣传思想工作扎实有效",
      "unmarked 存在的不足",
    ]);
  });

  it("ends the group at a line that names another section type", () => {
    const doc = newWorkingDocument({ path: "x.txt", format: "txt", bytes: 0, sha256: "", pages: null }, docFrom(text));
    buildStructure(doc);
    expect(doc.sections.map((s) => `${s.heading}:${s.children.length}`)).toEqual(["主要工作完成情况:3", "存在的不足:0"]);
  });
});

describe("two levels of bold headings of one size", () => {
  it("takes a bold line right above a bold sub-heading as its group heading", () => {
    const lines = [
      "专题组织生活会个人检视剖析材料",
      "按照支部的安排，会前我认真学习了规定篇目，广泛听取同志们的意见，现剖析如下。",
      "检视查摆的主要问题",
      "学习的深度还不够",
      BODY[0],
      "服务群众的意识不够强",
      BODY[1],
      "问题产生的根源",
      "党性锻炼有所放松",
      BODY[2],
      "群众观念有所淡化",
      BODY[0],
    ];
    const bold: Record<number, { bold: true }> = {};
    [2, 3, 5, 7, 8, 10].forEach((k) => (bold[k] = { bold: true }));
    const doc = newWorkingDocument({ path: "x.pdf", format: "pdf", bytes: 0, sha256: "", pages: null }, docFrom(lines.join("\n"), bold));
    buildStructure(doc);
    expect(doc.sections.map((s) => [s.heading, s.role, s.children.map((c) => c.heading)])).toEqual([
      ["检视查摆的主要问题", "problems", ["学习的深度还不够", "服务群众的意识不够强"]],
      ["问题产生的根源", "causes", ["党性锻炼有所放松", "群众观念有所淡化"]],
    ]);
  });
});
