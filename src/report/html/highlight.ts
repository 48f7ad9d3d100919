/**
 * Renders a document's normalized text with overlapping highlights as flat
 * HTML. Marks are `[start, end)` UTF-16 spans (the same base as every span in
 * the result). The text is cut at every mark boundary; each piece is wrapped in
 * one <span> carrying the classes of all marks covering it, so overlaps (a
 * finding inside a problem) need no nesting of unrelated elements. A mark with
 * an id puts it on a wrapper around its FIRST non-empty piece, so a link to it
 * scrolls to visible text. Everything is escaped.
 */
import { escapeHtml } from "./escape.js";

export interface Mark {
  start: number;
  end: number;
  cls: string;
  id?: string;
  title?: string;
}

export function highlightText(text: string, marks: Mark[]): string {
  const len = text.length;
  const clean = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(len, m.start)), end: Math.max(0, Math.min(len, m.end)) }))
    // A zero-length mark (a heading anchor at an offset) gets one character, or the last one at the end.
    .map((m) => (m.end > m.start ? m : { ...m, start: Math.min(m.start, Math.max(0, len - 1)), end: Math.min(len, Math.min(m.start, Math.max(0, len - 1)) + 1) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, len]);
  for (const m of clean) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Marks sorted by start; walk with an active list (O(pieces × active)).
  const byStart = [...clean].sort((a, b) => a.start - b.start || b.end - a.end);
  let k = 0;
  let active: Mark[] = [];
  const idPlaced = new Set<Mark>();
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    while (k < byStart.length && byStart[k]!.start <= a) active.push(byStart[k++]!);
    active = active.filter((m) => m.end > a);
    const piece = escapeHtml(text.slice(a, b));
    if (active.length === 0) {
      out.push(piece);
      continue;
    }
    const cls = [...new Set(active.map((m) => m.cls))].join(" ");
    const titles = [...new Set(active.map((m) => m.title).filter((t): t is string => !!t))];
    let html = `<span class="${escapeHtml(cls)}"${titles.length ? ` title="${escapeHtml(titles.join("\n"))}"` : ""}>${piece}</span>`;
    for (const m of active) {
      if (m.id && !idPlaced.has(m)) {
        idPlaced.add(m);
        html = `<span id="${escapeHtml(m.id)}" class="anchor">${html}</span>`;
      }
    }
    out.push(html);
  }
  return out.join("");
}
