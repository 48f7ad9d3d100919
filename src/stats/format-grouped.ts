/**
 * Renderers of `stats --by`: every statistic of `stats` once for the whole and
 * once per group. Terminal and CSV repeat the plain tables per group (CSV with
 * the group in front of each row); JSON is `{ by, whole, groups }`; the HTML
 * page draws each chart as grouped bars, one colour per group, so a
 * researcher compares groups at a glance (每份问题数 by year, 缺失要素 by sector).
 */
import type { CountKind } from "../model/document.js";
import { BOM } from "../report/csv.js";
import { escapeHtml as e } from "../report/html/escape.js";
import { COUNT_LABELS, DIMENSION_LABELS, ruleLabel } from "../report/labels.js";
import { csvCell, formatStatsTable, statsCsvRows } from "./format.js";
import type { GroupedStats } from "./grouped.js";
import type { NumberStats, Stats } from "./index.js";

export function formatGroupedStatsTable(g: GroupedStats): string {
  const dim = DIMENSION_LABELS[g.by];
  const out: string[] = [`按${dim}分组：${g.groups.map((x) => `${x.label} ${x.stats.documents} 份`).join("、")}（合计 ${g.whole.documents} 份）`, ""];
  out.push(`══ 全部（${g.whole.documents} 份） ══`, formatStatsTable(g.whole));
  for (const x of g.groups) out.push(`══ ${dim}：${x.label}（${x.stats.documents} 份） ══`, formatStatsTable(x.stats));
  return out.join("\n");
}

export function formatGroupedStatsJson(g: GroupedStats): string {
  return JSON.stringify(g, null, 2) + "\n";
}

