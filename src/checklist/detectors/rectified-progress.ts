/** `rectified.progress`: a `rectified` count, 整改率, or 已完成 / 已整改到位 / 正在推进 / 长期坚持 status words. */
import type { Detector } from "../types.js";
import { findOutside } from "./util.js";

// 已整改到位6个 / 该问题已整改到位 / 整改进展：已完成 / 整改完成率75%
// 整改工作已全部完成 / 均已整改到位 / 基本完成 / 正在整改 / 持续推进中
const STATUS = /已整改到位|已完成整改|整改完成率|整改率|已全部整改|已全部(?:完成|销号|办结|到位)|(?:整改|工作)(?:已经|均已|已)(?:全部|基本)?完成|均已(?:整改|完成|销号)|基本完成|整改到位|已完成|正在推进|正在整改|推进中|已办结|已销号/;

export const rectifiedProgress: Detector = {
  name: "rectified.progress",
  mode: "presence",
  description: "整改进展：已整改数量、整改率或已完成/正在推进",
  detect: (doc) => {
    const c = doc.counts.find((x) => x.kind === "rectified");
    if (c) return { span: c.span };
    return findOutside(doc, STATUS);
  },
};
