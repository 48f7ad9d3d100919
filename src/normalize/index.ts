/**
 * Normalization: blocks → the one normalized text every span refers to.
 *
 * The blocks are laid out as text (`assembleBlocks`: a paragraph per line, a
 * table row per line with `\t` between cells), then an ORDERED list of
 * repairs runs, one file each. Every repair returns `TextEdit`s in the
 * coordinates of the text it saw; `applyEdits` applies them and the block
 * spans and the recorded restorations are remapped through its offset map,
 * so spans stay valid after every step. Each applied edit is counted in
 * `repairs[name]`.
 *
 * Order matters: width and script first (the later patterns are written in
 * simplified, half-width text); page markers before 《》 (a marker can split
 * a title: `?…科学进\n11、展观活动实施方案?`); spin last, so its restoration
 * spans are final.
 *
 * Invariant: a clean document (simplified, no scraping damage) comes out
 * unchanged, apart from full-width digits and the ideographic space.
 *
 * Reads: RawDocument. Writes: text, blocks, repairs, script, restorations, spun, spinScore, warnings.
 */
import type { BlockHint, RawDocument, Restoration, WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { assembleBlocks } from "./assemble.js";
import { applyEdits, mapSpan, type EditResult } from "./edits.js";
import { bookTitleMarks } from "./book-title-marks.js";
import { cjkSpaces } from "./cjk-spaces.js";
import { flattened } from "./flattened.js";
import { furniture } from "./furniture.js";
import { hardWraps } from "./hard-wraps.js";
import { nfkc } from "./nfkc.js";
import { pageMarkers } from "./page-markers.js";
import { punctuation } from "./punctuation.js";
import type { Repair, RepairContext } from "./repair.js";
import { spin } from "./spin.js";
import { traditional } from "./traditional.js";
import { trailingPageNumber } from "./trailing-page-number.js";

export type NormalizedFields = Pick<WorkingDocument, "text" | "blocks" | "repairs" | "script" | "restorations" | "spun" | "spinScore" | "warnings">;

/** The repairs, in the order they run. */
export const REPAIRS: readonly Repair[] = [nfkc, punctuation, furniture, hardWraps, flattened, cjkSpaces, traditional, pageMarkers, trailingPageNumber, bookTitleMarks, spin];

function remapBlock(b: BlockHint, map: EditResult["mapOffset"]): BlockHint {
  const out: BlockHint = { ...b, span: mapSpan(b.span, map) };
  if (b.cells) out.cells = b.cells.map((c) => mapSpan(c, map));
  if (b.boldLead) out.boldLead = mapSpan(b.boldLead, map);
  return out;
}

/**
 * Keeps "one block per line": a repair that removed the line break between
 * two paragraphs (a page marker splitting a sentence) merges them into the
 * first; a block left empty (a lone trailing page number) is dropped.
 */
function tidyBlocks(blocks: BlockHint[], text: string): BlockHint[] {
  const out: BlockHint[] = [];
  for (const b of splitBlocks(blocks, text)) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === "paragraph" && b.kind === "paragraph" && b.span[0] <= prev.span[1] && !text.slice(prev.span[1], b.span[0]).includes("\n")) {
      prev.span = [prev.span[0], Math.max(prev.span[1], b.span[1])];
      continue;
    }
    // An empty block survives only as its own empty line (an empty DOCX paragraph).
    const ownLine = (b.span[0] === 0 || text[b.span[0] - 1] === "\n") && (b.span[1] === text.length || text[b.span[1]] === "\n");
    if (b.span[1] <= b.span[0] && b.kind === "paragraph" && !(ownLine && (!prev || prev.span[1] < b.span[0]))) continue;
    out.push(b);
  }
  return out;
}

/**
 * A repair that inserted line breaks (a flattened one-line body split at its
 * headings) leaves one paragraph block over several lines: it becomes one
 * block per line, each keeping the block's index and hints.
 */
function splitBlocks(blocks: BlockHint[], text: string): BlockHint[] {
  const out: BlockHint[] = [];
  for (const b of blocks) {
    const inner = b.kind === "paragraph" ? text.slice(b.span[0], b.span[1]) : "";
    if (!inner.includes("\n")) {
      out.push(b);
      continue;
    }
    let start = b.span[0];
    for (const part of inner.split("\n")) {
      const piece: BlockHint = { ...b, span: [start, start + part.length] };
      delete piece.boldLead;
      if (part.length) out.push(piece);
      start += part.length + 1;
    }
  }
  return out;
}

export function normalize(raw: RawDocument, options: DocumentOptions = {}): NormalizedFields {
  const assembled = assembleBlocks(raw);
  let text = assembled.text;
  let blocks = assembled.blocks;
  const repairs: Record<string, number> = { ...raw.repairs };
  let restorations: Restoration[] = [];
  const ctx: RepairContext = { raw, options, script: "simplified", spun: false, spinScore: 0 };
  for (const repair of REPAIRS) {
    const edits = repair.run(text, ctx);
    if (!edits.length) continue;
    const result = applyEdits(text, edits);
    text = result.text;
    blocks = tidyBlocks(
      blocks.map((b) => remapBlock(b, result.mapOffset)),
      text,
    );
    restorations = restorations.map((r) => ({ ...r, span: mapSpan(r.span, result.mapOffset) }));
    for (const a of result.applied) {
      repairs[a.kind] = (repairs[a.kind] ?? 0) + 1;
      if (a.record) restorations.push({ kind: a.kind, span: a.outSpan, original: a.original, replacement: a.replacement });
    }
  }
  // A restoration that later repairs edited inside (《…进展…》 → 《…发展…》) shows the final wording.
  for (const r of restorations) r.replacement = text.slice(r.span[0], r.span[1]);
  restorations.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  return { text, blocks, repairs, script: ctx.script, restorations, spun: ctx.spun, spinScore: ctx.spinScore, warnings: [...raw.warnings] };
}
