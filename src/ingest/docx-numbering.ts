/**
 * Word auto-numbering, restored as text.
 *
 * mammoth (and every plain-text extractor) drops the number of a numbered
 * paragraph: the "一、" of `一、学习调研开展情况` lives in word/numbering.xml,
 * not in the runs (mammoth.js#92). This module reads the definitions
 * (`w:abstractNum/w:lvl`: numFmt, lvlText, start, lvlRestart; `w:num`:
 * abstractNumId + lvlOverride/startOverride) and replays the counters in
 * document order, so `%1、` with chineseCounting renders 一、二、三、, `（%2）`
 * renders （一）（二）, `%1.` with decimal renders 1. 2., decimalEnclosedCircle
 * renders ① ②.
 *
 * Counting rules (what Word does):
 * - counters live per abstract definition: two w:num sharing one abstractNum
 *   continue each other's count, unless the w:num has a startOverride, which
 *   restarts the level the first time that w:num is used (a second list that
 *   "restarts at 1");
 * - advancing a level restarts every deeper level (unless its lvlRestart says
 *   otherwise);
 * - a level never reached shows its start value (`%1.%2` at ilvl 1 first).
 */
import { child, childVal, childrenNamed, type XmlElement } from "./docx-xml.js";

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** "tab" (default), "space" or "nothing": what separates the label from the text. */
  suffix: string;
  /** 1-based level after which this one restarts; 0 = never; undefined = any shallower level. */
  restart?: number;
  /** w:isLgl: show every referenced level as decimal ("1.1" under a 一、 list). */
  legal: boolean;
  /** Style linked to this level (heading numbering: `w:lvl/w:pStyle`). */
  pStyle?: string;
}

interface AbstractDef {
  id: string;
  levels: Array<LevelDef | undefined>;
  /** w:numStyleLink: the definition lives in the numbering style's w:num. */
  numStyleLink?: string;
  styleLink?: string;
}

interface NumDef {
  numId: string;
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

export interface NumberingResult {
  /** Rendered label ("一、", "（二）", "1.", "①"); undefined for bullets. */
  label?: string;
  level: number;
  suffix: string;
  bullet: boolean;
}

function parseLevel(lvl: XmlElement): LevelDef {
  const start = Number(childVal(lvl, "w:start") ?? "1");
  const def: LevelDef = {
    start: Number.isFinite(start) ? start : 1,
    numFmt: childVal(lvl, "w:numFmt") ?? "decimal",
    lvlText: childVal(lvl, "w:lvlText") ?? "",
    suffix: childVal(lvl, "w:suff") ?? "tab",
    legal: child(lvl, "w:isLgl") !== undefined && childVal(lvl, "w:isLgl") !== "false" && childVal(lvl, "w:isLgl") !== "0",
  };
  const restart = childVal(lvl, "w:lvlRestart");
  if (restart !== undefined) def.restart = Number(restart);
  const pStyle = childVal(lvl, "w:pStyle");
  if (pStyle !== undefined) def.pStyle = pStyle;
  return def;
}

export class NumberingDefs {
  readonly abstracts = new Map<string, AbstractDef>();
  readonly nums = new Map<string, NumDef>();

  constructor(root: XmlElement | null) {
    if (!root) return;
    for (const a of childrenNamed(root, "w:abstractNum")) {
      const id = a.attrs["w:abstractNumId"];
      if (id === undefined) continue;
      const levels: Array<LevelDef | undefined> = [];
      for (const lvl of childrenNamed(a, "w:lvl")) {
        const ilvl = Number(lvl.attrs["w:ilvl"] ?? "0");
        if (ilvl >= 0 && ilvl < 9) levels[ilvl] = parseLevel(lvl);
      }
      const def: AbstractDef = { id, levels };
      const nsl = childVal(a, "w:numStyleLink");
      if (nsl !== undefined) def.numStyleLink = nsl;
      const sl = childVal(a, "w:styleLink");
      if (sl !== undefined) def.styleLink = sl;
      this.abstracts.set(id, def);
    }
    for (const n of childrenNamed(root, "w:num")) {
      const numId = n.attrs["w:numId"];
      const abstractId = childVal(n, "w:abstractNumId");
      if (numId === undefined || abstractId === undefined) continue;
      const def: NumDef = { numId, abstractId, startOverrides: new Map(), levelOverrides: new Map() };
      for (const o of childrenNamed(n, "w:lvlOverride")) {
        const ilvl = Number(o.attrs["w:ilvl"] ?? "0");
        const so = childVal(o, "w:startOverride");
        if (so !== undefined && Number.isFinite(Number(so))) def.startOverrides.set(ilvl, Number(so));
        const lvl = child(o, "w:lvl");
        if (lvl) def.levelOverrides.set(ilvl, parseLevel(lvl));
      }
      this.nums.set(numId, def);
    }
  }

  /**
   * The abstract definition a w:num uses, following a numStyleLink to the
   * numbering style's own w:num (`styleNumId` comes from styles.xml).
   */
  abstractFor(num: NumDef, styleNumId: (styleId: string) => string | undefined): AbstractDef | undefined {
    let a = this.abstracts.get(num.abstractId);
    for (let hops = 0; a?.numStyleLink !== undefined && hops < 3; hops++) {
      const linkedNumId = styleNumId(a.numStyleLink);
      const linked = linkedNumId !== undefined ? this.nums.get(linkedNumId) : undefined;
      const next = linked ? this.abstracts.get(linked.abstractId) : undefined;
      if (!next || next === a) break;
      a = next;
    }
    return a;
  }
}

/** Replays the counters of a document, paragraph by paragraph, in order. */
export class NumberingCounter {
  /** Per abstract definition: the current value of each level (undefined = not started). */
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly usedNums = new Set<string>();

