/**
 * Reworded variants written for this test (not taken from corpora/dev or
 * corpora/holdout): task tables with other header wordings, labelled
 * 问题一：/整改措施：/责任领导： blocks, intent lead-ins (为切实改进上述不足…：,
 * 克服以上缺点和不足：, 针对上述问题，下一步我将：), status counts and the
 * genre's vocabulary for the checklist. Each fixture has a gold file in the
 * scorer's format; items are matched the scorer's way (character bigrams,
 * ≥ 50 % of the gold item covered, ≥ 60 % of the predicted item in it).
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../../src/pipeline.js";

const dir = new URL("../fixtures/extract/", import.meta.url);
const files = readdirSync(dir).filter((n) => n.endsWith(".txt"));

interface Gold {
  problems: string[];
  causes: string[];
  measures: string[];
  counts: Array<{ kind: string; value: number }>;
  missing: string[];
}

const norm = (s: string) => s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
function bigrams(s: string): Set<string> {
  const t = norm(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}
function matches(pred: string, gold: string): boolean {
  const p = bigrams(pred);
  const g = bigrams(gold);
  const shared = [...g].filter((b) => p.has(b)).length;
  return shared >= 0.5 * g.size && shared >= 0.6 * p.size;
}
/** Gold items no prediction matches, and predictions matching no gold item (one-to-one, greedy). */
function diff(pred: string[], gold: string[]): { missed: string[]; extra: string[] } {
  const left = [...pred];
  const missed: string[] = [];
  for (const g of gold) {
    const i = left.findIndex((p) => matches(p, g));
    if (i < 0) missed.push(g);
    else left.splice(i, 1);
  }
  return { missed, extra: left };
}

describe("extraction and checklist on reworded variants (whole pipeline)", () => {
  for (const f of files) {
    it(`finds the items, counts and missing elements of ${f}`, async () => {
      const gold = JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, ".gold.json"), dir), "utf8")) as Gold;
      const r = await analyzeFile(new URL(f, dir).pathname);
      for (const k of ["problems", "causes", "measures"] as const) {
        expect({ kind: k, ...diff(r[k].map((x) => x.text), gold[k]) }).toEqual({ kind: k, missed: [], extra: [] });
      }
      const key = (c: { kind: string; value: number }) => `${c.kind}=${c.value}`;
      expect(r.counts.filter((c) => c.kind !== "other").map(key).sort()).toEqual(gold.counts.map(key).sort());
      const flagged = (r.checklist?.findings ?? []).filter((x) => !x.ruleId.startsWith("quality.") && x.severity !== "info").map((x) => x.ruleId).sort();
      expect(flagged).toEqual([...gold.missing].sort());
    });
  }
});