export function formatGroupedStatsCsv(g: GroupedStats): string {
  const dim = DIMENSION_LABELS[g.by];
  const rows: Array<Array<string | number>> = [];
  const add = (value: string, label: string, s: Stats, withHeader: boolean): void => {
    const [head, ...body] = statsCsvRows(s);
    if (withHeader) rows.push(["分组维度", "分组", "分组代码", ...head!]);
    for (const r of body) rows.push([dim, label, value, ...r]);
  };
  add("*", "全部", g.whole, true);
  for (const x of g.groups) add(x.value, x.label, x.stats, false);
  return BOM + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const PALETTE = ["#1a73e8", "#d93025", "#188038", "#e37400", "#9334e6", "#12b5cb", "#b06000", "#5f6368", "#c5221f", "#1e8e3e"];

/** Grouped horizontal bars as inline SVG: per category one bar per series, values labelled. */
export function svgGroupedBars(categories: string[], series: Array<{ name: string; values: number[]; notes?: string[] }>): string {
  if (!categories.length || !series.length) return `<p class="muted">（无数据）</p>`;
  const barH = 14;
  const gap = 10;
  const labelW = 190;
  const barW = 380;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const blockH = series.length * barH + gap;
  // one legend line per series: group names are long (习近平新时代中国特色社会主义思想主题教育)
  const legendH = series.length * 18 + 8;
  const h = legendH + categories.length * blockH + 6;
  const legend = series
    .map((s, j) => `<rect x="${labelW}" y="${4 + j * 18}" width="12" height="12" fill="${PALETTE[j % PALETTE.length]}"/><text x="${labelW + 18}" y="${15 + j * 18}">${e(s.name)}</text>`)
    .join("");
  const bars = categories
    .map((c, i) => {
      const y0 = legendH + i * blockH;
      const label = `<text x="${labelW - 8}" y="${y0 + (series.length * barH) / 2 + 5}" text-anchor="end">${e(c)}</text>`;
      const rects = series
        .map((s, j) => {
          const v = s.values[i] ?? 0;
          const w = Math.max(v > 0 ? 1 : 0, (v / max) * barW);
          const y = y0 + j * barH;
          const note = s.notes?.[i] ?? "";
          return `<rect x="${labelW}" y="${y + 1}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${PALETTE[j % PALETTE.length]}"><title>${e(s.name)} · ${e(c)}：${e(String(v))}${e(note)}</title></rect><text x="${(labelW + w + 4).toFixed(1)}" y="${y + barH - 3}" font-size="11">${e(String(v))}${e(note)}</text>`;
        })
        .join("");
      return label + rects;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${labelW + barW + 120}" height="${h}" font-size="13" font-family="sans-serif">${legend}${bars}</svg>`;
}

const pct = (n: number, of: number): number => (of ? Math.round((n / of) * 1000) / 10 : 0);

export function formatGroupedStatsHtml(g: GroupedStats, generatedAt = new Date().toISOString()): string {
  const dim = DIMENSION_LABELS[g.by];
  // Groups with no analysed document (only unreadable files) have nothing to chart.
  const charted = g.groups.filter((x) => x.stats.ok > 0);
  const names = charted.map((x) => `${x.label}（${x.stats.ok}）`);
  const numTable = (rows: Array<[string, string, NumberStats]>): string =>
    `<table><thead><tr><th>项目</th><th>${e(dim)}</th><th>文档数</th><th>合计</th><th>平均</th><th>中位数</th><th>最小</th><th>最大</th></tr></thead><tbody>${rows
      .map(([l, grp, v]) => `<tr><td>${e(l)}</td><td>${e(grp)}</td><td>${v.documents}</td><td>${v.sum}</td><td>${v.mean}</td><td>${v.median}</td><td>${v.min}</td><td>${v.max}</td></tr>`)
      .join("")}</tbody></table>`;

  // Count kinds: share of the group's analysed documents that report the kind, and the mean value.
  const kinds = Object.keys(g.whole.counts) as CountKind[];
  const countsChart = svgGroupedBars(
    kinds.map((k) => COUNT_LABELS[k] ?? k),
    charted.map((x, j) => ({
      name: names[j]!,
      values: kinds.map((k) => pct(x.stats.counts[k]?.documents ?? 0, x.stats.ok)),
      notes: kinds.map(() => "%"),
    })),
  );
  const countRows: Array<[string, string, NumberStats]> = [];
  for (const k of kinds) for (const x of g.groups) if (x.stats.counts[k]) countRows.push([COUNT_LABELS[k] ?? k, x.label, x.stats.counts[k]!]);

  const itemKinds = ["problems", "causes", "measures"] as const;
  const itemLabels = { problems: "问题/份", causes: "原因/份", measures: "措施/份" } as const;
  const itemsChart = svgGroupedBars(
    itemKinds.map((k) => `${itemLabels[k]}（平均）`),
    charted.map((x, j) => ({ name: names[j]!, values: itemKinds.map((k) => x.stats.items[k].mean) })),
  );
  const itemRows: Array<[string, string, NumberStats]> = [];
  for (const k of itemKinds) for (const x of g.groups) itemRows.push([itemLabels[k], x.label, x.stats.items[k]]);

  // Missing elements: per rule id, the share of the group's checked documents that lack it.
  const checked = (s: Stats): number => Object.values(s.missing).reduce((n, m) => n + m.documents, 0);
  const lacking = (s: Stats, id: string): number => Object.values(s.missing).reduce((n, m) => n + (m.elements[id] ?? 0), 0);
  const ruleIds = [...new Set(Object.values(g.whole.missing).flatMap((m) => Object.keys(m.elements)))].sort((a, b) => lacking(g.whole, b) - lacking(g.whole, a));
  const missingChart = svgGroupedBars(
    ruleIds.map(ruleLabel),
    charted.map((x, j) => ({ name: names[j]!, values: ruleIds.map((id) => pct(lacking(x.stats, id), checked(x.stats))), notes: ruleIds.map(() => "%") })),
  );

  const terms = g.groups
    .map(
      (x) =>
        `<tr><td>${e(x.label)}</td><td>${e(x.stats.terms.problems.slice(0, 10).map((t) => `${t.term}（${t.count}）`).join(" ") || "—")}</td><td>${e(x.stats.terms.measures.slice(0, 10).map((t) => `${t.term}（${t.count}）`).join(" ") || "—")}</td></tr>`,
    )
    .join("");
  const summary = `<table><thead><tr><th>${e(dim)}</th><th>文档</th><th>已分析</th><th>无法读取</th></tr></thead><tbody>${g.groups
    .map((x) => `<tr><td>${e(x.label)}</td><td>${x.stats.documents}</td><td>${x.stats.ok}</td><td>${x.stats.documents - x.stats.ok}</td></tr>`)
    .join("")}<tr><td><b>合计</b></td><td><b>${g.whole.documents}</b></td><td><b>${g.whole.ok}</b></td><td><b>${g.whole.documents - g.whole.ok}</b></td></tr></tbody></table>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>报告统计：按${e(dim)}分组（${g.whole.documents} 份文档）</title>
<style>body{font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px;color:#202124}table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th:first-child,td:first-child,td:nth-child(2){text-align:left}th{background:#f1f3f4}.muted{color:#5f6368}svg text{fill:#202124}</style>
</head><body>
<h1>报告统计：按${e(dim)}分组</h1>
<p class="muted">生成时间 ${e(generatedAt)} · 文档 ${g.whole.documents} 份，分为 ${g.groups.length} 组</p>
${summary}
<h2>数字事实：报告该项的文档占比</h2>
${countsChart}
${numTable(countRows)}
<h2>每份文档的条目数</h2>
${itemsChart}
${numTable(itemRows)}
<h2>缺失要素：缺失该要素的文档占比</h2>
${missingChart}
<h2>高频词</h2>
<table><thead><tr><th>${e(dim)}</th><th>问题高频词</th><th>措施高频词</th></tr></thead><tbody>${terms}</tbody></table>
</body></html>
`;
}
