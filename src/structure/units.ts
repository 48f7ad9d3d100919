/**
 * Paragraph units: the paragraphs the structure stage reasons about.
 *
 * Normally a unit is one line of the normalized text (one paragraph per
 * line). Two kinds of source need more:
 * - scraped copies that hold a whole page (or the whole document) on one line
 *   with paragraphs separated by a space:
 *   `…总结如下: 一、坚持学习,深化贯彻总书记重要讲话精神 坚持以…`
 *   → such long lines are split at spaces between CJK text;
 * - in those "paged" texts a line break is a page break, not a paragraph
 *   end: `…学习调研的根底上\n,组织宽敞干部…` → units are joined across
 *   a line break unless the line ended a sentence.
 * Table rows are never units (the extraction stage reads table cells).
 */
import type { BlockHint, WorkingDocument } from "../model/document.js";
import { matchHeadingMarker, matchPointMarker } from "./markers.js";

export interface Unit {
  /** Offset of the first non-space character. */
  start: number;
  /** End offset (exclusive) of the last non-space character. */
  end: number;
  /** Text of the unit with page-break joins removed (`认真\n撰写` → `认真撰写`). */
  text: string;
  /** Offsets into the document for each character of `text`. */
  map: number[];
  /** The paragraph block the unit starts in, when there is one. */
  block: BlockHint | undefined;
  /** True when the unit is a whole line (not a piece of a space-split line). */
  wholeLine: boolean;
}

/** Lines this long holding spaces between CJK text are page dumps, not paragraphs. */
const LONG_LINE = 120;
/** A line at least this long that stops mid-sentence runs on to the next line (page break). */
const PAGE_LINE = 80;
/** A page marker left at the start of a page line: `7、缘由。` (normally removed by normalize). */
const PAGE_MARKER = /^\d{1,3}、(?=[\u4e00-\u9fff,，。])/;

interface Piece {
  start: number;
  end: number;
  lineStart: boolean;
  lineEnd: boolean;
  block: BlockHint | undefined;
  wholeLine: boolean;
}

/** True when the document holds pages or the whole text on a few long lines. */
export function isPagedText(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim());
  if (!lines.length) return false;
  // A space after CJK text or punctuation (`如下: 一、`, `精神 坚持`, `生活会 12月12日`), not `1200 余份`.
  const long = lines.filter((l) => l.length > LONG_LINE && /[^\sA-Za-z0-9] +\S/.test(l));
  const chars = lines.reduce((n, l) => n + l.length, 0);
  return long.reduce((n, l) => n + l.length, 0) > chars * 0.5;
}

export function buildUnits(doc: Pick<WorkingDocument, "text" | "blocks">): Unit[] {
  const { text } = doc;
  const paged = isPagedText(text);
  const pieces: Piece[] = [];
  const lines = lineSpans(text, doc.blocks);
  // The unfinished last piece of the previous page line: `三、深化剖析,认真` | `撰写分析检查报告 分析…`.
  let tail = "";
  for (const { start, end, block } of lines) {
    if (block?.kind === "table-row") continue;
    const line = text.slice(start, end);
    if (!line.trim()) continue;
    if (paged) {
      // Split at spaces that separate paragraphs: `缘由。 二深化` / `精神 坚持以`.
      let from = 0;
      const re = /(?<=[^\sA-Za-z0-9])[ \u00a0]+(?=\S)/g;
      for (const m of line.matchAll(re)) {
        const next = m.index + m[0].length;
        const before = (from === 0 ? tail : "") + line.slice(from, m.index).replace(PAGE_MARKER, "");
        if (!paragraphSeam(before, line.slice(next, next + 8))) continue;
        pieces.push({ start: start + from, end: start + m.index, lineStart: from === 0, lineEnd: false, block, wholeLine: false });
        from = next;
      }
      pieces.push({ start: start + from, end, lineStart: from === 0, lineEnd: true, block, wholeLine: from === 0 });
      const last = line.slice(from).trimEnd();
      tail = /[。！？!?：:；;]$/.test(last) ? "" : (from === 0 ? tail : "") + last;
    } else {
      pieces.push({ start, end, lineStart: true, lineEnd: true, block, wholeLine: true });
    }
  }
  const units: Unit[] = [];
  let current: { parts: Piece[] } | null = null;
  const flush = () => {
    if (current) units.push(makeUnit(text, current.parts, paged));
    current = null;
  };
  for (const p of pieces) {
    if (!text.slice(p.start, p.end).trim()) continue;
    if (current && paged) {
      const last = current.parts[current.parts.length - 1]!;
      const prevText = text.slice(last.start, last.end).trimEnd();
      const midSentence = !/[。！？!?：:；;]$/.test(prevText);
      const pieceText = text.slice(p.start, p.end);
      // A page line that ends mid-sentence continues on the next line;
      // a space after `、`/`，` or before a page marker `3、写了…` is a page
      // seam too (`开好民主生活会、 2、写好分析检查报告`).
      // Only a long page line continues on the next line; a short line (title, heading) ends itself.
      const lastLine = lineOf(text, last.start);
      if (midSentence && ((p.lineStart && last.lineEnd && lastLine.length > PAGE_LINE) || /[、，,]$/.test(prevText) || PAGE_MARKER.test(pieceText))) {
        current.parts.push(p);
        continue;
      }
    }
    flush();
    current = { parts: [p] };
  }
  flush();
  return units.filter((u) => u.text.length > 0);
}

