/**
 * PDF layout → blocks: pdf.js gives positioned text runs, not lines or
 * paragraphs (mozilla/pdf.js#9732). This module rebuilds
 *   runs → fragments (runs that continue each other on one printed line, in
 *   content-stream order) → running lines removed → tables (fragments in
 *   column bands) and lines → paragraphs (lines joined unless the layout shows
 *   a break) → `Block`s.
 *
 * It relies on two properties of office-made PDFs (Word, WPS, LibreOffice):
 * the content stream follows reading order, and a table is written cell by
 * cell, row by row. Geometry decides everything else.
 *
 * The layout model keeps what the page shows, per printed line: x-start,
 * width, type size, weight (bold / 黑体 runs, from pdf.ts) and, on a
 * two-column page, the column it was read in (pdf-columns.ts: pages are read
 * column by column, each column with its own margins). Paragraph breaks come
 * from the geometry — a first-line indent measured from the leftmost common
 * line start (not the most common one: short indented paragraphs outnumber
 * continuation lines), a line ending short of its column's margin, a
 * `一、` after a sentence end — and from a change of type: size, or weight
 * (a bold heading line, then regular text). Typography reaches the structure
 * stage as the hints DOCX styles give: a wholly bold paragraph is `bold`, a
 * short paragraph set larger than the body gets `styleLevel` by size rank
 * (`styleName: "pdf-size-16"`); centred paragraphs (the title) get none.
 *
 * Coordinates are PDF user space: y grows upwards, so the next line down has
 * a SMALLER y.
 */
import type { Block, ParagraphBlock, TableBlock } from "../model/document.js";
import { columnRegions, type ColumnBox, type ColumnItem } from "./pdf-columns.js";
import { findRunningLines, type BandLine } from "./pdf-running.js";

/** One positioned text run from pdf.js (`TextItem`), reduced to what layout needs. */
export interface PdfTextItem {
  str: string;
  /** Baseline origin. */
  x: number;
  y: number;
  /** Advance width in user space. */
  width: number;
  /** Font size in user space (vertical scale of the text matrix). */
  size: number;
  /** pdf.js's loaded font id (`g_d0_f3`); distinguishes runs, not faces. */
  font: string;
  /** The run's font is bold or 黑体 (pdf.ts, isBoldFont); undefined when unknown. */
  bold?: boolean;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  items: PdfTextItem[];
}

export interface LayoutResult {
  blocks: Block[];
  repairs: Record<string, number>;
}

// ───────────────────────────── characters ─────────────────────────────

// Ideographs, CJK punctuation, full-width forms and the quotes/dashes Chinese
// text uses: “ ” ‘ ’ — … ·
const CJK_CLASS = "\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u2014\\u2018\\u2019\\u201C\\u201D\\u2026\\u00B7\\u3000";
const CJK_RE = new RegExp(`[${CJK_CLASS}]`);
// A space next to a CJK character on either side is a gap pdf.js measured,
// not a space of the text: `2023 年` → `2023年`, `政 协` → `政协`, `（一） 标题` → `（一）标题`.
const SPACE_AFTER_CJK = new RegExp(`([${CJK_CLASS}])[ \\t\\u00A0\\u3000]+(?=\\S)`, "g");
const SPACE_BEFORE_CJK = new RegExp(`(\\S)[ \\t\\u00A0\\u3000]+(?=[${CJK_CLASS}])`, "g");

export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/** Drops spaces between a CJK character and anything else; collapses the rest. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/[\t\u00A0]+/g, " ")
    .replace(SPACE_AFTER_CJK, "$1")
    .replace(SPACE_BEFORE_CJK, "$1")
    .replace(/ {2,}/g, " ")
    .trim();
}

// A line that opens an enumerated point inside a cell: 1. / 2、/ （3）/ (4) / ⑤
const LIST_MARKER_RE = /^(?:\d{1,2}[.．、)）]|[（(]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]+[、是])/;
const ASCII_WORD_END = /[A-Za-z0-9]$/;
const ASCII_WORD_START = /^[A-Za-z0-9]/;

/**
 * Joins two printed lines of one paragraph or cell: no space unless two Latin
 * words meet. Inside a cell, a line opening a numbered point (`2.深化…`) starts
 * a new paragraph of the cell: marked "\n" here (which normalizeSpaces keeps)
 * and turned into the space of the TableBlock convention by cellText().
 */
