/**
 * Renderers of corpus statistics: terminal table, JSON, CSV (UTF-8 with BOM,
 * one long table with a 类别 column) and a self-contained HTML page whose
 * charts are inline SVG bars (no chart library, no network).
 */
import type { CountKind } from "../model/document.js";
import { BOM } from "../report/csv.js";
import { escapeHtml as e } from "../report/html/escape.js";
import { COUNT_LABELS, ruleLabel, typeLabel } from "../report/labels.js";
import { padCjk, padStartCjk } from "../report/width.js";
import type { NumberStats, Stats, TermCount } from "./index.js";

const ITEM_LABELS = { problems: "问题/份", causes: "原因/份", measures: "措施/份" } as const;

function statRow(label: string, s: NumberStats): string {
  const n = (x: number): string => String(x).padStart(9);
  return `${padCjk(label, 18)}${String(s.documents).padStart(7)}${n(s.sum)}${n(s.mean)}${n(s.median)}${n(s.min)}${n(s.max)}`;
}

export function formatStatsTable(s: Stats): string {
  const out: string[] = [];
  const errs = Object.values(s.errors).reduce((a, b) => a + b, 0);
  out.push(`文档 ${s.documents} 份，已分析 ${s.ok} 份，无法读取 ${errs} 份`, "");
  const head = padCjk("项目", 18) + ["文档数", "合计", "平均", "中位数", "最小", "最大"].map((h, i) => padStartCjk(h, i === 0 ? 7 : 9)).join("");
  out.push("数字事实（每份文档取该类最大值）：", head);
  for (const [k, v] of Object.entries(s.counts) as Array<[CountKind, NumberStats]>) out.push(statRow(COUNT_LABELS[k] ?? k, v));
  out.push("", "每份文档的条目数：", head);
  for (const k of ["problems", "causes", "measures"] as const) out.push(statRow(ITEM_LABELS[k], s.items[k]));
  out.push("", "缺失要素（按报告类型）：");
  for (const [type, m] of Object.entries(s.missing)) {
    out.push(`  ${typeLabel(type)}（${m.documents} 份）`);
    const els = Object.entries(m.elements).sort((a, b) => b[1] - a[1]);
    if (!els.length) out.push("    （无缺失）");
    for (const [id, n] of els) out.push(`    ${padCjk(ruleLabel(id), 18)}${id.padEnd(24)}${String(n).padStart(4)} 份  ${Math.round((n / m.documents) * 100)}%`);
  }
  const terms = (label: string, list: TermCount[]): void => {
    out.push("", `${label}高频词（按条目数${s.terms.method === "bigram" ? "，字二元组" : ""}）：`);
    out.push("  " + (list.length ? list.map((t) => `${t.term}（${t.count}）`).join("  ") : "（无）"));
  };
  terms("问题", s.terms.problems);
  terms("措施", s.terms.measures);
  if (s.copies) {
    out.push("", `雷同文档群（共有文字占本文 ≥ ${Math.round(s.copies.threshold * 100)}%）：`);
    if (!s.copies.clusters.length) out.push("  （无）");
    s.copies.clusters.forEach((c, i) => out.push(`  ${i + 1}. ${c.documents.length} 份，最高 ${Math.round(c.maxContainment * 100)}%：${c.documents.join("、")}`));
  }
  return out.join("\n") + "\n";
}

export function formatStatsJson(s: Stats): string {
  return JSON.stringify(s, null, 2) + "\n";
}

