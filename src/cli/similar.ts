/**
 * The CLI's side of copy detection: the batch streams its results (JSONL
 * written line by line as documents finish, so a killed run keeps what was
 * done) while the fingerprints are collected; once every result is in, the
 * similarity step runs and `results.jsonl` is rewritten — streamed line by
 * line into a temp file and renamed over the old one — with `similar` and the
 * `quality.copied-text` warnings on each line. An interrupted run (Ctrl-C)
 * does the same for the documents that finished; a run killed outright keeps
 * the streamed lines, which then lack `similar` (not computed, not "none").
 */
import { createReadStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { AnalysisResult, SimilarEntry } from "../model/document.js";
import { formatJsonlLine } from "../report/json.js";
import { withSimilar } from "../similar/apply.js";
import { LineWriter } from "./output.js";

/** Reads a JSONL file written by this run and hands each line back with `similar` added. */
export async function mergeSimilar(path: string, similar: Array<SimilarEntry[] | undefined>, threshold: number, write: (line: string) => void): Promise<void> {
  const rl = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let k = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as AnalysisResult;
    write(formatJsonlLine(withSimilar(r, similar[k++], threshold)));
  }
}

/** Rewrites `path` in place (temp file + rename: the old or the new file, never half of one). */
export async function rewriteJsonlWithSimilar(path: string, similar: Array<SimilarEntry[] | undefined>, threshold: number): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.similar.tmp`);
  const out = new LineWriter(tmp);
  try {
    await mergeSimilar(path, similar, threshold, (l) => out.write(l));
    out.close();
    await rename(tmp, path);
  } catch (e) {
    out.close();
    await rm(tmp, { force: true });
    throw e;
  }
}
