/**
 * NFKC for the characters where it helps and nothing else: full-width ASCII
 * digits and letters, ％ and ． (`４１条` → `41条`, `９３．５％` → `93.5%`,
 * `ＧＤＰ` → `GDP`) and the ideographic space (`副局长　刘振宇` → one space).
 *
 * Chinese full-width punctuation (，。：；（）“”) is NOT touched: it is the
 * text as written, and gold texts keep it. A full-width `．` is converted only
 * after a digit (`９３．５`, `１．`), because elsewhere it may be a stray dot
 * the reader should see.
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

// A run of full-width alphanumerics and ％, with ． allowed inside after a digit.
const FULLWIDTH_RUN = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05](?:[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]|(?<=[\uff10-\uff190-9])\uff0e)*|(?<=[0-9])\uff0e(?=[0-9\uff10-\uff19])|\u3000+/g;

export const nfkc: Repair = {
  name: "nfkc",
  run(text) {
    const edits: TextEdit[] = [];
    for (const m of text.matchAll(FULLWIDTH_RUN)) {
      const original = m[0];
      const replacement = original[0] === "\u3000" ? " " : original.normalize("NFKC");
      if (replacement !== original) edits.push({ start: m.index, end: m.index + original.length, replacement, kind: "nfkc" });
    }
    return edits;
  },
};
