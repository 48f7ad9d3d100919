/**
 * PDF reader: pdf.js text items with positions → lines → paragraphs and
 * tables (see pdf-layout.ts), running headers/footers removed
 * (pdf-running.ts), typed errors for what cannot be read.
 *
 * Why pdf.js directly and not pdf-parse's `getText()`: pdf-parse flattens the
 * items into strings (inserting `-- N of M --` and `\t`), and we need each
 * item's x/y to rebuild lines, indents and table columns. pdfjs-dist is the
 * copy pdf-parse depends on (same version), so nothing extra is installed.
 *
 * Why the NON-legacy build: the legacy build installs core-js polyfills
 * process-wide — a slow `Array.prototype.push` and a replaced `JSON.parse` —
 * which slow every later stage of the same process. The modern build needs
 * only a few things Node 20 lacks: `Promise.withResolvers`,
 * `ArrayBuffer.prototype.transferToFixedLength` (font substitution only),
 * `URL.parse` (before Node 20.18) and a global `DOMMatrix` at import time
 * (see ImportTimeDOMMatrix). They are installed only when missing, and give
 * the same text as the legacy build on every dev PDF (item strings and
 * positions compared).
 *
 * Nothing is fetched: CMaps (for CJK fonts without embedded ToUnicode, e.g.
 * non-embedded GBK-EUC-H / UniGB-UCS2-H in 公文 PDFs), standard fonts, ICC and
 * wasm come from pdfjs-dist's own folders on disk.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { PDFDocumentLoadingTask } from "pdfjs-dist/types/src/display/api.js";
import type { RawDocument } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import { checkHeap } from "../limits/memory.js";
import type { DocumentOptions } from "../model/options.js";
import { layoutPages, type PdfPage, type PdfTextItem } from "./pdf-layout.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsPromise: Promise<PdfJs> | null = null;
let assetDirs: { cmaps: string; fonts: string; wasm: string; iccs: string } | null = null;

function withSlash(p: string): string {
  return p.endsWith(sep) || p.endsWith("/") ? p : p + sep;
}

async function installShims(): Promise<void> {
  const P = Promise as unknown as { withResolvers?: unknown };
  if (typeof P.withResolvers !== "function") {
    Object.defineProperty(Promise, "withResolvers", {
      configurable: true,
      writable: true,
      value: function withResolvers<T>(this: PromiseConstructor) {
        let resolve!: (v: T | PromiseLike<T>) => void;
        let reject!: (e: unknown) => void;
        const promise = new this<T>((a, b) => {
          resolve = a;
          reject = b;
        });
        return { promise, resolve, reject };
      },
    });
  }
  const AB = ArrayBuffer.prototype as unknown as { transferToFixedLength?: unknown };
  if (typeof AB.transferToFixedLength !== "function") {
    // A copy instead of a transfer: pdf.js only reads the result.
    Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
      configurable: true,
      writable: true,
      value: function transferToFixedLength(this: ArrayBuffer, length?: number) {
        return this.slice(0, length ?? this.byteLength);
      },
    });
  }
  // URL.parse arrived in Node 20.18; package.json allows 20.16.
  const U = URL as unknown as { parse?: unknown };
  if (typeof U.parse !== "function") {
    Object.defineProperty(URL, "parse", {
      configurable: true,
      writable: true,
      value: function parse(url: string | URL, base?: string | URL): URL | null {
        try {
          return new URL(url, base);
        } catch {
          return null;
        }
      },
    });
  }
}

/**
 * pdf.js's display layer builds one `new DOMMatrix()` when its module is
 * evaluated (a constant for canvas rendering, which we never do). Loading
 * @napi-rs/canvas just for that costs about a third of the import time, so a
 * stand-in is installed for the import only and removed right after: a later
 * import of the legacy build (OCR rendering) then still finds no DOMMatrix
 * and installs the real one from @napi-rs/canvas.
 */
class ImportTimeDOMMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (Array.isArray(init) && init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }
}

