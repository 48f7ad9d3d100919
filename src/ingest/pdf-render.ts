/**
 * PDF page → greyscale raster for OCR, in-process, with pdf.js (the legacy
 * build pdf-parse itself loads; it runs in Node 20 without shims) and
 * @napi-rs/canvas canvases made by pdf.js's own canvas factory.
 *
 * Two ways, measured on the 4-page scanned fixtures (2 shared cores):
 *   - a page that is one upright scan covering the page (scanners, img2pdf):
 *     its pixels as pdf.js decoded them are used directly, at the scan's own
 *     resolution — no resampling blur, no canvas round trip (painting a
 *     1654×2339 image and reading it back cost 0.5–1 s a page here);
 *   - anything else (rotated pages, several image strips, text or vector
 *     content, a 1-bit image, a scan outside 150–300 dpi): the page is
 *     rendered on a canvas at the scan's resolution clamped to 150–300 dpi, or
 *     at 200 dpi when it has no single scan.
 * Either way tesseract (1.5–4 s a page) dominates.
 *
 * Coloured ink is removed while converting to grey: a red official seal (公章)
 * stamped over the signature block and the date, or a blue pen scribble, would
 * otherwise be read as garbage characters or break the lines under them. Body
 * text of these reports is black; a strongly saturated pixel is never text.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";

/** One page, ready for tesseract. */
export interface PageRaster {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  /** Resolution the page was rendered at (pixels per inch). */
  dpi: number;
  /** Row-major 8-bit grey, 0 = black, `width * height` bytes. */
  gray: Uint8Array;
  /** Share (0–1) of the page's non-white pixels whitened as coloured ink (seal, pen). */
  colourInkShare: number;
  /** Dust specks removed. */
  specks: number;
  /** Milliseconds spent rendering and converting this page. */
  renderMs: number;
}

export interface RenderOptions {
  /** Resolution for pages that are not a single scan (vector or text pages). Default 200. */
  dpi?: number;
  /** Bounds for the resolution taken from a page's scan. Default 150–300. */
  minDpi?: number;
  maxDpi?: number;
  /** Whiten strongly coloured pixels (red seals, blue pen). Default true. */
  removeColourInk?: boolean;
  /** Remove isolated dust specks (see `despeckle`). Default true. */
  despeckle?: boolean;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsPromise: Promise<PdfJs> | null = null;
/** pdf.js is imported on first use only: a DOCX batch never pays for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
}

/** The slice of a canvas pdf.js's NodeCanvasFactory hands out that we use. */
interface Canvas2D {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasAndContext {
  canvas: { width: number; height: number };
  context: Canvas2D;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(c: CanvasAndContext): void;
}

/** An open PDF whose pages can be rasterised one at a time (memory stays at one page). */
export interface RasterPdf {
  readonly numPages: number;
  renderPage(pageNumber: number, options?: RenderOptions): Promise<PageRaster>;
  close(): Promise<void>;
}

export async function openRasterPdf(buffer: Buffer | Uint8Array): Promise<RasterPdf> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (and may detach) the array it is given: pass a copy.
  const data = new Uint8Array(buffer.byteLength);
  data.set(buffer);
  const doc: PDFDocumentProxy = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    verbosity: 0,
    // Scans need no fonts; these keep pdf.js from trying to fetch any for mixed pages.
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  return {
    numPages: doc.numPages,
    renderPage: async (n, options = {}) => renderPage(pdfjs, doc, factory, n, options),
    close: () => doc.destroy(),
  };
}

/** A page that is nothing but one upright scan, with the scan's pixels as pdf.js decoded them. */
interface ScanImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 2 = RGB, 3 = RGBA (1 = packed 1-bit is left to the renderer). */
  kind: number;
  data: Uint8ClampedArray | Uint8Array;
  /** Image pixels per inch of page. */
  dpi: number;
}

/**
 * Looks at the page's drawing operators: is the page one image covering it,
 * upright (what scanners and img2pdf produce: `q W 0 0 H 0 0 cm /Im0 Do Q`)?
 * Then its decoded pixels can go to OCR as they are, without painting them on
 * a canvas and reading them back (a third of the page's preparation time).
 * Returns null for anything else (text, vector drawing, several images, a
 * rotated or mirrored placement, /Rotate) — those pages are rendered.
 */
