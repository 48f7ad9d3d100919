/**
 * The reviewer's page in a real browser (Debian's Chromium driven by
 * playwright-core) against the BUILT `report-check serve`: the dev corpus
 * uploaded through the page's file input, live progress until the batch is
 * done, the report's overview listing every document, a finding leading to
 * its evidence, and the XLSX download opened with exceljs. A second server
 * with a token: the page asks once, then the cookie carries the session
 * (uploads, events and the report frame).
 *
 * UPDATE_SCREENSHOT=1 also writes docs/serve.png.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import { DEV, ROOT } from "../cli/helpers.js";
import { startServe, tempDir, type Served } from "./helpers.js";
import { inView } from "../helpers/browser.js";

const DOCUMENT_EXT = new Set([".docx", ".pdf", ".doc", ".txt"]);
const TOKEN = "browser-test-token-0123456789abcdef";

let browser: Browser;
let work: string;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  work = tempDir("rc-serve-browser-");
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `expected`: console errors a test provokes on purpose (the browser logs every 4xx answer). */
async function open(url: string, expected = /status of 401/): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  const origin = new URL(url).origin;
  page.on("console", (m) => {
    if (m.type() === "error" && !expected.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:") && !r.url().startsWith("about:")) errors.push(`request outside the server: ${r.url()}`);
  });
  await page.goto(url);
  return { page, errors };
}

function reportFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes("/report.html"));
  if (!frame) throw new Error("report frame not found");
  return frame;
}

