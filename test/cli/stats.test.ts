/** End-to-end: `report-check stats` over a previous run's JSONL, and `report-check checklist`. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { makeInbox, parseJsonl, runCli } from "./helpers.js";

let dir: string;
let results: Array<Record<string, any>>;
beforeAll(async () => {
  dir = makeInbox();
  const run = await runCli(["analyze", "inbox", "--format", "jsonl", "--quiet"], dir);
  writeFileSync(join(dir, "results.jsonl"), run.stdout);
  results = parseJsonl(run.stdout);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("report-check stats", () => {
  it("reads a previous run's JSONL without re-analysing and counts what it holds", async () => {
    const r = await runCli(["stats", "results.jsonl", "--format", "json"], dir);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const ok = results.filter((x) => x["status"] === "ok");
    expect(s.documents).toBe(results.length);
    expect(s.ok).toBe(ok.length);
    expect(s.items.problems.documents).toBe(ok.length);
    expect(s.items.problems.sum).toBe(ok.reduce((n, x) => n + x["problems"].length, 0));
    const withOpinions = ok.filter((x) => x["counts"].some((c: { kind: string }) => c.kind === "opinions")).length;
    expect(s.counts.opinions?.documents ?? 0).toBe(withOpinions);
    const missingTotal = Object.values(s.missing as Record<string, { documents: number }>).reduce((n, m) => n + m.documents, 0);
    expect(missingTotal).toBe(ok.length);
  });

  it("survives a cut-off last line (an interrupted run) and renders table, CSV and an HTML page with SVG charts", async () => {
    const text = readFileSync(join(dir, "results.jsonl"), "utf8");
    writeFileSync(join(dir, "cut.jsonl"), text + text.slice(0, 200));
    const table = await runCli(["stats", "cut.jsonl"], dir);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`文档 ${results.length} 份`);
    expect(table.stderr).toContain("跳过无法解析的行");
    const csv = await runCli(["stats", "results.jsonl", "--format", "csv"], dir);
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(csv.stdout).toContain("类别,名称,代码,文档数");
    const html = await runCli(["stats", "results.jsonl", "--format", "html", "--out", "stats.html"], dir);
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, "stats.html"), "utf8");
    expect(page).toContain("<svg");
    expect(page).toContain("缺失要素");
  });
});

describe("report-check checklist", () => {
  it("lists the four built-in report types", async () => {
    const r = await runCli(["checklist", "list"], dir);
    expect(r.code).toBe(0);
    for (const id of ["analysis-check", "democratic-life", "rectification", "work-summary"]) expect(r.stdout).toContain(id);
  });

  it("shows one checklist and refuses an unknown type with exit 2", async () => {
    const show = await runCli(["checklist", "show", "rectification"], dir);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("rectified.progress");
    expect((await runCli(["checklist", "show", "no-such-type"], dir)).code).toBe(2);
    expect((await runCli(["checklist", "frob"], dir)).code).toBe(2);
  });

  it("validates a checklist file: exit 1 with the reason for a broken one", async () => {
    writeFileSync(join(dir, "bad.yaml"), "id: [\n");
    const bad = await runCli(["checklist", "validate", "bad.yaml"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("bad.yaml");
  });
});