async function scanImage(pdfjs: PdfJs, page: PDFPageProxy): Promise<{ dpi: number; image: ScanImage | null } | null> {
  const ops = await page.getOperatorList();
  const O = pdfjs.OPS;
  const harmless = new Set<number>([O.save, O.restore, O.transform, O.dependency, O.paintImageXObject]);
  let imageArgs: unknown[] | null = null;
  let images = 0;
  let transforms = 0;
  let ctm: number[] | null = null;
  let plain = true;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    if (fn === O.paintImageXObject || fn === O.paintInlineImageXObject) {
      images++;
      imageArgs = ops.argsArray[i] as unknown[];
    } else if (fn === O.showText || fn === O.showSpacedText) {
      return null;
    }
    if (fn === O.transform) {
      transforms++;
      ctm = ops.argsArray[i] as number[];
    }
    if (!harmless.has(fn)) plain = false;
  }
  if (images !== 1 || !imageArgs) return null;
  // paintImageXObject args: [objId, width, height]; inline: [imgData]
  const widthPx = typeof imageArgs[1] === "number" ? imageArgs[1] : (imageArgs[0] as { width?: number } | undefined)?.width;
  if (typeof widthPx !== "number" || widthPx <= 0) return null;
  // page.view is the unrotated crop box in points: [x0, y0, x1, y1].
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const dpi = widthPx / ((x1 - x0) / 72);
  if (!plain || transforms !== 1 || !ctm || page.rotate % 360 !== 0 || typeof imageArgs[0] !== "string") return { dpi, image: null };
  const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
  // upright, unmirrored, covering (almost) the whole page
  const covers = b === 0 && c === 0 && a > 0 && d > 0 && a >= (x1 - x0) * 0.97 && d >= (y1 - y0) * 0.97 && Math.abs(e - x0) < 3 && Math.abs(f - y0) < 3;
  if (!covers) return { dpi, image: null };
  const id = imageArgs[0];
  const store = (id.startsWith("g_") ? page.commonObjs : page.objs) as unknown as { has(id: string): boolean; get(id: string): unknown };
  if (!store.has(id)) return { dpi, image: null };
  const img = store.get(id) as { width?: number; height?: number; kind?: number; data?: Uint8ClampedArray | Uint8Array } | null;
  if (!img || !img.data || !img.width || !img.height || (img.kind !== 2 && img.kind !== 3)) return { dpi, image: null };
  if (img.data.length < img.width * img.height * (img.kind === 2 ? 3 : 4)) return { dpi, image: null };
  return { dpi, image: { width: img.width, height: img.height, kind: img.kind, data: img.data, dpi } };
}

async function renderPage(pdfjs: PdfJs, doc: PDFDocumentProxy, factory: CanvasFactory, pageNumber: number, options: RenderOptions): Promise<PageRaster> {
  const start = performance.now();
  const page = await doc.getPage(pageNumber);
  const minDpi = options.minDpi ?? 150;
  const maxDpi = options.maxDpi ?? 300;
  const removeColourInk = options.removeColourInk ?? true;
  try {
    const scan = await scanImage(pdfjs, page);
    // The scan at its own resolution when that is within bounds: no resampling.
    if (scan?.image && scan.dpi >= minDpi - 1 && scan.dpi <= maxDpi + 1) {
      const { width, height, kind, data } = scan.image;
      const dpi = Math.round(scan.dpi);
      const { gray, colourInkShare } = toGray(data, removeColourInk, kind === 2 ? 3 : 4);
      const specks = options.despeckle === false ? 0 : despeckle(gray, width, height, dpi);
      return { page: pageNumber, width, height, dpi, gray, colourInkShare, specks, renderMs: performance.now() - start };
    }
    const dpi = scan === null ? (options.dpi ?? 200) : Math.min(maxDpi, Math.max(minDpi, Math.round(scan.dpi)));
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    const cc = factory.create(width, height);
    try {
      // White first: a scan with a transparent mask would otherwise read as black.
      cc.context.fillStyle = "white";
      cc.context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: cc.context as unknown as CanvasRenderingContext2DLike, viewport, canvas: cc.canvas as unknown as HTMLCanvasElementLike })
        .promise;
      const rgba = cc.context.getImageData(0, 0, width, height).data;
      const { gray, colourInkShare } = toGray(rgba, removeColourInk);
      const specks = options.despeckle === false ? 0 : despeckle(gray, width, height, dpi);
      return { page: pageNumber, width, height, dpi, gray, colourInkShare, specks, renderMs: performance.now() - start };
    } finally {
      factory.destroy(cc);
    }
  } finally {
    page.cleanup();
  }
}

