/**
 * Heading detection: which paragraph units open a section, with which
 * numbering family, and what the heading text is.
 *
 * Signals, in order of precedence:
 * 1. a Word heading style / outline level (`styleLevel`) — a heading even
 *    without marker text (family `style-N`), or with one (its marker family);
 * 2. a heading-family marker at the start of a unit (`一、`, `（一）`,
 *    `第一部分`, restored auto-numbers included): standalone short lines and
 *    run-in leads `（一）提高政治站位，扛牢整改责任。正文…` (text = lead up
 *    to the first `。`). Over the usual length (50 / 60) a line or lead is a
 *    heading only when a sibling of its family confirms the sequence. `1.` / `（1）` are headings only as standalone short
 *    lines followed by a body paragraph; `1.xxx。more` is an item;
 * 3. lost brackets: `一实事求是查找问题。` … `二深化具体分析缘由。` — a run
 *    of bare numerals 一X 二X 三X at unit starts, in sequence, inside one
 *    parent section that has no typed （一） of its own;
 * 4. `一是X。` leads each of which introduces a block of enumerated
 *    paragraphs (第一，… / 首先… / 1. …): a sub-heading series, not items;
 * 5. short unmarked standalone lines between body paragraphs, only in a
 *    document without `一、` headings or heading styles, and at least two (or
 *    one that names its section type); a short label line may end in `：`
 *    (`存在的问题：`).
 *
 * It never decides levels (tree.ts) nor items (items.ts). The title is
 * never a heading.
 */
import type { Span } from "../model/document.js";
import { matchBareNumeral, matchHeadingMarker, matchPointMarker, type HeadingFamily, CANONICAL_RANK, LOW_FAMILIES } from "./markers.js";
import { lexiconScores } from "./roles.js";
import { unitSpan, type Unit } from "./units.js";
import { boldGroups, unmarkedGroups, unmarkedSubheadingRuns } from "./unmarked-runs.js";

export interface HeadingCandidate {
  /** Family key used to build levels: a HeadingFamily, `style-N`, `shi-lead` or `unmarked`. */
  family: string;
  /** Usual rank of the family (smaller = higher), for tie-breaking. */
  rank: number;
  ordinal: number;
  marker: string;
  /** Heading text without the marker. */
  text: string;
  /** From the marker start to the end of the heading text. */
  span: Span;
  headingSpan: Span;
  /** True for `（一）lead。body…` where the body shares the paragraph. */
  runIn: boolean;
  /** Index of the unit holding the heading (first one when joined). */
  unit: number;
  /** Index of the last unit that belongs to the heading line(s). */
  lastUnit: number;
  /**
   * Longer than a usual heading (a standalone line over MAX_STANDALONE, a lead
   * over MAX_LEAD): kept only when a sibling of the same family confirms the
   * sequence (its ordinal ±1). Internal to detectHeadings.
   */
  long?: boolean;
}

/** Longest standalone heading line, in characters after the marker, without further evidence. */
const MAX_STANDALONE = 50;
/** Longest run-in lead before its `。`, without further evidence. */
const MAX_LEAD = 60;
/**
 * With evidence — the line belongs to a marker sequence (a sibling of the same
 * family with the ordinal before or after it) — a 一、/（一） heading may run
 * longer: `一、坚持以习近平新时代中国特色社会主义思想为指导，在深化理论武装上持续用力，
 * 切实筑牢信仰之基` (~45–70 characters) is not rare in 对照检查材料.
 */
const MAX_LONG = 90;
/** Longest standalone `1.` / `（1）` / `1)` heading line. */
const MAX_LOW_STANDALONE = 40;
const SENTENCE_PUNCT = /[。！？!?；;]/;

function trimHeading(s: string): string {
  return s.replace(/^[\s　:：，,、.．]+/, "").replace(/[\s　:：，,;；。？?]+$/, "");
}

function isBody(u: Unit | undefined, min = 40): boolean {
  return !!u && u.text.length > min && /[。：:！？；]$/.test(u.text);
}

function startsWithMarker(u: Unit | undefined): boolean {
  if (!u) return false;
  return !!(matchHeadingMarker(u.text, 0) || matchPointMarker(u.text, 0));
}

