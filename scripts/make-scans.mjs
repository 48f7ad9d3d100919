#!/usr/bin/env node
/**
 * Makes the scanned-PDF fixtures for the OCR reader: renders dev-corpus TEXT
 * PDFs to page images the way an office scanner would deliver them (150–200
 * dpi colour JPEG, a slight skew, off-white paper, dust specks, a red official
 * seal over the signature block, optionally a handwritten scribble), and wraps
 * the images into an image-only PDF (one DCTDecode XObject per page, no fonts,
 * no text layer).
 *
 *   node scripts/make-scans.mjs            # writes corpora/fixtures/scanned-<name>.pdf
 *
 * Deterministic: a seeded PRNG drives every random choice, so re-running gives
 * the same bytes for the same inputs. The expected text stays in
 * corpora/dev/<name>.txt (no .txt beside the fixture: `npm start` would read it
 * as a document of its own).
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { prng as rng } from "./lib/prng.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Which documents, how. `sealText` is the issuing unit as printed on the seal;
 * its glyphs are cut from the rendered page itself (no CJK font is installed
 * here), so every character must occur somewhere in the document.
 */
const FIXTURES = [
  { name: "work-summary-annual-complete", dpi: 150, skewDeg: 0.35, sealText: "望川区统计局", scribble: false, seed: 11 },
  { name: "democratic-life-team-complete", dpi: 200, skewDeg: -0.5, sealText: "中共望川区杏林路街道工作委员会", scribble: true, seed: 23 },
];

const SEAL_RED = "rgb(214, 38, 38)";

/**
 * Canvases must come from the @napi-rs/canvas copy pdf.js itself loaded
 * (pdfjs-dist may carry its own nested version; a Path2D or image of one copy
 * is rejected by the other), so every canvas is made by the document's factory.
 */
let factory = null;
function createCanvas(w, h) {
  return factory.create(w, h).canvas;
}

const CJK = /^[\u3400-\u9fff]+$/;

/** Text items with their device-space box on the rendered page. */
async function pageItems(page, viewport) {
  const content = await page.getTextContent();
  const out = [];
  for (const it of content.items) {
    if (!("str" in it) || !it.str.trim()) continue;
    const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, it.transform);
    const fontPx = Math.hypot(c, d); // glyph height in pixels
    const x = e;
    const yBase = f;
    const w = it.width * viewport.scale;
    out.push({ str: it.str, x, yTop: yBase - fontPx * 0.88, yBottom: yBase + fontPx * 0.12, w, fontPx, a, b });
  }
  return out;
}

/** Finds, for each seal character, a pure-CJK text item holding it and cuts its glyph cell out. */
function glyphSources(pages, text) {
  const found = new Map();
  for (const ch of new Set(text)) {
    for (const p of pages) {
      const it = p.items.find((i) => CJK.test(i.str) && i.str.includes(ch));
      if (!it) continue;
      const k = it.str.indexOf(ch);
      const cw = it.w / it.str.length;
      found.set(ch, { canvas: p.canvas, x: it.x + k * cw, y: it.yTop, w: cw, h: it.yBottom - it.yTop });
      break;
    }
    if (!found.has(ch)) throw new Error(`seal character ${ch} not found in any text item`);
  }
  return found;
}

/**
 * A round official seal (公章): a red ring, a five-point star, the unit name
 * along the upper arc. Drawn on its own white canvas, then laid over the page
 * with "multiply" so black text under it stays black, as with real stamp ink.
 */
