/**
 * The jieba wrapper: one `Segmenter` interface, two backends.
 *
 * - `rs` (default): @node-rs/jieba v2 — prebuilt binaries, ~0.2 s dictionary
 *   load, fast cut. v2 has no root `cut`: a `Jieba` instance is built with
 *   `Jieba.withDict(dict)`. `loadDict` only works once (napi-rs/node-rs#766),
 *   so the domain user dictionary is concatenated to the stock dictionary and
 *   the instance is built from the merged bytes in ONE call. Every user-dict
 *   line must be `word freq tag` or the Rust side panics (#55).
 * - `nodejieba`: optional native package (may be absent: its install needs a
 *   compiler). Imported lazily; `load({ userDict })` is a one-time init that
 *   costs ~0.8–3 s and ~280 MB, so it happens once per process.
 *
 * Both backends are lazy singletons: the first `getSegmenter(name)` in a
 * process/worker pays the load, later calls reuse it.
 *
 * Numbers: stock jieba splits digit runs when HMM is off ("41" → "4","1") and
 * glues neighbours when it is on ("年的"). So `cut` never hands digits to
 * jieba: number/date/percent runs (2023年11月12日, 98.6%, 41, ３２０) are cut
 * out by regex first and kept as single tokens; only the text between them is
 * segmented.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Keyword } from "../model/document.js";
import { compareCodeUnits, loadIdfTable, type IdfTable } from "./idf.js";
import { DictIndex, growingJieba } from "./dict-index.js";
import type { SegmenterName } from "../model/options.js";

export type { SegmenterName };

export interface Segmenter {
  readonly name: SegmenterName;
  /** Precise-mode cut; the tokens concatenated equal the input text. */
  cut(text: string): string[];
  /** Search-mode cut (long words also yield their sub-words). */
  cutForSearch?(text: string): string[];
  /** TF-IDF keywords with the shipped stop words removed, best first. */
  extractKeywords(text: string, topN: number): Keyword[];
}

const require = createRequire(import.meta.url);

/** Path of an asset shipped next to this module (works from src/ and dist/). */
export function assetPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

let stopWordCache: Set<string> | null = null;
/** The shipped stop-word list (`stopwords.txt`, one word a line). */
export function stopWords(): Set<string> {
  if (!stopWordCache) {
    stopWordCache = new Set(
      readFileSync(assetPath("stopwords.txt"), "utf8")
        .split(/\r?\n/)
        .map((w) => w.trim())
        .filter(Boolean),
    );
  }
  return stopWordCache;
}

/**
 * Runs that must stay one token, in order of precedence:
 *   2023年11月12日 · 2023年11月 · 11月12日 · 2023年 (dates; not the 年/月 of 2009年底前 ·
 *   2023年12月底前, which jieba cuts as 年底/前, 月底/前)
 *   98.6% · ９３．５％ (percent) · 1,260 · 41 · ３２０ (numbers) · GDP (Latin)
 */
const PROTECTED_RUN =
  /[0-9０-９]{4}年(?![底初末中内])(?:[0-9０-９]{1,2}月(?![底初末中])(?:[0-9０-９]{1,2}[日号])?)?|[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]|[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?[%％‰]?|[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９]*/g;

/** Splits text into protected runs (kept whole) and free runs (to segment). */
export function splitProtected(text: string): Array<{ text: string; protect: boolean }> {
  const out: Array<{ text: string; protect: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(PROTECTED_RUN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), protect: false });
    out.push({ text: m[0], protect: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), protect: false });
  return out;
}

/**
 * Cut with number protection around a backend's raw cut. The whole text goes
 * to jieba in ONE call (each native call has a fixed cost; cutting the free
 * runs one by one was ~1.5× slower) with the protected runs blanked, then the
 * tokens are re-cut at the protected runs: a protected run is emitted as one
 * token, and a whitespace token that overlaps one keeps only its part outside
 * it. Tokens are sliced from the ORIGINAL text, so they concatenate to it.
 */
