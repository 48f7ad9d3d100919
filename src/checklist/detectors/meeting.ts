/** `meeting`: a meeting section, or 召开…民主生活会 / 专题会议 / 组织生活会. 职工大会, 座谈会 are not this element. */
import type { Detector } from "../types.js";
import { findOutside, sectionWithRole, shortcomingSpans } from "./util.js";

// 12月12日我委召开了领导班子专题民主生活会 / 召开组织生活会 / 民主生活会上
const MEETING = /民主生活会|组织生活会|专题会议|专题生活会/;

export const meeting: Detector = {
  name: "meeting",
  mode: "presence",
  description: "会议召开：民主生活会/组织生活会/专题会议",
  detect: (doc) => sectionWithRole(doc, ["meeting"]) ?? findOutside(doc, MEETING, shortcomingSpans(doc)),
};
