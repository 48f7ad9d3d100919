/**
 * Sentence splitter. A sentence ends at 。！？； (and half-width ; — spun
 * copies turn ；into ;), at ! or ? when a space, a closing quote or the end
 * follows, at a line break and at a tab (a table cell). It does NOT end inside
 * a quotation or a bracket: “要坚持‘两个维护’。” · 《关于…的通知》 ·
 * （截至9月30日。）stay whole.
 *
 * Why half-width ? only before a space: scraped copies replace 《》 by `?`
 * mid-sentence (依据?市…活动方案?和?…), and real Chinese questions use ？.
 *
 * In scraped one-line copies a space between two runs of Chinese is the
 * paragraph separator, so it ends a sentence too (see isParagraphSpace).
 *
 * Unbalanced quotes are common (spun copies lose the closing ”), so an opener
 * only counts when its closer follows on the same line within MAX_QUOTE
 * characters; otherwise it is ignored and the text splits as usual.
 *
 * Invariant: the spans are in order, do not overlap, start and end on a
 * non-space character, and what lies between them is whitespace only.
 */
import type { Span } from "../model/document.js";

const CLOSER: Record<string, string> = {
  "“": "”",
  "‘": "’",
  "《": "》",
  "〈": "〉",
  "（": "）",
  "(": ")",
  "「": "」",
  "『": "』",
  "【": "】",
  "〔": "〕",
  "[": "]",
};
const CLOSERS = new Set(Object.values(CLOSER));
/** Always terminal. */
const STRONG_END = new Set(["。", "！", "？", "；", ";"]);
/** Terminal only before whitespace, a closer or the end (see header). */
const WEAK_END = new Set(["!", "?"]);
const MAX_QUOTE = 300;

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u3000" || c === "\u00a0" || c === "\f" || c === "\v";
}

/** Sentence spans of `text` (see the file header for the rules). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const stack: string[] = []; // expected closers
  let start = -1; // start of the current sentence, -1 when between sentences
  let quoteOpenedAt = -1; // offset of the outermost open quote or bracket

  const close = (end: number): void => {
    if (start < 0) return;
    let e = end;
    while (e > start && isSpace(text[e - 1] ?? "")) e--;
    if (e > start) spans.push([start, e]);
    start = -1;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\n" || c === "\r" || c === "\t" || (start >= 0 && isParagraphSpace(text, i))) {
      // A line break, a table cell or a scraped copy's paragraph space always ends the sentence,
      // balanced or not.
      close(i);
      stack.length = 0;
      continue;
    }
    if (start < 0) {
      if (isSpace(c)) continue;
      start = i;
    }
    const closer = CLOSER[c];
    if (closer !== undefined && !(closer === c)) {
      if (hasCloserAhead(text, i, c, closer)) {
        if (!stack.length) quoteOpenedAt = i;
        stack.push(closer);
      }
      continue;
    }
    if (stack.length && c === stack[stack.length - 1]) {
      stack.pop();
      // “我们要改。”他说。 — a quotation that opens the sentence and closes after 。 ends it.
      if (!stack.length && quoteOpenedAt === start && STRONG_END.has(text[i - 1] ?? "")) {
        close(i + 1);
      }
      continue;
    }
    if (stack.length) continue;
    const strong = STRONG_END.has(c);
    const weak = !strong && WEAK_END.has(c) && isWeakEnd(text, i);
    if (strong || weak) {
      // Take along more terminators and the closers that follow: 。” · ！？ · ……。
      let j = i + 1;
      while (j < text.length && (STRONG_END.has(text[j] ?? "") || WEAK_END.has(text[j] ?? "") || CLOSERS.has(text[j] ?? ""))) j++;
      close(j);
      i = j - 1;
    }
  }
  close(text.length);
  return spans;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LEFT_OF_PARAGRAPH_SPACE = /[\u3400-\u9fff\uf900-\ufaff，。：；！？、”’」』》）:,;?!]/;
const RIGHT_OF_PARAGRAPH_SPACE = /[\u3400-\u9fff\uf900-\ufaff0-9“‘「『《（(]/;

/**
 * A space run between Chinese text on both sides: in scraped one-line copies the
 * paragraph separator (`…分析检查总结 依据?市…` · `…总结如下: 一、坚持学习`).
 * Normalization has already removed the spaces PDF extraction and letter-spacing
 * leave (`2023 年`, `工 作 总 结`), so what remains is structure.
 */
function isParagraphSpace(text: string, i: number): boolean {
  const c = text[i] ?? "";
  if (c !== " " && c !== "\u3000" && c !== "\u00a0") return false;
  const prev = text[i - 1] ?? "";
  if (!LEFT_OF_PARAGRAPH_SPACE.test(prev)) return false;
  let j = i;
  while (text[j] === " " || text[j] === "\u3000" || text[j] === "\u00a0") j++;
  const next = text[j] ?? "";
  return RIGHT_OF_PARAGRAPH_SPACE.test(next) && (HAN.test(prev) || HAN.test(next) || /[0-9（(“]/.test(next));
}

function isWeakEnd(text: string, i: number): boolean {
  const next = text[i + 1];
  return next === undefined || isSpace(next) || CLOSERS.has(next);
}

/** Does `closer` follow `opener` at i on the same line within MAX_QUOTE chars (nesting of the same pair counted)? */
function hasCloserAhead(text: string, i: number, opener: string, closer: string): boolean {
  let depth = 0;
  const end = Math.min(text.length, i + MAX_QUOTE);
  for (let j = i + 1; j < end; j++) {
    const c = text[j];
    if (c === "\n" || c === "\r") return false;
    if (c === opener) depth++;
    else if (c === closer) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}
