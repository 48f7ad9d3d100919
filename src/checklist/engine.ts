/**
 * Runs one checklist over a document: each rule's detector either finds the
 * element's evidence (presence rules) or a defect (quality rules). A missing
 * element or a found defect becomes a finding with the rule's severity and
 * message (a per-item defect detector gives one finding per item); `passed` means no error-severity finding. Evidence spans of
 * present elements are kept for the HTML report.
 */
import type { ChecklistResult, Finding, WorkingDocument } from "../model/document.js";
import { DETECTORS } from "./detectors/index.js";
import type { Checklist } from "./types.js";

export function runRules(doc: WorkingDocument, checklist: Checklist): ChecklistResult {
  const findings: Finding[] = [];
  const evidence: Record<string, [number, number] | null> = {};
  for (const rule of checklist.rules) {
    const det = DETECTORS.get(rule.detector);
    if (!det) continue; // validated at load time
    if (det.mode === "defect" && det.detectAll) {
      for (const ev of det.detectAll(doc, rule.options ?? {})) {
        findings.push({ ruleId: rule.id, severity: rule.severity, message: ev.detail ? `${rule.message}（${ev.detail}）` : rule.message, span: ev.span });
      }
      continue;
    }
    const ev = det.detect(doc, rule.options ?? {});
    if (det.mode === "presence") {
      if (ev) evidence[rule.id] = ev.span;
      else findings.push({ ruleId: rule.id, severity: rule.severity, message: rule.message, span: null });
    } else if (ev) {
      findings.push({ ruleId: rule.id, severity: rule.severity, message: ev.detail ? `${rule.message}（${ev.detail}）` : rule.message, span: ev.span });
    }
  }
  return { id: checklist.id, passed: !findings.some((f) => f.severity === "error"), findings, evidence };
}
