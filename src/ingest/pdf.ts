// STUB: replaced by the pdf reader.
import type { RawDocument } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";

export async function readPdf(_buffer: Buffer, _options: DocumentOptions): Promise<RawDocument> {
  throw new ReportCheckError("UNSUPPORTED_FORMAT", "pdf reader not built yet");
}
