/**
 * Structure. STUB. Reads: text, blocks, sentences. Writes: title, titleSpan, reportType, sections, items.
 */
import type { WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";

export function buildStructure(doc: WorkingDocument, _options: DocumentOptions = {}): void {
  const first = doc.blocks[0];
  doc.title = first ? doc.text.slice(first.span[0], first.span[1]) : null;
  doc.titleSpan = first ? first.span : null;
  doc.reportType = null;
  doc.sections = [];
  doc.items = [];
}
