/**
 * Text copied out of a PDF viewer or a fixed-width page: every printed line
 * is its own line, broken at a fixed width, often mid-word
 * (`…民主生活会对照检` / `查材料`), and Latin digits carry padding spaces
 * (`2024 年`, `座谈会 4` / `场`).
 *
 * Detection is statistical, over the whole document, in display columns (a
 * Chinese character two, a Latin digit or space one — what a viewer wraps
 * by): at least eight lines of ten characters or more, most of them (≥ 60 %)
 * within ten columns of the longest line (the wrap width, at most 120), and
 * most of those full lines (≥ 50 %) ending mid-sentence (no 。！？；：). A text
 * whose lines are paragraphs has lengths all over the place and gives no edit.
 *
 * Repair (`hardWraps`, one per re-joined line break): a full-width line is
 * joined with the next line (so is a shorter line that stops on ，/、) unless that line starts a heading or a point
 * (一、 （一） 一是 1. 第一) or the full line itself is a heading. A line
 * shorter than the width ends its paragraph. Spaces padding a Latin number
 * between Chinese characters go too (`座谈会 4场` → `座谈会4场`,
 * `和 2024`): the PDF reader does this for PDFs; copies need it here.
 *
 * Never joins table rows, and never runs on Word files (their lines are
 * paragraphs) or on PDFs (the PDF reader re-joins lines from positions).
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

const SENTENCE_END = /[。！？；：:!?;]$/;
// 一、 · （一） · (1) · 一是 · 1. · 1、 · 第一， · ① — a new point or heading starts the line
const STARTS_POINT = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+是|[0-9]{1,2}[.．、](?![0-9])|第[一二三四五六七八九十]+[，,、是]|[①-⑳])/;

const TITLE_END = /(总结|报告|材料|提纲|方案|汇报|通报|清单|思路|安排|打算)([（(][^（）()]{1,20}[）)])?$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split("\n")) {
    out.push({ start: pos, end: pos + raw.length, text: raw });
    pos += raw.length + 1;
  }
  return out;
}

/** Display width in a viewer: a Chinese or full-width character takes two columns, ASCII one. */
function width(s: string): number {
  let w = 0;
  for (const ch of s.trimEnd()) w += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return w;
}

/** Columns a full line may fall short of the width (a word or a punctuation mark that did not fit). */
const BAND = 10;

/** The wrap width of a hard-wrapped text, or null when its lines are paragraphs. */
export function wrapWidth(text: string): number | null {
  const ls = lines(text).filter((l) => !l.text.includes("\t") && width(l.text) >= 20);
  if (ls.length < 8) return null;
  const widths = ls.map((l) => width(l.text));
  const max = Math.max(...widths);
  if (max > 120) return null;
  const full = ls.filter((l) => width(l.text) >= max - BAND);
  if (full.length < ls.length * 0.6) return null;
  const open = full.filter((l) => !SENTENCE_END.test(l.text.trimEnd()));
  if (open.length < full.length * 0.5) return null;
  return max;
}

export function findHardWraps(text: string): TextEdit[] {
  const w = wrapWidth(text);
  if (w === null) return [];
  const ls = lines(text);
  const edits: TextEdit[] = [];
  for (let i = 0; i + 1 < ls.length; i++) {
    const cur = ls[i]!;
    const next = ls[i + 1]!;
    const curText = cur.text.trim();
    const nextText = next.text.trim();
    if (!curText || !nextText || cur.text.includes("\t") || next.text.includes("\t")) continue;
    // a full line, or a shorter one that stops on a comma (a paragraph never ends on ，/、)
    if (width(curText) < w - BAND && !/[，、]$/.test(curText)) continue;
    if (STARTS_POINT.test(nextText)) continue;
    // a full-width heading line (一、… without punctuation) stands alone
    if (STARTS_POINT.test(curText) && !/[。，；：]/.test(curText)) continue;
    // a section heading (一、 / （一）) with commas only: `三、开好专题民主生活会，认真开展批评和自我批评`
    if (/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(curText) && !/[。；：！？]/.test(curText) && !/[，、]$/.test(curText)) continue;
    // so does a title that happens to fill the line: no punctuation at all, ends with its genre noun
    if (!/[。，；：、！？]/.test(curText) && TITLE_END.test(curText)) continue;
    // the line break and the padding around it: `座谈会 4` / `场` → `座谈会 4场`
    let s = cur.end;
    while (s > cur.start && /[ \u3000]/.test(text[s - 1]!)) s--;
    let e = next.start;
    while (e < next.end && /[ \u3000]/.test(text[e]!)) e++;
    edits.push({ start: s, end: e, replacement: "", kind: "hardWraps" });
  }
  // Latin numbers padded with spaces between Chinese characters: `开展 2024 年` → `开展2024年`.
  for (const m of text.matchAll(/(?<=[\u4e00-\u9fff，、（])[ \u00a0]+(?=[0-9])|(?<=[0-9])[ \u00a0]+(?=[\u4e00-\u9fff，。、；）])/g)) {
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: "", kind: "digitPadding" });
  }
  return edits;
}

export const hardWraps: Repair = {
  name: "hardWraps",
  run(text, ctx) {
    if (ctx.raw.format !== "txt" && ctx.raw.format !== "md") return [];
    return findHardWraps(text);
  },
};
