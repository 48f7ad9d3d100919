/**
 * OCR of scanned PDFs (pages with no text layer), in-process and offline.
 *
 * pdf.js renders each page (./pdf-render.ts), tesseract.js 7 (WebAssembly, in
 * its own worker thread) reads it with the simplified-Chinese LSTM model from
 * the npm package @tesseract.js-data/chi_sim, and the lines it returns are
 * cleaned and re-joined into paragraphs the way the text-PDF reader does:
 *
 *   - spaces tesseract puts between CJK characters are removed ("2023 年" → "2023年");
 *   - ASCII punctuation next to CJK becomes full-width ("(一)" → "（一）");
 *   - lines read with very low confidence are dropped (what is left of a red
 *     seal or a pen signature, dust);
 *   - running headers, footers and page numbers are dropped ("— 3 —", "第1页共4页");
 *   - a line continues the paragraph unless it ends a sentence (。：；！？), stops
 *     short of the right margin, or the next line is indented.
 *
 * Nothing is downloaded at run time: the model is read from node_modules
 * (`langPath` + `gzip`, `cacheMethod: "none"` so no cache file is written
 * either) and tesseract.js loads its wasm core with require() from
 * node_modules/tesseract.js-core.
 *
 * Confidence scale: tesseract's 0–100 everywhere here (`ocrConfidence` too).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type Tesseract from "tesseract.js";
import type { Block, RawDocument, StageWarning } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";
import { openRasterPdf, toPgm, type PageRaster, type RenderOptions } from "./pdf-render.js";

/** Knobs, with the values measured best on the scanned fixtures (scripts/ocr-eval.mjs). */
export interface OcrTuning {
  /** Folder of @tesseract.js-data/chi_sim holding chi_sim.traineddata.gz. */
  model: "4.0.0_best_int" | "4.0.0";
  /** Tesseract page segmentation mode: "4" = one column of text of variable sizes, "3" = fully automatic. */
  psm: "3" | "4" | "6";
  /** Lines below this confidence (0–100) are dropped as noise. */
  minLineConfidence: number;
  /** Pages whose kept lines average below this (0–100) get an OCR_LOW_CONFIDENCE warning. */
  lowPageConfidence: number;
  render: RenderOptions;
}

export const DEFAULT_TUNING: OcrTuning = {
  model: "4.0.0_best_int",
  psm: "4",
  minLineConfidence: 40,
  lowPageConfidence: 65,
  render: { dpi: 200, minDpi: 150, maxDpi: 300, removeColourInk: true },
};

// ───────────────────────────── the worker ─────────────────────────────

type TesseractModule = typeof Tesseract;

interface WorkerSlot {
  key: string;
  worker: Promise<Tesseract.Worker>;
}

let slot: WorkerSlot | null = null;

function modelDir(model: OcrTuning["model"]): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@tesseract.js-data/chi_sim/package.json")), model);
}

/**
 * One tesseract worker per process, created on first use and reused for every
 * page and document (loading the model costs ~0.5 s). A worker that failed to
 * start is forgotten so the next document tries again.
 */
async function getWorker(tuning: OcrTuning): Promise<Tesseract.Worker> {
  const key = `${tuning.model}|${tuning.psm}`;
  if (slot && slot.key !== key) await terminateOcr();
  if (!slot) {
    const worker = (async () => {
      const mod = (await import("tesseract.js")) as unknown as TesseractModule & { default?: TesseractModule };
      const T = mod.default ?? mod;
      const w = await T.createWorker("chi_sim", T.OEM.LSTM_ONLY, {
        langPath: modelDir(tuning.model),
        gzip: true,
        cacheMethod: "none",
        // tesseract.js logs progress through this; the library never prints.
        logger: () => {},
        errorHandler: () => {},
      });
      await w.setParameters({
        tessedit_pageseg_mode: tuning.psm as Tesseract.PSM,
        // keep the spaces tesseract sees; we decide which to drop (CJK–CJK) ourselves
        preserve_interword_spaces: "1",
      });
      return w;
    })();
    slot = { key, worker };
    worker.catch(() => {
      if (slot?.worker === worker) slot = null;
    });
  }
  return slot.worker;
}

