#!/usr/bin/env node
// npm run bench — the whole pipeline against bare library extraction, measured in the same run.
//   BENCH_DOCS=200 (batch size), BENCH_BIG=1000 (batch for the peak-RSS run; 0 to skip)
// Prints documents/s and MB of text/s at concurrency 1 and 2, the baseline, the ratios,
// the 1→2 worker speed-up, peak RSS, start-up of `report-check analyze one.docx`, and
// PDF extraction against pdftotext when poppler-utils is installed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join, resolve } from "node:path";

const corpus = resolve("corpora/dev");
const nDocs = Number(process.env.BENCH_DOCS ?? 200);
const nBig = Number(process.env.BENCH_BIG ?? 1000);
const work = mkdtempSync(join(tmpdir(), "report-check-bench-"));

const goodBases = readdirSync(corpus)
  .filter((f) => f.endsWith(".gold.json"))
  .filter((f) => !JSON.parse(readFileSync(join(corpus, f), "utf8")).expectError)
  .map((f) => f.slice(0, -".gold.json".length));
const sources = goodBases.flatMap((b) => ["docx", "pdf", "txt"].map((e) => join(corpus, `${b}.${e}`)).filter(existsSync)).sort();
const batch = (n) => Array.from({ length: n }, (_, i) => sources[i % sources.length]);

function run(mode, list, concurrency = 1) {
  const listFile = join(work, `${mode}-${list.length}-${concurrency}.json`);
  writeFileSync(listFile, JSON.stringify(list));
  const out = execFileSync(process.execPath, ["scripts/bench/run.mjs", mode, listFile, String(concurrency)], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").pop());
}
const fmt = (r) =>
  `${(r.docs / r.seconds).toFixed(1).padStart(7)} docs/s  ${(r.chars / 1e6 / r.seconds).toFixed(2).padStart(6)} MB text/s  ${r.seconds.toFixed(2).padStart(6)} s  peak RSS ${r.maxRssMB.toFixed(0)} MB`;

const list = batch(nDocs);
console.log(`batch: ${list.length} documents (${sources.length} distinct DOCX/PDF/TXT files repeated), ${cpus().length} cores`);
const base = run("baseline", list);
console.log(`baseline (bare extraction + jieba cut, 1 process)  ${fmt(base)}`);
const p1 = run("pipeline", list, 1);
console.log(`pipeline, concurrency 1                            ${fmt(p1)}`);
const cores = Math.max(2, cpus().length);
const p2 = run("pipeline", list, cores);
console.log(`pipeline, concurrency ${cores}                            ${fmt(p2)}`);
console.log(`ratio pipeline/baseline (1 worker): ${(p1.seconds / base.seconds).toFixed(2)}×   speed-up 1→${cores} workers: ${(p1.seconds / p2.seconds).toFixed(2)}×`);

if (nBig > 0) {
  const big = run("pipeline", batch(nBig), cores);
  console.log(`${nBig}-document batch, concurrency ${cores}: ${fmt(big)}`);
}

// Start-up: one DOCX end to end through the CLI, wall clock, median of 5.
const oneDocx = sources.find((s) => s.endsWith(".docx"));
const walls = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ["dist/cli.js", "analyze", oneDocx, "--format", "jsonl", "--quiet"], { encoding: "utf8" });
  walls.push(performance.now() - t);
}
walls.sort((a, b) => a - b);
console.log(`start-up: report-check analyze one.docx  ${(walls[2] / 1000).toFixed(2)} s wall (median of 5)`);

// PDF extraction against poppler's pdftotext on the same files.
const pdfs = sources.filter((s) => s.endsWith(".pdf"));
if (spawnSync("pdftotext", ["-v"]).status === 0) {
  const t0 = performance.now();
  for (let k = 0; k < 5; k++) for (const p of pdfs) execFileSync("pdftotext", ["-enc", "UTF-8", p, "-"], { maxBuffer: 1 << 26 });
  const poppler = (performance.now() - t0) / 5;
  const listFile = join(work, "pdf-ingest.json");
  writeFileSync(listFile, JSON.stringify(pdfs));
  const ingestOut = execFileSync(process.execPath, ["scripts/bench/pdf-ingest.mjs", listFile], { encoding: "utf8" });
  const ours = JSON.parse(ingestOut.trim()).msTotal;
  console.log(`PDF extraction: ours ${(ours / pdfs.length).toFixed(1)} ms/doc, pdftotext ${(poppler / pdfs.length).toFixed(1)} ms/doc (process spawn included) → ${(ours / poppler).toFixed(2)}×`);
} else console.log("PDF extraction vs pdftotext: skipped (apt-get install poppler-utils)");
