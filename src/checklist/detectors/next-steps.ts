/** `next.steps`: a next-steps section, or 下一步 / 下一阶段 / 今后 / 整改落实阶段 / 明年 plans. */
import type { Detector } from "../types.js";
import { findOutside, sectionWithRole, sectionSpans } from "./util.js";

// 下一步，我们将… / 今后一个时期，我们将… / 明年重点抓好… / 2024年工作思路 / 转入整改落实阶段后将…
const NEXT = /下一步|下一阶段|下阶段|今后(?:一个时期|一段时期|一段时间)?[，,]?(?:我们|我局|我|党组|班子)?(?:将|要|的工作|工作)|明年(?:将|重点|工作)|新的一年|(?:\d{4}年|明年|新一年)(?:的)?(?:工作)?(?:思路|打算|计划|安排|重点)|整改落实阶段[^。]{0,20}(?:将|重点)|(?:我们|我局|我委|我镇|党组|班子)将(?:继续|进一步|持续|重点)/;

export const nextSteps: Detector = {
  name: "next.steps",
  mode: "presence",
  description: "下一步打算：下一步、下一阶段、今后、整改落实阶段",
  detect: (doc) =>
    sectionWithRole(doc, ["next-steps"]) ?? findOutside(doc, NEXT, sectionSpans(doc, ["problems", "causes"])),
};
