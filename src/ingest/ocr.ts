/**
 * OCR of scanned PDFs (pages with no text layer), in-process and offline.
 *
 * ./pdf-render.ts turns each page into a grey image (the scan's own pixels,
 * red seal and pen ink whitened, dust removed), tesseract.js 7 (WebAssembly,
 * in its own worker thread) reads it with the simplified-Chinese LSTM model
 * from the npm package @tesseract.js-data/chi_sim, and the lines it returns
 * are cleaned and re-joined into paragraphs the way the text-PDF reader does:
 *
 *   - spaces tesseract puts between CJK characters are removed ("2023 年" → "2023年");
 *   - ASCII punctuation next to CJK becomes full-width ("(一)" → "（一）");
 *   - lines read with very low confidence are dropped (what is left of a red
 *     seal or a pen signature), marks that break Chinese line-breaking rules
 *     (a "”" starting a line) are dust and go too;
 *   - running headers, footers and page numbers are dropped ("— 3 —", "第1页共4页");
 *   - an indented line starts a paragraph; a line continues the previous one
 *     when that one is full or does not end a sentence (。：；！？);
 *   - list markers are checked against their sequence ("（一）（三）（三）" → "（一）（二）（三）").
 *
 * Model and settings were chosen on the scanned fixtures (scripts/ocr-eval.mjs):
 * the 1.7 MB `4.0.0_best_int` LSTM model beat the 20 MB `4.0.0` file (legacy +
 * LSTM) on error rate (CER 0.17 % / 0.72 % against 0.46 % / 0.94 %) at about
 * the same speed per page, and starts in 0.9 s instead of 2.5 s with ~180 MB
 * less memory; page segmentation 4 (one column) equals 3 (auto) on these
 * pages; the scan's own resolution beat re-rendering at 150 or 300 dpi, and
 * averaging the scan down to 120 dpi and cropping it to its ink (./ocr-image.ts)
 * beat both on error rate (0.17 % / 0.33 % instead of 0.17 % / 0.66 %) for
 * 3–18 % less CPU.
 *
 * Speed: ~1.6 CPU s a page, ~85 % of it tesseract's LSTM, which no parameter
 * tried cuts at the same error rate (scripts/bench/ocr.mjs, README). So the
 * pages of one document overlap instead (`readPages`): the next page renders
 * while tesseract reads, and a helper worker reads pages alongside when a core
 * is idle (./ocr-budget.ts).
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
import { ocrImage } from "./ocr-image.js";
import { helpersAllowed, holdOwn, tryHoldHelper } from "./ocr-budget.js";
import { openRasterPdf, toPgm, type PageRaster, type RasterPdf, type RenderOptions } from "./pdf-render.js";

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
  /** Pages finer than this are cropped to their ink and averaged down to it before OCR (./ocr-image.ts). */
  ocrDpi: number;
  render: RenderOptions;
  /** Extra tesseract parameters (set once when the worker starts). */
  params?: Record<string, string>;
  /** Tesseract parameters that only take effect when the model is loaded (init-only, e.g. `load_system_dawg`). */
  initParams?: Record<string, string>;
}

export const DEFAULT_TUNING: OcrTuning = {
  model: "4.0.0_best_int",
  psm: "4",
  minLineConfidence: 40,
  lowPageConfidence: 65,
  ocrDpi: 120,
  render: { dpi: 200, minDpi: 150, maxDpi: 300, removeColourInk: true },
};

// ───────────────────────────── the workers ─────────────────────────────

type TesseractModule = typeof Tesseract;

/** Lane 0: this thread's own worker. Lane 1: the helper that reads every other page when a core is idle (./ocr-budget.ts). */
export type OcrLane = 0 | 1;

interface WorkerSlot {
  key: string;
  worker: Promise<Tesseract.Worker>;
  idle?: ReturnType<typeof setTimeout>;
}

const slots: Array<WorkerSlot | undefined> = [undefined, undefined];

