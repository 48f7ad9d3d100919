/**
 * A lone page number left at the very end of a scraped or extracted text:
 * `…准时清理废止。 7`, `…\n— 7 —`, `…\n第7页 共7页`. Only the end of the
 * text is looked at, and only a number set off by white space after a
 * character that ends text (never `共126人` or a date).
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

// …废止。 7   |   …\n— 7 —   |   …\n- 7 -   |   …\n第7页 共7页
const TRAILING = /(?<=[^\s0-9A-Za-z.．])[ \u3000]*\n?[ \u3000]*(?:[1-9][0-9]{0,2}|[—–-]\s*[1-9][0-9]{0,2}\s*[—–-]|第\s*[1-9][0-9]{0,2}\s*页(?:\s*[，,]?\s*共\s*[1-9][0-9]{0,2}\s*页)?)\s*$/;

export const trailingPageNumber: Repair = {
  name: "trailingPageNumber",
  run(text) {
    if (text.length < 200) return [];
    const m = TRAILING.exec(text);
    if (!m || !/\s/.test(m[0][0] ?? "")) return [];
    // the last cell of a table row (合计\t41) is data, not a page number
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    if (text.slice(lineStart).includes("\t")) return [];
    return [{ start: m.index, end: text.length, replacement: "", kind: "trailingPageNumber" }];
  },
};
