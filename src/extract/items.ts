/**
 * Problems, causes and measures as items.
 *
 * Signals, in order of precedence:
 *   1. the depth-0 enumerated items the structure stage found (`doc.items`)
 *      inside a section whose role — or its nearest ancestor's — is problems,
 *      causes, measures or next-steps (next steps are measures too);
 *   2. rectification task tables (`tables.ts`): each problem cell a problem,
 *      each measure cell (or sub-point) a measure;
 *   2b. labelled blocks (pairs.ts): 问题一：/存在问题：/关于…的问题 with
 *      整改措施：/责任领导：/完成时限：/整改进展： fields;
 *   3. where a kind has no items from 1–2, the prose: an inline run
 *      (一是…二是…, 第一，…, 首先…其次…) whose lead-in sentence names the kind
 *      by its main predicate (…存在的主要问题：一是 → problems; 产生问题的缘由
 *      主要有：一是 → causes; 针对上述问题，下一步我将：一是 / 克服以上缺点和
 *      不足：一是 → measures, though 问题/不足 are named in them).
 * A problems item that runs on into a second run with an intent lead
 * (…二是…。针对上述问题，我将：一是…) is cut there, and that run is measures.
 *      Runs inside learning, meeting, feedback, achievements or progress
 *      sections are never taken from the prose (一是抓好中心组学习 is study).
 * One item is one point: the run is split at its markers, and the lead-in
 * before the first marker is never an item.
 */
import type { BlockHint, CauseFact, EnumItem, ItemFact, MeasureFact, SectionNode, SectionRole, Span, WorkingDocument } from "../model/document.js";
import { classifyCause } from "./cause-kind.js";
import { findDeadline, findOwner } from "./measure-attrs.js";
import { dropResultsBeforePlans, mixedKindOf } from "./mixed-sections.js";
import { extractPairs } from "./pairs.js";
import { extractTableItems } from "./tables.js";

export type ItemKind = "problems" | "causes" | "measures";

const ITEM_ROLES: Partial<Record<SectionRole, ItemKind>> = {
  problems: "problems",
  causes: "causes",
  measures: "measures",
  "next-steps": "measures",
};
const NEVER_PROSE: ReadonlySet<SectionRole> = new Set(["learning", "meeting", "feedback", "achievements", "progress"]);

export interface SectionIndex {
  byId: Map<string, SectionNode>;
  flat: SectionNode[];
}

export function indexSections(sections: SectionNode[]): SectionIndex {
  const byId = new Map<string, SectionNode>();
  const flat: SectionNode[] = [];
  const walk = (list: SectionNode[]) => {
    for (const s of list) {
      byId.set(s.id, s);
      flat.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return { byId, flat };
}

/**
 * The item kind of a section: its own role, or its nearest ancestor's when its
 * own role is neutral (analysis, other). A learning/meeting/… subsection stops
 * the walk: （一）学习情况 under a problems section holds no problems.
 */
export function itemKindOf(index: SectionIndex, sectionId: string | null): ItemKind | null {
  let id = sectionId;
  while (id) {
    const s = index.byId.get(id);
    if (!s) return null;
    const k = ITEM_ROLES[s.role];
    if (k) return k;
    if (NEVER_PROSE.has(s.role)) return null;
    id = s.parent;
  }
  return null;
}

/** The roles of a section and its ancestors. */
function rolesOf(index: SectionIndex, sectionId: string | null): SectionRole[] {
  const out: SectionRole[] = [];
  let id = sectionId;
  while (id) {
    const s = index.byId.get(id);
    if (!s) break;
    out.push(s.role);
    id = s.parent;
  }
  return out;
}

/** Innermost section containing an offset. */
export function sectionFinder(index: SectionIndex): (at: number) => string | null {
  return (at) => {
    let best: SectionNode | null = null;
    for (const s of index.flat) {
      if (s.span[0] <= at && at < s.span[1] && (!best || s.span[1] - s.span[0] <= best.span[1] - best.span[0])) best = s;
    }
    return best ? best.id : null;
  };
}

// ─────────────────────────── inline runs in prose ───────────────────────────

const CN_ORD = "一二三四五六七八九十";
function cnOrdinal(s: string): number {
  if (s.length === 1) return CN_ORD.indexOf(s) + 1;
  if (s === "十") return 10;
  if (s.startsWith("十")) return 10 + CN_ORD.indexOf(s[1]!) + 1;
  return 0;
}

interface Marker {
  at: number;
  body: number;
  ordinal: number;
  family: string;
  marker: string;
}

const SEQ: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 第三: 3, 最后: 1000 };

/**
 * Markers of inline runs at a clause start inside a paragraph: 一是 / 一要 (plans:
 * 一要进一步加强学习…二要…) / 第一， / 第一步， / 首先，其次.
 */
export function findInlineMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  const re = /(^|[。；;：:！？!?\s，,])(([一二三四五六七八九十]{1,2})(是|要)|第([一二三四五六七八九十]{1,2})(步[，,、：:]?|[，,、：:]|(?=[^一二三四五六七八九十次个年天条项批阶部章节步]))|(首先|其次|再次|最后)[，,、：:]?)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[1]!.length;
    const family = m[3] ? (m[4] === "要" ? "yao" : "shi") : m[5] ? (m[6]?.startsWith("步") ? "bu" : "di") : "seq";
    const ordinal = m[3] ? cnOrdinal(m[3]) : m[5] ? cnOrdinal(m[5]) : SEQ[m[7]!] ?? 0;
    if (!ordinal) continue;
    out.push({ at, body: at + m[2]!.length, ordinal, family, marker: m[2]! });
    re.lastIndex = at + m[2]!.length;
  }
  return out;
}