function drawSeal(diameter, text, glyphs, rand) {
  const seal = createCanvas(diameter, diameter);
  const g = seal.getContext("2d");
  g.fillStyle = "white";
  g.fillRect(0, 0, diameter, diameter);
  const r = diameter / 2;
  g.strokeStyle = SEAL_RED;
  g.lineWidth = diameter * 0.035;
  g.beginPath();
  g.arc(r, r, r - g.lineWidth, 0, Math.PI * 2);
  g.stroke();
  // star
  g.fillStyle = SEAL_RED;
  g.beginPath();
  const sr = r * 0.26;
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 === 0 ? sr : sr * 0.4;
    const ang = -Math.PI / 2 + (i * Math.PI) / 5;
    const px = r + rad * Math.cos(ang);
    const py = r + rad * Math.sin(ang);
    if (i === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
  }
  g.closePath();
  g.fill();
  // characters along the upper arc, each glyph turned red with "screen" (black → red, white stays white)
  const chars = [...text];
  const span = Math.min(Math.PI * 1.35, chars.length * 0.32);
  const glyphSize = Math.round(Math.min(r * 0.3, (span * r * 0.72) / chars.length) * 1.05);
  chars.forEach((ch, i) => {
    const src = glyphs.get(ch);
    const cell = createCanvas(glyphSize, glyphSize);
    const cg = cell.getContext("2d");
    cg.drawImage(src.canvas, src.x, src.y, src.w, src.h, 0, 0, glyphSize, glyphSize);
    cg.globalCompositeOperation = "screen";
    cg.fillStyle = SEAL_RED;
    cg.fillRect(0, 0, glyphSize, glyphSize);
    const ang = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    g.save();
    g.translate(r + Math.cos(ang) * r * 0.68, r + Math.sin(ang) * r * 0.68);
    g.rotate(ang + Math.PI / 2);
    g.globalCompositeOperation = "multiply";
    g.drawImage(cell, -glyphSize / 2, -glyphSize / 2);
    g.restore();
  });
  // uneven ink: lighten random small patches
  g.globalCompositeOperation = "source-over";
  g.fillStyle = "rgba(255,255,255,0.55)";
  for (let i = 0; i < 60; i++) {
    g.beginPath();
    g.arc(rand() * diameter, rand() * diameter, 2 + rand() * diameter * 0.03, 0, Math.PI * 2);
    g.fill();
  }
  return seal;
}

/** A handwritten scribble (a reviewer's initials and a stroke) in blue-black ink. */
function drawScribble(g, x, y, scale, rand) {
  g.save();
  g.strokeStyle = "rgb(30, 40, 110)";
  g.lineWidth = Math.max(2, scale * 0.04);
  g.lineCap = "round";
  g.beginPath();
  g.moveTo(x, y);
  let cx = x;
  for (let i = 0; i < 7; i++) {
    const nx = cx + scale * (0.25 + rand() * 0.2);
    g.bezierCurveTo(cx + scale * 0.1, y - scale * (0.4 + rand() * 0.4), nx - scale * 0.05, y + scale * (0.3 + rand() * 0.3), nx, y + (rand() - 0.5) * scale * 0.2);
    cx = nx;
  }
  g.stroke();
  g.beginPath();
  g.moveTo(x - scale * 0.1, y + scale * 0.45);
  g.quadraticCurveTo(x + (cx - x) / 2, y + scale * 0.75, cx + scale * 0.3, y + scale * 0.35);
  g.stroke();
  g.restore();
}

/** What a scanner adds: off-white paper, slight skew, dust specks. */
function scanLook(src, skewDeg, rand) {
  const w = src.width;
  const h = src.height;
  const out = createCanvas(w, h);
  const g = out.getContext("2d");
  g.fillStyle = "rgb(246, 244, 238)";
  g.fillRect(0, 0, w, h);
  g.save();
  g.translate(w / 2, h / 2);
  g.rotate((skewDeg * Math.PI) / 180);
  g.translate(-w / 2, -h / 2);
  g.globalCompositeOperation = "multiply";
  g.drawImage(src, 0, 0);
  g.restore();
  g.fillStyle = "rgba(60, 60, 60, 0.8)";
  const specks = 250 + Math.floor(rand() * 150);
  for (let i = 0; i < specks; i++) {
    g.beginPath();
    g.arc(rand() * w, rand() * h, 0.5 + rand() * 1.2, 0, Math.PI * 2);
    g.fill();
  }
  return out;
}