function joinText(a: string, b: string, markerSpace: boolean): string {
  if (!a) return b;
  if (!b) return a;
  if (markerSpace && LIST_MARKER_RE.test(b)) return `${a}\n${b}`;
  if (ASCII_WORD_END.test(a) && ASCII_WORD_START.test(b) && !isCjk(a.slice(-1))) return `${a} ${b}`;
  return a + b;
}

// ───────────────────────────── fragments ─────────────────────────────

/**
 * Text placed on a page: a fragment, or a line made of fragments. Both carry
 * the same geometry, so one shape serves both (`order`: position of its first
 * run in the page's stream; the geometry is what column detection reads).
 */
interface PlacedText extends ColumnItem {
  page: number;
  /** Non-space characters, and how many of them are set in a bold face. */
  chars: number;
  boldChars: number;
  /** The first / last run is bold (a heading line, a bold lead, a bold tail). */
  boldStart: boolean;
  boldEnd: boolean;
  /** The column the line was read in (two-column pages); undefined: the page's full width. */
  column?: ColumnBox;
}

/** Runs that continue each other on one printed line, in stream order. */
type Fragment = PlacedText;

function buildFragments(page: PdfPage): Fragment[] {
  const out: Fragment[] = [];
  let cur: Fragment | null = null;
  let pendingSpace = false;
  page.items.forEach((it, order) => {
    if (it.str.length === 0) return;
    const size = it.size > 0 ? it.size : 10;
    if (it.str.trim().length === 0) {
      // An explicit space run: remember it, the next run decides.
      if (cur && Math.abs(it.y - cur.y) <= 0.3 * size) pendingSpace = true;
      return;
    }
    const str = it.str.replace(/\s+/g, " ");
    const chars = str.replace(/ /g, "").length;
    const bold = it.bold === true;
    if (cur) {
      const s = Math.max(size, cur.size);
      const sameLine = Math.abs(it.y - cur.y) <= 0.3 * s;
      const gap = it.x - cur.x1;
      if (sameLine && gap >= -0.5 * s && gap <= 0.6 * s) {
        cur.text += (pendingSpace || gap > 0.25 * s ? " " : "") + str;
        cur.x1 = Math.max(cur.x1, it.x + it.width);
        cur.size = Math.max(cur.size, size);
        cur.chars += chars;
        if (bold) cur.boldChars += chars;
        cur.boldEnd = bold;
        pendingSpace = false;
        return;
      }
    }
    cur = { page: page.number, order, x0: it.x, x1: it.x + it.width, y: it.y, size, text: str, chars, boldChars: bold ? chars : 0, boldStart: bold, boldEnd: bold };
    pendingSpace = false;
    out.push(cur);
  });
  return out;
}

/** Fragments grouped by baseline (a printed line across the whole page), top first. */
function bands(frags: Fragment[]): Fragment[][] {
  const sorted = [...frags].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const out: Fragment[][] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0]!.y - f.y) <= 0.4 * Math.max(f.size, last[0]!.size)) last.push(f);
    else out.push([f]);
  }
  for (const b of out) b.sort((a, c) => a.x0 - c.x0);
  return out;
}

function bandText(band: Fragment[]): string {
  return band.map((f) => f.text).join(" ");
}

// ───────────────────────────── tables ─────────────────────────────

interface Cell {
  x0: number;
  x1: number;
  topY: number;
  lastY: number;
  size: number;
  text: string;
}

interface PageTable {
  page: number;
  /** Stream position of its first fragment (to place it among the lines). */
  order: number;
  rows: Cell[][];
}

/**
 * Finds tables on one page. A band (printed line) holding two or more
 * separate fragments is tabular; a table is a stream-contiguous run that
 * starts at a tabular fragment and goes on while fragments stay inside the
 * table's box (same size, x inside, y not far below the table's lowest line).
 * Returns the tables and the fragments left for paragraphs.
 */
