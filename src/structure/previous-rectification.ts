/**
 * The part of a 对照检查材料 that reports how the PREVIOUS meeting's measures
 * were carried out (上年度民主生活会整改措施落实情况, 上次查摆问题整改情况).
 * It is `progress`, and whatever it enumerates — last year's problems and
 * what was done about them — is not this year's problems or measures.
 *
 * Shared by the role pass (structure/index.ts) and the checklist detector
 * `previous.rectification`. The text is already simplified (traditional
 * sources are converted in normalize); spun copies write 状况 for 情况.
 */

/** 上年度 / 上一年度 / 上次 / 上一次 / 去年 / 前次 / 上届 / 上一轮 — "the previous one". */
export const PREVIOUS = "(?:上一?年度|上一?次|上年|去年|前次|上一?届|上一?轮)";
const MEETING = "(?:专题)?(?:民主|组织)生活会";
/** 整改措施落实情况 / 整改落实情况 / 整改情况 / 落实状况 / 整改推进情况 */
const FOLLOW_UP = "(?:整改|落实|推进|完成|销号|回头看)";

// 上年度民主生活会整改措施落实情况 / 上次组织生活会查摆问题整改情况 (not 去年巡察反馈问题: that is
// another rectification) /
// 上年度查摆的问题已按照整改清单逐项推进 / 上次查摆问题整改情况 / 去年整改措施落实情况
const PREVIOUS_RECTIFICATION_SOURCE = [
  `${PREVIOUS}[^。；！？\\n]{0,12}${MEETING}[^。；！？]{0,30}?(?:整改|查摆|问题|措施)[^。；！？]{0,30}?${FOLLOW_UP}`,
  `${PREVIOUS}[^。；！？\\n]{0,8}(?:查摆|查找|检视|剖析)出?(?:的|出的)?(?:突出|主要)?问题[^。；！？]{0,24}?${FOLLOW_UP}`,
  `${PREVIOUS}[^。；！？\\n]{0,6}(?:整改措施|整改事项|整改任务|整改清单)[^。；！？]{0,12}?(?:落实|完成|推进)`,
].join("|");

/** A heading or a sentence about the previous meeting's rectification (global, for scanning). */
export function previousRectificationRe(): RegExp {
  return new RegExp(PREVIOUS_RECTIFICATION_SOURCE, "g");
}

/** True when a heading names the previous meeting's rectification. */
export function isPreviousRectificationHeading(heading: string): boolean {
  return new RegExp(PREVIOUS_RECTIFICATION_SOURCE).test(heading);
}
