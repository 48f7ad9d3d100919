/**
 * The per-document fingerprint for copy detection, computed in the worker
 * (so it runs in parallel and is cached with the result).
 *
 * The normalized text (traditional → simplified already done) is cut into
 * CLAUSES at sentence and comma punctuation and line breaks
 * (“一是抓好中心组学习，组织集中学习6次。” → two clauses). Each clause is
 * put in a comparable form:
 * - spin restored: the spin table's edits are applied whatever the document's
 *   own `restoreSpin` decision, so a partly reworded copy (缘由, 根底, 乐观组织)
 *   compares equal to its original (原因, 基础, 积极组织);
 * - folded: only Han characters and letters are kept; punctuation, spaces and
 *   quotes go; a run of digits or Chinese numerals becomes “#”, so changed
 *   dates and figures (2023年11月 → 2024年3月, 座谈会5次 → 座谈会八次) still match.
 * Each clause keeps its span in the normalized text, its folded length, the
 * hash of its folded form and the hash of its digit-preserving form (the
 * latter tells a re-rendering of one document from last year's report with
 * the dates changed). Clauses under 4 folded characters (一是, 同时) get hash 0:
 * they never match on their own.
 *
 * For candidate search the folded text is cut into content-defined windows
 * at clause ends (a boundary where a clause hash says so, 80–400 folded
 * characters), and each window gets a MinHash signature of its character
 * 4-gram shingles. Because boundaries depend on content, a copied passage is
 * windowed the same way in both documents, wherever it sits.
 *
 * Never does: compare documents (src/similar/index.ts does), or read files.
 */
import type { Fingerprint, Span } from "../model/document.js";
import { spinEdits } from "../normalize/spin.js";
import { hashString, minhashSeeds, rehash, u32ToBase64 } from "./hash.js";

import { FINGERPRINT_VERSION } from "./version.js";
export { FINGERPRINT_VERSION };
/** Clauses shorter than this (folded characters) never match by themselves. */
export const MIN_CLAUSE = 4;
/** MinHash functions per window, in bands of ROWS. */
export const MINHASH_SIZE = 24;
export const BAND_ROWS = 3;
const SHINGLE = 4;
const MIN_WINDOW = 80;
const MAX_WINDOW = 400;
/** A boundary after a clause whose hash has these low bits all zero (≈ every 8th clause). */
const BOUNDARY_MASK = 7;
/** Fields per clause in `clauses`: hash, exact hash, start, end, folded length. */
export const CLAUSE_FIELDS = 5;

export type { Fingerprint };

// Separators of clauses: sentence ends, commas, colons, line and cell breaks (looked up by code unit).
const SEPARATORS = new Set([..."。！？!?；;，,、：:\n\t\r…"].map((c) => c.charCodeAt(0)));
// Digits and Chinese numerals start a number; “.” and “%” may continue one (3.5%).
const NUMBER_START = new Set([..."0123456789〇零一二三四五六七八九十百千万亿两"].map((c) => c.charCodeAt(0)));
const NUMBER_PART = new Set([...NUMBER_START, ".".charCodeAt(0), "%".charCodeAt(0)]);
const DOT = ".".charCodeAt(0);
const PERCENT = "%".charCodeAt(0);
const SPACE = /\s/;

function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Folded forms of a clause: `folded` (numbers → #) and `exact` (numbers kept).
 * “2023年召开座谈会5次” → folded “#年召开座谈会#次”, exact “2023年召开座谈会5次”.
 */
export function foldClause(s: string): { folded: string; exact: string } {
  let folded = "";
  let exact = "";
  let inNumber = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inNumber ? NUMBER_PART.has(c) : NUMBER_START.has(c)) {
      if (!inNumber) folded += "#";
      inNumber = true;
      if (c !== DOT && c !== PERCENT) exact += s[i];
      continue;
    }
    inNumber = false;
    if (isHan(c)) {
      folded += s[i];
      exact += s[i];
    } else if (isLetter(c)) {
      const l = s[i]!.toLowerCase();
      folded += l;
      exact += l;
    }
  }
  return { folded, exact };
}

interface Clause {
  span: Span;
  folded: string;
  exact: string;
}

/** The clauses of a text with spin restored inside each, in order. */
export function splitClauses(text: string): Clause[] {
  const edits = spinEdits(text);
  let e = 0;
  const out: Clause[] = [];
  let start = 0;
  const flush = (end: number): void => {
    let s = start;
    while (s < end && SPACE.test(text[s]!)) s++;
    let t = end;
    while (t > s && SPACE.test(text[t - 1]!)) t--;
    if (t > s) {
      // Spin restoration inside [s, t): apply the edits that fall wholly in it.
      while (e < edits.length && edits[e]!.start < s) e++;
      let canon = "";
      let at = s;
      for (let k = e; k < edits.length && edits[k]!.end <= t; k++) {
        const ed = edits[k]!;
        if (ed.start < at) continue;
        canon += text.slice(at, ed.start) + ed.replacement;
        at = ed.end;
      }
      canon += text.slice(at, t);
      const { folded, exact } = foldClause(canon);
      if (folded.length) out.push({ span: [s, t], folded, exact });
    }
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) if (SEPARATORS.has(text.charCodeAt(i))) flush(i);
  flush(text.length);
  return out;
}

const SEEDS = minhashSeeds(MINHASH_SIZE);

/** MinHash of the 4-gram shingles of a folded string (a shorter string is one shingle). */
function minhash(s: string, into: Uint32Array, at: number): void {
  const sig = into.subarray(at, at + MINHASH_SIZE);
  sig.fill(0xffffffff);
  const last = Math.max(0, s.length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    const base = hashString(s, i, Math.min(s.length, i + SHINGLE));
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = rehash(base, SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
}

/** Computes the fingerprint of a normalized text. */
export function computeFingerprint(text: string): Fingerprint {
  const clauses = splitClauses(text);
  const data = new Uint32Array(clauses.length * CLAUSE_FIELDS);
  let chars = 0;
  const windows: string[] = [];
  let win = "";
  clauses.forEach((c, i) => {
    const len = c.folded.length;
    const hash = len >= MIN_CLAUSE ? hashString(c.folded) : 0;
    const o = i * CLAUSE_FIELDS;
    data[o] = hash;
    data[o + 1] = len >= MIN_CLAUSE ? hashString(c.exact) : 0;
    data[o + 2] = c.span[0];
    data[o + 3] = c.span[1];
    data[o + 4] = len;
    chars += len;
    win += c.folded;
    if ((win.length >= MIN_WINDOW && hash !== 0 && (hash & BOUNDARY_MASK) === 0) || win.length >= MAX_WINDOW) {
      windows.push(win);
      win = "";
    }
  });
  if (win.length) {
    // A short tail joins the window before it.
    if (win.length < MIN_WINDOW / 2 && windows.length) windows[windows.length - 1] += win;
    else windows.push(win);
  }
  const sigs = new Uint32Array(windows.length * MINHASH_SIZE);
  windows.forEach((w, k) => minhash(w, sigs, k * MINHASH_SIZE));
  return { v: FINGERPRINT_VERSION, chars, clauses: u32ToBase64(data), windows: u32ToBase64(sigs) };
}