function findTables(frags: Fragment[], continuing: boolean): { tables: PageTable[]; rest: Fragment[] } {
  const tabular = new Set<Fragment>();
  let multiBands = 0;
  for (const band of bands(frags)) {
    if (band.length < 2) continue;
    let separated = false;
    for (let i = 1; i < band.length; i++) {
      if (band[i]!.x0 - band[i - 1]!.x1 >= 1.0 * band[i]!.size) separated = true;
    }
    if (!separated) continue;
    multiBands++;
    for (const f of band) tabular.add(f);
  }
  // One line of cells is a table only where it can continue the table the
  // previous page ended with (the tail of a row split by the page break).
  if (multiBands < (continuing ? 1 : 2)) return { tables: [], rest: frags };

  const tables: PageTable[] = [];
  const rest: Fragment[] = [];
  let i = 0;
  while (i < frags.length) {
    const f = frags[i]!;
    if (!tabular.has(f)) {
      rest.push(f);
      i++;
      continue;
    }
    const members: Fragment[] = [f];
    let minX = f.x0;
    let maxX = f.x1;
    let lowY = f.y;
    let topY = f.y;
    const size = f.size;
    let j = i + 1;
    for (; j < frags.length; j++) {
      const g = frags[j]!;
      const inside =
        tabular.has(g) ||
        (Math.abs(g.size - size) <= 0.5 &&
          g.x0 >= minX - size &&
          g.x1 <= maxX + size &&
          g.y >= lowY - 2.2 * size &&
          g.y <= topY + 0.5 * size);
      if (!inside) break;
      members.push(g);
      minX = Math.min(minX, g.x0);
      maxX = Math.max(maxX, g.x1);
      lowY = Math.min(lowY, g.y);
      topY = Math.max(topY, g.y);
    }
    // Header cells of several lines that share no band with another cell
    // (`序` over `号`, vertically centred) come just before the first tabular
    // fragment in the stream: take them back from the paragraph side.
    const headTop = topY;
    while (rest.length) {
      const g = rest[rest.length - 1]!;
      const inside =
        Math.abs(g.size - size) <= 0.5 &&
        g.x0 >= minX - 2 * size &&
        g.x1 <= maxX + size &&
        g.y >= lowY &&
        g.y <= headTop + 1.6 * size;
      if (!inside) break;
      members.unshift(rest.pop()!);
    }
    const rows = buildRows(members);
    const atTop = members[0] === frags[0];
    if ((rows.length >= 2 || (continuing && atTop)) && Math.max(...rows.map((r) => r.length)) >= 2) {
      tables.push({ page: f.page, order: members[0]!.order, rows });
    } else {
      rest.push(...members);
    }
    i = j;
  }
  rest.sort((a, b) => a.order - b.order);
  return { tables, rest };
}

/** Table fragments (stream order) → cells → rows. */
function buildRows(members: Fragment[]): Cell[][] {
  const cells: Cell[] = [];
  let c: Cell | null = null;
  for (const f of members) {
    const s = f.size;
    if (c) {
      const below = f.y < c.lastY - 0.3 * s && c.lastY - f.y < 2.3 * s;
      const overlaps = f.x0 < c.x1 + 0.5 * s && f.x1 > c.x0 - 0.5 * s && f.x0 > c.x0 - 1.5 * s;
      // (Runs side by side on one line were merged into one fragment already;
      // a second fragment on the same line is the next cell: 郑海燕 | 生态环境….)
      if (below && overlaps) {
        c.text = joinText(c.text, f.text, true);
        c.x0 = Math.min(c.x0, f.x0);
        c.x1 = Math.max(c.x1, f.x1);
        c.lastY = Math.min(c.lastY, f.y);
        continue;
      }
    }
    c = { x0: f.x0, x1: f.x1, topY: f.y, lastY: f.y, size: s, text: f.text };
    cells.push(c);
  }
  // A cell that starts below everything of the current row opens the next row.
  const rows: Cell[][] = [];
  let rowBottom = Infinity;
  for (const cell of cells) {
    const row = rows[rows.length - 1];
    if (!row || cell.topY < rowBottom - 0.3 * cell.size) {
      rows.push([cell]);
      rowBottom = cell.lastY;
    } else {
      row.push(cell);
      rowBottom = Math.min(rowBottom, cell.lastY);
    }
  }
  return rows;
}

