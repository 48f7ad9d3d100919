/** `quality.measure-no-deadline`: each task measure that states no deadline (2024年6月底前, 长期坚持, 立行立改), one finding each. */
import type { Detector } from "../types.js";
import { quoteStart, taskMeasures } from "./measure-scope.js";

export const qualityMeasureNoDeadline: Detector = {
  name: "quality.measure-no-deadline",
  mode: "defect",
  description: "逐条措施：没有写明完成时限的措施",
  detect: (doc) => {
    const m = taskMeasures(doc).find((x) => !x.deadline);
    return m ? { span: m.span, detail: `${quoteStart(m.text)}没有时限` } : null;
  },
  detectAll: (doc) => taskMeasures(doc).filter((m) => !m.deadline).map((m) => ({ span: m.span, detail: `${quoteStart(m.text)}没有时限` })),
};
