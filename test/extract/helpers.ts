/** Hand-built working documents for the extract and checklist stage tests (no ingest, no structure stage). */
import type { BlockHint, EnumItem, SectionNode, SectionRole, Span, WorkingDocument } from "../../src/model/document.js";
import { newWorkingDocument } from "../../src/model/working-document.js";

/** Lines → text + blocks; a line with a tab is a table row (cells split at the tabs). */
export function blocksOf(text: string, table = 0): BlockHint[] {
  const blocks: BlockHint[] = [];
  let at = 0;
  let row = 0;
  text.split("\n").forEach((line, index) => {
    const span: Span = [at, at + line.length];
    if (line.includes("\t")) {
      const cells: Span[] = [];
      let c = at;
      for (const cell of line.split("\t")) {
        cells.push([c, c + cell.length]);
        c += cell.length + 1;
      }
      blocks.push({ index, kind: "table-row", span, cells, table, row: row++ });
    } else blocks.push({ index, kind: "paragraph", span });
    at += line.length + 1;
  });
  return blocks;
}

export function section(id: string, role: SectionRole, text: string, heading: string, bodyEnd: number, parent: string | null = null, children: SectionNode[] = []): SectionNode {
  const h = text.indexOf(heading);
  return { id, level: id.split(".").length, marker: "", heading, role, roleConfidence: 1, span: [h, bodyEnd], headingSpan: [h, h + heading.length], parent, children };
}

/** An item for `needle` (its first occurrence after `from`). */
export function item(text: string, needle: string, sectionId: string | null, marker = "一是", from = 0): EnumItem {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  return { text: needle, span: [at, at + needle.length], marker, section: sectionId, depth: 0, origin: "inline" };
}

export function makeDoc(text: string, over: Partial<WorkingDocument> = {}): WorkingDocument {
  return { ...newWorkingDocument({ path: "test.txt", format: "txt", bytes: text.length, sha256: "", pages: null }, { text, blocks: blocksOf(text) }), ...over };
}
