/**
 * Removes spaces that no writer typed between Chinese characters:
 * - letter-spaced titles and labels: three or more single characters each
 *   followed by one space (`工 作 总 结` → `工作总结`);
 * - a space between a number and its unit (`2023 年`, `41 条`, `96.2 %`), as
 *   PDF extraction leaves them.
 * A space between two longer runs of Chinese is NOT removed: in scraped copies
 * a single space is the paragraph separator (`…的生疏 在学习调研阶段…`), and
 * in PDF text line-level joins are the PDF reader's job.
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

const HAN = "\\u3400-\\u9fff";
// 工 作 总 结 — each run one character long; the whole sequence bounded by non-Han.
const LETTER_SPACED = new RegExp(`(?<![${HAN}])[${HAN}](?: [${HAN}]){2,}(?![${HAN}])`, "g");
// 2023 年 / 41 条 / 96.2 % — digits, spaces, then a unit character
const NUMBER_UNIT = /(?<=[0-9])[ \u00a0]+(?=[年月日号时个条项份人名次场家户万亿元%％])/g;

export const cjkSpaces: Repair = {
  name: "cjkSpaces",
  run(text) {
    const edits: TextEdit[] = [];
    for (const m of text.matchAll(LETTER_SPACED)) {
      for (let i = 1; i < m[0].length; i += 2) edits.push({ start: m.index + i, end: m.index + i + 1, replacement: "", kind: "cjkSpaces" });
    }
    for (const m of text.matchAll(NUMBER_UNIT)) {
      edits.push({ start: m.index, end: m.index + m[0].length, replacement: "", kind: "cjkSpaces" });
    }
    return edits;
  },
};