/** A minimal PDF: one page per JPEG, the image filling the page (DCTDecode, DeviceRGB). */
function imagesToPdf(images) {
  const chunks = [];
  const offsets = [];
  let length = 0;
  const push = (b) => {
    const buf = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    chunks.push(buf);
    length += buf.length;
  };
  const n = images.length;
  // objects: 1 catalog, 2 pages, then per page: page, content, image
  const pageId = (i) => 3 + i * 3;
  push("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  const obj = (id, body, stream) => {
    offsets[id] = length;
    push(`${id} 0 obj\n${body}\n`);
    if (stream) {
      push("stream\n");
      push(stream);
      push("\nendstream\n");
    }
    push("endobj\n");
  };
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, `<< /Type /Pages /Count ${n} /Kids [${images.map((_, i) => `${pageId(i)} 0 R`).join(" ")}] >>`);
  images.forEach((im, i) => {
    const id = pageId(i);
    const W = im.widthPt.toFixed(4);
    const H = im.heightPt.toFixed(4);
    const content = Buffer.from(`q ${W} 0 0 ${H} 0 0 cm /Im0 Do Q`, "latin1");
    obj(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`);
    obj(id + 1, `<< /Length ${content.length} >>`, content);
    obj(
      id + 2,
      `<< /Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${im.jpeg.length} >>`,
      im.jpeg,
    );
  });
  const total = 3 + n * 3;
  const xref = length;
  push(`xref\n0 ${total}\n0000000000 65535 f \n`);
  for (let id = 1; id < total; id++) push(`${String(offsets[id]).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${total} /Root 1 0 R /Info << /Producer (report-check make-scans) >> >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

async function makeScan(fx) {
  const rand = rng(fx.seed);
  const data = new Uint8Array(await readFile(join(root, "corpora/dev", `${fx.name}.pdf`)));
  const doc = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    verbosity: 0,
    cMapUrl: join(root, "node_modules/pdfjs-dist/cmaps/"),
    cMapPacked: true,
    standardFontDataUrl: join(root, "node_modules/pdfjs-dist/standard_fonts/"),
  }).promise;
  factory = doc.canvasFactory;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: fx.dpi / 72 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "white";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    const base = page.getViewport({ scale: 1 });
    pages.push({ canvas, items: await pageItems(page, viewport), widthPt: base.width, heightPt: base.height });
  }
  const glyphs = glyphSources(pages, fx.sealText);

  // The seal goes over the signature block: the last text line of the last page
  // (the date), its centre one line above so it covers unit name and date.
  const last = pages[pages.length - 1];
  const body = last.items.filter((it) => !/^[—\-\s\d]+$/.test(it.str)); // not the "— 4 —" folio
  const tail = body.reduce((a, b) => (b.yBottom > a.yBottom ? b : a));
  const diameter = Math.round((fx.dpi / 25.4) * 40); // a 40 mm seal
  const seal = drawSeal(diameter, fx.sealText, glyphs, rand);
  const lg = last.canvas.getContext("2d");
  lg.globalCompositeOperation = "multiply";
  lg.drawImage(seal, tail.x + tail.w / 2 - diameter / 2, tail.yTop - tail.fontPx * 0.9 - diameter / 2 + tail.fontPx);
  lg.globalCompositeOperation = "source-over";
  if (fx.scribble) {
    // a reviewer's handwritten initials in the top margin of page 1, and one beside the date
    const first = pages[0];
    drawScribble(first.canvas.getContext("2d"), first.canvas.width * 0.62, first.canvas.height * 0.045, fx.dpi * 0.35, rand);
    drawScribble(lg, Math.max(20, tail.x - fx.dpi * 2.2), tail.yBottom - tail.fontPx * 0.3, fx.dpi * 0.3, rand);
  }

  const images = pages.map((p, i) => {
    // (the factory is still alive: the document is destroyed only after encoding)
    const scanned = scanLook(p.canvas, fx.skewDeg * (i % 2 === 0 ? 1 : 0.6), rand);
    const jpeg = scanned.toBuffer("image/jpeg", 72);
    return { jpeg, width: scanned.width, height: scanned.height, widthPt: p.widthPt, heightPt: p.heightPt };
  });
  await doc.destroy();
  const pdf = imagesToPdf(images);
  const out = join(root, "corpora/fixtures", `scanned-${fx.name}.pdf`);
  await writeFile(out, pdf);
  return { out, bytes: pdf.length, pages: images.length };
}

await mkdir(join(root, "corpora/fixtures"), { recursive: true });
const only = process.argv.slice(2);
for (const fx of FIXTURES) {
  if (only.length && !only.includes(fx.name)) continue;
  const r = await makeScan(fx);
  console.log(`${r.out}: ${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KB`);
}