function protectedCut(text: string, raw: (s: string) => string[]): string[] {
  const runs: Array<[number, number]> = [];
  for (const m of text.matchAll(PROTECTED_RUN)) runs.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  // Protected runs are blanked (same length) before the cut, so digits never sway how jieba cuts
  // their neighbours (HMM glues "底前" after "12月").
  let masked = "";
  let last = 0;
  for (const [s, e] of runs) {
    masked += text.slice(last, s) + " ".repeat(e - s);
    last = e;
  }
  masked += text.slice(last);
  const rawTokens = raw(masked);
  if (!runs.length) return rawTokens.filter(Boolean);
  let total = 0;
  for (const t of rawTokens) total += t.length;
  if (total !== text.length) {
    // A backend that dropped or changed characters: offsets cannot be trusted, cut run by run.
    const out: string[] = [];
    for (const part of splitProtected(text)) {
      if (part.protect) out.push(part.text);
      else for (const t of raw(part.text)) if (t) out.push(t);
    }
    return out;
  }
  const tokens: string[] = [];
  let pos = 0;
  let r = 0;
  for (const tok of rawTokens) {
    if (!tok) continue;
    const end = pos + tok.length;
    let cur = pos;
    while (cur < end) {
      while (r < runs.length && runs[r]![1] <= cur) r++;
      const run = runs[r];
      if (!run || run[0] >= end) {
        tokens.push(text.slice(cur, end));
        cur = end;
      } else if (run[0] > cur) {
        tokens.push(text.slice(cur, run[0]));
        cur = run[0];
      } else {
        // Inside a protected run: emit it once, when its first character is reached.
        if (cur === run[0]) tokens.push(text.slice(run[0], run[1]));
        cur = Math.min(end, run[1]);
      }
    }
    pos = end;
  }
  return tokens;
}

/** Keywords worth showing a researcher: no numbers, no single characters, no stop words. */
export function usableKeyword(word: string, stops: Set<string>): boolean {
  const w = word.trim();
  if (w.length < 2 || stops.has(w)) return false;
  if (/^[\p{N}\p{P}\p{S}\sA-Za-z]+$/u.test(w)) return false;
  if (/^[0-9０-９]/.test(w)) return false;
  return true;
}

/** Text handed to keyword extractors: numbers and dates blanked so they never rank. */
function keywordText(text: string): string {
  return splitProtected(text)
    .map((p) => (p.protect ? " ".repeat(p.text.length) : p.text))
    .join("");
}

// ───────────────────────────── @node-rs/jieba ─────────────────────────────

export interface RsJieba {
  cut(sentence: string, hmm?: boolean): string[];
  cutForSearch(sentence: string, hmm?: boolean): string[];
}
interface RsModule {
  Jieba: { withDict(dict: Uint8Array): RsJieba };
}

/**
 * The stock dictionary files of @node-rs/jieba. Read directly rather than through
 * `require("@node-rs/jieba/dict")`: that module reads BOTH files (11 MB) and the
 * require cache keeps them alive for the life of the process — in every worker
 * thread — although the Rust side has copied what it needs. Falls back to the
 * module if the package layout ever changes.
 */
function rsDictFile(name: "dict" | "idf"): Buffer {
  try {
    return readFileSync(join(dirname(require.resolve("@node-rs/jieba/dict")), `${name}.txt`));
  } catch {
    const dicts = require("@node-rs/jieba/dict") as { dict: Uint8Array; idf: Uint8Array };
    return Buffer.from(dicts[name]);
  }
}

function loadRs(): Segmenter {
  const mod = require("@node-rs/jieba") as RsModule;
  const jieba = rsJieba(mod);
  const stops = stopWords();
  return {
    name: "rs",
    cut: (text) => protectedCut(text, (s) => jieba.cut(s, true)),
    cutForSearch: (text) => protectedCut(text, (s) => jieba.cutForSearch(s, true)),
    extractKeywords(text, topN) {
      const idf = loadIdfTable(assetPath(IDF_TABLE_FILE), rsIdfText);
      return tfidfKeywords(jieba.cut(keywordText(text), true), idf, topN, stops);
    },
  };
}

/**
 * A jieba instance built the way `loadRs` builds its own: for the shared segmentation thread
 * (segment/service-thread.ts) and for a worker's fallback when that thread cannot answer.
 */
export function createRsJieba(): RsJieba {
  // Growing as loadRs's own (dict-index.ts): a batch whose documents share a vocabulary never
  // pays for the whole dictionary; one that meets more words loads it, once, here.
  return rsJieba(require("@node-rs/jieba") as RsModule);
}

