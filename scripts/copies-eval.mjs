#!/usr/bin/env node
// Copy detection on a generated, labelled set: pair precision/recall and passage character overlap.
// Runs on dist/ (`npm run build` first).
//
//   node scripts/copies-eval.mjs [dev|holdout] [--seed N] [--threshold 0.3]
//
// dev: sources corpora/dev; holdout: sources corpora/holdout; own paragraphs of the copies come
// from corpora/web (outside both sets). See scripts/lib/copies-eval.mjs for how the set is made.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCopiesEval } from "./lib/copies-run.mjs";

const args = process.argv.slice(2);
const set = args.find((a) => !a.startsWith("--")) ?? "dev";
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const work = mkdtempSync(join(tmpdir(), "copies-eval-"));
try {
  const r = runCopiesEval({ sourceDir: `corpora/${set}`, fillerDir: "corpora/web", work, seed: opt("--seed", 1), threshold: opt("--threshold", 0.3) });
  const { containmentOf: _c, misses, falses, ...figures } = r;
  console.log(JSON.stringify(figures, null, 2));
  for (const m of misses) console.log("missed:", m.join("  "));
  for (const f of falses) console.log("false flag:", f.join("  "));
} finally {
  if (process.env.COPIES_KEEP) console.error("kept:", work);
  else rmSync(work, { recursive: true, force: true });
}
