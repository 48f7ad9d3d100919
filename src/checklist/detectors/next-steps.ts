/**
 * `next.steps`: a next-steps section; or a plan sentence outside the problems
 * and causes (下一步，我们将… / 今后一个时期，我局将… / 明年重点抓好…); or
 * measure items introduced by a future-oriented lead or heading, wherever
 * they stand (…不足：一是…。针对上述问题，下一步我将：一是… / 三、存在的不足和
 * 今后的努力方向). A bare 将 is not enough: 将问题整改纳入考核 is no plan.
 */
import type { Detector } from "../types.js";
import { findOutside, flatSections, sectionWithRole, sectionSpans } from "./util.js";

// 下一步，我们将… / 今后一个时期，我们将… / 明年重点抓好… / 2024年工作思路 / 转入整改落实阶段后将…
const NEXT = /下一步|下一阶段|下阶段|今后(?:一个时期|一段时期|一段时间)?[，,]?(?:我们|我局|我|党组|班子)?(?:将|要|的工作|工作)|明年(?:将|重点|工作)|新的一年|(?:\d{4}年|明年|新一年)(?:的)?(?:工作)?(?:思路|打算|计划|安排|重点)|整改落实阶段[^。]{0,20}(?:将|重点)|(?:我们|我局|我委|我镇|党组|班子)将(?:继续|进一步|持续|重点)/;
// the future words of a lead-in or heading: 针对上述问题，今后我将：/ 下阶段工作思路 / 努力方向
const FUTURE_LEAD = /下一步|下一阶段|下阶段|今后|以后|新的一年|新一年|明年|来年|\d{4}年(?:的)?(?:工作)?(?:打算|思路|计划|安排)|工作(?:打算|思路|计划)|努力方向|整改落实阶段/g;

export const nextSteps: Detector = {
  name: "next.steps",
  mode: "presence",
  description: "下一步打算：下一步、下一阶段、今后、整改落实阶段",
  detect: (doc) => {
    const found = sectionWithRole(doc, ["next-steps"]) ?? findOutside(doc, NEXT, sectionSpans(doc, ["problems", "causes"]));
    if (found) return found;
    // a future lead right before a measure item (no full stop in between)
    FUTURE_LEAD.lastIndex = 0;
    for (let m = FUTURE_LEAD.exec(doc.text); m; m = FUTURE_LEAD.exec(doc.text)) {
      const end = m.index + m[0].length;
      const item = doc.measures.find((x) => x.span[0] >= end && x.span[0] - end <= 40 && !/[。！？\n]/.test(doc.text.slice(end, x.span[0])));
      if (item) return { span: [m.index, end] };
    }
    // a heading naming the future over a section holding measures
    for (const s of flatSections(doc.sections)) {
      FUTURE_LEAD.lastIndex = 0;
      if (FUTURE_LEAD.test(s.heading) && doc.measures.some((x) => s.span[0] <= x.span[0] && x.span[1] <= s.span[1])) return { span: s.headingSpan };
    }
    return null;
  },
};