  constructor(
    private readonly defs: NumberingDefs,
    private readonly styleNumId: (styleId: string) => string | undefined = () => undefined,
  ) {}

  /** The level a style-linked paragraph sits on (`w:lvl/w:pStyle` = the paragraph's style). */
  levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    if (styleId === undefined) return undefined;
    const num = this.defs.nums.get(numId);
    const a = num ? this.defs.abstractFor(num, this.styleNumId) : undefined;
    const i = a?.levels.findIndex((l) => l?.pStyle === styleId) ?? -1;
    return i >= 0 ? i : undefined;
  }

  /**
   * Advances the counter for a numbered paragraph and returns its label;
   * null when the numId is 0 (numbering removed) or undefined in numbering.xml.
   */
  next(numId: string, ilvl: number): NumberingResult | null {
    if (numId === "0") return null;
    const num = this.defs.nums.get(numId);
    if (!num) return null;
    const abs = this.defs.abstractFor(num, this.styleNumId);
    if (!abs) return null;
    const level = Math.max(0, Math.min(8, ilvl));
    const levelDef = (i: number): LevelDef | undefined => num.levelOverrides.get(i) ?? abs.levels[i];
    let counts = this.counters.get(abs.id);
    if (!counts) {
      counts = [];
      this.counters.set(abs.id, counts);
    }
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      // 1. 2. 3. … then a new list (new w:num, startOverride 1) → 1. again
      for (const [i, v] of num.startOverrides) counts[i] = v - 1;
      for (const i of num.levelOverrides.keys()) if (!num.startOverrides.has(i)) counts[i] = undefined;
    }
    const def = levelDef(level);
    if (!def) return null;
    const cur = counts[level];
    counts[level] = cur === undefined ? def.start : cur + 1;
    // Advancing this level restarts the deeper ones (（一）（二） under 二、 start again at （一）).
    for (let d = level + 1; d < 9; d++) {
      const dd = levelDef(d);
      if (dd?.restart === 0) continue;
      if (dd?.restart !== undefined && dd.restart < level + 1) continue;
      counts[d] = undefined;
    }
    if (def.numFmt === "bullet") return { level, suffix: def.suffix, bullet: true };
    const label = def.lvlText.replace(/%([1-9])/g, (_m, k: string) => {
      const i = Number(k) - 1;
      const ld = levelDef(i);
      const value = counts![i] ?? ld?.start ?? 1;
      if (!ld) return String(value);
      return formatNumber(value, def.legal && i < level ? "decimal" : ld.numFmt);
    });
    return { label, level, suffix: def.suffix, bullet: false };
  }
}

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const CN_LEGAL_DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const CN_LEGAL_UNITS = ["", "拾", "佰", "仟"];
const CN_UNITS = ["", "十", "百", "千"];
const IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸";
const IDEOGRAPH_ZODIAC = "子丑寅卯辰巳午未申酉戌亥";
const FULLWIDTH_DIGITS = "０１２３４５６７８９";

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 10000+ → 一万… */
export function chineseCounting(n: number, digits = CN_DIGITS, units = CN_UNITS): string {
  if (n <= 0) return digits[0]!;
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    const wan = digits === CN_DIGITS ? "万" : "萬";
    return chineseCounting(high, digits, units) + wan + (low === 0 ? "" : (low < 1000 ? digits[0] : "") + chineseCounting(low, digits, units));
  }
  const s = String(n);
  let out = "";
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out) out += digits[0];
    zero = false;
    out += digits[d]! + unit;
  }
  // 十一 not 一十一 (only for the everyday counting style)
  if (digits === CN_DIGITS && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: a … z, aa … zz, aaa …
  const base = upper ? 65 : 97;
  const ch = String.fromCharCode(base + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Renders one counter value in a w:numFmt; unknown formats fall back to decimal. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "decimal":
      return String(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/[0-9]/g, (d) => FULLWIDTH_DIGITS[Number(d)]!);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      // ①…⑳ (U+2460), ㉑…㉟ (U+3251), ㊱…㊿ (U+32B1)
      if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
      if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
      if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
      return String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`; // ⑴
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`; // ⒈
    case "lowerLetter":
      return letters(n, false);
    case "upperLetter":
      return letters(n, true);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
      return chineseCounting(n);
    case "chineseLegalSimplified":
      return chineseCounting(n, CN_LEGAL_DIGITS, CN_LEGAL_UNITS);
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      // 〇一二: digit by digit (2023 → 二〇二三)
      return String(n).replace(/[0-9]/g, (d) => (d === "0" ? "〇" : CN_DIGITS[Number(d)]!));
    case "ideographTraditional":
      return IDEOGRAPH_TRADITIONAL[(n - 1) % 10] ?? String(n);
    case "ideographZodiac":
      return IDEOGRAPH_ZODIAC[(n - 1) % 12] ?? String(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}
