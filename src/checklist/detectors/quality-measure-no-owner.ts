/** `quality.measure-no-owner`: each task measure that names no responsible person or unit (由办公室负责, 责任单位), one finding each. */
import type { Detector } from "../types.js";
import { quoteStart, taskMeasures } from "./measure-scope.js";

export const qualityMeasureNoOwner: Detector = {
  name: "quality.measure-no-owner",
  mode: "defect",
  description: "逐条措施：没有写明责任人或责任单位的措施",
  detect: (doc) => {
    const m = taskMeasures(doc).find((x) => !x.owner);
    return m ? { span: m.span, detail: `${quoteStart(m.text)}没有责任人` } : null;
  },
  detectAll: (doc) => taskMeasures(doc).filter((m) => !m.owner).map((m) => ({ span: m.span, detail: `${quoteStart(m.text)}没有责任人` })),
};
