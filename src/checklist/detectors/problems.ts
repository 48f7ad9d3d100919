/**
 * `problems`: a problems section, or at least two problem items — or one
 * problem that the report itself labels as such: a task-table problem cell or
 * a labelled block (问题一：… / 存在问题：… / 关于…的问题 with its 整改措施).
 */
import type { Detector } from "../types.js";
import { labelledItem, sectionWithRole } from "./util.js";

export const problems: Detector = {
  name: "problems",
  mode: "presence",
  description: "存在问题：problems 段落，或至少两条问题",
  detect: (doc, opts) => {
    const min = typeof opts["minItems"] === "number" ? opts["minItems"] : 2;
    if (doc.problems.length >= min) return { span: doc.problems[0]!.span };
    const labelled = doc.problems.find((p) => labelledItem(doc, p.span, /(?:问题[一二三四五六七八九十\d（()）]{0,5}|存在(?:的)?(?:主要)?问题|主要问题|反馈问题)\s*[：:]\s*$|关于$/));
    if (labelled) return { span: labelled.span };
    return sectionWithRole(doc, ["problems"]);
  },
};
