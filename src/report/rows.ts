/**
 * The three flat tables the CSV and XLSX reporters share (Chinese headers):
 * 文档 (one row per document), 检查发现 (one row per finding) and 条目 (one row
 * per problem / cause / measure). Pure: results in, rows out.
 */
import type { AnalysisResult, CountKind } from "../model/document.js";
import { CAMPAIGN_LABELS, COUNT_KINDS, COUNT_LABELS, reportTypeLabel, ruleLabel, SEVERITY_LABELS, typeLabel } from "./labels.js";

export type Cell = string | number | boolean | null;

export interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Column widths in characters (XLSX). */
  widths?: number[];
}

/** Rule ids of the elements a document lacks (presence findings; `quality.*` are separate). */
export function missingElements(r: AnalysisResult): string[] {
  return (r.checklist?.findings ?? []).filter((f) => !f.ruleId.startsWith("quality.")).map((f) => f.ruleId);
}

/**
 * Missing elements split by severity: `required` (error: the document does not pass without them)
 * and `suggested` (warning: reported, but the document still passes).
 */
export function missingBySeverity(r: AnalysisResult): { required: string[]; suggested: string[] } {
  const present = (r.checklist?.findings ?? []).filter((f) => !f.ruleId.startsWith("quality."));
  return {
    required: present.filter((f) => f.severity === "error").map((f) => f.ruleId),
    suggested: present.filter((f) => f.severity !== "error").map((f) => f.ruleId),
  };
}

export function qualityFindings(r: AnalysisResult): string[] {
  return (r.checklist?.findings ?? []).filter((f) => f.ruleId.startsWith("quality.")).map((f) => f.ruleId);
}

/** A readable document judged not to be a report: no checklist was run (shared/spec/output.md). */
export function isNotAReport(r: AnalysisResult): boolean {
  return r.status === "ok" && r.checklist === null && r.reportType?.id === "other";
}

export function statusLabel(r: AnalysisResult): string {
  if (r.status === "error") return "无法读取";
  if (isNotAReport(r)) return "未识别为报告";
  return r.checklist?.passed === false ? "未通过" : "通过";
}

/** The values of one count kind in a document: one number, several joined, or empty. */
export function countCell(r: AnalysisResult, kind: CountKind): Cell {
  const values = r.counts.filter((c) => c.kind === kind).map((c) => c.value);
  if (values.length === 0) return null;
  if (values.length === 1) return values[0]!;
  return values.join("、");
}

/** The `meta` columns: ids for the coded fields (stable for filtering), the campaign's name beside its id. */
const META_HEADERS = ["单位", "作者", "班子/个人", "领域", "层级", "年份", "专项活动", "专项活动（名称）", "落款日期"];

function metaCells(r: AnalysisResult): Cell[] {
  const m = r.meta;
  if (!m) return META_HEADERS.map(() => null);
  return [m.unit, m.person, m.scope, m.sector, m.level, m.year, m.campaign, m.campaign ? CAMPAIGN_LABELS[m.campaign] : null, m.signedOn];
}

export function documentsTable(results: AnalysisResult[]): Table {
  const headers = [
    "文件",
    "格式",
    "状态",
    "标题",
    "报告类型",
    "类型置信度",
    ...META_HEADERS,
    "是否通过",
    "缺失要素",
    "缺失要素（名称）",
    "质量提示",
    "问题数",
    "原因数",
    "措施数",
    ...COUNT_KINDS.map((k) => COUNT_LABELS[k]),
    "页数",
    "字数",
    "错误代码",
    "错误信息",
  ];
  const rows = results.map((r): Cell[] => {
    const missing = missingElements(r);
    return [
      r.source.path,
      r.source.format,
      statusLabel(r),
      r.title,
      r.reportType ? reportTypeLabel(r.reportType) : null,
      r.reportType ? Math.round(r.reportType.confidence * 100) / 100 : null,
      ...metaCells(r),
      r.status === "ok" ? (r.checklist?.passed ?? null) : null,
      missing.join(", "),
      missing.map(ruleLabel).join("、"),
      qualityFindings(r).map(ruleLabel).join("、"),
      r.status === "ok" ? r.problems.length : null,
      r.status === "ok" ? r.causes.length : null,
      r.status === "ok" ? r.measures.length : null,
      ...COUNT_KINDS.map((k) => countCell(r, k)),
      r.source.pages,
      r.status === "ok" ? r.text.chars : null,
      r.error?.code ?? null,
      r.error?.message ?? null,
    ];
  });
  const widths = headers.map((h, i) => (i === 0 ? 48 : i === 3 ? 40 : h === "单位" || h === "专项活动（名称）" ? 30 : i === headers.length - 1 ? 60 : Math.max(8, h.length * 2 + 2)));
  return { name: "文档", headers, rows, widths };
}

export function findingsTable(results: AnalysisResult[]): Table {
  const headers = ["文件", "规则", "要素", "级别", "说明", "起始位置", "结束位置", "原文摘录"];
  const rows: Cell[][] = [];
  for (const r of results) {
    for (const f of r.checklist?.findings ?? []) {
      const excerpt = f.span && r.text.content ? r.text.content.slice(f.span[0], Math.min(f.span[1], f.span[0] + 200)) : null;
      rows.push([r.source.path, f.ruleId, ruleLabel(f.ruleId), SEVERITY_LABELS[f.severity] ?? f.severity, f.message, f.span?.[0] ?? null, f.span?.[1] ?? null, excerpt]);
    }
  }
  return { name: "检查发现", headers, rows, widths: [48, 22, 16, 8, 60, 10, 10, 40] };
}

export function itemsTable(results: AnalysisResult[]): Table {
  const headers = ["文件", "类别", "序号", "内容", "原因类型", "完成时限", "责任人/单位", "章节", "起始位置", "结束位置"];
  const rows: Cell[][] = [];
  const causeKind = { subjective: "主观", objective: "客观" } as const;
  for (const r of results) {
    r.problems.forEach((p, i) => rows.push([r.source.path, "问题", i + 1, p.text, null, null, null, p.section, p.span[0], p.span[1]]));
    r.causes.forEach((c, i) =>
      rows.push([r.source.path, "原因", i + 1, c.text, c.kind ? causeKind[c.kind] : null, null, null, c.section, c.span[0], c.span[1]]),
    );
    r.measures.forEach((m, i) => rows.push([r.source.path, "措施", i + 1, m.text, null, m.deadline, m.owner, m.section, m.span[0], m.span[1]]));
  }
  return { name: "条目", headers, rows, widths: [48, 6, 6, 80, 8, 16, 20, 8, 10, 10] };
}

/** 雷同: one row per document pair sharing text (from `similar`), highest containment first per document. */
export function similarTable(results: AnalysisResult[]): Table {
  const headers = ["文件", "雷同文档", "雷同比例", "雷同字数", "段落数", "同一文档的不同格式", "参照文档"];
  const rows: Cell[][] = [];
  for (const r of results) {
    for (const e of r.similar ?? []) {
      rows.push([r.source.path, e.path, e.containment, e.sharedChars, e.passages.length, e.sameDocument, !!e.reference]);
    }
  }
  return { name: "雷同", headers, rows, widths: [48, 48, 10, 10, 8, 18, 10] };
}
