/**
 * The web-shaped corpora through the BUILT CLI: every result's title and
 * report type equal its gold, each gold heading is found at its level, and the
 * summary lists the documents that are not reports apart.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers.js";

interface Gold {
  title: string;
  reportType: string;
  headings: Array<{ level: number; text: string }>;
}
interface Section {
  level: number;
  heading: string;
  children: Section[];
}

const squeeze = (s: string) => s.replace(/[\s\p{P}]/gu, "");
const flatten = (ss: Section[]): Section[] => ss.flatMap((s) => [s, ...flatten(s.children)]);

describe.each(["web", "web-own"])("corpora/%s through the CLI", (dir) => {
  it("gets every title, type and heading of the gold", async () => {
    const folder = join(ROOT, "corpora", dir);
    const run = await runCli(["analyze", folder, "--format", "jsonl", "--concurrency", "1"], ROOT);
    expect(run.code).toBe(0);
    const results = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { source: { path: string }; title: string | null; reportType: { id: string }; sections: Section[] });
    const golds = readdirSync(folder).filter((f) => f.endsWith(".gold.json"));
    expect(golds.length).toBeGreaterThanOrEqual(4);
    for (const g of golds) {
      const name = g.replace(/\.gold\.json$/, "");
      const gold = JSON.parse(readFileSync(join(folder, g), "utf8")) as Gold;
      const r = results.find((x) => x.source.path.split(/[\\/]/).pop()!.startsWith(`${name}.`));
      expect(r, name).toBeDefined();
      expect(r!.reportType.id, name).toBe(gold.reportType);
      expect(squeeze(r!.title ?? ""), name).toBe(squeeze(gold.title));
      const found = flatten(r!.sections).map((s) => `${s.level}:${squeeze(s.heading)}`);
      for (const h of gold.headings) expect(found, name).toContain(`${h.level}:${squeeze(h.text)}`);
    }
    // the summary (stderr, as stdout carries data) names the non-reports apart
    if (dir === "web") expect(run.stderr).toMatch(/未识别为报告 3 个[\s\S]*notice-not-a-report\.txt/);
  }, 180_000);
});
