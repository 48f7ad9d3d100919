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
