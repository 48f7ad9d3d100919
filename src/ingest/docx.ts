// STUB: replaced by the docx reader.
import type { RawDocument } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";

export async function readDocx(_buffer: Buffer, _options: DocumentOptions): Promise<RawDocument> {
  throw new ReportCheckError("UNSUPPORTED_FORMAT", "docx reader not built yet");
}
