/**
 * End-to-end: spawns the BUILT CLI (dist/cli.js) over a temp folder of real
 * DOCX/PDF/TXT files from corpora/dev, good and broken, and checks stdout, the
 * written files and the exit codes.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { BAD, DEV, GOOD, makeInbox, parseJsonl, runCli, stable } from "./helpers.js";

const ALL = [...GOOD, ...BAD].map((f) => `inbox/${f}`).sort();

let dir: string;
beforeAll(() => {
  dir = makeInbox();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("report-check analyze", () => {
  it("writes one JSONL line per document to a non-terminal stdout, in sorted path order", async () => {
    const r = await runCli(["analyze", "inbox", "--concurrency", "1", "--fail-on", "error"], dir);
    const lines = parseJsonl(r.stdout);
    expect(lines.map((l) => l["source"]["path"])).toEqual(ALL);
    for (const l of lines) expect(l["schemaVersion"]).toBe(1);
    const byPath = new Map(lines.map((l) => [l["source"]["path"] as string, l]));
    expect(byPath.get("inbox/e-empty.docx")!["error"]["code"]).toBe("EMPTY");
    expect(byPath.get("inbox/f-truncated.docx")!["error"]["code"]).toBe("DOCX_CORRUPT");
    expect(byPath.get("inbox/g-encrypted.pdf")!["status"]).toBe("error");
    expect(byPath.get("inbox/a-analysis-check.docx")!["status"]).toBe("ok");
    expect(byPath.get("inbox/b-democratic-life.txt")!["status"]).toBe("ok");
    // Some files could not be read → 3, and the summary (on stderr, stdout carries JSONL) lists the skipped non-document.
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("inbox/notes.json");
    expect(r.stderr).toMatch(/文档总数\s+7/);
  });

  it("gives the same JSONL with two worker threads as with one", async () => {
    const one = await runCli(["analyze", "inbox", "--concurrency", "1", "--quiet"], dir);
    const two = await runCli(["analyze", "inbox", "--concurrency", "2", "--quiet"], dir);
    expect(stable(two.stdout)).toBe(stable(one.stdout));
    expect(two.stderr).toBe("");
  });

  it("writes every format into --out, and each one parses", async () => {
    const r = await runCli(["analyze", "inbox", "--out", "out", "--format", "jsonl,json,csv,xlsx,html,md", "--concurrency", "2", "--fail-on", "error"], dir);
    expect(r.code).toBe(3);
    const out = join(dir, "out");
    // similar.csv: copy detection runs by default (README, copied reports).
    expect(readdirSync(out).sort()).toEqual(["findings.csv", "items.csv", "report.html", "report.md", "results.csv", "results.json", "results.jsonl", "results.xlsx", "similar.csv"]);

    const jsonl = parseJsonl(readFileSync(join(out, "results.jsonl"), "utf8"));
    expect(jsonl.map((l) => l["source"]["path"])).toEqual(ALL);
    // html needs the text, but JSONL only carries it with --include-text.
    for (const l of jsonl) expect(l["text"]["content"]).toBeUndefined();

    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(json.results).toHaveLength(ALL.length);
    expect(json.skipped).toContain("inbox/notes.json");

    for (const name of ["results.csv", "findings.csv", "items.csv"]) {
      const csv = readFileSync(join(out, name), "utf8");
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.slice(1).startsWith("文件,")).toBe(true);
    }
    const docsCsv = readFileSync(join(out, "results.csv"), "utf8").trim().split("\r\n");
    expect(docsCsv).toHaveLength(ALL.length + 1);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "results.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["文档", "检查发现", "条目", "雷同"]);
    const docs = wb.getWorksheet("文档")!;
    expect(docs.rowCount).toBe(ALL.length + 1);
    expect(docs.getRow(1).getCell(1).value).toBe("文件");
    expect(docs.getRow(2).getCell(1).value).toBe(ALL[0]);
    const items = wb.getWorksheet("条目")!;
    const itemCount = jsonl.reduce((n, l) => n + l["problems"].length + l["causes"].length + l["measures"].length, 0);
    expect(items.rowCount).toBe(itemCount + 1);

    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    for (const p of ALL) expect(html).toContain(p);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);

    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("# 报告检查结果");
    expect(md).toContain("inbox/f-truncated.docx");

    // With --out the summary goes to stdout.
    expect(r.stdout).toMatch(/文档总数\s+7/);
    expect(r.stdout).toMatch(/无法读取\s+3/);
    expect(r.stdout).toContain("DOCX_CORRUPT");
    expect(r.stdout).toContain("inbox/notes.json");
  });

  it("exits 1 exactly when a document has error-level findings, 0 with --fail-on never", async () => {
    const good = GOOD.map((f) => `inbox/${f}`).filter((f) => !f.endsWith(".pdf"));
    const strict = await runCli(["analyze", ...good, "--format", "jsonl", "--quiet", "--fail-on", "error"], dir);
    const results = parseJsonl(strict.stdout);
    expect(results.every((x) => x["status"] === "ok")).toBe(true);
    const hasError = results.some((x) => (x["checklist"]?.["findings"] ?? []).some((f: { severity: string }) => f.severity === "error"));
    expect(strict.code).toBe(hasError ? 1 : 0);
    const lenient = await runCli(["analyze", ...good, "--fail-on", "never", "--quiet"], dir);
    expect(lenient.code).toBe(0);
  });

  it("exits 0 by default once every result is written, even with findings and unreadable files", async () => {
    const r = await runCli(["analyze", "inbox", "--format", "jsonl", "--quiet"], dir);
    const results = parseJsonl(r.stdout);
    expect(results.some((x) => x["status"] === "error")).toBe(true);
    expect(r.code).toBe(0);
  });

  it("exits 2 on usage errors and says why", async () => {
    const unknownFormat = await runCli(["analyze", "inbox", "--format", "pdf"], dir);
    expect(unknownFormat.code).toBe(2);
    expect(unknownFormat.stderr).toContain("未知的输出格式");
    expect((await runCli(["analyze", "inbox", "--format", "json,csv"], dir)).code).toBe(2);
    expect((await runCli(["analyze", "inbox", "--format", "xlsx"], dir)).code).toBe(2);
    expect((await runCli(["analyze", "inbox", "--bogus"], dir)).code).toBe(2);
    expect((await runCli(["analyze", "inbox", "--concurrency", "zero"], dir)).code).toBe(2);
    expect((await runCli(["analyze"], dir)).code).toBe(2);
    expect((await runCli(["frobnicate"], dir)).code).toBe(2);
    const noChecklist = await runCli(["analyze", "inbox", "--checklist", "missing.yaml"], dir);
    expect(noChecklist.code).toBe(2);
    expect(noChecklist.stderr).toContain("missing.yaml");
    const help = await runCli(["analyze", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--fail-on");
  });

  it("reports a missing path as READ_FAILED (exit 3) instead of dropping it", async () => {
    const r = await runCli(["analyze", "inbox/a-analysis-check.docx", "nope/missing.docx", "--quiet", "--fail-on", "error"], dir);
    const lines = parseJsonl(r.stdout);
    expect(lines.map((l) => l["source"]["path"])).toEqual(["inbox/a-analysis-check.docx", "nope/missing.docx"]);
    expect(lines[1]!["error"]["code"]).toBe("READ_FAILED");
    expect(r.code).toBe(3);
  });

  it("expands a glob and walks a folder with a symlink loop and a dangling link without hanging", async () => {
    // loop/ holds one report, a link back to itself (loop/sub/again → ..) and a link to nowhere.
    const loopDir = join(dir, "loop");
    mkdirSync(join(loopDir, "sub"), { recursive: true });
    copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(loopDir, "x.txt"));
    copyFileSync(join(DEV, "democratic-life-team-complete.txt"), join(loopDir, "sub", "y.txt"));
    symlinkSync("..", join(loopDir, "sub", "again"));
    symlinkSync("does-not-exist.docx", join(loopDir, "dangling.docx"));
    const r = await runCli(["analyze", "loop", "--quiet"], dir);
    expect(r.code).toBe(0);
    const paths = parseJsonl(r.stdout).map((l) => l["source"]["path"] as string);
    expect(paths).toEqual(["loop/sub/y.txt", "loop/x.txt"]);
    const listed = await runCli(["analyze", "loop", "--format", "jsonl"], dir);
    expect(listed.stderr).toContain("loop/dangling.docx");
    const glob = await runCli(["analyze", "inbox/*.txt", "--quiet"], dir);
    expect(parseJsonl(glob.stdout).map((l) => l["source"]["path"])).toEqual(["inbox/b-democratic-life.txt"]);
  });

  it("cancels a document over the time limit and goes on with the batch", async () => {
    const r = await runCli(["analyze", "inbox/a-analysis-check.docx", "inbox/b-democratic-life.txt", "--timeout", "0.001", "--concurrency", "2", "--fail-on", "error"], dir);
    const lines = parseJsonl(r.stdout);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l["status"]).toBe("error");
      expect(l["error"]["code"]).toBe("TOO_LARGE");
      expect(l["error"]["message"]).toContain("超时");
    }
    expect(r.code).toBe(3);
  });

  it("re-uses cached results on a second run and re-analyses a changed file", async () => {
    const files = ["inbox/a-analysis-check.docx", "inbox/b-democratic-life.txt"];
    const first = await runCli(["analyze", ...files, "--cache=cache", "--concurrency", "1"], dir);
    expect(first.stderr).not.toContain("（缓存）");
    expect(readdirSync(join(dir, "cache")).filter((f) => f.endsWith(".json"))).toHaveLength(2);
    const second = await runCli(["analyze", ...files, "--cache=cache", "--concurrency", "1"], dir);
    expect((second.stderr.match(/（缓存）/g) ?? []).length).toBe(2);
    expect(stable(second.stdout)).toBe(stable(first.stdout));
    writeFileSync(join(dir, "inbox/b-democratic-life.txt"), readFileSync(join(dir, "inbox/b-democratic-life.txt"), "utf8") + "\n补充一段。\n");
    const third = await runCli(["analyze", ...files, "--cache=cache", "--concurrency", "1"], dir);
    expect((third.stderr.match(/（缓存）/g) ?? []).length).toBe(1);
  });

  it("prints one Chinese line per document with --format table", async () => {
    const r = await runCli(["analyze", "inbox", "--format", "table", "--fail-on", "never"], dir);
    // never: unreadable files and findings do not fail the run.
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l.includes("inbox/"));
    for (const p of ALL) expect(lines.some((l) => l.includes(p))).toBe(true);
    expect(r.stdout).toContain("无法读取");
    expect(r.stdout).toMatch(/文档总数\s+7/);
  });
});

describe("report-check analyze, interrupted", () => {
  it("stops on SIGINT with a line-complete JSONL, reports for what finished and an honest summary", async () => {
    const { spawn } = await import("node:child_process");
    const { CLI } = await import("./helpers.js");
    const many = join(dir, "many");
    mkdirSync(many);
    for (let i = 0; i < 400; i++) copyFileSync(join(DEV, "democratic-life-team-complete.txt"), join(many, `doc-${String(i).padStart(3, "0")}.txt`));
    const child = spawn(process.execPath, [CLI, "analyze", "many", "--out", "out-int", "--format", "jsonl,html,json", "--concurrency", "1"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    let sent = false;
    const interrupted = new Promise<void>((resolve) => {
      child.stderr.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
        if (!sent && /\[3\//.test(stderr)) {
          sent = true;
          child.kill("SIGINT");
          resolve();
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    await interrupted;
    expect(code).toBe(130);
    const text = readFileSync(join(dir, "out-int", "results.jsonl"), "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const lines = parseJsonl(text);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThan(400);
    const json = JSON.parse(readFileSync(join(dir, "out-int", "results.json"), "utf8"));
    expect(json.complete).toBe(false);
    expect(json.results).toHaveLength(lines.length);
    expect(existsSync(join(dir, "out-int", "report.html"))).toBe(true);
    expect(stdout).toContain(`已中断：完成 ${lines.length} / 400`);
  });
});
