/**
 * Report type detection (ids and labels: shared/spec/checklists.md).
 *
 * Signals, in order of precedence:
 *  1. Title words. The genre names itself in the title: …对照检查材料 /
 *     发言提纲 / 检视剖析材料 (democratic-life), …整改情况的报告 / 整改方案
 *     (rectification), …分析检查报告 / 分析检查阶段工作总结 / 分析检查总结
 *     (analysis-check — checked before 总结, which it also contains),
 *     工作总结 / 年度总结 / 述职报告 (work-summary).
 *  2. Content: weighted counts of each genre's vocabulary in the text, plus
 *     the section roles when the structure stage already knows them (a
 *     progress section points to rectification, achievements to a summary).
 * With no title hit, confidence is the content share, capped at 0.8, so a
 * caller can fall back to work-summary below its threshold.
 *
 * Not a report (`other`, 未识别为报告): a readable document that is none of
 * the four — a notice, a cover letter, an attachment list, a README — even
 * when it is full of report words (关于召开民主生活会的通知 talks of 对照检查
 * 材料 and 征求意见). Signals, any one of them, and never when the title
 * names one of the four types:
 *   1. the title's genre is not a report's: …的通知 / 通告 / 函 / 请示 /
 *      批复 / 附件清单 / 报送清单 / 目录 / 名单;
 *   2. the text is not Chinese prose (CJK under half of its letters);
 *   3. no title, no first-line hit, and almost no genre vocabulary at all.
 */
import type { ReportTypeGuess, ReportTypeId, SectionRole } from "../model/document.js";

export const OTHER_TYPE_LABEL = "未识别为报告";

/** A title whose genre is not a report: 关于召开…民主生活会的通知 · …材料报送附件清单 · 关于报送…的函. */
const NON_REPORT_TITLE =
  /(通知|通告|公告|启事|邀请函|复函|函|请示|批复|附件清单|报送清单|材料清单|文件清单|资料清单|目录|名单|名册|登记表|报名表|议程|日程安排|会议须知)([（(][^（）()]{1,20}[）)])?$/;

export const REPORT_TYPE_LABELS: Record<ReportTypeId, string> = {
  "analysis-check": "分析检查报告",
  "democratic-life": "民主生活会对照检查材料",
  rectification: "整改情况报告",
  "work-summary": "工作总结",
};

export interface ReportTypeInput {
  title: string | null;
  text: string;
  roles?: SectionRole[];
}

/** Title patterns, most specific first; the first hit wins. */
const TITLE_RULES: Array<{ id: ReportTypeId; re: RegExp; confidence: number; example: string }> = [
  // 2023年度民主生活会个人对照检查发言提纲 · …领导班子民主生活会对照检查材料 · 检视剖析材料
  { id: "democratic-life", re: /对照检查材料|发言提纲|检视剖析|对照检查|比照检查|个人剖析材料|党性分析材料/, confidence: 0.95, example: "民主生活会对照检查材料" },
  // …关于巡察反馈意见整改情况的报告 · …整改方案 · …审计发现问题整改情况的报告
  { id: "rectification", re: /整改(工作)?(情况|进展|落实|方案|报告|工作)|(巡察|巡视|审计|督查|检查)(反馈|发现)?.{0,12}整改/, confidence: 0.95, example: "巡察反馈意见整改情况的报告" },
  // 分析检查报告 · 分析检查阶段工作总结 · 分析检查总结 (seed) · 学习实践活动总结
  { id: "analysis-check", re: /分析检查|学习实践(科学[发进]展观)?活动.{0,12}总结/, confidence: 0.95, example: "分析检查阶段工作总结" },
  // 领导班子查摆问题清单 (a democratic-life list of the problems found)
  { id: "democratic-life", re: /查摆问题清单|检视问题清单/, confidence: 0.9, example: "领导班子民主生活会查摆问题清单" },
  // 关于召开组织生活会和开展民主评议党员情况的报告 — a summary of the meeting, not a member's material
  { id: "work-summary", re: /民主评议|(组织生活会|主题党日).{0,20}(开展|召开)?情况(的)?(报告|总结|汇报)$/, confidence: 0.85, example: "组织生活会和民主评议党员工作情况总结" },
  // 组织生活会个人发言材料 (after rectification: 民主生活会整改落实情况报告 is a rectification report)
  { id: "democratic-life", re: /民主生活会|组织生活会/, confidence: 0.85, example: "组织生活会个人发言材料" },
  // 2023年工作总结 · 年度总结 · 述职述廉报告 · 个人述职报告
  { id: "work-summary", re: /工作总结|年度总结|年终总结|述职|述廉|工作报告|工作情况(的)?报告|总结/, confidence: 0.9, example: "2023年工作总结和2024年工作思路" },
];

