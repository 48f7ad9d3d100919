/**
 * Corpus statistics over analysis results (a fresh run or a previous run's
 * JSONL): per count kind how many documents report it and the sum / mean /
 * median / min / max of the per-document value; problems, causes and measures
 * per document; how often each checklist element is missing, by report type;
 * the most frequent terms of problem and measure items.
 *
 * Built incrementally (`add` per result) so a 1,000-document JSONL is read
 * line by line. Per document, a count kind's value is its LARGEST figure
 * (收集意见416条,梳理归并为85条 → 416: the raw total, not the merged one).
 *
 * Terms come from the jieba segmenter of src/segment when it loads, else from
 * character bigrams; each term is counted once per item (item frequency), so
 * one long item cannot dominate.
 */
import type { AnalysisResult, CountKind } from "../model/document.js";
import { COUNT_KINDS } from "../report/labels.js";
import { missingElements } from "../report/rows.js";
import type { SimilarEntry } from "../model/document.js";
import { CopyClusterBuilder, type CopyCluster } from "../similar/clusters.js";

export interface NumberStats {
  documents: number;
  sum: number;
  mean: number;
  median: number;
  min: number;
  max: number;
}

export interface TermCount {
  term: string;
  count: number;
}

export interface Stats {
  documents: number;
  ok: number;
  errors: Record<string, number>;
  counts: Partial<Record<CountKind, NumberStats>>;
  items: { problems: NumberStats; causes: NumberStats; measures: NumberStats };
  /** By report type: documents of that type and, per rule id, how many lack it. */
  missing: Record<string, { documents: number; elements: Record<string, number> }>;
  terms: { problems: TermCount[]; measures: TermCount[]; method: "jieba" | "bigram" };
  /** Clusters of mutually copied documents (from `similar`); absent when no result carries it. */
  copies?: { threshold: number; clusters: CopyCluster[] };
}

