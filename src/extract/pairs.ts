/**
 * 问题/整改情况 pairs of narrative rectification reports:
 *
 *   （一）关于财务报销审核不严的问题。整改情况：①修订财务报销制度；②开展专项检查。
 *   问题二：关于…的问题
 *   整改措施：1.…；2.…。  整改进展：已完成。
 *
 * The 关于…的问题 lead is a problem; the text after 整改措施：/整改情况： (up to the
 * next label such as 整改进展：/完成时限：/责任单位:, or the end of the
 * paragraphs before the next pair) is a measure, one per ①②/1.2. sub-point.
 * They are items wherever they stand, even in a progress section. A pair
 * never starts anywhere but at a paragraph start.
 */
import type { ItemFact, MeasureFact, Span } from "../model/document.js";
import { findDeadline, findOwner } from "./measure-attrs.js";
import { splitSubPoints } from "./tables.js";

const PAIR_HEAD = /^\s*(?:(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]|问题[一二三四五六七八九十\d]{1,3}[：:、]?|[①-⑳])\s*)?(关于[^。；;\n]{2,60}?问题)(?=[。：:；;\s]|$)/;
const MEASURE_LABEL = /(?:整改措施|整改情况|整改落实情况|落实情况|具体措施|整改举措)[：:]/g;
const STOP_LABEL = /(?:整改进展|整改结果|整改成效|完成情况|完成时限|完成时间|整改时限|责任(?:人|单位|领导|部门))[：:]/;

export interface PairItems {
  problems: ItemFact[];
  measures: MeasureFact[];
  /** Spans of the whole pairs: other items overlapping them are replaced. */
  covered: Span[];
}

export function extractPairs(text: string, paragraphs: Span[], sectionOf: (at: number) => string | null): PairItems {
  const out: PairItems = { problems: [], measures: [], covered: [] };
  const heads: Array<{ para: number; span: Span }> = [];
  paragraphs.forEach(([ps, pe], i) => {
    const m = PAIR_HEAD.exec(text.slice(ps, pe));
    if (m) {
      const at = ps + m.index + m[0].length - m[1]!.length;
      heads.push({ para: i, span: [at, at + m[1]!.length] });
    }
  });
  if (heads.length < 1) return out;
  heads.forEach((h, k) => {
    const endPara = k + 1 < heads.length ? heads[k + 1]!.para : Math.min(paragraphs.length, h.para + 4);
    const start = h.span[1];
    const end = paragraphs[Math.max(h.para, endPara - 1)]![1];
    const body = text.slice(start, end);
    MEASURE_LABEL.lastIndex = 0;
    const label = MEASURE_LABEL.exec(body);
    if (!label) return; // a 关于…问题 without a 整改 part is not a pair
    const sec = sectionOf(h.span[0]);
    out.problems.push({ text: text.slice(h.span[0], h.span[1]), span: h.span, section: sec });
    const mStart = start + label.index + label[0].length;
    let rest = text.slice(mStart, end);
    const stop = STOP_LABEL.exec(rest);
    if (stop) rest = rest.slice(0, stop.index);
    // the measure ends with its paragraph unless the pair runs on
    const trimmed = rest.replace(/\s+$/, "");
    const pairText = text.slice(h.span[0], end);
    const deadline = findDeadline(pairText);
    const owner = findOwner(pairText);
    for (const p of splitSubPoints(trimmed, [mStart, mStart + trimmed.length])) {
      out.measures.push({ text: p.text, span: p.span, section: sec, deadline, owner });
    }
    out.covered.push([paragraphs[h.para]![0], end]);
  });
  return out;
}
