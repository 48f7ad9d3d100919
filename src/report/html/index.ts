/**
 * The reviewer's HTML report: one self-contained file (inline CSS and JS, a
 * CSP that forbids any network load), in Chinese.
 *
 * - 总览: every document with type, pass/fail, missing elements and key
 *   counts; sortable by column, filterable by type, missing element, status
 *   and free text; totals above.
 * - Per document: the normalized text with problems, causes and measures
 *   highlighted in distinct colours, counts underlined, spin restorations
 *   shown on hover; the heading outline; the findings, each linking to its
 *   evidence (anchor + scroll); the counts table.
 * - Files that failed, with their error message (which carries the advice),
 *   and the non-documents skipped in folders.
 *
 * Pure: results in, string out. EVERY piece of document text goes through
 * escapeHtml (a report containing `<script>` shows it as text).
 */
import type { AnalysisResult, SimilarEntry } from "../../model/document.js";
import type { ReportMeta } from "../../model/meta.js";
import type { ReportContext } from "../context.js";
import { CAMPAIGN_LABELS, COUNT_LABELS, DIMENSION_LABELS, dimensionValue, dimensionValueLabel, LEVEL_LABELS, reportTypeLabel, ROLE_LABELS, ruleLabel, SCOPE_LABELS, SECTOR_LABELS, SEVERITY_LABELS, typeLabel } from "../labels.js";
import { missingBySeverity, missingElements, statusLabel } from "../rows.js";
import { describeSkipped } from "../skipped.js";
import { copiedEntries } from "../../similar/apply.js";
import { escapeHtml as e } from "./escape.js";
import { highlightText, type Mark } from "./highlight.js";
import { SCRIPT } from "./script.js";
import { STYLE } from "./style.js";

type Section = AnalysisResult["sections"][number];

const docId = (i: number): string => `doc-${i + 1}`;

/** Where each path is in the report (copy links jump between documents). */
type PathIndex = Map<string, number>;

/** Anchor of passage `p` shared by document `self` with `other` (an index or a reference's key). */
const copyAnchor = (self: string, other: string, p: number): string => `${self}-x-${other}-${p}`;

function otherKey(e: SimilarEntry, k: number, index: PathIndex): string {
  const j = index.get(e.path);
  return j !== undefined && !e.reference ? docId(j) : `ref-${k}`;
}

/** Shared passages as marks (renderings of the same document are not marked). */
function copyMarks(r: AnalysisResult, id: string, index: PathIndex): Mark[] {
  const marks: Mark[] = [];
  (r.similar ?? []).forEach((e, k) => {
    if (e.sameDocument) return;
    const other = otherKey(e, k, index);
    e.passages.forEach((p, q) =>
      marks.push({ start: p.span[0], end: p.span[1], cls: "hl-copy", id: copyAnchor(id, other, q), title: `与「${e.path}」雷同（${Math.round(e.containment * 100)}%，第 ${q + 1} 段）` }),
    );
  });
  return marks;
}

/** The side list of documents sharing text, each passage linking to its place here and in the other document. */
function similarList(r: AnalysisResult, id: string, index: PathIndex, hasText: boolean): string {
  if (!r.similar) return "";
  if (!r.similar.length) return `<h3>雷同</h3><p class="muted">未发现与其他文档共有的段落</p>`;
  return `<h3>雷同（${r.similar.length}）</h3><ul class="similar">${r.similar
    .map((x, k) => {
      const j = index.get(x.path);
      const other = otherKey(x, k, index);
      const name = j !== undefined && !x.reference ? `<a href="#${e(docId(j))}">${e(x.path)}</a>` : `<code>${e(x.path)}</code>${x.reference ? ` <span class="chip">参照文档</span>` : ""}`;
      const head = `${name} <b>${Math.round(x.containment * 100)}%</b> <span class="muted">（${x.sharedChars} 字）</span>${x.sameDocument ? ` <span class="chip">同一文档的不同格式</span>` : ""}`;
      if (x.sameDocument || !x.passages.length) return `<li>${head}</li>`;
      const links = x.passages
        .map(
          (_, q) =>
            `${hasText ? `<a class="jump" href="#${e(copyAnchor(id, other, q))}">第 ${q + 1} 段</a>` : `第 ${q + 1} 段`}${j !== undefined && !x.reference ? `<a class="jump" href="#${e(copyAnchor(other, id, q))}">→ 对方</a>` : ""}`,
        )
        .join(" ");
      return `<li>${head}<br>${links}</li>`;
    })
    .join("")}</ul>`;
}

