/**
 * Unifies punctuation variants that are clearly the same mark, so later
 * stages need one pattern, not five:
 * - the Chinese dash written with box-drawing or horizontal bars
 *   (`――`, `──`, `－－`) → `——`;
 * - a full-width hyphen-minus between digits (`2023－2024年`) → `-`.
 * Curly quotes, full-width commas and the like are kept as written.
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

// ―― (U+2015) / ── (U+2500) / －－ (U+FF0D) pairs and runs: a 破折号 typed with the wrong character
const DASH_RUN = /[\u2015\u2500\uff0d]{2,}/g;
// 2023－2024 / 1－3月
const DIGIT_HYPHEN = /(?<=[0-9])\uff0d(?=[0-9])/g;

export const punctuation: Repair = {
  name: "punctuation",
  run(text) {
    const edits: TextEdit[] = [];
    for (const m of text.matchAll(DASH_RUN)) {
      edits.push({ start: m.index, end: m.index + m[0].length, replacement: "——", kind: "punctuation" });
    }
    for (const m of text.matchAll(DIGIT_HYPHEN)) {
      edits.push({ start: m.index, end: m.index + 1, replacement: "-", kind: "punctuation" });
    }
    return edits;
  },
};