/** Stops the tesseract worker thread (for a clean exit of the CLI or a test). */
export async function terminateOcr(): Promise<void> {
  const s = slot;
  slot = null;
  if (!s) return;
  try {
    const w = await s.worker;
    await w.terminate();
  } catch {
    // a worker that never started has nothing to stop
  }
}

// ───────────────────────────── lines from tesseract ─────────────────────────────

/** One recognised line, in the page's pixel coordinates. */
export interface OcrLine {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrPage {
  page: number;
  width: number;
  height: number;
  dpi: number;
  lines: OcrLine[];
  /** Lines dropped as noise (low confidence, no letters). */
  dropped: number;
  renderMs: number;
  ocrMs: number;
}

/** Recognises one rendered page. */
export async function recognizePage(raster: PageRaster, tuning: OcrTuning = DEFAULT_TUNING): Promise<OcrPage> {
  const worker = await getWorker(tuning);
  const start = performance.now();
  // user_defined_dpi tells tesseract the scale (and silences its "Estimating resolution" line).
  await worker.setParameters({ user_defined_dpi: String(raster.dpi) });
  const result = await worker.recognize(toPgm(raster), {}, { text: false, blocks: true });
  const ocrMs = performance.now() - start;
  const lines: OcrLine[] = [];
  let dropped = 0;
  for (const block of result.data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const text = cleanLine(line.text);
        if (!text) continue;
        if (isNoiseLine(text, line.confidence, tuning.minLineConfidence)) {
          dropped++;
          continue;
        }
        lines.push({ text, confidence: line.confidence, x0: line.bbox.x0, y0: line.bbox.y0, x1: line.bbox.x1, y1: line.bbox.y1 });
      }
    }
  }
  lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  return { page: raster.page, width: raster.width, height: raster.height, dpi: raster.dpi, lines, dropped, renderMs: raster.renderMs, ocrMs };
}