/**
 * jieba's raw cuts (HMM on, no number protection) from somewhere other than this thread's own
 * instance: the segmentation thread that serves every worker of a pool (segment/service.ts). It
 * must answer exactly as `jieba.cut(s, true)` / `jieba.cutForSearch(s, true)` would.
 */
export interface RsRawCutter {
  cut(text: string): string[];
  cutForSearch(text: string): string[];
}

let rsCutter: RsRawCutter | null = null;

/** From now on the `rs` segmenter of this thread cuts through `cutter` (null: its own jieba again). */
export function useRsCutter(cutter: RsRawCutter | null): void {
  rsCutter = cutter;
  instances.delete("rs");
}

/** The `rs` segmenter over a raw cutter: the same wrapping as `loadRs`, without a dictionary of its own. */
function rsSegmenterOver(raw: RsRawCutter): Segmenter {
  const stops = stopWords();
  return {
    name: "rs",
    cut: (text) => protectedCut(text, (s) => raw.cut(s)),
    cutForSearch: (text) => protectedCut(text, (s) => raw.cutForSearch(s)),
    extractKeywords(text, topN) {
      const idf = loadIdfTable(assetPath(IDF_TABLE_FILE), rsIdfText);
      return tfidfKeywords(raw.cut(keywordText(text)), idf, topN, stops);
    },
  };
}

/** The stock dictionary followed by the domain user dictionary, as ONE `withDict` call needs them. */
export function mergeRsDict(): Buffer {
  return Buffer.concat([rsDictFile("dict"), Buffer.from("\n"), readFileSync(assetPath("user-dict.utf8"))]);
}

/**
 * From dist/: a jieba that starts on the dictionary words of the text it is given and loads the
 * whole dictionary only once a process has met too many (dict-index.ts; same cuts, ~90 ms less
 * start-up). From src/ (no index built): the whole dictionary at once.
 */
function rsJieba(mod: RsModule): RsJieba {
  let index: DictIndex | null = null;
  try {
    index = existsSync(assetPath(DICT_INDEX_FILE)) ? DictIndex.read(assetPath(DICT_INDEX_FILE)) : null;
  } catch {
    // A damaged index only costs time: the whole dictionary cuts the same.
  }
  if (!index) return mod.Jieba.withDict(rsMergedDict());
  return growingJieba((dict) => mod.Jieba.withDict(dict), index, rsMergedDict);
}

/** The sorted word index of the merged dictionary that `scripts/copy-assets.mjs` writes next to this module in dist/. */
export const DICT_INDEX_FILE = "jieba-dict.idx";

/** `mergeRsDict()` as the build wrote it (concatenating 5 MB cost ~25 ms of every start-up), else merged now. */
function rsMergedDict(): Buffer {
  const prebuilt = assetPath(MERGED_DICT_FILE);
  return existsSync(prebuilt) ? readFileSync(prebuilt) : mergeRsDict();
}

/** The merged dictionary `scripts/copy-assets.mjs` writes next to this module in dist/. */
export const MERGED_DICT_FILE = "jieba-dict.txt";

/** The prebuilt IDF table `scripts/copy-assets.mjs` writes next to this module in dist/. */
export const IDF_TABLE_FILE = "jieba-idf.bin";

/** The stock IDF text of @node-rs/jieba, for the build to precompile. */
export function rsIdfText(): string {
  return rsDictFile("idf").toString("utf8");
}

/** jieba-rs's DEFAULT_STOP_WORDS: never counted, so they do not dilute the term frequencies. */
const JIEBA_STOP_WORDS = new Set(
  "the of is and to in that we for an are by be as on with can if from which you it this then at have all not one has or".split(" "),
);

function codePointCountAtLeast2(word: string): boolean {
  if (word.length >= 3) return true;
  if (word.length < 2) return false;
  const c = word.charCodeAt(0);
  return !(c >= 0xd800 && c <= 0xdbff); // two units that are one surrogate pair are one character
}

/**
 * TF-IDF keywords computed as jieba-rs's `TfIdf.extractKeywords` does — over
 * the tokens, words of two or more characters that are not jieba's English stop
 * words; weight = count × idf / (count of all such words), idf = the table's
 * value or its median — with two differences: the tokens come from the caller
 * (one cut, not two), and ties are broken by the word, so the same text always
 * gives the same list (jieba-rs orders ties by hash-map iteration).
 */
