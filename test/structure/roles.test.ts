import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { SectionRole } from "../../src/model/document.js";
import { classifyRole, classifierScores, lexiconScores, SECTION_ROLES } from "../../src/structure/roles.js";

const DEV = new URL("../../corpora/dev/", import.meta.url);

interface GoldHeading {
  level: number;
  text: string;
  role: SectionRole;
}

function argmax(s: Record<SectionRole, number>): SectionRole {
  return SECTION_ROLES.reduce((b, r) => (s[r] > s[b] ? r : b), "other" as SectionRole);
}

describe("classifyRole on the dev gold headings", () => {
  const docs = readdirSync(DEV)
    .filter((f) => f.endsWith(".gold.json"))
    .map((f) => JSON.parse(readFileSync(new URL(f, DEV), "utf8")) as { file: string; headings?: GoldHeading[] })
    .filter((g) => g.headings?.length);

  it("agrees with the gold role for at least 95 % of the headings, given the parent's predicted role", () => {
    let n = 0;
    let ok = 0;
    const misses: string[] = [];
    for (const g of docs) {
      const hs = g.headings!;
      const stack: Array<{ level: number; role: SectionRole }> = [];
      hs.forEach((h, i) => {
        while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
        const kids: string[] = [];
        for (let j = i + 1; j < hs.length && hs[j]!.level > h.level; j++) if (hs[j]!.level === h.level + 1) kids.push(hs[j]!.text);
        const r = classifyRole({ heading: h.text, body: "", parentRole: stack[stack.length - 1]?.role ?? null, level: h.level, childHeadings: kids });
        n++;
        if (r.role === h.role) ok++;
        else misses.push(`${g.file}: ${h.text} → ${r.role} (gold ${h.role})`);
        stack.push({ level: h.level, role: r.role });
      });
    }
    expect(n).toBeGreaterThan(100);
    expect(ok / n, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});

describe("classifyRole on headings written for this test", () => {
  it.each<[string, SectionRole | null, SectionRole]>([
    ["聚焦主题主线，扎实抓好理论学习", null, "learning"],
    ["精心组织召开专题民主生活会", null, "meeting"],
    ["班子成员之间开展相互批评情况", null, "meeting"],
    ["查摆问题和原因剖析", null, "analysis"],
    ["检视发现的主要问题", null, "problems"],
    ["当前工作中存在的短板", null, "problems"],
    ["在贯彻落实上级决策部署方面", "problems", "problems"],
    ["履职担当不够到位", "problems", "problems"],
    ["问题的思想根源", null, "causes"],
    ["党性锤炼有所放松", "causes", "causes"],
    ["形成问题的深层次缘由", null, "causes"],
    ["剖析根源", "analysis", "causes"],
    ["改进的方向和措施", null, "measures"],
    ["针对问题的整改举措", null, "measures"],
    ["坚决扛起管党治党政治责任", "measures", "measures"],
    ["广泛听取群众意见", null, "feedback"],
    ["民主测评满意度情况", null, "feedback"],
    ["一年来取得的主要成绩", null, "achievements"],
    ["重点项目加快推进", "achievements", "achievements"],
    ["加强政治理论学习", "achievements", "learning"],
    ["明年工作打算", null, "next-steps"],
    ["2025年工作安排", null, "next-steps"],
    ["下一步工作支配", null, "next-steps"],
    ["巡视反馈意见整改完成情况", null, "progress"],
    ["压紧压实整改责任", "progress", "progress"],
    ["指导思想和工作目标", null, "other"],
  ])("%s (parent %s) → %s", (heading, parentRole, role) => {
    const r = classifyRole({ heading, body: "", parentRole, level: parentRole ? 2 : 1 });
    expect(r.role).toBe(role);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it("calls a heading analysis when its children are problems, causes and measures", () => {
    const r = classifyRole({ heading: "认真开展分析，形成报告", body: "", parentRole: null, level: 1, childHeadings: ["存在的主要问题", "产生问题的原因", "整改措施"] });
    expect(r.role).toBe("analysis");
  });

  it("lets the first sentence of the body speak when the heading says nothing", () => {
    const r = classifyRole({ heading: "第三部分", body: "针对查摆出的问题，深入剖析产生问题的原因。一是理论学习不深。", parentRole: null, level: 1 });
    expect(r.role).toBe("causes");
  });

  it("falls back to the parent's role, or other, with low confidence when nothing matches", () => {
    expect(classifyRole({ heading: "甲乙丙", body: "", parentRole: "problems", level: 2 }).role).toBe("problems");
    const top = classifyRole({ heading: "甲乙丙", body: "", parentRole: null, level: 1 });
    expect(top.confidence).toBeLessThan(0.7);
  });

  it("gets more certain when the heading names its type", () => {
    const named = classifyRole({ heading: "存在的主要问题", body: "", parentRole: null, level: 1 });
    const vague = classifyRole({ heading: "发展思路不够开阔", body: "", parentRole: null, level: 1 });
    expect(named.confidence).toBeGreaterThan(vague.confidence);
  });
});

describe("the role classifier with the nodejieba backend", () => {
  let available = true;
  try {
    createRequire(import.meta.url)("nodejieba");
  } catch {
    available = false;
  }
  it.skipIf(!available)("gives the same roles as with @node-rs/jieba", () => {
    const headings = ["存在的主要问题", "产生问题的原因剖析", "今后的努力方向和整改措施", "广泛征求意见，找准突出问题", "下一步工作打算", "整改工作开展情况"];
    for (const heading of headings) {
      const a = classifyRole({ heading, body: "", parentRole: null, level: 1 });
      const b = classifyRole({ heading, body: "", parentRole: null, level: 1, segmenter: "nodejieba" });
      expect(b.role, heading).toBe(a.role);
    }
  });
});

describe("the two parts of the role classifier", () => {
  it("the lexicon reads spun wording (缘由 = 原因, 支配 = 安排)", () => {
    expect(argmax(lexiconScores("深化分析问题的缘由"))).toBe("causes");
    expect(argmax(lexiconScores("下一步工作支配"))).toBe("next-steps");
  });

  it("the trained classifier generalises to a wording it was not given", () => {
    expect(argmax(classifierScores("深入学习党的创新理论"))).toBe("learning");
    expect(argmax(classifierScores("明年重点工作"))).toBe("next-steps");
    expect(argmax(classifierScores("群众满意度测评"))).toBe("feedback");
    const s = classifierScores("存在的问题");
    expect(Object.values(s).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});
