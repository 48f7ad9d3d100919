/** `quality.objective-causes-only`: every classified cause is objective (土地紧缺, 体制, 资金, 历史原因). */
import type { Detector } from "../types.js";

export const qualityObjectiveCausesOnly: Detector = {
  name: "quality.objective-causes-only",
  mode: "defect",
  description: "原因分析只讲客观、不讲主观",
  detect: (doc) => {
    const kinds = doc.causes.map((c) => c.kind);
    // every cause must read as objective: an unclassified one may well be subjective
    if (kinds.length < 2 || !kinds.every((k) => k === "objective")) return null;
    return { span: doc.causes[0]!.span };
  },
};