/**
 * Is this space a paragraph seam of a page dump? After a sentence end
 * (`缘由。 二深化`), before a marker or a page marker (` 一、坚持学习`,
 * ` 3、写了`), or after a marked heading (`一、坚持学习,…精神 坚持以…`,
 * `二、集思广益,…生活会 12月12日…`). Not a space inside a sentence
 * (`意见表 1200 余份`).
 */
function paragraphSeam(before: string, after: string): boolean {
  if (/[。！？!?：:；;…”"]$/.test(before)) return true;
  if (/^\d{1,3}、/.test(after) || matchHeadingMarker(after, 0) || matchPointMarker(after, 0)) return true;
  const lastStop = Math.max(before.lastIndexOf("。"), before.lastIndexOf("！"), before.lastIndexOf("？"), before.lastIndexOf("："), before.lastIndexOf(":"));
  const tail = before.slice(lastStop + 1);
  return tail.length <= 60 && !!matchHeadingMarker(tail, 0);
}

function lineOf(text: string, offset: number): string {
  const a = text.lastIndexOf("\n", offset - 1) + 1;
  const b = text.indexOf("\n", offset);
  return text.slice(a, b < 0 ? text.length : b);
}

function makeUnit(text: string, parts: Piece[], paged: boolean): Unit {
  let out = "";
  const map: number[] = [];
  parts.forEach((p, i) => {
    let s = p.start;
    if (paged) {
      const pm = PAGE_MARKER.exec(text.slice(s, s + 5));
      if (pm && (i > 0 || /^\d{1,3}、[,，]/.test(text.slice(s, s + 6)))) s += pm[0].length;
      // The first page of a scraped copy: `1、2023年工业园区…总结 依据…`.
      else if (s === 0 && /^1、/.test(text)) s += 2;
    }
    for (let k = s; k < p.end; k++) {
      out += text[k];
      map.push(k);
    }
  });
  // Trim while keeping the map aligned.
  let a = 0;
  let b = out.length;
  while (a < b && /[\s\u3000]/.test(out[a]!)) a++;
  while (b > a && /[\s\u3000]/.test(out[b - 1]!)) b--;
  const t = out.slice(a, b);
  const m = map.slice(a, b);
  return {
    start: m[0] ?? parts[0]!.start,
    end: (m[m.length - 1] ?? parts[0]!.start) + 1,
    text: t,
    map: m,
    block: parts[0]!.block,
    wholeLine: parts.length === 1 && parts[0]!.wholeLine,
  };
}

/** Lines of the text with the block each starts in (blocks give table rows and hints). */
function lineSpans(text: string, blocks: BlockHint[]): Array<{ start: number; end: number; block: BlockHint | undefined }> {
  const out: Array<{ start: number; end: number; block: BlockHint | undefined }> = [];
  const byStart = new Map<number, BlockHint>();
  for (const b of blocks) if (!byStart.has(b.span[0])) byStart.set(b.span[0], b);
  let at = 0;
  for (const line of text.split("\n")) {
    out.push({ start: at, end: at + line.length, block: byStart.get(at) ?? blockAt(blocks, at) });
    at += line.length + 1;
  }
  return out;
}

function blockAt(blocks: BlockHint[], offset: number): BlockHint | undefined {
  for (const b of blocks) if (b.span[0] <= offset && offset < b.span[1]) return b;
  return undefined;
}

/** Span in the document of `unit.text.slice(a, b)`. */
export function unitSpan(unit: Unit, a: number, b: number): [number, number] {
  if (b <= a) {
    const at = unit.map[a] ?? unit.end;
    return [at, at];
  }
  return [unit.map[a]!, unit.map[b - 1]! + 1];
}
