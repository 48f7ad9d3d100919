/**
 * Puts the similarity step's answer on the results: the `similar` field, and
 * a `quality.copied-text` warning per other document whose shared passages
 * hold at least `threshold` of this document (not for another rendering of
 * the same document). The warning names the other document and the share,
 * points at the largest shared passage and carries every passage in
 * `related.passages` as evidence. Pure: results in, new results out.
 */
import type { AnalysisResult, Finding, SimilarEntry } from "../model/document.js";
import { DEFAULT_COPY_THRESHOLD } from "./index.js";

export const COPIED_TEXT_RULE = "quality.copied-text";

/**
 * Below this many shared (folded) characters a share says nothing: a 130-character stub sharing
 * one stock sentence of 40 characters is "30 %" but is not a copied report.
 */
export const MIN_COPIED_CHARS = 100;

/** The entries that are findings: containment ≥ threshold over ≥ 100 characters, not a rendering of the same document. */
export function copiedEntries(entries: SimilarEntry[] | undefined, threshold = DEFAULT_COPY_THRESHOLD): SimilarEntry[] {
  return (entries ?? []).filter((e) => !e.sameDocument && e.containment >= threshold && e.sharedChars >= MIN_COPIED_CHARS);
}

export function copiedTextFinding(e: SimilarEntry): Finding {
  const pct = Math.round(e.containment * 100);
  const largest = e.passages.reduce<SimilarEntry["passages"][number] | null>((best, p) => (!best || p.span[1] - p.span[0] > best.span[1] - best.span[0] ? p : best), null);
  const finding: Finding = {
    ruleId: COPIED_TEXT_RULE,
    severity: "warning",
    message:
      `与${e.reference ? "参照文档" : ""}「${e.path}」雷同：本文约 ${pct}% 的文字（${e.sharedChars} 字，${e.passages.length} 段）也出现在该文档中。` +
      `请核实是否照搬照抄，结合本单位实际重写雷同段落；若两份本是同一文档的不同格式，可忽略。`,
    span: largest ? largest.span : null,
    related: { path: e.path, containment: e.containment, passages: e.passages },
  };
  if (e.reference) finding.related!.reference = true;
  return finding;
}

/** A copy of `r` with `similar` set and the copied-text warnings added (error results are returned unchanged). */
export function withSimilar(r: AnalysisResult, entries: SimilarEntry[] | undefined, threshold = DEFAULT_COPY_THRESHOLD): AnalysisResult {
  if (r.status !== "ok") return r;
  const similar = entries ?? [];
  const findings = copiedEntries(similar, threshold).map(copiedTextFinding);
  const out: AnalysisResult = { ...r, similar };
  if (!findings.length) return out;
  if (out.checklist) out.checklist = { ...out.checklist, findings: [...out.checklist.findings, ...findings] };
  else out.warnings = [...out.warnings, ...findings.map((f) => ({ stage: "similar", code: COPIED_TEXT_RULE, message: f.message }))];
  return out;
}
