/**
 * Shared pieces of the robustness tests: a seeded PRNG (failures reproduce
 * from the printed seed), a generator of a pathological PDF, temp folders,
 * and the BUILT library (dist/) — the worker pool only runs from dist/, where
 * dist/batch/worker.js exists; from src/ it falls back to in-process.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../cli/helpers.js";
import type { AnalysisResult } from "../../src/model/document.js";
import type { BatchOptions, FileEntry } from "../../src/batch/pool.js";
import type { CollectedFiles } from "../../src/index.js";

export { ROOT, DEV, runCli, parseJsonl } from "../cli/helpers.js";
/** mulberry32 (shared with scripts/make-scans.mjs): same seed → same cases. */
export { prng } from "../../scripts/lib/prng.mjs";
export const FIXTURES = join(ROOT, "corpora", "fixtures");

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A valid PDF of `pages` pages, each showing one line through a shared
 * content stream and font (8 000 pages ≈ 1.3 MB). pdf.js's time grows faster
 * than linearly with the page count (a flat page tree is searched per page):
 * 5 000 pages took 14 s of CPU here, 2 500 pages 5 s. It stands for the PDF
 * that makes a reader spin, and must be stopped by the time limit.
 */
export function manyPagesPdf(pages: number): Buffer {
  const objs: string[] = [];
  objs.push("<< /Type /Catalog /Pages 2 0 R >>");
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(" ");
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  const content = "BT /F1 12 Tf 72 720 Td (Page text here) Tj ET";
  objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  objs.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (let i = 0; i < pages; i++) objs.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>");
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, "latin1");
  out +=
    `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => String(o).padStart(10, "0") + " 00000 n \n").join("") +
    `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** The built library's batch API (worker threads when concurrency > 1). */
export interface BuiltLibrary {
  runBatch(files: FileEntry[], options?: BatchOptions): AsyncGenerator<AnalysisResult>;
  collectFiles(paths: string[]): Promise<CollectedFiles>;
  ERROR_CODES: readonly string[];
}

export async function builtLibrary(): Promise<BuiltLibrary> {
  const url = new URL("../../dist/index.js", import.meta.url).href;
  return (await import(/* @vite-ignore */ url)) as BuiltLibrary;
}

export async function collect(gen: AsyncGenerator<AnalysisResult>): Promise<AnalysisResult[]> {
  const out: AnalysisResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}
