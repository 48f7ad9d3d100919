#!/usr/bin/env node
/**
 * The screenshot of an annotated copy in docs/: analyses one DOCX, writes its
 * annotated copy, has LibreOffice (headless, a profile of its own) export it
 * to PDF with the comments as PDF notes (`ExportNotes`; LibreOffice 7.4 has
 * no comments-in-margin export), and renders one page to PNG with pdf.js on
 * @napi-rs/canvas (poppler's pdftoppm is not installed here). The notes
 * LibreOffice placed on the page are drawn in a margin on the right, each
 * linked to its anchor, the way Word shows comments.
 *
 *   node scripts/render-annotated.mjs [input.docx] [output.png] [page]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [input = "corpora/dev/rectification-plan-table-no-deadline.docx", output = "docs/annotated.png", pageArg = "1"] = process.argv.slice(2);
const dist = (p) => pathToFileURL(resolve("dist", p)).href;
const { analyzeFile } = await import(dist("pipeline.js"));
const { formatAnnotated } = await import(dist("report/reply.js"));

const dir = mkdtempSync(join(tmpdir(), "report-check-render-"));
try {
  const result = await analyzeFile(input, { includeText: true });
  const [file] = await formatAnnotated(result, {
    generatedAt: new Date().toISOString(),
    toolVersion: "render",
    skipped: [],
    readSource: async () => new Uint8Array(readFileSync(input)),
  });
  const docx = join(dir, basename(file.name));
  writeFileSync(docx, file.data);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', "--outdir", dir, docx],
    { stdio: "ignore", timeout: 180_000 },
  );
  const pdfPath = docx.replace(/\.docx$/, ".pdf");
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0, isEvalSupported: false }).promise;
  const page = await doc.getPage(Number(pageArg));
  const scale = 1.6;
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory;
  const pageCanvas = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  pageCanvas.context.fillStyle = "#ffffff";
  pageCanvas.context.fillRect(0, 0, pageCanvas.canvas.width, pageCanvas.canvas.height);
  await page.render({ canvasContext: pageCanvas.context, viewport, canvas: pageCanvas.canvas }).promise;

  const { createCanvas, GlobalFonts, loadImage } = await import("@napi-rs/canvas");
  for (const f of ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"]) GlobalFonts.registerFromPath(f, "NotoSansCJK");
  const notes = (await page.getAnnotations()).filter((a) => a.subtype === "Text");
  const margin = 560;
  const W = pageCanvas.canvas.width + margin;
  const H = pageCanvas.canvas.height;
  const out = createCanvas(W, H);
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#eeeeee";
  ctx.fillRect(0, 0, W, H);
  // pdf.js's canvas may come from another instance of @napi-rs/canvas: hand the page over as PNG
  ctx.drawImage(await loadImage(pageCanvas.canvas.toBuffer("image/png")), 0, 0);
  ctx.font = "17px NotoSansCJK";
  const wrap = (text, width) => {
    const lines = [];
    let line = "";
    for (const ch of text) {
      if (ctx.measureText(line + ch).width > width) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    if (line) lines.push(line);
    return lines;
  };
  let y = 16;
  for (const n of notes.sort((a, b) => b.rect[3] - a.rect[3])) {
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(n.rect);
    const ax = Math.min(x1, x2);
    const ay = (y1 + y2) / 2;
    const author = (n.titleObj?.str ?? "").split(",")[0];
    const lines = wrap(n.contentsObj?.str ?? "", margin - 48).slice(0, 5);
    const boxH = 30 + lines.length * 22;
    const top = Math.max(y, ay - 20);
    if (top + boxH > H) break;
    ctx.strokeStyle = "#c0392b";
    ctx.lineWidth = 1.5;
    ctx.strokeRect(ax - 3, ay - 14, 6, 28);
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(pageCanvas.canvas.width + 12, top + 14);
    ctx.stroke();
    ctx.fillStyle = "#fff4c2";
    ctx.fillRect(pageCanvas.canvas.width + 12, top, margin - 24, boxH);
    ctx.strokeRect(pageCanvas.canvas.width + 12, top, margin - 24, boxH);
    ctx.fillStyle = "#7a4b00";
    ctx.fillText(author, pageCanvas.canvas.width + 24, top + 22);
    ctx.fillStyle = "#222222";
    lines.forEach((l, i) => ctx.fillText(l, pageCanvas.canvas.width + 24, top + 46 + i * 22));
    y = top + boxH + 10;
  }
  writeFileSync(output, out.toBuffer("image/png"));
  console.log(`${output}: page ${pageArg} of ${doc.numPages}, ${notes.length} comments (${W}×${H})`);
  await doc.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