/** A helper idle this long is stopped (its model's memory back); the own worker stays for the next document. */
const HELPER_IDLE_MS = 15_000;

function modelDir(model: OcrTuning["model"]): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@tesseract.js-data/chi_sim/package.json")), model);
}

/**
 * The worker of `lane`, created on first use and reused for every page and
 * document (loading the model costs ~0.5–1 s). A worker that failed to start
 * is forgotten so the next page tries again.
 */
async function getWorker(tuning: OcrTuning, lane: OcrLane): Promise<Tesseract.Worker> {
  const key = `${tuning.model}|${tuning.psm}|${JSON.stringify(tuning.params ?? {})}|${JSON.stringify(tuning.initParams ?? {})}`;
  const existing = slots[lane];
  if (existing && existing.key !== key) await terminateLane(lane);
  let slot = slots[lane];
  if (!slot) {
    const worker = (async () => {
      const mod = (await import("tesseract.js")) as unknown as TesseractModule & { default?: TesseractModule };
      const T = mod.default ?? mod;
      const w = await T.createWorker(
        "chi_sim",
        T.OEM.LSTM_ONLY,
        {
          langPath: modelDir(tuning.model),
          gzip: true,
          cacheMethod: "none",
          // tesseract.js logs progress through this; the library never prints.
          logger: () => {},
          errorHandler: () => {},
        },
        tuning.initParams ?? {},
      );
      await w.setParameters({
        tessedit_pageseg_mode: tuning.psm as Tesseract.PSM,
        // keep the spaces tesseract sees; we decide which to drop (CJK–CJK) ourselves
        preserve_interword_spaces: "1",
        // tesseract's own diagnostics ("Detected 68 diacritics") go to its debug
        // file, here /dev/null inside the wasm file system, not to our stderr
        debug_file: "/dev/null",
        ...(tuning.params ?? {}),
      });
      threadOf(w)?.unref?.();
      return w;
    })();
    const created: WorkerSlot = { key, worker };
    slot = created;
    slots[lane] = created;
    worker.catch(() => {
      if (slots[lane] === created) slots[lane] = undefined;
    });
  }
  if (slot.idle) clearTimeout(slot.idle);
  slot.idle = undefined;
  return slot.worker;
}

/** The worker_threads Worker behind a tesseract.js worker (exposed, undocumented, as `.worker` in Node). */
interface WorkerThread {
  ref?: () => void;
  unref?: () => void;
  once?: (event: string, listener: (arg: unknown) => void) => unknown;
  off?: (event: string, listener: (arg: unknown) => void) => unknown;
}

/**
 * The thread is unref'd while idle so an idle OCR worker never keeps a
 * finished CLI run alive, and ref'd while a page is being read so the process
 * does not exit under it.
 */
function threadOf(w: Tesseract.Worker): WorkerThread | undefined {
  return (w as unknown as { worker?: WorkerThread | null }).worker ?? undefined;
}

async function terminateLane(lane: OcrLane): Promise<void> {
  const s = slots[lane];
  slots[lane] = undefined;
  if (!s) return;
  if (s.idle) clearTimeout(s.idle);
  try {
    const w = await s.worker;
    await w.terminate();
  } catch {
    // a worker that never started has nothing to stop
  }
}

/** Stops the tesseract worker threads (for a clean exit of the CLI or a test). A page being read fails with READ_FAILED. */
export async function terminateOcr(): Promise<void> {
  await Promise.all([terminateLane(0), terminateLane(1)]);
}

const ocrFailed = (page: number, why: string) => new ReportCheckError("READ_FAILED", `OCR of page ${page}: ${why}`, "READ_FAILED_OCR");
const timeUp = (page: number) => new ReportCheckError("TOO_LARGE", `stopped at OCR of page ${page}`, "TOO_LARGE_TIME");