/** Consecutive runs 1,2,3… of one family; a run needs at least two markers. */
export function inlineRuns(text: string): Marker[][] {
  const marks = findInlineMarkers(text);
  const runs: Marker[][] = [];
  for (const family of ["shi", "yao", "di", "bu", "seq"]) {
    let run: Marker[] = [];
    for (const mk of marks.filter((x) => x.family === family)) {
      const last = run[run.length - 1];
      if (mk.ordinal === 1) {
        if (run.length >= 2) runs.push(run);
        run = [mk];
      } else if (last && (mk.ordinal === last.ordinal + 1 || (mk.ordinal === 1000 && last.ordinal >= 1))) {
        run.push(mk);
      }
    }
    if (run.length >= 2) runs.push(run);
  }
  return runs.sort((a, b) => a[0]!.at - b[0]!.at);
}

// The lead-in's kind is decided by its main predicate, not by the last keyword:
// 为切实改进上述不足和问题，本人将抓好以下几点： names 不足/问题 only as the object
// of an intent verb (改进/克服/针对/解决/将) → measures; 本人主要存在以下不足： /
// 突出表现在： → problems; 究其根源： / 这些问题产生的原因有： → causes.
// 要 is an intent word except in 主要/需要/重要/首要/要求/要点 …
const INTENT = /将|拟|决心|打算|计划|努力方向|下一步|下步|下阶段|今后|以后|明年|新的一年|措施|举措|对策|着力|着手|努力|(?<![主需重纲摘概只必首紧提简切想扼])要(?![求点素害件])|(?:抓|做|作)好|改进|克服|改正|纠正|整改(?!工作|过程|中|期间|情况|进展)|解决|针对/;
// a strong measure noun decides even after an existence verb: 针对存在的问题，提出以下整改措施：
const MEASURE_NOUN = /措施|举措|对策|打算|努力方向/;
// 从主观上看：一是… / 客观方面：— the two sides of a cause analysis
const CAUSE_WORDS = /原因|缘由|根源|根子|症结|缘故|究其|根本在于|(?:主观|客观)(?:上|方面)|(?:问题|不足|差距)的?(?:产生|形成|出现)|产生(?:这些|上述|以上|的)?(?:问题|不足)/;
// 存在以下问题 / 突出表现在 / 主要是 / 查摆出 — the report states a shortfall
const EXIST = /存在|表现(?:在|为)|突出表现|具体表现|主要表现|查摆|查找出|检视出|(?:问题|不足|差距|短板|缺点)(?:主要)?(?:有|是|如下)/;
// 我在以下方面做得还不够： — a shortfall named by its predicate
const PROBLEM_NOUN = /问题|不足|差距|短板|缺乏|欠缺|缺点|弱项|不够|不到位|不力/;
// 还存在一些不足，需要在今后工作中加以改进： — 需要/有待 before an intent word is a shortfall
const SHORTFALL = /(?:需要|有待|亟待|亟需|仍需|还需|尚需)[^，。；]{0,8}$/;

