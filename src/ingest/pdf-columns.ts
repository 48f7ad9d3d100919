/**
 * Columns of a PDF page: a work summary set in two columns puts two printed
 * lines side by side on every baseline. Read across, those lines look like a
 * table (two separate fragments per band) or like one paragraph per line
 * (each line stops far from the page's right margin). Read column by column,
 * they are ordinary paragraphs.
 *
 * Signals: a vertical gutter — an x-range at least a character wide, in the
 * middle half of the text, that no line crosses except a few full-width ones
 * (the title, a heading across the page) — with running text on both sides:
 * at least six lines each, most of them filling their column (wrapped prose
 * ends at a common right edge; table cells do not), columns of comparable
 * width. A page without such a gutter is one region, in stream order, exactly
 * as before.
 *
 * Reading order: the page is cut at each full-width line; between cuts the
 * left column is read top to bottom, then the right one. Never more than two
 * columns (three-column reports are not a genre here), and never across pages:
 * each page decides alone.
 */

/** What columns need of a fragment (pdf-layout's PlacedText). */
export interface ColumnItem {
  order: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/** Horizontal extent of the column a line was read in (user space). */
export interface ColumnBox {
  /** 0 = left, 1 = right. */
  index: number;
  left: number;
  right: number;
}

export interface Region<T extends ColumnItem> {
  items: T[];
  /** null: a full-width stretch of the page. */
  column: ColumnBox | null;
}

/** Lines per column below which a gutter is not trusted. */
const MIN_COLUMN_LINES = 6;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/** Finds the gutter x of a two-column page, or null. */
export function findGutter<T extends ColumnItem>(items: T[]): number | null {
  const text = items.filter((f) => f.text.replace(/\s/g, "").length >= 2);
  if (text.length < 2 * MIN_COLUMN_LINES) return null;
  const size = median(text.map((f) => f.size)) || 10;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const f of text) {
    minX = Math.min(minX, f.x0);
    maxX = Math.max(maxX, f.x1);
  }
  const width = maxX - minX;
  if (!(width > 10 * size)) return null;
  // Coverage per point of x: how many fragments cross it.
  const n = Math.ceil(width) + 2;
  const diff = new Int32Array(n + 1);
  for (const f of text) {
    const a = Math.max(0, Math.floor(f.x0 - minX));
    const b = Math.min(n, Math.ceil(f.x1 - minX));
    diff[a]! += 1;
    diff[b]! -= 1;
  }
  const crossMax = Math.max(2, Math.floor(text.length * 0.12));
  // The widest stretch of low coverage in the middle half of the text.
  let best: [number, number] | null = null;
  let run = -1;
  let cover = 0;
  const lo = Math.floor(width * 0.25);
  const hi = Math.ceil(width * 0.75);
  for (let x = 0; x <= n; x++) {
    cover += diff[x] ?? 0;
    const inside = x >= lo && x <= hi && cover <= crossMax;
    if (inside && run < 0) run = x;
    if ((!inside || x === n) && run >= 0) {
      const end = inside ? x + 1 : x;
      if (!best || end - run > best[1] - best[0]) best = [run, end];
      run = -1;
    }
  }
  if (!best || best[1] - best[0] < 0.8 * size) return null;
  const gutter = minX + (best[0] + best[1]) / 2;
  const left = text.filter((f) => f.x1 <= gutter);
  const right = text.filter((f) => f.x0 >= gutter);
  if (left.length < MIN_COLUMN_LINES || right.length < MIN_COLUMN_LINES) return null;
  if (left.length + right.length < text.length * 0.8) return null;
  const lw = gutter - minX;
  const rw = maxX - gutter;
  if (lw < rw * 0.5 || rw < lw * 0.5) return null;
  // Running text: most lines of each column reach its right edge.
  const fills = (side: T[]): boolean => {
    const edge = Math.max(...side.map((f) => f.x1));
    const start = Math.min(...side.map((f) => f.x0));
    if (edge - start < 8 * size) return false;
    return side.filter((f) => f.x1 >= edge - 1.2 * f.size).length >= side.length * 0.5;
  };
  if (!fills(left) || !fills(right)) return null;
  return gutter;
}

/**
 * Splits a page's fragments into regions in reading order (see the header).
 * Items keep their objects; their `order` is left as it was.
 */
export function columnRegions<T extends ColumnItem>(items: T[], previousGutter: number | null = null): { regions: Region<T>[]; gutter: number | null } {
  const gutter = findGutter(items) ?? keepsGutter(items, previousGutter);
  if (gutter === null) return { regions: [{ items, column: null }], gutter: null };
  // Full-width items (crossing the gutter) cut the page into horizontal stretches.
  const spans = items.filter((f) => f.x0 < gutter && f.x1 > gutter);
  const cuts = [...new Set(spans.map((f) => f.y))].sort((a, b) => b - a);
  // Stretch key: column text between cut j-1 and cut j → 2j; the full-width line(s) at cut j → 2j+1.
  const keyOf = (f: T): number => {
    const full = f.x0 < gutter && f.x1 > gutter;
    let above = 0;
    while (above < cuts.length && f.y < cuts[above]! - 0.3 * f.size) above++;
    return full ? 2 * Math.max(0, above) + 1 : 2 * above;
  };
  const boxes: [ColumnBox, ColumnBox] = [
    { index: 0, left: Infinity, right: -Infinity },
    { index: 1, left: Infinity, right: -Infinity },
  ];
  const regions: Region<T>[] = [];
  const byStretch = new Map<number, { full: T[]; cols: [T[], T[]] }>();
  for (const f of items) {
    const k = keyOf(f);
    let s = byStretch.get(k);
    if (!s) {
      s = { full: [], cols: [[], []] };
      byStretch.set(k, s);
    }
    if (k % 2 === 1) s.full.push(f);
    else {
      const c = (f.x0 + f.x1) / 2 < gutter ? 0 : 1;
      s.cols[c].push(f);
      boxes[c].left = Math.min(boxes[c].left, f.x0);
      boxes[c].right = Math.max(boxes[c].right, f.x1);
    }
  }
  // Stream order inside a column: top to bottom whether the producer wrote the page
  // column by column or line by line across both columns, and tables keep their cell order.
  const byOrder = (a: T, b: T): number => a.order - b.order;
  for (const k of [...byStretch.keys()].sort((a, b) => a - b)) {
    const s = byStretch.get(k)!;
    if (s.full.length) regions.push({ items: s.full.sort(byOrder), column: null });
    s.cols.forEach((col, c) => {
      if (col.length) regions.push({ items: col.sort(byOrder), column: boxes[c as 0 | 1] });
    });
  }
  return { regions, gutter };
}

/**
 * The last page of a two-column document often holds only a few lines per
 * column — too few for findGutter to trust. The previous page's gutter is kept
 * when this page has text on both sides of it and (almost) nothing crosses it.
 */
function keepsGutter<T extends ColumnItem>(items: T[], gutter: number | null): number | null {
  if (gutter === null) return null;
  const text = items.filter((f) => f.text.replace(/\s/g, "").length >= 2);
  const crossing = text.filter((f) => f.x0 < gutter && f.x1 > gutter).length;
  const left = text.filter((f) => f.x1 <= gutter).length;
  const right = text.filter((f) => f.x0 >= gutter).length;
  if (left < 2 || right < 2 || crossing > Math.max(2, Math.floor(text.length * 0.12))) return null;
  return gutter;
}
