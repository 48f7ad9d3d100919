/**
 * The shape of one normalization repair. Each repair reads the current text
 * and returns the edits it wants (in that text's coordinates); `normalize`
 * applies them with `applyEdits` and remaps every span before the next repair
 * runs. A repair never mutates the text itself, and on a clean document it
 * returns no edits.
 */
import type { RawDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import type { TextEdit } from "./edits.js";

/** State shared by the repairs of one document (filled in as they run). */
export interface RepairContext {
  raw: RawDocument;
  options: DocumentOptions;
  script: "simplified" | "traditional";
  spun: boolean;
  spinScore: number;
}

export interface Repair {
  /** The name counted in `text.repairs`. */
  name: string;
  run(text: string, ctx: RepairContext): TextEdit[];
}
