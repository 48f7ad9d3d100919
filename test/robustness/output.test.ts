/**
 * Output safety: markup in documents (and in their file names) ends up as
 * text in the HTML report; output names never leave --out; existing report
 * files are replaced whole, with no temp file left behind.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insideDir } from "../../src/cli/output.js";
import { DEV, parseJsonl, runCli, tempDir } from "./helpers.js";

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(2)>';
// A file name can carry markup too: only "/" and NUL are forbidden on POSIX.
const HOSTILE_NAME = '"><svg onload=alert(3)>.txt';

let dir: string;
beforeAll(() => {
  dir = tempDir("rc-output-");
  mkdirSync(join(dir, "in"));
  const report = readFileSync(join(DEV, "work-summary-annual-complete.txt"), "utf8");
  // The markup as the title line, inside a problem sentence, and in a table row.
  const lines = report.split("\n");
  lines.splice(0, 1, `${SCRIPT}关于2023年度工作情况的总结${IMG}`);
  lines.splice(5, 0, `存在的问题:一是学习不够深入${SCRIPT},二是调研不足${IMG}。`, `序号\t问题${IMG}\t措施${SCRIPT}`);
  writeFileSync(join(dir, "in", "hostile.txt"), lines.join("\n"));
  copyFileSync(join(DEV, "democratic-life-team-complete.txt"), join(dir, "in", HOSTILE_NAME));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("output safety", () => {
  it("escapes markup from document text and file names in the HTML report", async () => {
    const r = await runCli(["analyze", "in", "--out", "out", "--format", "jsonl,html", "--quiet", "--fail-on", "never"], dir);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, "out", "report.html"), "utf8");
    // The documents were really read (so their text could reach the page) …
    const results = parseJsonl(readFileSync(join(dir, "out", "results.jsonl"), "utf8"));
    expect(results.map((l) => l["status"])).toEqual(["ok", "ok"]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // … and none of the injected markup survives as markup.
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<svg onload");
    // No tag carries an event handler: with attribute values removed (a `"` inside one
    // would have been escaped to &quot;), no `<tag … onload=` / `onerror=` is left.
    const tags = html.replace(/"[^"]*"/g, '""');
    expect(tags).not.toMatch(/<[a-z][^<>]*\son(?:load|error)\s*=/i);
  });

  it("refuses output names that would leave the output folder", () => {
    const out = join(dir, "out");
    expect(insideDir(out, "report.html")).toBe(join(out, "report.html"));
    for (const bad of ["../escape.html", "/etc/passwd", "sub/../../x", "..", "", "a/b.html"]) {
      expect(() => insideDir(out, bad), bad).toThrow();
    }
  });

  it("replaces existing report files whole and leaves no temp files in --out", async () => {
    const out = join(dir, "out2");
    mkdirSync(out);
    writeFileSync(join(out, "report.html"), "OLD REPORT");
    writeFileSync(join(out, "results.json"), "OLD JSON");
    writeFileSync(join(out, "keep-me.txt"), "not ours");
    const r = await runCli(["analyze", "in", "--out", "out2", "--format", "json,html", "--quiet", "--fail-on", "never"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, "report.html"), "utf8")).toMatch(/^<!doctype html>/i);
    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as unknown;
    expect(json).toBeTruthy();
    expect(readFileSync(join(out, "keep-me.txt"), "utf8")).toBe("not ours");
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
