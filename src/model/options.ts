import type { CustomTypeId, ReportTypeId } from "./document.js";

export type SegmenterName = "rs" | "nodejieba";

/** Options of one document's analysis (everything but the batch mechanics). */
export interface DocumentOptions {
  /** Force a report type instead of detecting it: a built-in id, or the id of a checklist in `checklistFiles`. */
  type?: ReportTypeId | CustomTypeId;
  /** Extra checklist YAML files that add to or override the built-ins. */
  checklistFiles?: string[];
  /** Include the normalized text as `text.content`. */
  includeText?: boolean;
  /** jieba backend: @node-rs/jieba ("rs", default) or nodejieba. */
  segmenter?: SegmenterName;
  /** Undo synonym-spun wording: auto = only in documents the detector flags. */
  restoreSpin?: "on" | "off" | "auto";
  /** OCR PDF pages that have no text layer. */
  ocr?: boolean;
  /** Files larger than this many bytes are refused with TOO_LARGE. */
  maxBytes?: number;
  /** Compute the copy-detection fingerprint (`AnalysisResult.fingerprint`, src/similar/) in the worker. */
  fingerprint?: boolean;
  /**
   * Aborted when the document's time limit passes while it runs IN-PROCESS
   * (a worker thread is simply terminated). Readers that can stop early (the
   * PDF reader) check it; never cloned to workers.
   */
  signal?: AbortSignal;
  /**
   * Heap budget of the document, MB: the pipeline refuses a text too big for it and checks the
   * heap between stages, reporting TOO_LARGE (memory) instead of letting V8 reach its limit
   * (see src/limits/memory.ts). Set by the worker pool from --max-memory; unset = no check.
   */
  memoryBudgetMb?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
