/**
 * `quality.achievement-heavy`: far more text on results than on problems
 * (讲成绩多、讲问题少) — the problems take under 15 % of the body (the text
 * after the title). Only judged when the report has an achievements section:
 * an analysis-check summary is mostly process (学习, 征求意见, 民主生活会),
 * which is neither results nor problems.
 */
import type { Detector } from "../types.js";
import { flatSections } from "./util.js";

export const qualityAchievementHeavy: Detector = {
  name: "quality.achievement-heavy",
  mode: "defect",
  description: "问题篇幅不足正文的 15%",
  detect: (doc, opts) => {
    const threshold = typeof opts["threshold"] === "number" ? opts["threshold"] : 0.15;
    const secs = flatSections(doc.sections);
    // top-most sections only, so nested spans are not counted twice
    const top = (role: string) => secs.filter((s) => s.role === role && !secs.some((p) => p !== s && p.role === role && p.span[0] <= s.span[0] && s.span[1] <= p.span[1]));
    const len = (role: string) => top(role).reduce((n, s) => n + (s.span[1] - s.span[0]), 0);
    const achieved = len("achievements");
    if (!achieved) return null;
    let problems = len("problems");
    if (!problems) problems = doc.problems.reduce((n, p) => n + (p.span[1] - p.span[0]), 0);
    const body = doc.text.length - (doc.titleSpan ? doc.titleSpan[1] : 0);
    if (!problems || body <= 0) return null; // no problems at all is the `problems` rule's business
    const share = problems / body;
    const first = top("problems")[0];
    return share < threshold
      ? { span: first ? first.headingSpan : (doc.problems[0]?.span ?? null), detail: `问题部分约占正文的${Math.round(share * 100)}%` }
      : null;
  },
};
