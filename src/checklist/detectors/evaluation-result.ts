/** `evaluation.result`: a satisfaction count, or 民主测评/群众评议 followed by a grade with a figure (满意…票/人). */
import type { Detector } from "../types.js";
import { findOutside, shortcomingSpans } from "./util.js";

// 评议结果：“满意”118票、“基本满意”9票 / 测评优秀率为92%
const GRADED = /(?:民主测评|群众评议|评议|测评)[^。]{0,60}(?:满意|基本满意|优秀|称职|好)[^。]{0,12}?\d+(?:\.\d+)?\s*(?:票|人|名|%|％)/;

export const evaluationResult: Detector = {
  name: "evaluation.result",
  mode: "presence",
  description: "评议结果：满意率等 satisfaction 计数，或测评等次及票数",
  detect: (doc) => {
    const c = doc.counts.find((x) => x.kind === "satisfaction");
    if (c) return { span: c.span };
    return findOutside(doc, GRADED, shortcomingSpans(doc));
  },
};