export function csvCell(v: string | number): string {
  const t = String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function formatStatsCsv(s: Stats): string {
  return BOM + statsCsvRows(s).map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The CSV rows of one Stats, header first (shared with the grouped CSV, which puts the group in front). */
export function statsCsvRows(s: Stats): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [["类别", "名称", "代码", "文档数", "合计", "平均", "中位数", "最小", "最大", "占比"]];
  for (const [k, v] of Object.entries(s.counts) as Array<[CountKind, NumberStats]>) rows.push(["数字事实", COUNT_LABELS[k] ?? k, k, v.documents, v.sum, v.mean, v.median, v.min, v.max, ""]);
  for (const k of ["problems", "causes", "measures"] as const) {
    const v = s.items[k];
    rows.push(["条目数", ITEM_LABELS[k], k, v.documents, v.sum, v.mean, v.median, v.min, v.max, ""]);
  }
  for (const [type, m] of Object.entries(s.missing)) {
    for (const [id, n] of Object.entries(m.elements).sort((a, b) => b[1] - a[1])) {
      rows.push([`缺失要素：${typeLabel(type)}`, ruleLabel(id), id, n, "", "", "", "", "", Math.round((n / m.documents) * 1000) / 10 + "%"]);
    }
  }
  for (const t of s.terms.problems) rows.push(["问题高频词", t.term, "", t.count, "", "", "", "", "", ""]);
  for (const t of s.terms.measures) rows.push(["措施高频词", t.term, "", t.count, "", "", "", "", "", ""]);
  for (const [i, c] of (s.copies?.clusters ?? []).entries()) {
    rows.push([`雷同文档群 ${i + 1}`, c.documents.join(" | "), "", c.documents.length, "", "", "", "", c.maxContainment, ""]);
  }
  return rows;
}

/** A horizontal bar chart as inline SVG. */
export function svgBars(data: Array<{ label: string; value: number; note?: string }>, color = "#1a73e8"): string {
  if (!data.length) return `<p class="muted">（无数据）</p>`;
  const rowH = 24;
  const labelW = 190;
  const barW = 420;
  const max = Math.max(...data.map((d) => d.value), 1);
  const h = data.length * rowH + 8;
  const bars = data
    .map((d, i) => {
      const y = i * rowH + 4;
      const w = Math.max(1, (d.value / max) * barW);
      return `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${e(d.label)}</text><rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${color}" rx="2"><title>${e(d.label)}：${e(String(d.value))}${d.note ? ` ${e(d.note)}` : ""}</title></rect><text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}">${e(String(d.value))}${d.note ? ` ${e(d.note)}` : ""}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${labelW + barW + 120}" height="${h}" font-size="13" font-family="sans-serif">${bars}</svg>`;
}

export function formatStatsHtml(s: Stats, generatedAt = new Date().toISOString()): string {
  const table = (rows: Array<[string, NumberStats]>): string =>
    `<table><thead><tr><th>项目</th><th>文档数</th><th>合计</th><th>平均</th><th>中位数</th><th>最小</th><th>最大</th></tr></thead><tbody>${rows
      .map(([l, v]) => `<tr><td>${e(l)}</td><td>${v.documents}</td><td>${v.sum}</td><td>${v.mean}</td><td>${v.median}</td><td>${v.min}</td><td>${v.max}</td></tr>`)
      .join("")}</tbody></table>`;
  const countRows = (Object.entries(s.counts) as Array<[CountKind, NumberStats]>).map(([k, v]) => [COUNT_LABELS[k] ?? k, v] as [string, NumberStats]);
  const missingHtml = Object.entries(s.missing)
    .map(([type, m]) => {
      const els = Object.entries(m.elements).sort((a, b) => b[1] - a[1]);
      return `<h3>${e(typeLabel(type))}（${m.documents} 份）</h3>${svgBars(
        els.map(([id, n]) => ({ label: ruleLabel(id), value: n, note: `${Math.round((n / m.documents) * 100)}%` })),
        "#d93025",
      )}`;
    })
    .join("");
  const errs = Object.entries(s.errors);
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>报告统计（${s.documents} 份文档）</title>
<style>body{font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px;color:#202124}table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}th{background:#f1f3f4}.muted{color:#5f6368}svg text{fill:#202124}</style>
</head><body>
<h1>报告统计</h1>
<p class="muted">生成时间 ${e(generatedAt)} · 文档 ${s.documents} 份，已分析 ${s.ok} 份${errs.length ? `，无法读取 ${errs.map(([c, n]) => `${e(c)} ${n}`).join("、")}` : ""}</p>
<h2>数字事实（每份文档取该类最大值）</h2>
${table(countRows)}
${svgBars(countRows.map(([l, v]) => ({ label: l, value: v.documents, note: "份" })))}
<h2>每份文档的条目数</h2>
${table((["problems", "causes", "measures"] as const).map((k) => [ITEM_LABELS[k], s.items[k]] as [string, NumberStats]))}
${svgBars((["problems", "causes", "measures"] as const).map((k) => ({ label: ITEM_LABELS[k] + "（平均）", value: s.items[k].mean })), "#188038")}
<h2>缺失要素（按报告类型）</h2>
${missingHtml || `<p class="muted">（无）</p>`}
<h2>问题高频词</h2>
${svgBars(s.terms.problems.map((t) => ({ label: t.term, value: t.count })), "#e37400")}
<h2>措施高频词</h2>
${svgBars(s.terms.measures.map((t) => ({ label: t.term, value: t.count })), "#188038")}
${
  s.copies
    ? `<h2>雷同文档群</h2><p class="muted">共有文字占本文 ≥ ${Math.round(s.copies.threshold * 100)}% 的文档连成一群。</p>${
        s.copies.clusters.length
          ? `<table><thead><tr><th>#</th><th>文档数</th><th>最高雷同比例</th><th>文档</th></tr></thead><tbody>${s.copies.clusters
              .map((c, i) => `<tr><td>${i + 1}</td><td>${c.documents.length}</td><td>${Math.round(c.maxContainment * 100)}%</td><td style="text-align:left">${c.documents.map(e).join("<br>")}</td></tr>`)
              .join("")}</tbody></table>`
          : `<p class="muted">（无）</p>`
      }`
    : ""
}
<p class="muted">词频按条目计（一个词在一条中只计一次）${s.terms.method === "bigram" ? "，分词器不可用，按字二元组统计" : ""}。</p>
</body></html>
`;
}
