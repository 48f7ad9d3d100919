// STUB: replaced by the doc reader.
import type { RawDocument } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";

export async function readDoc(_buffer: Buffer, _options: DocumentOptions): Promise<RawDocument> {
  throw new ReportCheckError("UNSUPPORTED_FORMAT", "doc reader not built yet");
}