/**
 * pdf.js's worker code with font-program COMPILATION switched off.
 *
 * Why: for every embedded Type 1 font pdf.js re-compiles the glyph programs
 * into a CFF font and wraps it in an OpenType file — bytes that only a
 * renderer uses (the browser's FontFace). On the dev PDFs (LibreOffice: CJK
 * Type 1 subsets) that was 55–65 % of the reader's CPU (`Type1Font.wrap` →
 * `CFFCompiler.compileIndex`, `Font.convert`), and no pdf.js option turns it
 * off (`disableFontFace` only stops the display side from USING the bytes).
 * Text extraction needs what is computed BEFORE those two steps: the font's
 * encoding and glyph names (parsed from the font program: unchanged), the
 * ToUnicode map and the widths. So two statements are replaced in a private
 * copy of the module:
 *   Type1Font:    `this.data = this.wrap(…)` → `this.data = []`
 *   Font.convert: the OpenType build after the char mapping → an empty file
 * TrueType and CFF fonts are untouched. The patch is checked: each anchor must
 * occur exactly once in the installed pdfjs-dist, otherwise the stock worker
 * is imported (a future pdf.js then only costs speed, never correctness).
 * Item strings and positions were compared on every dev/fixture PDF: identical.
 * The copy is written to a private temp folder, imported, and deleted.
 */
const TEXT_ONLY_PATCHES: Array<[string, string]> = [
  ["this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);", "this.data = [];"],
  ['const builder = new OpenTypeFileBuilder("\\x4F\\x54\\x54\\x4F");', 'return new Uint8Array(0);\n    const builder = new OpenTypeFileBuilder("\\x4F\\x54\\x54\\x4F");'],
];

/**
 * Typography for the layout model (pdf-layout.ts): `getTextContent()` names
 * each run's font only by its loaded id (`g_d0_f3`) and a generic family, and
 * the font objects reach `page.commonObjs` only when a page is RENDERED (an
 * operator list — a second pass over every page). The text-content code has
 * the font at hand when it writes the per-font `styles` entry, so the PDF
 * font name (`BAAAAA+NotoSerifCJKsc-Bold`, `SimHei`), pdf.js's bold/black
 * reading of it and the descriptor flags (ForceBold) are added there. Without
 * this patch (a future pdf.js) the reader still works; only weight is unknown.
 */
const STYLE_PATCHES: Array<[string, string]> = [
  ["          fontFamily: font.fallbackName,", "          fontFamily: font.fallbackName, fontName: font.name, fontFlags: font.flags, fontBold: font.bold, fontBlack: font.black,"],
];

