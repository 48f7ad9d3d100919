import { describe, expect, it } from "vitest";
import { ocrImage } from "../../src/ingest/ocr-image.js";

/** A white page with one black rectangle. */
function page(width: number, height: number, dpi: number, box: [number, number, number, number] | null) {
  const gray = new Uint8Array(width * height).fill(255);
  if (box) {
    const [x0, y0, x1, y1] = box;
    for (let y = y0; y <= y1; y++) gray.fill(0, y * width + x0, y * width + x1 + 1);
  }
  return { width, height, dpi, gray };
}

describe("ocrImage", () => {
  it("crops to the ink plus the margin, and keeps a page at or under the limit at its own resolution", () => {
    const img = ocrImage(page(400, 600, 100, [150, 200, 249, 299]), 120, 0.1);
    expect(img.blank).toBe(false);
    expect([img.offsetX, img.offsetY, img.width, img.height, img.scale, img.dpi]).toEqual([140, 190, 120, 120, 1, 100]);
    // ink stays where it was, relative to the crop
    expect(img.gray[10 * img.width + 10]).toBe(0);
    expect(img.gray[5 * img.width + 5]).toBe(255);
  });

  it("averages a finer page down to the limit, and maps its coordinates back to the page", () => {
    const img = ocrImage(page(800, 1000, 240, [240, 480, 479, 719]), 120, 0.1);
    expect(img.dpi).toBe(120);
    expect(img.scale).toBe(2);
    expect([img.offsetX, img.offsetY]).toEqual([216, 456]);
    expect([img.width, img.height]).toEqual([144, 144]);
    // the ink's left edge: page x 240 = offset 216 + 12 × 2
    expect(img.gray[20 * img.width + 11]).toBe(255);
    expect(img.gray[20 * img.width + 12]).toBe(0);
    expect(img.offsetX + 12 * img.scale).toBe(240);
  });

  it("averages a half-covered pixel to grey, not to black or white", () => {
    const p = page(100, 100, 240, [40, 40, 45, 59]);
    // a second mark starting at page x 51: output pixel 5 covers page x 50 (paper) and 51 (ink)
    for (let y = 40; y <= 59; y++) p.gray.fill(0, y * 100 + 51, y * 100 + 60);
    const img = ocrImage(p, 120, 0);
    expect(img.offsetX).toBe(40);
    expect(img.gray[2 * img.width + 4]).toBe(255);
    expect(img.gray[2 * img.width + 5]).toBe(128);
    expect(img.gray[2 * img.width + 6]).toBe(0);
  });

  it("says a page with no ink is blank", () => {
    expect(ocrImage(page(300, 300, 150, null), 120).blank).toBe(true);
  });
});
