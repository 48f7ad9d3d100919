/**
 * `--format docx,memo` through the BUILT CLI on a reviewer's inbox: one
 * annotated copy and one memo per readable document, named by the path under
 * the folder given (a subfolder kept), none for the unreadable ones, the
 * `--reviewer` name on the comments, and a usage error without `--out`.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { makeInbox, runCli } from "./helpers.js";

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

describe("analyze --format docx,memo", () => {
  const dir = makeInbox();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes an annotated copy and a memo per readable document, as named under the input folder", async () => {
    const res = await runCli(["analyze", "inbox", "--out", "o", "--format", "docx,memo", "--reviewer", "审核组 李明", "--concurrency", "1"], dir);
    expect(res.code, res.stderr).toBe(0);
    const expected = ["a-analysis-check.docx", "b-democratic-life.txt.docx", "c-work-summary.pdf.docx", "sub/d-rectification.docx"];
    expect(filesUnder(join(dir, "o", "annotated"))).toEqual(expected);
    expect(filesUnder(join(dir, "o", "memo"))).toEqual(expected);
    expect(res.stdout).toContain("annotated/（4 个文件）");
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "o", "annotated", "sub", "d-rectification.docx")));
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(comments).toContain('w:author="审核组 李明"');
    expect(comments).toContain("措施无时限");
    const memo = await (await JSZip.loadAsync(readFileSync(join(dir, "o", "memo", "sub", "d-rectification.docx")))).file("word/document.xml")!.async("string");
    expect(memo).toContain("审核组 李明");
  }, 180_000);

  it("refuses docx without --out (exit 2, nothing analysed)", async () => {
    const res = await runCli(["analyze", "inbox", "--format", "docx"], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("--out");
  }, 60_000);
});
