/**
 * Lays the blocks of a RawDocument out as one text: a paragraph per line, a
 * table row per line with its cells joined by "\t" (the same convention as the
 * corpus TXT files), so every format reaches the later stages in one shape.
 */
import type { BlockHint, RawDocument, Span } from "../model/document.js";

export function assembleBlocks(raw: RawDocument): { text: string; blocks: BlockHint[] } {
  const lines: string[] = [];
  const blocks: BlockHint[] = [];
  let offset = 0;
  let tableIndex = 0;
  const push = (line: string): Span => {
    const span: Span = [offset, offset + line.length];
    lines.push(line);
    offset += line.length + 1;
    return span;
  };
  raw.blocks.forEach((b, index) => {
    if (b.kind === "paragraph") {
      const text = b.text.replace(/[\r\n]+/g, " ");
      const span = push(text);
      const hint: BlockHint = { index, kind: "paragraph", span };
      if (b.styleLevel !== undefined) hint.styleLevel = b.styleLevel;
      if (b.styleName !== undefined) hint.styleName = b.styleName;
      if (b.numberingLabel !== undefined) hint.numberingLabel = b.numberingLabel;
      if (b.listLevel !== undefined) hint.listLevel = b.listLevel;
      if (b.bold) hint.bold = true;
      if (b.page !== undefined) hint.page = b.page;
      if (b.boldLead) {
        const at = text.indexOf(b.boldLead);
        if (at >= 0) hint.boldLead = [span[0] + at, span[0] + at + b.boldLead.length];
      }
      blocks.push(hint);
    } else {
      b.rows.forEach((cells, row) => {
        const clean = cells.map((c) => c.replace(/[\t\r\n]+/g, " "));
        const span = push(clean.join("\t"));
        const cellSpans: Span[] = [];
        let at = span[0];
        for (const c of clean) {
          cellSpans.push([at, at + c.length]);
          at += c.length + 1;
        }
        const hint: BlockHint = { index, kind: "table-row", span, cells: cellSpans, table: tableIndex, row };
        if (b.page !== undefined) hint.page = b.page;
        blocks.push(hint);
      });
      tableIndex++;
    }
  });
  return { text: lines.join("\n"), blocks };
}
