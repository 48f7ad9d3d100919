/**
 * Markdown summary: totals, one overview table row per document, then each
 * document's missing elements and findings, and the files that failed with
 * their advice. Cell text is escaped (| and line breaks) so tables stay intact.
 */
import type { AnalysisResult } from "../model/document.js";
import type { ReportContext } from "./context.js";
import { COUNT_LABELS, SEVERITY_LABELS, ruleLabel, reportTypeLabel } from "./labels.js";
import { missingBySeverity, missingElements, statusLabel } from "./rows.js";
import { describeSkipped } from "./skipped.js";

function cell(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return "";
  return String(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/</g, "&lt;");
}

function inline(s: string): string {
  return s.replace(/[\r\n]+/g, " ").replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

/** Required (error) and suggested (warning) missing elements, apart: only the first decide pass/fail. */
function missingCell(r: AnalysisResult): string {
  const { required, suggested } = missingBySeverity(r);
  return [required.length ? `必备：${required.map(ruleLabel).join("、")}` : "", suggested.length ? `建议：${suggested.map(ruleLabel).join("、")}` : ""].filter(Boolean).join("；");
}

export function formatMarkdown(results: AnalysisResult[], ctx: ReportContext): string {
  const ok = results.filter((r) => r.status === "ok");
  const failed = results.filter((r) => r.status === "error");
  const passed = ok.filter((r) => r.checklist?.passed !== false).length;
  const out: string[] = [];
  out.push("# 报告检查结果", "");
  out.push(`生成时间：${ctx.generatedAt} · report-check ${ctx.toolVersion}`, "");
  if (ctx.interrupted) {
    out.push(`> **运行被中断**：完成 ${ctx.interrupted.done} / ${ctx.interrupted.total} 个文件。`, "");
    const left = ctx.interrupted.unfinished ?? [];
    if (left.length) out.push(`未完成（已中断）：${left.map((p) => `\`${p.replace(/`/g, "'")}\``).join("、")}`, "");
  }
  out.push(`- 文档总数：${results.length}`, `- 已分析：${ok.length}（通过 ${passed}，未通过 ${ok.length - passed}）`, `- 无法读取：${failed.length}`);
  if (ctx.skipped.length) out.push(`- 已跳过（非文档、锁定文件等）：${ctx.skipped.length}`);
  out.push("");
  out.push("## 总览", "");
  out.push("| 文件 | 类型 | 结论 | 缺失要素 | 问题 | 原因 | 措施 | 数字事实 |", "|---|---|---|---|---:|---:|---:|---:|");
  for (const r of results) {
    out.push(
      `| ${cell(r.source.path)} | ${cell((r.reportType ? reportTypeLabel(r.reportType) : ""))} | ${cell(statusLabel(r))} | ${cell(missingCell(r))} | ${r.status === "ok" ? r.problems.length : ""} | ${r.status === "ok" ? r.causes.length : ""} | ${r.status === "ok" ? r.measures.length : ""} | ${r.status === "ok" ? r.counts.length : ""} |`,
    );
  }
  out.push("");
  for (const r of ok) {
    out.push(`## ${inline(r.title ?? r.source.path)}`, "");
    out.push(`文件：\`${r.source.path.replace(/`/g, "'")}\` · 类型：${inline(reportTypeLabel(r.reportType))} · ${statusLabel(r)}`, "");
    const findings = r.checklist?.findings ?? [];
    if (findings.length) {
      out.push("检查发现：", "");
      for (const f of findings) out.push(`- **${SEVERITY_LABELS[f.severity] ?? f.severity}** \`${f.ruleId}\`（${inline(ruleLabel(f.ruleId))}）：${inline(f.message)}`);
      out.push("");
    }
    if (r.counts.length) {
      out.push("数字事实：", "");
      for (const c of r.counts) out.push(`- ${COUNT_LABELS[c.kind] ?? c.kind}：${c.value}${inline(c.unit)}${c.approx ? "（约）" : ""} — “${inline(c.text)}”`);
      out.push("");
    }
    for (const [label, items] of [
      ["存在问题", r.problems],
      ["原因分析", r.causes],
      ["整改措施", r.measures],
    ] as const) {
      if (!items.length) continue;
      out.push(`${label}:`, "");
      items.forEach((it, i) => out.push(`${i + 1}. ${inline(it.text)}`));
      out.push("");
    }
  }
  if (failed.length) {
    out.push("## 无法读取的文件", "");
    for (const r of failed) out.push(`- \`${r.source.path.replace(/`/g, "'")}\` — **${r.error?.code}**:${inline(r.error?.message ?? "")}`);
    out.push("");
  }
  if (ctx.skipped.length) {
    out.push("## 已跳过的文件", "");
    for (const p of ctx.skipped) {
      const why = describeSkipped(p, ctx.skippedDetail).slice(p.length);
      out.push(`- \`${p.replace(/`/g, "'")}\`${why}`);
    }
    out.push("");
  }
  return out.join("\n");
}
