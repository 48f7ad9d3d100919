/**
 * Per-document limits on the worker pool: a document that runs too long is
 * stopped (its worker thread terminated and replaced) and reported as
 * TOO_LARGE; a zip bomb is refused before it is inflated; the documents after
 * either one are analysed normally.
 */
import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtLibrary, collect, DEV, FIXTURES, parseJsonl, manyPagesPdf, runCli, tempDir } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("rc-limits-");
  // Tens of seconds of pdf.js CPU: far beyond the 6 s limit used below (generous: a fresh worker's first document pays its start-up, ~1–2 s on a loaded machine).
  writeFileSync(join(dir, "a-spinning.pdf"), manyPagesPdf(12_000));
  copyFileSync(join(FIXTURES, "zip-bomb.docx"), join(dir, "b-zip-bomb.docx"));
  copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(dir, "c-good.txt"));
  copyFileSync(join(DEV, "democratic-life-team-complete.docx"), join(dir, "d-good.docx"));
  copyFileSync(join(DEV, "rectification-table-owners-complete.pdf"), join(dir, "e-good.pdf"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("per-document limits", () => {
  it("stops a PDF that exceeds the time limit, reports TOO_LARGE, and analyses the documents after it on a fresh worker", async () => {
    const lib = await builtLibrary();
    const names = ["a-spinning.pdf", "b-zip-bomb.docx", "c-good.txt", "d-good.docx", "e-good.pdf"];
    const started = Date.now();
    const results = await collect(lib.runBatch(names.map((n) => ({ path: join(dir, n), displayPath: n })), { concurrency: 2, timeoutMs: 6000 }));
    expect(results.map((r) => r.source.path)).toEqual(names);
    const [spinning, bomb, ...good] = results;
    expect(spinning!.status).toBe("error");
    expect(spinning!.error!.code).toBe("TOO_LARGE");
    expect(spinning!.error!.message).toContain("超时");
    expect(bomb!.error!.code).toBe("TOO_LARGE");
    expect(bomb!.error!.message).toContain("压缩炸弹");
    for (const r of good) expect(r.status, `${r.source.path}: ${JSON.stringify(r.error)}`).toBe("ok");
    // Stopped, not waited for: the spinning PDF alone needs far longer than this.
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it("reports every document as timed out under a tiny --timeout, with one JSONL line each and no hang", async () => {
    const r = await runCli(["analyze", ".", "--timeout", "0.001", "--concurrency", "2", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
    const lines = parseJsonl(r.stdout);
    expect(lines.map((l) => l["source"]["path"])).toEqual(["a-spinning.pdf", "b-zip-bomb.docx", "c-good.txt", "d-good.docx", "e-good.pdf"]);
    for (const l of lines) expect(l["error"]["code"]).toBe("TOO_LARGE");
    expect(r.code).toBe(0);
  });

  it("stops a spinning PDF analysed in-process (a single file) at the time limit, and the process exits", async () => {
    const started = Date.now();
    const r = await runCli(["analyze", "a-spinning.pdf", "--timeout", "2", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
    const [line] = parseJsonl(r.stdout);
    expect(line!["error"]["code"]).toBe("TOO_LARGE");
    expect(line!["error"]["message"]).toContain("超时");
    // Without the stop signal the process lived until pdf.js finished (tens of seconds).
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it("stops a document that outgrows a worker's heap limit as TOO_LARGE, and the batch goes on, even with the other core busy", async () => {
    // ~20 MB of report text: fine under the default 1 024 MB (~100 s), far over 128 MB. Reaching
    // V8's own limit in a worker can abort the whole process (nodejs/node#47224; here 1 run in 10
    // with the other core busy, exit 134 and no result written), so the pipeline refuses the text
    // against its budget before that. A busy loop on the other core reproduces the suite's load.
    const memDir = tempDir("rc-memory-");
    const busy = spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" });
    try {
      const text = readFileSync(join(DEV, "analysis-check-gbt9704-complete.txt"), "utf8");
      writeFileSync(join(memDir, "a-huge.txt"), text.repeat(Math.ceil(20_000_000 / Buffer.byteLength(text))));
      copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(memDir, "b-good.txt"));
      copyFileSync(join(DEV, "democratic-life-team-complete.docx"), join(memDir, "c-good.docx"));
      for (let run = 0; run < 2; run++) {
        const r = await runCli(["analyze", ".", "--concurrency", "2", "--max-memory", "128", "--timeout", "120", "--format", "jsonl", "--quiet", "--fail-on", "never"], memDir);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const lines = parseJsonl(r.stdout);
        expect(lines.map((l) => l["source"]["path"])).toEqual(["a-huge.txt", "b-good.txt", "c-good.docx"]);
        expect(lines[0]!["error"]["code"]).toBe("TOO_LARGE");
        expect(lines[0]!["error"]["message"]).toContain("内存");
        for (const l of lines.slice(1)) expect(l["status"]).toBe("ok");
      }
    } finally {
      busy.kill();
      rmSync(memDir, { recursive: true, force: true });
    }
  }, 180_000);

  it("refuses a --max-memory too small for a worker to start", async () => {
    const r = await runCli(["analyze", "c-good.txt", "--max-memory", "64", "--format", "jsonl", "--quiet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--max-memory 须为不小于 128 的整数");
  });

  it("refuses a file over --max-bytes without reading it into a worker", async () => {
    const r = await runCli(["analyze", "c-good.txt", "--max-bytes", "100", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
    const [line] = parseJsonl(r.stdout);
    expect(line!["error"]["code"]).toBe("TOO_LARGE");
    expect(line!["source"]["bytes"]).toBeGreaterThan(100);
  });
});
