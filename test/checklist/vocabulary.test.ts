/** Detectors read the genre's vocabulary, not one fixture's wording. */
import { describe, expect, it } from "vitest";
import type { WorkingDocument } from "../../src/model/document.js";
import { DETECTORS } from "../../src/checklist/detectors/index.js";
import { makeDoc, section } from "../extract/helpers.js";

function present(name: string, text: string, over: Partial<WorkingDocument> = {}): boolean {
  const det = DETECTORS.get(name);
  if (!det) throw new Error(`no detector ${name}`);
  return det.detect(makeDoc(text, over), {}) !== null;
}

describe("checklist vocabulary", () => {
  it("achievements: result headings such as 扎实有效 / 稳步提升 / 取得新成效 count", () => {
    expect(present("achievements", "一、档案资源建设扎实有效\n全年接收档案1.2万卷。")).toBe(true);
    expect(present("achievements", "二、利用服务水平稳步提升")).toBe(true);
    expect(present("achievements", "三、安全保障取得新成效")).toBe(true);
    expect(present("achievements", "本单位职工共86人，设5个科室。")).toBe(false);
  });
  it("learning: 理论学习中心组, 专题研讨, 读书班 and 第一议题 count; 学习 inside a problem does not", () => {
    expect(present("learning", "局党组坚持“第一议题”制度。")).toBe(true);
    expect(present("learning", "理论学习中心组全年开展专题研讨4次。")).toBe(true);
    expect(present("learning", "举办处级干部读书班1期。")).toBe(true);
    const text = "标题\n一、存在的问题\n一是理论学习不够深入。";
    const s = section("s1", "problems", text, "存在的问题", text.length);
    expect(present("learning", text, { sections: [s] })).toBe(false);
  });
  it("opinions.solicited: 问卷, 意见箱, 恳谈, 调研座谈 and 走访…听取意见 count; 走访 alone does not", () => {
    expect(present("opinions.solicited", "通过发放调查问卷了解群众需求。")).toBe(true);
    expect(present("opinions.solicited", "在服务大厅设立意见箱。")).toBe(true);
    expect(present("opinions.solicited", "召开企业家恳谈会。")).toBe(true);
    expect(present("opinions.solicited", "班子成员深入基层开展调研座谈。")).toBe(true);
    expect(present("opinions.solicited", "走访服务对象，听取对机关作风的意见。")).toBe(true);
    expect(present("opinions.solicited", "全年走访困难家庭320户。")).toBe(false);
  });
  it("rectified.progress: 已全部完成 / 均已整改到位 / 基本完成 count; a plan to rectify does not", () => {
    expect(present("rectified.progress", "整改工作已全部完成。")).toBe(true);
    expect(present("rectified.progress", "反馈问题均已整改到位。")).toBe(true);
    expect(present("rectified.progress", "我们将认真抓好整改。")).toBe(false);
  });
  it("next.steps: a future lead right before measure items counts, a bare 将 does not", () => {
    const text = "标题\n还存在一些不足：一是调研不深。二是创新不够。针对上述问题，今后我将：一是加强调研。二是学习先进经验。";
    const s = section("s1", "problems", text, "标题", text.length);
    const m1 = text.indexOf("加强调研。");
    const m2 = text.indexOf("学习先进经验。");
    const measures = [
      { text: "加强调研。", span: [m1, m1 + 5] as [number, number], section: "s1", deadline: null, owner: null },
      { text: "学习先进经验。", span: [m2, m2 + 7] as [number, number], section: "s1", deadline: null, owner: null },
    ];
    expect(present("next.steps", text, { sections: [s], measures })).toBe(true);
    expect(present("next.steps", "标题\n局党组将问题整改纳入年度考核。", {})).toBe(false);
  });
});

describe("checklist vocabulary: results in prose", () => {
  it("achievements: 重点抓了以下工作 and 实现新突破 count", () => {
    expect(present("achievements", "上半年，镇政府重点抓了以下工作：第一，项目建设有序推进。")).toBe(true);
    expect(present("achievements", "招商引资实现新突破。")).toBe(true);
  });
});

describe("one labelled problem and measure", () => {
  it("problems and measures are present with a single 问题一：/整改措施： block", async () => {
    const { extractItems } = await import("../../src/extract/items.js");
    const text = "标题\n问题一：公务接待审批不严。\n整改措施：修订公务接待管理办法。\n责任人：办公室主任。";
    const doc = makeDoc(text);
    const got = extractItems(doc);
    Object.assign(doc, got);
    expect(DETECTORS.get("problems")!.detect(doc, {})).not.toBeNull();
    expect(DETECTORS.get("measures")!.detect(doc, {})).not.toBeNull();
    expect(DETECTORS.get("problems")!.detect(makeDoc("标题\n工作总体顺利。"), {})).toBeNull();
  });
});

describe("meeting held, written with the date first", () => {
  it("meeting: 民主生活会于…召开 counts, 民主生活会召开前 alone does not", () => {
    expect(present("meeting", "局领导班子专题民主生活会于12月5日召开。")).toBe(true);
    expect(present("meeting", "为开好民主生活会打下基础。")).toBe(false);
  });
});
