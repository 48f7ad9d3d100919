/** `problems`: a problems section, or at least two problem items. */
import type { Detector } from "../types.js";
import { sectionWithRole } from "./util.js";

export const problems: Detector = {
  name: "problems",
  mode: "presence",
  description: "存在问题：problems 段落，或至少两条问题",
  detect: (doc, opts) => {
    const min = typeof opts["minItems"] === "number" ? opts["minItems"] : 2;
    if (doc.problems.length >= min) return { span: doc.problems[0]!.span };
    return sectionWithRole(doc, ["problems"]);
  },
};