/**
 * Runs one recognition on `lane`'s worker. tesseract.js never settles a job
 * whose thread has gone (terminated, or crashed in the wasm heap), so the
 * thread's `exit` and `error` events and the time-limit signal settle it here:
 * the document fails with its spec error instead of hanging its batch slot.
 * A worker that failed or was stopped mid-page is not reused.
 */
async function recognizeOn(lane: OcrLane, tuning: OcrTuning, pgm: Buffer, dpi: number, page: number, run: PageRun): Promise<Tesseract.RecognizeResult> {
  const signal = run.signal;
  if (signal?.aborted) throw timeUp(page);
  let worker: Tesseract.Worker;
  try {
    worker = await getWorker(tuning, lane);
  } catch (e) {
    throw ocrFailed(page, `worker did not start: ${errorText(e)}`);
  }
  const thread = threadOf(worker);
  thread?.ref?.();
  let onExit: (code: unknown) => void = () => {};
  let onError: (e: unknown) => void = () => {};
  let onAbort: () => void = () => {};
  try {
    return await new Promise<Tesseract.RecognizeResult>((resolve, reject) => {
      onExit = (code) => reject(ocrFailed(page, `worker thread exited (code ${String(code)})`));
      onError = (e) => reject(ocrFailed(page, `worker thread failed: ${errorText(e)}`));
      onAbort = () => reject(timeUp(page));
      thread?.once?.("exit", onExit);
      thread?.once?.("error", onError);
      signal?.addEventListener("abort", onAbort, { once: true });
      // user_defined_dpi tells tesseract the scale (and silences its "Estimating resolution" line);
      // given with the job, tesseract.js sets it for this page only.
      worker.recognize(pgm, { user_defined_dpi: String(Math.round(dpi)) } as Partial<Tesseract.RecognizeOptions>, { text: false, blocks: true }).then(resolve, (e: unknown) =>
        reject(ocrFailed(page, errorText(e))),
      );
      run.onStart?.();
    });
  } catch (e) {
    await terminateLane(lane);
    throw e;
  } finally {
    thread?.off?.("exit", onExit);
    thread?.off?.("error", onError);
    signal?.removeEventListener("abort", onAbort);
    thread?.unref?.();
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** After a document: the helper, if any, stops once it has been idle a while. */
function idleHelper(): void {
  const s = slots[1];
  if (!s) return;
  if (s.idle) clearTimeout(s.idle);
  s.idle = setTimeout(() => {
    if (slots[1] === s) void terminateLane(1);
  }, HELPER_IDLE_MS);
  s.idle.unref?.();
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

/** How a page is read: on which worker, under which time limit. */
export interface PageRun {
  lane?: OcrLane;
  signal?: AbortSignal;
  /** Called once the page has been handed to the worker. */
  onStart?: () => void;
}

/** Recognises one rendered page. */
export async function recognizePage(raster: PageRaster, tuning: OcrTuning = DEFAULT_TUNING, run: PageRun = {}): Promise<OcrPage> {
  const start = performance.now();
  const image = ocrImage(raster, tuning.ocrDpi ?? DEFAULT_TUNING.ocrDpi);
  const page = { page: raster.page, width: raster.width, height: raster.height, dpi: raster.dpi, renderMs: raster.renderMs };
  // a page without ink has nothing to read: no worker round trip
  if (image.blank) return { ...page, lines: [], dropped: 0, ocrMs: performance.now() - start };
  const result = await recognizeOn(run.lane ?? 0, tuning, toPgm(image), image.dpi, raster.page, run);
  const ocrMs = performance.now() - start;
  const lines: OcrLine[] = [];
  const fragments: OcrLine[] = [];
  let dropped = 0;
  for (const block of result.data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const text = cleanLine(lineText(line));
        if (!text) continue;
        // back to the page's own pixels: every later step measures in those
        const box = {
          text,
          confidence: line.confidence,
          x0: Math.round(image.offsetX + line.bbox.x0 * image.scale),
          y0: Math.round(image.offsetY + line.bbox.y0 * image.scale),
          x1: Math.round(image.offsetX + line.bbox.x1 * image.scale),
          y1: Math.round(image.offsetY + line.bbox.y1 * image.scale),
        };
        if (isNoiseLine(text, line.confidence, tuning.minLineConfidence)) {
          if (mostlyConfidentCjk(line)) fragments.push(box);
          else dropped++;
          continue;
        }
        lines.push(box);
      }
    }
  }
  dropped += mergeFragments(lines, fragments);
  lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  return { ...page, lines, dropped, ocrMs };
}

/**
 * The line's text without the junk tesseract makes of a pen stroke or a seal
 * rim at either end of it: a leading or trailing word with no CJK character
 * that tesseract itself doubts ("vv 2024年1月12日" — "vv" at confidence 0 is a
 * signature). CJK words are kept whatever their score: single characters often
 * score low and are still right. Exported for tests.
 */
export function lineText(line: Pick<Tesseract.Line, "text" | "words">): string {
  const words = line.words ?? [];
  if (words.length === 0) return line.text;
  // punctuation is not junk: a line-final "：" or "、" often scores low ("方面的原因:")
  const junk = (w: Tesseract.Word) =>
    w.confidence < 50 && !IS_CJK.test(w.text) && !/^\d+([.,]\d+)?%?$/.test(w.text.trim()) && !/^[\p{P}]+$/u.test(w.text.trim());
  let a = 0;
  let b = words.length;
  while (a < b && junk(words[a]!)) a++;
  while (b > a && junk(words[b - 1]!)) b--;
  return words
    .slice(a, b)
    .map((w) => w.text)
    .join(" ");
}

/**
 * A low-scoring line can be a piece of a real line that tesseract split off
 * around one glyph it could not read: "白览" beside "湾经济开发区管理委员会关于…"
 * (鹭 read at confidence 0 pulls the whole piece down to 4). Such a piece has
 * most of its CJK characters read confidently; seal and signature residue has not.
 */
function mostlyConfidentCjk(line: Pick<Tesseract.Line, "words">): boolean {
  const cjkWords = (line.words ?? []).filter((w) => IS_CJK.test(w.text));
  if (cjkWords.length === 0) return false;
  return cjkWords.filter((w) => w.confidence >= 75).length * 2 >= cjkWords.length;
}

/**
 * Puts split-off pieces back into the line they sit in: same row (vertical
 * overlap over half the smaller height), horizontal gap under 1.5 line heights.
 * Pieces with no such neighbour are dropped. Returns how many were dropped.
 */
function mergeFragments(lines: OcrLine[], fragments: OcrLine[]): number {
  let dropped = 0;
  for (const f of fragments) {
    const fh = f.y1 - f.y0;
    const host = lines.find((l) => {
      const overlap = Math.min(l.y1, f.y1) - Math.max(l.y0, f.y0);
      const gap = f.x0 >= l.x1 ? f.x0 - l.x1 : l.x0 >= f.x1 ? l.x0 - f.x1 : 0;
      return overlap > Math.min(fh, l.y1 - l.y0) / 2 && gap < Math.max(fh, l.y1 - l.y0) * 1.5;
    });
    if (!host) {
      dropped++;
      continue;
    }
    host.text = f.x1 <= host.x0 + (host.x1 - host.x0) / 2 ? f.text + host.text : host.text + f.text;
    host.x0 = Math.min(host.x0, f.x0);
    host.x1 = Math.max(host.x1, f.x1);
  }
  return dropped;
}

const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
/** CJK ideographs and full-width punctuation: "，。、；：？！“”‘’（）《》【】—…". */
const WIDE = `${CJK}\\u3000-\\u303f\\uff01-\\uff60\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7`;
const SPACE_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])\\s+|\\s+(?=[${WIDE}])`, "g");
const IS_CJK = new RegExp(`[${CJK}]`);
const IS_WIDE = new RegExp(`[${WIDE}]`);
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
    if (ch !== "(" && ch !== ")" && IS_WIDE.test(prev)) return FULL_WIDTH[ch]!;
    return ch;
  });
  // the replacement may have put a full-width bracket next to a space: "（一） 坚持"
  s = s.replace(SPACE_BETWEEN_WIDE, "");
  // Chinese line-breaking rules (禁则): closing punctuation never starts a printed
  // line and opening punctuation never ends one, so such a mark is dust read as
  // a quote ("”以《中华人民共和国统计法》…", "…2024年工作“").
  s = s.replace(/^[，。、；：？！”’）》」』〕】,.;:?!]+/, "").replace(/[“‘（《「『〔【]+$/, "");
  // "1500.份", "3 .提升": a dot between a number and a CJK character is dust or a
  // misplaced list dot — kept only as the list marker at the start of the line ("1.扎实")
  s = s.replace(/^(\d{1,2})\s+\.(?=\S)/, "$1.");
  s = s.replace(new RegExp(`(?<=.)(?<=\\d)\\.(?=[${CJK}])`, "g"), (m, at: number) => (/^\d{1,2}$/.test(s.slice(0, at)) ? m : ""));
  // an ASCII dot after Chinese text is dust, never a full stop ("（二）.原因分析", "区委、.区政府")
  s = s.replace(new RegExp(`(?<=[${WIDE}])\\.+`, "g"), "");
  // "意见建议S2条" → "52条": a Latin letter that looks like a digit inside a number
  // between Chinese characters (S/5, O/0, I and l/1). Only when the token has a
  // real digit too, so "GDP", "5G" or a plain "O" are left alone.
  s = s.replace(new RegExp(`(?<=[${CJK}])[0-9SOIl]*[0-9][0-9SOIl]*(?=[${CJK}%])`, "g"), (tok) =>
    /[SOIl]/.test(tok) ? tok.replace(/S/g, "5").replace(/O/g, "0").replace(/[Il]/g, "1") : tok,
  );
  // "《三）", "〈镇）": tesseract reads a full-width "（" as a book-title or angle
  // bracket; a 《 closed by "）" within a few characters was a "（"
  s = s.replace(/[《〈](?=[^《》〈〉（）()]{1,6}）)/g, "（");
  return s.trim();
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
  // a pen stroke or a rule read as dashes: "-一", "一一", "—_"
  if (/^[-—–一_~·.。、]+$/.test(text)) return true;
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

/**
 * The text column of a page: left and right margins and the character size.
 * A page with few lines (the last page: a closing sentence and the date) says
 * little about its margins, so it borrows them from all pages of the same size.
 */
function geometry(p: OcrPage, all: OcrPage[]): PageGeometry {
  const source = p.lines.length >= 8 ? p.lines : all.filter((q) => q.width === p.width).flatMap((q) => q.lines);
  const heights = source.map((l) => l.y1 - l.y0);
  return {
    left: quantile(source.map((l) => l.x0), 0.1),
    right: quantile(source.map((l) => l.x1), 0.9),
    charW: median(heights) || p.dpi / 6,
  };
}

/**
 * Drops a closing quote ” that closes nothing: dust read as a quote mark in
 * the middle of a word ("严”格执行" → "严格执行"). Quotes in these reports are
 * short and never span paragraphs, so an unopened ” is never right.
 */
export function balanceQuotes(text: string): string {
  let open = 0;
  let out = "";
  for (const ch of text) {
    if (ch === "“") open++;
    else if (ch === "”") {
      if (open === 0) continue;
      open--;
    }
    out += ch;
  }
  return out;
}

/**
 * Re-joins printed lines into paragraphs. An indented line (the 2-character
 * indent of a paragraph or a heading: "　　一、存在的主要问题") starts a new
 * paragraph. A line at the left margin continues the previous line when that
 * one runs to the right margin (a full line, even if it ends in "。") or does
 * not end a sentence (。：；！？). Centred lines, or lines in the same larger
 * type, of one title ("…关于2022年度经" / "济责任审计…的报告") are joined too.
 * A paragraph carries on across a page break when the page ends mid-sentence.
 */
export function linesToParagraphs(pages: OcrPage[]): Block[] {
  const blocks: Block[] = [];
  let current: { text: string; page: number } | null = null;
  let prevFull = false;
  let prevNearFull = false;
  let prevCentred = false;
  const flush = () => {
    if (current && current.text) blocks.push({ kind: "paragraph", text: balanceQuotes(current.text), page: current.page });
    current = null;
  };
  for (const p of pages) {
    if (p.lines.length === 0) continue;
    const g = geometry(p, pages);
    let prevHeight = 0;
    p.lines.forEach((l, idx) => {
      const height = l.y1 - l.y0;
      const indented = l.x0 - g.left > g.charW * 1.2;
      const full = g.right - l.x1 < g.charW * 1.5;
      // within three characters of the margin: a full line whose last mark tesseract lost
      const nearFull = g.right - l.x1 < g.charW * 3;
      const leftGap = l.x0 - g.left;
      const rightGap = g.right - l.x1;
      const centred = leftGap > g.charW * 1.5 && rightGap > g.charW * 1.5 && Math.abs(leftGap - rightGap) < g.charW * 2;
      const firstOnPage = idx === 0;
      // a title in a larger type: this line and the previous one both clearly taller than body lines
      const sameLargeType = prevHeight > g.charW * 1.15 && height > g.charW * 1.15 && Math.abs(height - prevHeight) < prevHeight * 0.2;
      const open = current !== null && !SENTENCE_END.test(current.text);
      // The document title: the first lines of the first page, centred, no sentence
      // end ("望川区统计局2023年工作总结和2024年工作" / "思路"). A red masthead above
      // it ("××委员会文件") was whitened with the seal colour, so it does not interfere.
      const inTitle = blocks.length === 0 && !firstOnPage && open && centred;
      const continues =
        current !== null &&
        ((!indented && (prevFull || (open && prevNearFull))) || inTitle || (open && !firstOnPage && (prevCentred || centred) && sameLargeType));
      if (continues && current) {
        current.text += l.text;
      } else {
        flush();
        current = { text: l.text, page: p.page };
      }
      prevFull = full;
      prevNearFull = nearFull;
      prevCentred = centred;
      prevHeight = height;
    });
  }
  flush();
  return blocks;
}

// ───────────────────────────── enumeration repairs ─────────────────────────────

const CN_NUM = "〇一二三四五六七八九十";
function cnToInt(s: string): number | null {
  if (/^[一二三四五六七八九]$/.test(s)) return CN_NUM.indexOf(s);
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return null;
  return (m[1] ? CN_NUM.indexOf(m[1]) : 1) * 10 + (m[2] ? CN_NUM.indexOf(m[2]) : 0);
}
function intToCn(n: number): string {
  if (n < 10) return CN_NUM[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t === 1 ? "" : CN_NUM[t]}十${u ? CN_NUM[u] : ""}`;
}

