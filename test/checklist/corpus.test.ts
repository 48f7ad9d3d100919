/**
 * The whole pipeline on the dev TXT files: the findings (error + warning,
 * quality rules aside) must be exactly the gold `missing` list, and the
 * problems/causes/measures counts must match the gold item counts.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../../src/pipeline.js";

const dir = new URL("../../corpora/dev/", import.meta.url);
const files = readdirSync(dir).filter((n) => n.endsWith(".txt"));

interface Gold {
  missing?: string[];
  problems?: string[];
  causes?: string[];
  measures?: string[];
}

describe("checklist on the dev corpus (whole pipeline)", () => {
  for (const f of files) {
    it(`flags exactly the missing elements of ${f}`, async () => {
      const gold = JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, ".gold.json"), dir), "utf8")) as Gold;
      const r = await analyzeFile(new URL(f, dir).pathname);
      const flagged = (r.checklist?.findings ?? []).filter((x) => !x.ruleId.startsWith("quality.") && x.severity !== "info").map((x) => x.ruleId).sort();
      expect(flagged).toEqual([...(gold.missing ?? [])].sort());
      expect([r.problems.length, r.causes.length, r.measures.length]).toEqual([gold.problems?.length ?? 0, gold.causes?.length ?? 0, gold.measures?.length ?? 0]);
    });
  }
});