// pdf.js's render() is typed for the DOM; the Node canvas satisfies it at run time.
type RenderParams = Parameters<PDFPageProxy["render"]>[0];
type CanvasRenderingContext2DLike = RenderParams["canvasContext"];
type HTMLCanvasElementLike = NonNullable<RenderParams["canvas"]>;

/**
 * RGBA or RGB (`channels` 4 or 3) → grey (ITU-R BT.601 weights), whitening coloured ink.
 *
 * "Coloured" = saturated: the strongest channel exceeds the weakest by more
 * than 40 and by at least 20 % of the strongest (seal red ≈ (214, 38, 38), its
 * JPEG-blurred pink rim ≈ (235, 175, 175), blue pen ≈ (30, 40, 110)); near-black
 * greys with JPEG colour noise ((40, 25, 30)) stay text. Black text overprinted
 * by a seal stays black: stamp ink multiplies, and where JPEG's colour blur
 * tints it dark red the strongest channel is still dark.
 */
export function toGray(rgba: Uint8ClampedArray | Uint8Array, removeColourInk: boolean, channels: 3 | 4 = 4): { gray: Uint8Array; colourInkShare: number } {
  const n = Math.floor(rgba.length / channels);
  const gray = new Uint8Array(n);
  let ink = 0;
  let coloured = 0;
  for (let p = 0, q = 0; q < n; p += channels, q++) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    const y = (r * 77 + g * 150 + b * 29) >> 8;
    if (y < 200) ink++;
    if (removeColourInk) {
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      const d = max - min;
      if (d > 40 && d * 10 >= max * 2) {
        // Coloured. Bright (the seal's red, its pink rim): paper. Dark: black text
        // under the seal, tinted by JPEG chroma blur ((80, 10, 10)): keep the
        // strongest channel as its grey, which stays dark. Blue pen: paper.
        const blue = b === max && b - r > 40;
        const v = blue || max > 150 ? 255 : max;
        if (v === 255 && y < 200) coloured++;
        gray[q] = v;
        continue;
      }
    }
    gray[q] = y;
  }
  return { gray, colourInkShare: ink === 0 ? 0 : coloured / ink };
}

/**
 * Removes dust: tiny blobs of ink with no other ink within about 1 mm.
 *
 * Why: tesseract builds each text line's box from every blob in the band, so
 * a speck left or right of a title widens and heightens the line, the line
 * image is scaled down to the LSTM's input height, and the whole line comes
 * out wrong ("中共望川区杏林路…" read as "是k望川区格林路…"). Real marks of
 * that size are never isolated: the dot of "97.3%" or "1." sits a pixel or two
 * from its digit, "，" and "。" are several times larger.
 *
 * Size limit 14 px² and 1 mm across at 150 dpi, isolation radius 1 mm,
 * both scaled with the resolution. Small blobs aligned with a twin (the dots
 * of "：", of "……") are kept. Returns how many specks were removed.
 */
