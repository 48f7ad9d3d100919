/** `quality.achievement-heavy`: the problems take under 15 % of the body (讲成绩多、讲问题少). */
import type { Detector } from "../types.js";
import { flatSections } from "./util.js";

export const qualityAchievementHeavy: Detector = {
  name: "quality.achievement-heavy",
  mode: "defect",
  description: "问题篇幅不足正文的 15%",
  detect: (doc, opts) => {
    const threshold = typeof opts["threshold"] === "number" ? opts["threshold"] : 0.15;
    const body = doc.text.length - (doc.titleSpan ? doc.titleSpan[1] : 0);
    if (body <= 0) return null;
    const secs = flatSections(doc.sections).filter((s) => s.role === "problems");
    const spans = secs.length ? secs.map((s) => s.span) : doc.problems.map((p) => p.span);
    if (!spans.length) return null; // no problems at all is the `problems` rule's business
    const covered = spans.reduce((n, [a, b]) => n + (b - a), 0);
    const share = covered / body;
    return share < threshold ? { span: spans[0] ?? null, detail: `问题部分约占正文的${Math.round(share * 100)}%` } : null;
  },
};
