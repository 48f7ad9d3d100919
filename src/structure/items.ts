/**
 * Enumerated items: the points inside each section, for the extraction stage.
 *
 * Per section, on its own paragraphs (not its children's), in this order:
 * A. paragraph series — paragraphs that each start with a point marker of one
 *    family in sequence (`一是…` `第一，…` `1.…` `（1）…` `①…`): one item
 *    per paragraph, the whole paragraph without the marker;
 * B. inline series in the other paragraphs — `一是…二是…三是`, `首先…其次…
 *    最后`, `第一，…第二，`, `①…②`, split at the markers; the lead-in before
 *    the first marker is not an item; the last point runs to the paragraph
 *    end. In a run-in sub-heading paragraph (`一实事求是查找问题。…一是…`) only
 *    the 一是/第一/首先/1. families count as its own points; a top-level run-in
 *    lead (`一、存在问题：（1）…；（2）…`) takes every family;
 * C. otherwise, a sub-heading (level ≥ 2) without children is one item:
 *    run-in `（一）lead。body` → the paragraph; standalone → heading + "\n"
 *    + its first paragraph.
 * Points nested in an item (`①②` inside `（一）…`, a second `一是…三是`
 * run inside `四是…`) stay inside the parent's text and are also emitted
 * with depth 1. Consumers that want one item per point take depth 0.
 *
 * It never reads roles (the extraction stage filters by role) nor tables.
 */
import type { EnumItem, SectionNode, Span } from "../model/document.js";
import { CLAUSE_BOUNDARY, LAST, matchPointMarker, type MarkerMatch, type MarkerFamily } from "./markers.js";
import type { PlacedHeading } from "./tree.js";
import { unitSpan, type Unit } from "./units.js";

interface Occurrence extends MarkerMatch {
  at: number;
}

/** Point markers in `text[from, to)` at clause starts. */
export function findMarkers(text: string, from = 0, to = text.length): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (!/[一二三四五六七八九十第首其再最另0-9０-９（(\u2460-\u2473]/.test(ch)) continue;
    const m = matchPointMarker(text, i);
    if (!m) continue;
    const prev = i > from ? text[i - 1]! : "";
    const atStart = i === from;
    if (m.family === "circled") {
      // ① is unambiguous anywhere.
    } else if (m.family === "ar-dot" || m.family === "ar-close") {
      // `1.` inline only after a space or a clause end (`…； 2.深化…`, `主要措施：1.加强…`), never inside a number (18.6亿元).
      if (!atStart && !/[\s：:；;。]/.test(prev)) continue;
    } else if (!atStart && !CLAUSE_BOUNDARY.test(prev)) {
      // A PDF can drop a line-final 。 (`…各方面意见一是发放征求意见表。`): a first
      // 一是 after a character that makes no word with 一 still opens a run (统一是 / 唯一是 do not).
      if (!(m.family === "shi" && m.ordinal === 1 && !/[统唯之第万专单同划归合逐均某任另其每进惟不一]/.test(prev))) continue;
    }
    if ((m.family === "seq" || m.family === "fang") && !/[，,、：:]/.test(m.marker.slice(-1)) && !atStart && !/[。；;：:]/.test(prev)) continue;
    out.push({ ...m, at: i });
    i += m.length - 1;
  }
  return out;
}

/**
 * The top-level series among the occurrences: the family of the earliest
 * marker that opens a run 1, 2, … of at least two; a restart at 1 inside
 * the run (`四是…一是…二是…`) is nested and skipped.
 */
export function topSeries(occ: Occurrence[], allowed?: (f: MarkerFamily) => boolean, carry?: Carry): Occurrence[] {
  for (let s = 0; s < occ.length; s++) {
    const first = occ[s]!;
    // A run that goes on from the previous paragraph: `一是…。二是…。` / `三是…。`.
    const continues = s === 0 && first.at === 0 && !!carry && first.family === carry.family && first.ordinal === carry.next;
    if ((first.ordinal !== 1 && !continues) || (allowed && !allowed(first.family))) continue;
    const base = first.ordinal - 1;
    const run = [first];
    let nested = false;
    for (let t = s + 1; t < occ.length; t++) {
      const o = occ[t]!;
      if (o.family !== first.family) continue;
      const expected = base + run.length + 1;
      if (o.ordinal === expected || (o.ordinal === LAST && expected >= 2)) {
        run.push(o);
        nested = false;
        if (o.ordinal === LAST) break;
      } else if (o.ordinal === 1) {
        nested = true;
      } else if (!nested && o.ordinal < expected) {
        // A stray lower ordinal outside a nested run ends nothing; ignore it.
      }
    }
    if (run.length >= 2 || (run.length === 1 && base > 0)) return run;
  }
  return [];
}

/** The series a previous paragraph left open: family and the ordinal expected next. */
export interface Carry {
  family: MarkerFamily;
  next: number;
}

