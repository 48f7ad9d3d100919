/** `causes.subjective`: at least one cause about 思想/认识/理论学习/宗旨意识/作风/担当/主观. */
import type { Detector } from "../types.js";
import { classifyCause } from "../../extract/cause-kind.js";
import { flatSections } from "./util.js";

export const causesSubjective: Detector = {
  name: "causes.subjective",
  mode: "presence",
  description: "主观原因：至少一条原因涉及思想认识、理论学习、宗旨意识、作风、担当",
  detect: (doc) => {
    const c = doc.causes.find((x) => x.kind === "subjective");
    if (c) return { span: c.span };
    if (doc.causes.length) return null;
    // no cause items: read the causes section body as a whole
    const s = flatSections(doc.sections).find((x) => x.role === "causes");
    if (s && classifyCause(doc.text.slice(s.headingSpan[1], s.span[1])) === "subjective") return { span: s.headingSpan };
    return null;
  },
};
