/**
 * A small table-driven parser for the numbers of this genre, written by hand
 * because general libraries get the colloquial forms wrong (nzh decodes
 * 六千八 as 6008, cnwhy/nzh#5; cn2an trips on 三万五 and 两).
 *
 * Handles:
 * - Arabic digits, half- or full-width, with a decimal point: 41, ４１, 96.3, ９３．５
 * - Chinese numerals with 两 and 〇/零: 四十一, 一百二十七, 两千, 一千零五
 * - digit strings: 二〇二三 → 2023
 * - the abbreviated tail: 三万五 → 35000, 两千六 → 2600, 一百二 → 120
 * - mixed forms: 3万4000 → 34000, 2.3万 → 23000, 1.3万 → 13000
 * - a Chinese decimal: 九十三点五 → 93.5
 *
 * Never looks at units of measure or approximation words (余/多/近): the
 * count extractor does that around the number.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, "○": 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** Characters that can make up a Chinese numeral (for building regexes). */
export const CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億";

/** Full-width digits and point → ASCII, one code unit for one (offsets stay valid). */
export function foldWidth(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => (c === "．" ? "." : c === "％" ? "%" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

type Token = { kind: "num"; value: number; chinese: boolean } | { kind: "small"; value: number } | { kind: "big"; value: number } | { kind: "zero" } | { kind: "point" };

function tokenize(input: string): Token[] | null {
  const s = foldWidth(input);
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const m = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (m) {
      out.push({ kind: "num", value: Number(m[0]), chinese: false });
      i += m[0].length;
      continue;
    }
    if (c === "零" || c === "〇" || c === "○") {
      // 〇 inside a digit string (二〇二三) is a digit; 零 between units is a gap marker
      out.push({ kind: "zero" });
    } else if (c in DIGITS) out.push({ kind: "num", value: DIGITS[c]!, chinese: true });
    else if (c in SMALL_UNITS) out.push({ kind: "small", value: SMALL_UNITS[c]! });
    else if (c in BIG_UNITS) out.push({ kind: "big", value: BIG_UNITS[c]! });
    else if (c === "点") out.push({ kind: "point" });
    else return null;
    i++;
  }
  return out;
}

/** Parse a whole numeral string; null when it is not one. */
export function parseNumeral(input: string): number | null {
  const raw = input.trim();
  if (!raw) return null;
  const tokens = tokenize(raw);
  if (!tokens || tokens.length === 0) return null;

  // 二〇二三 / 一九九八: only digits (and zeros), more than one → a digit string
  if (tokens.length > 1 && tokens.every((t) => t.kind === "zero" || (t.kind === "num" && t.chinese))) {
    return Number(tokens.map((t) => (t.kind === "zero" ? "0" : String((t as { value: number }).value))).join(""));
  }

  // a Chinese decimal: 九十三点五
  const pointAt = tokens.findIndex((t) => t.kind === "point");
  if (pointAt >= 0) {
    const intPart = parseTokens(tokens.slice(0, pointAt));
    const frac = tokens.slice(pointAt + 1);
    if (intPart === null || frac.length === 0 || !frac.every((t) => t.kind === "num" || t.kind === "zero")) return null;
    const digits = frac.map((t) => (t.kind === "zero" ? "0" : String((t as { value: number }).value))).join("");
    return Number(`${intPart}.${digits}`);
  }
  return parseTokens(tokens);
}

function parseTokens(tokens: Token[]): number | null {
  if (tokens.length === 0) return null;
  let total = 0; // finished 万/亿 groups
  let section = 0; // the group below the last big unit
  let current: number | null = null;
  let currentChinese = false;
  let lastUnit = 0; // the unit applied just before `current`
  let zeroSeen = false;
  let prev: Token["kind"] | null = null;
  for (const t of tokens) {
    switch (t.kind) {
      case "num":
        if (current !== null && prev === "num") return null; // 41 4 — two numbers
        current = t.value;
        currentChinese = t.chinese;
        break;
      case "zero":
        if (current !== null) return null;
        zeroSeen = true;
        break;
      case "small":
        // 十二 → the 十 stands alone as 1×10
        section += (current ?? 1) * t.value;
        current = null;
        lastUnit = t.value;
        zeroSeen = false;
        break;
      case "big": {
        const group = section + (current ?? 0);
        if (group === 0 && total === 0) return null; // 万 alone
        if (t.value > 10_000) total = (total + group) * t.value;
        else total += group * t.value;
        section = 0;
        current = null;
        lastUnit = t.value;
        zeroSeen = false;
        break;
      }
      case "point":
        return null;
    }
    prev = t.kind;
  }
  if (current !== null) {
    // 三万五 / 两千六 / 一百二: a lone Chinese digit right after a unit stands for
    // the next lower unit; 一千零五 (zero seen) and 3万4000 (Arabic) do not.
    if (currentChinese && lastUnit >= 100 && !zeroSeen && prev === "num") current *= lastUnit / 10;
    section += current;
  }
  const value = total + section;
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
}