/** Digit pairs tesseract confuses in "（二）": expected → read. */
const CONFUSED: Record<number, number[]> = { 2: [3], 3: [2] };

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/**
 * OCR misreadings of list markers, fixed from the sequence they belong to:
 *   - "（一）… （三）… （三）…" → the first "（三）" is "（二）" (a number skipped and then
 *     repeated, or a skipped number that is a known confusion: 二 read as 三);
 *   - "3.提升… 4推进…" → "4.推进" (the dot of a numbered item lost);
 *   - "@班子成员…；@每季度…" → "①…；②…" (tesseract's chi_sim model has no
 *     circled digits and reads them as "@").
 * Markers are looked at only at the start of a paragraph; a top-level heading
 * ("二、") restarts the "（一）" sequence, any heading restarts "1.".
 * Returns the number of fixes.
 */
export function repairEnumerations(blocks: Block[]): number {
  let fixes = 0;
  const paras = blocks.filter((b): b is Extract<Block, { kind: "paragraph" }> => b.kind === "paragraph");
  const paren = /^（([一二三四五六七八九十]{1,3})）/;
  const top = /^([一二三四五六七八九十]{1,3})、/;
  const arabic = new RegExp(`^(\\d{1,2})([.．、]?)(?=[${CJK}])`);
  let lastParen = 0;
  let lastArabic = 0;
  paras.forEach((b, i) => {
    if (top.test(b.text)) {
      lastParen = 0;
      lastArabic = 0;
    }
    const pm = paren.exec(b.text);
    if (pm) {
      lastArabic = 0;
      const v = cnToInt(pm[1]!);
      if (v !== null) {
        let value = v;
        if (lastParen > 0 && v === lastParen + 2) {
          // look ahead in the same run for the same number read again
          let repeated = false;
          for (let j = i + 1; j < paras.length; j++) {
            const t = paras[j]!.text;
            if (top.test(t)) break;
            const nm = paren.exec(t);
            if (nm) {
              repeated = cnToInt(nm[1]!) === v;
              break;
            }
          }
          if (repeated || CONFUSED[lastParen + 1]?.includes(v)) {
            value = lastParen + 1;
            b.text = `（${intToCn(value)}）${b.text.slice(pm[0].length)}`;
            fixes++;
          }
        }
        lastParen = value;
      }
    }
    const am = arabic.exec(b.text);
    if (am) {
      const v = Number(am[1]);
      if (!am[2] && lastArabic > 0 && v === lastArabic + 1) {
        b.text = `${v}.${b.text.slice(am[0].length)}`;
        fixes++;
      }
      if (am[2] || v === lastArabic + 1) lastArabic = v;
    }
    // circled numbers inside the paragraph, numbered in order of appearance
    if (b.text.includes("@")) {
      let k = 0;
      b.text = b.text.replace(new RegExp(`[${CIRCLED}]|(?<![A-Za-z0-9._-])@[@D]?(?![A-Za-z0-9])`, "g"), (m) => {
        if (CIRCLED.includes(m)) {
          k = CIRCLED.indexOf(m) + 1;
          return m;
        }
        if (k >= CIRCLED.length) return m;
        fixes++;
        return CIRCLED[k++]!;
      });
    }
  });
  return fixes;
}

