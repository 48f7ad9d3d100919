/** Helpers shared by the detectors: search text outside some sections, section lookups. */
import type { SectionNode, SectionRole, Span, WorkingDocument } from "../../model/document.js";
import type { Evidence } from "../types.js";

export function flatSections(sections: SectionNode[], out: SectionNode[] = []): SectionNode[] {
  for (const s of sections) {
    out.push(s);
    flatSections(s.children, out);
  }
  return out;
}

/** First section with one of the roles; its heading span is the evidence. */
export function sectionWithRole(doc: WorkingDocument, roles: SectionRole[]): Evidence | null {
  const s = flatSections(doc.sections).find((x) => roles.includes(x.role));
  return s ? { span: s.headingSpan ?? s.span } : null;
}

/** Spans of the sections (with their subsections) whose role is in `roles`. */
export function sectionSpans(doc: WorkingDocument, roles: SectionRole[]): Span[] {
  return flatSections(doc.sections).filter((s) => roles.includes(s.role)).map((s) => s.span);
}

/** Spans of the problem/cause/measure items: what the report says it lacks or plans is not what it did. */
export function itemSpans(doc: WorkingDocument): Span[] {
  return [...doc.problems, ...doc.causes, ...doc.measures].map((x) => x.span);
}

const inside = (at: number, spans: Span[]) => spans.some(([a, b]) => a <= at && at < b);

/** First match of `re` in the text whose start is not inside any of `exclude`. */
export function findOutside(doc: WorkingDocument, re: RegExp, exclude: Span[] = []): Evidence | null {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  for (let m = g.exec(doc.text); m; m = g.exec(doc.text)) {
    if (!inside(m.index, exclude)) return { span: [m.index, m.index + m[0].length] };
    if (m[0].length === 0) g.lastIndex++;
  }
  return null;
}

/** Where the report talks about its own shortcomings and plans (not what it did). */
export function shortcomingSpans(doc: WorkingDocument): Span[] {
  return [...sectionSpans(doc, ["problems", "causes", "measures", "next-steps"]), ...itemSpans(doc)];
}

/** True when an item stands in a table row, or right after a label (`before` tested on the 16 characters before it). */
export function labelledItem(doc: WorkingDocument, span: Span, before: RegExp): boolean {
  if (doc.blocks.some((b) => b.kind === "table-row" && b.span[0] <= span[0] && span[1] <= b.span[1])) return true;
  return before.test(doc.text.slice(Math.max(0, span[0] - 16), span[0]));
}

/** The sentence around `at`: doc.sentences where the segment stage ran, else up to 。！？；or a line break. */
export function sentenceAt(doc: WorkingDocument, at: number): Span {
  const s = doc.sentences.find(([a, b]) => a <= at && at < b);
  if (s) return s;
  const text = doc.text;
  let a = at;
  while (a > 0 && !/[。！？；;\n]/.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && !/[。！？；;\n]/.test(text[b]!)) b++;
  if (b < text.length && text[b] !== "\n") b++;
  return [a, b];
}

// 将 / 要 / 拟 / 下一步 / 今后 / 确保 — a promise; not 主要, 重要, 需要 as nouns, 要求
const FUTURE_WORD = /将(?!近)|(?<![主重需纲摘只])要(?![求点件素害])|拟|计划|下一步|下阶段|今后|确保|力争|争取|务必|必须|努力/;
// 已 / …了 / 过 (not 通过) / 均已 / 逐项 / 回顾 — something was done (完成 alone may be a target: 确保年底前完成)
const DONE_WORD = /已|了|(?<!通)过|均已|逐项|逐条|回顾|销号/;

/**
 * True when a sentence only promises (我们将认真抓好上年度整改措施的落实 /
 * 下一步要对上次查摆问题开展回头看): it names the future and nothing done.
 */
export function onlyPromises(sentence: string): boolean {
  return FUTURE_WORD.test(sentence) && !DONE_WORD.test(sentence.replace(/为了|了解|除了|了如指掌/g, ""));
}