function clauseKind(clause: string): ItemKind | null {
  const intent = INTENT.exec(clause);
  const cause = CAUSE_WORDS.exec(clause);
  const exist = EXIST.exec(clause);
  const noun = PROBLEM_NOUN.exec(clause);
  const intentOk = intent && !SHORTFALL.test(clause.slice(0, intent.index));
  if (cause && !(intentOk && intent!.index < cause.index)) return "causes";
  if (intentOk && (!exist || MEASURE_NOUN.test(clause) || intent!.index < exist.index)) return "measures";
  if (exist || noun) return "problems";
  return null;
}

/**
 * Kind named by a lead-in sentence: its main (last) clause decides; a clause
 * naming no kind (主要有以下几点：) leaves it to the clause before
 * (针对查摆出的问题，经班子研究，主要有以下几点： → measures).
 */
export function leadKind(lead: string): ItemKind | null {
  const clauses = lead.split(/[，,；;]/).filter((c) => c.trim());
  for (let i = clauses.length - 1; i >= 0; i--) {
    const k = clauseKind(clauses[i]!);
    if (k) return k;
  }
  return null;
}

/** The sentence right before `at` (back to the previous 。！？ or paragraph start). */
function leadSentence(text: string, from: number, at: number): string {
  let i = at;
  while (i > from && /[\s]/.test(text[i - 1]!)) i--;
  let j = i - 1;
  while (j > from && !/[。！？!?\n]/.test(text[j - 1]!)) j--;
  return text.slice(Math.max(from, j), i);
}

// A paragraph's closing remark after the last point is not part of it:
// …2024年6月底前完成已建项目管护主体落实。我将始终保持清正廉洁的政治本色，…
const CLOSING = /^(?:我将|我们将|本人将|我们要|我们一定|总之|综上|总而言之|通过(?:以上|这些)|以上|今后，我|在新的一年里?，我)/;

function dropClosing(item: string): string {
  const parts = item.match(/[^。！？!?]+[。！？!?]*/g) ?? [item];
  let keep = parts.length;
  while (keep > 1 && CLOSING.test(parts[keep - 1]!.trim())) keep--;
  return parts.slice(0, keep).join("");
}

/**
 * Kind named just before a run: the last sentence, else — when that sentence
 * is only a generic introducer ending in a colon — the one before it
 * (…认真查找医院发展中存在的突出问题。经过梳理，主要有以下几个方面：第一，…).
 */
function leadKindNear(text: string, from: number, at: number): ItemKind | null {
  const last = leadSentence(text, from, at);
  const k = leadKind(last);
  if (k || !last || !/[：:]\s*$/.test(last)) return k;
  const before = at - last.length - (at - last.length > from ? 1 : 0);
  return before > from ? leadKind(leadSentence(text, from, before)) : null;
}

/** Split a run into item spans: each from after its marker to the next marker, the last to the paragraph end. */
function runItems(text: string, run: Marker[], end: number): Array<{ text: string; span: Span; marker: string }> {
  return run.map((mk, i) => {
    let s = mk.body;
    while (s < end && /[，,、：:\s]/.test(text[s]!)) s++;
    let e = i + 1 < run.length ? run[i + 1]!.at : end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (i === run.length - 1) e = s + dropClosing(text.slice(s, e)).length;
    return { text: text.slice(s, e), span: [s, e] as Span, marker: mk.marker };
  });
}

