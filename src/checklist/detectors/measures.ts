/**
 * `measures`: a measures (or next-steps) section, or at least two measure
 * items — or one measure the report labels as such: a task-table measure cell
 * or an 整改措施：… field.
 */
import type { Detector } from "../types.js";
import { labelledItem, sectionWithRole } from "./util.js";

export const measures: Detector = {
  name: "measures",
  mode: "presence",
  description: "整改措施：measures 段落，或至少两条措施",
  detect: (doc, opts) => {
    const min = typeof opts["minItems"] === "number" ? opts["minItems"] : 2;
    if (doc.measures.length >= min) return { span: doc.measures[0]!.span };
    const labelled = doc.measures.find((m) => labelledItem(doc, m.span, /(?:措施|举措|整改情况)\s*[：:]\s*(?:[（(]?[1１一①][）).、．]?)?\s*$/));
    if (labelled) return { span: labelled.span };
    return sectionWithRole(doc, ["measures"]);
  },
};
