/**
 * Copy detection on labelled sets generated from the corpus (scripts/lib/copies-eval.mjs):
 * partial copies (20–80 % of paragraphs, reordered, names/dates/figures changed, some spun),
 * last-year copies, and unrelated reports of the same type. Built CLI, real pipeline.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript shared with scripts/copies-eval.mjs
import { runCopiesEval } from "../../scripts/lib/copies-run.mjs";
import { ROOT } from "../cli/helpers.js";

interface EvalResult {
  documents: number;
  results: number;
  missingSimilar: number;
  precision: number;
  recall: number;
  tp: number;
  unrelatedFlags: number;
  unrelatedSameType: number;
  passageChars: { precision: number; recall: number };
}

const work = mkdtempSync(join(tmpdir(), "rc-copies-eval-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
  ["dev", 1],
  ["holdout", 7],
])("copy detection on the set generated from corpora/%s", (set, seed) => {
  it(
    "flags copied pairs with precision and recall ≥ 0.95 at the default threshold, and no unrelated pair",
    () => {
      const r = runCopiesEval({ sourceDir: join(ROOT, "corpora", set), fillerDir: join(ROOT, "corpora", "web"), work: join(work, set), seed }) as EvalResult;
      expect(r.results).toBe(r.documents);
      expect(r.missingSimilar).toBe(0);
      expect(r.tp).toBeGreaterThan(20);
      expect(r.precision).toBeGreaterThanOrEqual(0.95);
      expect(r.recall).toBeGreaterThanOrEqual(0.95);
      expect(r.unrelatedSameType).toBeGreaterThan(20);
      expect(r.unrelatedFlags).toBe(0);
      // The passages given as evidence are the copied text.
      expect(r.passageChars.precision).toBeGreaterThanOrEqual(0.9);
      expect(r.passageChars.recall).toBeGreaterThanOrEqual(0.85);
    },
    240_000,
  );
});
