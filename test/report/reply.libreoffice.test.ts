/**
 * Acceptance on the dev corpus with real clients: the BUILT CLI writes one
 * annotated copy and one memo per readable input (`--format docx,memo`), and
 * LibreOffice headless (its own temporary profile per call, so parallel calls
 * cannot collide) converts every one of them to PDF, and every annotated copy
 * to ODT with its Word comments kept as office:annotation elements.
 * Each conversion is one soffice call over many files, with generous limits.
 *
 * Bounded by default: every copy of a DOCX input (the edited packages), one
 * copy of each other input format, and one memo per report type go through
 * LibreOffice (~30 conversions). `RC_LIBREOFFICE_ALL=1` converts every copy
 * and every memo of the corpus (~115 conversions, minutes on two cores).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV, ROOT, runCli } from "../cli/helpers.js";

const hasSoffice = ((): boolean => {
  for (const dir of (process.env["PATH"] ?? "").split(":")) if (dir && existsSync(join(dir, "soffice"))) return true;
  return false;
})();

function soffice(args: string[], work: string): Promise<void> {
  const profile = mkdtempSync(join(work, "lo-profile-"));
  return new Promise((resolve, reject) => {
    execFile("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", ...args], { timeout: 900_000, maxBuffer: 16 << 20 }, (err, _out, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (err) reject(new Error(`soffice failed: ${err.message}\n${stderr}`));
      else resolve();
    });
  });
}

const docxFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".docx")).sort();
const ALL = process.env["RC_LIBREOFFICE_ALL"] === "1";

/** The copies to convert: all, or those of DOCX inputs plus the first of every other input format. */
function annotatedSample(names: string[]): string[] {
  if (ALL) return names;
  const seen = new Set<string>();
  return names.filter((n) => {
    const kind = /\.(pdf|txt|doc|html?|md)\.docx$/.exec(n)?.[1] ?? "docx";
    if (kind === "docx") return true;
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
}

/** The memos to convert: all, or the one of each report type's first DOCX input. */
function memoSample(names: string[]): string[] {
  if (ALL) return names;
  const seen = new Set<string>();
  return names.filter((n) => {
    const type = /^(analysis-check|democratic-life|rectification|work-summary)-[^.]*\.docx$/.exec(n)?.[1];
    if (!type || seen.has(type)) return false;
    seen.add(type);
    return true;
  });
}

describe.skipIf(!hasSoffice)("annotated copies and memos in LibreOffice", () => {
  let work = "";
  let out = "";
  let readable: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "rc-reply-lo-"));
    out = join(work, "o");
    const res = await runCli(["analyze", DEV, "--out", out, "--format", "jsonl,docx,memo", "--quiet", "--concurrency", "2"], ROOT);
    expect(res.code, res.stderr).toBe(0);
    readable = readFileSync(join(out, "results.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { status: string; source: { path: string } })
      .filter((r) => r.status === "ok")
      .map((r) => r.source.path.slice(DEV.length + 1));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("writes one annotated copy and one memo per readable input", () => {
    const expected = readable.map((p) => (p.endsWith(".docx") ? p : `${p}.docx`)).sort();
    expect(readable.length).toBeGreaterThan(30);
    expect(docxFiles(join(out, "annotated"))).toEqual(expected);
    expect(docxFiles(join(out, "memo"))).toEqual(expected);
  });

  it("converts every annotated copy and memo to PDF without error", async () => {
    const pdf = join(work, "pdf");
    const annotated = annotatedSample(docxFiles(join(out, "annotated"))).map((f) => join(out, "annotated", f));
    const memos = memoSample(docxFiles(join(out, "memo"))).map((f) => join(out, "memo", f));
    expect(memos.length).toBe(4);
    await soffice(["--convert-to", "pdf", "--outdir", join(pdf, "annotated"), ...annotated], work);
    await soffice(["--convert-to", "pdf", "--outdir", join(pdf, "memo"), ...memos], work);
    for (const [dir, list] of [["annotated", annotated], ["memo", memos]] as const) {
      for (const f of list) {
        const target = join(pdf, dir, f.split("/").pop()!.replace(/\.docx$/, ".pdf"));
        expect(existsSync(target), target).toBe(true);
        const head = readFileSync(target).subarray(0, 5).toString("latin1");
        expect(head).toBe("%PDF-");
        expect(statSync(target).size).toBeGreaterThan(5_000);
        // the memo is one page, as a reviewer signs and sends it
        if (dir === "memo") {
          const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
          const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(target)), verbosity: 0, isEvalSupported: false }).promise;
          expect(doc.numPages, target).toBe(1);
          await doc.destroy();
        }
      }
    }
  }, 900_000);

  it("keeps every comment as an annotation when converting to ODT", async () => {
    const odt = join(work, "odt");
    const annotated = annotatedSample(docxFiles(join(out, "annotated")));
    await soffice(["--convert-to", "odt", "--outdir", odt, ...annotated.map((f) => join(out, "annotated", f))], work);
    for (const f of annotated) {
      const docx = await JSZip.loadAsync(readFileSync(join(out, "annotated", f)));
      const comments = ((await docx.file("word/comments.xml")?.async("string")) ?? "").match(/<w:comment /g)?.length ?? 0;
      expect(comments, f).toBeGreaterThan(0);
      const content = await (await JSZip.loadAsync(readFileSync(join(odt, f.replace(/\.docx$/, ".odt"))))).file("content.xml")!.async("string");
      const annotations = content.match(/<office:annotation[ >]/g)?.length ?? 0;
      expect(annotations, f).toBe(comments);
      expect(content).toContain("审核意见");
    }
  }, 900_000);
});
