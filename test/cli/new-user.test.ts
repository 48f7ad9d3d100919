/**
 * What a new user trips over (issue 20), end to end through the BUILT CLI:
 * lock files beside reports, Ctrl-C while an early document is slow, a
 * forced --type, a user's own type, an unwritable --out, a glob that matches
 * nothing, and the summary's per-cause advice and file references.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, DEV, parseJsonl, ROOT, runCli } from "./helpers.js";
import { manyPagesPdf } from "../robustness/helpers.js";

const FIXTURES = join(ROOT, "corpora", "fixtures");
let dir: string;

/** Junk that editors and systems leave beside reports. */
const LOCKS = ["~$report.docx", ".~lock.report.docx#", "Thumbs.db", "desktop.ini", ".DS_Store", "._report.docx"];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rc-newuser-"));
  const inbox = join(dir, "inbox");
  mkdirSync(inbox);
  copyFileSync(join(DEV, "analysis-check-gbt9704-complete.docx"), join(inbox, "report.docx"));
  // Word's owner file: 162 bytes, the user name padded — not a ZIP.
  const owner = Buffer.alloc(162);
  owner.write("\x07zhangsan", 0, "latin1");
  for (const name of LOCKS) writeFileSync(join(inbox, name), name === "~$report.docx" || name === "._report.docx" ? owner : "lock");
  copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(dir, "summary.txt"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("lock files", () => {
  it("skips and lists Word/LibreOffice lock files, thumbnails and folder settings in a folder walk", async () => {
    const r = await runCli(["analyze", "inbox", "--format", "jsonl", "--fail-on", "error"], dir);
    const lines = parseJsonl(r.stdout);
    expect(lines.map((l) => l["source"]["path"])).toEqual([join("inbox", "report.docx")]);
    expect(r.code).not.toBe(3);
    for (const name of LOCKS) expect(r.stderr).toContain(`${join("inbox", name)}（锁定文件`);
  });

  it("skips them when a glob matches them and when they are named on the command line", async () => {
    const g = await runCli(["analyze", "inbox/*.docx", "--format", "jsonl", "--fail-on", "error"], dir);
    expect(parseJsonl(g.stdout).map((l) => l["source"]["path"])).toEqual(["inbox/report.docx"]);
    expect(g.stderr).toContain("inbox/~$report.docx（锁定文件");
    expect(g.code).toBe(0);
    const named = await runCli(["analyze", "inbox/~$report.docx", "inbox/report.docx", "--format", "jsonl", "--fail-on", "error"], dir);
    expect(parseJsonl(named.stdout)).toHaveLength(1);
    expect(named.stderr).toContain("inbox/~$report.docx（锁定文件");
    expect(named.code).toBe(0);
  });
});

describe("Ctrl-C", () => {
  it("writes every finished result in input order when the FIRST document is still running, and lists it as unfinished", async () => {
    const work = join(dir, "slow-first");
    mkdirSync(work);
    // Tens of seconds of pdf.js: still running when the later documents are done.
    writeFileSync(join(work, "a-slow.pdf"), manyPagesPdf(12_000));
    const later = ["b.txt", "c.txt", "d.txt", "e.txt", "f.txt"];
    for (const n of later) copyFileSync(join(DEV, "democratic-life-team-complete.txt"), join(work, n));
    const child = spawn(process.execPath, [CLI, "analyze", "slow-first", "--out", "out-slow", "--format", "jsonl,json,html", "--concurrency", "2", "--timeout", "300"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    let sent = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      if (!sent && /\[3\/6\]/.test(stderr)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    const paths = parseJsonl(readFileSync(join(dir, "out-slow", "results.jsonl"), "utf8")).map((l) => l["source"]["path"] as string);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    expect(paths).not.toContain(join("slow-first", "a-slow.pdf"));
    expect(paths).toEqual([...paths].sort());
    expect(stdout).toContain(`已中断：完成 ${paths.length} / 6`);
    expect(stdout).toMatch(/未完成（已中断）\d+ 个：\n  slow-first\/a-slow\.pdf/);
    const json = JSON.parse(readFileSync(join(dir, "out-slow", "results.json"), "utf8"));
    expect(json.complete).toBe(false);
    expect(json.unfinished).toContain("slow-first/a-slow.pdf");
    expect(json.results.map((r: { source: { path: string } }) => r.source.path)).toEqual(paths);
  }, 120_000);
});

describe("--type", () => {
  it("labels a forced type with its own label and forced: true, in JSON, table, CSV and Markdown", async () => {
    const r = await runCli(["analyze", "summary.txt", "--type", "rectification", "--out", "out-type", "--format", "jsonl,table,csv,md", "--quiet"], dir);
    expect(r.code).toBe(0);
    const [line] = parseJsonl(readFileSync(join(dir, "out-type", "results.jsonl"), "utf8"));
    expect(line!["reportType"]).toMatchObject({ id: "rectification", label: "整改情况报告", forced: true, confidence: 1 });
    expect(line!["reportType"]["detected"]["id"]).toBe("work-summary");
    expect(line!["checklist"]["id"]).toBe("rectification");
    for (const f of ["results.txt", "results.csv", "report.md"]) {
      const text = readFileSync(join(dir, "out-type", f), "utf8");
      expect(text, f).toContain("整改情况报告（指定）");
    }
  });

  it("accepts a user's own type id from a --checklist file, and refuses it without one", async () => {
    writeFileSync(
      join(dir, "my-type.yaml"),
      ["id: my-type", "label: 我的报告类型", "extends: analysis-check", "rules:", "  - id: criticism", "    severity: off", ""].join("\n"),
    );
    const r = await runCli(["analyze", "summary.txt", "--type", "my-type", "--checklist", "my-type.yaml", "--format", "jsonl", "--quiet"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [line] = parseJsonl(r.stdout);
    expect(line!["reportType"]).toMatchObject({ id: "my-type", label: "我的报告类型", forced: true });
    expect(line!["checklist"]["id"]).toBe("my-type");
    const ids = (line!["checklist"]["findings"] as Array<{ ruleId: string }>).map((f) => f.ruleId);
    expect(ids).not.toContain("criticism");
    const bad = await runCli(["analyze", "summary.txt", "--type", "my-type", "--format", "jsonl"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("未知的报告类型：my-type");
    expect(bad.stderr).toContain("--checklist");
  });
});

describe("paths and outputs", () => {
  it("says that a glob matched nothing", async () => {
    const r = await runCli(["analyze", "nowhere/*.docx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("通配符没有匹配到任何文件：nowhere/*.docx");
    expect(r.stderr).not.toContain("非文档");
  });

  it("fails fast with exit 2 and a Chinese message when --out cannot be written", async () => {
    writeFileSync(join(dir, "a-file"), "x");
    for (const out of ["/proc/nope", join(dir, "a-file", "sub"), join(dir, "a-file")]) {
      const r = await runCli(["analyze", "summary.txt", "--out", out], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toContain(`输出目录 ${out} 不可用`);
      expect(r.stdout, out).toBe("");
    }
  });

  it("points the summary's full list of skipped files at a file that was written", async () => {
    const many = join(dir, "many-skipped");
    mkdirSync(many);
    copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(many, "a.txt"));
    for (let i = 0; i < 12; i++) writeFileSync(join(many, `data-${i}.json`), "{}");
    const html = await runCli(["analyze", "many-skipped", "--out", "out-many"], dir);
    expect(html.stdout).toMatch(/完整列表见 out-many\/report\.html/);
    expect(existsSync(join(dir, "out-many", "report.html"))).toBe(true);
    const jsonl = await runCli(["analyze", "many-skipped", "--out", "out-many2", "--format", "jsonl"], dir);
    expect(jsonl.stdout).toContain("另 2 个");
    expect(jsonl.stdout).not.toContain("完整列表见");
  });

  it("gives each TOO_LARGE cause its own advice in the summary", async () => {
    const causes = join(dir, "causes");
    mkdirSync(causes);
    copyFileSync(join(FIXTURES, "zip-bomb.docx"), join(causes, "bomb.docx"));
    const r = await runCli(["analyze", "causes", "--format", "jsonl"], dir);
    expect(r.stderr).toContain("压缩炸弹");
    expect(r.stderr).not.toContain("--max-bytes 调高上限");
  });
});

describe("messages", () => {
  it("gives commander's parse errors in Chinese, with a hint for --cache DIR", async () => {
    const bogus = await runCli(["analyze", "summary.txt", "--fail-on", "bogus"], dir);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("错误：选项 --fail-on 的值“bogus”无效，可选：error、warning、never。");
    expect(bogus.stderr).not.toMatch(/error:|invalid|Allowed/);
    const cache = await runCli(["analyze", "--cache", "summary.txt"], dir);
    expect(cache.code).toBe(2);
    expect(cache.stderr).toContain("缺少参数 paths");
    expect(cache.stderr).toContain("--cache=目录");
    const unknown = await runCli(["analyze", "summary.txt", "--bogus"], dir);
    expect(unknown.stderr).toContain("错误：未知选项 --bogus");
    const help = await runCli(["analyze", "--help"], dir);
    expect(help.stdout).toContain("用法：report-check analyze");
    expect(help.stdout).not.toMatch(/choices:|default:|Usage:|Options:/);
  });

  it("goes on quietly when the reader of its output stops early (| head)", async () => {
    // The reader takes the first chunk and closes the pipe, as `head -1` does.
    const child = spawn(process.execPath, [CLI, "analyze", DEV, "--format", "jsonl", "--concurrency", "1", "--quiet"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).not.toBe(2);
  }, 120_000);

  it("prints a bad checklist's path once", async () => {
    writeFileSync(join(dir, "bad.yaml"), ["id: bad", "rules:", "  - id: problems", "    severity: loud", ""].join("\n"));
    const r = await runCli(["checklist", "validate", "bad.yaml"], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^✘ bad\.yaml:\d+: /);
    expect(r.stderr.match(/bad\.yaml/g)).toHaveLength(1);
  });
});

describe("smaller ones", () => {
  it("says that CSV on standard output holds only the documents table", async () => {
    const r = await runCli(["analyze", "summary.txt", "--format", "csv"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("summary.txt");
    expect(r.stderr).toContain("findings.csv");
    expect(r.stderr).toContain("--out");
  });

  it("keys the cache by the checklist's content: an identical copy elsewhere hits it", async () => {
    const yaml = ["id: work-summary", "rules:", "  - id: learning", "    severity: off", ""].join("\n");
    mkdirSync(join(dir, "lists-a"));
    mkdirSync(join(dir, "lists-b"));
    writeFileSync(join(dir, "lists-a", "mine.yaml"), yaml);
    writeFileSync(join(dir, "lists-b", "mine.yaml"), yaml);
    const args = (list: string): string[] => ["analyze", "summary.txt", "--cache=cache-c", "--checklist", list, "--format", "jsonl"];
    const first = await runCli(args("lists-a/mine.yaml"), dir);
    expect(first.stderr).not.toContain("（缓存）");
    const copy = await runCli(args("lists-b/mine.yaml"), dir);
    expect(copy.stderr).toContain("（缓存）");
    writeFileSync(join(dir, "lists-b", "mine.yaml"), yaml.replace("severity: off", "severity: warning\n    message: 写学习"));
    const edited = await runCli(args("lists-b/mine.yaml"), dir);
    expect(edited.stderr).not.toContain("（缓存）");
  });
});

describe("README", () => {
  it("documents a checklist YAML example that validates and works with --type", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("#### Your own checklist"));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeTruthy();
    writeFileSync(join(dir, "readme-type.yaml"), yaml!);
    const v = await runCli(["checklist", "validate", "readme-type.yaml"], dir);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
    const id = /^id: (\S+)/m.exec(yaml!)![1]!;
    const r = await runCli(["analyze", "summary.txt", "--checklist", "readme-type.yaml", "--type", id, "--format", "jsonl", "--quiet"], dir);
    expect(parseJsonl(r.stdout)[0]!["checklist"]["id"]).toBe(id);
  });
});
