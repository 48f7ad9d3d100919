/**
 * Numbering families of Chinese official documents (GB/T 9704 habits) and
 * the matchers that read one marker at a given position.
 *
 * Two kinds of family:
 * - heading families, which may open a section: 第一部分/第一章/第一节, 一、
 *   (一． 一.), （一）, 1. / 1、 / 1． (one family), （1）, 1) / 1）, ① (the
 *   last four only as standalone lines);
 * - point families, which only enumerate items inside a section: 一是…, 一要…,
 *   第一，…, 第一条，…, 第一步，…, 其一，…, 首先/其次/再次/最后,
 *   一方面/另一方面.
 *
 * Levels never come from this file: the tree builder ranks families by the
 * order in which they open in the document. `CANONICAL_RANK` is only a
 * tie-breaker for documents whose first heading is of a lower family.
 *
 * Nothing here looks at context beyond the marker itself; callers decide
 * whether the position is a paragraph start or a clause start.
 */

export type HeadingFamily =
  | "part" // 第一部分
  | "chapter" // 第一章
  | "section" // 第一节
  | "cn-dun" // 一、
  | "cn-paren" // （一） (一), and 一X with its brackets lost
  | "ar-dot" // 1. 1、 1．
  | "ar-paren" // （1） (1)
  | "ar-close" // 1) 1） — closing bracket only
  | "circled"; // ①

export type PointFamily =
  | "shi" // 一是
  | "di" // 第一，
  | "seq" // 首先 其次 再次 最后
  | "qi" // 其一， 其二，
  | "yao" // 一要… 二要… (plans and instructions)
  | "tiao" // 第一条， 第二条
  | "bu" // 第一步， 第二步
  | "fang" // 一方面，… 另一方面，…
  | "ar-dot"
  | "ar-paren"
  | "ar-close"
  | "circled";

export type MarkerFamily = HeadingFamily | PointFamily;

export interface MarkerMatch {
  family: MarkerFamily;
  /** 1-based ordinal; `LAST` for 最后. */
  ordinal: number;
  /** The marker exactly as written ("（一）", "1.", "一是", "首先，"). */
  marker: string;
  /** Code units the marker takes. */
  length: number;
}

/** Ordinal of 最后 (matches any position after the first). */
export const LAST = 1000;

/** Usual top-down order, for tie-breaking only. */
export const CANONICAL_RANK: Record<HeadingFamily, number> = {
  part: 0,
  chapter: 1,
  section: 2,
  "cn-dun": 3,
  "cn-paren": 4,
  "ar-dot": 5,
  "ar-paren": 6,
  "ar-close": 6.5,
  circled: 7,
};

/** Families that are headings only as short standalone lines; run-in they are items. */
export const LOW_FAMILIES: ReadonlySet<string> = new Set(["ar-dot", "ar-paren", "ar-close", "circled"]);

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; NaN for anything else. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  if (s.length === 1) return s === "十" ? 10 : CN_DIGITS[s] ?? NaN;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return NaN;
  const tens = m[1] ? CN_DIGITS[m[1]]! : 1;
  const ones = m[2] ? CN_DIGITS[m[2]]! : 0;
  return tens * 10 + ones;
}

/** "１２" (full-width) or "12" → 12. */
export function parseArabic(s: string): number {
  return Number(s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}

const CN = "[一二三四五六七八九十]{1,3}";
const AR = "[0-9０-９]{1,2}";

// 第一部分 / 第二章 / 第三节
const RE_PART = new RegExp(`^第(${CN})(部分|章|节|篇)[\\s　、，,：:]?`, "y");
// 一、 (also 一． / 一. as sloppy typists write it); not 一、二季度 / 一、二等奖 (a numeral pair)
const RE_CN_DUN = new RegExp(`^(${CN})(?:[、．](?![一二三四五六七八九十])|\\.(?![一二三四五六七八九十0-9０-９]))`, "y");
// （一） (一) （一)
const RE_CN_PAREN = new RegExp(`^[（(](${CN})[）)]`, "y");
// 1. 1、 1． — not 1.5 (a decimal) nor 2023. (a year)
const RE_AR_DOT = new RegExp(`^(${AR})(?:[.．](?![0-9０-９])|、)`, "y");
// （1） (1)
const RE_AR_PAREN = new RegExp(`^[（(](${AR})[）)]`, "y");
// 1) 1） — the closing bracket only; not 1)2) ranges nor 2023） (AR is two digits at most)
const RE_AR_CLOSE = new RegExp(`^(${AR})[）)](?![0-9０-９])`, "y");
// ① … ⑳
const RE_CIRCLED = /^[\u2460-\u2473]/y;
// 一是 二是 … 十是
const RE_SHI = new RegExp(`^(${CN})是`, "y");
// 第一， 第二、 第三：  (a bare 第一议题 is a word, not a marker)
const RE_DI = new RegExp(`^第(${CN})[，,、：:]`, "y");
// 其一， 其二， 其三，
const RE_QI = new RegExp(`^其(${CN})[，,、：:]`, "y");
// 一要提高站位，二要… — not 一要素 / 二要点 (words)
const RE_YAO = new RegExp(`^(${CN})要(?![求素点领闻务害件职])`, "y");
// 第一条 / 第一步 as markers: `第一条，…` `第一步：动员部署` `第二步 集中整改`; not 第一条款 / 第一步骤
const RE_DI_UNIT = new RegExp(`^第(${CN})(条|步)(?:[，,、：:．.　 ]|(?=[\u4e00-\u9fff])(?![款骤目]))`, "y");
// 首先， 其次， 再次， 最后，
const RE_SEQ = /^(首先|其次|再次|最后)[，,、：:]?/y;
const SEQ_ORDINAL: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: LAST };
// 一方面，… ；另一方面，… — a pair: 另一方面 closes it like 最后
const RE_FANG = /^(一方面|另一方面)[，,、：:]?/y;

