/**
 * A PDF whose text layer decodes to mojibake (fonts without a Unicode map):
 * TEXT_GARBLED without --ocr, and with --ocr its garbled pages are read as
 * images — the advice TEXT_GARBLED gives must work.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEV, parseJsonl, ROOT, runCli } from "../cli/helpers.js";

const FILE = join(DEV, "error-garbled-text-layer.pdf");

describe("garbled text layer under --ocr", () => {
  it("is TEXT_GARBLED without --ocr and advises --ocr", async () => {
    const r = await runCli(["analyze", FILE, "--format", "jsonl", "--quiet"], ROOT);
    const [line] = parseJsonl(r.stdout);
    expect(line!["error"]["code"]).toBe("TEXT_GARBLED");
    expect(line!["error"]["message"]).toContain("--ocr");
  });

  it("recognises the garbled pages as images with --ocr and analyses the report", async () => {
    const r = await runCli(["analyze", FILE, "--ocr", "--format", "jsonl", "--quiet"], ROOT);
    const [line] = parseJsonl(r.stdout);
    expect(line!["status"], JSON.stringify(line!["error"])).toBe("ok");
    expect(line!["source"]["ocr"]).toBe(true);
    expect(line!["text"]["repairs"]["ocrGarbledPages"]).toBe(3);
    expect(line!["text"]["chars"]).toBeGreaterThan(1000);
    expect((line!["warnings"] as Array<{ code: string }>).map((w) => w.code)).toContain("PDF_GARBLED_PAGES_OCR");
    expect(line!["sections"].length).toBeGreaterThanOrEqual(2);
  }, 240_000);
});
