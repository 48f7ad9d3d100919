/**
 * Unmarked sub-headings inside marked sections: under `一、主要工作开展情况`
 * a report may go on with headings that carry no number and, in plain text,
 * no typography at all:
 *
 *   一、主要工作开展情况
 *   统计调查任务圆满完成            ← short line, no end punctuation
 *   按时完成农业、工业……依据。      ← a body paragraph
 *   数据质量管控不断加强
 *   建立统计数据质量审核……提高。
 *   …
 *
 * One such line proves nothing (a stray short sentence, a caption); the
 * evidence is the repeated pattern: at least MIN_RUN short lines in a row,
 * each followed by one to MAX_BODY body paragraphs, inside one section with no
 * other heading between them. They become headings of their own family
 * (`unmarked-sub`), one level below the section they are in.
 *
 * It never runs where headings.ts's `unmarkedLines` already works (documents
 * with no 一、 and no heading styles), never takes a line that starts with a
 * marker, and never a line that ends a sentence or a clause (。；，、).
 */
import type { HeadingCandidate } from "./headings.js";
import { CANONICAL_RANK, matchHeadingMarker, matchPointMarker } from "./markers.js";
import { lexiconScores } from "./roles.js";
import type { Unit } from "./units.js";

/** Short lines in a row that make the pattern. */
const MIN_RUN = 3;
/** Body paragraphs allowed between two of them. */
const MAX_BODY = 3;

const SENTENCE_PUNCT = /[。！？!?；;]/;

function isBody(u: Unit | undefined): boolean {
  return !!u && u.text.length > 15 && /[。：:！？；]$/.test(u.text);
}

function shortLine(units: Unit[], i: number): boolean {
  const u = units[i]!;
  const t = u.text;
  if (!u.wholeLine || t.length < 4 || t.length > 30) return false;
  if (/[。！？!?；;：:，,、]$/.test(t) || SENTENCE_PUNCT.test(t) || /[\u3000\t]/.test(t)) return false;
  if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)) return false;
  if (matchHeadingMarker(t, 0) || matchPointMarker(t, 0)) return false;
  // followed on the next line by a body paragraph
  const next = units[i + 1];
  return !!next && next.start - u.end <= 8 && isBody(next);
}

/**
 * Adds `unmarked-sub` candidates to `found` (indexed like `units`) for runs of
 * short lines inside sections that marked headings opened.
 */
export function unmarkedSubheadingRuns(units: Unit[], found: Array<HeadingCandidate | null>, eligible: (i: number) => boolean): void {
  // Only inside a document whose sections are marked (一、, style headings, 第一部分).
  if (!found.some((f) => f && (f.family === "cn-dun" || f.family.startsWith("style-") || f.family === "part" || f.family === "chapter"))) return;
  let run: number[] = [];
  let bodies = 0;
  const flush = (): void => {
    if (run.length >= MIN_RUN) {
      for (const i of run) {
        const u = units[i]!;
        found[i] = {
          family: "unmarked-sub",
          rank: CANONICAL_RANK["cn-paren"] + 0.7,
          ordinal: 0,
          marker: "",
          text: u.text.trim(),
          span: [u.start, u.end],
          headingSpan: [u.start, u.end],
          runIn: false,
          unit: i,
          lastUnit: i,
        };
      }
    }
    run = [];
    bodies = 0;
  };
  for (let i = 0; i < units.length; i++) {
    if (found[i]) {
      // another heading ends the run (the section it was in is over)
      flush();
      continue;
    }
    if (eligible(i) && shortLine(units, i)) {
      // the first one opens right after its section's heading or after body text
      if (run.length === 0 && i > 0 && !found[i - 1] && !isBody(units[i - 1])) continue;
      run.push(i);
      bodies = 0;
      continue;
    }
    if (run.length && isBody(units[i]) && bodies < MAX_BODY) {
      bodies++;
      continue;
    }
    flush();
  }
  flush();
}

/** Lexicon weight at which a heading names its section type (role-lexicon.yaml: 5–8). */
const NAMING_WEIGHT = 5;

/**
 * The section types that close a group of sub-headings when a line names them
 * (`存在的不足`, `原因分析`, `下一步打算`). Not learning or achievements: a
 * sub-heading `持续加强理论学习` under a plan names learning and is still a step.
 */
const CLOSING_ROLES: ReadonlySet<string> = new Set(["problems", "causes", "measures", "next-steps", "analysis"]);

/** The section type a heading names (存在的不足 → problems) if it is one that closes a group, or null. */
function namedRole(text: string): string | null {
  let best: string | null = null;
  let bestV = NAMING_WEIGHT - 0.001;
  for (const [role, v] of Object.entries(lexiconScores(text))) {
    if (role !== "other" && v > bestV) {
      best = role;
      bestV = v;
    }
  }
  return best && CLOSING_ROLES.has(best) ? best : null;
}

/** A short unmarked line: 4–30 characters, no clause or sentence end, no marker, no date. */
function bareLine(units: Unit[], i: number): boolean {
  const u = units[i];
  if (!u || !u.wholeLine) return false;
  const t = u.text;
  if (t.length < 4 || t.length > 30) return false;
  if (/[。！？!?；;：:，,、]$/.test(t) || SENTENCE_PUNCT.test(t) || /[\u3000\t]/.test(t)) return false;
  if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)) return false;
  return !matchHeadingMarker(t, 0) && !matchPointMarker(t, 0);
}