interface SplitPoint {
  a: number; // text offsets (unit-local), marker excluded
  b: number;
  marker: string;
}

function splitAt(text: string, series: Occurrence[], end: number): SplitPoint[] {
  return series.map((o, k) => {
    const a = o.at + o.length;
    let b = k + 1 < series.length ? series[k + 1]!.at : end;
    while (b > a && /[\s　]/.test(text[b - 1]!)) b--;
    return { a, b, marker: o.marker };
  });
}

function item(unit: Unit, a: number, b: number, marker: string, section: string | null, depth: number, origin: EnumItem["origin"]): EnumItem {
  let s = a;
  while (s < b && /[\s　：:，,、.．]/.test(unit.text[s]!)) s++;
  const span: Span = unitSpan(unit, s, b);
  return { text: unit.text.slice(s, b), span, marker, section, depth, origin };
}

/** Nested points inside `unit.text[a, b)` (depth 1), excluding the parent's own markers. */
function nestedItems(unit: Unit, a: number, b: number, section: string | null, skipFamily?: MarkerFamily): EnumItem[] {
  const occ = findMarkers(unit.text, a, b).filter((o) => o.at > a || o.family !== skipFamily);
  const series = topSeries(occ);
  if (!series.length) return [];
  return splitAt(unit.text, series, b).map((p) => item(unit, p.a, p.b, p.marker, section, 1, "inline"));
}

/** Items of one unit's inline series; empty when the unit has none. */
function inlineItems(unit: Unit, from: number, section: string | null, allowed?: (f: MarkerFamily) => boolean, carry?: { value: Carry | undefined }): EnumItem[] {
  const occ = findMarkers(unit.text, from);
  const series = topSeries(occ, allowed, carry?.value);
  if (carry) {
    const last = series[series.length - 1];
    carry.value = last && last.ordinal !== LAST ? { family: last.family, next: last.ordinal + 1 } : undefined;
  }
  if (!series.length) return [];
  const out: EnumItem[] = [];
  for (const p of splitAt(unit.text, series, unit.text.length)) {
    out.push(item(unit, p.a, p.b, p.marker, section, 0, "inline"));
    out.push(...nestedItems(unit, p.a, p.b, section, series[0]!.family));
  }
  return out;
}

const OWN_POINT_FAMILIES = (f: MarkerFamily) => f === "shi" || f === "di" || f === "seq" || f === "qi" || f === "yao" || f === "tiao" || f === "bu" || f === "ar-dot";

/**
 * A paragraph that closes the parent section rather than continuing the last
 * sub-heading: `总之，…` `综上所述，…` `以上是…` `下一步，我们将…` `今后，…`.
 */
const CLOSING = /^(总之|总而言之|综上|综合以上|以上|上述|通过(以上|上述|这些)|经过(以上|上述|一年|近一年|全年)|总的来看|总的来说|总体来看|总体而言|总体上看|回顾|展望|下一步|下步|今后|在今后|新的一年|同时[，,]?我们|此外[，,]?我们|我们将|我们深知|面对新形势|站在新的起点)/;

/** A 关于…的问题 sub-heading (rectification reports): the heading itself states the problem. */
const ABOUT_PROBLEM = /^关于[^。；;]{2,60}问题$/;

/** A body paragraph (not a signature, date or caption line): long enough and ending a sentence. */
function isBodyParagraph(u: Unit): boolean {
  return u.text.length > 15 && /[。！？!?；;：:]$/.test(u.text);
}

