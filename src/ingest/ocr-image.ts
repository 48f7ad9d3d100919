/**
 * What tesseract is given of a rendered page: the ink's bounding box (plus a
 * small margin), at no more than the resolution the model reads best.
 *
 * Why: the LSTM scales every text line to its own input height anyway, so
 * pixels above that only cost layout analysis and line scaling; blank
 * margins cost layout analysis too. On the scanned fixtures
 * (scripts/ocr-eval.mjs) reading at 100–120 dpi needed less CPU than 150/200 dpi
 * AND made fewer errors (CER 0.17 % → 0.11 %, 0.66 % → 0.39 % at 120 dpi):
 * the grey area average smooths JPEG noise and stroke ragging.
 */
import type { PageRaster } from "./pdf-render.js";

/** The part of a page handed to tesseract, and how to map its coordinates back to the page. */
export interface OcrImage {
  width: number;
  height: number;
  dpi: number;
  gray: Uint8Array;
  /** Page pixel = offset + image pixel × scale. */
  offsetX: number;
  offsetY: number;
  scale: number;
  /** No ink at all: nothing to read. */
  blank: boolean;
}

/** Grey below this is ink for the bounding box (the despeckle threshold). */
const INK = 170;

/**
 * Crops `raster` to its ink (with `marginInch` around it), then area-averages it
 * down to `maxDpi` when it is finer than that (by more than 5 %).
 */
export function ocrImage(raster: Pick<PageRaster, "width" | "height" | "dpi" | "gray">, maxDpi: number, marginInch = 0.1): OcrImage {
  const { width: W, height: H, gray } = raster;
  let x0 = W;
  let y0 = H;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < H; y++) {
    const row = y * W;
    let first = -1;
    let last = -1;
    for (let x = 0; x < W; x++) {
      if (gray[row + x]! < INK) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    if (y0 > y) y0 = y;
    y1 = y;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
  }
  if (x1 < 0) return { width: W, height: H, dpi: raster.dpi, gray, offsetX: 0, offsetY: 0, scale: 1, blank: true };
  const m = Math.round(raster.dpi * marginInch);
  x0 = Math.max(0, x0 - m);
  y0 = Math.max(0, y0 - m);
  x1 = Math.min(W - 1, x1 + m);
  y1 = Math.min(H - 1, y1 + m);
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  if (raster.dpi <= maxDpi * 1.05) {
    const out = new Uint8Array(cw * ch);
    for (let y = 0; y < ch; y++) out.set(gray.subarray((y + y0) * W + x0, (y + y0) * W + x0 + cw), y * cw);
    return { width: cw, height: ch, dpi: raster.dpi, gray: out, offsetX: x0, offsetY: y0, scale: 1, blank: false };
  }
  const scale = raster.dpi / maxDpi;
  const w = Math.max(1, Math.floor(cw / scale));
  const h = Math.max(1, Math.floor(ch / scale));
  const out = new Uint8Array(w * h);
  // Area average: each output pixel is the mean of the source area it covers,
  // partial source pixels weighted by the part covered. Column spans are the
  // same for every row, so they are computed once (flat, for a tight loop); a
  // source row's column sums are computed once too, although the row on the
  // border of two output rows serves both (1.6–1.8 × fewer sums at 150–200 → 120 dpi).
  const xs = spans(w, scale);
  const xOff = new Int32Array(w + 1);
  for (let ox = 0; ox < w; ox++) xOff[ox + 1] = xOff[ox]! + xs[ox]!.idx.length;
  const xIdx = new Int32Array(xOff[w]!);
  const xWt = new Float64Array(xOff[w]!);
  for (let ox = 0; ox < w; ox++) {
    xIdx.set(xs[ox]!.idx, xOff[ox]!);
    xWt.set(xs[ox]!.wt, xOff[ox]!);
  }
  const ys = spans(h, scale);
  // column sums of the last source row, kept for the next output row that shares it
  let lastRow = -1;
  let lastSums = new Float64Array(w);
  let sums = new Float64Array(w);
  const acc = new Float64Array(w);
  const area = scale * scale;
  for (let oy = 0; oy < h; oy++) {
    acc.fill(0);
    const ySpan = ys[oy]!;
    for (let k = 0; k < ySpan.idx.length; k++) {
      const sy = ySpan.idx[k]! + y0;
      const wy = ySpan.wt[k]!;
      if (sy !== lastRow) {
        const row = sy * W + x0;
        for (let ox = 0; ox < w; ox++) {
          let s = 0;
          for (let j = xOff[ox]!, end = xOff[ox + 1]!; j < end; j++) s += gray[row + xIdx[j]!]! * xWt[j]!;
          sums[ox] = s;
        }
        [lastSums, sums] = [sums, lastSums];
        lastRow = sy;
      }
      for (let ox = 0; ox < w; ox++) acc[ox]! += lastSums[ox]! * wy;
    }
    for (let ox = 0; ox < w; ox++) out[oy * w + ox] = Math.min(255, Math.round(acc[ox]! / area));
  }
  return { width: w, height: h, dpi: maxDpi, gray: out, offsetX: x0, offsetY: y0, scale, blank: false };
}

/** For each of `n` output pixels, the source pixels it covers and how much of each. */
function spans(n: number, scale: number): Array<{ idx: Int32Array; wt: Float64Array }> {
  const out: Array<{ idx: Int32Array; wt: Float64Array }> = [];
  for (let o = 0; o < n; o++) {
    const a = o * scale;
    const b = a + scale;
    const first = Math.floor(a);
    const last = Math.ceil(b) - 1;
    const idx = new Int32Array(last - first + 1);
    const wt = new Float64Array(last - first + 1);
    for (let s = first; s <= last; s++) {
      idx[s - first] = s;
      wt[s - first] = Math.min(b, s + 1) - Math.max(a, s);
    }
    out.push({ idx, wt });
  }
  return out;
}
