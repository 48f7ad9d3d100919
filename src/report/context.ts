/** What a reporter may know besides the results (never analysis, never I/O). */
export interface ReportContext {
  /** ISO time of the run. */
  generatedAt: string;
  toolVersion: string;
  /** Paths found in folders but not analysed (non-documents, unreadable folders). */
  skipped: string[];
  /** Set when the run was stopped (Ctrl-C) before every file was done. */
  interrupted?: { done: number; total: number } | null;
  /** Number of files the run meant to analyse. */
  total?: number;
  /** ANSI colours (terminal table). */
  color?: boolean;
  /** The copy-detection threshold the run used (--copy-threshold), for marking shares in the reports. */
  copyThreshold?: number;
}

export function defaultContext(partial: Partial<ReportContext> = {}): ReportContext {
  return { generatedAt: new Date().toISOString(), toolVersion: "0.0.0", skipped: [], ...partial };
}