interface Options {
  titleSpan: Span | null;
  /**
   * False when the source's paragraphs are whole (DOCX, DOC): a short line after a
   * heading is then its own paragraph, never the heading's wrapped tail. Unknown
   * (undefined) for PDF and plain text, which may wrap a heading over two lines.
   */
  wrapsLines?: boolean;
}

export function detectHeadings(units: Unit[], options: Options): HeadingCandidate[] {
  const titleEnd = options.titleSpan ? options.titleSpan[1] : -1;
  const found: Array<HeadingCandidate | null> = units.map(() => null);
  const eligible = (i: number) => units[i]!.end > titleEnd && !(options.titleSpan && units[i]!.start < options.titleSpan[1] && units[i]!.end > options.titleSpan[0]);

  // 1–2. Styles and typed markers.
  for (let i = 0; i < units.length; i++) {
    if (!eligible(i)) continue;
    const u = units[i]!;
    const styled = u.block?.styleLevel !== undefined && u.block.span[0] <= u.start && u.wholeLine;
    const m = matchHeadingMarker(u.text, 0);
    if (m && Number.isFinite(m.ordinal)) {
      const c = markerHeading(units, i, m.family as HeadingFamily, m.ordinal, m.marker, m.length, styled, options);
      if (c) {
        found[i] = c;
        continue;
      }
    }
    if (styled && !m && u.text.length <= 80) {
      const text = trimHeading(u.text);
      found[i] = {
        family: `style-${u.block!.styleLevel}`,
        rank: 2 + (u.block!.styleLevel ?? 1),
        ordinal: 0,
        marker: "",
        text,
        span: [u.start, u.end],
        headingSpan: [u.start, u.end],
        runIn: false,
        unit: i,
        lastUnit: i,
      };
    }
  }

  // Long candidates need a sibling of their family next to them in the sequence.
  confirmLong(found);

  // 3. Lost brackets: 一X … 二X … in sequence, between two higher headings.
  bareNumeralRuns(units, found, eligible);

  // 4. 一是X。 leads that each introduce a block of enumerated paragraphs.
  shiLeadSeries(units, found, eligible);

  // 5. Unmarked standalone lines: whole-bold short paragraphs (DOCX), then plain ones.
  boldLines(units, found, eligible);
  boldGroups(units, found, eligible);
  // Two levels of unmarked lines (a group heading right above its first sub-heading) first.
  unmarkedGroups(units, found, eligible);
  unmarkedLines(units, found, eligible);
  // 5b. Runs of unmarked short lines + body paragraphs inside marked sections (unmarked-runs.ts).
  unmarkedSubheadingRuns(units, found, eligible);

  return found.filter((c): c is HeadingCandidate => c !== null);
}