/** Overview cell: the highest containment (not a rendering of the same document) and with whom. */
function similarCell(r: AnalysisResult, index: PathIndex, threshold: number): string {
  const top = (r.similar ?? []).find((x) => !x.sameDocument);
  if (!top) return `<td class="num" data-v="">${r.similar ? `<span class="muted">—</span>` : ""}</td>`;
  const j = index.get(top.path);
  const pct = Math.round(top.containment * 100);
  const who = j !== undefined && !top.reference ? `<a href="#${e(docId(j))}">${e(top.path)}</a>` : `<code>${e(top.path)}</code>${top.reference ? "（参照）" : ""}`;
  return `<td data-v="${top.containment}"><span class="${copiedEntries([top], threshold).length ? "badge fail" : "muted"}">${pct}%</span> ${who}</td>`;
}

function statusBadge(r: AnalysisResult): string {
  if (r.status === "error") return `<span class="badge error">无法读取</span>`;
  return r.checklist?.passed === false ? `<span class="badge fail">未通过</span>` : `<span class="badge pass">通过</span>`;
}

function statusKey(r: AnalysisResult): string {
  return r.status === "error" ? "error" : r.checklist?.passed === false ? "fail" : "pass";
}

function flattenSections(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flattenSections(s.children, out);
  }
  return out;
}

/** The end of the heading line that starts a section (its first line). */
function headingEnd(text: string, s: Section): number {
  const nl = text.indexOf("\n", s.span[0]);
  return Math.min(s.span[1], nl < 0 ? text.length : nl);
}

function marksFor(r: AnalysisResult, id: string): Mark[] {
  const text = r.text.content ?? "";
  const marks: Mark[] = [];
  for (const s of flattenSections(r.sections)) {
    marks.push({ start: s.span[0], end: headingEnd(text, s), cls: "hl-heading", id: `${id}-s-${s.id}`, title: `${ROLE_LABELS[s.role] ?? s.role}` });
  }
  r.problems.forEach((p, i) => marks.push({ start: p.span[0], end: p.span[1], cls: "hl-problem", id: `${id}-p-${i}`, title: `问题 ${i + 1}` }));
  r.causes.forEach((c, i) =>
    marks.push({ start: c.span[0], end: c.span[1], cls: "hl-cause", id: `${id}-c-${i}`, title: `原因 ${i + 1}${c.kind ? (c.kind === "subjective" ? "（主观）" : "（客观）") : ""}` }),
  );
  r.measures.forEach((m, i) =>
    marks.push({
      start: m.span[0],
      end: m.span[1],
      cls: "hl-measure",
      id: `${id}-m-${i}`,
      title: `措施 ${i + 1}${m.deadline ? ` · 时限：${m.deadline}` : ""}${m.owner ? ` · 责任：${m.owner}` : ""}`,
    }),
  );
  r.counts.forEach((c, i) =>
    marks.push({ start: c.span[0], end: c.span[1], cls: "hl-count", id: `${id}-n-${i}`, title: `${COUNT_LABELS[c.kind] ?? c.kind}：${c.value}${c.unit}${c.approx ? "（约）" : ""}` }),
  );
  (r.checklist?.findings ?? []).forEach((f, i) => {
    // A copied passage is already underlined as shared text; outlining it too would box whole pages.
    if (f.span) marks.push({ start: f.span[0], end: f.span[1], cls: f.related ? "hl-copy" : "hl-finding", id: `${id}-f-${i}`, title: `${f.ruleId}：${f.message}` });
  });
  for (const [rule, span] of Object.entries(r.checklist?.evidence ?? {})) {
    if (span) marks.push({ start: span[0], end: span[1], cls: "hl-evidence", id: `${id}-e-${rule}`, title: `已找到：${ruleLabel(rule)}` });
  }
  for (const rs of r.text.restorations ?? []) {
    marks.push({ start: rs.span[0], end: rs.span[1], cls: "hl-restore", title: `原文：“${rs.original}” → 还原为：“${rs.replacement}”` });
  }
  return marks;
}

