/**
 * Page-number markers spliced into scraped copies. Document-sharing sites
 * print each page's number as `N、` where the page starts, so the copied text
 * reads `…进一步查\n3、找班子…` or `…认真撰 3、写了…`: the marker sits at a
 * page break, usually mid-sentence or mid-word, even inside a heading.
 *
 * Signals, in order of precedence:
 *   1. the RUNNING SEQUENCE — markers 1、 (or 2、) 3、 4、 … N、 appear in
 *      order, one per page, through the whole document;
 *   2. the spacing — pages are of similar length: every gap lies within
 *      0.25×–3× the median gap, and the sequence reaches both ends of the text;
 *   3. the position — most markers follow a character that cannot end a
 *      paragraph (`根底上\n2、,组织`, `认真\n6、撰写`) or precede punctuation.
 * A real list `1、…2、…3、` fails these: it starts a line after `。`/`：`,
 * restarts in every section and covers one stretch of the text.
 *
 * A marker is removed with the line break or space before it when it splits
 * a sentence (the page break is not a paragraph break: `需求力还\n8、不够旺盛`
 * → `需求力还不够旺盛`); after sentence-final punctuation only the marker goes.
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

interface Candidate {
  n: number;
  /** Start of the digits. */
  start: number;
  /** After the 、. */
  end: number;
  /** Start including one separator (line break or space) before the digits. */
  sepStart: number;
  /** The marker cannot be a list marker here: it splits a sentence. */
  mid: boolean;
}

// 2、 but not 12.5、 or A2、; three digits at most (page counts)
const MARKER = /(?<![0-9０-９.．A-Za-z])([1-9][0-9]{0,2})、/g;
// Characters after which a paragraph or list item can start.
const BOUNDARY_BEFORE = /[。；;：:！!？?]/;
// Punctuation never starts a list item: `2、,组织`
const PUNCT_AFTER = /[,，。、;；:：.!！?？)）]/;

function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(MARKER)) {
    const start = m.index;
    const end = start + m[0].length;
    const sep = start > 0 && /[ \n\u3000]/.test(text[start - 1]!) ? 1 : 0;
    let p = start - 1;
    while (p >= 0 && /[ \u3000\t\n]/.test(text[p]!)) p--;
    const prev = p >= 0 ? text[p]! : "";
    const next = text[end] ?? "";
    const mid = start === 0 ? false : (prev !== "" && !BOUNDARY_BEFORE.test(prev)) || PUNCT_AFTER.test(next);
    out.push({ n: Number(m[1]), start, end, sepStart: start - sep, mid });
  }
  return out;
}

/**
 * The longest run 1(or 2)、 … N、 in text order. One missing number is bridged
 * (a page whose marker was lost: …4、 … 6、…); fewer gaps, then more
 * mid-sentence members, break ties.
 */
function longestSequence(cands: Candidate[]): { chain: Candidate[]; skips: number } {
  const len: number[] = [];
  const skips: number[] = [];
  const mids: number[] = [];
  const prev: number[] = [];
  const better = (l: number, sk: number, md: number, i: number) =>
    l > len[i]! || (l === len[i]! && (sk < skips[i]! || (sk === skips[i]! && md > mids[i]!)));
  cands.forEach((c, i) => {
    len[i] = c.n <= 2 ? 1 : 0;
    skips[i] = 0;
    mids[i] = c.mid ? 1 : 0;
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      const step = c.n - cands[j]!.n;
      if ((step !== 1 && step !== 2) || len[j]! === 0) continue;
      const l = len[j]! + 1;
      const sk = skips[j]! + (step - 1);
      const md = mids[j]! + (c.mid ? 1 : 0);
      if (better(l, sk, md, i)) {
        len[i] = l;
        skips[i] = sk;
        mids[i] = md;
        prev[i] = j;
      }
    }
  });
  let best = -1;
  cands.forEach((_, i) => {
    if (len[i]! > 0 && (best < 0 || better(len[i]!, skips[i]!, mids[i]!, best))) best = i;
  });
  const chain: Candidate[] = [];
  for (let i = best; i >= 0; i = prev[i]!) chain.unshift(cands[i]!);
  return { chain, skips: best >= 0 ? skips[best]! : 0 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

/** The page markers of a scraped copy, or [] when the text has none. */
export function findPageMarkers(text: string): Candidate[] {
  const { chain, skips } = longestSequence(findCandidates(text));
  if (chain.length < 3 || skips > Math.max(1, Math.floor(chain.length / 4))) return [];
  const inner = chain.filter((c) => c.start > 0);
  if (inner.filter((c) => c.mid).length < Math.max(2, inner.length * 0.5)) return [];
  // gap per page: a bridged missing marker spans two pages
  const gaps = chain.slice(1).map((c, i) => (c.start - chain[i]!.start) / (c.n - chain[i]!.n));
  const med = median(gaps);
  if (med < 80) return []; // pages of a few dozen characters are a list, not pages
  if (gaps.some((g) => g < med * 0.25 || g > med * 3)) return [];
  // The sequence covers the document: it starts within the first page and ends within the last two.
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  const firstPageStart = first.n === 1 ? first.start : first.start - med;
  if (firstPageStart > med * 1.5) return [];
  if (text.length - last.start > med * 2.5) return [];
  return chain;
}

export const pageMarkers: Repair = {
  name: "pageMarkers",
  run(text) {
    return findPageMarkers(text).map((c): TextEdit => {
      // A line break next to a table row stays: joining would put a row and a paragraph on one line.
      let join = c.mid;
      if (join && text[c.sepStart] === "\n") {
        const lineStart = text.lastIndexOf("\n", c.sepStart - 1) + 1;
        const lineEnd = text.indexOf("\n", c.end);
        if (text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).includes("\t")) join = false;
      }
      const start = join ? c.sepStart : c.start;
      return { start, end: c.end, replacement: "", kind: "pageMarkers" };
    });
  },
};
