/**
 * The HTML report in a real browser (Debian's Chromium driven by
 * playwright-core): it loads without console errors, the overview lists every
 * document, filters work, and clicking a finding scrolls its evidence into view.
 * CI installs /usr/bin/chromium; this test does not skip without it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { formatHtml } from "../../src/report/html/index.js";
import { defaultContext } from "../../src/report/context.js";
import { analyzeFile } from "../../src/pipeline.js";
import { DEV, makeInbox, runCli } from "../cli/helpers.js";
import { inView } from "../helpers/browser.js";
import { errorResult } from "./fixture.js";

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  dir = makeInbox();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) errors.push(`network request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}

describe("HTML report in Chromium", () => {
  it("loads the CLI's report without console errors and lists every document in the overview", async () => {
    const run = await runCli(["analyze", "inbox", "--out", "out", "--format", "html,jsonl", "--quiet"], dir);
    expect([0, 1, 3]).toContain(run.code);
    const count = readFileSync(join(dir, "out", "results.jsonl"), "utf8").trim().split("\n").length;
    const { page, errors } = await open(join(dir, "out", "report.html"));
    const rows = page.locator("#overview tbody tr");
    expect(await rows.count()).toBe(count);
    // Filtering by status hides the others.
    await page.selectOption("#f-status", "error");
    const visible = await page.locator("#overview tbody tr:not([hidden])").count();
    expect(visible).toBe(3);
    // Sorting by file keeps every row.
    await page.click("#overview thead th:nth-child(2)");
    expect(await rows.count()).toBe(count);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("scrolls a finding's evidence into view when the finding is clicked", async () => {
    // A real, long report; the finding points at its last sentence, far below the fold.
    const r = await analyzeFile(join(DEV, "analysis-check-gbt9704-complete.txt"), { includeText: true });
    expect(r.status).toBe("ok");
    const text = r.text.content!;
    const end = text.trimEnd().length;
    const start = Math.max(0, text.lastIndexOf("\n", end - 2) + 1);
    r.checklist = {
      id: r.checklist?.id ?? "analysis-check",
      passed: false,
      findings: [...(r.checklist?.findings ?? []).filter((f) => f.span === null), { ruleId: "quality.vague-measures", severity: "warning", message: "措施空泛", span: [start, end] }],
    };
    const file = join(mkdtempSync(join(tmpdir(), "rc-html-")), "report.html");
    writeFileSync(file, formatHtml([r, errorResult()], defaultContext()));
    const { page, errors } = await open(file);
    // The reviewer opens the document from the overview, then clicks the finding.
    await page.locator("#overview a.doc-link").first().click();
    expect(await page.locator("details.doc").first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const link = page.locator("a.finding-link").last();
    const href = (await link.getAttribute("href"))!.slice(1);
    expect(await inView(page, href)).toBe(false);
    await link.click();
    expect(await inView(page, href)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