/** Content vocabulary per type: [pattern, weight]. Spun variants included (科学进展观, 比照检查). */
const CONTENT_TERMS: Record<ReportTypeId, Array<[RegExp, number]>> = {
  "analysis-check": [
    [/分析检查/g, 3],
    [/学习实践活动/g, 2],
    [/科学[发进]展观/g, 1.5],
    [/群众评议/g, 1],
    [/实践载体/g, 1],
  ],
  "democratic-life": [
    [/对照检查|比照检查/g, 3],
    [/民主生活会|组织生活会/g, 1.5],
    [/批评和自我批评|批判和自我批判/g, 1],
    [/检视剖析|发言提纲/g, 3],
    [/相互批评|红红脸、出出汗/g, 1],
  ],
  rectification: [
    [/整改/g, 1],
    [/巡察|巡视/g, 1.5],
    [/整改到位|已完成整改|整改完成|销号/g, 2],
    [/反馈意见|反馈问题/g, 2],
    [/责任单位|责任领导|完成时限/g, 1],
  ],
  "work-summary": [
    [/工作总结|述职/g, 3],
    [/一年来|全年/g, 2],
    [/主要工作|工作成效|取得的成绩|主要成效/g, 1.5],
    [/目标任务|同比/g, 1],
    [/明年|下一年度|来年/g, 1],
  ],
};

const ROLE_HINTS: Partial<Record<SectionRole, Partial<Record<ReportTypeId, number>>>> = {
  progress: { rectification: 4 },
  achievements: { "work-summary": 4 },
  feedback: { "analysis-check": 3 },
  meeting: { "analysis-check": 2, "democratic-life": 1 },
  learning: { "analysis-check": 1, "work-summary": 1 },
};

function guess(id: ReportTypeId, confidence: number): ReportTypeGuess {
  return { id, label: REPORT_TYPE_LABELS[id], confidence: Math.round(confidence * 100) / 100 };
}

/** Weighted vocabulary counts per type (exported for tests and the HTML report). */
export function contentScores(text: string, roles: readonly SectionRole[] = []): Record<ReportTypeId, number> {
  const scores = { "analysis-check": 0, "democratic-life": 0, rectification: 0, "work-summary": 0 } as Record<ReportTypeId, number>;
  for (const id of Object.keys(CONTENT_TERMS) as ReportTypeId[]) {
    for (const [re, w] of CONTENT_TERMS[id]) {
      // Diminishing returns: 60 mentions of 整改 should not drown everything else.
      const n = text.match(re)?.length ?? 0;
      scores[id] += w * Math.sqrt(n);
    }
  }
  for (const role of new Set(roles)) {
    const hint = ROLE_HINTS[role];
    if (!hint) continue;
    for (const [id, w] of Object.entries(hint) as Array<[ReportTypeId, number]>) scores[id] += w;
  }
  return scores;
}

function otherGuess(confidence: number): ReportTypeGuess {
  return { id: "other", label: OTHER_TYPE_LABEL, confidence: Math.round(confidence * 100) / 100 };
}

/** Share of CJK among the letters (CJK and Latin) of a text: a README in English is not a report. */
function cjkShare(text: string): number {
  const cjk = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk + latin ? cjk / (cjk + latin) : 0;
}

/** The report type with a confidence in [0, 1] (see the file header). */
export function detectReportType(input: ReportTypeInput): ReportTypeGuess {
  const title = (input.title ?? "").replace(/\s+/g, "");
  const scores = contentScores(input.text, input.roles);
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  const named = title && TITLE_RULES.some((r) => r.re.test(title) && !NON_REPORT_TITLE.test(title));
  if (!named) {
    // 1. a notice, a letter, a list; the genre noun at the end decides (…民主生活会的通知)
    if (title && NON_REPORT_TITLE.test(title)) return otherGuess(0.9);
    // 2. not Chinese prose
    if (cjkShare(input.text) < 0.5) return otherGuess(0.8);
  }
  if (title && !NON_REPORT_TITLE.test(title)) {
    for (const rule of TITLE_RULES) {
      if (!rule.re.test(title)) continue;
      // The content agreeing raises confidence a little; disagreeing lowers it.
      const share = total > 0 ? scores[rule.id] / total : 0.25;
      return guess(rule.id, Math.min(0.99, rule.confidence * (0.85 + 0.3 * share)));
    }
  }
  // Also look at the first line: a title the title detector missed.
  // Only a short first line counts: a body sentence (根据…召开了民主生活会…) names other genres in passing.
  const firstLine = (input.text.trimStart().split("\n")[0] ?? "").trim();
  for (const rule of TITLE_RULES) {
    if (firstLine.length <= 60 && !/[。；]/.test(firstLine) && rule.re.test(firstLine)) {
      const share = total > 0 ? scores[rule.id] / total : 0.25;
      return guess(rule.id, Math.min(0.85, 0.6 + 0.3 * share));
    }
  }
  const ranked = (Object.entries(scores) as Array<[ReportTypeId, number]>).sort((a, b) => b[1] - a[1]);
  const [bestId, best] = ranked[0]!;
  // 3. no title signal and (almost) no genre vocabulary: one mention of 总结 is not a report
  if (best < 2 && !title) return otherGuess(0.4);
  if (best <= 0) return guess("work-summary", 0.2);
  const second = ranked[1]![1];
  const confidence = Math.min(0.8, 0.3 + 0.5 * ((best - second) / best) + 0.2 * (best / total));
  return guess(bestId, confidence);
}
