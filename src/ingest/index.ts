/**
 * Ingestion: a path or a buffer in, text blocks with structure hints out, or a
 * typed error. Picks the reader by content (magic bytes) first and by
 * extension second, and loads only the reader a file needs (no pdf.js for a
 * DOCX: the readers are imported lazily).
 *
 * Never throws for bad input: every failure becomes `{ ok: false, error }`.
 */
import { extname } from "node:path";
import type { IngestResult, SourceFormat } from "../model/document.js";
import { docError, ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";

export interface IngestInput {
  /** File name (for the extension) — a path or a bare name. */
  name: string;
  buffer: Buffer;
}

export function formatFromName(name: string): SourceFormat {
  const ext = extname(name).toLowerCase();
  switch (ext) {
    case ".docx":
      return "docx";
    case ".pdf":
      return "pdf";
    case ".doc":
    case ".wps":
      return "doc";
    case ".txt":
    case ".text":
      return "txt";
    case ".md":
    case ".markdown":
      return "md";
    case ".html":
    case ".htm":
      return "html";
    default:
      return "unknown";
  }
}

/** Formats the tool reads; anything else in a folder is skipped and listed. */
export const DOCUMENT_EXTENSIONS = [".docx", ".pdf", ".doc", ".wps", ".txt", ".text", ".md", ".markdown", ".html", ".htm"];

export async function ingest(input: IngestInput, options: DocumentOptions = {}): Promise<IngestResult> {
  const format = formatFromName(input.name);
  if (input.buffer.length === 0) return { ok: false, error: docError("EMPTY") };
  try {
    switch (format) {
      case "docx": {
        const { readDocx } = await import("./docx.js");
        return { ok: true, raw: await readDocx(input.buffer, options) };
      }
      case "pdf": {
        const { readPdf } = await import("./pdf.js");
        return { ok: true, raw: await readPdf(input.buffer, options) };
      }
      case "doc": {
        const { readDoc } = await import("./doc.js");
        return { ok: true, raw: await readDoc(input.buffer, options) };
      }
      case "txt":
      case "md":
      case "html": {
        const { readText } = await import("./text.js");
        return { ok: true, raw: await readText(input.buffer, format, options) };
      }
      default:
        return { ok: false, error: docError("UNSUPPORTED_FORMAT", extname(input.name) || input.name) };
    }
  } catch (e) {
    if (e instanceof ReportCheckError) return { ok: false, error: docError(e.code, e.detail, e.variant) };
    const detail = e instanceof Error ? e.message : String(e);
    const code = format === "pdf" ? "PDF_CORRUPT" : format === "docx" ? "DOCX_CORRUPT" : format === "doc" ? "DOC_LEGACY" : "READ_FAILED";
    return { ok: false, error: docError(code, detail) };
  }
}