/** x-range of each column, from the rows that have a cell in every column. */
function columnRanges(rows: Cell[][]): Array<[number, number]> {
  const ncols = Math.max(...rows.map((r) => r.length));
  const ranges: Array<[number, number]> = Array.from({ length: ncols }, () => [Infinity, -Infinity]);
  for (const r of rows) {
    if (r.length !== ncols) continue;
    r.forEach((cell, k) => {
      ranges[k]![0] = Math.min(ranges[k]![0], cell.x0);
      ranges[k]![1] = Math.max(ranges[k]![1], cell.x1);
    });
  }
  return ranges;
}

/** The column a cell falls in: the one it overlaps most (nearest centre on a tie). */
function columnOf(cell: Cell, ranges: Array<[number, number]>, from = 0): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let k = from; k < ranges.length; k++) {
    const [a, b] = ranges[k]!;
    if (!Number.isFinite(a)) continue;
    const score = Math.min(b, cell.x1) - Math.max(a, cell.x0) - Math.abs((a + b) / 2 - (cell.x0 + cell.x1) / 2) * 0.01;
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best < 0 ? Math.min(from, ranges.length - 1) : best;
}

/** A cell's final text: `…项目；` + `2.深化…` → `…项目； 2.深化…`. */
function cellText(text: string): string {
  return normalizeSpaces(text).replace(/\s*\n\s*/g, " ");
}

/** Rows of cells → rows of strings with a fixed column count (empty cells filled by x). */
function gridRows(rows: Cell[][]): string[][] {
  const ranges = columnRanges(rows);
  const ncols = ranges.length;
  return rows.map((r) => {
    if (r.length === ncols) return r.map((cell) => cellText(cell.text));
    const out: string[] = Array.from({ length: ncols }, () => "");
    let next = 0;
    for (const cell of r) {
      const best = columnOf(cell, ranges, next);
      out[best] = joinText(out[best]!, cell.text, true);
      next = Math.min(best + 1, ncols - 1);
    }
    return out.map(cellText);
  });
}

// ───────────────────────────── lines and paragraphs ─────────────────────────────

/** One printed line: the fragments of one band in x order (`order` is its first fragment's). */
type Line = PlacedText;

type Element = { kind: "line"; line: Line } | { kind: "table"; page: number; rows: Cell[][] };

/** Consecutive fragments of one band → one line (x order). */
function fragmentsToLines(frags: Fragment[], column?: ColumnBox): Line[] {
  const lines: Line[] = [];
  let group: Fragment[] = [];
  const flush = (): void => {
    if (!group.length) return;
    const order = group[0]!.order;
    group.sort((a, b) => a.x0 - b.x0);
    lines.push({
      page: group[0]!.page,
      order,
      x0: group[0]!.x0,
      x1: Math.max(...group.map((g) => g.x1)),
      y: group[0]!.y,
      size: Math.max(...group.map((g) => g.size)),
      text: normalizeSpaces(group.map((g) => g.text).join(" ")),
      chars: group.reduce((n, g) => n + g.chars, 0),
      boldChars: group.reduce((n, g) => n + g.boldChars, 0),
      boldStart: group[0]!.boldStart,
      boldEnd: group[group.length - 1]!.boldEnd,
      ...(column ? { column } : {}),
    });
    group = [];
  };
  for (const f of frags) {
    const first = group[0];
    if (first && Math.abs(first.y - f.y) > 0.4 * Math.max(first.size, f.size)) flush();
    group.push(f);
  }
  flush();
  return lines.filter((l) => l.text.length > 0);
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      bestN = n;
      best = v;
    }
  }
  return best;
}

/**
 * The body's left margin: the leftmost x where a fair share of lines start.
 * Not the most common start: in a report of short paragraphs (one or two lines
 * each, headings indented like the body) the first-line indent is the most
 * common start, and taking it as the margin would hide every indent.
 */
