/** Copy detection through the built CLI: the dev corpus, --reference, --cache, stdout JSONL, stats. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV, parseJsonl, runCli } from "../cli/helpers.js";

let dir: string;
const stem = (p: string): string => p.replace(/\.[a-z]+$/, "");

// A copy of a dev report: every other paragraph kept, the unit renamed, and a paragraph of its own.
function makeCopy(): string {
  const lines = readFileSync(join(DEV, "democratic-life-team-complete.txt"), "utf8").split("\n").filter((l) => l.trim());
  const kept = lines.filter((_, i) => i % 2 === 0).map((l) => l.replace(/杏林路街道/g, "梧桐里街道"));
  kept.splice(3, 0, "本班子把这次对照检查作为改进作风的起点，逐条建立台账，按月通报进展，接受党员群众监督。");
  return kept.join("\n") + "\n";
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rc-copies-cli-"));
  mkdirSync(join(dir, "batch"));
  mkdirSync(join(dir, "ref"));
  copyFileSync(join(DEV, "democratic-life-team-complete.docx"), join(dir, "ref", "template.docx"));
  writeFileSync(join(dir, "batch", "a-copy.txt"), makeCopy());
  copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(dir, "batch", "b-unrelated.txt"));
  copyFileSync(join(DEV, "democratic-life-personal-no-solicitation.txt"), join(dir, "batch", "c-same-type.txt"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("copy detection in the CLI", () => {
  it(
    "on the dev corpus: renderings are sameDocument, no copied-text between distinct documents, every report carries similar",
    async () => {
      const r = await runCli(["analyze", DEV, "--out", "dev-out", "--format", "jsonl,html,xlsx,csv", "--concurrency", "2", "--quiet"], dir);
      expect(r.code).toBe(0);
      const results = parseJsonl(readFileSync(join(dir, "dev-out", "results.jsonl"), "utf8"));
      const ok = results.filter((x) => x["status"] === "ok");
      expect(ok.length).toBeGreaterThan(30);
      const okPaths = new Set(ok.map((x) => x["source"]["path"] as string));
      for (const x of ok) {
        const path = x["source"]["path"] as string;
        expect(Array.isArray(x["similar"])).toBe(true);
        expect(x["fingerprint"]).toBeUndefined();
        const findings = (x["checklist"]?.["findings"] ?? []) as Array<{ ruleId: string }>;
        expect(findings.filter((f) => f.ruleId === "quality.copied-text")).toEqual([]);
        const siblings = [...okPaths].filter((p) => p !== path && stem(p) === stem(path));
        const same = (x["similar"] as Array<{ path: string; sameDocument: boolean }>).filter((e) => e.sameDocument).map((e) => e.path);
        expect(same.sort()).toEqual(siblings.sort());
        // Distinct documents share no passage worth listing.
        for (const e of x["similar"] as Array<{ path: string }>) expect(stem(e.path)).toBe(stem(path));
      }
      expect(readdirSync(join(dir, "dev-out"))).toContain("similar.csv");
      const html = readFileSync(join(dir, "dev-out", "report.html"), "utf8");
      expect(html).toContain("雷同");
      expect(html).toContain("同一文档的不同格式");
    },
    240_000,
  );

  it(
    "flags a copy of a reference document, names it and the share, and does not report the reference",
    async () => {
      const r = await runCli(["analyze", "batch", "--reference", "ref", "--out", "out", "--format", "jsonl,html,xlsx,csv", "--concurrency", "2"], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain("参照文档：1 份已建立索引");
      const results = parseJsonl(readFileSync(join(dir, "out", "results.jsonl"), "utf8"));
      expect(results.map((x) => x["source"]["path"])).toEqual(["batch/a-copy.txt", "batch/b-unrelated.txt", "batch/c-same-type.txt"]);
      const [copy, unrelated, sameType] = results;
      const f = (copy!["checklist"]["findings"] as Array<Record<string, any>>).find((x) => x["ruleId"] === "quality.copied-text")!;
      expect(f["message"]).toContain("ref/template.docx");
      expect(f["related"]["reference"]).toBe(true);
      expect(f["related"]["passages"].length).toBeGreaterThan(1);
      expect(copy!["similar"][0]["containment"]).toBeGreaterThan(0.5);
      for (const other of [unrelated!, sameType!]) {
        expect(other["similar"]).toEqual([]);
        expect((other["checklist"]["findings"] as Array<{ ruleId: string }>).some((x) => x.ruleId === "quality.copied-text")).toBe(false);
      }
      const csv = readFileSync(join(dir, "out", "similar.csv"), "utf8");
      expect(csv).toContain("batch/a-copy.txt,ref/template.docx");
      const html = readFileSync(join(dir, "out", "report.html"), "utf8");
      expect(html).toContain('class="hl-copy"');
      expect(html).toContain("参照文档");

      // stats over the results: the copy and the reference form one cluster.
      const s = await runCli(["stats", "out/results.jsonl", "--format", "json"], dir);
      expect(JSON.parse(s.stdout)["copies"]["clusters"]).toEqual([{ documents: ["batch/a-copy.txt", "ref/template.docx"], links: 1, maxContainment: copy!["similar"][0]["containment"] }]);
      // The same from the documents themselves (stats analyses them and runs the batch step).
      const fromDocs = await runCli(["stats", "batch", "--reference", "ref", "--format", "json", "--quiet", "--concurrency", "2"], dir);
      expect(JSON.parse(fromDocs.stdout)["copies"]["clusters"][0]["documents"]).toEqual(["batch/a-copy.txt", "ref/template.docx"]);
    },
    240_000,
  );

  it(
    "keeps fingerprints in the cache (a re-run finds the same copies) and puts similar on JSONL written to stdout",
    async () => {
      const first = await runCli(["analyze", "batch", "--reference", "ref", "--cache=cache", "--concurrency", "1", "--format", "jsonl"], dir);
      const second = await runCli(["analyze", "batch", "--reference", "ref", "--cache=cache", "--concurrency", "2", "--format", "jsonl"], dir);
      expect((second.stderr.match(/（缓存）/g) ?? []).length).toBe(3);
      const a = parseJsonl(first.stdout);
      const b = parseJsonl(second.stdout);
      expect(a).toHaveLength(3);
      expect(b.map((x) => x["similar"])).toEqual(a.map((x) => x["similar"]));
      expect(a[0]!["similar"][0]["path"]).toBe("ref/template.docx");

      const off = await runCli(["analyze", "batch", "--no-copy-check", "--format", "jsonl", "--quiet"], dir);
      expect(parseJsonl(off.stdout).every((x) => x["similar"] === undefined)).toBe(true);
    },
    240_000,
  );
});
