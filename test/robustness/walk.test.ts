/**
 * Folder walks over hostile trees: symlink loops, dangling links, a FIFO
 * (opening one for reading would block forever), unreadable files, Chinese
 * names with spaces, and files deleted or truncated between the walk and the
 * analysis. Nothing may hang or crash; every collected file gets a result.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, rmSync, symlinkSync, truncateSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtLibrary, collect, DEV, parseJsonl, runCli, tempDir } from "./helpers.js";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
/** mkfifo(1) is in coreutils; where it is missing, the FIFO cases are skipped. */
let hasMkfifo = true;
try {
  execFileSync("mkfifo", ["--version"], { stdio: "ignore" });
} catch {
  hasMkfifo = false;
}
let dir: string;

beforeAll(() => {
  dir = tempDir("rc-walk-");
  const tree = join(dir, "tree");
  mkdirSync(join(tree, "子目录 一"), { recursive: true });
  copyFileSync(join(DEV, "analysis-check-gbt9704-complete.docx"), join(tree, "整改 报告 (终稿).docx"));
  copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(tree, "子目录 一", "工作 总结.txt"));
  // A loop: tree/子目录 一/回到上级 → tree.
  symlinkSync(tree, join(tree, "子目录 一", "回到上级"));
  symlinkSync(join(tree, "does-not-exist.docx"), join(tree, "dangling.docx"));
  try {
    execFileSync("mkfifo", [join(tree, "pipe.txt")]);
  } catch {
    hasMkfifo = false;
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("folder walks", () => {
  it("walks a tree with a symlink loop, a dangling link and a FIFO without hanging, and lists what it passed over", async () => {
    const lib = await builtLibrary();
    const tree = join(dir, "tree");
    const { files, skippedDetail } = await lib.collectFiles([tree]);
    expect(files).toEqual([join(tree, "子目录 一", "工作 总结.txt"), join(tree, "整改 报告 (终稿).docx")]);
    const reasons = Object.fromEntries(skippedDetail.map((s) => [s.path.slice(tree.length + 1), s.reason]));
    expect(reasons["子目录 一/回到上级"]).toBe("symlink-loop");
    expect(reasons["dangling.docx"]).toBe("unreadable");
    if (hasMkfifo) expect(reasons["pipe.txt"]).toBe("not-a-document");
  });

  it("analyses files whose names hold Chinese characters, spaces and brackets, and keeps the names in the results", async () => {
    const r = await runCli(["analyze", "tree", "--concurrency", "2", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
    expect(r.code).toBe(0);
    const lines = parseJsonl(r.stdout);
    expect(lines.map((l) => l["source"]["path"])).toEqual(["tree/子目录 一/工作 总结.txt", "tree/整改 报告 (终稿).docx"]);
    for (const l of lines) expect(l["status"]).toBe("ok");
  });

  it.skipIf(!hasMkfifo)("answers READ_FAILED for a FIFO named on the command line instead of blocking on it", async () => {
    const r = await runCli(["analyze", "tree/pipe.txt", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
    const [line] = parseJsonl(r.stdout);
    expect(line!["error"]["code"]).toBe("READ_FAILED");
  });

  it.skipIf(isRoot)("answers READ_FAILED for a file without read permission (skipped as root: root reads mode-000 files)", async () => {
    const locked = join(dir, "locked.txt");
    copyFileSync(join(DEV, "work-summary-annual-complete.txt"), locked);
    chmodSync(locked, 0o000);
    try {
      const r = await runCli(["analyze", "locked.txt", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
      expect(parseJsonl(r.stdout)[0]!["error"]["code"]).toBe("READ_FAILED");
    } finally {
      chmodSync(locked, 0o644);
    }
  });
  if (isRoot) console.log("walk: the mode-000 case is skipped — tests run as root, and root can read a mode-000 file.");

  it("gives READ_FAILED to a file deleted after the walk and a spec answer to one truncated after it, on worker threads and in-process", async () => {
    const lib = await builtLibrary();
    for (const concurrency of [1, 2]) {
      const changing = join(dir, `changing-${concurrency}`);
      mkdirSync(changing);
      const names = ["a.docx", "b.pdf", "c.txt", "d.docx"];
      copyFileSync(join(DEV, "democratic-life-team-complete.docx"), join(changing, "a.docx"));
      copyFileSync(join(DEV, "work-summary-annual-complete.pdf"), join(changing, "b.pdf"));
      copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(changing, "c.txt"));
      copyFileSync(join(DEV, "rectification-plan-table-no-deadline.docx"), join(changing, "d.docx"));
      const { files } = await lib.collectFiles([changing]);
      expect(files.map((f) => f.slice(changing.length + 1))).toEqual(names);
      unlinkSync(join(changing, "a.docx"));
      truncateSync(join(changing, "b.pdf"), 700);
      const results = await collect(lib.runBatch(files.map((f) => ({ path: f, displayPath: f })), { concurrency }));
      expect(results.map((r) => r.source.path)).toEqual(files);
      expect(results[0]!.error!.code).toBe("READ_FAILED");
      expect(results[1]!.status).toBe("error");
      expect(["PDF_CORRUPT", "PDF_NO_TEXT", "EMPTY"]).toContain(results[1]!.error!.code);
      expect(results[2]!.status).toBe("ok");
      expect(results[3]!.status).toBe("ok");
    }
  });
});