function markerHeading(units: Unit[], i: number, family: HeadingFamily, ordinal: number, marker: string, mlen: number, styled: boolean, options: Options): HeadingCandidate | null {
  const u = units[i]!;
  const rest = u.text.slice(mlen);
  const base = { family, rank: CANONICAL_RANK[family], ordinal, marker, unit: i, lastUnit: i };
  // A heading may end with its own 。 or, as a question, with ？ (`（二）问题出在哪里？`).
  const noSentence = !SENTENCE_PUNCT.test(rest.replace(/[。；;？?]$/, "")) && !/\u3000| {2,}/.test(rest);
  const lowFamily = LOW_FAMILIES.has(family);
  // `一、主要工作：今年以来，…。` is a label with its body run in, not a standalone heading.
  const labelRunIn = /[：:](?=.{6,})/.test(rest) && !colonInQuotedTitle(rest);
  const standalone = rest.length <= MAX_STANDALONE && noSentence && !labelRunIn;
  // A long line without sentence punctuation, followed by body text or a marked line:
  // a long heading if its siblings confirm it (see confirmLong).
  const longLine = !standalone && !lowFamily && noSentence && rest.length <= MAX_LONG && u.wholeLine && !/[。；;]$/.test(rest) && (isBody(units[i + 1], 15) || startsWithMarker(units[i + 1]));
  if (standalone || longLine || (styled && !SENTENCE_PUNCT.test(rest.slice(0, -1)))) {
    if (lowFamily && !styled && !lowFamilyHeading(units, i, family)) return null;
    let text = rest;
    let end = u.text.length;
    let lastUnit = i;
    // A heading broken over two lines (PDF wrap, page break): `四、深入剖析检查，认真撰写` + `领导班子分析检查报告`.
    const next = units[i + 1];
    // Never when the next line is a label of its own (`整改情况：`) or the line after it
    // starts a point, and never in a format whose paragraphs are whole (DOCX/DOC): only
    // PDF text and plain text can carry a wrapped line.
    if (
      options.wrapsLines !== false &&
      next &&
      u.wholeLine &&
      next.wholeLine &&
      next.text.length <= 20 &&
      !/[、，,：:]$/.test(next.text) &&
      !SENTENCE_PUNCT.test(next.text) &&
      !startsWithMarker(next) &&
      isBody(units[i + 2]) &&
      !startsWithMarker(units[i + 2]) &&
      rest.length >= 12 &&
      !/[：:]$/.test(rest)
    ) {
      text = rest + next.text;
      lastUnit = i + 1;
    }
    const hs = unitSpan(u, mlen, end);
    const headingEnd = lastUnit > i ? units[lastUnit]!.end : hs[1];
    const long = longLine && !styled ? { long: true } : {};
    return { ...base, text: trimHeading(text), span: [u.start, headingEnd], headingSpan: [hs[0], headingEnd], runIn: false, lastUnit, ...long };
  }
  if (lowFamily) return null; // run-in 1. (1) ① are items
  // Run-in lead: `（一）提高政治站位，扛牢整改责任。巡察反馈会后…`, `一、基本情况：今年以来…`
  let stop = rest.search(/[。！？!?：:]/);
  // A lead set off by a wide space: `一、总体情况　今年以来，…`.
  const gap = rest.search(/\u3000| {2,}/);
  if (gap >= 2 && (stop < 0 || gap < stop)) stop = gap;
  if (stop < 1 || stop > MAX_LONG) return null;
  const hs = unitSpan(u, mlen, mlen + stop);
  const long = stop > MAX_LEAD && !styled ? { long: true } : {};
  return { ...base, text: trimHeading(rest.slice(0, stop)), span: [u.start, hs[1]], headingSpan: hs, runIn: true, ...long };
}

/** A colon inside a quoted title is no label: `一、认真学习《谈治国理政：第四卷》`. */
function colonInQuotedTitle(rest: string): boolean {
  return /《[^》]*[：:]/.test(rest);
}

/**
 * `1.加强理论学习` + a body paragraph is a heading; `1.xxx。more` is an item.
 * The whole run of same-family paragraphs decides together: in
 * `1.…。正文` `2.…。正文` `3.短句。` the short last one is an item too.
 */
function lowFamilyHeading(units: Unit[], i: number, family: HeadingFamily): boolean {
  const shortLine = (k: number, fam: string) => {
    const u = units[k];
    const m = u && matchHeadingMarker(u.text, 0);
    if (!m || m.family !== fam) return false;
    const rest = u.text.slice(m.length);
    // `1.加强理论学习` / `1.存在的问题：`, not `1.学习不够深入。` nor `1.学习不够，`
    return rest.length <= MAX_LOW_STANDALONE && !/[。！？!?；;，,]$/.test(rest) && !SENTENCE_PUNCT.test(rest);
  };
  // Followed by a body paragraph, or by a standalone line of another family that is
  // (`1.加强理论学习` / `（1）严格落实中心组学习制度` / 正文).
  const opensBody = (k: number) => {
    const next = units[k + 1];
    if (isBody(next, 15) && !startsWithMarker(next)) return true;
    // …or by the points of its block, in another family: `2.存在的主要问题` + `一是…`,
    // `3.下半年工作打算` + `①…`, `1.主要做法` + `首先，…` / `1)…`.
    const pm = next && matchPointMarker(next.text, 0);
    if (pm && pm.family !== family) return true;
    const m = next && matchHeadingMarker(next.text, 0);
    return !!m && m.family !== family && shortLine(k + 1, m.family) && isBody(units[k + 2], 15) && !startsWithMarker(units[k + 2]);
  };
  const standalone = (k: number) => shortLine(k, family) && opensBody(k);
  if (!standalone(i)) return false;
  // Neighbours of the same family (skipping their body paragraphs) must be standalone too.
  for (const dir of [-1, 1]) {
    for (let k = i + dir; k >= 0 && k < units.length; k += dir) {
      const m = matchHeadingMarker(units[k]!.text, 0);
      if (!m) continue;
      // Skip deeper families (`（1）` lines between `1.` lines); stop at a higher one.
      if (m.family !== family) {
        if (CANONICAL_RANK[m.family as HeadingFamily] > CANONICAL_RANK[family]) continue;
        break;
      }
      if (!standalone(k)) return false;
      break;
    }
  }
  return true;
}

