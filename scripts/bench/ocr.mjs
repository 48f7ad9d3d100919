// OCR speed and accuracy on the scanned fixtures, in its own process. Prints ONE JSON line:
//   {pages, wallSecondsPerPage, cpuSecondsPerPage, cer: {fixture: percent}, startup: {...}, ...}
//   node scripts/bench/ocr.mjs [--sequential]     (after npm run build)
//
// The tesseract workers are started first, on a tiny page, and that start-up (wasm
// compile + model load, ~1 s a worker) is reported apart in `startup`; the per-page
// figures are render + recognition + assembly of every page of every fixture, as
// `analyze --ocr` does them. CPU is the whole process (this thread rendering, the
// tesseract threads recognising): `process.cpuUsage()`. By default a helper worker
// reads pages alongside when a core is free (src/ingest/ocr-budget.ts);
// `--sequential` keeps one worker. Goal (issue 18): ≤ 1 s a page, CER not worse than
// 0.17 % / 0.33 % on the two fixtures with a reference text.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { editDistance } from "../lib/edit-distance.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { assemble, readPages, recognizePage, terminateOcr, DEFAULT_TUNING } = await import(join(root, "dist/ingest/ocr.js"));
const { openRasterPdf } = await import(join(root, "dist/ingest/pdf-render.js"));
const helpers = !process.argv.includes("--sequential");

const FIXTURES = [
  ["corpora/fixtures/scanned-work-summary-annual-complete.pdf", "corpora/dev/work-summary-annual-complete.txt"],
  ["corpora/fixtures/scanned-democratic-life-team-complete.pdf", "corpora/dev/democratic-life-team-complete.txt"],
  ["corpora/dev/error-scanned-no-text-layer.pdf", null],
];
const squeeze = (s) => s.replace(/[\s\u3000]+/g, "");
const cpuSince = (c) => {
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1e6;
};
const load0 = loadavg()[0];

// start-up, apart: the own worker and (when allowed) the helper, on a one-line page
const gray = new Uint8Array(200 * 60).fill(255);
for (let y = 20; y < 40; y++) gray.fill(0, y * 200 + 20, y * 200 + 180);
const tiny = { page: 0, width: 200, height: 60, dpi: 120, gray, colourInkShare: 0, specks: 0, renderMs: 0 };
let c = process.cpuUsage();
let t = performance.now();
await Promise.all((helpers ? [0, 1] : [0]).map((lane) => recognizePage(tiny, DEFAULT_TUNING, { lane })));
const startup = { workers: helpers ? 2 : 1, wallSeconds: (performance.now() - t) / 1000, cpuSeconds: cpuSince(c) };

const buffers = FIXTURES.map(([pdf, ref]) => [pdf, readFileSync(join(root, pdf)), ref && squeeze(readFileSync(join(root, ref), "utf8"))]);
const cer = {};
let pages = 0;
let helperPages = 0;
c = process.cpuUsage();
t = performance.now();
for (const [name, buffer, ref] of buffers) {
  const pdf = await openRasterPdf(buffer);
  let read;
  try {
    read = await readPages(pdf, Array.from({ length: pdf.numPages }, (_, i) => i + 1), DEFAULT_TUNING, {
      helpers,
      onPageStart: (_p, lane) => (helperPages += lane === 1 ? 1 : 0),
    });
  } finally {
    await pdf.close();
  }
  const raw = assemble(read, DEFAULT_TUNING);
  pages += raw.pages;
  if (ref) {
    const text = squeeze(raw.blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join(""));
    cer[name.replace(/^.*\/|\.pdf$/g, "")] = Math.round((10000 * editDistance(ref, text)) / ref.length) / 100;
  }
}
const wall = (performance.now() - t) / 1000;
const cpu = cpuSince(c);
await terminateOcr();
console.log(
  JSON.stringify({
    pages,
    wallSecondsPerPage: Math.round((1000 * wall) / pages) / 1000,
    cpuSecondsPerPage: Math.round((1000 * cpu) / pages) / 1000,
    goalSecondsPerPage: 1,
    cer,
    cerUnit: "percent",
    startup: { workers: startup.workers, wallSeconds: Math.round(startup.wallSeconds * 100) / 100, cpuSeconds: Math.round(startup.cpuSeconds * 100) / 100 },
    helpers,
    helperPages,
    cores: availableParallelism(),
    loadAvg1m: [Math.round(load0 * 100) / 100, Math.round(loadavg()[0] * 100) / 100],
  }),
);
