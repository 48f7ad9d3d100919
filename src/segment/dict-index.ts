/**
 * jieba's dictionary as a sorted word index, so that a process can cut its first
 * document with a jieba built from only the dictionary words that occur in it.
 *
 * Why: `Jieba.withDict` over the whole merged dictionary (349 000 words) is
 * ~90 ms of every start-up, and @node-rs/jieba 2 can neither load a prebuilt
 * trie nor add to a dictionary after the first load (napi-rs/node-rs#766).
 * Building it from the ~1 000–4 000 words one report contains takes ~1 ms.
 *
 * Why the cut stays identical (jieba-rs 0.10, `Jieba::cut`/`cut_for_search`):
 * the dictionary is consulted only for substrings of the text being cut — the
 * DAG (`common_prefix_iter` from each character), a word's frequency in
 * `calc`, the exact-match test before HMM and the 2/3-grams of search mode —
 * and through `total`, the sum of every word's frequency, whose logarithm is
 * subtracted once per word of a route. So a dictionary holding every word that
 * occurs in the text, with the same frequencies, plus ONE filler entry carrying
 * the frequency of all the others (a word of control characters, which jieba's
 * Han-block regex never hands to the DAG) cuts that text exactly as the full
 * dictionary does. Without the filler the routes change (tested).
 *
 * Layout, little-endian: u32 magic · u32 count · f64 total · u32 freq[count] ·
 * u32 start[count + 1] · u32 first[65 537] (first[c] = the first word whose first
 * code unit is ≥ c, so the words starting with c are first[c] … first[c + 1] − 1)
 * · u16 chars[] (the words in UTF-16 code-unit order, concatenated). The build
 * (scripts/copy-assets.mjs) writes it from the same merged dictionary the full
 * load reads.
 */
import { readFileSync } from "node:fs";

const MAGIC = 0x31434944; // "DIC1"
const HEADER_BYTES = 16;
const FIRST_ENTRIES = 0x10001;

/**
 * Rust's `char::is_whitespace` (Unicode White_Space), which `split_whitespace`
 * splits dictionary lines on; JavaScript's `\s` differs (U+FEFF in, U+0085 out).
 */
const RUST_WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The entry that keeps jieba's total frequency; never part of a Han block, so never matched. */
const FILLER_WORD = "\u0001\u0001";

export interface DictEntries {
  /** Distinct words in code-unit order, with the frequency jieba ends up with. */
  words: string[];
  freqs: number[];
  /** Sum of the final frequencies: jieba-rs's `total`. */
  total: number;
}

/**
 * Parses a jieba dictionary ("word freq [tag]" a line) as jieba-rs's
 * `load_dict` does: a repeated word keeps its LAST frequency, a missing one is
 * 0, and the total is the sum over distinct words.
 */
export function parseJiebaDict(text: string): DictEntries {
  const byWord = new Map<string, number>();
  let lineNo = 0;
  for (const line of text.split("\n")) {
    lineNo++;
    const parts = line.split(RUST_WHITESPACE).filter(Boolean);
    const word = parts[0];
    if (!word) continue;
    const f = parts[1];
    if (f !== undefined && !/^\+?[0-9]+$/.test(f)) throw new Error(`jieba dictionary line ${lineNo}: frequency ${f} is not an integer`);
    const freq = f === undefined ? 0 : Number(f);
    if (!Number.isSafeInteger(freq) || freq > 0xffffffff) throw new Error(`jieba dictionary line ${lineNo}: frequency ${f} too large`);
    byWord.set(word, freq);
  }
  const words = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const freqs = words.map((w) => byWord.get(w)!);
  let total = 0;
  for (const f of freqs) total += f;
  return { words, freqs, total };
}

