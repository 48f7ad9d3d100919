/** `quality.spun-text`: the normalize stage flagged the text as machine-reworded (进展观/缘由/根底 substitutions). */
import type { Detector } from "../types.js";

export const qualitySpunText: Detector = {
  name: "quality.spun-text",
  mode: "defect",
  description: "文本疑似经同义词改写（进展观、缘由、根底等）",
  detect: (doc) => (doc.spun ? { span: null, detail: `改写特征得分${doc.spinScore.toFixed(2)}` } : null),
};
