/**
 * The one typed document that flows through the stages
 * ingest → normalize → segment → structure → extract → checklist → report.
 *
 * Every position is a `Span`: `[start, end)` in UTF-16 code units of the
 * NORMALIZED text (`WorkingDocument.text`), never of the source file.
 * The model is plain data (no class instances, no cycles): sections refer to
 * their parent by id, so it serializes as is.
 */
import type { ReportMeta } from "./meta.js";
import type { ErrorCode } from "./errors.js";

/** `[start, end)`, UTF-16 code units into the normalized text. */
export type Span = [number, number];

export type SourceFormat = "docx" | "pdf" | "txt" | "md" | "html" | "doc" | "unknown";

export type SectionRole =
  | "learning"
  | "meeting"
  | "analysis"
  | "problems"
  | "causes"
  | "measures"
  | "feedback"
  | "achievements"
  | "next-steps"
  | "progress"
  | "other";

export type ReportTypeId = "analysis-check" | "democratic-life" | "rectification" | "work-summary";

export type CountKind =
  | "opinions"
  | "forms_issued"
  | "forms_returned"
  | "meetings"
  | "talks"
  | "participants"
  | "satisfaction"
  | "problems"
  | "measures"
  | "rectified"
  | "other";

export type Severity = "error" | "warning" | "info";

// ───────────────────────────── ingest ─────────────────────────────

/**
 * One block of the source as the reader sees it. Ingestion turns every format
 * into a list of blocks; it never decides what is a heading, it only passes on
 * the hints the format carries (Word styles, bold runs, auto-numbering).
 */
export interface ParagraphBlock {
  kind: "paragraph";
  /** Paragraph text, with a restored auto-number label already prefixed ("一、" + text). */
  text: string;
  /** 1-based heading level from a Word heading style or outline level; undefined when none. */
  styleLevel?: number;
  /** The Word style name, as written ("heading 1", "标题 1", "一级标题"). */
  styleName?: string;
  /** The restored auto-number label ("一、", "（一）", "1.") when the number came from numbering.xml. */
  numberingLabel?: string;
  /** 0-based list level (w:ilvl) for a numbered/bulleted paragraph. */
  listLevel?: number;
  /** True when every non-space character of the paragraph is bold. */
  bold?: boolean;
  /** Text of a leading bold run that stops before the paragraph ends ("一是细心组织。"). */
  boldLead?: string;
  /** 1-based page number (PDF); undefined when unknown. */
  page?: number;
}

export interface TableBlock {
  kind: "table";
  /** rows → cells → cell text (a cell's paragraphs joined by a space). */
  rows: string[][];
  page?: number;
}

export type Block = ParagraphBlock | TableBlock;

/** What a format reader returns: text blocks plus what it noticed. */
export interface RawDocument {
  format: SourceFormat;
  blocks: Block[];
  /** PDF page count; null where unknown. */
  pages: number | null;
  /** Repairs done while reading (PDF line joins, removed running headers …), counted by name. */
  repairs: Record<string, number>;
  /** Non-fatal notes (a dropped image, an unknown style), collected, never thrown. */
  warnings: StageWarning[];
  /** True when the text came from OCR. */
  ocr?: boolean;
  ocrConfidence?: number;
}

export interface StageWarning {
  stage: string;
  code: string;
  message: string;
}

export interface DocError {
  code: ErrorCode;
  /** Chinese, says what happened and what to do. */
  message: string;
  /** Technical detail (the library's own error), for logs. */
  detail?: string;
}

export type IngestResult = { ok: true; raw: RawDocument } | { ok: false; error: DocError };

// ───────────────────────────── normalize ─────────────────────────────

/** A block placed in the normalized text (one line each, joined by "\n"). */
export interface BlockHint {
  index: number;
  kind: "paragraph" | "table-row";
  span: Span;
  /** For table rows: the span of each cell (cells are joined by "\t"). */
  cells?: Span[];
  /** For table rows: index of the table in the document and of the row in it. */
  table?: number;
  row?: number;
  styleLevel?: number;
  styleName?: string;
  numberingLabel?: string;
  listLevel?: number;
  bold?: boolean;
  /** Span of the leading bold run, when it stops before the paragraph ends. */
  boldLead?: Span;
  page?: number;
}