/** Set REPORT_CHECK_PDFJS_FULL_FONTS=1 to keep font compilation (to compare output or timing); the style patch still applies. */
async function importTextOnlyWorker(root: string): Promise<{ WorkerMessageHandler?: unknown }> {
  const stock = (): Promise<{ WorkerMessageHandler?: unknown }> => import("pdfjs-dist/build/pdf.worker.mjs" as string) as Promise<{ WorkerMessageHandler?: unknown }>;
  let source: string;
  try {
    source = readFileSync(join(root, "build", "pdf.worker.mjs"), "utf8");
  } catch {
    return stock();
  }
  const patches = process.env["REPORT_CHECK_PDFJS_FULL_FONTS"] ? STYLE_PATCHES : [...TEXT_ONLY_PATCHES, ...STYLE_PATCHES];
  for (const [from, to] of patches) {
    const at = source.indexOf(from);
    if (at < 0 || source.indexOf(from, at + 1) >= 0) return stock();
    source = source.slice(0, at) + to + source.slice(at + from.length);
  }
  // Imported from a private temp folder (mkdtemp: mode 0700, so no other user can
  // swap the file), deleted as soon as the module is loaded. Not from a data: URL:
  // the 3.7 MB URL would become the file name in every stack trace and profile.
  let dir: string | null = null;
  try {
    dir = mkdtempSync(join(tmpdir(), "report-check-pdfjs-"));
    const file = join(dir, "pdf.worker.text-only.mjs");
    writeFileSync(file, source, { mode: 0o600 });
    return (await import(pathToFileURL(file).href)) as { WorkerMessageHandler?: unknown };
  } catch {
    return stock();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** pdf.js is imported on first use only: a DOCX batch never pays for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    await installShims();
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve("pdfjs-dist/package.json"));
    assetDirs = {
      cmaps: withSlash(join(root, "cmaps")),
      fonts: withSlash(join(root, "standard_fonts")),
      wasm: withSlash(join(root, "wasm")),
      iccs: withSlash(join(root, "iccs")),
    };
    // The modern build prints a one-line advice to use the legacy build in
    // Node; it is not an error, keep it off stderr of a batch run.
    const warn = console.warn;
    const log = console.log;
    const quiet = (...args: unknown[]): void => {
      if (typeof args[0] === "string" && args[0].includes("Please use the `legacy` build")) return;
      warn(...args);
    };
    console.warn = quiet;
    console.log = (...args: unknown[]): void => {
      if (typeof args[0] === "string" && args[0].includes("Please use the `legacy` build")) return;
      log(...args);
    };
    const g = globalThis as unknown as { DOMMatrix?: unknown };
    const stubbed = typeof g.DOMMatrix === "undefined";
    if (stubbed) g.DOMMatrix = ImportTimeDOMMatrix;
    try {
      const pdfjs = (await import("pdfjs-dist/build/pdf.mjs")) as unknown as PdfJs;
      // Run the worker code in this thread (pdf.js's "fake worker"): the batch
      // pool already gives each document its own thread.
      // `before` is read BEFORE the import: pdf.worker.mjs sets globalThis.pdfjsWorker itself when
      // it is evaluated, and restoring that would hand the text-only worker (no glyph programs) to
      // the legacy build that renders pages for OCR — text pages then rasterise blank.
      const gw = globalThis as unknown as { pdfjsWorker?: unknown };
      const before = gw.pdfjsWorker;
      const worker = await importTextOnlyWorker(root);
      gw.pdfjsWorker = worker;
      // The display layer reads globalThis.pdfjsWorker once, synchronously, on the
      // first access of this getter and caches it; reading it now binds THIS build
      // to the text-only worker. The global is then put back, so the legacy build
      // that renders pages for OCR (pdf-render.ts) loads its own full worker.
      void (pdfjs.PDFWorker as unknown as { _setupFakeWorkerGlobal: Promise<unknown> })._setupFakeWorkerGlobal;
      if (before === undefined) delete gw.pdfjsWorker;
      else gw.pdfjsWorker = before;
      return pdfjs;
    } finally {
      console.warn = warn;
      console.log = log;
      if (stubbed && g.DOMMatrix === ImportTimeDOMMatrix) delete g.DOMMatrix;
    }
  })();
  return pdfjsPromise;
}

// ───────────────────────────── garbled text ─────────────────────────────

/**
 * Share of unreadable characters among the letters that should be Chinese:
 * U+FFFD, private-use glyph codes, and Latin-1 letters/symbols — what a GBK
 * byte string looks like when read as Latin-1 (`2023 Äê¶ÈÊöÖ°ÊöÁ®±¨¸æ`).
 * ASCII is neutral (digits and Latin words survive broken fonts).
 */
export function garbledShare(text: string): { bad: number; cjk: number; share: number } {
  let bad = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff)) cjk++;
    else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf0000 && c <= 0x10ffff) || (c >= 0x80 && c <= 0xff && c !== 0xa0 && c !== 0xb7)) bad++;
  }
  return { bad, cjk, share: bad + cjk === 0 ? 0 : bad / (bad + cjk) };
}

// ───────────────────────────── font weight ─────────────────────────────

/** A `textContent.styles` entry, with the fields STYLE_PATCHES adds. */
interface FontStyle {
  fontFamily?: string;
  fontName?: string;
  fontFlags?: number;
  fontBold?: boolean;
  fontBlack?: boolean;
}

/** PDF font descriptor flag ForceBold (PDF 32000-1, table 123). */
const FORCE_BOLD = 1 << 18;

/**
 * Whether a font is set bold: pdf.js's own reading of the name (bold/black),
 * ForceBold, or a weight in the name — `NotoSerifCJKsc-Bold`, `Heavy`,
 * `Black`, `Semibold`, `Demibold` — or a 黑体 face (`SimHei`, `黑体`,
 * `STHeiti`, `MicrosoftYaHei-Bold`): Chinese documents set headings in 黑体
 * where Latin ones use bold. `Hei` is matched as a name part, never inside
 * `Height`.
 */
export function isBoldFont(style: FontStyle | undefined): boolean {
  if (!style) return false;
  if (style.fontBold || style.fontBlack) return true;
  if (typeof style.fontFlags === "number" && style.fontFlags & FORCE_BOLD) return true;
  const name = (style.fontName ?? "").replace(/^[A-Z]{6}\+/, "");
  return /bold|heavy|black|semibold|demi(?!-?light)|黑体|粗|hei(?!ght)/i.test(name) && !/light/i.test(name.replace(/(bold|heavy|black).*/i, ""));
}

