/**
 * Normalization: blocks → the one normalized text every span refers to.
 * STUB (assembly only): the repairs (NFKC, traditional → simplified, page
 * markers, 《》, spin) are added by the normalize work.
 *
 * Reads: RawDocument. Writes: text, blocks, repairs, script, restorations, spun, spinScore.
 */
import type { RawDocument, WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { assembleBlocks } from "./assemble.js";

export type NormalizedFields = Pick<WorkingDocument, "text" | "blocks" | "repairs" | "script" | "restorations" | "spun" | "spinScore" | "warnings">;

export function normalize(raw: RawDocument, _options: DocumentOptions = {}): NormalizedFields {
  const { text, blocks } = assembleBlocks(raw);
  return { text, blocks, repairs: { ...raw.repairs }, script: "simplified", restorations: [], spun: false, spinScore: 0, warnings: [...raw.warnings] };
}