function leftEdge(lines: Line[]): number {
  const xs = lines.map((l) => Math.round(l.x0)).sort((a, b) => a - b);
  if (!xs.length) return 0;
  const need = Math.max(2, Math.ceil(xs.length * 0.15));
  for (let i = 0; i < xs.length; i++) {
    let j = i;
    while (j < xs.length && xs[j]! - xs[i]! <= 2) j++;
    if (j - i >= need) return xs[i]!;
  }
  return mode(xs);
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

interface BodyGeometry {
  size: number;
  left: number;
  right: number;
  center: number;
  pitch: number;
}

function bodyGeometry(lines: Line[]): BodyGeometry {
  // Body size: the size carrying most characters.
  const weight = new Map<number, number>();
  for (const l of lines) {
    const s = Math.round(l.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let size = 12;
  let w = -1;
  for (const [s, n] of weight) {
    if (n > w) {
      w = n;
      size = s;
    }
  }
  const sized = lines.filter((l) => Math.abs(l.size - size) <= 0.75);
  // Page-wide margins come from full-width lines; a two-column document has few.
  const wide = sized.filter((l) => !l.column);
  const body = wide.length >= 5 ? wide : sized;
  const left = leftEdge(body.length ? body : lines);
  const right = percentile(
    body.map((l) => l.x1),
    0.9,
  );
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1]!;
    const b = body[i]!;
    const d = a.y - b.y;
    if (a.page === b.page && d > 0.8 * size && d < 3 * size) gaps.push(d);
  }
  const pitch = gaps.length ? percentile(gaps, 0.5) : 1.5 * size;
  return { size, left, right, center: (left + right) / 2, pitch };
}

// A line ending a sentence or a lead-in: 。！？：；… and a closing quote/bracket after one.
const TERMINAL_RE = /[。！？：；…!?:;][”’」』）)]?$/;

const SENTENCE_END_RE = /[。！？!?][”’」』）)]?$/;
// 一、 / （一） / 第一部分 / 第二章 at the start of a line.
const HEADING_START_RE = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部分章节])/;

function isCentered(l: Line, g: BodyGeometry): boolean {
  return Math.abs((l.x0 + l.x1) / 2 - g.center) <= 1.5 * l.size && l.x0 > g.left - 2 * l.size;
}

/** The whole line is set bold (a bold heading line), allowing a stray regular comma. */
function allBold(l: Line): boolean {
  return l.chars > 0 && l.boldChars >= l.chars * 0.9;
}

/** The margins a line is measured against: its column's on a two-column page, else the body's. */
function marginsOf(l: Line, g: BodyGeometry): BodyGeometry {
  const c = l.column;
  if (!c) return g;
  return { ...g, left: c.left, right: c.right, center: (c.left + c.right) / 2 };
}