/**
 * Two levels of unmarked headings in a document with no marked ones (plain
 * text, no typography):
 *
 *   主要工作完成情况          ← a short line right above another: a group heading
 *   抓好班子自身建设          ← short line + body paragraph: a sub-heading
 *   坚持把……。
 *   推动重点任务落实
 *   围绕……。
 *   存在的不足                ← names a section type: back at the top level
 *   一是……。
 *
 * A short line followed directly by another short line that opens a body
 * paragraph is a group heading (family `unmarked`, the family headings.ts's
 * `unmarkedLines` gives top-level lines, so the two agree); the short lines
 * after it, each followed by body text, are its sub-headings (`unmarked-sub`)
 * until the next group heading or a line that names another section type
 * than the group (`存在的不足`, `下一步打算`), which is left to `unmarkedLines`. Evidence
 * needed: a group with at least two sub-headings.
 */
export function unmarkedGroups(units: Unit[], found: Array<HeadingCandidate | null>, eligible: (i: number) => boolean): void {
  if (found.some((f) => f && (f.family === "cn-dun" || f.family.startsWith("style-") || f.family === "part" || f.family === "chapter"))) return;
  const isGroup = (i: number): boolean =>
    eligible(i) && !found[i] && bareLine(units, i) && bareLine(units, i + 1) && isBody(units[i + 2]) && (i === 0 || isBody(units[i - 1]) || !eligible(i - 1));
  const groups: Array<{ head: number; subs: number[] }> = [];
  for (let i = 0; i < units.length; i++) {
    if (!isGroup(i)) continue;
    const subs: number[] = [];
    const groupRole = namedRole(units[i]!.text);
    let j = i + 1;
    while (j < units.length && !found[j]) {
      if (j > i + 1 && isGroup(j)) break;
      if (bareLine(units, j) && isBody(units[j + 1])) {
        // `存在的不足` after the sub-headings of 主要工作完成情况 names another section type:
        // the group is over (a result-form sub-heading like 基层党建全面加强 names the same one).
        const named = j > i + 1 ? namedRole(units[j]!.text) : null;
        if (named && named !== groupRole) break;
        subs.push(j);
        j++;
        continue;
      }
      if (isBody(units[j])) {
        j++;
        continue;
      }
      break;
    }
    if (subs.length >= 2) groups.push({ head: i, subs });
    i = j - 1;
  }
  const mark = (i: number, family: string, rank: number): void => {
    const u = units[i]!;
    found[i] = { family, rank, ordinal: 0, marker: "", text: u.text.trim(), span: [u.start, u.end], headingSpan: [u.start, u.end], runIn: false, unit: i, lastUnit: i };
  };
  for (const g of groups) {
    mark(g.head, "unmarked", CANONICAL_RANK["cn-dun"]);
    for (const s of g.subs) mark(s, "unmarked-sub", CANONICAL_RANK["cn-paren"] + 0.7);
  }
}

/**
 * Two levels of bold headings of one size (a PDF or DOCX whose headings are
 * bold body-size type, no numbers): a bold line right above a bold
 * sub-heading is a group heading (`bold-group`, one level up). After a group
 * heading, a bold line that names another section type than the group's
 * (`存在的不足` after `主要工作完成情况`) is a group heading too, back at the
 * top level. Runs after headings.ts's boldLines, which found the sub-headings.
 */
export function boldGroups(units: Unit[], found: Array<HeadingCandidate | null>, eligible: (i: number) => boolean): void {
  const boldShort = (i: number): boolean => {
    const u = units[i];
    if (!u || !u.block?.bold || !u.wholeLine || !eligible(i)) return false;
    const t = u.text;
    if (t.length < 4 || t.length > 30 || SENTENCE_PUNCT.test(t) || /[：:，,、]$/.test(t) || /[\u3000\t]/.test(t)) return false;
    return !matchHeadingMarker(t, 0) && !matchPointMarker(t, 0);
  };
  const mark = (i: number): void => {
    const u = units[i]!;
    found[i] = { family: "bold-group", rank: CANONICAL_RANK["cn-dun"] + 0.4, ordinal: 0, marker: "", text: u.text.trim(), span: [u.start, u.end], headingSpan: [u.start, u.end], runIn: false, unit: i, lastUnit: i };
  };
  let groupRole: string | null | undefined;
  for (let i = 0; i < units.length; i++) {
    const f = found[i];
    if (!f && boldShort(i) && found[i + 1]?.family === "bold" && units[i + 1]!.start - units[i]!.end <= 8) {
      mark(i);
      groupRole = namedRole(units[i]!.text);
      continue;
    }
    if (f?.family === "bold" && groupRole !== undefined) {
      const named = namedRole(units[i]!.text);
      if (named && named !== groupRole) {
        mark(i);
        groupRole = named;
      }
    } else if (f && f.family !== "bold" && f.family !== "bold-group") groupRole = undefined;
  }
}