function outline(sections: Section[], id: string): string {
  if (!sections.length) return "";
  return `<ul>${sections
    .map(
      (s) =>
        `<li><a href="#${e(`${id}-s-${s.id}`)}">${e(s.marker)}${e(s.heading)}</a> <span class="chip">${e(ROLE_LABELS[s.role] ?? s.role)}</span>${outline(s.children, id)}</li>`,
    )
    .join("")}</ul>`;
}

function itemList(label: string, items: Array<{ text: string }>, id: string, key: string, hasText: boolean): string {
  if (!items.length) return `<h3>${label}(0)</h3>`;
  return `<h3>${label}（${items.length}）</h3><ol>${items
    .map((it, i) => `<li><span class="item-text">${e(it.text)}</span>${hasText ? `<a class="jump" href="#${e(`${id}-${key}-${i}`)}">原文</a>` : ""}</li>`)
    .join("")}</ol>`;
}

function documentSection(r: AnalysisResult, i: number, index: PathIndex = new Map()): string {
  const id = docId(i);
  const hasText = typeof r.text.content === "string";
  const findings = r.checklist?.findings ?? [];
  const findingsHtml = findings.length
    ? `<ul class="findings">${findings
        .map(
          (f, k) =>
            `<li><span class="badge sev-${e(f.severity)}">${e(SEVERITY_LABELS[f.severity] ?? f.severity)}</span> <b>${e(ruleLabel(f.ruleId))}</b> <code>${e(f.ruleId)}</code>:${e(f.message)}${
              f.span && hasText ? ` <a class="jump finding-link" href="#${e(`${id}-f-${k}`)}">定位原文</a>` : f.span ? "" : ` <span class="muted">（原文中未找到）</span>`
            }</li>`,
        )
        .join("")}</ul>`
    : `<p class="muted">无</p>`;
  const evidence = Object.entries(r.checklist?.evidence ?? {});
  const evidenceHtml = evidence.length
    ? `<h3>已找到的要素</h3><ul>${evidence
        .map(([rule, span]) => `<li>${e(ruleLabel(rule))} <code>${e(rule)}</code>${span && hasText ? ` <a class="jump" href="#${e(`${id}-e-${rule}`)}">原文</a>` : ""}</li>`)
        .join("")}</ul>`
    : "";
  const countRows = r.counts
    .map(
      (c, k) =>
        `<tr><td>${e(COUNT_LABELS[c.kind] ?? c.kind)}</td><td class="num">${e(String(c.value))}${e(c.unit)}${c.approx ? "（约）" : ""}</td><td>${e(c.text)}${
          hasText ? ` <a class="jump" href="#${e(`${id}-n-${k}`)}">原文</a>` : ""
        }</td></tr>`,
    )
    .join("");
  const countsHtml = r.counts.length ? `<table class="counts"><thead><tr><th>类别</th><th>数值</th><th>原文</th></tr></thead><tbody>${countRows}</tbody></table>` : `<p class="muted">未提取到数字事实</p>`;
  const restored = r.text.restorations?.length ?? 0;
  const meta = [
    `文件：<code>${e(r.source.path)}</code>`,
    `类型：${e(reportTypeLabel(r.reportType))}${r.reportType ? `（置信度 ${Math.round(r.reportType.confidence * 100)}%）` : ""}`,
    `字数：${r.text.chars}`,
    r.source.pages ? `页数：${r.source.pages}` : "",
    r.text.script === "traditional" ? "原文为繁体（已转简体）" : "",
    r.text.spun ? `疑似同义改写文本（已还原 ${restored} 处，悬停查看）` : "",
    r.checklist?.note ? e(r.checklist.note) : "",
    webRepairNote(r.text.repairs),
    r.status === "ok" && r.checklist === null && r.reportType?.id === "other" ? "未识别为报告，未按清单检查（可用 --type 指定类型）" : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const textHtml = hasText
    ? `<div class="doc-text" lang="zh-CN">${highlightText(r.text.content!, [...marksFor(r, id), ...copyMarks(r, id, index)])}</div>`
    : `<div class="doc-text muted">（结果中未包含正文；用 --format html 或 --include-text 运行才能显示原文高亮。）</div>`;
  return `<details class="doc" id="${id}" data-status="${statusKey(r)}">
<summary><h2>${e(r.title ?? r.source.path)}</h2> <span class="muted file">${e(r.source.path)}</span> ${statusBadge(r)}</summary>
<p class="muted" style="padding:0 16px">${meta}</p>
<div class="doc-body"><aside class="side">
<h3>检查发现（${findings.length}）</h3>${findingsHtml}${evidenceHtml}
<h3>计数</h3><table><tbody><tr><td>问题</td><td class="num">${r.problems.length}</td></tr><tr><td>原因</td><td class="num">${r.causes.length}</td></tr><tr><td>措施</td><td class="num">${r.measures.length}</td></tr><tr><td>章节</td><td class="num">${flattenSections(r.sections).length}</td></tr></tbody></table>
<h3>数字事实（${r.counts.length}）</h3>${countsHtml}
${similarList(r, id, index, hasText)}
<h3>提纲</h3><div class="outline">${outline(r.sections, id) || `<p class="muted">未识别出标题层级</p>`}</div>
${itemList("存在问题", r.problems, id, "p", hasText)}${itemList("原因分析", r.causes, id, "c", hasText)}${itemList("整改措施", r.measures, id, "m", hasText)}
</aside>${textHtml}</div>
</details>`;
}

/** The row attributes the year / campaign / sector filters read. */
function metaAttributes(r: AnalysisResult): string {
  return (["year", "campaign", "sector"] as const).map((d) => ` data-${d}="${e(dimensionValue(r, d))}"`).join("");
}

/** Unit, then scope · sector · level · campaign in small print. */
function metaCell(m: ReportMeta): string {
  const small = [
    m.scope ? SCOPE_LABELS[m.scope] : null,
    m.person,
    m.sector ? SECTOR_LABELS[m.sector] : null,
    m.level ? LEVEL_LABELS[m.level] : null,
    m.campaign ? CAMPAIGN_LABELS[m.campaign] : null,
  ].filter((x): x is string => !!x);
  return `${e(m.unit ?? "")}${small.length ? `<br><span class="muted">${e(small.join(" · "))}</span>` : ""}`;
}

/** A filter <select> over one meta dimension, with the documents per value. */
function dimensionFilter(results: AnalysisResult[], dim: "year" | "campaign" | "sector"): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(dimensionValue(r, dim), (counts.get(dimensionValue(r, dim)) ?? 0) + 1);
  const values = [...counts.keys()].sort((a, b) => (dim === "year" ? Number(b || 0) - Number(a || 0) : a.localeCompare(b)));
  return `<label>${e(DIMENSION_LABELS[dim])} <select id="f-${dim}"><option value="">全部</option>${values
    .map((v) => `<option value="${e(v || "-")}">${e(dimensionValueLabel(dim, v))}（${counts.get(v)}）</option>`)
    .join("")}</select></label>`;
}

