#!/usr/bin/env node
/**
 * Full-document OCR measurement: OCRs the scanned fixtures and reports the
 * character error rate against the dev-corpus text each was made from, and
 * the time per page (page rendering and tesseract recognition separately; the
 * first page of the first document also pays for starting the worker).
 *
 *   npm run build && node scripts/ocr-eval.mjs
 *   node scripts/ocr-eval.mjs --dist path/to/dist --tuning '{"model":"4.0.0","psm":"3"}'
 *   node scripts/ocr-eval.mjs --show          # also print the OCR text
 *
 * CER = edit distance / reference characters, whitespace ignored on both
 * sides (same definition as test/helpers/cer.ts).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";
import { editDistance } from "./lib/edit-distance.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dist = resolve(opt("--dist", join(root, "dist")));
const show = args.includes("--show");
const { assemble, recognizePage, terminateOcr, DEFAULT_TUNING } = await import(pathToFileURL(join(dist, "ingest/ocr.js")).href);
const { openRasterPdf } = await import(pathToFileURL(join(dist, "ingest/pdf-render.js")).href);

/** Same steps as ocrPdf(), kept apart so render and recognition time can be shown separately. */
async function ocrPdfTimed(buffer, tuning) {
  const pdf = await openRasterPdf(buffer);
  const pages = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await recognizePage(await pdf.renderPage(n, tuning.render), tuning));
  } finally {
    await pdf.close();
  }
  const timing = pages.map((p) => ({ page: p.page, dpi: p.dpi, renderMs: Math.round(p.renderMs), ocrMs: Math.round(p.ocrMs) }));
  return { raw: assemble(pages, tuning), timing };
}
const override = JSON.parse(opt("--tuning", "{}"));
const tuning = { ...DEFAULT_TUNING, ...override, render: { ...DEFAULT_TUNING.render, ...(override.render ?? {}) } };

const FIXTURES = [
  { pdf: "corpora/fixtures/scanned-work-summary-annual-complete.pdf", ref: "corpora/dev/work-summary-annual-complete.txt" },
  { pdf: "corpora/fixtures/scanned-democratic-life-team-complete.pdf", ref: "corpora/dev/democratic-life-team-complete.txt" },
  { pdf: "corpora/dev/error-scanned-no-text-layer.pdf", ref: null },
];

const squeeze = (s) => s.replace(/[\s\u3000]+/g, "");

const only = opt("--only", null);
console.log(`tuning: ${JSON.stringify(tuning)}`);
const t0 = performance.now();
for (const fx of FIXTURES) {
  if (only && !fx.pdf.includes(only)) continue;
  const start = performance.now();
  const { raw, timing } = await ocrPdfTimed(await readFile(join(root, fx.pdf)), tuning);
  const secs = (performance.now() - start) / 1000;
  const text = raw.blocks.map((b) => (b.kind === "paragraph" ? b.text : b.rows.map((r) => r.join("\t")).join("\n"))).join("\n");
  let cerText = "—";
  if (fx.ref) {
    const ref = squeeze(await readFile(join(root, fx.ref), "utf8"));
    cerText = `${((100 * editDistance(ref, squeeze(text))) / ref.length).toFixed(2)} %`;
  }
  console.log(
    `${fx.pdf}: CER ${cerText}; ${raw.pages} pages, ${(secs / raw.pages).toFixed(2)} s/page wall (render+OCR ${raw.repairs.ocrMsPerPage} ms/page); ` +
      `confidence ${raw.ocrConfidence}; ${raw.blocks.length} paragraphs; repairs ${JSON.stringify(raw.repairs)}; warnings ${raw.warnings.map((w) => w.code).join(",") || "none"}`,
  );
  console.log(`  per page: ${timing.map((t) => `p${t.page} ${t.dpi}dpi render ${t.renderMs} ms + OCR ${t.ocrMs} ms`).join("; ")}`);
  if (show) console.log(text + "\n");
}
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s (includes worker start)`);
await terminateOcr();
