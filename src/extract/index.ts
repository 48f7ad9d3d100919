/**
 * Extraction. STUB. Reads: text, sections, items. Writes: problems, causes, measures, counts, dates, people.
 */
import type { WorkingDocument } from "../model/document.js";

export function extractFacts(doc: WorkingDocument): void {
  doc.problems = [];
  doc.causes = [];
  doc.measures = [];
  doc.counts = [];
  doc.dates = [];
  doc.people = [];
}