/** Missing elements as chips: required (error, decides pass/fail) red, suggested (warning) amber. */
function missingChips(r: AnalysisResult): string {
  const { required, suggested } = missingBySeverity(r);
  const chip = (m: string, kind: "err" | "warn"): string =>
    `<span class="chip ${kind}" title="${e(`${m}（${kind === "err" ? "必备要素，缺少即未通过" : "建议要素，不影响是否通过"}）`)}">${e(ruleLabel(m))}</span>`;
  return required.map((m) => chip(m, "err")).join("") + suggested.map((m) => chip(m, "warn")).join("");
}

function overviewRow(r: AnalysisResult, i: number, index: PathIndex = new Map(), threshold = 0.3): string {

  const missing = missingElements(r);
  const type = r.reportType?.id ?? "";
  const num = (n: number | null): string => `<td class="num" data-v="${n ?? ""}">${n ?? ""}</td>`;
  const ok = r.status === "ok";
  const keyCounts = ["opinions", "satisfaction"] as const;
  const meta = r.meta;
  return `<tr data-doc="${docId(i)}" data-type="${e(type)}" data-missing="${e(missing.join(" "))}" data-status="${statusKey(r)}"${metaAttributes(r)}>
<td data-v="${i}" class="num">${i + 1}</td>
<td data-v="${e(r.source.path)}"><a class="doc-link" href="#${docId(i)}">${e(r.title ?? r.source.path)}</a><br><span class="muted">${e(r.source.path)}</span></td>
<td data-v="${e(type)}">${e(ok ? (reportTypeLabel(r.reportType)) : "")}</td>
<td data-v="${e(meta?.unit ?? "")}">${meta ? metaCell(meta) : ""}</td>
<td data-v="${meta?.year ?? ""}" class="num">${meta?.year ?? ""}</td>
<td data-v="${statusKey(r)}">${statusBadge(r)}${r.status === "error" ? ` <code>${e(r.error?.code ?? "")}</code>` : ""}</td>
<td data-v="${missing.length}">${missingChips(r)}</td>
${num(ok ? r.problems.length : null)}${num(ok ? r.causes.length : null)}${num(ok ? r.measures.length : null)}
${keyCounts.map((k) => num(ok ? (r.counts.find((c) => c.kind === k)?.value ?? null) : null)).join("")}
${num(ok ? r.counts.length : null)}
${similarCell(r, index, threshold)}
</tr>`;
}

