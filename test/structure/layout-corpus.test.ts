/**
 * corpora/layout end to end, through the real readers (pdf.js, the DOCX
 * reader, the text reader) and the whole pipeline: every rendering of a
 * document gives the same outline, roles and items as its DOCX, and those are
 * the gold file's. (The shared scorer is not in this repository; the checks
 * here are stricter — exact heading texts and levels, and item texts compared
 * without punctuation — and say which rendering drifted.)
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile } from "../../src/index.js";
import type { AnalysisResult } from "../../src/model/document.js";

const DIR = join(import.meta.dirname, "../../corpora/layout");
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith(".gold.json"))
  .map((f) => f.slice(0, -".gold.json".length))
  .sort();

interface Gold {
  title: string;
  reportType: string;
  headings: Array<{ level: number; text: string; role: string }>;
  problems: string[];
  causes: string[];
  measures: string[];
}

interface Outline {
  title: string | null;
  type: string | null;
  headings: string[];
  problems: string[];
  causes: string[];
  measures: string[];
}

/** Text for comparison: no white space, punctuation or symbols (as the scorer compares). */
const bare = (s: string): string => s.replace(/[\s\p{P}\p{S}]/gu, "");

function outline(r: AnalysisResult): Outline {
  const headings: string[] = [];
  const walk = (list: AnalysisResult["sections"]): void => {
    for (const s of list) {
      headings.push(`${s.level} ${s.heading} [${s.role}]`);
      walk(s.children);
    }
  };
  walk(r.sections);
  const items = (xs: Array<{ text: string }>) => xs.map((x) => bare(x.text)).sort();
  return { title: r.title, type: r.reportType?.id ?? null, headings, problems: items(r.problems), causes: items(r.causes), measures: items(r.measures) };
}

function goldOutline(g: Gold): Outline {
  const items = (xs: string[]) => xs.map(bare).sort();
  return {
    title: g.title,
    type: g.reportType,
    headings: g.headings.map((h) => `${h.level} ${h.text} [${h.role}]`),
    problems: items(g.problems),
    causes: items(g.causes),
    measures: items(g.measures),
  };
}

const results = new Map<string, Outline>();
beforeAll(async () => {
  for (const n of NAMES) {
    for (const ext of ["docx", "pdf", "txt"]) {
      const path = join(DIR, `${n}.${ext}`);
      if (!existsSync(path)) continue;
      const r = await analyzeFile(path, {});
      expect(r.status, `${n}.${ext}`).toBe("ok");
      results.set(`${n}.${ext}`, outline(r));
    }
  }
}, 240_000);

describe("corpora/layout", () => {
  it.each(NAMES)("%s: the DOCX gives the gold outline, roles and items", (n) => {
    const gold = goldOutline(JSON.parse(readFileSync(join(DIR, `${n}.gold.json`), "utf8")) as Gold);
    expect(results.get(`${n}.docx`)).toEqual(gold);
  });

  it.each(NAMES)("%s: the PDF (and TXT) give what the DOCX gives", (n) => {
    const fromDocx = results.get(`${n}.docx`)!;
    expect(results.get(`${n}.pdf`)).toEqual(fromDocx);
    if (results.has(`${n}.txt`)) expect(results.get(`${n}.txt`)).toEqual(fromDocx);
  });
});
