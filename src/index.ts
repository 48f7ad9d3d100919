/**
 * Public API of report-check. The library never prints, never reads
 * process.argv and never exits: the CLI in src/cli/ does that.
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { AnalysisResult } from "./model/document.js";
import type { DocumentOptions } from "./model/options.js";
import { DOCUMENT_EXTENSIONS } from "./ingest/index.js";
import { analyzeFile } from "./pipeline.js";

export * from "./model/index.js";
export { analyzeFile, analyzeBuffer } from "./pipeline.js";

export interface AnalyzeOptions extends DocumentOptions {
  /** Worker threads; 1 = in this thread. */
  concurrency?: number;
}

/** Files found under `paths`, sorted by path within each argument; non-documents listed apart. */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = async (dir: string): Promise<string[]> => {
    const out: string[] = [];
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) out.push(...(await walk(p)));
      else out.push(p);
    }
    return out;
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      for (const f of (await walk(p)).sort()) {
        if (DOCUMENT_EXTENSIONS.includes(extname(f).toLowerCase())) files.push(f);
        else skipped.push(f);
      }
    } else files.push(p);
  }
  return { files, skipped };
}

/** Analyse documents one after another; yields results in input order. */
export async function* analyze(paths: string[], options: AnalyzeOptions = {}): AsyncGenerator<AnalysisResult> {
  const { files } = await collectFiles(paths);
  for (const f of files) yield await analyzeFile(f, options);
}