export function tfidfKeywords(tokens: readonly string[], idf: IdfTable, topN: number, stops: Set<string>): Keyword[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const t of tokens) {
    if (!codePointCountAtLeast2(t) || JIEBA_STOP_WORDS.has(t.toLowerCase())) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
    total++;
  }
  // Most words occur once or twice and cannot outrank the top N whatever their IDF: taking words by
  // falling count, stop looking up once even the largest IDF would leave a word below the N-th
  // weight so far (strictly below, so a tie still gets its say by word order).
  const candidates = [...counts].sort((a, b) => b[1] - a[1]);
  const best: number[] = []; // the N largest weights so far, descending
  const scored: Array<{ word: string; weight: number }> = [];
  for (const [word, count] of candidates) {
    if (best.length >= topN && (count * idf.max) / total < best[topN - 1]!) break;
    if (!usableKeyword(word, stops)) continue;
    const weight = (count * (idf.lookup(word) ?? idf.median)) / total;
    scored.push({ word, weight });
    let at = best.length;
    while (at > 0 && best[at - 1]! < weight) at--;
    if (at < topN) {
      best.splice(at, 0, weight);
      if (best.length > topN) best.pop();
    }
  }
  scored.sort((a, b) => b.weight - a.weight || compareCodeUnits(a.word, b.word));
  return scored.slice(0, topN).map((k) => ({ word: k.word, weight: round(k.weight) }));
}

// ───────────────────────────── nodejieba ─────────────────────────────

interface NodejiebaModule {
  load(options: { userDict?: string; stopWordDict?: string }): unknown;
  cut(sentence: string, hmm?: boolean): string[];
  cutForSearch(sentence: string, hmm?: boolean): string[];
  extract(sentence: string, topN: number): Array<{ word: string; weight: number }>;
}

function loadNodejieba(): Segmenter {
  let nj: NodejiebaModule;
  try {
    nj = require("nodejieba") as NodejiebaModule;
    nj.load({ userDict: assetPath("user-dict.utf8"), stopWordDict: assetPath("stopwords.txt") });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `分词后端 nodejieba 不可用（可选依赖未安装或本机编译失败）：${why}。请改用默认后端 --segmenter rs，或安装编译工具（make、g++、python3）后执行 npm rebuild nodejieba。`,
    );
  }
  const stops = stopWords();
  return {
    name: "nodejieba",
    // cut(s) has HMM off: digits and Latin letters would split per character; cut(s, true) keeps them.
    cut: (text) => protectedCut(text, (s) => nj.cut(s, true)),
    cutForSearch: (text) => protectedCut(text, (s) => nj.cutForSearch(s, true)),
    extractKeywords(text, topN) {
      const source = keywordText(text);
      // cppjieba weighs count × idf; jieba-rs (the default) divides by the number of counted words.
      // Divided here too, both backends give weights on one scale (TF-IDF as jieba-rs computes it):
      // 122.4 with nodejieba against 0.127 with rs before, for the same document.
      const counted = nj.cut(source, true).filter((t) => codePointCountAtLeast2(t) && !stops.has(t) && !JIEBA_STOP_WORDS.has(t.toLowerCase())).length;
      const total = Math.max(1, counted);
      return nj
        .extract(source, topN * 4 + 40)
        .filter((k) => usableKeyword(k.word, stops))
        .slice(0, topN)
        .map((k) => ({ word: k.word, weight: round(k.weight / total) }));
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const instances = new Map<SegmenterName, Segmenter>();

/** The process-wide segmenter of a backend, loaded on first use. */
export function getSegmenter(name: SegmenterName = "rs"): Segmenter {
  let seg = instances.get(name);
  if (!seg) {
    seg = name === "nodejieba" ? loadNodejieba() : rsCutter ? rsSegmenterOver(rsCutter) : loadRs();
    instances.set(name, seg);
  }
  return seg;
}

/** True when the optional nodejieba binding can be required (without loading its dictionaries). */
export function nodejiebaAvailable(): boolean {
  try {
    require.resolve("nodejieba");
    return true;
  } catch {
    return false;
  }
}
