/**
 * Title detection: which of the first lines is the document's title.
 *
 * Signals, in order:
 *  1. Skip the furniture that can stand above or around a title: a 密级 or
 *     紧急程度 line (机密★1年 · 特急), a document number (云环党〔2023〕5号),
 *     a red-header issuer line (中共望川区教育局党组文件), a date line
 *     (2023年12月12日 · 二〇二三年十二月), a recipient line (市委： · 市审计局:),
 *     an occasion line (——2024年12月26日在…常委会第二十四次会议上),
 *     a speaker line (…同志 · 党组成员、副局长　刘振宇), an attachment label (附件1).
 *  2. The first remaining line is the title when it reads like one: short, no
 *     sentence-final 。, or ending with a genre noun (总结/报告/材料/提纲/方案…).
 *  3. A title broken over two or three lines (PDF/DOCX centred titles: line 1
 *     ends with 关于/的/和 or lacks the genre noun that line 2 ends with) is
 *     joined without the line break.
 *  4. Scraped one-line copies (`2023年…分析检查总结 依据?市…`): the title ends
 *     at the first space that is followed by the body.
 * It never returns a body sentence: a first line that ends with 。 and has no
 * genre noun gives `null`.
 */
import type { BlockHint, Span } from "../model/document.js";

export interface TitleResult {
  title: string | null;
  span: Span | null;
}

/** Genre nouns a title ends with (2023年度民主生活会个人对照检查发言提纲). */
const TITLE_END =
  /(总结|报告|材料|提纲|方案|情况|讲话|发言|意见|通知|计划|思路|汇报|说明|剖析|清单|台账|对照检查|自查|述职|述廉|纪实|体会|要点|安排|决定|办法|规定|通报|函)(（[^（）]{1,20}）|\([^()]{1,20}\))?$/;
/** Words that show a line is (part of) a title rather than body text. */
const TITLE_WORD = /总结|报告|材料|提纲|方案|对照检查|分析检查|述职|述廉|整改|民主生活会|组织生活会|剖析/;

const SKIP_LINE: Array<[string, RegExp]> = [
  // 机密★1年 · 秘密 · 内部资料 · 特急 · 加急
  ["classification", /^(绝密|机密|秘密|内部|内部资料|内部材料|注意保存|特急|加急|平急|特提|急件)([★☆＊*\s　]|$)/],
  ["classification-star", /^[^。，]{0,8}★/],
  // 云环党〔2023〕5号 · 望教党[2023]12号
  ["doc-number", /[〔［\[【(（]\s*(19|20)\d{2}\s*[〕］\]】)）]\s*第?\s*\d+\s*号/],
  // 中共望川区教育局党组文件 (red header)
  ["red-header", /^(?!.*(关于|的))[^，。：:]{2,30}(文件|简报|通报)$/],
  // 2023年12月12日 · 二〇二三年十二月十二日 · (2023年12月)
  ["date", /^[（(]?\s*([0-9０-９]{4}|[〇○零一二三四五六七八九十]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?\s*[）)]?$/],
  // 市委： · 市审计局: · 各党支部：
  ["recipient", /^[^，。；;！？]{1,30}[：:]$/],
  // ——2018年11月22日在县第十八届人大常委会第二十四次会议上 (the occasion under a delivered report)
  ["occasion", /^[—－-]{1,2}.{0,40}在.{2,60}(会议|大会|会|座谈会|仪式)上(的(讲话|报告|发言))?$/],
  // 附件1 · 附件：
  ["attachment", /^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$/],
];

/** A speaker line under or above the title: 刘振宇同志 · 党组成员、副局长　刘振宇 · 镇长　韦志强. */
function isSpeakerLine(line: string): boolean {
  if (/^[^，。]{0,30}同志[：:]?$/.test(line)) return true;
  if (line.length <= 40 && /[　\s]{1,4}[\u4e00-\u9fa5]{2,4}$/.test(line) && !/[。，；]/.test(line) && !TITLE_END.test(line)) return true;
  // 报告人：刘振宇 · 发言人:…
  if (/^(报告人|发言人|汇报人|述职人)[：:]/.test(line)) return true;
  return false;
}

function skipReason(line: string): string | null {
  for (const [name, re] of SKIP_LINE) if (re.test(line)) return name;
  if (isSpeakerLine(line)) return "speaker";
  return null;
}

interface Line {
  text: string;
  span: Span;
}

/** Non-empty paragraph lines in order (table rows cannot hold a title). */
function candidateLines(text: string, blocks: readonly BlockHint[]): Line[] {
  const lines: Line[] = [];
  if (blocks.length) {
    for (const b of blocks) {
      if (b.kind !== "paragraph") continue;
      const trimmed = trimSpan(text, b.span);
      if (trimmed[1] > trimmed[0]) lines.push({ text: text.slice(trimmed[0], trimmed[1]), span: trimmed });
      if (lines.length >= 12) break;
    }
    return lines;
  }
  let pos = 0;
  for (const raw of text.split("\n")) {
    const trimmed = trimSpan(text, [pos, pos + raw.length]);
    if (trimmed[1] > trimmed[0]) lines.push({ text: text.slice(trimmed[0], trimmed[1]), span: trimmed });
    pos += raw.length + 1;
    if (lines.length >= 12) break;
  }
  return lines;
}

function trimSpan(text: string, span: Span): Span {
  let [s, e] = span;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return [s, e];
}

/** Line 1 of a broken title that needs the next line: 关于 · …的 · …和 · 中共…委员会 without a genre noun. */
function continuesOnNextLine(first: string, next: string): boolean {
  if (TITLE_END.test(first) && !/(关于|的|和|与|及|暨)$/.test(first)) return false;
  if (/[。！？；]$/.test(first) || /[。！？；，]$/.test(next)) return false;
  if (next.length > 40 || skipReason(next)) return false;
  if (/^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十0-9]+[）)]|^[0-9]+[、.．]/.test(next)) return false;
  return TITLE_END.test(next) || /(关于|的|和|与|及|暨)$/.test(first);
}

