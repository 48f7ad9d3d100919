/**
 * Copy detection in the HTML report, in a real browser (Debian's Chromium, playwright-core):
 * the overview's 雷同 column names the other document, and a shared passage's "→ 对方" link
 * opens the other document at the same passage.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { formatHtml } from "../../src/report/html/index.js";
import { defaultContext } from "../../src/report/context.js";
import { analyzeBuffer } from "../../src/pipeline.js";
import { findSimilar } from "../../src/similar/index.js";
import { withSimilar } from "../../src/similar/apply.js";
import { readFileSync } from "node:fs";
import { DEV } from "../cli/helpers.js";

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  dir = mkdtempSync(join(tmpdir(), "rc-copies-html-"));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("copy detection in the HTML report", () => {
  it(
    "shows the highest share in the overview and links each shared passage to the other document",
    async () => {
      const original = readFileSync(join(DEV, "rectification-narrative-no-owner.txt"), "utf8");
      const lines = original.split("\n").filter((l) => l.trim());
      const copy = lines.filter((_, i) => i % 3 !== 1).join("\n") + "\n今后我们将把整改成果纳入年度考核，定期回头看。\n";
      const opts = { includeText: true, fingerprint: true };
      const results = [await analyzeBuffer(Buffer.from(copy), "b/copy.txt", opts), await analyzeBuffer(Buffer.from(original), "a/original.txt", opts)];
      const similar = findSimilar(results.map((r) => ({ path: r.source.path, title: r.title, sha256: r.source.sha256, fingerprint: r.fingerprint! })));
      const withCopies = results.map((r, i) => withSimilar(r, similar[i], 0.3));
      const file = join(dir, "report.html");
      writeFileSync(file, formatHtml(withCopies, defaultContext({ copyThreshold: 0.3 })));

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      const cell = page.locator("#overview tbody tr").first().locator("td").last();
      await expect(cell.textContent()).resolves.toContain("a/original.txt");
      await page.evaluate(() => document.querySelectorAll("details.doc").forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const link = page.locator("#doc-1 a.jump", { hasText: "→ 对方" }).first();
      const href = (await link.getAttribute("href"))!;
      expect(href.startsWith("#doc-2-x-doc-1-")).toBe(true);
      await page.evaluate(() => document.querySelectorAll("details.doc").forEach((d) => ((d as HTMLDetailsElement).open = false)));
      await page.evaluate((h) => (document.querySelector(`a[href="${h}"]`) as HTMLAnchorElement).click(), href);
      const target = page.locator(`[id="${href.slice(1)}"]`);
      await expect(target.isVisible()).resolves.toBe(true);
      const inView = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      expect(inView).toBe(true);
      // The passage there is shared text of the original.
      const text = (await target.textContent())!;
      expect(original).toContain(text.slice(0, 8));
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});
