/** `achievements`: an achievements section, or 主要做法 / 工作成效 / 取得的成绩 / 工作开展情况. */
import type { Detector } from "../types.js";
import { findOutside, sectionWithRole, shortcomingSpans } from "./util.js";

const DONE = /主要做法|工作成效|主要成效|取得的成绩|主要成绩|工作开展情况|取得了?[^。，]{0,8}(?:成效|成绩|进展)|圆满完成|顺利完成|工作完成情况/;

export const achievements: Detector = {
  name: "achievements",
  mode: "presence",
  description: "工作成绩：主要做法、工作成效、取得的成绩",
  detect: (doc) => sectionWithRole(doc, ["achievements"]) ?? findOutside(doc, DONE, shortcomingSpans(doc)),
};
