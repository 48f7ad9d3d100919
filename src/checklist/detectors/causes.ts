/** `causes`: a causes section, or at least two cause items. */
import type { Detector } from "../types.js";
import { sectionWithRole } from "./util.js";

export const causes: Detector = {
  name: "causes",
  mode: "presence",
  description: "原因分析：causes 段落，或至少两条原因",
  detect: (doc, opts) => {
    const min = typeof opts["minItems"] === "number" ? opts["minItems"] : 2;
    if (doc.causes.length >= min) return { span: doc.causes[0]!.span };
    return sectionWithRole(doc, ["causes"]);
  },
};
