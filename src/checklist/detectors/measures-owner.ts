/** `measures.owner`: a measure naming who is responsible (由X负责, 牵头领导, 责任单位). 首问负责制 is not one. */
import type { Detector } from "../types.js";

export const measuresOwner: Detector = {
  name: "measures.owner",
  mode: "presence",
  description: "责任主体：至少一条措施写明责任人或责任单位",
  detect: (doc) => {
    const m = doc.measures.find((x) => x.owner);
    return m ? { span: m.span } : null;
  },
};