/**
 * Drops long candidates that no sibling confirms. A sibling is a candidate of
 * the same family whose ordinal is one before or after, with no candidate of a
 * higher-ranked family between them: `（二）` + a 70-character lead is a heading
 * when `（一）` or `（三）` of the same run is one; a lone `一、` paragraph of 80
 * characters is body text.
 */
function confirmLong(found: Array<HeadingCandidate | null>): void {
  const list = found.map((f, i) => ({ f, i })).filter((x): x is { f: HeadingCandidate; i: number } => x.f !== null);
  const confirmed = (k: number) => {
    const c = list[k]!.f;
    for (const dir of [-1, 1]) {
      for (let j = k + dir; j >= 0 && j < list.length; j += dir) {
        const o = list[j]!.f;
        if (o.family === c.family) {
          if (o.ordinal === c.ordinal + dir) return true;
          break;
        }
        if (o.rank < c.rank) break;
      }
    }
    return false;
  };
  const drop = list.filter((x, k) => x.f.long && !confirmed(k)).map((x) => x.i);
  for (const i of drop) found[i] = null;
  for (const f of found) if (f) delete f.long;
}

function bareNumeralRuns(units: Unit[], found: Array<HeadingCandidate | null>, eligible: (i: number) => boolean): void {
  // Brackets lost in one section need not be lost in all: a section that already has
  // typed （一） children has none to restore, but its neighbour may (a report pasted
  // together from two sources). Scope = the nearest higher heading (一、, style, 第一部分).
  const scopeOf: number[] = [];
  let scope = -1;
  for (let i = 0; i < units.length; i++) {
    const f = found[i];
    if (f && f.rank < CANONICAL_RANK["cn-paren"]) scope = i;
    scopeOf.push(scope);
  }
  const typedScopes = new Set<number>();
  found.forEach((f, i) => {
    if (f && f.family === "cn-paren") typedScopes.add(scopeOf[i]!);
  });
  // Candidates: unit starts `一实事求是查找问题。…`, lead ≤ 30 characters.
  const cand: Array<{ i: number; ordinal: number; lead: number; marker: string }> = [];
  for (let i = 0; i < units.length; i++) {
    if (found[i] || !eligible(i) || typedScopes.has(scopeOf[i]!)) continue;
    const u = units[i]!;
    if (matchPointMarker(u.text, 0)) continue;
    const m = matchBareNumeral(u.text, 0);
    if (!m) continue;
    const rest = u.text.slice(m.length);
    const stop = rest.search(/[。！？!?]/);
    const lead = stop >= 2 && stop <= 30 ? stop : rest.length <= 30 && !SENTENCE_PUNCT.test(rest) ? rest.length : -1;
    if (lead < 0) continue;
    cand.push({ i, ordinal: m.ordinal, lead, marker: m.marker });
  }
  // Runs 1, 2, 3… with no higher heading in between.
  const higherBetween = (a: number, b: number) => {
    for (let k = a + 1; k < b; k++) {
      const f = found[k];
      if (f && f.rank <= CANONICAL_RANK["cn-paren"]) return true;
    }
    return false;
  };
  for (let s = 0; s < cand.length; s++) {
    if (cand[s]!.ordinal !== 1) continue;
    const run = [cand[s]!];
    for (let t = s + 1; t < cand.length; t++) {
      const last = run[run.length - 1]!;
      if (cand[t]!.ordinal === last.ordinal + 1 && !higherBetween(last.i, cand[t]!.i)) run.push(cand[t]!);
      else if (cand[t]!.ordinal === 1) break;
    }
    if (run.length < 2) continue;
    for (const c of run) {
      const u = units[c.i]!;
      const hs = unitSpan(u, c.marker.length, c.marker.length + c.lead);
      const runIn = c.marker.length + c.lead < u.text.length - 1;
      found[c.i] = {
        family: "cn-paren",
        rank: CANONICAL_RANK["cn-paren"],
        ordinal: c.ordinal,
        marker: c.marker,
        text: trimHeading(u.text.slice(c.marker.length, c.marker.length + c.lead)),
        span: [u.start, hs[1]],
        headingSpan: hs,
        runIn,
        unit: c.i,
        lastUnit: c.i,
      };
    }
  }
}

