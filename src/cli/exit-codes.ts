/**
 * Exit codes of `report-check analyze`, by precedence (the first that applies wins):
 *
 *   2  usage error (bad option, no input, unknown format) — nothing was analysed
 *   130 interrupted (Ctrl-C); what was written is valid but incomplete
 *   3  some files could not be read (a result has status "error"): the check is incomplete
 *   1  a document has findings at the --fail-on level (error, or error+warning)
 *   0  otherwise
 *
 * 3 outranks 1 because an unread file is a hole in the review that a passing
 * exit code would hide; the findings are still in the output.
 * `--fail-on never` — the DEFAULT — means the documents never fail the run:
 * neither 1 nor 3. A plain `analyze DIR --format jsonl > pred.jsonl` (the
 * documented research and scoring command, often run under `set -e`) must
 * succeed when every result was written; gating scripts opt in with
 * `--fail-on error` or `--fail-on warning`.
 */
import type { AnalysisResult } from "../model/document.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREADABLE = 3;
export const EXIT_INTERRUPTED = 130;

export type FailOn = "error" | "warning" | "never";

/** Does this document fail the run at the `failOn` level? */
export function failsAt(r: AnalysisResult, failOn: FailOn): boolean {
  if (failOn === "never" || r.status !== "ok") return false;
  return (r.checklist?.findings ?? []).some((f) => f.severity === "error" || (failOn === "warning" && f.severity === "warning"));
}

export function exitCodeFor(state: { interrupted: boolean; unreadable: number; failing: number; failOn?: FailOn }): number {
  if (state.interrupted) return EXIT_INTERRUPTED;
  if (state.failOn === "never") return EXIT_OK;
  if (state.unreadable > 0) return EXIT_UNREADABLE;
  if (state.failing > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}
