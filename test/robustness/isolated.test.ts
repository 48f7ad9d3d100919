/**
 * Large documents in a child process of their own (src/batch/isolated.ts): the
 * same results as on a thread, and a child that dies — killed by the kernel's
 * OOM killer (SIGKILL) or aborted like V8 aborts on a heap overrun (SIGABRT) —
 * costs only its own document; the batch around it is complete.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResult } from "../../src/model/document.js";
import { builtLibrary, collect, DEV, tempDir } from "./helpers.js";

let dir: string;
const BIG_BYTES = 1_500_000;

beforeAll(() => {
  dir = tempDir("rc-isolated-");
  // A long but ordinary report: one dev text repeated, several seconds of work, so the child is
  // alive long enough to be found and killed.
  const text = readFileSync(join(DEV, "work-summary-annual-complete.txt"), "utf8");
  const big = text.repeat(Math.ceil(BIG_BYTES / Buffer.byteLength(text)));
  writeFileSync(join(dir, "a-big-killed.txt"), big);
  writeFileSync(join(dir, "c-big-aborted.txt"), big);
  copyFileSync(join(DEV, "democratic-life-team-complete.docx"), join(dir, "b-good.docx"));
  copyFileSync(join(DEV, "rectification-table-owners-complete.pdf"), join(dir, "d-good.pdf"));
  copyFileSync(join(DEV, "work-summary-annual-complete.txt"), join(dir, "e-good.txt"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Results without what differs run to run (timings). */
function comparable(r: AnalysisResult): unknown {
  return JSON.parse(JSON.stringify(r, (k, v) => (k === "timings" || k === "elapsedMs" || k === "ms" ? undefined : v)));
}

/** PIDs of this process's children running the isolated-document entry. */
function isolatedChildren(): number[] {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => /batch\/child\.js/.test(l))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe("documents in a child process", () => {
  it("gives the same results in a child as on a thread", async () => {
    const lib = await builtLibrary();
    const files = ["b-good.docx", "d-good.pdf", "e-good.txt"].map((n) => ({ path: join(dir, n), displayPath: n }));
    const onThread = await collect(lib.runBatch(files, { concurrency: 1, isolateAboveBytes: Infinity }));
    const inChild = await collect(lib.runBatch(files, { concurrency: 1, isolateAboveBytes: 0 }));
    expect(inChild.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    expect(inChild.map(comparable)).toEqual(onThread.map(comparable));
  }, 120_000);

  it("a child killed (SIGKILL) or aborted (SIGABRT) mid-document fails only that document, and the batch goes on", async () => {
    const lib = await builtLibrary();
    const names = ["a-big-killed.txt", "b-good.docx", "c-big-aborted.txt", "d-good.pdf", "e-good.txt"];
    const files = names.map((n) => ({ path: join(dir, n), displayPath: n }));
    const signals: NodeJS.Signals[] = ["SIGKILL", "SIGABRT"];
    // Each big document's child is found while it runs and killed the way the kernel or V8 would end it.
    const killer = setInterval(() => {
      for (const pid of isolatedChildren()) {
        const sig = signals.shift();
        if (!sig) return;
        try {
          process.kill(pid, sig);
        } catch {
          signals.unshift(sig);
        }
      }
    }, 50);
    let results: AnalysisResult[];
    try {
      // concurrency 1: in this very process, where a V8 abort would otherwise end the test runner itself
      results = await collect(lib.runBatch(files, { concurrency: 1, isolateAboveBytes: BIG_BYTES / 2, timeoutMs: 0 }));
    } finally {
      clearInterval(killer);
    }
    expect(signals).toEqual([]);
    expect(results.map((r) => r.source.path)).toEqual(names);
    expect(results.map((r) => r.status)).toEqual(["error", "ok", "error", "ok", "ok"]);
    for (const r of [results[0]!, results[2]!]) {
      expect(r.error!.code).toBe("TOO_LARGE");
      expect(r.error!.message).toMatch(/内存/);
    }
  }, 240_000);

  it("a child over the time limit is stopped as TOO_LARGE (time) and leaves no process behind", async () => {
    const lib = await builtLibrary();
    // A limit far below the big document's seconds of work (a short document would not be safe
    // here: under load even its start-up can exceed a limit this small).
    const results = await collect(lib.runBatch([{ path: join(dir, "a-big-killed.txt"), displayPath: "big.txt" }], { concurrency: 1, isolateAboveBytes: 0, timeoutMs: 300 }));
    expect(results.map((r) => r.status)).toEqual(["error"]);
    expect(results[0]!.error!.code).toBe("TOO_LARGE");
    expect(results[0]!.error!.message).toMatch(/超时/);
    expect(isolatedChildren()).toEqual([]);
  }, 120_000);
});
