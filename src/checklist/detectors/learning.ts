/** `learning`: a learning section, or a sentence on study outside the problems/measures (集中学习, 专题学习, 学习贯彻, 读书班, 研讨). */
import type { Detector } from "../types.js";
import { findOutside, sectionWithRole, shortcomingSpans } from "./util.js";

// 组织集中学习6次 / 深入学习党的二十大精神 / 举办读书班 / 开展了专题研讨
// 组织集中学习6次 / 理论学习中心组 / “第一议题”制度 / 举办读书班 / 开展专题研讨 /
// 讲专题党课 / 学习研讨 — the genre's study formats, not 学习 alone (学习不够深入 is a problem)
const STUDY = /集中学习|专题学习|学习贯彻|读书班|专题研讨|交流研讨|集中研讨|学习研讨|研讨交流|中心组学习|理论学习中心组|第一议题|专题党课|讲党课|集体学习|深入学习|认真学习|组织[^。，]{0,12}学习|(?:继续|深化|开展)学习|学习(?:了|会|调研)|自学/;

export const learning: Detector = {
  name: "learning",
  mode: "presence",
  description: "学习情况：learning 段落或集中学习/专题学习/学习贯彻/读书班/研讨",
  detect: (doc) => sectionWithRole(doc, ["learning"]) ?? findOutside(doc, STUDY, shortcomingSpans(doc)),
};
