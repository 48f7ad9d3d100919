/**
 * Traditional → simplified characters with opencc-js, only for a source that
 * IS traditional: the share of Han characters that the converter changes
 * (traditional-only characters: 國 會 檢 查 這 為 …) must reach 5 %, with at
 * least 8 of them. Simplified text scores ~0 %; a simplified report quoting
 * one traditional name (乾安) stays untouched (opencc-js converts 乾安→干安,
 * nk2028/opencc-js#24).
 *
 * Offsets are kept: the Taiwan/Hong Kong → mainland converters are
 * character-for-character on this genre (`檢查` → `检查`), so each changed
 * character becomes one edit; where a phrase conversion changes the length,
 * that line falls back to converting character by character.
 * Sets `ctx.script = "traditional"`.
 */
import { createRequire } from "node:module";
import type * as OpenCCModule from "opencc-js";
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

type Convert = (s: string) => string;
let converter: Convert | null = null;
function t2s(): Convert {
  if (converter) return converter;
  // Required on first use, not imported: loading opencc-js costs ~45 ms of every
  // start-up (and of every worker thread), and simplified documents never need it.
  const OpenCC = createRequire(import.meta.url)("opencc-js") as typeof OpenCCModule;
  const fn = OpenCC.Converter({ from: "tw", to: "cn" });
  const convert: Convert = (s) => fn(s);
  converter = convert;
  return convert;
}

const HAN_RE = /[\u3400-\u9fff\uf900-\ufaff]/g;
const MIN_SHARE = 0.05;
const MIN_CHARS = 8;

/** Share of Han characters that are traditional-only, and their number. */
export function traditionalShare(text: string): { share: number; count: number } {
  const chars = text.match(HAN_RE) ?? [];
  if (!chars.length) return { share: 0, count: 0 };
  // One converter call for all distinct characters (a call costs ~0.1 ms);
  // line breaks between them keep phrase rules from joining neighbours.
  const distinct = [...new Set(chars)];
  const converted = t2s()(distinct.join("\n")).split("\n");
  const changed = new Set<string>();
  if (converted.length === distinct.length) distinct.forEach((ch, i) => converted[i] !== ch && changed.add(ch));
  const count = chars.filter((ch) => changed.has(ch)).length;
  return { share: count / chars.length, count };
}

function charEdits(original: string, converted: string, base: number, edits: TextEdit[]): void {
  let i = 0;
  while (i < original.length) {
    if (original[i] === converted[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < original.length && original[j] !== converted[j]) j++;
    edits.push({ start: base + i, end: base + j, replacement: converted.slice(i, j), kind: "traditional" });
    i = j;
  }
}

// The commonest traditional-only characters of the genre (們 這 為 國 會 黨 檢 查 …):
// a text with almost none of them is simplified, and the converter (~300 ms to
// build its dictionaries) need not even be loaded.
const FREQUENT_TRADITIONAL = /[們個這為國會說對時來後學與關開經發現當點過還進實從產動義問題體機員黨組織檢區領導黨幹見議議處級務際將應覽與團隊單確辦據極設計劃認識導準備參論層統綜總結項費優勢續條縣鎮歷屆隨護憲]/g;

export const traditional: Repair = {
  name: "traditional",
  run(text, ctx) {
    if ((text.match(FREQUENT_TRADITIONAL) ?? []).length < MIN_CHARS) return [];
    const { share, count } = traditionalShare(text);
    if (share < MIN_SHARE || count < MIN_CHARS) return [];
    ctx.script = "traditional";
    const convert = t2s();
    const edits: TextEdit[] = [];
    let base = 0;
    for (const line of text.split("\n")) {
      const converted = convert(line);
      if (converted.length === line.length) charEdits(line, converted, base, edits);
      else {
        // phrase conversion changed the length: convert each character alone
        const perChar = Array.from(line, (ch) => {
          const c = convert(ch);
          return c.length === ch.length ? c : ch;
        }).join("");
        charEdits(line, perChar, base, edits);
      }
      base += line.length + 1;
    }
    return edits;
  },
};
