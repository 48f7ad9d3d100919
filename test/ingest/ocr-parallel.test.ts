/**
 * Pages of one scanned document read side by side (this thread's tesseract
 * worker and a helper, ./src/ingest/ocr-budget.ts) come back with the same
 * text, in page order, as when read one after another; a worker stopped or a
 * time limit reached mid-page ends the document with its spec error instead
 * of leaving it waiting for ever. Real PDFs, real tesseract.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ocrThreadsBusy } from "../../src/ingest/ocr-budget.js";
import { ocrPdf, readPages, terminateOcr, type OcrLane, type OcrPage } from "../../src/ingest/ocr.js";
import { openRasterPdf } from "../../src/ingest/pdf-render.js";
import { docError, ReportCheckError } from "../../src/model/errors.js";

const ROOT = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..");
const SCAN = join(ROOT, "corpora/dev/error-scanned-no-text-layer.pdf");

async function read(pages: number[], helpers: boolean, lanes: Array<[number, OcrLane]> = []): Promise<OcrPage[]> {
  const pdf = await openRasterPdf(readFileSync(SCAN));
  try {
    return await readPages(pdf, pages, undefined, { helpers, onPageStart: (p, lane) => lanes.push([p, lane]) });
  } finally {
    await pdf.close();
  }
}

const linesOf = (pages: OcrPage[]) => pages.map((p) => ({ page: p.page, lines: p.lines.map((l) => l.text) }));

afterAll(async () => {
  await terminateOcr();
});

describe("OCR of one document's pages on two workers", () => {
  it("gives the same lines, in page order, as reading the pages one after another", async () => {
    const pages = [1, 2, 3];
    const sequential = await read(pages, false);
    const lanes: Array<[number, OcrLane]> = [];
    const parallel = await read(pages, true, lanes);
    expect(parallel.map((p) => p.page)).toEqual(pages);
    expect(linesOf(parallel)).toEqual(linesOf(sequential));
    expect(sequential.every((p) => p.lines.length > 5)).toBe(true);
    // with a second core free, the helper took part (it is never used on a single core)
    const helperPages = lanes.filter(([, lane]) => lane === 1).length;
    if (availableParallelism() >= 2) expect(helperPages).toBeGreaterThan(0);
    else expect(helperPages).toBe(0);
    // every unit of the process-wide budget was given back
    expect(ocrThreadsBusy()).toBe(0);
  }, 300_000);

  it("ends the document as READ_FAILED (OCR engine stopped) when the workers are stopped mid-page, and the next document is read", async () => {
    const run = ocrPdf(readFileSync(SCAN), { ocr: true }, undefined, undefined, {
      onPageStart: (page) => {
        if (page === 2) void terminateOcr();
      },
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportCheckError);
    const e = error as ReportCheckError;
    const spec = docError(e.code, e.detail, e.variant);
    expect(spec.code).toBe("READ_FAILED");
    expect(spec.message).toMatch(/文字识别（OCR）引擎.*意外停止/);
    // page 1 may still be in flight on the other worker: whichever failed first is named
    expect(spec.detail).toMatch(/^OCR of page [12]: worker thread exited/);
    expect(ocrThreadsBusy()).toBe(0);
    // a fresh worker reads the next document
    const after = await read([4], true);
    expect(after[0]!.lines.length).toBeGreaterThan(0);
  }, 300_000);

  it("stops at the page being read when the document's time limit fires (TOO_LARGE, time-out)", async () => {
    const controller = new AbortController();
    const run = ocrPdf(readFileSync(SCAN), { ocr: true, signal: controller.signal }, undefined, undefined, {
      helpers: false,
      onPageStart: (page) => {
        if (page === 1) controller.abort("timeout");
      },
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportCheckError);
    const e = error as ReportCheckError;
    expect(e.code).toBe("TOO_LARGE");
    expect(e.variant).toBe("TOO_LARGE_TIME");
    expect(ocrThreadsBusy()).toBe(0);
  }, 300_000);
});
