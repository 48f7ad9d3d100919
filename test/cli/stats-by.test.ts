/**
 * `report-check stats --by`: the built CLI analyses the whole `corpora/` folder and
 * splits every statistic by campaign (and by year from the saved JSONL); the
 * groups add up to the whole, in every format.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, parseJsonl, runCli } from "./helpers.js";

interface NumberStats {
  documents: number;
  sum: number;
}
interface Stats {
  documents: number;
  ok: number;
  counts: Record<string, NumberStats>;
  items: Record<"problems" | "causes" | "measures", NumberStats>;
  missing: Record<string, { documents: number; elements: Record<string, number> }>;
}
interface Grouped {
  by: string;
  whole: Stats;
  groups: Array<{ value: string; label: string; stats: Stats }>;
}

let dir: string;
let results: Array<Record<string, any>>;
let grouped: Grouped;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rc-stats-by-"));
  // One analysis of corpora/ into a cache in the temp folder; stats reads the documents again through it.
  const cache = join(dir, "cache");
  const run = await runCli(["analyze", "corpora", "--format", "jsonl", "--quiet", "--cache", cache], ROOT);
  expect(run.code).toBe(0);
  writeFileSync(join(dir, "results.jsonl"), run.stdout);
  results = parseJsonl(run.stdout);
  // The documents themselves, analysed again by stats (not the saved JSONL).
  const r = await runCli(["stats", "corpora", "--by", "campaign", "--format", "json", "--quiet", "--cache", cache], ROOT);
  expect(r.code).toBe(0);
  grouped = JSON.parse(r.stdout) as Grouped;
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("stats --by campaign on corpora/", () => {
  it("has one section per campaign found in the results, and the sections add up to the whole", () => {
    expect(grouped.by).toBe("campaign");
    const campaigns = new Set(results.map((r) => (r["status"] === "ok" ? (r["meta"]?.campaign ?? "") : "")));
    expect(new Set(grouped.groups.map((g) => g.value))).toEqual(campaigns);
    expect(grouped.groups.length).toBeGreaterThanOrEqual(4);
    const w = grouped.whole;
    expect(w.documents).toBe(results.length);
    expect(sum(grouped.groups.map((g) => g.stats.documents))).toBe(w.documents);
    expect(sum(grouped.groups.map((g) => g.stats.ok))).toBe(w.ok);
    for (const k of ["problems", "causes", "measures"] as const) expect(sum(grouped.groups.map((g) => g.stats.items[k].sum))).toBe(w.items[k].sum);
    for (const [kind, s] of Object.entries(w.counts)) {
      expect(sum(grouped.groups.map((g) => g.stats.counts[kind]?.documents ?? 0)), kind).toBe(s.documents);
    }
    for (const [type, m] of Object.entries(w.missing)) {
      for (const [id, n] of Object.entries(m.elements)) expect(sum(grouped.groups.map((g) => g.stats.missing[type]?.elements[id] ?? 0)), `${type} ${id}`).toBe(n);
    }
    // each group holds exactly the documents of its campaign
    for (const g of grouped.groups) {
      expect(g.stats.documents, g.label).toBe(results.filter((r) => (r["status"] === "ok" ? (r["meta"]?.campaign ?? "") : "") === g.value).length);
    }
  });

  it("splits every table in the terminal, CSV and HTML formats too (from the saved JSONL)", async () => {
    const table = await runCli(["stats", "results.jsonl", "--by", "year"], dir);
    expect(table.code).toBe(0);
    const years = [...new Set(results.filter((r) => r["status"] === "ok" && r["meta"]?.year).map((r) => r["meta"].year as number))];
    for (const y of years) expect(table.stdout).toContain(`══ 年份：${y}年（`);
    expect(table.stdout.match(/数字事实（每份文档取该类最大值）/g)!.length).toBe(new Set([...years.map(String), ...(results.some((r) => r["status"] !== "ok" || !r["meta"]?.year) ? [""] : [])]).size + 1);

    const csv = await runCli(["stats", "results.jsonl", "--by", "sector", "--format", "csv"], dir);
    const lines = csv.stdout.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("分组维度,分组,分组代码,类别,名称,代码,文档数,合计,平均,中位数,最小,最大,占比");
    const problemRows = lines.filter((l) => l.includes(",条目数,问题/份,problems,"));
    const whole = problemRows.find((l) => l.startsWith("领域,全部,*,"))!;
    const parts = problemRows.filter((l) => l !== whole).map((l) => Number(l.split(",")[7]));
    expect(sum(parts)).toBe(Number(whole.split(",")[7]));

    const html = await runCli(["stats", "results.jsonl", "--by", "level", "--format", "html", "--out", "by-level.html"], dir);
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, "by-level.html"), "utf8");
    expect(page).toContain("按层级分组");
    expect(page).toContain("县级");
    // grouped bars: per category one bar per level group that has analysed documents
    const ok = results.filter((r) => r["status"] === "ok");
    const charted = new Set(ok.map((r) => r["meta"]?.level ?? "")).size;
    const firstSvg = page.slice(page.indexOf("<svg"), page.indexOf("</svg>"));
    expect(firstSvg.match(/<rect x="190" y="\d+" width="12"/g)!.length).toBe(charted);
  });

  it("refuses an unknown dimension with the list of the known ones", async () => {
    const r = await runCli(["stats", "results.jsonl", "--by", "colour"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("year、campaign、sector、level、scope、type");
  });
});
