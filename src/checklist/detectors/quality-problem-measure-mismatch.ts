/** `quality.problem-measure-mismatch`: problems that no measure answers (no shared two-character word between the problem and any measure). */
import type { Detector } from "../types.js";

const STOP = new Set(["进一步", "不够", "存在", "问题", "工作", "加强", "提高", "建设", "推进", "落实", "一些", "部分", "还有", "有待", "方面", "情况", "没有", "不断", "深入", "切实", "完善", "健全"]);

function bigrams(s: string): Set<string> {
  const t = s.replace(/[^\u4e00-\u9fa5]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) {
    const b = t.slice(i, i + 2);
    if (![...STOP].some((w) => w.includes(b))) out.add(b);
  }
  return out;
}

export const qualityProblemMeasureMismatch: Detector = {
  name: "quality.problem-measure-mismatch",
  mode: "defect",
  description: "问题与措施不对应：有问题没有任何措施回应",
  detect: (doc, opts) => {
    const minShared = typeof opts["minShared"] === "number" ? opts["minShared"] : 2;
    if (!doc.problems.length || !doc.measures.length) return null;
    // against all measures together: one problem is often answered by several measures
    const mg = bigrams(doc.measures.map((m) => m.text).join("。"));
    const orphan = doc.problems.find((p) => [...bigrams(p.text)].filter((b) => mg.has(b)).length < minShared);
    return orphan ? { span: orphan.span, detail: `“${orphan.text.slice(0, 20)}…”没有对应措施` } : null;
  },
};