function run(re: RegExp, text: string, at: number): RegExpExecArray | null {
  // The patterns are anchored with ^ and sticky, so they test `at` only.
  re.lastIndex = 0;
  return re.exec(text.slice(at, at + 16));
}

/** A heading-family marker starting exactly at `at`, or null. */
export function matchHeadingMarker(text: string, at: number): MarkerMatch | null {
  let m = run(RE_PART, text, at);
  if (m) {
    const family: HeadingFamily = m[2] === "章" ? "chapter" : m[2] === "节" ? "section" : "part";
    // The marker as written, without the space that separates it from the heading: `第一部分 主要工作`.
    return { family, ordinal: parseChineseNumeral(m[1]!), marker: m[0].replace(/[\s　]+$/, ""), length: m[0].length };
  }
  m = run(RE_CN_DUN, text, at);
  if (m) return { family: "cn-dun", ordinal: parseChineseNumeral(m[1]!), marker: m[0], length: m[0].length };
  m = run(RE_CN_PAREN, text, at);
  if (m) return { family: "cn-paren", ordinal: parseChineseNumeral(m[1]!), marker: m[0], length: m[0].length };
  m = run(RE_AR_DOT, text, at);
  if (m) return { family: "ar-dot", ordinal: parseArabic(m[1]!), marker: m[0], length: m[0].length };
  m = run(RE_AR_PAREN, text, at);
  if (m) return { family: "ar-paren", ordinal: parseArabic(m[1]!), marker: m[0], length: m[0].length };
  m = run(RE_AR_CLOSE, text, at);
  if (m) return { family: "ar-close", ordinal: parseArabic(m[1]!), marker: m[0], length: m[0].length };
  m = run(RE_CIRCLED, text, at);
  if (m) return { family: "circled", ordinal: m[0].charCodeAt(0) - 0x2460 + 1, marker: m[0], length: 1 };
  return null;
}

/** A point-family marker (一是, 第一，, 首先, 1., (1), ①) starting exactly at `at`, or null. */
export function matchPointMarker(text: string, at: number): MarkerMatch | null {
  let m = run(RE_SHI, text, at);
  if (m) {
    const ordinal = parseChineseNumeral(m[1]!);
    if (Number.isFinite(ordinal)) return { family: "shi", ordinal, marker: m[0], length: m[0].length };
  }
  m = run(RE_DI_UNIT, text, at);
  if (m) {
    const ordinal = parseChineseNumeral(m[1]!);
    if (Number.isFinite(ordinal)) return { family: m[2] === "条" ? "tiao" : "bu", ordinal, marker: m[0].replace(/[\s　]+$/, ""), length: m[0].length };
  }
  m = run(RE_DI, text, at);
  if (m) return { family: "di", ordinal: parseChineseNumeral(m[1]!), marker: m[0], length: m[0].length };
  m = run(RE_YAO, text, at);
  if (m) {
    const ordinal = parseChineseNumeral(m[1]!);
    if (Number.isFinite(ordinal)) return { family: "yao", ordinal, marker: m[0], length: m[0].length };
  }
  m = run(RE_QI, text, at);
  if (m) return { family: "qi", ordinal: parseChineseNumeral(m[1]!), marker: m[0], length: m[0].length };
  m = run(RE_SEQ, text, at);
  if (m) return { family: "seq", ordinal: SEQ_ORDINAL[m[1]!]!, marker: m[0], length: m[0].length };
  m = run(RE_FANG, text, at);
  if (m) return { family: "fang", ordinal: m[1] === "一方面" ? 1 : LAST, marker: m[0], length: m[0].length };
  const h = matchHeadingMarker(text, at);
  if (h && LOW_FAMILIES.has(h.family)) return h;
  return null;
}

/**
 * Characters after which an inline point marker may start a clause:
 * `…要求。一是…`, `…如下：①…；②…`, `…不足，一是…`. A marker glued to a
 * word (`唯一是`, `统一是`) is not a marker.
 */
export const CLAUSE_BOUNDARY = /[。；;：:，,！？!?\s　）)”"]/;

/**
 * Lost-bracket lead (`一实事求是查找问题。` where `（一）` lost its
 * brackets in a scraped copy). The second character must not make a common
 * word with the numeral (一定, 一些, 三个, 二者 …): such a lead is only a
 * candidate, and a run 一X 二X 三X in sequence confirms it.
 */
const BARE_STOP = new Set([..."是个些定直般样致旦项次线度起批贯律体把者年月日名位种类条届轮大中方面并切同再向道手共半下上经期季周天人份场家处流心时带号级等档审孩倍成层句票环"]);
export function matchBareNumeral(text: string, at: number): MarkerMatch | null {
  const m = /^([一二三四五六七八九十]{1,2})(?=[\u4e00-\u9fff])/.exec(text.slice(at, at + 4));
  if (!m) return null;
  const next = text[at + m[1]!.length]!;
  if (BARE_STOP.has(next) || /[一二三四五六七八九十]/.test(next)) return null;
  const ordinal = parseChineseNumeral(m[1]!);
  if (!Number.isFinite(ordinal)) return null;
  return { family: "cn-paren", ordinal, marker: m[1]!, length: m[1]!.length };
}
