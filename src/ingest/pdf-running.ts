/**
 * Running headers, footers and page numbers of a PDF.
 *
 * They are printed lines, so pdf.js hands them over like body text: `— 3 —`
 * between two paragraphs, or the unit's name above every page. We look only at
 * the outermost lines of each page (the top two and the bottom two y-bands) and
 * remove
 *   - page numbers by their shape (`— 3 —`, `- 3 -`, `第3页`, `第 3 页 共 12 页`,
 *     `3/12`, `Page 3 of 12`, a bare `3`), and
 *   - any other line whose text (digits masked) recurs in the same vertical band
 *     on most pages — GB/T 9704 footers alternate left/right on odd/even pages,
 *     so the x position is ignored on purpose.
 */

/** One printed line as the running-line detector sees it. */
export interface BandLine {
  page: number;
  /** Baseline y in PDF user space (grows upwards). */
  y: number;
  text: string;
}

export type RunningKind = "pageNumber" | "running";

// Dashes and dots that decorate a page number: — 3 —, - 3 -, －3－, ~3~, ·3·
const DECOR = "—–\\-－―~～·•";
const PAGE_NUMBER_PATTERNS: RegExp[] = [
  // — 3 — / - 3 - / 3
  new RegExp(`^[${DECOR}]*\\d{1,4}[${DECOR}]*$`),
  // 第3页 / 第 3 页 共 12 页 / 第3页，共12页 / 第 3 頁 共 12 頁
  /^第\d{1,4}[页頁][,，]?(共\d{1,4}[页頁])?$/,
  // 共12页 第3页
  /^共\d{1,4}[页頁][,，]?第\d{1,4}[页頁]$/,
  // 3/12, 3 / 12
  /^\d{1,4}\/\d{1,4}$/,
  // Page 3 / Page 3 of 12
  /^page\d{1,4}(of\d{1,4})?$/i,
];

export function isPageNumberText(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  if (!t) return false;
  return PAGE_NUMBER_PATTERNS.some((re) => re.test(t));
}

/** Key under which a running line repeats: whitespace dropped, digits masked (`第#页`). */
function runningKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/[0-9０-９]+/g, "#");
}

/**
 * Decides which of the candidate lines are running lines.
 * `candidates` are the outermost lines of each page (callers pass at most the
 * top two and bottom two bands); `pages` is the page count.
 * Returns, per candidate index, what it is, or undefined to keep it.
 */
export function findRunningLines(candidates: BandLine[], pages: number): Array<RunningKind | undefined> {
  const out: Array<RunningKind | undefined> = candidates.map((c) => (isPageNumberText(c.text) ? "pageNumber" : undefined));
  if (pages < 2) return out;
  // Same text (digits masked) within the same y band (±6 pt) on most pages.
  const need = Math.max(2, Math.ceil(pages * 0.5));
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (out[i]) return;
    const key = runningKey(c.text);
    if (key.length === 0) return;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  for (const idx of groups.values()) {
    // Cluster the group's members by y, then count distinct pages per cluster.
    for (const i of idx) {
      const ci = candidates[i]!;
      const near = idx.filter((j) => Math.abs(candidates[j]!.y - ci.y) <= 6);
      const pagesHit = new Set(near.map((j) => candidates[j]!.page));
      if (pagesHit.size >= need) out[i] = "running";
    }
  }
  return out;
}
