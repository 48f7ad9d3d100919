import type { SkippedEntry } from "./skipped.js";
import type { AnalysisResult } from "../model/document.js";

/** What a reporter may know besides the results (never analysis, never I/O). */
export interface ReportContext {
  /** ISO time of the run. */
  generatedAt: string;
  toolVersion: string;
  /** Paths found in folders but not analysed (non-documents, unreadable folders). */
  skipped: string[];
  /** The same paths with the reason each was skipped (shown beside the path when present). */
  skippedDetail?: SkippedEntry[];
  /** Set when the run was stopped (Ctrl-C) before every file was done. */
  interrupted?: { done: number; total: number; unfinished?: string[] } | null;
  /** Number of files the run meant to analyse. */
  total?: number;
  /** ANSI colours (terminal table). */
  color?: boolean;
  /** Author of Word comments and signer of memos (`--reviewer`); default 审核意见. */
  reviewer?: string;
  /** The input's path relative to the folder it was found in (names of per-document files); default its base name. */
  relativePath?: (r: AnalysisResult) => string;
  /** The original file's bytes, supplied by the caller (annotated DOCX copies edit the original package). */
  readSource?: (r: AnalysisResult) => Promise<Uint8Array>;
  /** The copy-detection threshold the run used (--copy-threshold), for marking shares in the reports. */
  copyThreshold?: number;
}

export function defaultContext(partial: Partial<ReportContext> = {}): ReportContext {
  return { generatedAt: new Date().toISOString(), toolVersion: "0.0.0", skipped: [], ...partial };
}
