import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeBuffer } from "../../src/pipeline.js";
import { formatters } from "../../src/report/index.js";

const read = (rel: string) => readFileSync(new URL(`../../corpora/${rel}`, import.meta.url));

describe("HTML report on web-shaped documents", () => {
  it("says what the web repairs removed and marks a non-report as not judged", async () => {
    const copy = await analyzeBuffer(read("web/web-wenku-copy.txt"), "web-wenku-copy.txt", { includeText: true, segmenter: "rs" });
    const notice = await analyzeBuffer(read("web/notice-not-a-report.txt"), "notice-not-a-report.txt", { includeText: true, segmenter: "rs" });
    const [page] = await formatters.html.files([copy, notice], { generatedAt: "2026-01-01T00:00:00Z", toolVersion: "test", skipped: [] });
    const html = String(page!.data);
    expect(html).toMatch(/去除网页杂项 \d+ 处/);
    expect(html).toContain("未识别为报告，未按清单检查");
  }, 60_000);
});