export function buildItems(units: Unit[], placed: PlacedHeading[], sections: SectionNode[]): EnumItem[] {
  const byId = new Map<string, SectionNode>();
  const walk = (list: SectionNode[]) => {
    for (const s of list) {
      byId.set(s.id, s);
      walk(s.children);
    }
  };
  walk(sections);
  const items: EnumItem[] = [];
  placed.forEach((h, k) => {
    const node = byId.get(h.id);
    if (!node) return;
    const stop = k + 1 < placed.length ? placed[k + 1]!.unit : units.length;
    const own: number[] = [];
    for (let i = h.lastUnit + 1; i < stop; i++) own.push(i);
    const found: EnumItem[] = [];

    // A. Paragraph series.
    const starts = new Map<number, MarkerMatch>();
    for (const i of own) {
      const m = matchPointMarker(units[i]!.text, 0);
      if (m) starts.set(i, m);
    }
    const consumed = new Set<number>();
    const families = new Set([...starts.values()].map((m) => m.family));
    for (const fam of families) {
      const list = own.filter((i) => starts.get(i)?.family === fam);
      // In sequence: 1, 2, 3 … (a restart at 1 begins a new list).
      const accepted: number[][] = [];
      let run: number[] = [];
      let expected = 1;
      const close = () => {
        if (run.length >= 2) accepted.push(run);
        run = [];
      };
      for (const i of list) {
        const ord = starts.get(i)!.ordinal;
        if (ord === expected || (ord === LAST && expected >= 2)) {
          run.push(i);
          expected++;
        } else if (ord === 1) {
          close();
          run = [i];
          expected = 2;
        }
      }
      close();
      for (const members of accepted) {
        members.forEach((i, n) => {
          const u = units[i]!;
          const m = starts.get(i)!;
          consumed.add(i);
          // A point may run over several paragraphs: `1.加强理论学习。…` + `同时，…` + `2.…`.
          // Unmarked body paragraphs between two members belong to the first one.
          const next = members[n + 1];
          const cont: Unit[] = [];
          if (next !== undefined) {
            for (let j = i + 1; j < next; j++) {
              const c = units[j]!;
              if (!own.includes(j) || matchPointMarker(c.text, 0) || !isBodyParagraph(c)) {
                cont.length = 0;
                break;
              }
              cont.push(c);
            }
          }
          if (!cont.length) {
            found.push(item(u, m.length, u.text.length, m.marker, h.id, 0, "paragraph"));
            found.push(...nestedItems(u, m.length, u.text.length, h.id));
            return;
          }
          const first = item(u, m.length, u.text.length, m.marker, h.id, 0, "paragraph");
          const last = cont[cont.length - 1]!;
          found.push({ ...first, text: [first.text, ...cont.map((c) => c.text)].join("\n"), span: [first.span[0], last.end] });
          found.push(...nestedItems(u, m.length, u.text.length, h.id));
          for (const c of cont) {
            consumed.add(units.indexOf(c));
            found.push(...nestedItems(c, 0, c.text.length, h.id));
          }
        });
      }
    }

    // B. Inline series in the remaining paragraphs and in a run-in heading paragraph.
    if (h.runIn) {
      const u = units[h.unit]!;
      const leadEnd = u.map.findIndex((o) => o >= h.headingSpan[1]);
      // A top-level run-in lead is never an item itself, so every family may enumerate its
      // points (`一、存在问题：（1）…；（2）…；（3）…`, `二、整改措施：①…②…`). A sub-heading
      // paragraph (`（一）lead。…①…②`) is itself an item: its ①②/（1） stay nested in it.
      const allowed = node.parent ? OWN_POINT_FAMILIES : undefined;
      found.push(...inlineItems(u, leadEnd < 0 ? u.text.length : leadEnd, h.id, allowed));
    }
    const carry: { value: Carry | undefined } = { value: undefined };
    for (const i of own) {
      if (consumed.has(i)) carry.value = undefined;
      else found.push(...inlineItems(units[i]!, 0, h.id, undefined, carry));
    }

    // C'. `（一）关于理论学习不够深入的问题` + `整改情况：…`: the problem is the heading; the
    // paragraph after it says what was done (the extraction stage reads it as a measure
    // or as progress), so it is not part of the problem item — whether or not the
    // paragraph has points of its own (①修订制度；②开展检查).
    if (node.parent && !node.children.length && ABOUT_PROBLEM.test(h.text)) {
      // Its paragraph's own points belong to the pair, not to the problem: depth 1.
      for (const f of found) f.depth = 1;
      found.push({ text: h.text, span: [h.headingSpan[0], h.headingSpan[1]], marker: h.marker, section: h.id, depth: 0, origin: "subheading" });
    }
    // C. A sub-heading with its paragraph.
    else if (!found.length && node.parent && !node.children.length) {
      const u = units[h.unit]!;
      if (h.runIn) {
        const a = h.marker.length;
        found.push(item(u, a, u.text.length, h.marker, h.id, 0, "subheading"));
        found.push(...nestedItems(u, a, u.text.length, h.id));
      } else if (own.length) {
        // Heading + its paragraphs. Before a sibling, all of them. After the LAST
        // sub-heading the section may go on with paragraphs that close the parent
        // (`（四）深化企业内部改革 / 完善… / 下一步，集团党委将…`, `总之，…`), a
        // signature or a date: the item takes body paragraphs up to the first
        // closing one (or the first that is not a body paragraph).
        const next = placed[k + 1];
        const beforeSibling = !!next && next.level === h.level && next.parent === h.parent;
        const body: Unit[] = [];
        for (const i of own) {
          const u = units[i]!;
          if (!beforeSibling && body.length && (CLOSING.test(u.text) || !isBodyParagraph(u))) break;
          body.push(u);
        }
        const text = `${h.text}\n${body.map((b) => b.text).join("\n")}`;
        found.push({ text, span: [h.headingSpan[0], body[body.length - 1]!.end], marker: h.marker, section: h.id, depth: 0, origin: "subheading" });
        for (const b of body) found.push(...nestedItems(b, 0, b.text.length, h.id));
      }
    }
    found.sort((x, y) => x.span[0] - y.span[0] || x.depth - y.depth);
    items.push(...found);
  });
  return items;
}