// ───────────────────────────── reader ─────────────────────────────

function errorName(e: unknown): string {
  return e && typeof e === "object" && "name" in e ? String((e as { name: unknown }).name) : "";
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export async function readPdf(buffer: Buffer, options: DocumentOptions): Promise<RawDocument> {
  if (buffer.length === 0) throw new ReportCheckError("EMPTY");
  const pdfjs = await loadPdfJs();
  const dirs = assetDirs!;
  // pdf.js takes ownership of (and detaches) the array it is given: pass a copy.
  const data = new Uint8Array(buffer.byteLength);
  data.set(buffer);
  let task: PDFDocumentLoadingTask | null = null;
  // Destroying the loading task makes pdf.js abandon the page it is working on.
  const onAbort = (): void => void task?.destroy().catch(() => undefined);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const pages: PdfPage[] = [];
  let numPages = 0;
  let failedPages = 0;
  let lastPageError = "";
  try {
    task = pdfjs.getDocument({
      data,
      cMapUrl: dirs.cmaps,
      cMapPacked: true,
      standardFontDataUrl: dirs.fonts,
      wasmUrl: dirs.wasm,
      iccUrl: dirs.iccs,
      useSystemFonts: false,
      useWorkerFetch: false,
      disableFontFace: true,
      fontExtraProperties: false,
      isEvalSupported: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      enableXfa: false,
      disableAutoFetch: true,
      disableStream: true,
      stopAtErrors: false,
      verbosity: 0,
    });
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = errorName(e);
      if (name === "PasswordException") throw new ReportCheckError("PDF_ENCRYPTED", errorText(e));
      throw new ReportCheckError("PDF_CORRUPT", errorText(e));
    }
    numPages = doc.numPages;
    for (let n = 1; n <= numPages; n++) {
      // In-process time limit (a worker is terminated instead): stop between pages.
      // pdf.js's in-thread "worker" answers through microtasks only, so without
      // this turn of the event loop the time-limit timer could never fire.
      if (options.signal) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.signal.aborted) throw new ReportCheckError("TOO_LARGE", `stopped at page ${n} of ${numPages}`, "TOO_LARGE_TIME");
      }
      // The memory budget (worker threads): a PDF whose pages pile up more text than it allows stops here.
      checkHeap(options.memoryBudgetMb, `page ${n} of ${numPages}`);
      let items: PdfTextItem[] = [];
      try {
        const page = await doc.getPage(n);
        const tc = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
        items = [];
        const weights = new Map<string, boolean>();
        for (const it of tc.items) {
          if (!("str" in it)) continue;
          const t = it.transform as number[];
          let bold = weights.get(it.fontName);
          if (bold === undefined) {
            bold = isBoldFont(tc.styles[it.fontName] as FontStyle | undefined);
            weights.set(it.fontName, bold);
          }
          items.push({
            str: it.str,
            x: t[4]!,
            y: t[5]!,
            width: it.width,
            size: Math.hypot(t[2]!, t[3]!) || Math.abs(t[0]!) || it.height,
            font: it.fontName,
            bold,
          });
        }
        page.cleanup();
      } catch (e) {
        if (e instanceof ReportCheckError) throw e;
        // One broken page does not lose the document; an all-broken one is corrupt.
        failedPages++;
        lastPageError = errorText(e);
      }
      pages.push({ number: n, items });
    }
    if (numPages > 0 && failedPages === numPages) throw new ReportCheckError("PDF_CORRUPT", lastPageError);
  } finally {
    // Frees the worker-side document even when we bail out early or a time limit fires.
    options.signal?.removeEventListener("abort", onAbort);
    if (task) await task.destroy().catch(() => undefined);
  }

  // No text layer at all → a scan. Mostly scanned pages (a typed cover over a
  // scanned body) are handed to OCR as a whole when OCR is on.
  const pageTexts = pages.map((p) => p.items.map((i) => i.str).join(""));
  const allText = pageTexts.join("");
  const countMeaningful = (t: string): number => t.replace(/[\s\p{P}\p{S}]/gu, "").length;
  const meaningful = countMeaningful(allText);
  const emptyPages = pageTexts.filter((t) => countMeaningful(t) < 3).length;
  if (options.ocr && numPages > 1 && emptyPages * 2 >= numPages) {
    const { ocrPdf } = await import("./ocr.js");
    return ocrPdf(buffer, options);
  }
  if (meaningful < Math.max(10, numPages * 3)) {
    if (options.ocr) {
      const { ocrPdf } = await import("./ocr.js");
      return ocrPdf(buffer, options);
    }
    throw new ReportCheckError("PDF_NO_TEXT", `${meaningful} characters of text on ${numPages} pages`);
  }

  // A text layer that decodes to mojibake. With --ocr, the pages that are garbled are read as
  // images instead (their glyphs draw correctly; only the font's Unicode mapping is missing), the
  // others keep their text layer; without it, the document is TEXT_GARBLED.
  const g = garbledShare(allText);
  const garbledPages = new Set<number>();
  pageTexts.forEach((t, i) => {
    const pg = garbledShare(t);
    if (pg.bad >= 10 && pg.share > 0.3) garbledPages.add(i + 1);
  });
  if (options.ocr && garbledPages.size > 0) return ocrGarbledPages(buffer, options, pages, garbledPages);
  if (g.bad >= 20 && g.share > 0.3) {
    throw new ReportCheckError("TEXT_GARBLED", `${g.bad} unreadable vs ${g.cjk} CJK characters (${(g.share * 100).toFixed(0)}%)`);
  }

  const { blocks, repairs } = layoutPages(pages);
  const warnings: RawDocument["warnings"] = [];
  // Pages without a single text run (a blank page or a scanned one); a page
  // holding only its footer `— 4 —` is not counted.
  const textless = pageTexts.filter((t) => t.trim().length === 0).length;
  if (textless > 0) {
    warnings.push({ stage: "ingest", code: "PDF_PAGES_WITHOUT_TEXT", message: `PDF 有 ${textless} 页没有文字层（空白页或扫描页），这些页没有读取到内容；如是扫描页，可加 --ocr 参数识别。` });
  }
  if (failedPages > 0) {
    warnings.push({ stage: "ingest", code: "PDF_PAGE_FAILED", message: `PDF 有 ${failedPages} 页无法读取，已跳过（${lastPageError}）。` });
  }
  if (g.bad > 0 && g.share > 0.02) {
    warnings.push({ stage: "ingest", code: "PDF_PARTLY_GARBLED", message: `PDF 文字层有 ${g.bad} 个字符无法解码（占 ${(g.share * 100).toFixed(1)}%）。` });
  }
  return { format: "pdf", blocks, pages: numPages, repairs, warnings };
}

