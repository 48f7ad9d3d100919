/**
 * Shared pieces of the robustness tests: a seeded PRNG (failures reproduce
 * from the printed seed), a generator of a pathological PDF, temp folders,
 * and the BUILT library (dist/) — the worker pool only runs from dist/, where
 * dist/batch/worker.js exists; from src/ it falls back to in-process.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { ROOT } from "../cli/helpers.js";
import type { AnalysisResult } from "../../src/model/document.js";
import type { BatchOptions, FileEntry } from "../../src/batch/pool.js";
import type { CollectedFiles } from "../../src/index.js";

export { ROOT, DEV, runCli, parseJsonl } from "../cli/helpers.js";
export const FIXTURES = join(ROOT, "corpora", "fixtures");

/** mulberry32: tiny, fast, good enough to pick mutations; same seed → same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A valid one-page PDF whose content stream is `ops` text-showing operators
 * (`(a) Tj 1 0 Td` × ops, Flate-compressed: 2 000 000 ops ≈ 55 KB on disk,
 * 28 MB inflated). pdf.js needs ~15 s of CPU for 2 M ops: it stands for the
 * PDF that makes a reader spin, and must be stopped by the time limit.
 */
export function pathologicalPdf(ops: number): Buffer {
  const content = Buffer.from("BT /F1 12 Tf 72 720 Td\n" + "(a) Tj 1 0 Td\n".repeat(ops) + "ET\n", "latin1");
  const stream = deflateSync(content, { level: 9 });
  const objs: Array<string | null> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n", "latin1")];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objs.forEach((o, i) => {
    offsets.push(pos);
    const b =
      o === null
        ? Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, "latin1"),
            stream,
            Buffer.from("\nendstream\nendobj\n", "latin1"),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, "latin1");
    parts.push(b);
    pos += b.length;
  });
  const xref =
    `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => String(o).padStart(10, "0") + " 00000 n \n").join("") +
    `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
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
