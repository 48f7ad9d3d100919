// Runs the built CLI on a generated copy-detection set and scores it (see copies-eval.mjs).
// Shared by scripts/copies-eval.mjs and test/similar/eval.test.ts.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { docText, generateSet, loadSources, paragraphs, readText, scorePairs, trueContainment } from "./copies-eval.mjs";
import { readdirSync } from "node:fs";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Paragraphs of texts outside the set, each used once as a copier's own paragraph. */
export function fillerParagraphs(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => paragraphs(readText(join(dir, f))))
    .filter((p) => p.length >= 60);
}

function intersectLen(a, b) {
  // a, b: sorted, non-overlapping [s, e) lists
  let n = 0, i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (e > s) n += e - s;
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return n;
}

function union(spans) {
  const s = [...spans].sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [a, b] of s) {
    if (out.length && a <= out.at(-1)[1]) out.at(-1)[1] = Math.max(out.at(-1)[1], b);
    else out.push([a, b]);
  }
  return out;
}
/**
 * Where a generated paragraph sits in the normalized text: probes of 12 characters from its start,
 * middle and end (normalization may have restored a spun word or dropped a mark in between).
 */
let toSimplified = null;
function locate(content, raw, from) {
  toSimplified ??= createRequire(import.meta.url)("opencc-js").Converter({ from: "tw", to: "cn" });
  const para = toSimplified(raw);
  const L = para.length;
  const probes = [0, Math.floor(L / 2) - 6, L - 12].filter((o) => o >= 0);
  for (const o of probes) {
    const probe = para.slice(o, o + 12);
    const at = content.indexOf(probe, from);
    if (at >= 0) return [Math.max(0, at - o), Math.min(content.length, at - o + L)];
  }
  return null;
}
const total = (spans) => spans.reduce((n, [a, b]) => n + b - a, 0);

/**
 * Generates the set from `sourceDir` (+ own paragraphs from `fillerDir`) into `work`, analyses it
 * with the CLI and returns the scores.
 */
export function runCopiesEval({ sourceDir, fillerDir, work, seed = 1, threshold = 0.3, band = 0.05, cli = join(ROOT, "dist/cli.js"), extraArgs = [] }) {
  const docs = generateSet(loadSources(sourceDir), fillerParagraphs(fillerDir), seed);
  const inDir = join(work, "set");
  mkdirSync(inDir, { recursive: true });
  for (const d of docs) writeFileSync(join(inDir, `${d.name}.txt`), docText(d));
  const out = join(work, "out");
  execFileSync(process.execPath, [cli, "analyze", inDir, "--out", out, "--format", "jsonl", "--include-text", "--quiet", "--concurrency", "2", "--copy-threshold", String(threshold), ...extraArgs], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const results = readFileSync(join(out, "results.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const nameOf = (p) => p.replace(/^.*\//, "").replace(/\.txt$/, "");
  const byName = new Map(docs.map((d) => [d.name, d]));
  const flagged = new Set();
  let charsPred = 0, charsTrue = 0, charsBoth = 0;
  let missingSimilar = 0;
  const debug = [];
  for (const r of results) {
    if (!Array.isArray(r.similar)) missingSimilar++;
    const me = nameOf(r.source.path);
    for (const f of r.checklist?.findings ?? []) {
      if (f.ruleId !== "quality.copied-text") continue;
      const other = nameOf(f.related.path);
      flagged.add(me < other ? `${me}\u0000${other}` : `${other}\u0000${me}`);
      // Passage alignment: the predicted passages against the paragraphs truly shared with `other`.
      const a = byName.get(me), b = byName.get(other);
      if (!a || !b || r.text.content === undefined) continue;
      const inB = new Set(b.paras.map((p) => p.origin));
      const truth = [];
      let from = 0;
      for (const p of a.paras) {
        const span = locate(r.text.content, p.text.trim(), from);
        if (!span) continue;
        from = span[0];
        if (!p.origin.startsWith("stock") && inB.has(p.origin)) truth.push(span);
      }
      const pred = union(f.related.passages.map((p) => p.span));
      const tru = union(truth);
      if (process.env.COPIES_DEBUG) debug.push(`${me} ~ ${other}: pred ${total(pred)} true ${total(tru)} both ${intersectLen(pred, tru)}`);
      charsPred += total(pred);
      charsTrue += total(tru);
      charsBoth += intersectLen(pred, tru);
    }
  }
  if (process.env.COPIES_DEBUG) console.error(debug.join("\n"));
  const scores = scorePairs(docs, flagged, { threshold, band });
  return {
    documents: docs.length,
    kinds: docs.reduce((m, d) => ((m[d.kind] = (m[d.kind] ?? 0) + 1), m), {}),
    results: results.length,
    missingSimilar,
    ...scores,
    passageChars: { precision: charsPred ? charsBoth / charsPred : 1, recall: charsTrue ? charsBoth / charsTrue : 1 },
    containmentOf: (a, b) => trueContainment(byName.get(a), byName.get(b)),
  };
}
