import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as OpenCC from "opencc-js";
import { detectReportType } from "../../src/structure/report-type.js";
import { detectTitle } from "../../src/structure/title.js";

// The pipeline simplifies a traditional-script source before structure runs; do the same here.
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

const DEV = new URL("../../corpora/dev/", import.meta.url);
const docs = readdirSync(DEV)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({
    name: f,
    text: toSimplified(readFileSync(new URL(f, DEV), "utf8")),
    gold: JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, ".gold.json"), DEV), "utf8")) as { title: string; reportType: string },
  }));

describe("detectReportType", () => {
  it.each(docs.map((d) => [d.name, d] as const))("types %s from its title", (_n, d) => {
    const r = detectReportType({ title: d.gold.title, text: d.text });
    expect(r.id).toBe(d.gold.reportType);
    expect(r.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it.each(docs.map((d) => [d.name, d] as const))("types %s from its content alone", (_n, d) => {
    const span = detectTitle(d.text, []).span;
    const body = d.text.slice(span ? span[1] : 0);
    const r = detectReportType({ title: null, text: body });
    expect(r.id).toBe(d.gold.reportType);
    expect(r.confidence).toBeLessThanOrEqual(0.85);
  });

  it("reads the seed's 分析检查总结 as analysis-check, not work-summary", () => {
    expect(detectReportType({ title: "2023年工业园区党工委科学进展观分析检查总结", text: "" }).id).toBe("analysis-check");
  });

  it.each([
    ["2023年度民主生活会个人对照检查发言提纲", "democratic-life"],
    ["主题教育专题民主生活会个人检视剖析材料", "democratic-life"],
    ["党支部2023年度组织生活会个人发言材料", "democratic-life"],
    ["关于2023年度民主生活会查摆问题整改落实情况的报告", "rectification"],
    ["县财政局关于省委第三巡视组反馈意见的整改方案", "rectification"],
    ["关于审计发现问题整改情况的报告", "rectification"],
    ["市水务局深入学习实践科学发展观活动分析检查报告", "analysis-check"],
    ["县政协机关学习实践活动总结", "analysis-check"],
    ["区司法局2023年工作总结", "work-summary"],
    ["2023年个人述职报告", "work-summary"],
    ["街道办事处2023年度总结暨2024年工作计划", "work-summary"],
  ])("types the title %s", (title, id) => {
    const r = detectReportType({ title, text: "" });
    expect(r.id).toBe(id);
    expect(r.label.length).toBeGreaterThan(0);
  });

  it("uses section roles when the text is ambiguous", () => {
    const text = "现将有关情况报告如下。一、有关情况。二、下一步打算。";
    expect(detectReportType({ title: null, text, roles: ["progress", "next-steps"] }).id).toBe("rectification");
    expect(detectReportType({ title: null, text, roles: ["achievements", "problems", "next-steps"] }).id).toBe("work-summary");
  });

  it("is unsure about a text with no genre vocabulary", () => {
    const r = detectReportType({ title: null, text: "今天天气很好。" });
    expect(r.confidence).toBeLessThan(0.5);
  });
});
