/**
 * Synonym spin in scraped copies ("伪原创"): a rewording tool replaced words
 * with dictionary synonyms (科学发展观 → 科学进展观, 原因 → 缘由, 基础 → 根底,
 * 积极 → 乐观, 批评和自我批评 → 批判和自我批判 …). The data, with comments,
 * is in `spin-pairs.yaml`.
 *
 * Detector: counts SIGNATURES — spun phrases that original writing practically
 * never contains (科学进展观, 跨更加展, 宽敞干部, 分析缘由, 批判和自我批判) —
 * per 1000 Han characters. A document is spun when at least 3 different
 * signatures occur and the rate reaches 1.0. Sets `ctx.spun`, `ctx.spinScore`.
 *
 * Restorer: `restoreSpin` "auto" (default: flagged documents only) | "on" |
 * "off". Each pair restores a spun word only in contexts where the original
 * reading is clear (see the YAML: 确定 is genuine in 确定目标 but spun in
 * 充分确定 / 有确定差距). Every change is an edit with `record: true`, so it
 * appears in `restorations` with its span in the normalized text.
 *
 * Never does: restore a word with no context rule, or touch a clean document
 * in "auto" mode.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

export interface SpinContexts {
  left?: string[];
  right?: string[];
  phrases?: string[];
  beforePunct?: boolean;
}

export interface SpinPair {
  spun: string;
  original: string;
  restore?: SpinContexts;
  keep?: SpinContexts;
}

export interface SpinData {
  signatures: string[];
  pairs: SpinPair[];
}

const MIN_SIGNATURES = 3;
const MIN_RATE = 1.0;

let data: SpinData | null = null;

function asStrings(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new Error(`spin-pairs.yaml: ${where} must be a list of strings`);
  return v as string[];
}

function asContexts(v: unknown, where: string): SpinContexts | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object") throw new Error(`spin-pairs.yaml: ${where} must be a mapping`);
  const o = v as Record<string, unknown>;
  const c: SpinContexts = {};
  if (o.left !== undefined) c.left = asStrings(o.left, `${where}.left`);
  if (o.right !== undefined) c.right = asStrings(o.right, `${where}.right`);
  if (o.phrases !== undefined) c.phrases = asStrings(o.phrases, `${where}.phrases`);
  if (o.beforePunct === true) c.beforePunct = true;
  return c;
}

/**
 * A data YAML as plain values: the `.yaml.json` that scripts/copy-assets.mjs
 * writes beside it in dist/ (JSON.parse, < 1 ms), else the YAML itself (running
 * from src/). The yaml library is required only then: its cold start and parse
 * cost ~120 ms of every process start-up.
 */
export function readDataFile(yamlUrl: URL): unknown {
  const yamlPath = fileURLToPath(yamlUrl);
  const jsonPath = `${yamlPath}.json`;
  if (existsSync(jsonPath)) return JSON.parse(readFileSync(jsonPath, "utf8")) as unknown;
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return parse(readFileSync(yamlPath, "utf8")) as unknown;
}

/** The spin table, parsed and checked once (resolved next to this file, so it works from dist/). */
export function loadSpinData(): SpinData {
  if (data) return data;
  const raw = readDataFile(new URL("./spin-pairs.yaml", import.meta.url));
  const o = raw as Record<string, unknown>;
  const signatures = asStrings(o.signatures, "signatures");
  if (!Array.isArray(o.pairs)) throw new Error("spin-pairs.yaml: pairs must be a list");
  const pairs = (o.pairs as unknown[]).map((p, i): SpinPair => {
    const e = p as Record<string, unknown>;
    if (typeof e.spun !== "string" || typeof e.original !== "string") throw new Error(`spin-pairs.yaml: pairs[${i}] needs spun and original`);
    const pair: SpinPair = { spun: e.spun, original: e.original };
    const restore = asContexts(e.restore, `pairs[${i}].restore`);
    const keep = asContexts(e.keep, `pairs[${i}].keep`);
    if (restore) pair.restore = restore;
    if (keep) pair.keep = keep;
    return pair;
  });
  data = { signatures, pairs };
  return data;
}

const HAN = /[\u3400-\u9fff]/g;
const PUNCT = /^[\s,，。、;；:：!！?？)）”’》]/;

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

export interface SpinScore {
  /** Signature hits per 1000 Han characters. */
  score: number;
  hits: number;
  distinct: number;
  spun: boolean;
}

export function detectSpin(text: string): SpinScore {
  const { signatures } = loadSpinData();
  const han = (text.match(HAN) ?? []).length;
  let hits = 0;
  let distinct = 0;
  for (const s of signatures) {
    const n = countOccurrences(text, s);
    hits += n;
    if (n) distinct++;
  }
  const score = han ? Math.round((hits / han) * 1000 * 100) / 100 : 0;
  return { score, hits, distinct, spun: distinct >= MIN_SIGNATURES && score >= MIN_RATE };
}

/** Does the occurrence of `word` at `at` stand in one of the contexts? */
function inContext(text: string, at: number, word: string, c: SpinContexts): boolean {
  const end = at + word.length;
  if (c.left?.some((l) => text.startsWith(l, at - l.length) && at - l.length >= 0)) return true;
  if (c.right?.some((r) => text.startsWith(r, end))) return true;
  if (c.beforePunct && (end >= text.length || PUNCT.test(text.slice(end, end + 1)))) return true;
  if (c.phrases) {
    for (const p of c.phrases) {
      for (let k = p.indexOf(word); k >= 0; k = p.indexOf(word, k + 1)) {
        if (at - k >= 0 && text.startsWith(p, at - k)) return true;
      }
    }
  }
  return false;
}

/** Restoration edits for every spun word in a clear context (in the coordinates of `text`). */
export function spinEdits(text: string): TextEdit[] {
  const { pairs } = loadSpinData();
  const taken = new Set<number>();
  const edits: TextEdit[] = [];
  for (const pair of pairs) {
    const { spun, original } = pair;
    for (let at = text.indexOf(spun); at >= 0; at = text.indexOf(spun, at + 1)) {
      let free = true;
      for (let k = at; k < at + spun.length; k++) if (taken.has(k)) free = false;
      if (!free) continue;
      if (pair.keep && inContext(text, at, spun, pair.keep)) continue;
      if (pair.restore && !inContext(text, at, spun, pair.restore)) continue;
      for (let k = at; k < at + spun.length; k++) taken.add(k);
      edits.push({ start: at, end: at + spun.length, replacement: original, kind: "spin", record: true });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

export const spin: Repair = {
  name: "spin",
  run(text, ctx) {
    const detected = detectSpin(text);
    ctx.spun = detected.spun;
    ctx.spinScore = detected.score;
    const mode = ctx.options.restoreSpin ?? "auto";
    if (mode === "off" || (mode === "auto" && !detected.spun)) return [];
    return spinEdits(text);
  },
};