export function despeckle(gray: Uint8Array, width: number, height: number, dpi: number, inkBelow = 170): number {
  const maxArea = Math.max(6, Math.round(14 * (dpi / 150) ** 2));
  const maxSide = Math.max(3, Math.round(dpi / 25.4));
  const radius = Math.max(3, Math.round(dpi / 25.4));
  // Pass 1: 8-connected blobs; remember the small ones. (Typed-array stack: a
  // page has ~250k ink pixels, visited once each.)
  const seen = new Uint8Array(width * height);
  const small: Array<{ members: number[]; minX: number; minY: number; maxX: number; maxY: number }> = [];
  const medium: Array<readonly [number, number]> = [];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < gray.length; start++) {
    if (seen[start] || gray[start]! >= inkBelow) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    const members: number[] = [];
    let count = 0;
    let minX = width;
    let maxX = -1;
    let minY = height;
    let maxY = -1;
    while (top > 0) {
      const p = stack[--top]!;
      // a blob too big to be a speck is still flooded (marked seen), not recorded
      if (++count <= maxArea) members.push(p);
      const y = (p / width) | 0;
      const x = p - y * width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      const x0 = x > 0 ? x - 1 : x;
      const x1 = x < width - 1 ? x + 1 : x;
      const y0 = y > 0 ? y - 1 : y;
      const y1 = y < height - 1 ? y + 1 : y;
      for (let yy = y0; yy <= y1; yy++) {
        const row = yy * width;
        for (let xx = x0; xx <= x1; xx++) {
          const q = row + xx;
          if (seen[q] === 0 && gray[q]! < inkBelow) {
            seen[q] = 1;
            stack[top++] = q;
          }
        }
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (count > maxArea || w > maxSide || h > maxSide) {
      // punctuation-sized marks ("，" under the dot of "；") are kept for the alignment test
      if (w <= maxSide * 3 && h <= maxSide * 3) medium.push([(minX + maxX) / 2, (minY + maxY) / 2]);
      continue;
    }
    small.push({ members, minX, minY, maxX, maxY });
  }
  if (small.length === 0) return 0;
  // Pass 2: integral image of the ink of real marks (every blob that is not small),
  // so a cluster of dust specks does not keep its members alive.
  const dust = new Uint8Array(width * height);
  for (const c of small) for (const p of c.members) dust[p] = 1;
  const W1 = width + 1;
  const integral = new Uint32Array(W1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    const off = y * width;
    for (let x = 0; x < width; x++) {
      if (gray[off + x]! < inkBelow && !dust[off + x]) row++;
      integral[(y + 1) * W1 + x + 1] = integral[y * W1 + x + 1]! + row;
    }
  }
  const marksIn = (x0: number, y0: number, x1: number, y1: number): number => {
    x0 = Math.max(0, x0);
    y0 = Math.max(0, y0);
    x1 = Math.min(width - 1, x1);
    y1 = Math.min(height - 1, y1);
    return integral[(y1 + 1) * W1 + x1 + 1]! - integral[y0 * W1 + x1 + 1]! - integral[(y1 + 1) * W1 + x0]! + integral[y0 * W1 + x0]!;
  };
  // Small blobs that line up with another small mark are punctuation, not dust:
  // the two dots of "：", the dot over the comma of "；" (one above the other,
  // same x), the dots of "……" (a row, same y).
  const cell = Math.max(4, Math.round((dpi / 25.4) * 3));
  const tol = Math.max(2, Math.round(radius / 2));
  const grid = new Map<string, Array<readonly [number, number]>>();
  const centre = small.map((c) => [(c.minX + c.maxX) / 2, (c.minY + c.maxY) / 2] as const);
  for (const pt of [...centre, ...medium]) {
    const k = `${Math.floor(pt[0] / cell)},${Math.floor(pt[1] / cell)}`;
    const list = grid.get(k) ?? [];
    list.push(pt);
    grid.set(k, list);
  }
  const aligned = (i: number): boolean => {
    const [x, y] = centre[i]!;
    const gx = Math.floor(x / cell);
    const gy = Math.floor(y / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const [x2, y2] of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          const ddx = Math.abs(x2 - x);
          const ddy = Math.abs(y2 - y);
          if (ddx === 0 && ddy === 0) continue;
          if ((ddx <= tol && ddy >= 2 && ddy <= cell) || (ddy <= tol && ddx >= 2 && ddx <= cell)) return true;
        }
      }
    }
    return false;
  };
  let removed = 0;
  for (let i = 0; i < small.length; i++) {
    const c = small[i]!;
    // a mark nearby: the speck is part of a character ("97.3" — the dot beside its digits)
    if (marksIn(c.minX - radius, c.minY - radius, c.maxX + radius, c.maxY + radius) > 0) continue;
    if (aligned(i)) continue;
    // whiten the speck with its light JPEG halo (left above the ink threshold)
    for (let y = Math.max(0, c.minY - 1); y <= Math.min(height - 1, c.maxY + 1); y++) {
      for (let x = Math.max(0, c.minX - 1); x <= Math.min(width - 1, c.maxX + 1); x++) gray[y * width + x] = 255;
    }
    removed++;
  }
  return removed;
}

/** Binary PGM (P5): the cheapest format tesseract's Leptonica reads (no compression step). */
export function toPgm(raster: Pick<PageRaster, "width" | "height" | "gray">): Buffer {
  const header = Buffer.from(`P5\n${raster.width} ${raster.height}\n255\n`, "latin1");
  return Buffer.concat([header, raster.gray]);
}
