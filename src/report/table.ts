/**
 * Terminal table: one line per document, in Chinese, coloured when the context
 * says so (a TTY without NO_COLOR).
 *
 *   ✔ 通过    分析检查报告        corpora/a.docx   问题 5 原因 3 措施 6
 *   ✘ 未通过  整改情况报告        corpora/b.pdf    问题 4 原因 0 措施 4  缺失:整改时限、责任人/单位
 *   ! 无法读取                    corpora/c.pdf    PDF_NO_TEXT PDF 没有文字层…
 */
import type { AnalysisResult } from "../model/document.js";
import type { ReportContext } from "./context.js";
import { reportTypeLabel, ruleLabel, typeLabel } from "./labels.js";
import { isNotAReport, missingBySeverity, missingElements } from "./rows.js";
import { padCjk } from "./width.js";

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function formatTableLine(r: AnalysisResult, color = false, pathWidth = 40): string {
  const path = padCjk(r.source.path, pathWidth);
  if (r.status === "error") {
    return `${paint(color, "35", padCjk("！ 无法读取", 12))}${padCjk("", 26)}${path}  ${paint(color, "35", r.error?.code ?? "")} ${r.error?.message ?? ""}`;
  }
  if (isNotAReport(r)) {
    return `${paint(color, "2", padCjk("– 未识别为报告", 12))}${padCjk("", 26)}${path}  未按清单检查`;
  }
  const passed = r.checklist?.passed !== false;
  const mark = passed ? paint(color, "32", padCjk("✔ 通过", 12)) : paint(color, "31", padCjk("✘ 未通过", 12));
  const type = padCjk(reportTypeLabel(r.reportType), 26);
  const counts = `问题 ${r.problems.length} 原因 ${r.causes.length} 措施 ${r.measures.length}`;
  // Required (error) elements decide pass/fail; suggested (warning) ones never do: shown apart.
  const { required, suggested } = missingBySeverity(r);
  const tail =
    (required.length ? "  " + paint(color, "31", "缺必备：" + required.map(ruleLabel).join("、")) : "") +
    (suggested.length ? "  " + paint(color, "33", "缺建议：" + suggested.map(ruleLabel).join("、")) : "");
  return `${mark}${type}${path}  ${counts}${tail}`;
}

export function formatTable(results: AnalysisResult[], ctx: Partial<ReportContext> = {}): string {
  const width = Math.min(60, Math.max(20, ...results.map((r) => r.source.path.length)));
  return results.map((r) => formatTableLine(r, ctx.color ?? false, width) + "\n").join("");
}
