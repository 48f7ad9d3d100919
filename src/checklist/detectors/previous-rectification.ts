/**
 * `previous.rectification`: the material reports how the previous meeting's
 * measures were carried out — a section headed 上年度民主生活会整改措施落实情况,
 * or a paragraph on 上次查摆问题整改情况 / 对上年度民主生活会整改措施的落实情况
 * 进行了回顾. Evidence is the section's span, else the sentence's.
 *
 * Never evidence: a promise (下一步将对上年度整改措施开展回头看); a problem or
 * measure item (上年度查摆问题整改不彻底 is this year's self-criticism); a year
 * that is not before the report's own (召开2023年度民主生活会 in a 2023 material).
 */
import type { Span } from "../../model/document.js";
import { isPreviousRectificationHeading, previousRectificationRe } from "../../structure/previous-rectification.js";
import type { Detector } from "../types.js";
import { flatSections, itemSpans, onlyPromises, sectionSpans, sentenceAt } from "./util.js";

const inside = (at: number, spans: Span[]) => spans.some(([a, b]) => a <= at && at < b);

// 2022年度民主生活会整改措施落实情况 — an explicit year, previous only when it is before the report's year
const YEAR_MEETING = /(20\d\d)年度?(?:专题)?(?:民主|组织)生活会[^。；！？\n]{0,30}?(?:整改|查摆问题)[^。；！？\n]{0,30}?(?:落实|推进|完成)(?:情况|状况)?/g;

/** The latest year the title (else the opening) names: the meeting year of the material. */
function reportYear(title: string | null, text: string): number | null {
  const years = [...(title ?? text.slice(0, 300)).matchAll(/(20\d\d)年/g)].map((m) => Number(m[1]));
  return years.length ? Math.max(...years) : null;
}

export const previousRectification: Detector = {
  name: "previous.rectification",
  mode: "presence",
  description: "上年度整改落实：上年度/上次民主生活会（组织生活会）整改措施落实情况的段落或章节",
  detect: (doc) => {
    const sections = flatSections(doc.sections);
    const headed = sections.find((s) => isPreviousRectificationHeading(s.heading));
    if (headed) return { span: headed.span };

    // Not inside this year's problems, causes or plans, nor in an item.
    const exclude = [...sectionSpans(doc, ["problems", "causes", "measures", "next-steps"]), ...itemSpans(doc)];
    const year = reportYear(doc.title, doc.text);
    const candidates: number[] = [];
    const re = previousRectificationRe();
    for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) candidates.push(m.index);
    if (year) for (const m of doc.text.matchAll(YEAR_MEETING)) if (Number(m[1]) < year) candidates.push(m.index);
    for (const at of candidates.sort((a, b) => a - b)) {
      if (inside(at, exclude)) continue;
      const span = sentenceAt(doc, at);
      if (onlyPromises(doc.text.slice(span[0], span[1]))) continue;
      const section = sections.find((s) => s.headingSpan[0] <= at && at < s.headingSpan[1]);
      return { span: section ? section.span : span };
    }
    return null;
  },
};
