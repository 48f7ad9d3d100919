/**
 * Segmentation. STUB: sentences split at 。！？; no keywords yet.
 * Reads: text. Writes: sentences, keywords.
 */
import type { Span, WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";

export async function segmentDocument(doc: WorkingDocument, _options: DocumentOptions = {}): Promise<void> {
  const sentences: Span[] = [];
  const re = /[^。！？!?\n]+[。！？!?]*/g;
  for (const m of doc.text.matchAll(re)) sentences.push([m.index, m.index + m[0].length]);
  doc.sentences = sentences;
  doc.keywords = [];
}
