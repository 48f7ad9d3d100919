/**
 * The process-wide budget of tesseract threads (src/ingest/ocr-budget.ts) is
 * one counter for the main thread and every worker thread spawned after it
 * was made: a helper is refused once every core runs a recognition. A real
 * worker thread loads the built module (npm run build first, as for the CLI tests).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { helpersAllowed, holdOwn, ocrThreadsBusy, shareOcrBudget, tryHoldHelper } from "../../src/ingest/ocr-budget.js";

const ROOT = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..");
const BUILT = join(ROOT, "dist/ingest/ocr-budget.js");

describe("OCR thread budget", () => {
  it("grants helpers only while fewer recognitions than cores run, counted across threads", async () => {
    expect(existsSync(BUILT), "run npm run build first").toBe(true);
    shareOcrBudget();
    const cores = availableParallelism();
    const releaseOwn = holdOwn();
    expect(ocrThreadsBusy()).toBe(1);
    // a worker thread spawned now shares the counter: it takes helpers until every core is counted
    const worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       import(${JSON.stringify(pathToFileURL(BUILT).href)}).then((b) => {
         const held = [];
         for (let r; (r = b.tryHoldHelper()); ) held.push(r);
         parentPort.postMessage({ allowed: b.helpersAllowed(), held: held.length, busy: b.ocrThreadsBusy() });
         parentPort.once("message", () => { held.forEach((r) => r()); parentPort.postMessage({ busy: b.ocrThreadsBusy() }); });
       });`,
      { eval: true },
    );
    try {
      const next = () => new Promise<{ allowed?: boolean; held?: number; busy: number }>((resolve) => worker.once("message", resolve));
      const first = await next();
      expect(first.allowed).toBe(cores >= 2);
      expect(first.held).toBe(cores - 1);
      expect(first.busy).toBe(cores);
      // seen from this thread: every core counted, no helper left
      expect(ocrThreadsBusy()).toBe(cores);
      expect(tryHoldHelper()).toBeNull();
      const second = next();
      worker.postMessage("release");
      expect((await second).busy).toBe(1);
    } finally {
      await worker.terminate();
      releaseOwn();
    }
    expect(ocrThreadsBusy()).toBe(0);
    expect(helpersAllowed()).toBe(cores >= 2);
    // a release given twice counts once
    const r = holdOwn();
    r();
    r();
    expect(ocrThreadsBusy()).toBe(0);
  });
});
