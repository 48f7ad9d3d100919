/**
 * Edits on a string that keep positions valid: a repair lists what it replaces
 * (`[start, end) → replacement`, in the coordinates of its input), and
 * `applyEdits` returns the new text plus a function mapping old offsets to new
 * ones, so block spans and recorded restorations follow every repair.
 */
import type { Span } from "../model/document.js";

export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
  /** Name of the repair, counted in `text.repairs`. */
  kind: string;
  /** Record this change as a restoration (shown to the reader on hover). */
  record?: boolean;
}

export interface EditResult {
  text: string;
  /** Maps an offset of the input to the output. A position inside a replaced range maps to the replacement's start (or end, for `end` positions). */
  mapOffset: (offset: number, side?: "start" | "end") => number;
  /** The edits actually applied, with their spans in the output. */
  applied: Array<TextEdit & { outSpan: Span; original: string }>;
}

export function applyEdits(text: string, edits: TextEdit[]): EditResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  // Drop overlapping edits: the first one (in text order) wins.
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    if (e.start === e.end && e.replacement === "") continue;
    kept.push(e);
    lastEnd = e.end;
  }
  const parts: string[] = [];
  const applied: EditResult["applied"] = [];
  // breakpoints: for each kept edit, the output position where it starts
  const outStarts: number[] = [];
  let cursor = 0;
  let outLen = 0;
  for (const e of kept) {
    parts.push(text.slice(cursor, e.start));
    outLen += e.start - cursor;
    outStarts.push(outLen);
    parts.push(e.replacement);
    applied.push({ ...e, original: text.slice(e.start, e.end), outSpan: [outLen, outLen + e.replacement.length] });
    outLen += e.replacement.length;
    cursor = e.end;
  }
  parts.push(text.slice(cursor));
  const mapOffset = (offset: number, side: "start" | "end" = "start"): number => {
    // binary search for the last edit starting at or before offset
    let lo = 0;
    let hi = kept.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start <= offset) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (idx < 0) return offset;
    const e = kept[idx]!;
    const outStart = outStarts[idx]!;
    if (offset < e.end || (offset === e.start && e.start === e.end)) {
      if (offset === e.start && side === "start") return outStart;
      return side === "end" ? outStart + e.replacement.length : outStart;
    }
    return outStart + e.replacement.length + (offset - e.end);
  };
  return { text: parts.join(""), mapOffset, applied };
}

export function mapSpan(span: Span, map: EditResult["mapOffset"]): Span {
  return [map(span[0], "start"), map(span[1], "end")];
}