/** One change made by a normalization repair, for the report to show on hover. */
export interface Restoration {
  kind: string;
  /** Span in the normalized text of the replacement. */
  span: Span;
  original: string;
  replacement: string;
}

// ───────────────────────────── structure ─────────────────────────────

export interface SectionNode {
  id: string;
  level: number;
  /** The marker as written ("一、", "（一）", "1.", "第一部分"), or "" for a style-only heading. */
  marker: string;
  heading: string;
  role: SectionRole;
  roleConfidence: number;
  /** From the heading start to the end of the section body. */
  span: Span;
  /** Span of the heading text itself. */
  headingSpan: Span;
  parent: string | null;
  children: SectionNode[];
}

/** An enumerated point inside a section (一是…, 第一…, (1)…, ①…, a table cell). */
export interface EnumItem {
  /** Text without its marker. */
  text: string;
  span: Span;
  marker: string;
  /** Id of the innermost section containing the item, or null. */
  section: string | null;
  /** Depth of nesting: 0 for a top-level item of its section. */
  depth: number;
  /** Where the item came from. */
  origin: "inline" | "paragraph" | "subheading" | "table-cell" | "prose";
  /** For table cells: table index, row index and column header. */
  table?: number;
  row?: number;
  column?: string;
}

// ───────────────────────────── extract ─────────────────────────────

export interface ItemFact {
  text: string;
  span: Span;
  section: string | null;
}

export interface CauseFact extends ItemFact {
  kind: "subjective" | "objective" | null;
}

export interface MeasureFact extends ItemFact {
  deadline: string | null;
  owner: string | null;
}

export interface CountFact {
  kind: CountKind;
  value: number;
  unit: string;
  approx: boolean;
  text: string;
  span: Span;
}

export interface DateFact {
  text: string;
  iso: string | null;
  span: Span;
}

export interface PersonFact {
  name: string;
  role: string | null;
  span?: Span;
}

export interface Keyword {
  word: string;
  weight: number;
}

// ───────────────────────────── checklist ─────────────────────────────

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Chinese: what is missing and what would satisfy it. */
  message: string;
  span: Span | null;
  /** Batch-level findings (quality.copied-text): the other document and the shared passages as evidence. */
  related?: { path: string; containment: number; reference?: boolean; passages: SimilarPassage[] };
}

// ───────────────────────────── similar (batch level) ─────────────────────────────

/** One passage shared with another document: its span here and in the other (normalized text, UTF-16). */
export interface SimilarPassage {
  span: Span;
  otherSpan: Span;
}

/** One entry of `AnalysisResult.similar` (shared/spec/output.md). */
export interface SimilarEntry {
  path: string;
  /** Share of this document's characters (folded: Han and letters, numbers as one sign) inside passages also found in `path`, 0–1. */
  containment: number;
  /** This document's folded characters inside those passages. */
  sharedChars: number;
  /** Another rendering of the same document (its DOCX/PDF/TXT): not a finding. */
  sameDocument: boolean;
  /** `path` is a reference document (--reference), not part of the batch. */
  reference?: boolean;
  passages: SimilarPassage[];
}

/**
 * Compact per-document fingerprint for copy detection (src/similar/fingerprint.ts),
 * computed in the worker and cached with the result; never written to the reports.
 */
export interface Fingerprint {
  v: number;
  /** Folded characters of the whole document (the containment denominator). */
  chars: number;
  /** base64 Uint32Array: hash, digit-preserving hash, start, end, folded length per clause. */
  clauses: string;
  /** base64 Uint32Array: MinHash signatures of the content-defined windows. */
  windows: string;
}

export interface ChecklistResult {
  id: string;
  passed: boolean;
  findings: Finding[];
  /** Evidence for elements found present, by rule id (for the HTML report). */
  evidence?: Record<string, Span | null>;
  /** Set when the report type was uncertain and work-summary was used instead. */
  note?: string;
}

