/**
 * Legacy Word reader (.doc, Word 97–2003 OLE2 binary; .wps goes through here
 * too): `word-extractor` gives the body text, one paragraph per "\n".
 *
 * Tables: word-extractor turns Word's cell mark (0x07) into "\t" and ends a
 * row with "\n", so a row arrives as "序号\t存在问题\t整改措施\t" — every cell
 * ends with a tab, an empty cell is "\t\t" (word-extractor's own test12
 * snapshot: "Row 2, cell 1\t\tRow 2, cell 3\t\n"). A line that ends with a tab
 * is a table row; consecutive rows form one TableBlock. A cell with several
 * paragraphs spans lines ("1\t修订学习制度；" / "每月集中学习。\t张三\t"): the
 * lines up to the one that ends the row are joined with a space. A
 * tab-indented paragraph ("\t正文") stays a paragraph.
 *
 * Headers, footers, footnotes and comments are never read. Failure → DOC_LEGACY.
 */
import { createRequire } from "node:module";
import type { Block, RawDocument } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";
import { looksLikeOle2, looksLikeZip } from "./zip-guard.js";

export async function readDoc(buffer: Buffer, options: DocumentOptions = {}): Promise<RawDocument> {
  if (buffer.length === 0) throw new ReportCheckError("EMPTY");
  if (looksLikeZip(buffer)) {
    // A DOCX saved with a .doc/.wps name: read it as what it is.
    const { readDocx } = await import("./docx.js");
    return readDocx(buffer, options);
  }
  if (!looksLikeOle2(buffer)) {
    throw new ReportCheckError("DOC_LEGACY", "not an OLE2 compound file (RTF, HTML or a damaged file saved as .doc?)");
  }
  let body: string;
  try {
    const { default: WordExtractor } = await import("word-extractor");
    guardSectorChains();
    const doc = await new WordExtractor().extract(buffer);
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw new ReportCheckError("DOC_LEGACY", e instanceof Error ? e.message : String(e));
  }
  const blocks = blocksFromLegacyText(body);
  if (!blocks.length) throw new ReportCheckError("EMPTY", "legacy Word body has no text");
  return { format: "doc", blocks, pages: null, repairs: {}, warnings: [] };
}

interface AllocationTable {
  _table: Array<number | undefined>;
  getSecIdChain(startSecId: number): number[];
}

let chainsGuarded = false;
/**
 * word-extractor follows an OLE2 sector chain until it meets a free or end
 * marker and stops early only when a sector points to ITSELF (its fix for
 * morungos/node-word-extractor#15). A damaged file whose chain loops through
 * two or more sectors (a bit flip in the allocation table is enough) makes it
 * push sector ids until V8 aborts the whole process with "invalid size
 * error" — no exception, no result, and in a worker thread the batch dies
 * with it. The chain walk is replaced by one that stops at the first sector
 * it has already visited, which is what the library does for the one-sector
 * loop; everything else behaves as before. If a new word-extractor moves the
 * method, nothing is patched — and nothing else stops this case: the worker
 * heap limit does not catch one array grown past V8's maximum length, so
 * test/ingest/doc.test.ts fails (its worker aborts) rather than pass silently.
 */
function guardSectorChains(): void {
  if (chainsGuarded) return;
  chainsGuarded = true;
  let proto: AllocationTable | undefined;
  try {
    const require = createRequire(import.meta.url);
    proto = (require("word-extractor/lib/ole-allocation-table.js") as { prototype?: AllocationTable }).prototype;
  } catch {
    return;
  }
  if (!proto || typeof proto.getSecIdChain !== "function") return;
  proto.getSecIdChain = function getSecIdChain(this: AllocationTable, startSecId: number): number[] {
    const FREE = -1;
    const chain: number[] = [];
    const seen = new Set<number>();
    let secId: number | undefined = startSecId;
    while (secId !== undefined && secId > FREE && !seen.has(secId)) {
      seen.add(secId);
      chain.push(secId);
      secId = this._table[secId];
    }
    return chain;
  };
}

/** Splits word-extractor text into paragraphs and tab-separated table rows. */
export function blocksFromLegacyText(body: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  const flush = (): void => {
    if (table && table.length) blocks.push({ kind: "table", rows: table });
    table = null;
  };
  const paragraph = (line: string): void => {
    flush();
    const text = line.replace(/\t/g, " ").trim();
    if (text) blocks.push({ kind: "paragraph", text });
  };
  const row = (line: string): void => {
    // "Row 2, cell 1\t\tRow 2, cell 3\t" → ["Row 2, cell 1", "", "Row 2, cell 3"]
    (table ??= []).push(line.replace(/\t$/, "").split("\t").map((c) => c.replace(/\s+/g, " ").trim()));
  };
  // Strip control characters word-extractor leaves (object anchors), keep \t and \n.
  const clean = body.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  const lines = clean.split("\n").map((l) => l.replace(/[ \u3000]+$/, ""));
  // A cell holding several paragraphs spans lines: "1\t修订学习制度；" + "每月集中学习。\t张三\t".
  let pending: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const endsRow = line.endsWith("\t") && line.replace(/\t/g, "").trim() !== "";
    if (pending) {
      pending.push(line);
      if (line.endsWith("\t")) {
        row(pending.join(" "));
        pending = null;
      } else if (pending.length > 20) {
        // no row end in sight: it was not a table after all
        for (const l of pending) paragraph(l);
        pending = null;
      }
      continue;
    }
    if (endsRow) {
      row(line);
      continue;
    }
    const next = lines[i + 1];
    if (line.includes("\t") && next !== undefined && next.includes("\t")) {
      pending = [line];
      continue;
    }
    paragraph(line);
  }
  if (pending) for (const l of pending) paragraph(l);
  flush();
  return blocks;
}