export function numberStats(values: number[]): NumberStats {
  if (values.length === 0) return { documents: 0, sum: 0, mean: 0, median: 0, min: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sum = sorted.reduce((a, b) => a + b, 0);
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { documents: n, sum: round(sum), mean: round(sum / n), median: round(median), min: sorted[0]!, max: sorted[n - 1]! };
}

type Cutter = (text: string) => string[];

// Words every item of the genre uses (问题 in every problem, 加强 in most
// measures): they say nothing about WHICH problems a corpus has.
const GENRE_STOP = new Set(
  "问题 方面 工作 存在 一些 有的 个别 部分 我们 自己 同志 进一步 一步 不够 不足 还不 还有 没有 不是 一定 程度 情况 进行 开展 做到 切实 认真 加强 坚持 提高 不断 努力 全面 更加 深入 推进 推动 落实 抓好 强化 以及 对于 通过 有效 主要 其中 今后 继续 着力".split(" "),
);

async function loadCutter(): Promise<{ cut: Cutter; method: "jieba" | "bigram"; stop: Set<string> }> {
  try {
    const mod = (await import("../segment/index.js")) as Record<string, unknown>;
    const get = mod["getSegmenter"];
    if (typeof get === "function") {
      const seg = (await (get as (n?: string) => unknown)("rs")) as { cut?: (t: string) => unknown };
      if (seg && typeof seg.cut === "function") {
        const stopFn = mod["stopWords"];
        const stop = typeof stopFn === "function" ? ((stopFn as () => Set<string>)() ?? new Set<string>()) : new Set<string>();
        const cut = seg.cut.bind(seg) as (t: string) => unknown;
        return { cut: (t) => (cut(t) as unknown[]).map((x) => (typeof x === "string" ? x : String((x as { word?: string }).word ?? ""))), method: "jieba", stop };
      }
    }
  } catch {
    // No segmenter (not built yet, or nodejieba missing): fall back to bigrams.
  }
  return { cut: bigrams, method: "bigram", stop: new Set() };
}

/** Character bigrams of each run of Han characters (问题整改 → 问题, 题整, 整改). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

export class StatsBuilder {
  private documents = 0;
  private ok = 0;
  private errors: Record<string, number> = {};
  private countValues = new Map<CountKind, number[]>();
  private perDoc = { problems: [] as number[], causes: [] as number[], measures: [] as number[] };
  private missing: Stats["missing"] = {};
  private termCounts = { problems: new Map<string, number>(), measures: new Map<string, number>() };
  private cutter: Promise<{ cut: Cutter; method: "jieba" | "bigram"; stop: Set<string> }> | null = null;
  private method: "jieba" | "bigram" = "bigram";
  private copies: CopyClusterBuilder;
  private sawSimilar = false;

  constructor(
    private readonly useSegmenter = true,
    copyThreshold = 0.3,
  ) {
    this.copies = new CopyClusterBuilder(copyThreshold);
  }

  /** Copy links of one document (when `similar` is computed after the result was added). */
  addSimilar(path: string, entries: SimilarEntry[] | undefined): void {
    if (!entries) return;
    this.sawSimilar = true;
    this.copies.add(path, entries);
  }

  async add(r: AnalysisResult): Promise<void> {
    this.documents++;
    if (r.status !== "ok") {
      const code = r.error?.code ?? "READ_FAILED";
      this.errors[code] = (this.errors[code] ?? 0) + 1;
      return;
    }
    this.ok++;
    if (r.similar) this.addSimilar(r.source.path, r.similar);
    const maxByKind = new Map<CountKind, number>();
    for (const c of r.counts) maxByKind.set(c.kind, Math.max(maxByKind.get(c.kind) ?? -Infinity, c.value));
    for (const [k, v] of maxByKind) {
      const list = this.countValues.get(k) ?? [];
      list.push(v);
      this.countValues.set(k, list);
    }
    this.perDoc.problems.push(r.problems.length);
    this.perDoc.causes.push(r.causes.length);
    this.perDoc.measures.push(r.measures.length);
    const type = r.checklist?.id ?? r.reportType?.id ?? "unknown";
    const m = (this.missing[type] ??= { documents: 0, elements: {} });
    m.documents++;
    for (const id of new Set(missingElements(r))) m.elements[id] = (m.elements[id] ?? 0) + 1;
    if (r.problems.length || r.measures.length) {
      this.cutter ??= this.useSegmenter ? loadCutter() : Promise.resolve({ cut: bigrams, method: "bigram" as const, stop: new Set<string>() });
      const { cut, method, stop } = await this.cutter;
      this.method = method;
      const tally = (items: Array<{ text: string }>, into: Map<string, number>): void => {
        for (const it of items) {
          const terms = new Set(cut(it.text).filter((t) => /^\p{Script=Han}{2,}$/u.test(t) && !GENRE_STOP.has(t) && !stop.has(t)));
          for (const t of terms) into.set(t, (into.get(t) ?? 0) + 1);
        }
      };
      tally(r.problems, this.termCounts.problems);
      tally(r.measures, this.termCounts.measures);
    }
  }

  result(topTerms = 20): Stats {
    const counts: Stats["counts"] = {};
    for (const k of COUNT_KINDS) {
      const v = this.countValues.get(k);
      if (v?.length) counts[k] = numberStats(v);
    }
    const top = (m: Map<string, number>): TermCount[] =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, topTerms)
        .map(([term, count]) => ({ term, count }));
    return {
      documents: this.documents,
      ok: this.ok,
      errors: this.errors,
      counts,
      items: { problems: numberStats(this.perDoc.problems), causes: numberStats(this.perDoc.causes), measures: numberStats(this.perDoc.measures) },
      missing: this.missing,
      terms: { problems: top(this.termCounts.problems), measures: top(this.termCounts.measures), method: this.method },
      ...(this.sawSimilar ? { copies: { threshold: this.copies.threshold, clusters: this.copies.result() } } : {}),
    };
  }
}

export async function computeStats(results: Iterable<AnalysisResult> | AsyncIterable<AnalysisResult>, useSegmenter = true): Promise<Stats> {
  const b = new StatsBuilder(useSegmenter);
  for await (const r of results) await b.add(r);
  return b.result();
}

export { formatStatsCsv, formatStatsHtml, formatStatsJson, formatStatsTable } from "./format.js";