const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
/** CJK ideographs and full-width punctuation: "，。、；：？！“”‘’（）《》【】—…". */
const WIDE = `${CJK}\\u3000-\\u303f\\uff01-\\uff60\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7`;
const SPACE_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])\\s+|\\s+(?=[${WIDE}])`, "g");
const IS_CJK = new RegExp(`[${CJK}]`);
const CJK_G = new RegExp(`[${CJK}]`, "g");

/** Half-width punctuation tesseract emits in Chinese text, and the full-width form the text layer would have. */
const FULL_WIDTH: Record<string, string> = { "(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "?": "？", "!": "！" };

/**
 * "2023 年 主要 工作" → "2023年主要工作": drop whitespace touching a CJK
 * character or full-width punctuation, keep it between Latin words and numbers
 * ("GDP 3.5"). Then "(一) 坚持" → "（一）坚持": ASCII brackets, commas, colons
 * next to CJK become full-width; "2.3万" and "1." stay as they are.
 */
export function cleanLine(raw: string): string {
  let s = raw.replace(/\s+/g, " ").trim();
  s = s.replace(SPACE_BETWEEN_WIDE, "");
  s = s.replace(/[(),:;?!]/g, (ch, at: number) => {
    const prev = s[at - 1] ?? "";
    const next = s[at + 1] ?? "";
    const touchesCjk = IS_CJK.test(prev) || IS_CJK.test(next) || /[（）]/.test(prev) || /[（）]/.test(next);
    // "(" opens Chinese when what it encloses or what precedes it is Chinese: "（一）", "镇（街道）"
    if (ch === "(" && (touchesCjk || /^[(]\s*[\d一二三四五六七八九十]+\s*[)]/.test(s.slice(at)))) return FULL_WIDTH[ch]!;
    if (ch === ")" && (touchesCjk || /[（][\d一二三四五六七八九十]+$/.test(s.slice(0, at)))) return FULL_WIDTH[ch]!;
    if (ch !== "(" && ch !== ")" && IS_CJK.test(prev)) return FULL_WIDTH[ch]!;
    return ch;
  });
  // the replacement may have put a full-width bracket next to a space: "（一） 坚持"
  return s.replace(SPACE_BETWEEN_WIDE, "");
}

/**
 * What a seal, a signature or dust turns into: a line tesseract itself doubts
 * (confidence under the floor), or a short line with no CJK and no digits
 * ("~ ~", "|", "一 _").
 */
function isNoiseLine(text: string, confidence: number, floor: number): boolean {
  if (confidence < floor) return true;
  const cjk = (text.match(CJK_G) ?? []).length;
  if (cjk === 0 && !/[0-9A-Za-z]{2,}/.test(text)) return true;
  return false;
}

// ───────────────────────────── running headers and footers ─────────────────────────────

/**
 * Page numbers as printed and as tesseract reads them: "— 3 —" (often "一3一"),
 * "- 3 -", "3", "第 3 页", "第3页 共4页", "3/4".
 */
const PAGE_NUMBER = [
  /^[\s\-—–一_~·.]*\d{1,4}[\s\-—–一_~·.]*$/,
  /^第?\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^[\s\-—–一]*第?\s*\d{1,4}\s*页[\s\-—–一]*$/,
];

/** Top or bottom band of the page where running headers and folios sit (share of height). */
const MARGIN_BAND = 0.08;

function similarity(a: string, b: string): number {
  const x = a.replace(/\d+/g, "#");
  const y = b.replace(/\d+/g, "#");
  if (x === y) return 1;
  const max = Math.max(x.length, y.length);
  if (max === 0) return 1;
  // Levenshtein, short strings only (margin lines)
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - prev[y.length]! / max;
}

/**
 * Drops running headers and footers: lines in the top or bottom band of the
 * page that are a page number, that recur on other pages (same text, digits
 * aside, OCR variants tolerated), or that are a short low-confidence scrap
 * there ("币1页此4而" is how a small "第1页共4页" can come out).
 * Returns how many lines were removed.
 */
export function dropRunningLines(pages: OcrPage[]): number {
  const margin = (p: OcrPage, l: OcrLine) => {
    const mid = (l.y0 + l.y1) / 2;
    return mid < p.height * MARGIN_BAND ? "top" : mid > p.height * (1 - MARGIN_BAND) ? "bottom" : null;
  };
  const bandLines = pages.map((p) => p.lines.filter((l) => margin(p, l) !== null));
  let removed = 0;
  pages.forEach((p, i) => {
    const keep = p.lines.filter((l) => {
      const band = margin(p, l);
      if (band === null) return true;
      const t = l.text;
      const running =
        PAGE_NUMBER.some((re) => re.test(t)) ||
        (pages.length > 1 && bandLines.some((other, j) => j !== i && other.some((o) => margin(pages[j]!, o) === band && similarity(o.text, t) >= 0.6))) ||
        (t.length <= 12 && l.confidence < 70 && /\d/.test(t));
      if (running) removed++;
      return !running;
    });
    p.lines = keep;
  });
  return removed;
}

// ───────────────────────────── lines → paragraphs ─────────────────────────────

/** A sentence end: "。" "：" "；" "！" "？", possibly inside a closing quote or bracket ("。”", "！）"). */
const SENTENCE_END = /[。：；！？:;!?][”’」』）)]?$/;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))]!;
}

interface PageGeometry {
  left: number;
  right: number;
  charW: number;
}

function geometry(p: OcrPage): PageGeometry {
  const heights = p.lines.map((l) => l.y1 - l.y0);
  return {
    left: quantile(p.lines.map((l) => l.x0), 0.1),
    right: quantile(p.lines.map((l) => l.x1), 0.9),
    charW: median(heights) || p.dpi / 6,
  };
}

/**
 * Re-joins printed lines into paragraphs. A line continues the previous one
 * unless the previous one ends a sentence (。：；！？), stops short of the right
 * margin (a heading such as "一、2023年主要工作及成效", or a paragraph's last line),
 * or this line is indented (a new paragraph's 2-character indent). Centred
 * lines of one title ("…关于2022年度经" / "济责任审计…的报告") are joined.
 * A paragraph carries on across a page break when the page ends mid-sentence.
 */
export function linesToParagraphs(pages: OcrPage[]): Block[] {
  const blocks: Block[] = [];
  let current: { text: string; page: number } | null = null;
  let prevFull = false;
  let prevCentred = false;
  const flush = () => {
    if (current && current.text) blocks.push({ kind: "paragraph", text: current.text, page: current.page });
    current = null;
  };
  for (const p of pages) {
    if (p.lines.length === 0) continue;
    const g = geometry(p);
    p.lines.forEach((l, idx) => {
      const indented = l.x0 - g.left > g.charW * 1.2;
      const full = g.right - l.x1 < g.charW * 1.5;
      const leftGap = l.x0 - g.left;
      const rightGap = g.right - l.x1;
      const centred = leftGap > g.charW * 1.5 && rightGap > g.charW * 1.5 && Math.abs(leftGap - rightGap) < g.charW * 2;
      const firstOnPage = idx === 0;
      const continues =
        current !== null &&
        !SENTENCE_END.test(current.text) &&
        ((prevFull && !indented) || (prevCentred && centred && !firstOnPage));
      if (continues && current) {
        current.text += l.text;
      } else {
        flush();
        current = { text: l.text, page: p.page };
      }
      prevFull = full;
      prevCentred = centred;
    });
  }
  flush();
  return blocks;
}

// ───────────────────────────── the reader ─────────────────────────────

/**
 * OCRs every page of a PDF that has no text layer. Called by the PDF reader
 * (./pdf.ts) when `options.ocr` is set.
 *
 * `ocrConfidence` is the mean line confidence on tesseract's 0–100 scale,
 * weighted by characters. Per-page timing goes into `repairs`:
 * `ocrPages` (pages read), `ocrMsPerPage` (mean render + recognition time per
 * page, ms), plus `ocrLinesDropped` and `ocrRunningLinesRemoved`.
 */
export async function ocrPdf(buffer: Buffer, _options: DocumentOptions, tuning: OcrTuning = DEFAULT_TUNING): Promise<RawDocument> {
  const pdf = await openRasterPdf(buffer);
  const pages: OcrPage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const raster = await pdf.renderPage(n, tuning.render);
      pages.push(await recognizePage(raster, tuning));
    }
  } finally {
    await pdf.close();
  }
  return assemble(pages, tuning);
}

/** Lines of all pages → the RawDocument (exported for callers that OCR a subset of pages). */
export function assemble(pages: OcrPage[], tuning: OcrTuning = DEFAULT_TUNING): RawDocument {
  const warnings: StageWarning[] = [];
  const dropped = pages.reduce((s, p) => s + p.dropped, 0);
  const running = dropRunningLines(pages);
  let weighted = 0;
  let chars = 0;
  for (const p of pages) {
    let pw = 0;
    let pc = 0;
    for (const l of p.lines) {
      pw += l.confidence * l.text.length;
      pc += l.text.length;
    }
    weighted += pw;
    chars += pc;
    const conf = pc ? pw / pc : 0;
    if (pc > 0 && conf < tuning.lowPageConfidence) {
      warnings.push({
        stage: "ingest",
        code: "OCR_LOW_CONFIDENCE",
        message: `第 ${p.page} 页文字识别置信度较低(${conf.toFixed(0)}/100),识别结果可能有错字。请核对原件,或提供更清晰的扫描件(300 dpi 以上)或电子版。`,
      });
    }
  }
  const blocks = linesToParagraphs(pages);
  const cjk = blocks.reduce((s, b) => s + (b.kind === "paragraph" ? (b.text.match(CJK_G) ?? []).length : 0), 0);
  if (cjk < 20) {
    throw new ReportCheckError("PDF_NO_TEXT", `OCR found ${cjk} CJK characters on ${pages.length} page(s)`);
  }
  const totalMs = pages.reduce((s, p) => s + p.renderMs + p.ocrMs, 0);
  return {
    format: "pdf",
    blocks,
    pages: pages.length,
    repairs: {
      ocrPages: pages.length,
      ocrMsPerPage: Math.round(totalMs / Math.max(1, pages.length)),
      ...(dropped ? { ocrLinesDropped: dropped } : {}),
      ...(running ? { ocrRunningLinesRemoved: running } : {}),
    },
    warnings,
    ocr: true,
    ocrConfidence: Math.round((chars ? weighted / chars : 0) * 10) / 10,
  };
}
