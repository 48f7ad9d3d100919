#!/usr/bin/env node
/**
 * Full-document OCR measurement: OCRs the scanned fixtures and reports the
 * character error rate against the dev-corpus text each was made from, and
 * the time per page: wall and CPU (the whole process: this thread rendering,
 * the tesseract threads recognising), with the tesseract workers started
 * beforehand and their start-up reported apart.
 *
 *   npm run build && node scripts/ocr-eval.mjs
 *   node scripts/ocr-eval.mjs --sequential        # one tesseract worker, no helper
 *   node scripts/ocr-eval.mjs --dist path/to/dist --tuning '{"model":"4.0.0","psm":"3"}'
 *   node scripts/ocr-eval.mjs --show              # also print the OCR text
 *
 * CER = edit distance / reference characters, whitespace ignored on both
 * sides (same definition as test/helpers/cer.ts).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";
import { availableParallelism, loadavg } from "node:os";
import { editDistance } from "./lib/edit-distance.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dist = resolve(opt("--dist", join(root, "dist")));
const show = args.includes("--show");
const helpers = !args.includes("--sequential");
const { assemble, readPages, recognizePage, terminateOcr, DEFAULT_TUNING } = await import(pathToFileURL(join(dist, "ingest/ocr.js")).href);
const { openRasterPdf } = await import(pathToFileURL(join(dist, "ingest/pdf-render.js")).href);

const override = JSON.parse(opt("--tuning", "{}"));
const tuning = { ...DEFAULT_TUNING, ...override, render: { ...DEFAULT_TUNING.render, ...(override.render ?? {}) } };

const FIXTURES = [
  { pdf: "corpora/fixtures/scanned-work-summary-annual-complete.pdf", ref: "corpora/dev/work-summary-annual-complete.txt" },
  { pdf: "corpora/fixtures/scanned-democratic-life-team-complete.pdf", ref: "corpora/dev/democratic-life-team-complete.txt" },
  { pdf: "corpora/dev/error-scanned-no-text-layer.pdf", ref: null },
];

const squeeze = (s) => s.replace(/[\s\u3000]+/g, "");
const cpuSeconds = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** Starts the workers (own and, unless --sequential, helper) on a tiny page, so start-up is measured apart. */
async function warmUp() {
  const gray = new Uint8Array(200 * 60).fill(255);
  for (let y = 20; y < 40; y++) gray.fill(0, y * 200 + 20, y * 200 + 180);
  const raster = { page: 0, width: 200, height: 60, dpi: 120, gray, colourInkShare: 0, specks: 0, renderMs: 0 };
  const c = process.cpuUsage();
  const t = performance.now();
  await Promise.all((helpers ? [0, 1] : [0]).map((lane) => recognizePage(raster, tuning, { lane })));
  return { wall: (performance.now() - t) / 1000, cpu: cpuSeconds(c) };
}

console.log(`tuning: ${JSON.stringify(tuning)}; ${helpers ? "helper worker allowed" : "sequential"}; ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}`);
const start = await warmUp();
console.log(`worker start-up (not counted below): ${start.wall.toFixed(2)} s wall, ${start.cpu.toFixed(2)} s CPU`);
let pagesTotal = 0;
let wallTotal = 0;
let cpuTotal = 0;
for (const fx of FIXTURES) {
  const only = opt("--only", null);
  if (only && !fx.pdf.includes(only)) continue;
  const buffer = await readFile(join(root, fx.pdf));
  const c = process.cpuUsage();
  const t = performance.now();
  const lanes = [];
  const pdf = await openRasterPdf(buffer);
  let pages;
  try {
    pages = await readPages(pdf, Array.from({ length: pdf.numPages }, (_, i) => i + 1), tuning, { helpers, onPageStart: (p, lane) => (lanes[p - 1] = lane) });
  } finally {
    await pdf.close();
  }
  const raw = assemble(pages, tuning);
  const wall = (performance.now() - t) / 1000;
  const cpu = cpuSeconds(c);
  pagesTotal += raw.pages;
  wallTotal += wall;
  cpuTotal += cpu;
  const text = raw.blocks.map((b) => (b.kind === "paragraph" ? b.text : b.rows.map((r) => r.join("\t")).join("\n"))).join("\n");
  let cerText = "—";
  if (fx.ref) {
    const ref = squeeze(await readFile(join(root, fx.ref), "utf8"));
    cerText = `${((100 * editDistance(ref, squeeze(text))) / ref.length).toFixed(2)} %`;
  }
  console.log(
    `${fx.pdf}: CER ${cerText}; ${raw.pages} pages, ${(wall / raw.pages).toFixed(2)} s/page wall, ${(cpu / raw.pages).toFixed(2)} s/page CPU; ` +
      `confidence ${raw.ocrConfidence}; ${raw.blocks.length} paragraphs; repairs ${JSON.stringify(raw.repairs)}; warnings ${raw.warnings.map((w) => w.code).join(",") || "none"}`,
  );
  console.log(`  per page: ${pages.map((p, i) => `p${p.page} ${p.dpi}dpi render ${Math.round(p.renderMs)} ms + OCR ${Math.round(p.ocrMs)} ms (worker ${lanes[i]})`).join("; ")}`);
  if (show) console.log(text + "\n");
}
console.log(`total ${pagesTotal} pages: ${(wallTotal / pagesTotal).toFixed(2)} s/page wall, ${(cpuTotal / pagesTotal).toFixed(2)} s/page CPU (workers already started); load ${loadavg()[0].toFixed(2)}`);
await terminateOcr();
