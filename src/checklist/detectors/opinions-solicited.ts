/** `opinions.solicited`: a feedback section, or 征求意见 / 座谈会 / 意见箱 / 谈心谈话 / 问计于民 outside the problems and measures. */
import type { Detector } from "../types.js";
import { findOutside, sectionWithRole, shortcomingSpans } from "./util.js";

// 发放征求意见表 / 召开座谈会 / 设置意见箱 / 开展谈心谈话 / 问计于民 / 征集到意见建议
// 调查问卷 / 意见箱 / 走访…听取意见 / 恳谈会 / 调研座谈 / 意见征询 — ways of hearing people.
// 走访 alone is not one (走访困难户320户 is service work).
const SOLICIT = /征求[^。；]{0,12}意见|征集[^。；]{0,8}(?:意见|建议)|意见箱|座谈会|座谈交流|调研座谈|恳谈|谈心谈话|谈心活动|问计于民|问需于民|(?:听取|收集|征询)[^。；]{0,12}(?:意见|建议|诉求)|意见征询|(?:发放|开展|设计)[^。；]{0,8}(?:问卷|调查表|征求意见表)|问卷调查|网络征求|留言板/;

export const opinionsSolicited: Detector = {
  name: "opinions.solicited",
  mode: "presence",
  description: "征求意见：征求意见、座谈会、意见箱、谈心谈话、问计于民",
  detect: (doc) => findOutside(doc, SOLICIT, shortcomingSpans(doc)) ?? sectionWithRole(doc, ["feedback"]),
};
