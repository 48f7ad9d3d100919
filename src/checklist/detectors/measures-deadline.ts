/** `measures.deadline`: a measure carrying a deadline (2024年6月底前, 年底前, 长期坚持, 立行立改). 要明确时限要求 alone is not one. */
import type { Detector } from "../types.js";

export const measuresDeadline: Detector = {
  name: "measures.deadline",
  mode: "presence",
  description: "整改时限：至少一条措施写明完成时限",
  detect: (doc) => {
    const m = doc.measures.find((x) => x.deadline);
    return m ? { span: m.span } : null;
  },
};
