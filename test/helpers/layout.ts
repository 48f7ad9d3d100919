import type { BlockHint, Span } from "../../src/model/document.js";

/**
 * The normalize layout of a text for the structure stage: one paragraph block per
 * line, tab lines as table rows; `hints` adds fields (style level, bold …) to the
 * block of a given line index.
 */
export function docFrom(text: string, hints: Record<number, Partial<BlockHint>> = {}): { text: string; blocks: BlockHint[] } {
  const blocks: BlockHint[] = [];
  let at = 0;
  text.split("\n").forEach((line, index) => {
    const span: Span = [at, at + line.length];
    blocks.push({ index, kind: line.includes("\t") ? "table-row" : "paragraph", span, ...hints[index] });
    at += line.length + 1;
  });
  return { text, blocks };
}
