/** `criticism`: 批评和自我批评 (spun text: 批判和自我批判), 相互批评, 批评意见. */
import type { Detector } from "../types.js";
import { findOutside, shortcomingSpans } from "./util.js";

const CRITICISM = /(?:批评|批判)和自我(?:批评|批判)|自我批评|自我批判|相互批评|互相批评|批评意见|红红脸、?出出汗/;

export const criticism: Detector = {
  name: "criticism",
  mode: "presence",
  description: "批评和自我批评（改写文本中为“批判和自我批判”）",
  detect: (doc) => findOutside(doc, CRITICISM, shortcomingSpans(doc)),
};
