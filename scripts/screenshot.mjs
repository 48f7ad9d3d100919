// Renders an HTML report to a PNG for the README: node scripts/screenshot.mjs [out/report.html] [docs/report.png]
// Uses Debian's Chromium through playwright-core (no browser download).
import { chromium } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const input = resolve(process.argv[2] ?? "out/report.html");
const output = resolve(process.argv[3] ?? "docs/report.png");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(input)) {
  console.error(`找不到 ${input}:请先运行 npm start 生成报告。`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(input).href);
  // Open the first analysed document and show one finding's evidence, as a reviewer would.
  const first = page.locator("details.doc").first();
  if (await first.count()) {
    await first.evaluate((d) => (d.open = true));
    const link = page.locator("details.doc a.jump").first();
    if (await link.count()) await link.click();
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output, fullPage: false });
  console.log(`已写出 ${output}`);
} finally {
  await browser.close();
}
