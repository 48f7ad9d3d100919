/**
 * Checklist engine. STUB. Reads: everything extracted. Writes: checklist.
 */
import type { WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";

export async function runChecklist(doc: WorkingDocument, _options: DocumentOptions = {}): Promise<void> {
  doc.checklist = { id: doc.reportType?.id ?? "work-summary", passed: true, findings: [] };
}
