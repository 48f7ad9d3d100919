import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeBuffer } from "../../src/pipeline.js";
import type { AnalysisResult } from "../../src/model/document.js";
import { nodejiebaLoads } from "../helpers/segmenters.js";

const DEV = new URL("../../corpora/dev/", import.meta.url);
// One rendering per format family is enough to cover the stages after ingestion;
// the TXT files carry every dev document.
const files = readdirSync(DEV).filter((f) => f.endsWith(".txt")).sort();

/** What the segmenter must not change: structure and extraction (keyword lists differ: each backend has its own IDF table). */
function comparable(r: AnalysisResult) {
  const sections = (s: AnalysisResult["sections"]): unknown => s.map((x) => ({ level: x.level, heading: x.heading, role: x.role, span: x.span, children: sections(x.children) }));
  return {
    title: r.title,
    type: r.reportType?.id,
    sections: sections(r.sections),
    problems: r.problems,
    causes: r.causes,
    measures: r.measures,
    counts: r.counts,
    findings: r.checklist?.findings.map((f) => f.ruleId).sort(),
  };
}

describe.skipIf(!nodejiebaLoads())("the two jieba backends", () => {
  it.each(files)("give the same structure and extraction on %s", async (name) => {
    const buffer = readFileSync(new URL(name, DEV));
    const rs = await analyzeBuffer(buffer, name, { segmenter: "rs" });
    const nj = await analyzeBuffer(buffer, name, { segmenter: "nodejieba" });
    expect(rs.status).toBe("ok");
    expect(comparable(nj)).toEqual(comparable(rs));
    expect(nj.keywords.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!nodejiebaLoads())("keyword weights", () => {
  it.each(files.slice(0, 6))("are on one scale with both backends on %s", async (name) => {
    const buffer = readFileSync(new URL(name, DEV));
    const rs = await analyzeBuffer(buffer, name, { segmenter: "rs" });
    const nj = await analyzeBuffer(buffer, name, { segmenter: "nodejieba" });
    const top = (r: AnalysisResult): number => r.keywords[0]?.weight ?? 0;
    // TF-IDF as jieba-rs computes it (count × idf / counted words): the two IDF tables differ,
    // but the top weights stay within a factor of two (they were ~1 000× apart before).
    expect(top(rs)).toBeGreaterThan(0);
    expect(top(nj) / top(rs)).toBeGreaterThan(0.5);
    expect(top(nj) / top(rs)).toBeLessThan(2);
  });
});
