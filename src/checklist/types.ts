/** Shared types of the checklist engine: a rule (data) and a detector (code). */
import type { Severity, Span, WorkingDocument } from "../model/document.js";

/** One element of a checklist, as written in YAML. */
export interface ChecklistRule {
  /** Stable public rule id (`measures.deadline`, `quality.vague-measures`). */
  id: string;
  severity: Severity;
  /** Chinese: what is missing and what would satisfy it. */
  message: string;
  /** Registered detector name; defaults to the rule id. */
  detector: string;
  /** Detector options (thresholds, extra patterns). */
  options?: Record<string, unknown>;
}

export interface Checklist {
  id: string;
  label: string;
  /** Title words of the report type, for `checklist list`. */
  description?: string;
  rules: ChecklistRule[];
  /** Where it came from: "builtin" or a file path. */
  source: string;
}

/** What a detector found: the span of the evidence (null when it has no single place). */
export interface Evidence {
  span: Span | null;
  /** Extra detail for a defect finding (appended to the message). */
  detail?: string;
}

/**
 * A detector is registered once, by name. A `presence` detector returns the
 * evidence that the element is there, or null (→ finding "missing"). A
 * `defect` detector returns evidence of a quality defect, or null (→ no
 * finding).
 */
export interface Detector {
  name: string;
  mode: "presence" | "defect";
  /** One line: what counts as evidence. */
  description: string;
  detect(doc: WorkingDocument, options: Record<string, unknown>): Evidence | null;
  /**
   * Defect detectors that judge items one by one (each measure without a
   * deadline) return every piece of evidence here; the engine makes one
   * finding per entry and does not call `detect`.
   */
  detectAll?(doc: WorkingDocument, options: Record<string, unknown>): Evidence[];
}
