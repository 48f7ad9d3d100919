/**
 * What the reviewer says back to the unit, shared by the annotated Word copy
 * and the review memo: one comment per finding that has evidence (anchored on
 * that text), and one comment on the title that lists every element the report
 * lacks with the rule's advice and gives the verdict. Pure: a result in,
 * Chinese comment texts and spans out.
 */
import type { AnalysisResult, Finding, Span } from "../model/document.js";
import { SEVERITY_LABELS, ruleLabel, typeLabel } from "./labels.js";

export const DEFAULT_REVIEWER = "审核意见";

export interface ReviewComment {
  /** Where the comment is anchored: the evidence, or the title (`title: true`). */
  span: Span;
  title: boolean;
  /** Paragraphs of the comment. */
  paragraphs: string[];
  /** The finding it comes from (null for the title comment). */
  finding: Finding | null;
}

/** The verdict a reviewer writes: 通过 / 未通过（缺少 N 项必备要素） / 未判定. */
export function verdict(r: AnalysisResult): string {
  if (!r.checklist) return "未判定（未识别出报告类型，未按清单检查）";
  const errors = r.checklist.findings.filter((f) => f.severity === "error").length;
  const warnings = r.checklist.findings.filter((f) => f.severity === "warning").length;
  if (r.checklist.passed) return warnings ? `通过（另有 ${warnings} 条提醒）` : "通过";
  return `未通过（缺少 ${errors} 项必备要素${warnings ? `，另有 ${warnings} 条提醒` : ""}）`;
}

/** The findings that are about the whole document (missing elements, span-less warnings). */
export function documentFindings(r: AnalysisResult): Finding[] {
  return (r.checklist?.findings ?? []).filter((f) => !f.span);
}

/** The findings anchored on a piece of text. */
export function anchoredFindings(r: AnalysisResult): Array<Finding & { span: Span }> {
  return (r.checklist?.findings ?? []).filter((f): f is Finding & { span: Span } => !!f.span && f.span[1] > f.span[0]);
}

/** The title's span: the result's, or the first occurrence of the title, or the first line. */
export function titleSpanOf(r: AnalysisResult, text: string): Span {
  if (r.titleSpan && r.titleSpan[1] > r.titleSpan[0] && r.titleSpan[1] <= text.length) return r.titleSpan;
  if (r.title) {
    const at = text.indexOf(r.title);
    if (at >= 0) return [at, at + r.title.length];
  }
  const start = text.search(/\S/);
  if (start < 0) return [0, 0];
  const nl = text.indexOf("\n", start);
  return [start, nl < 0 ? text.length : nl];
}

export function reviewComments(r: AnalysisResult, text: string): ReviewComment[] {
  const missing = documentFindings(r);
  const type = r.reportType ? typeLabel(r.reportType.id, r.reportType.label) : "未识别";
  const head = [`审核结论：${verdict(r)}。报告类型：${type}。`];
  const body = missing.length
    ? ["本报告存在以下问题，请补充完善：", ...missing.map((f, i) => `${i + 1}. 【${SEVERITY_LABELS[f.severity] ?? f.severity}】${ruleLabel(f.ruleId)}：${f.message}`)]
    : ["未发现缺少的要素。"];
  const anchored = anchoredFindings(r);
  if (anchored.length) body.push(`正文中另有 ${anchored.length} 处批注，请逐条核改。`);
  const out: ReviewComment[] = [{ span: titleSpanOf(r, text), title: true, paragraphs: [...head, ...body], finding: null }];
  for (const f of anchored) {
    out.push({ span: f.span, title: false, paragraphs: [`【${SEVERITY_LABELS[f.severity] ?? f.severity}】${ruleLabel(f.ruleId)}：${f.message}`], finding: f });
  }
  return out;
}

/** `annotated/a/b.docx` for `a/b.docx`, `annotated/a/b.pdf.docx` for `a/b.pdf` (the same report often comes in several formats). */
export function docxName(relativePath: string): string {
  const p = relativePath.replace(/\\/g, "/").replace(/^\/+/, "");
  return /\.docx$/i.test(p) ? p : `${p}.docx`;
}