/**
 * --ocr on a PDF with garbled pages: OCR those pages, lay out the others from their text layer,
 * and merge the blocks in page order. Every garbled page → the whole document goes through OCR.
 */
async function ocrGarbledPages(buffer: Buffer, options: DocumentOptions, pages: PdfPage[], garbled: Set<number>): Promise<RawDocument> {
  const { ocrPdf } = await import("./ocr.js");
  if (garbled.size === pages.length) {
    const all = await ocrPdf(buffer, options);
    all.repairs = { ...all.repairs, ocrGarbledPages: garbled.size };
    all.warnings.push(garbledWarning(garbled.size));
    return all;
  }
  const read = await ocrPdf(buffer, options, undefined, garbled);
  const text = layoutPages(pages.map((p) => (garbled.has(p.number) ? { ...p, items: [] } : p)));
  const blocks = [...text.blocks, ...read.blocks].map((b, i) => ({ b, i }));
  // Stable by page: text-layer blocks and OCR blocks of different pages interleave by page number.
  blocks.sort((x, y) => (x.b.page ?? 0) - (y.b.page ?? 0) || x.i - y.i);
  return {
    ...read,
    blocks: blocks.map((x) => x.b),
    pages: pages.length,
    repairs: { ...text.repairs, ...read.repairs, ocrGarbledPages: garbled.size },
    warnings: [
      ...read.warnings,
      garbledWarning(garbled.size),
    ],
  };
}

function garbledWarning(pages: number): RawDocument["warnings"][number] {
  return { stage: "ingest", code: "PDF_GARBLED_PAGES_OCR", message: `PDF 有 ${pages} 页文字层无法解码，已按图像识别（OCR）；识别结果可能有错字，请核对原件。` };
}
