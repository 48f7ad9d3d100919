/** `opinions.count`: a counted fact of kind `opinions` (收到意见和建议41条). */
import type { Detector } from "../types.js";

export const opinionsCount: Detector = {
  name: "opinions.count",
  mode: "presence",
  description: "意见条数：counts 中有 opinions",
  detect: (doc) => {
    const c = doc.counts.find((x) => x.kind === "opinions");
    return c ? { span: c.span } : null;
  },
};