/** Serialises parsed entries into the layout above. */
export function encodeDictIndex(d: DictEntries): Buffer {
  const count = d.words.length;
  let chars = 0;
  for (const w of d.words) chars += w.length;
  const freqAt = HEADER_BYTES;
  const startAt = freqAt + 4 * count;
  const firstAt = startAt + 4 * (count + 1);
  const charsAt = firstAt + 4 * FIRST_ENTRIES;
  const buf = Buffer.alloc(charsAt + 2 * chars);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(count, 4);
  buf.writeDoubleLE(d.total, 8);
  let pos = 0;
  for (let i = 0; i < count; i++) {
    buf.writeUInt32LE(d.freqs[i]!, freqAt + 4 * i);
    buf.writeUInt32LE(pos, startAt + 4 * i);
    const w = d.words[i]!;
    for (let k = 0; k < w.length; k++) buf.writeUInt16LE(w.charCodeAt(k), charsAt + 2 * (pos + k));
    pos += w.length;
  }
  buf.writeUInt32LE(pos, startAt + 4 * count);
  let w = 0;
  for (let c = 0; c < FIRST_ENTRIES; c++) {
    while (w < count && d.words[w]!.charCodeAt(0) < c) w++;
    buf.writeUInt32LE(w, firstAt + 4 * c);
  }
  return buf;
}

export class DictIndex {
  private constructor(
    readonly size: number,
    /** jieba-rs's `total` of the whole dictionary. */
    readonly total: number,
    private readonly freq: Uint32Array,
    private readonly start: Uint32Array,
    private readonly first: Uint32Array,
    private readonly chars: Uint16Array,
  ) {}

  /** Opens an index written by encodeDictIndex (the views share the buffer: no copy, no parse). */
  static decode(data: Buffer): DictIndex {
    if (data.length < HEADER_BYTES || data.readUInt32LE(0) !== MAGIC) throw new Error("not a jieba dictionary index");
    // Typed-array views need aligned offsets; a Buffer from readFileSync may sit anywhere in its pool.
    const buf = data.byteOffset % 4 === 0 ? data : Buffer.from(data);
    const count = buf.readUInt32LE(4);
    const total = buf.readDoubleLE(8);
    const freqAt = buf.byteOffset + HEADER_BYTES;
    const startAt = freqAt + 4 * count;
    const firstAt = startAt + 4 * (count + 1);
    const charsAt = firstAt + 4 * FIRST_ENTRIES;
    if (charsAt > buf.byteOffset + buf.length) throw new Error("jieba dictionary index is truncated");
    const start = new Uint32Array(buf.buffer, startAt, count + 1);
    if (charsAt + 2 * start[count]! !== buf.byteOffset + buf.length) throw new Error("jieba dictionary index has the wrong length");
    const chars = new Uint16Array(buf.buffer, charsAt, start[count]!);
    return new DictIndex(count, total, new Uint32Array(buf.buffer, freqAt, count), start, new Uint32Array(buf.buffer, firstAt, FIRST_ENTRIES), chars);
  }

  static read(path: string): DictIndex {
    return DictIndex.decode(readFileSync(path));
  }

  word(id: number): string {
    return Buffer.from(this.chars.buffer, this.chars.byteOffset, this.chars.byteLength).toString("utf16le", 2 * this.start[id]!, 2 * this.start[id + 1]!);
  }

  frequency(id: number): number {
    return this.freq[id]!;
  }

