/**
 * `quality.problem-no-measure`: each problem that no measure addresses, paired
 * the way a reviewer pairs 问题 with 措施. Signals, in order:
 *
 * 1. Same place: the measure stands in the problem's table row (问题 | 措施 |
 *    责任人), or follows it in the same section before the next problem
 *    (问题一：… 整改措施：…).
 * 2. Order: parallel lists — the k-th problem (or problem subsection) and the
 *    k-th measure (or measure subsection) when both lists are equally long —
 *    need one shared key term (理论学习 ↔ 强化理论武装 … 学习).
 * 3. Key terms: otherwise some measure must share `minShared` key terms
 *    with it. Key terms are two-character words of the item, without the
 *    report's boilerplate (工作, 问题, 加强, and any pair that occurs in
 *    most items of the document).
 *
 * Never judged: a document without problems or without measures (the
 * presence rules report those).
 */
import type { ItemFact, SectionNode, Span, WorkingDocument } from "../../model/document.js";
import type { Detector, Evidence } from "../types.js";
import { quoteStart } from "./measure-scope.js";
import { flatSections } from "./util.js";

const STOP = ["进一步", "不够", "存在", "问题", "工作", "加强", "提高", "建设", "推进", "落实", "一些", "部分", "还有", "有待", "方面", "情况", "没有", "不断", "深入", "切实", "完善", "健全", "严格", "坚持", "开展", "建立", "制度", "机制", "认真", "全面", "有效", "我们", "自己", "本人", "班子", "成员", "同志", "要求", "进行", "对于", "以及", "一是", "二是", "三是", "四是", "五是"];
const STOP_BIGRAMS = new Set(STOP.flatMap((w) => [...Array(Math.max(0, w.length - 1)).keys()].map((i) => w.slice(i, i + 2))));

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const run of s.match(/[\u4e00-\u9fa5]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const b = run.slice(i, i + 2);
      if (!STOP_BIGRAMS.has(b)) out.add(b);
    }
  }
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

const within = (inner: Span, outer: Span): boolean => outer[0] <= inner[0] && inner[1] <= outer[1];

/** Index of the top-level-most section of `role` holding the item, among its siblings of that role; -1 if none. */
function groupIndex(item: ItemFact, groups: SectionNode[]): number {
  return groups.findIndex((g) => within(item.span, g.span));
}

/** The subsections of the first section with this role (the parallel 一、二、三 of 问题 and 措施), or []. */
function roleGroups(doc: WorkingDocument, role: "problems" | "measures"): SectionNode[] {
  const top = flatSections(doc.sections).find((s) => s.role === role && s.children.length > 1);
  return top ? top.children : [];
}

export function problemsWithoutMeasure(doc: WorkingDocument, minShared: number): ItemFact[] {
  const { problems, measures } = doc;
  if (!problems.length || !measures.length) return [];
  // boilerplate of this document: pairs found in more than half of its items (when there are enough to tell)
  const all = [...problems, ...measures].map((x) => bigrams(x.text));
  const df = new Map<string, number>();
  for (const set of all) for (const b of set) df.set(b, (df.get(b) ?? 0) + 1);
  const common = all.length >= 6 ? new Set([...df].filter(([, n]) => n > all.length / 2).map(([b]) => b)) : new Set<string>();
  const key = (x: ItemFact): Set<string> => new Set([...bigrams(x.text)].filter((b) => !common.has(b)));
  const pk = problems.map(key);
  const mk = measures.map(key);
  const rows = doc.blocks.filter((b) => b.kind === "table-row").map((b) => b.span);
  const pg = roleGroups(doc, "problems");
  const mg = roleGroups(doc, "measures");
  const parallelGroups = pg.length > 1 && pg.length === mg.length;
  const parallelItems = problems.length === measures.length;

  return problems.filter((p, i) => {
    // 1. same table row, or the measures after it in its section before the next problem
    if (rows.some((r) => within(p.span, r) && measures.some((m) => within(m.span, r)))) return false;
    const nextProblem = problems.find((q) => q.span[0] > p.span[0])?.span[0] ?? Infinity;
    if (p.section !== null && measures.some((m) => m.section === p.section && m.span[0] >= p.span[1] && m.span[0] < nextProblem)) return false;
    // 2. order
    if (parallelItems && shared(pk[i]!, mk[i]!) >= 1) return false;
    if (parallelGroups) {
      const g = groupIndex(p, pg);
      if (g >= 0 && measures.some((m, j) => groupIndex(m, mg) === g && shared(pk[i]!, mk[j]!) >= 1)) return false;
    }
    // 3. key terms
    return !mk.some((m) => shared(pk[i]!, m) >= minShared);
  });
}

function evidence(p: ItemFact): Evidence {
  return { span: p.span, detail: `${quoteStart(p.text)}没有对应措施` };
}

const minSharedOf = (opts: Record<string, unknown>): number => (typeof opts["minShared"] === "number" ? opts["minShared"] : 2);

export const qualityProblemNoMeasure: Detector = {
  name: "quality.problem-no-measure",
  mode: "defect",
  description: "逐条问题：没有任何措施回应的问题（按关键词和顺序配对）",
  detect: (doc, opts) => {
    const p = problemsWithoutMeasure(doc, minSharedOf(opts))[0];
    return p ? evidence(p) : null;
  },
  detectAll: (doc, opts) => problemsWithoutMeasure(doc, minSharedOf(opts)).map(evidence),
};
