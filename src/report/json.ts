/**
 * JSON and JSONL reporters: the schema-v1 objects as they are (the source of
 * truth every other format renders from). JSONL: one object per line, in input
 * order; JSON: `{ schemaVersion, generatedAt, tool, results, skipped }`.
 */
import type { AnalysisResult } from "../model/document.js";
import type { ReportContext } from "./context.js";

/** One JSONL line (with its newline): written per result as the batch goes. */
export function formatJsonlLine(result: AnalysisResult): string {
  return JSON.stringify(result) + "\n";
}

export function formatJsonl(results: AnalysisResult[]): string {
  return results.map(formatJsonlLine).join("");
}

export function formatJson(results: AnalysisResult[], ctx: ReportContext): string {
  return (
    JSON.stringify(
      {
        schemaVersion: 1,
        generatedAt: ctx.generatedAt,
        tool: { name: "report-check", version: ctx.toolVersion },
        complete: !ctx.interrupted,
        ...(ctx.interrupted?.unfinished ? { unfinished: ctx.interrupted.unfinished } : {}),
        results,
        skipped: ctx.skipped,
        ...(ctx.skippedDetail ? { skippedDetail: ctx.skippedDetail } : {}),
      },
      null,
      2,
    ) + "\n"
  );
}