// ───────────────────────────── the reader ─────────────────────────────

/** How the pages of one document are read. */
export interface OcrRun {
  /** The document's time limit: a page being read is abandoned (TOO_LARGE / TOO_LARGE_TIME). */
  signal?: AbortSignal;
  /** Let a second worker read pages when a core is idle (./ocr-budget.ts). Default true. */
  helpers?: boolean;
  /** Called once a page has been handed to a worker (tests, diagnostics); blank pages never are. */
  onPageStart?: (page: number, lane: OcrLane) => void;
}

/**
 * Renders and recognises `pageNumbers` of `pdf`, returned in the order asked.
 *
 * Two things overlap: pdf.js renders the next page on this thread while
 * tesseract reads the current one on its own; and, when ./ocr-budget.ts grants
 * it, a helper worker reads pages alongside this thread's own worker (whichever
 * is free takes the next page; results are put back in page order). The first
 * failure stops the taking of new pages; pages already being read finish or
 * fail, then the error is thrown.
 */
export async function readPages(pdf: RasterPdf, pageNumbers: readonly number[], tuning: OcrTuning = DEFAULT_TUNING, run: OcrRun = {}): Promise<OcrPage[]> {
  const n = pageNumbers.length;
  const results: OcrPage[] = new Array<OcrPage>(n);
  // Rendering is serialised (one pdf.js page at a time) and runs at most one page ahead per lane.
  const renders = new Map<number, Promise<PageRaster>>();
  let chain: Promise<unknown> = Promise.resolve();
  const render = (k: number): Promise<PageRaster> => {
    let p = renders.get(k);
    if (!p) {
      p = chain.then(() => pdf.renderPage(pageNumbers[k]!, tuning.render));
      chain = p.catch(() => undefined);
      renders.set(k, p);
    }
    return p;
  };
  let next = 0;
  let failure: { error: unknown } | null = null;
  // Resolved whenever a page finishes: a helper refused a unit of the budget waits for it and asks again.
  let pageDone: () => void = () => {};
  let pageDoneSignal = new Promise<void>((r) => (pageDone = r));
  const finished = () => {
    pageDone();
    pageDoneSignal = new Promise<void>((r) => (pageDone = r));
  };
  // Starting a helper costs about a page of CPU (wasm compile, model load): worth it from three
  // pages on, or from two when a helper is already running.
  const helpers = run.helpers !== false && (n >= 3 || (n === 2 && slots[1] !== undefined)) && helpersAllowed();
  const lane = async (id: OcrLane): Promise<void> => {
    while (!failure && next < n) {
      let release: (() => void) | null;
      if (id === 0) release = holdOwn();
      else {
        release = tryHoldHelper();
        if (!release) {
          await pageDoneSignal;
          continue;
        }
      }
      const k = next++;
      try {
        const raster = await render(k);
        // keep the renderer one page ahead of the readers
        if (k + 1 < n) void render(k + 1).catch(() => undefined);
        renders.delete(k);
        const onStart = run.onPageStart ? () => run.onPageStart!(raster.page, id) : undefined;
        results[k] = await recognizePage(raster, tuning, { lane: id, ...(run.signal ? { signal: run.signal } : {}), ...(onStart ? { onStart } : {}) });
      } catch (e) {
        failure ??= { error: e };
      } finally {
        release();
        finished();
      }
    }
    // a helper waiting for a unit must not outlive the document
    finished();
  };
  try {
    await Promise.all(helpers ? [lane(0), lane(1)] : [lane(0)]);
  } finally {
    // renders started ahead must be done before the caller closes the PDF
    await chain;
    if (helpers) idleHelper();
  }
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/**
 * OCRs every page of a PDF that has no text layer. Called by the PDF reader
 * (./pdf.ts) when `options.ocr` is set.
 *
 * `ocrConfidence` is the mean line confidence on tesseract's 0–100 scale,
 * weighted by characters. Per-page timing goes into `repairs`:
 * `ocrPages` (pages read), `ocrMsPerPage` (mean render + recognition time per
 * page, ms; pages read side by side each count their own time), plus
 * `ocrLinesDropped` and `ocrRunningLinesRemoved`.
 */
export async function ocrPdf(
  buffer: Buffer,
  options: DocumentOptions,
  tuning: OcrTuning = DEFAULT_TUNING,
  only?: ReadonlySet<number>,
  run: Omit<OcrRun, "signal"> = {},
): Promise<RawDocument> {
  const pdf = await openRasterPdf(buffer);
  let pages: OcrPage[];
  try {
    // `only`: the pages whose text layer could not be used (garbled); the rest keep their text.
    const numbers = Array.from({ length: pdf.numPages }, (_, i) => i + 1).filter((p) => !only || only.has(p));
    pages = await readPages(pdf, numbers, tuning, { ...run, ...(options.signal ? { signal: options.signal } : {}) });
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
        message: `第 ${p.page} 页文字识别置信度较低（${conf.toFixed(0)}/100），识别结果可能有错字。请核对原件，或提供更清晰的扫描件（300 dpi 以上）或电子版。`,
      });
    }
  }
  const blocks = linesToParagraphs(pages);
  const enumerationFixes = repairEnumerations(blocks);
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
      ...(enumerationFixes ? { ocrEnumerationFixes: enumerationFixes } : {}),
    },
    warnings,
    ocr: true,
    ocrConfidence: Math.round((chars ? weighted / chars : 0) * 10) / 10,
  };
}
