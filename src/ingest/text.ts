// STUB: replaced by the text reader (encoding detection). Returns one block per line.
import type { RawDocument, SourceFormat } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";

export async function readText(buffer: Buffer, format: SourceFormat, _options: DocumentOptions): Promise<RawDocument> {
  const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
  return {
    format,
    pages: null,
    repairs: {},
    warnings: [],
    blocks: text.split(/\r?\n/).filter((l) => l.trim()).map((l) => (l.includes("\t") ? { kind: "table" as const, rows: [l.split("\t")] } : { kind: "paragraph" as const, text: l })),
  };
}
