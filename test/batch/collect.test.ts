import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectFiles } from "../../src/index.js";
import { runBatch } from "../../src/batch/pool.js";

const DEV = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..", "corpora", "dev");

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "rc-collect-"));
  mkdirSync(join(root, "b", "c"), { recursive: true });
  copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(root, "b", "c", "z.txt"));
  copyFileSync(join(DEV, "democratic-life-team-complete.txt"), join(root, "b", "a.txt"));
  copyFileSync(join(DEV, "error-empty-file.docx"), join(root, "m.docx"));
  writeFileSync(join(root, "list.xlsx"), "x");
  symlinkSync(root, join(root, "b", "c", "loop"));
  return root;
}

describe("collectFiles", () => {
  it("walks folders in code-point order, lists non-documents and survives a symlink loop", async () => {
    const root = tree();
    const got = await collectFiles([root]);
    expect(got.files).toEqual([join(root, "b", "a.txt"), join(root, "b", "c", "z.txt"), join(root, "m.docx")]);
    expect(got.skipped).toContain(join(root, "list.xlsx"));
    expect(got.skippedDetail.find((s) => s.path === join(root, "b", "c", "loop"))?.reason).toBe("symlink-loop");
  });

  it("keeps explicit files in the order given, once each, and a missing path too", async () => {
    const root = tree();
    const a = join(root, "b", "a.txt");
    const got = await collectFiles([join(root, "m.docx"), a, a, join(root, "gone.pdf")]);
    expect(got.files).toEqual([join(root, "m.docx"), a, join(root, "gone.pdf")]);
  });
});

describe("runBatch (in-process)", () => {
  it("yields one result per file in input order, errors included", async () => {
    const root = tree();
    const { files } = await collectFiles([root]);
    const out = [];
    for await (const r of runBatch(files.map((f) => ({ path: f, displayPath: f })), { concurrency: 1 })) out.push(r);
    expect(out.map((r) => r.source.path)).toEqual(files);
    expect(out.map((r) => r.status)).toEqual(["ok", "ok", "error"]);
  });

  it("stops when its signal is aborted", async () => {
    const root = tree();
    const { files } = await collectFiles([root]);
    const controller = new AbortController();
    const out = [];
    for await (const r of runBatch(files.map((f) => ({ path: f, displayPath: f })), { concurrency: 1, signal: controller.signal })) {
      out.push(r);
      controller.abort();
    }
    expect(out).toHaveLength(1);
  });
});