/** What the web repairs did to a page or a copied text (README "Reports taken from the web"). */
function webRepairNote(repairs: Record<string, number>): string {
  const parts = [
    repairs["furniture"] ? `去除网页杂项 ${repairs["furniture"]} 处（导航、发布信息、页码、推荐等）` : "",
    repairs["hardWraps"] ? `重接硬换行 ${repairs["hardWraps"]} 处` : "",
    repairs["lineSplits"] ? `整行正文按标题拆分 ${repairs["lineSplits"]} 处` : "",
  ].filter(Boolean);
  return parts.length ? `网页文本整理：${parts.join("、")}` : "";
}

export function formatHtml(results: AnalysisResult[], ctx: ReportContext): string {
  const index: PathIndex = new Map(results.map((r, i) => [r.source.path, i]));
  const threshold = ctx.copyThreshold ?? 0.3;
  const ok = results.filter((r) => r.status === "ok");
  const failed = results.filter((r) => r.status === "error");
  const passed = ok.filter((r) => r.checklist?.passed !== false).length;
  const types = [...new Set(ok.map((r) => r.reportType?.id).filter((t): t is NonNullable<typeof t> => !!t))].sort();
  const typeLabels = new Map(ok.filter((r) => r.reportType).map((r) => [r.reportType!.id, reportTypeLabel(r.reportType)]));
  const missingCounts = new Map<string, number>();
  for (const r of ok) for (const m of missingElements(r)) missingCounts.set(m, (missingCounts.get(m) ?? 0) + 1);
  const missingIds = [...missingCounts.keys()].sort();
  const totals = `<div class="totals">
<div class="total"><b>${results.length}</b>文档</div>
<div class="total good"><b>${passed}</b>通过</div>
<div class="total bad"><b>${ok.length - passed}</b>未通过</div>
<div class="total err"><b>${failed.length}</b>无法读取</div>
<div class="total"><b>${ok.reduce((a, r) => a + r.problems.length, 0)}</b>问题</div>
<div class="total"><b>${ok.reduce((a, r) => a + r.measures.length, 0)}</b>措施</div>
${ctx.skipped.length ? `<div class="total"><b>${ctx.skipped.length}</b>已跳过（非文档、锁定文件等）</div>` : ""}
</div>`;
  const filters = `<div class="filters">
<label>类型 <select id="f-type"><option value="">全部</option>${types.map((t) => `<option value="${e(t)}">${e(typeLabels.get(t) ?? t)}</option>`).join("")}</select></label>
<label>缺失要素 <select id="f-missing"><option value="">全部</option>${missingIds
    .map((m) => `<option value="${e(m)}">${e(ruleLabel(m))}（${missingCounts.get(m)}）</option>`)
    .join("")}</select></label>
${dimensionFilter(results, "year")}
${dimensionFilter(results, "campaign")}
${dimensionFilter(results, "sector")}
<label>结论 <select id="f-status"><option value="">全部</option><option value="pass">通过</option><option value="fail">未通过</option><option value="error">无法读取</option></select></label>
<label>搜索 <input id="f-search" type="search" placeholder="文件名或标题"></label>
<span class="muted">显示 <b id="f-shown">${results.length}</b> / ${results.length}</span>
</div>`;
  const overview = `<table id="overview"><thead><tr>
<th data-type="num">#</th><th>文档</th><th>类型</th><th>单位</th><th data-type="num">年份</th><th>结论</th><th data-type="num">缺失要素</th><th data-type="num">问题</th><th data-type="num">原因</th><th data-type="num">措施</th><th data-type="num">意见条数</th><th data-type="num">满意率</th><th data-type="num">数字事实</th><th data-type="num" title="与其他文档共有的文字占本文的最高比例">雷同</th>
</tr></thead><tbody>${results.map((r, i) => overviewRow(r, i, index, threshold)).join("\n")}</tbody></table>`;
  const errorsHtml = failed.length
    ? `<h2 id="errors">无法读取的文件（${failed.length}）</h2><ul class="errors">${results
        .map((r, i) => (r.status === "error" ? `<li id="${docId(i)}"><code>${e(r.source.path)}</code> <b>${e(r.error?.code ?? "")}</b>:${e(r.error?.message ?? "")}</li>` : ""))
        .join("")}</ul>`
    : "";
  const skippedHtml = ctx.skipped.length
    ? `<details><summary>已跳过的文件（${ctx.skipped.length}）</summary><ul>${ctx.skipped.map((p) => `<li><code>${e(p)}</code>${e(describeSkipped(p, ctx.skippedDetail).slice(p.length))}</li>`).join("")}</ul></details>`
    : "";
  const legend = `<p class="legend">图例：<span class="l-problem">存在问题</span><span class="l-cause">原因分析</span><span class="l-measure">整改措施</span><span class="l-count">数字事实</span><span class="l-finding">检查发现</span><span class="l-restore">改写还原（悬停）</span><span class="l-copy">与其他文档雷同</span></p>`;
  const interrupted = ctx.interrupted
    ? `<p class="badge fail" style="font-size:14px">运行被中断：完成 ${ctx.interrupted.done} / ${ctx.interrupted.total} 个文件，以下只含已完成的文档。${ctx.interrupted.unfinished?.length ? ` 未完成：${ctx.interrupted.unfinished.map((p) => `<code>${e(p)}</code>`).join("、")}` : ""}</p>`
    : "";
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>报告检查结果（${results.length} 份文档）</title>
<style>${STYLE}</style></head>
<body>
<header class="top"><h1>报告检查结果</h1><div class="meta">生成时间 ${e(ctx.generatedAt)} · report-check ${e(ctx.toolVersion)}</div></header>
<main>
${interrupted}
<h2>总览</h2>
${totals}
${filters}
${overview}
${errorsHtml}
${skippedHtml}
<h2>逐份文档</h2>
${legend}
${results.map((r, i) => (r.status === "ok" ? documentSection(r, i, index) : "")).join("\n")}
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}
