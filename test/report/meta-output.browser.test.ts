/**
 * `meta` in the reviewer's outputs: CSV and XLSX columns (read back with
 * exceljs), and the HTML overview's year / campaign / sector filters in real
 * headless Chromium, on results of real corpus files.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResult } from "../../src/model/document.js";
import { analyzeFile } from "../../src/pipeline.js";
import { defaultContext } from "../../src/report/context.js";
import { formatCsv } from "../../src/report/csv.js";
import { formatHtml } from "../../src/report/html/index.js";
import { formatXlsx } from "../../src/report/xlsx.js";
import { ROOT } from "../cli/helpers.js";
import { errorResult } from "./fixture.js";

const FILES = [
  "corpora/dev/analysis-check-gbt9704-complete.txt", // 2009, scientific-outlook, party-gov
  "corpora/dev/analysis-check-style-headings-bold-leads.txt", // 2009, scientific-outlook, health
  "corpora/dev/democratic-life-team-complete.txt", // 2023, annual, party-gov
  "corpora/holdout/ws-hospital-annual.txt", // 2023, annual, health
  "corpora/holdout/rect-plan-soe-no-deadline.txt", // 2024, inspection, enterprise
];

let results: AnalysisResult[];
let browser: Browser;
let dir: string;

beforeAll(async () => {
  results = [...(await Promise.all(FILES.map((f) => analyzeFile(join(ROOT, f), {}, f)))), errorResult()];
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  dir = mkdtempSync(join(tmpdir(), "rc-meta-html-"));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("meta columns", () => {
  it("CSV carries unit, scope, sector, level, year, campaign and the date signed", () => {
    const lines = formatCsv(results).slice(1).split("\r\n");
    const head = lines[0]!.split(",");
    for (const h of ["单位", "作者", "班子/个人", "领域", "层级", "年份", "专项活动", "落款日期"]) expect(head).toContain(h);
    const row = lines[1]!.split(",");
    const at = (h: string) => row[head.indexOf(h)];
    expect([at("单位"), at("班子/个人"), at("领域"), at("层级"), at("年份"), at("专项活动"), at("落款日期")]).toEqual([
      "青禾县交通运输局",
      "team",
      "party-gov",
      "county",
      "2009",
      "scientific-outlook",
      "2009-11-28",
    ]);
  });

  it("XLSX has the same columns, with the year as a number", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await formatXlsx(results)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("文档")!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const row = (sheet.getRow(5).values as unknown[]).slice(1);
    expect(row[head.indexOf("单位")]).toBe("青岚县人民医院");
    expect(row[head.indexOf("领域")]).toBe("health");
    expect(row[head.indexOf("年份")]).toBe(2023);
    expect(row[head.indexOf("专项活动（名称）")]).toBe("年度（无专项活动）");
  });
});

describe("HTML overview filters by year, campaign and sector", () => {
  it("shows only the documents of the chosen year, campaign and sector", async () => {
    const file = join(dir, "report.html");
    writeFileSync(file, formatHtml(results, defaultContext()));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    const visible = () => page.locator("#overview tbody tr:not([hidden])").count();
    expect(await visible()).toBe(results.length);
    await page.selectOption("#f-campaign", "scientific-outlook");
    expect(await visible()).toBe(2);
    await page.selectOption("#f-sector", "health");
    expect(await visible()).toBe(1);
    await page.selectOption("#f-campaign", "");
    expect(await visible()).toBe(2); // the two health documents, 2009 and 2023
    await page.selectOption("#f-year", "2023");
    expect(await visible()).toBe(1);
    expect(await page.locator("#overview tbody tr:not([hidden]) td:nth-child(4)").innerText()).toContain("青岚县人民医院");
    await page.selectOption("#f-year", "");
    await page.selectOption("#f-sector", "");
    await page.selectOption("#f-year", "-"); // unknown: the unreadable file
    expect(await visible()).toBe(1);
    expect(await page.locator("#f-year option").allInnerTexts()).toEqual(["全部", "2024年（1）", "2023年（2）", "2009年（2）", "未知（1）"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
