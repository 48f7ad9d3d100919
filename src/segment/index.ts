/**
 * Segmentation stage.
 * Reads: text. Writes: sentences (spans covering the text but whitespace),
 * keywords (TF-IDF top 20 from the chosen jieba backend, stop words removed).
 *
 * The sentence splitter is pure code (no jieba), so sentences are identical
 * whichever backend is chosen; only keywords depend on it.
 */
import type { WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { splitSentences } from "./sentences.js";
import { getSegmenter } from "./segmenter.js";

export { splitSentences } from "./sentences.js";
export { alignTokens } from "./align.js";
export { getSegmenter, splitProtected, stopWords, type Segmenter, type SegmenterName } from "./segmenter.js";

export const KEYWORD_COUNT = 20;

export async function segmentDocument(doc: WorkingDocument, options: DocumentOptions = {}): Promise<void> {
  doc.sentences = splitSentences(doc.text);
  const segmenter = getSegmenter(options.segmenter ?? "rs");
  doc.keywords = doc.text.trim() ? segmenter.extractKeywords(doc.text, KEYWORD_COUNT) : [];
}