function shiLeadSeries(units: Unit[], found: Array<HeadingCandidate | null>, eligible: (i: number) => boolean): void {
  // `一是查找问题力求准。院党委…：` + `第一，…` paragraphs, `二是剖析原因力求深。…` + `首先，…其次…`
  const members: Array<{ i: number; ordinal: number; marker: string; lead: number }> = [];
  const flushSeries = () => {
    if (members.length >= 2) {
      for (const c of members) {
        const u = units[c.i]!;
        const hs = unitSpan(u, c.marker.length, c.marker.length + c.lead);
        found[c.i] = {
          family: "shi-lead",
          rank: CANONICAL_RANK["cn-paren"] + 0.5,
          ordinal: c.ordinal,
          marker: c.marker,
          text: trimHeading(u.text.slice(c.marker.length, c.marker.length + c.lead)),
          span: [u.start, hs[1]],
          headingSpan: hs,
          runIn: true,
          unit: c.i,
          lastUnit: c.i,
        };
      }
    }
    members.length = 0;
  };
  for (let i = 0; i < units.length; i++) {
    if (found[i]) {
      flushSeries();
      continue;
    }
    if (!eligible(i)) continue;
    const u = units[i]!;
    const m = matchPointMarker(u.text, 0);
    if (!m || m.family !== "shi") continue;
    const expected = members.length + 1;
    if (m.ordinal !== expected) {
      flushSeries();
      if (m.ordinal !== 1) continue;
    }
    const rest = u.text.slice(m.length);
    const stop = rest.search(/[。！？!?]/);
    // Each member must be followed by at least one enumerated paragraph before the next member.
    let j = i + 1;
    let enumerated = 0;
    while (j < units.length && !found[j]) {
      const pm = matchPointMarker(units[j]!.text, 0);
      if (pm && pm.family === "shi") break;
      if (pm || hasInlineSeries(units[j]!.text)) enumerated++;
      j++;
    }
    if (stop < 2 || stop > 30 || enumerated === 0) {
      flushSeries();
      continue;
    }
    members.push({ i, ordinal: m.ordinal, marker: m.marker, lead: stop });
  }
  flushSeries();
}

/** `首先，…。其次，…` / `…：一是…；二是…` in one paragraph. */
function hasInlineSeries(text: string): boolean {
  return /(?:^|[。；;：:，,])\s*(?:首先|一是|第一[，,、])[\s\S]*(?:其次|二是|第二[，,、])/.test(text);
}

