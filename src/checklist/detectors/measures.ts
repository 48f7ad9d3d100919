/** `measures`: a measures (or next-steps) section, or at least two measure items. */
import type { Detector } from "../types.js";
import { sectionWithRole } from "./util.js";

export const measures: Detector = {
  name: "measures",
  mode: "presence",
  description: "整改措施：measures 段落，或至少两条措施",
  detect: (doc, opts) => {
    const min = typeof opts["minItems"] === "number" ? opts["minItems"] : 2;
    if (doc.measures.length >= min) return { span: doc.measures[0]!.span };
    return sectionWithRole(doc, ["measures"]);
  },
};
