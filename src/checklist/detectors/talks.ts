/**
 * `talks`: heart-to-heart talks were held before the meeting — 开展谈心谈话40余人次 /
 * 班子成员之间普遍开展了谈心谈话 / 交心谈心. Evidence is the sentence, the one
 * carrying the `talks` count where there is one.
 *
 * Never evidence: a problem or measure (提醒谈话开展得不经常; 每半年开展一次谈心谈话
 * is a plan), or a sentence that only promises (会前将开展谈心谈话).
 */
import type { Detector } from "../types.js";
import { onlyPromises, sentenceAt, shortcomingSpans } from "./util.js";

// 谈心谈话 / 谈心交心 / 交心谈心 / 谈心活动 / 谈心N人次 / 逐一谈心 / 谈心恳谈
const TALKS = /谈心谈话|谈心交心|交心谈心|谈心活动|谈心恳谈|(?:开展|进行|逐一|相互|普遍|个别|深入)谈心|谈心\d/g;

export const talks: Detector = {
  name: "talks",
  mode: "presence",
  description: "谈心谈话：会前开展谈心谈话（交心谈心），最好有人次",
  detect: (doc) => {
    const exclude = shortcomingSpans(doc);
    const inside = (at: number) => exclude.some(([a, b]) => a <= at && at < b);
    const count = doc.counts.find((c) => c.kind === "talks" && !inside(c.span[0]));
    if (count) return { span: sentenceAt(doc, count.span[0]) };
    for (const m of doc.text.matchAll(TALKS)) {
      if (inside(m.index)) continue;
      const span = sentenceAt(doc, m.index);
      if (onlyPromises(doc.text.slice(span[0], span[1]))) continue;
      return { span };
    }
    return null;
  },
};