/** Is a single (maybe joined) line title-like? */
function looksLikeTitle(line: string): boolean {
  if (line.length > 80) return false;
  // A document without a title starts with its first heading: 一、基本情况 · （一）… · 1. … · 第一部分
  if (/^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、](?![0-9])|第[一二三四五六七八九十]+(部分|章|节)|[一二三四五六七八九十]是)/.test(line)) return false;
  if (/[。！？]$/.test(line) && !TITLE_END.test(line.replace(/[。！？]$/, ""))) return false;
  if (/[，。；]/.test(line) && !TITLE_WORD.test(line)) return false;
  return true;
}

/** The title line(s) among the first lines (see the file header). */
export function detectTitle(text: string, blocks: readonly BlockHint[]): TitleResult {
  const lines = candidateLines(text, blocks);
  let i = 0;
  while (i < lines.length && i < 6 && skipReason(lines[i]!.text)) i++;
  const first = lines[i];
  if (!first) return { title: null, span: null };

  // A page marker the normalizer left in place: "1、2023年…总结 依据…" (scraped copies).
  let start = first.span[0];
  let line = first.text;
  const pageMarker = /^[0-9]{1,3}、(?=\S)/.exec(line);
  if (pageMarker && TITLE_WORD.test(line.slice(0, 80))) {
    start += pageMarker[0].length;
    line = line.slice(pageMarker[0].length);
  }

  // Scraped one-line copy: the title stops at the first space followed by body text.
  if (line.length > 80) {
    const gap = /[ 　\t]+/.exec(line);
    if (gap && gap.index >= 6 && gap.index <= 80) {
      const head = line.slice(0, gap.index);
      if (looksLikeTitle(head)) return { title: head, span: [start, start + head.length] };
    }
    return { title: null, span: null };
  }
  if (!looksLikeTitle(line)) return { title: null, span: null };

  // Broken titles: join up to two following lines.
  let title = line;
  let end = first.span[1];
  for (let k = 1; k <= 2; k++) {
    const next = lines[i + k];
    if (!next || !continuesOnNextLine(title, next.text)) break;
    title += next.text;
    end = next.span[1];
  }
  return { title, span: [start, end] };
}