/**
 * An item that swallowed a second run: …二是统筹协调能力有待提高。针对上述问题，
 * 下一步我将：一是加强业务学习。二是… — the structure stage ends the last
 * problem at the paragraph end. The item is cut before the run's lead
 * sentence, and the run's points come back with the kind that lead names
 * (or `fallback` when it names none).
 */
export function splitTrailingRun(text: string, item: ItemFact, fallback: ItemKind): { head: ItemFact; kind: ItemKind; items: ItemFact[] } | null {
  const body = text.slice(item.span[0], item.span[1]);
  const run = inlineRuns(body).find((r) => r[0]!.ordinal === 1 && r[0]!.at > 0);
  if (!run) return null;
  const first = run[0]!;
  const lead = leadSentence(body, 0, first.at);
  if (!/[：:]\s*$/.test(lead)) return null;
  const leadStart = body.slice(0, first.at).trimEnd().length - lead.length;
  if (leadStart <= 0) return null;
  const kind = leadKind(lead) ?? fallback;
  const headText = body.slice(0, leadStart).trimEnd();
  if (!headText) return null;
  const items = runItems(body, run, body.length)
    .filter((it) => it.text)
    .map((it) => ({ text: it.text, span: [item.span[0] + it.span[0], item.span[0] + it.span[1]] as Span, section: item.section }));
  return { head: { text: headText, span: [item.span[0], item.span[0] + headText.length], section: item.section }, kind, items };
}

/** Paragraph spans: blocks when there are any, else text lines; a "。 " inside a scraped line also ends one. */
function paragraphs(text: string, blocks: BlockHint[]): Span[] {
  const base: Span[] = blocks.length
    ? blocks.filter((b) => b.kind === "paragraph").map((b) => b.span)
    : (() => {
        const out: Span[] = [];
        let s = 0;
        for (const line of text.split("\n")) {
          out.push([s, s + line.length]);
          s += line.length + 1;
        }
        return out;
      })();
  const out: Span[] = [];
  for (const [s, e] of base) {
    // scraped copies separate paragraphs with a space after the full stop: 。 二深化具体分析
    let start = s;
    const re = /[。！？：:]\s+(?=\S)/g;
    const seg = text.slice(s, e);
    for (let m = re.exec(seg); m; m = re.exec(seg)) {
      out.push([start, s + m.index + 1]);
      start = s + m.index + m[0].length;
    }
    out.push([start, e]);
  }
  return out.filter(([a, b]) => b > a);
}

const FIRST_MARKER = /^(?:一是|第一|首先|1[.、．]?|[（(]1[）)]|①|[（(]一[）)]|一、)/;

/**
 * Runs of the structure stage's own items that no role claimed: consecutive
 * depth-0 items of one section, a new run at each first marker (一是, 第一,
 * 首先, 1., ①). Kind from the sentence before the run's first marker.
 */
function structureRuns(doc: WorkingDocument, index: SectionIndex, taken: Span[]): Array<{ kind: ItemKind; item: ItemFact }> {
  const out: Array<{ kind: ItemKind; item: ItemFact }> = [];
  const free = doc.items
    .filter((it) => it.depth === 0 && it.origin !== "table-cell" && !itemKindOf(index, it.section))
    .filter((it) => !rolesOf(index, it.section).some((r) => NEVER_PROSE.has(r)))
    .filter((it) => !taken.some((s) => overlaps(s, it.span)))
    .sort((a, b) => a.span[0] - b.span[0]);
  // a sub-heading item is its own section: its run is kept by the parent section
  const runKey = (it: EnumItem) => (it.origin === "subheading" && it.section ? (index.byId.get(it.section)?.parent ?? it.section) : it.section);
  const runs: EnumItem[][] = [];
  for (const it of free) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (!last || !prev || runKey(prev) !== runKey(it) || FIRST_MARKER.test(it.marker)) runs.push([it]);
    else last.push(it);
  }
  for (const run of runs) {
    const first = run[0]!;
    if (run.length < 2 && first.origin !== "subheading") continue;
    const at = Math.max(0, doc.text.lastIndexOf(first.marker, first.span[0]));
    // the sentence before the run (…存在的主要问题：一是), else the headings around it (（一）查摆的突出问题)
    let kind = leadKindNear(doc.text, 0, at);
    for (let id = runKey(first); !kind && id; id = index.byId.get(id)?.parent ?? null) {
      const s = index.byId.get(id);
      if (s && s.id !== first.section) kind = leadKind(s.heading);
    }
    if (!kind) continue;
    for (const it of run) out.push({ kind, item: { text: it.text, span: it.span, section: it.section } });
  }
  return out;
}