describe("the reviewer's page in Chromium", () => {
  let server: Served;

  beforeAll(async () => {
    server = await startServe(["--data", join(work, "data"), "--concurrency", "2"]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("uploads the dev corpus through the file input, shows every document, a finding's evidence, and the XLSX download", async () => {
    const all = readdirSync(DEV).filter((f) => statSync(join(DEV, f)).isFile());
    const documents = all.filter((f) => DOCUMENT_EXT.has(extname(f).toLowerCase())).sort();
    // Gold files (.json) go along, as when a reviewer picks a whole folder: the page skips them.
    expect(all.length).toBeGreaterThan(documents.length);
    const { page, errors } = await open(server.url);
    await page.locator("#app").waitFor({ state: "visible" });
    await page.setInputFiles(
      "#file-input",
      all.map((f) => join(DEV, f)),
    );
    // Live progress: the file table lists every document before the batch ends.
    await expect.poll(() => page.locator("#files tbody tr").count(), { timeout: 60_000 }).toBe(documents.length);
    await page.locator("#report").waitFor({ state: "visible", timeout: 900_000 });
    expect(await page.locator("#batch-status").textContent()).toContain(`已完成 ${documents.length} / ${documents.length}`);
    expect(await page.locator("#message").textContent()).toContain(`跳过 ${all.length - documents.length} 个`);

    await expect.poll(() => page.frames().some((f) => f.url().includes("/report.html")), { timeout: 60_000 }).toBe(true);
    const frame = reportFrame(page);
    await frame.locator("#overview").waitFor();
    const rows = frame.locator("#overview tbody tr");
    expect(await rows.count()).toBe(documents.length);
    const listed = await frame.$$eval("#overview tbody tr td:nth-child(2)", (cells) => cells.map((c) => c.getAttribute("data-v")));
    expect(listed.sort()).toEqual(documents);

    // The page after the batch: progress, downloads and the report's overview.
    await page.setViewportSize({ width: 1360, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = join(work, "serve.png");
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    if (process.env["UPDATE_SCREENSHOT"]) copyFileSync(shot, join(ROOT, "docs", "serve.png"));
    await page.setViewportSize({ width: 1360, height: 900 });

    // A document whose findings point into its text: open it, click the finding, see the evidence.
    const batchId = (await page.locator("#batches tbody tr").first().getAttribute("data-id"))!;
    const api = (await (await page.request.get(`${server.url}api/batches/${batchId}`)).json()) as {
      results: Array<{ status: string; source: { path: string }; checklist?: { findings: Array<{ span: unknown }> } }>;
    };
    const index = api.results.findIndex((r) => r.status === "ok" && (r.checklist?.findings ?? []).some((f) => f.span));
    expect(index).toBeGreaterThanOrEqual(0);
    const docId = `doc-${index + 1}`;
    await frame.locator(`#overview a.doc-link[href="#${docId}"]`).click();
    expect(await frame.locator(`#${docId}`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await frame.locator(`#${docId} .findings li`).count()).toBeGreaterThan(0);
    const link = frame.locator(`#${docId} a.finding-link`).first();
    const target = (await link.getAttribute("href"))!.slice(1);
    await link.click();
    await expect.poll(() => inView(frame, target)).toBe(true);
    expect((await frame.locator(`[id="${target}"]`).textContent())!.trim().length).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('#downloads a[data-file="results.xlsx"]').click()]);
    const xlsxPath = join(work, "results.xlsx");
    await download.saveAs(xlsxPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(documents.length);

    // The history lists the batch with its counts.
    const history = page.locator(`#batches tbody tr[data-id="${batchId}"] td`);
    expect(await history.nth(1).textContent()).toBe(String(documents.length));

    expect(errors).toEqual([]);
    await page.close();
  }, 1_200_000);
});

describe("folders, drops and deleting on the page", () => {
  it("shows a refused upload's message, takes a folder (webkitdirectory) with its sub-folders and a dropped file, and deletes a batch", async () => {
    const server = await startServe(["--data", join(work, "data-folder"), "--concurrency", "1", "--max-bytes", "200K"]);
    try {
      const folder = join(work, "收件箱");
      mkdirSync(join(folder, "二支部"), { recursive: true });
      copyFileSync(join(DEV, "rectification-table-owners-complete.docx"), join(folder, "二支部", "整改报告.docx"));
      copyFileSync(join(DEV, "democratic-life-team-complete.txt"), join(folder, "对照检查.txt"));
      writeFileSync(join(folder, "说明.json"), "{}");
      const { page, errors } = await open(server.url, /status of 413/);
      page.on("dialog", (d) => void d.accept());
      await page.locator("#app").waitFor({ state: "visible" });
      // Refused uploads show the server's Chinese message and code, not a network error.
      const big = join(work, "太大的报告.txt");
      writeFileSync(big, "一、存在的问题\n".repeat(20_000));
      await page.setInputFiles("#file-input", big);
      await expect.poll(() => page.locator("#message").textContent()).toContain("[FILE_TOO_LARGE]");
      expect(await page.locator("#message").textContent()).toContain("太大的报告.txt");
      await page.setInputFiles("#folder-input", folder);
      await page.locator("#report").waitFor({ state: "visible", timeout: 300_000 });
      const names = await page.$$eval("#files tbody tr td:nth-child(2)", (cells) => cells.map((c) => c.textContent));
      expect(names.sort()).toEqual(["收件箱/二支部/整改报告.docx", "收件箱/对照检查.txt"]);

      // A file dropped on the drop zone (a DataTransfer built in the page, as a drag from the desktop delivers it).
      const text = readFileSync(join(DEV, "work-summary-annual-complete.txt"), "utf8");
      await page.evaluate((content) => {
        const dt = new DataTransfer();
        dt.items.add(new File([content], "拖入的总结.txt", { type: "text/plain" }));
        document.getElementById("drop")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, text);
      await expect.poll(() => page.locator("#batches tbody tr").count(), { timeout: 60_000 }).toBe(2);
      await expect.poll(() => page.locator("#files tbody tr td:nth-child(2)").first().textContent()).toBe("拖入的总结.txt");
      await page.locator("#report").waitFor({ state: "visible", timeout: 300_000 });

      // Delete the older batch: it leaves the history and the API.
      const older = page.locator("#batches tbody tr").nth(1);
      const id = (await older.getAttribute("data-id"))!;
      await older.locator("button.delete").click();
      await expect.poll(() => page.locator("#batches tbody tr").count()).toBe(1);
      expect((await page.request.get(`${server.url}api/batches/${id}`)).status()).toBe(404);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await server.stop();
    }
  }, 600_000);
});

describe("the page with a token", () => {
  it("asks for the token once; the cookie then carries uploads, progress and the report frame", async () => {
    const server = await startServe(["--data", join(work, "data-token"), "--concurrency", "1", "--token", TOKEN]);
    try {
      // A 401 before the token is entered is the page's way of learning it must ask.
      const { page, errors } = await open(server.url, /status of 401/);
      await page.locator("#login").waitFor({ state: "visible" });
      await page.fill("#token", "not-the-token");
      await page.click("#login-form button");
      await expect.poll(() => page.locator("#login-error").textContent()).toContain("令牌");
      await page.fill("#token", TOKEN);
      await page.click("#login-form button");
      await page.locator("#app").waitFor({ state: "visible" });
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name === "rc_session");
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe("Strict");
      expect(await page.evaluate(() => document.cookie)).toBe("");

      await page.setInputFiles("#file-input", [join(DEV, "democratic-life-team-complete.txt"), join(DEV, "rectification-narrative-no-owner.docx")]);
      await page.locator("#report").waitFor({ state: "visible", timeout: 300_000 });
      await expect.poll(() => page.frames().some((f) => f.url().includes("/report.html")), { timeout: 60_000 }).toBe(true);
      const frame = reportFrame(page);
      await frame.locator("#overview").waitFor();
      expect(await frame.locator("#overview tbody tr").count()).toBe(2);

      // A new visit keeps the session: no second question.
      await page.reload();
      await page.locator("#app").waitFor({ state: "visible" });
      expect(await page.locator("#login").isHidden()).toBe(true);
      expect(await page.locator("#batches tbody tr").count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await server.stop();
    }
  }, 600_000);
});
