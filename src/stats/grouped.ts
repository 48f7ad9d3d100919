/**
 * `stats --by year|campaign|sector|level|scope|type`: every statistic split by
 * one dimension of the results (`meta`, or the report type). One StatsBuilder
 * per value plus one for the whole, fed the same results, so the groups add up
 * to the whole by construction (an unreadable document has no meta: it falls
 * in the group "未知").
 */
import type { AnalysisResult } from "../model/document.js";
import type { MetaDimension } from "../model/meta.js";
import { dimensionValue, dimensionValueLabel } from "../report/labels.js";
import { StatsBuilder, type Stats } from "./index.js";
import type { SimilarEntry } from "../model/document.js";

export interface StatsGroup {
  /** The dimension's value as an id ("" when unknown). */
  value: string;
  label: string;
  stats: Stats;
}

export interface GroupedStats {
  by: MetaDimension;
  whole: Stats;
  groups: StatsGroup[];
}

export class GroupedStatsBuilder {
  private readonly whole: StatsBuilder;
  private readonly groups = new Map<string, StatsBuilder>();

  constructor(
    readonly by: MetaDimension,
    private readonly useSegmenter = true,
  ) {
    this.whole = new StatsBuilder(useSegmenter);
  }

  /** Copy clusters belong to the whole batch, not to one group (pairs cross groups). */
  addSimilar(path: string, entries: SimilarEntry[] | undefined): void {
    this.whole.addSimilar(path, entries);
  }

  async add(r: AnalysisResult): Promise<void> {
    const value = r.status === "ok" ? dimensionValue(r, this.by) : "";
    let g = this.groups.get(value);
    if (!g) this.groups.set(value, (g = new StatsBuilder(this.useSegmenter)));
    await this.whole.add(r);
    await g.add(r);
  }

  result(topTerms = 20): GroupedStats {
    const order = (a: string, b: string): number => {
      if (!a || !b) return a ? -1 : b ? 1 : 0; // 未知 last
      if (this.by === "year") return Number(a) - Number(b);
      return a < b ? -1 : a > b ? 1 : 0;
    };
    const groups = [...this.groups.entries()]
      .sort((x, y) => order(x[0], y[0]))
      .map(([value, b]) => ({ value, label: dimensionValueLabel(this.by, value), stats: b.result(topTerms) }));
    return { by: this.by, whole: this.whole.result(topTerms), groups };
  }
}
