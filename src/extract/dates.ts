/**
 * Dates, as ISO where the year can be told: 2009年11月28日 → 2009-11-28;
 * 12月12日 with the document's year 2023 → 2023-12-12; 2023年12月底 →
 * 2023-12 (month precision); 二〇二三年十二月 → 2023-12.
 * A month-day without a year takes the last year written before it
 * (2023年度…12月12日 → 2023, even in a report signed 2024年1月), else the
 * document's year: the year of the last full date (the signature date
 * 2009年11月28日 closes most reports), else the most frequent written year.
 * Never a span like 2023年 alone (a year is not a date) or 3个月.
 */
import type { DateFact, Span } from "../model/document.js";
import { foldWidth, parseNumeral } from "./numerals.js";

const CN = "〇零一二三四五六七八九十";
const YEAR = `(\\d{4}|[〇零一二三四五六七八九]{4})年`;
const MONTH = `(\\d{1,2}|[${CN}]{1,3})月`;
const DAY = `(\\d{1,2}|[${CN}]{1,3})日`;
const DATE_RE = new RegExp(`(?:${YEAR})?${MONTH}(?:${DAY}|(底|末|上旬|中旬|下旬))?`, "g");

function num(s: string | undefined): number | null {
  if (!s) return null;
  return parseNumeral(s);
}
const pad = (n: number) => String(n).padStart(2, "0");

export function inferDocumentYear(text: string): number | null {
  const t = foldWidth(text);
  const full = [...t.matchAll(/(\d{4})年\d{1,2}月\d{1,2}日/g)];
  if (full.length) return Number(full[full.length - 1]![1]);
  const years = new Map<number, number>();
  for (const m of t.matchAll(/(\d{4})年/g)) years.set(Number(m[1]), (years.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of years) if (best === null || n > (years.get(best) ?? 0)) best = y;
  return best;
}

function lastYearBefore(text: string, at: number): number | null {
  const re = /(\d{4})年/g;
  let y: number | null = null;
  for (let m = re.exec(text); m && m.index < at; m = re.exec(text)) y = Number(m[1]);
  return y;
}

export function extractDates(rawText: string): DateFact[] {
  const text = foldWidth(rawText);
  const docYear = inferDocumentYear(text);
  const out: DateFact[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const before = text[m.index - 1] ?? "";
    if (/[\d个每]/.test(before)) continue; // 3个月 / 每月
    const year = num(m[1]);
    const month = num(m[2]);
    const day = num(m[3]);
    if (month === null || month < 1 || month > 12) continue;
    if (day !== null && (day < 1 || day > 31)) continue;
    if (!m[1] && !m[3] && !m[4]) continue; // 月 alone: 6月 is too weak without year or day
    const y = year ?? lastYearBefore(text, m.index) ?? docYear;
    const iso = y === null ? null : day !== null ? `${y}-${pad(month)}-${pad(day)}` : `${y}-${pad(month)}`;
    const span: Span = [m.index, m.index + m[0].length];
    out.push({ text: rawText.slice(span[0], span[1]), iso, span });
  }
  return out;
}