  /**
   * Adds to `out` the id of every dictionary word that occurs in `text`. From each
   * position the sorted range of words sharing the prefix read so far is narrowed
   * one character at a time (two binary searches) until it is empty; a word whose
   * length equals the prefix is a match and sorts first in its range.
   */
  collect(text: string, out: Set<number>): void {
    // napi hands Rust lone surrogates as U+FFFD: scan what jieba will see.
    const s = (text as string & { toWellFormed?: () => string }).toWellFormed?.() ?? text;
    const { start, first: firstOf, chars } = this;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      // Depth 0 from the table: most positions (punctuation, spaces, digits) end here.
      const c0 = s.charCodeAt(i);
      let lo = firstOf[c0]!;
      let hi = firstOf[c0 + 1]!;
      if (lo === hi) continue;
      if (start[lo + 1]! - start[lo]! === 1) out.add(lo);
      for (let d = 1; i + d < n; d++) {
        if (start[lo + 1]! - start[lo]! === d) lo++; // the word equal to the prefix: matched already
        const c = s.charCodeAt(i + d);
        let a = lo;
        let b = hi;
        while (a < b) {
          const m = (a + b) >>> 1;
          if (chars[start[m]! + d]! < c) a = m + 1;
          else b = m;
        }
        const first = a;
        b = hi;
        while (a < b) {
          const m = (a + b) >>> 1;
          if (chars[start[m]! + d]! <= c) a = m + 1;
          else b = m;
        }
        if (a === first) break;
        lo = first;
        hi = a;
        if (start[lo + 1]! - start[lo]! === d + 1) out.add(lo);
      }
    }
  }

  /**
   * A jieba dictionary of these words with their frequencies, plus the filler entry
   * that brings the total to the whole dictionary's (see the header).
   */
  subDictionary(ids: Iterable<number>): Buffer {
    const lines: string[] = [];
    const words = Buffer.from(this.chars.buffer, this.chars.byteOffset, this.chars.byteLength);
    let sum = 0;
    for (const id of ids) {
      lines.push(words.toString("utf16le", 2 * this.start[id]!, 2 * this.start[id + 1]!) + " " + this.freq[id]!);
      sum += this.freq[id]!;
    }
    if (this.total > sum) lines.push(`${FILLER_WORD} ${this.total - sum}`);
    lines.push("");
    return Buffer.from(lines.join("\n"));
  }
}

// ───────────────────────────── a jieba that grows ─────────────────────────────

interface RsCutter {
  cut(sentence: string, hmm?: boolean): string[];
  cutForSearch(sentence: string, hmm?: boolean): string[];
}

/**
 * Words a process may gather into scoped dictionaries before it loads the whole
 * one: a report holds 1 000–4 000, so one or two documents; a batch's thread
 * then pays the full load once, as before, plus a few milliseconds.
 */
export const SCOPED_WORD_LIMIT = 8000;

/**
 * A jieba whose every cut is preceded by making sure each dictionary word in
 * the text is loaded: the first cuts run on a dictionary of the words met so
 * far (rebuilt when a text brings new ones), and once those would pass `limit`
 * the full dictionary is loaded and used from then on. Cuts are identical either
 * way (see the header); only the cost moves.
 */
export function growingJieba(
  withDict: (dict: Uint8Array) => RsCutter,
  index: DictIndex,
  fullDict: () => Uint8Array,
  limit = SCOPED_WORD_LIMIT,
): RsCutter & { readonly mode: "scoped" | "full"; readonly words: number } {
  let full: RsCutter | null = null;
  let scoped: RsCutter | null = null;
  // Dropped with the switch to the whole dictionary: a batch thread does not keep 5 MB it no longer reads.
  let words: DictIndex | null = index;
  const size = index.size;
  const loaded = new Set<number>();
  const ready = (text: string): RsCutter => {
    if (full || !words) return (full ??= withDict(fullDict()));
    const found = new Set<number>();
    words.collect(text, found);
    let added = 0;
    for (const id of found) if (!loaded.has(id)) added++;
    if (scoped && added === 0) return scoped;
    // The first text is always scoped, however long: even 20 000 words build in a fraction of the full load.
    if (scoped && loaded.size + added > limit) {
      full = withDict(fullDict());
      scoped = null;
      words = null;
      loaded.clear();
      return full;
    }
    for (const id of found) loaded.add(id);
    scoped = withDict(words.subDictionary(loaded));
    return scoped;
  };
  return {
    cut: (s, hmm) => ready(s).cut(s, hmm),
    cutForSearch: (s, hmm) => ready(s).cutForSearch(s, hmm),
    get mode() {
      return full ? "full" : "scoped";
    },
    get words() {
      return full ? size : loaded.size;
    },
  };
}
