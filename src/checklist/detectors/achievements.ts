/** `achievements`: an achievements section, or 主要做法 / 工作成效 / 取得的成绩 / 工作开展情况. */
import type { Detector } from "../types.js";
import { findOutside, sectionWithRole, shortcomingSpans } from "./util.js";

// the genre's result words, in headings and prose: 主要做法 / 工作成效 / 扎实有效 /
// 稳步提升 / 取得新成效 / 成效明显 / 实现新突破 / 重点抓了以下工作 / 圆满完成全年任务
const DONE = /主要做法|工作成效|主要成效|取得的成绩|主要成绩|工作开展情况|取得了?[^。，]{0,8}(?:成效|成绩|进展|突破|成果)|成效(?:明显|显著|初显|突出)|扎实有效|扎实推进|稳步(?:提升|推进|提高|增长)|显著(?:提升|提高|增强|改善)|持续(?:提升|向好|巩固|改善)|实现(?:了)?新?(?:突破|跨越|提升)|(?:做|抓|开展)了(?:以下|如下)(?:几项|几个方面的?)?工作|圆满完成|顺利完成|全面完成|超额完成|如期完成|工作完成情况/;

export const achievements: Detector = {
  name: "achievements",
  mode: "presence",
  description: "工作成绩：主要做法、工作成效、取得的成绩",
  detect: (doc) => sectionWithRole(doc, ["achievements"]) ?? findOutside(doc, DONE, shortcomingSpans(doc)),
};
