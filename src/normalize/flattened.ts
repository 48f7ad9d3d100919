/**
 * A body flattened into one line: scraped copies where every line break was
 * lost (`…分析检查报告 根据县委…。一、近年来…的基本情况  近年来，…。二、存在的
 * 突出问题 （一）发展理念…`), often with stray spaces inside words
 * (`学习 贯彻`, `意 识形态`).
 *
 * Applies only to a text whose longest line is ≥ 400 characters, holds
 * ≥ 70 % of the text and has two heading markers or more inside. Then, as a reader would, a line break goes
 *   - where two or more spaces stand (a paragraph seam the copy kept);
 *   - before a heading marker 一、…十、 or （一）… after a sentence end
 *     (。！？) or a space;
 *   - after the title (the first space, when the words before it end with a
 *     genre noun: 报告/材料/总结 …);
 *   - after a marked heading: the first space within 50 characters of
 *     its marker with no sentence punctuation before it;
 *   - before a signature: a short unpunctuated tail after the last 。, and a
 *     date at the very end.
 * Every other single space between two Chinese characters is a stray space
 * and is removed (`straySpaces`). Line breaks inserted are counted as
 * `lineSplits`.
 *
 * Never runs on Word files or PDFs, nor on a text with ordinary lines.
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

const HAN = "\\u4e00-\\u9fff";
const MARKER = "(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])";
const GENRE_END = /(总结|报告|材料|提纲|方案|情况|汇报|发言|通报|清单|思路)$/;

export function findFlattenedSplits(text: string): TextEdit[] {
  let longest = { start: 0, end: 0 };
  let pos = 0;
  for (const raw of text.split("\n")) {
    if (raw.length > longest.end - longest.start) longest = { start: pos, end: pos + raw.length };
    pos += raw.length + 1;
  }
  const len = longest.end - longest.start;
  if (len < 400 || len < text.length * 0.7) return [];
  const line = text.slice(longest.start, longest.end);
  // a body flattened with its outline: at least two heading markers inside the line
  if ((line.match(new RegExp(`(?<=[。！？ \\u3000])${MARKER}`, "g"))?.length ?? 0) < 2) return [];
  const base = longest.start;
  const edits: TextEdit[] = [];
  const split = (start: number, end: number) => edits.push({ start: base + start, end: base + end, replacement: "\n", kind: "lineSplits" });
  const taken = new Set<number>();

  // the title: first space within 80 characters after a genre noun
  const firstGap = /[ \u3000]+/.exec(line);
  if (firstGap && firstGap.index >= 6 && firstGap.index <= 80 && GENRE_END.test(line.slice(0, firstGap.index)) && !/[。！？]/.test(line.slice(0, firstGap.index))) {
    split(firstGap.index, firstGap.index + firstGap[0].length);
    taken.add(firstGap.index);
  }
  for (const m of line.matchAll(/[ \u3000]{2,}/g)) {
    if (taken.has(m.index)) continue;
    split(m.index, m.index + m[0].length);
    taken.add(m.index);
  }
  // a single space before a marker: `问题 （一）发展…` · `。 （四）`
  for (const m of line.matchAll(new RegExp(`(?<=[^ \\u3000])[ \\u3000](?=${MARKER})`, "g"))) {
    if (taken.has(m.index)) continue;
    split(m.index, m.index + 1);
    taken.add(m.index);
  }
  // glued after a sentence end: `差距。二、存在的…`
  for (const m of line.matchAll(new RegExp(`(?<=[。！？])(?=${MARKER})`, "g"))) split(m.index, m.index);
  // a heading's end: `一、深化学习,进一步提高…认识 在学习调研阶段…` — the first space within 50
  // characters after a marker, with no sentence punctuation before it
  for (const m of line.matchAll(new RegExp(`(?<=^|[。！？ \u3000])${MARKER}`, "g"))) {
    const rest = line.slice(m.index, m.index + 52);
    // `四、整改措施和今后努力方向（一）进一步…`: a sub-marker glued to the heading ends it too
    const gap = /[ \u3000]|[（(][一二三四五六七八九十]{1,2}[）)]/.exec(rest.slice(m[0].length));
    if (!gap) continue;
    const rel = m[0].length + gap.index;
    if (/[。！？；]/.test(rest.slice(0, rel))) continue;
    const at = m.index + rel;
    if (taken.has(at) || taken.has(at - 1)) continue;
    if (/^[（(]/.test(gap[0])) split(at, at);
    else split(at, at + 1);
    taken.add(at);
  }
  // the signature: `…取得实效。中共澄溪县水利局党组 2009年5月20日`
  const date = /[ \u3000]+((19|20)\d{2}年\d{1,2}月(\d{1,2}日)?)\s*$/.exec(line);
  if (date && !taken.has(date.index)) {
    split(date.index, date.index + /^[ \u3000]+/.exec(date[0])![0].length);
    taken.add(date.index);
  }
  const lastStop = Math.max(line.lastIndexOf("。"), line.lastIndexOf("！"));
  if (lastStop > 0) {
    const tail = line.slice(lastStop + 1, date ? date.index : line.length).trim();
    if (tail.length >= 2 && tail.length <= 30 && !/[，。；：]/.test(tail)) split(lastStop + 1, lastStop + 1);
  }
  // stray spaces inside words: `学习 贯彻` · `意 识形态`
  for (const m of line.matchAll(new RegExp(`(?<=[${HAN}])[ \\u3000](?=[${HAN}])`, "g"))) {
    if (taken.has(m.index)) continue;
    edits.push({ start: base + m.index, end: base + m.index + 1, replacement: "", kind: "straySpaces" });
  }
  return edits;
}

export const flattened: Repair = {
  name: "lineSplits",
  run(text, ctx) {
    if (ctx.raw.format !== "txt" && ctx.raw.format !== "md") return [];
    return findFlattenedSplits(text);
  },
};
