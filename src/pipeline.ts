/**
 * Runs the stages in order for one document and turns every failure into a
 * result: a document that cannot be read becomes `status: "error"` with a spec
 * code; only programmer mistakes throw.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { AnalysisResult, DocError, RawDocument, SectionNode, SourceInfo, WorkingDocument } from "./model/document.js";
import { docError } from "./model/errors.js";
import { emptyFacts, newWorkingDocument } from "./model/working-document.js";
import { DEFAULT_MAX_BYTES, type DocumentOptions } from "./model/options.js";
import { formatFromName, ingest } from "./ingest/index.js";
import { normalize } from "./normalize/index.js";
import { segmentDocument } from "./segment/index.js";
import { buildStructure } from "./structure/index.js";
import { extractFacts } from "./extract/index.js";
import { runChecklist } from "./checklist/index.js";
import { checkHeap, checkTextFits } from "./limits/memory.js";
import { ReportCheckError } from "./model/errors.js";
import { computeFingerprint } from "./similar/fingerprint.js";

export const SCHEMA_VERSION = 1 as const;

/** Analyse one file on disk. `displayPath` is what the result reports as `source.path`. */
export async function analyzeFile(path: string, options: DocumentOptions = {}, displayPath = path): Promise<AnalysisResult> {
  const started = performance.now();
  const format = formatFromName(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let buffer: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return errorResult({ path: displayPath, format, bytes: 0, sha256: "", pages: null }, docError("READ_FAILED", "not a regular file"), started);
    if (info.size > maxBytes) {
      return errorResult({ path: displayPath, format, bytes: info.size, sha256: "", pages: null }, docError("TOO_LARGE", `${info.size} > ${maxBytes} bytes`), started);
    }
    buffer = await readFile(path);
  } catch (e) {
    return errorResult({ path: displayPath, format, bytes: 0, sha256: "", pages: null }, docError("READ_FAILED", e instanceof Error ? e.message : String(e)), started);
  }
  return analyzeBuffer(buffer, displayPath, options, started);
}

/** Analyse a document held in memory; `name` gives its format by extension. */
export async function analyzeBuffer(buffer: Buffer, name: string, options: DocumentOptions = {}, started = performance.now()): Promise<AnalysisResult> {
  const source: SourceInfo = {
    path: name,
    format: formatFromName(name),
    bytes: buffer.length,
    sha256: createHash("sha256").update(buffer).digest("hex"),
    pages: null,
  };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buffer.length > maxBytes) return errorResult(source, docError("TOO_LARGE", `${buffer.length} > ${maxBytes} bytes`), started);
  const ingested = await ingest({ name, buffer }, options);
  if (!ingested.ok) return errorResult(source, ingested.error, started);
  const raw = ingested.raw;
  source.pages = raw.pages;
  if (raw.ocr) {
    source.ocr = true;
    if (raw.ocrConfidence !== undefined) source.ocrConfidence = raw.ocrConfidence;
  }
  const budget = options.memoryBudgetMb;
  try {
    checkTextFits(budget, rawChars(raw.blocks));
    const normalized = normalize(raw, options);
    if (!normalized.text.replace(/\s+/g, "")) return errorResult(source, docError("EMPTY"), started);
    checkTextFits(budget, normalized.text.length);
    const doc = newWorkingDocument(source, normalized);

    await segmentDocument(doc, options);
    between(options, budget, "segment");
    buildStructure(doc, options);
    between(options, budget, "structure");
    extractFacts(doc);
    between(options, budget, "extract");
    await runChecklist(doc, options);
    return toResult(doc, options, started);
  } catch (e) {
    // Only the memory budget throws a ReportCheckError past ingest; anything else is a programmer mistake.
    if (e instanceof ReportCheckError) return errorResult(source, docError(e.code, e.detail, e.variant), started);
    throw e;
  }
}

/**
 * Between two stages: the memory budget, and the in-process time limit (`signal`; a worker thread
 * is terminated instead). A stage itself runs to its end: in one thread nothing can interrupt
 * synchronous work, so with --concurrency 1 a time-out stops the document at the next boundary.
 */
function between(options: DocumentOptions, budget: number | undefined, stage: string): void {
  if (options.signal?.aborted) throw new ReportCheckError("TOO_LARGE", `stopped after ${stage}`, "TOO_LARGE_TIME");
  checkHeap(budget, stage);
}

/** Characters of the text a reader returned (paragraphs and table cells). */
function rawChars(blocks: RawDocument["blocks"]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === "paragraph") n += b.text.length;
    else for (const row of b.rows) for (const cell of row) n += cell.length;
  }
  return n;
}

function publicSections(sections: SectionNode[]): AnalysisResult["sections"] {
  return sections.map((s) => ({
    id: s.id,
    level: s.level,
    marker: s.marker,
    heading: s.heading,
    role: s.role,
    roleConfidence: s.roleConfidence,
    span: s.span,
    children: publicSections(s.children),
  }));
}

/** The schema-v1 object for a document that went through every stage. */
export function toResult(doc: WorkingDocument, options: DocumentOptions, started: number): AnalysisResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: doc.source,
    status: "ok",
    error: null,
    title: doc.title,
    titleSpan: doc.titleSpan,
    reportType: doc.reportType,
    ...(doc.meta ? { meta: doc.meta } : {}),
    text: {
      chars: doc.text.length,
      script: doc.script,
      repairs: doc.repairs,
      spun: doc.spun,
      spinScore: doc.spinScore,
      ...(doc.restorations.length ? { restorations: doc.restorations } : {}),
      ...(options.includeText ? { content: doc.text } : {}),
    },
    sections: publicSections(doc.sections),
    problems: doc.problems,
    causes: doc.causes,
    measures: doc.measures,
    counts: doc.counts,
    dates: doc.dates,
    people: doc.people,
    keywords: doc.keywords,
    checklist: doc.checklist,
    warnings: doc.warnings,
    elapsedMs: Math.round(performance.now() - started),
    // Computed here, in the worker, so it runs in parallel and is cached with the result.
    ...(options.fingerprint ? { fingerprint: computeFingerprint(doc.text) } : {}),
  };
}

export function errorResult(source: SourceInfo, error: DocError, started = performance.now()): AnalysisResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    source,
    status: "error",
    error: { code: error.code, message: error.message },
    title: null,
    reportType: null,
    text: { chars: 0, script: "simplified", repairs: {}, spun: false, spinScore: 0 },
    sections: [],
    ...emptyFacts(), // problems … people, in the schema's key order
    keywords: [],
    checklist: null,
    warnings: error.detail ? [{ stage: "ingest", code: error.code, message: error.detail }] : [],
    elapsedMs: Math.round(performance.now() - started),
  };
}
