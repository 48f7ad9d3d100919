/**
 * Extraction. Reads: text, blocks, sections, items. Writes: problems, causes,
 * measures (items.ts, tables.ts, cause-kind.ts, measure-attrs.ts), counts
 * (counts.ts, numerals.ts), dates (dates.ts), people (people.ts), meta
 * (../meta/: unit, person, scope, sector, level, year, campaign, signedOn).
 * Never changes the text or the structure; every fact carries a span into
 * the normalized text.
 */
import type { WorkingDocument } from "../model/document.js";
import { extractCounts } from "./counts.js";
import { extractDates } from "./dates.js";
import { extractItems } from "./items.js";
import { extractPeople } from "./people.js";
import { extractMeta } from "../meta/index.js";

export function extractFacts(doc: WorkingDocument): void {
  const items = extractItems(doc);
  doc.problems = items.problems;
  doc.causes = items.causes;
  doc.measures = items.measures;
  // Not a report (a notice, an attachment list): its figures are no report's counted facts.
  doc.counts = doc.reportType?.id === "other" ? [] : extractCounts(doc.text);
  doc.dates = extractDates(doc.text);
  doc.people = extractPeople(doc.text);
  doc.meta = extractMeta(doc);
}

export { extractCounts } from "./counts.js";
export { parseNumeral } from "./numerals.js";
