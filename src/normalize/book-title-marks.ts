/**
 * 《》 lost as `?` in scraped copies (the site's font had no glyph):
 * `依据?市深化学习实践科学进展观活动方案?和?…工作支配?的要求` →
 * `依据《…方案》和《…支配》的要求`.
 *
 * A pair of ASCII `?` is restored when what it encloses looks like a document
 * title: 2–60 characters without sentence punctuation, ending in a document
 * word (方案/意见/通知/决定/规定/办法/讲话/报告/条例/纲要/安排/规划/摘编 …),
 * or introduced by a verb that takes a title (学习/依据/根据/按照/贯彻/印发 …).
 * A full-width ？ is a real question mark and is never touched.
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

// Document words that end a title; 支配 is the spun form of 安排 (…工作支配?).
const TITLE_END =
  "方案|意见|通知|决定|规定|办法|讲话|报告|条例|纲要|安排|支配|规划|计划|摘编|决议|细则|准则|章程|要点|论述|纪要|汇编|选编|文选|通报|批复|公告|通告|守则|标准|指南|手册|清单|制度|选集|文集|读本|问答|宪法|法|条例|党章|读本|实施方案|工作方案";
const TITLE_VERB = "学习|研读|精读|通读|依据|根据|按照|遵照|贯彻|落实|执行|印发|下发|制定|出台|修订|编印|对照|认真学习|传达";
// ?title? — inner text: no ?, no sentence punctuation, no line break
const PAIR = /\?([^?？\n。！!；;，,：:]{2,60}?)\?/g;
const ENDS_LIKE_TITLE = new RegExp(`(?:${TITLE_END})$`);
const VERB_BEFORE = new RegExp(`(?:${TITLE_VERB})了?$`);

export const bookTitleMarks: Repair = {
  name: "bookTitleMarks",
  run(text) {
    const edits: TextEdit[] = [];
    for (const m of text.matchAll(PAIR)) {
      const inner = m[1]!;
      if (!/[\u3400-\u9fff]/.test(inner)) continue;
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      if (!ENDS_LIKE_TITLE.test(inner) && !VERB_BEFORE.test(before)) continue;
      edits.push({ start: m.index, end: m.index + m[0].length, replacement: `《${inner}》`, kind: "bookTitleMarks", record: true });
    }
    return edits;
  },
};