/** Whether line `b` continues the paragraph that line `a` is in. */
function continues(a: Line, b: Line, page: BodyGeometry): boolean {
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.size - b.size) > 1) return false;
  // A change of weight at the seam: a bold heading line, then regular body text
  // (`理论学习的系统性不够` / `平时学习多是…`), or body text then a bold line.
  if (allBold(a) && !b.boldStart) return false;
  if (!a.boldEnd && allBold(b)) return false;
  const g = marginsOf(b, page);
  const ga = marginsOf(a, page);
  // From one column to the next (or a full-width line): the y jump is the column
  // seam, not a gap between paragraphs.
  const sameColumn = a.column?.index === b.column?.index;
  if (a.page === b.page && sameColumn) {
    const d = a.y - b.y;
    if (d <= 0.3 * size) return false; // moved up: a new column or a misplaced run
    if (d > Math.max(1.7 * g.pitch, 1.9 * size) && d > g.pitch + 0.6 * size) return false;
  }
  const offBody = Math.abs(a.size - g.size) > 0.75;
  // A wrapped title: both lines centred, a size other than the body's — but
  // not a subtitle under it (`——在…会议上的发言`, `（2023年…）`).
  if (offBody && isCentered(a, ga) && isCentered(b, g)) return !/^[—–(（]/.test(b.text);
  // A centred heading in the body size wrapped over two centred lines (the structure
  // stage no longer joins a PDF heading's tail): both lines inset on both sides.
  const inset = (l: Line, m: BodyGeometry): boolean => isCentered(l, m) && l.x0 > m.left + 2 * l.size && l.x1 < m.right - 2 * l.size;
  if (inset(a, ga) && inset(b, g) && !TERMINAL_RE.test(a.text) && !/^[—–(（]/.test(b.text)) return true;
  // First-line indent (two characters in 公文), or a centred/right-aligned line.
  if (b.x0 > g.left + 1.0 * size) return false;
  // The previous line stops short of the right margin: its paragraph ended.
  if (a.x1 < ga.right - 2 * size) return false;
  if (TERMINAL_RE.test(a.text) && a.x1 < ga.right - 0.8 * size) return false;
  // A heading set flush left after a sentence that happened to fill its line:
  // `…落实到位。` / `二、存在的主要问题`.
  if (SENTENCE_END_RE.test(a.text) && HEADING_START_RE.test(b.text)) return false;
  return true;
}

// ───────────────────────────── entry ─────────────────────────────

export function layoutPages(pages: PdfPage[]): LayoutResult {
  const repairs: Record<string, number> = { lineJoins: 0, runningLines: 0, pageNumbers: 0 };

  // 1. Fragments per page, and the outermost bands as running-line candidates.
  const pageFrags = pages.map(buildFragments);
  const candidates: BandLine[] = [];
  const candidateFrags: Fragment[][] = [];
  pageFrags.forEach((frags, p) => {
    const bs = bands(frags);
    const picks = new Set<number>();
    for (const k of [0, 1, bs.length - 2, bs.length - 1]) if (k >= 0 && k < bs.length) picks.add(k);
    for (const k of [...picks].sort((a, b) => a - b)) {
      const band = bs[k]!;
      candidates.push({ page: pages[p]!.number, y: band[0]!.y, text: bandText(band) });
      candidateFrags.push(band);
    }
  });
  const verdicts = findRunningLines(candidates, pages.length);
  const removed = new Set<Fragment>();
  verdicts.forEach((v, i) => {
    if (!v) return;
    for (const f of candidateFrags[i]!) removed.add(f);
    if (v === "pageNumber") repairs.pageNumbers!++;
    else repairs.runningLines!++;
  });

  // 2. Tables and lines per page, in stream order.
  const elements: Element[] = [];
  let gutter: number | null = null;
  pageFrags.forEach((frags) => {
    const kept = frags.filter((f) => !removed.has(f));
    // A table the previous page ended with may go on at the top of this one.
    let continuing = elements[elements.length - 1]?.kind === "table";
    // Column by column on a two-column page; one region (the page) otherwise.
    const cols = columnRegions(kept, gutter);
    gutter = cols.gutter;
    for (const region of cols.regions) {
      const { tables, rest } = findTables(region.items, continuing);
      continuing = false;
      const lines = fragmentsToLines(rest, region.column ?? undefined);
      const items: Array<{ order: number; el: Element }> = lines.map((line) => ({ order: line.order, el: { kind: "line", line } }));
      for (const t of tables) items.push({ order: t.order, el: { kind: "table", page: t.page, rows: t.rows } });
      items.sort((a, b) => a.order - b.order);
      for (const it of items) elements.push(it.el);
    }
  });

  // 3. Merge a table continued on the next page: drop the repeated header row,
  //    glue a row split by the page break (nothing in its first column).
  const merged: Element[] = [];
  for (const el of elements) {
    const prev = merged[merged.length - 1];
    if (el.kind === "table" && prev?.kind === "table" && prev.page < el.page) {
      const rows = [...el.rows];
      const rowText = (r: Cell[]): string => r.map((c) => normalizeSpaces(c.text)).join("\t");
      if (rows.length && rowText(rows[0]!) === rowText(prev.rows[0]!)) {
        rows.shift();
        repairs.tableHeaderRepeats = (repairs.tableHeaderRepeats ?? 0) + 1;
      }
      const ranges = columnRanges(prev.rows);
      const last = prev.rows[prev.rows.length - 1]!;
      const first = rows[0];
      if (first && ranges.length >= 2 && columnOf(first[0]!, ranges) > 0 && columnOf(last[0]!, ranges) === 0) {
        rows.shift();
        for (const cell of first) {
          const k = columnOf(cell, ranges);
          const target = last.find((c) => columnOf(c, ranges) === k);
          if (target) target.text = joinText(target.text, cell.text, true);
          else last.push(cell);
        }
        last.sort((a, b) => a.x0 - b.x0);
        repairs.tableRowJoins = (repairs.tableRowJoins ?? 0) + 1;
      }
      prev.rows.push(...rows);
      continue;
    }
    merged.push(el);
  }

  // 4. Lines → paragraphs.
  const allLines = merged.flatMap((e) => (e.kind === "line" ? [e.line] : []));
  const geom = bodyGeometry(allLines);
  const blocks: Block[] = [];
  const looks: Array<{ block: ParagraphBlock; look: ParagraphLook }> = [];
  let para: OpenParagraph | null = null;
  const flush = (): void => {
    if (para && para.text) {
      const block: ParagraphBlock = { kind: "paragraph", text: normalizeSpaces(para.text), page: para.page };
      const look = paragraphLook(para, geom);
      blocks.push(block);
      looks.push({ block, look });
    }
    para = null;
  };
  for (const el of merged) {
    if (el.kind === "table") {
      flush();
      blocks.push({ kind: "table", rows: gridRows(el.rows), page: el.page } satisfies TableBlock);
      continue;
    }
    const line = el.line;
    const cur = para as OpenParagraph | null;
    if (cur && continues(cur.last, line, geom)) {
      cur.text = joinText(cur.text, line.text, false);
      cur.last = line;
      cur.lines.push(line);
      repairs.lineJoins!++;
    } else {
      flush();
      para = { text: line.text, page: line.page, first: line, last: line, lines: [line] };
    }
  }
  flush();
  boldParagraphs(looks);
  headingSizes(looks, geom);
  return { blocks, repairs };
}

// ───────────────────────────── typography ─────────────────────────────

interface OpenParagraph {
  text: string;
  page: number;
  first: Line;
  last: Line;
  lines: Line[];
}

/** What the page shows of a paragraph: weight, size, centring, length. */
interface ParagraphLook {
  bold: boolean;
  size: number;
  centred: boolean;
  chars: number;
}

function paragraphLook(p: OpenParagraph, g: BodyGeometry): ParagraphLook {
  let chars = 0;
  let boldChars = 0;
  let size = 0;
  for (const l of p.lines) {
    chars += l.chars;
    boldChars += l.boldChars;
    size = Math.max(size, l.size);
  }
  const m = marginsOf(p.first, g);
  // Centred and clearly inset (a full line is "centred" too).
  const centred = p.lines.every((l) => isCentered(l, m)) && p.first.x0 > m.left + 0.5 * p.first.size && p.first.x1 < m.right - 0.5 * p.first.size;
  return { bold: chars > 0 && boldChars >= chars * 0.9, size, centred, chars };
}

/**
 * Whole-bold paragraphs get `bold`, as DOCX paragraphs whose runs are all
 * bold do — unless most of the text is bold (a body set in 黑体 or a bold
 * face): then weight tells nothing about headings.
 */
function boldParagraphs(looks: Array<{ block: ParagraphBlock; look: ParagraphLook }>): void {
  let chars = 0;
  let bold = 0;
  for (const { look } of looks) {
    chars += look.chars;
    if (look.bold) bold += look.chars;
  }
  if (bold >= chars * 0.5) return;
  for (const { block, look } of looks) if (look.bold) block.bold = true;
}

/** Longest paragraph whose type size alone can make it a heading. */
const MAX_SIZED_HEADING = 60;

/**
 * Type larger than the body's is what a Word heading style looks like once
 * printed: short paragraphs set larger than the body get a heading level from
 * their size (the largest size → 1, the next → 2 …), the same hint the DOCX
 * reader takes from `heading 1` / `标题 2` (`styleLevel`, `styleName`
 * `pdf-size-16`). Centred paragraphs are left alone — the title, a subtitle,
 * a signature — and so is anything long enough to be prose.
 */
function headingSizes(looks: Array<{ block: ParagraphBlock; look: ParagraphLook }>, g: BodyGeometry): void {
  const larger = looks.filter(({ block, look }) => !look.centred && look.size >= g.size + 1 && look.chars >= 2 && look.chars <= MAX_SIZED_HEADING && !/[。！？!?；;]$/.test(block.text));
  // Larger type on much of the page is no heading style (a misread body size, a cover page).
  if (larger.length > Math.max(3, looks.length * 0.4)) return;
  const sizes = [...new Set(larger.map(({ look }) => Math.round(look.size)))].sort((a, b) => b - a);
  for (const { block, look } of larger) {
    const rounded = Math.round(look.size);
    block.styleLevel = sizes.indexOf(rounded) + 1;
    block.styleName = `pdf-size-${rounded}`;
  }
}