export interface ReportTypeGuess {
  /** A built-in type id, a user's own checklist id when forced with `--type` (`my-type`), or `other`: not a report (a notice, an attachment list …), on which no checklist is run. */
  id: ReportTypeId | CustomTypeId | "other";
  /** The label of the type's checklist (a forced type shows ITS label, not the detected one's). */
  label: string;
  confidence: number;
  /** True when the type was set by the user (`--type`/`options.type`), not detected; confidence is then 1. */
  forced?: boolean;
  /** With `forced`: what detection alone would have said. */
  detected?: { id: ReportTypeId | CustomTypeId; label: string; confidence: number };
}

/** The id of a user's own checklist (`id: my-type` in a --checklist YAML). */
export type CustomTypeId = string & { readonly customTypeId?: never };

// ───────────────────────────── the working document ─────────────────────────────

export interface SourceInfo {
  path: string;
  format: SourceFormat;
  bytes: number;
  sha256: string;
  pages: number | null;
  ocr?: boolean;
  ocrConfidence?: number;
}

/**
 * The facts the extract stage finds. The working document carries them and the
 * schema-v1 result prints them unchanged, so both types share this one list.
 */
export interface ExtractedFacts {
  problems: ItemFact[];
  causes: CauseFact[];
  measures: MeasureFact[];
  counts: CountFact[];
  dates: DateFact[];
  people: PersonFact[];
}

/**
 * The document while it is being analysed. Each stage reads some fields and
 * fills others; its doc comment says which. `toResult` turns it into the
 * schema-v1 JSON object.
 */
export interface WorkingDocument extends ExtractedFacts {
  source: SourceInfo;
  /** The normalized text all spans refer to. */
  text: string;
  script: "simplified" | "traditional";
  repairs: Record<string, number>;
  restorations: Restoration[];
  spun: boolean;
  spinScore: number;
  blocks: BlockHint[];
  warnings: StageWarning[];

  // segment
  /** Sentence spans, in order, covering the text without gaps except whitespace. */
  sentences: Span[];
  keywords: Keyword[];

  // structure
  title: string | null;
  titleSpan: Span | null;
  reportType: ReportTypeGuess | null;
  sections: SectionNode[];
  items: EnumItem[];

  // extract: problems, causes, measures, counts, dates, people (ExtractedFacts)

  // checklist
  checklist: ChecklistResult | null;

  /** Report metadata (src/meta/); set by the extract stage on every analysed document. */
  meta?: ReportMeta;
}

/** The schema-v1 object written per input document (see shared/spec/output.md). */
export interface AnalysisResult extends ExtractedFacts {
  schemaVersion: 1;
  source: SourceInfo;
  status: "ok" | "error";
  error: { code: ErrorCode; message: string } | null;
  title: string | null;
  /** Span of the title in the normalized text (UTF-16, `[start, end)`); absent in results written before it existed. */
  titleSpan?: Span | null;
  reportType: ReportTypeGuess | null;
  /** Who wrote it, about which year, for which campaign; on every ok result. */
  meta?: ReportMeta;
  text: {
    chars: number;
    script: "simplified" | "traditional";
    repairs: Record<string, number>;
    spun: boolean;
    spinScore: number;
    restorations?: Restoration[];
    content?: string;
  };
  sections: Array<Omit<SectionNode, "children" | "parent" | "headingSpan" | "roleConfidence"> & {
    roleConfidence: number;
    children: AnalysisResult["sections"];
  }>;
  // problems, causes, measures, counts, dates, people (ExtractedFacts): here, between sections and keywords
  keywords: Keyword[];
  checklist: ChecklistResult | null;
  warnings: StageWarning[];
  /** Milliseconds spent on this document. */
  elapsedMs?: number;
  /**
   * Documents sharing text with this one (batch step, after every result is in); `[]` when
   * nothing is shared. Absent while a batch is still running and when copy detection is off.
   */
  similar?: SimilarEntry[];
  /** Internal: the copy-detection fingerprint (with DocumentOptions.fingerprint); stripped from every report. */
  fingerprint?: Fingerprint;
}