function unmarkedLines(units: Unit[], found: Array<HeadingCandidate | null>, eligible: (i: number) => boolean): void {
  if (found.some((f) => f && (f.family === "cn-dun" || f.family.startsWith("style-") || f.family === "part" || f.family === "chapter"))) return;
  // The last body paragraph: anything after it is a signature or a date.
  let lastBody = -1;
  for (let i = 0; i < units.length; i++) if (isBody(units[i], 15)) lastBody = i;
  const cand: number[] = [];
  for (let i = 1; i < lastBody; i++) {
    if (found[i] || !eligible(i)) continue;
    const u = units[i]!;
    const t = u.text;
    if (!u.wholeLine || t.length < 4 || t.length > 30) continue;
    // `主要工作成效：` / `存在的问题：` / `明年工作打算：` on a line of their own are labels
    // that head what follows — short and heading-like, not a lead-in sentence
    // (`现将有关情况报告如下：`), a salutation (`各位领导、同志们：`) or a field of a
    // rectification block (`问题一：…。` + `整改措施：`, read by the extraction stage).
    const label = /[：:]$/.test(t) && labelLine(t.slice(0, -1), units[i - 1]);
    if (!label && /[。！？!?；;：:，,、]$/.test(t)) continue;
    if (SENTENCE_PUNCT.test(t) || /[\u3000\t]/.test(t)) continue;
    if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)) continue;
    if (startsWithMarker(u) || !adjacent(units, i)) continue;
    // Between body text: after a paragraph (or a heading) and before a paragraph.
    const prevOk = isBody(units[i - 1], 15) || !!found[i - 1];
    if (!prevOk || !(isBody(units[i + 1], 15) || startsWithMarker(units[i + 1]))) continue;
    cand.push(i);
  }
  // One line alone is a heading only when it names a section type (存在的问题：, 下一步打算).
  if (cand.length === 1 && !namesSection(trimHeading(units[cand[0]!]!.text))) return;
  if (!cand.length) return;
  for (const i of cand) {
    const u = units[i]!;
    found[i] = {
      family: "unmarked",
      rank: CANONICAL_RANK["cn-dun"],
      ordinal: 0,
      marker: "",
      text: trimHeading(u.text),
      span: [u.start, u.end],
      headingSpan: [u.start, u.end],
      runIn: false,
      unit: i,
      lastUnit: i,
    };
  }
}

/** Lexicon weight at which a heading names its section type (role-lexicon.yaml: 5–8). */
const NAMING_WEIGHT = 5;

function namesSection(text: string): boolean {
  const scores = lexiconScores(text);
  return Object.entries(scores).some(([role, v]) => role !== "other" && v >= NAMING_WEIGHT);
}

/** `存在的问题` (before its `：`) as a label line: short, no clause inside, not a lead-in nor a block field. */
function labelLine(core: string, prev: Unit | undefined): boolean {
  if (core.length < 4 || core.length > 16 || /[，,、。；;：:]/.test(core)) return false;
  if (/如下|以下|同志|领导|各位|尊敬|报告|汇报/.test(core)) return false;
  // 问题一：…。 / 存在问题：… / 关于…的问题。 then 整改措施： — a field of that block
  if (prev && /^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?)?(?:问题[一二三四五六七八九十\d]*[：:]|存在(?:的)?(?:主要|突出)?问题[：:]|关于)/.test(prev.text)) return false;
  return true;
}

/** A whole-bold short paragraph between body paragraphs (DOCX without heading styles): `深化学习调研，夯实思想基础`. */
function boldLines(units: Unit[], found: Array<HeadingCandidate | null>, eligible: (i: number) => boolean): void {
  for (let i = 1; i + 1 < units.length; i++) {
    const u = units[i]!;
    if (found[i] || !eligible(i) || !u.block?.bold || !u.wholeLine) continue;
    const t = u.text;
    if (t.length < 4 || t.length > 30 || SENTENCE_PUNCT.test(t) || /[：:，,、]$/.test(t) || /[\u3000\t]/.test(t)) continue;
    if (startsWithMarker(u) || !adjacent(units, i) || !(isBody(units[i + 1], 15) || startsWithMarker(units[i + 1]))) continue;
    found[i] = {
      family: "bold",
      rank: CANONICAL_RANK["cn-dun"] + 0.5,
      ordinal: 0,
      marker: "",
      text: trimHeading(t),
      span: [u.start, u.end],
      headingSpan: [u.start, u.end],
      runIn: false,
      unit: i,
      lastUnit: i,
    };
  }
}

/** The next unit follows on the next line (no table in between): `表1 整改任务清单` above a table is no heading. */
function adjacent(units: Unit[], i: number): boolean {
  const next = units[i + 1];
  // One line break plus an indent (`　　`) at most; a table row in between is far longer.
  return !!next && next.start - units[i]!.end <= 8;
}
