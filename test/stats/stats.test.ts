import { describe, expect, it } from "vitest";
import { bigrams, computeStats, numberStats, formatStatsHtml, formatStatsCsv } from "../../src/stats/index.js";
import { errorResult, okResult } from "../report/fixture.js";

describe("numberStats", () => {
  it("gives sum, mean, median (mean of the middle two for an even count), min and max", () => {
    expect(numberStats([41, 3, 85, 10])).toEqual({ documents: 4, sum: 139, mean: 34.75, median: 25.5, min: 3, max: 85 });
    expect(numberStats([7])).toMatchObject({ median: 7, mean: 7 });
    expect(numberStats([]).documents).toBe(0);
  });
});

describe("bigrams", () => {
  it("cuts each run of Han characters into overlapping pairs, ignoring digits and punctuation", () => {
    expect(bigrams("整改措施,41条")).toEqual(["整改", "改措", "措施"]);
  });
});

describe("computeStats", () => {
  it("takes a document's largest figure per count kind and counts missing elements by type", async () => {
    const a = okResult("a.docx");
    a.counts.push({ kind: "opinions", value: 416, unit: "条", approx: false, text: "收集意见416条", span: [0, 1] });
    const b = okResult("b.docx");
    const s = await computeStats([a, b, errorResult()], false);
    expect(s.documents).toBe(3);
    expect(s.ok).toBe(2);
    expect(s.errors).toEqual({ PDF_NO_TEXT: 1 });
    expect(s.counts.opinions).toMatchObject({ documents: 2, sum: 457, max: 416, min: 41 });
    expect(s.items.problems).toMatchObject({ documents: 2, sum: 4 });
    expect(s.missing["analysis-check"]).toEqual({ documents: 2, elements: { "evaluation.result": 2 } });
    // 理论学习 appears in one problem of each document: item frequency 2.
    expect(s.terms.problems.find((t) => t.term === "理论")?.count).toBe(2);
  });

  it("renders an HTML page with inline SVG charts and a CSV with a BOM", async () => {
    const s = await computeStats([okResult("a<b>.docx")], false);
    const html = formatStatsHtml(s);
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/src="http/);
    expect(formatStatsCsv(s).charCodeAt(0)).toBe(0xfeff);
  });
});