/** Items of the inline runs in prose, with the kind their lead-in names. */
function proseItems(doc: WorkingDocument, index: SectionIndex, sectionOf: (at: number) => string | null, useRoles: boolean): Array<{ kind: ItemKind; item: ItemFact }> {
  const out: Array<{ kind: ItemKind; item: ItemFact }> = [];
  const text = doc.text;
  for (const [ps, pe] of paragraphs(text, doc.blocks)) {
    const para = text.slice(ps, pe);
    const runs = inlineRuns(para);
    runs.forEach((run, ri) => {
      const first = run[0]!;
      const next = runs[ri + 1];
      // 一是…二是…。今后，我将从以下方面改进：一是… — the first run stops before the second's lead
      let runEnd = para.length;
      if (next && next[0]!.at > run[run.length - 1]!.at) {
        const lead = leadSentence(para, 0, next[0]!.at);
        runEnd = /[：:]\s*$/.test(lead) ? para.slice(0, next[0]!.at).trimEnd().length - lead.length : next[0]!.at;
      }
      const sec = sectionOf(ps + first.at);
      const roles = rolesOf(index, sec);
      const byRole = useRoles ? itemKindOf(index, sec) : null;
      let kind: ItemKind | null = byRole;
      if (!kind) {
        if (roles.some((r) => NEVER_PROSE.has(r))) return;
        kind = leadKindNear(para, 0, first.at);
      } else if (ri > 0 && kind !== "measures") {
        // a second run in a problems section whose lead is an intent (针对上述问题，我将：) is plans
        const k = leadKind(leadSentence(para, 0, first.at));
        if (k === "measures") kind = k;
      }
      if (!kind) return;
      for (const it of runItems(para, run, runEnd)) {
        if (!it.text) continue;
        out.push({ kind, item: { text: it.text, span: [ps + it.span[0], ps + it.span[1]], section: sec } });
      }
    });
  }
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

export interface ExtractedItems {
  problems: ItemFact[];
  causes: CauseFact[];
  measures: MeasureFact[];
}

function tableRowOf(blocks: BlockHint[], span: Span): BlockHint | undefined {
  return blocks.find((b) => b.kind === "table-row" && b.span[0] <= span[0] && span[1] <= b.span[1]);
}

export function extractItems(doc: WorkingDocument): ExtractedItems {
  const index = indexSections(doc.sections);
  const sectionOf = sectionFinder(index);
  const buckets: Record<ItemKind, ItemFact[]> = { problems: [], causes: [], measures: [] };
  const measureAttrs = new Map<ItemFact, { deadline: string | null; owner: string | null }>();

  // 2. tables first: their cells must not come back as ordinary items
  const tables = extractTableItems(doc.text, doc.blocks, sectionOf);
  const tableSpans: Span[] = [...tables.problems, ...tables.measures].map((x) => x.span);
  const inTable = (sp: Span) => doc.blocks.some((b) => b.kind === "table-row" && overlaps(b.span, sp));

  // 1. structure items in problems/causes/measures/next-steps sections
  const items: EnumItem[] = doc.items ?? [];
  for (const it of items) {
    if (it.depth !== 0 || it.origin === "table-cell") continue;
    if (tableSpans.some((s) => overlaps(s, it.span)) || inTable(it.span)) continue;
    // A point right under `存在的不足及原因` is a problem or a cause by its lead (mixed-sections.ts).
    const kind = itemKindOf(index, it.section) ?? mixedKindOf(it.section ? index.byId.get(it.section) : undefined, it.text);
    if (!kind || !it.text.trim()) continue;
    const fact: ItemFact = { text: it.text, span: it.span, section: it.section };
    const split = splitTrailingRun(doc.text, fact, kind);
    if (split) {
      buckets[kind].push(split.head);
      buckets[split.kind].push(...split.items);
    } else buckets[kind].push(fact);
  }
  buckets.problems.push(...tables.problems);
  for (const m of tables.measures) {
    const fact: ItemFact = { text: m.text, span: m.span, section: m.section };
    measureAttrs.set(fact, { deadline: m.deadline, owner: m.owner });
    buckets.measures.push(fact);
  }

  // 2b. 关于…的问题 / 整改情况： pairs replace whatever items overlapped them
  const pairs = extractPairs(doc.text, paragraphs(doc.text, doc.blocks), sectionOf, index.flat.map((s) => s.headingSpan[0]));
  if (pairs.problems.length) {
    for (const k of Object.keys(buckets) as ItemKind[]) buckets[k] = buckets[k].filter((x) => !pairs.covered.some((c) => overlaps(c, x.span)));
    buckets.problems.push(...pairs.problems);
    for (const m of pairs.measures) {
      const fact: ItemFact = { text: m.text, span: m.span, section: m.section };
      measureAttrs.set(fact, { deadline: m.deadline, owner: m.owner });
      buckets.measures.push(fact);
    }
  }

  // 1b. a problems/causes/measures/next-steps section the structure gave no items for:
  // its inline runs (第一步，动员部署。…第二步，…) are its items
  const takenNow = () => [...buckets.problems, ...buckets.causes, ...buckets.measures].map((x) => x.span);
  for (const s of index.flat) {
    const kind = ITEM_ROLES[s.role];
    if (!kind || s.children.length) continue;
    const body: Span = [s.headingSpan[1], s.span[1]];
    if (takenNow().some((t) => overlaps(t, body)) || doc.blocks.some((b) => b.kind === "table-row" && overlaps(b.span, body))) continue;
    for (const [ps, pe] of paragraphs(doc.text, doc.blocks)) {
      if (ps < body[0] || pe > body[1]) continue;
      const para = doc.text.slice(ps, pe);
      for (const run of inlineRuns(para)) {
        for (const it of runItems(para, run, para.length)) {
          if (it.text) buckets[kind].push({ text: it.text, span: [ps + it.span[0], ps + it.span[1]], section: s.id });
        }
      }
    }
  }

  // 3. the prose, for the kinds still empty (or every kind when the structure gave no items)
  const empty = (Object.keys(buckets) as ItemKind[]).filter((k) => buckets[k].length === 0);
  if (empty.length) {
    const noItems = items.length === 0;
    const taken = [...buckets.problems, ...buckets.causes, ...buckets.measures].map((x) => x.span);
    const found = noItems ? proseItems(doc, index, sectionOf, true) : [...structureRuns(doc, index, taken), ...proseItems(doc, index, sectionOf, false)];
    for (const { kind, item } of found) {
      if (!empty.includes(kind)) continue;
      if (inTable(item.span) || taken.some((s) => overlaps(s, item.span))) continue;
      buckets[kind].push(item);
      taken.push(item.span);
    }
  }

  // Under `活动成效及下一步打算`, results listed before `下一步…` are no measures.
  buckets.measures = dropResultsBeforePlans(doc.text, buckets.measures, (id) => index.byId.get(id));

  const bySpan = (a: ItemFact, b: ItemFact) => a.span[0] - b.span[0];
  const problems = buckets.problems.sort(bySpan);
  const causes: CauseFact[] = buckets.causes.sort(bySpan).map((c) => ({ ...c, kind: classifyCause(c.text) }));
  const measures: MeasureFact[] = buckets.measures.sort(bySpan).map((m) => {
    const fromTable = measureAttrs.get(m);
    const row = fromTable ? undefined : tableRowOf(doc.blocks, m.span);
    const ctx = row ? doc.text.slice(row.span[0], row.span[1]) : m.text;
    return {
      ...m,
      deadline: fromTable?.deadline ?? findDeadline(ctx),
      owner: fromTable?.owner ?? findOwner(ctx),
    };
  });
  return { problems, causes, measures };
}
