/** `meeting`: a meeting section, or 召开…民主生活会 / 专题会议 / 组织生活会. 职工大会, 座谈会 are not this element. */
import type { Detector } from "../types.js";
import { findOutside, sectionWithRole, shortcomingSpans } from "./util.js";

// 12月12日我委召开了领导班子专题民主生活会 / 召开了以“…”为主题的组织生活会 / 民主生活会上
// 专题民主生活会于12月5日召开 — held, not planned: 为开好民主生活会打下基础 alone is not the element.
const MEETING = /(?:召开|举行|举办)了?[^。；]{0,40}?(?:民主生活会|组织生活会|专题会议|专题生活会)|(?:民主生活会|组织生活会|专题生活会)(?:上|中|期间|召开前|召开后)|(?:民主生活会|组织生活会|专题生活会)[^。；，]{0,16}(?:召开|举行)(?!前)|(?:会上|会前)[^。]{0,30}(?:对照检查|批评)/;

export const meeting: Detector = {
  name: "meeting",
  mode: "presence",
  description: "会议召开：民主生活会/组织生活会/专题会议",
  detect: (doc) => sectionWithRole(doc, ["meeting"]) ?? findOutside(doc, MEETING, shortcomingSpans(doc)),
};
