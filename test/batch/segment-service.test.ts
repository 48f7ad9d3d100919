/**
 * The pool's shared segmentation thread (src/segment/service.ts), with real
 * threads and the real jieba, through the BUILT modules (the service thread
 * and the pool's workers exist only in dist/).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { AnalysisResult } from "../../src/model/document.js";
import type { BatchOptions, FileEntry } from "../../src/batch/pool.js";
import type * as ServiceModule from "../../src/segment/service.js";
import type * as SegmenterModule from "../../src/segment/segmenter.js";

const ROOT = new URL("../../", import.meta.url);
const DEV = join(ROOT.pathname, "corpora", "dev");

async function built<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ new URL(`dist/${path}`, ROOT).href)) as T;
}
const service = (): Promise<typeof ServiceModule> => built("segment/service.js");
const segmenter = (): Promise<typeof SegmenterModule> => built("segment/segmenter.js");
const library = (): Promise<{ runBatch(files: FileEntry[], options?: BatchOptions): AsyncGenerator<AnalysisResult> }> => built("index.js");

/** Every readable report of the dev corpus (DOCX, PDF, TXT), in a fixed order. */
function devFiles(): FileEntry[] {
  return readdirSync(DEV)
    .filter((f) => /\.(docx|pdf|txt)$/.test(f) && !f.startsWith("error-"))
    .sort()
    .map((f) => ({ path: join(DEV, f), displayPath: f }));
}

/** A result without its timing, which differs from run to run. */
function comparable(r: AnalysisResult): unknown {
  return JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === "elapsedMs" ? undefined : v)));
}

async function run(files: FileEntry[], options: BatchOptions): Promise<AnalysisResult[]> {
  const { runBatch } = await library();
  const out: AnalysisResult[] = [];
  for await (const r of runBatch(files, options)) out.push(r);
  return out;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("the shared segmentation thread", () => {
  it("cuts exactly as a thread's own jieba, long texts in pieces included", async () => {
    const { SegmentService, ServedCutter, READY } = await service();
    const { createRsJieba } = await segmenter();
    const own = createRsJieba();
    // Small pieces: every dev text is split many times, at line and sentence ends.
    const svc = SegmentService.start({ slots: 2, slotChars: 300 })!;
    expect(svc).not.toBeNull();
    try {
      const cutter = new ServedCutter(svc.buffer, () => {
        throw new Error("the service should have answered");
      });
      const texts = readdirSync(DEV)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => readFileSync(join(DEV, f), "utf8"));
      // With protected runs blanked, as the segmenter sends them.
      texts.push(...texts.map((t) => t.replace(/[0-9]+/g, (m) => " ".repeat(m.length))));
      texts.push("", "   ", "\r\n一、\r\n", "2023年11月12日召开专题民主生活会。");
      expect(texts.length).toBeGreaterThan(20);
      for (const t of texts) expect(cutter.cut(t)).toEqual(own.cut(t, true));
      expect(cutter.served).toBe(true);
      expect(svc.layout.status()).toBe(READY);
    } finally {
      await svc.close();
    }
  });

  it("gives a batch the same results with and without the service", async () => {
    const files = devFiles();
    expect(files.length).toBeGreaterThan(20);
    const shared = await run(files, { concurrency: 2, segmentService: true });
    const own = await run(files, { concurrency: 2, segmentService: false });
    expect(shared.map(comparable)).toEqual(own.map(comparable));
    expect(shared.filter((r) => r.status === "ok").length).toBeGreaterThan(20);
  });

  it("finishes a batch with the same results when the service thread is killed midway", async () => {
    const { SegmentService, GONE } = await service();
    const files = devFiles();
    const svc = SegmentService.start({ slots: 6 })!;
    let killed: Promise<void> | null = null;
    let runningWhenKilled = false;
    let settled = 0;
    const results = await run(files, {
      concurrency: 2,
      segmentService: svc,
      onSettled: () => {
        if (++settled === 4) {
          runningWhenKilled = svc.running;
          killed = svc.kill();
        }
      },
    });
    await killed;
    expect(runningWhenKilled).toBe(true);
    expect(svc.running).toBe(false);
    expect(svc.layout.status()).toBe(GONE);
    const own = await run(files, { concurrency: 2, segmentService: false });
    expect(results.map(comparable)).toEqual(own.map(comparable));
  });

  it("falls back to the thread's own jieba when the service never answers", async () => {
    const { ServiceLayout, ServedCutter } = await service();
    const { createRsJieba } = await segmenter();
    // A buffer nobody serves: the request waits for the (short) answer time, then is cut here.
    const silent = ServiceLayout.create(1, 1000);
    const cutter = new ServedCutter(silent.buffer, createRsJieba, 200);
    const own = createRsJieba();
    const text = readFileSync(join(DEV, "work-summary-annual-complete.txt"), "utf8");
    expect(cutter.cut(text)).toEqual(own.cut(text, true));
    expect(cutter.served).toBe(false);
    expect(cutter.cut("整改落实情况")).toEqual(own.cut("整改落实情况", true));
  });

  it("serves the other workers after one is terminated in the middle of a call, and frees its slot", async () => {
    const { ServiceLayout, SegmentService } = await service();
    const { createRsJieba } = await segmenter();
    const layout = ServiceLayout.create(2, 1000);
    const serviceUrl = new URL("dist/segment/service.js", ROOT).href;
    const segmenterUrl = new URL("dist/segment/segmenter.js", ROOT).href;
    // A pool worker's side of the protocol: cut the text it is given and post the tokens.
    const client = (text: string): Worker =>
      new Worker(
        `const { parentPort, workerData } = require("node:worker_threads");
         Promise.all([import(workerData.service), import(workerData.segmenter)]).then(([s, j]) => {
           const cutter = new s.ServedCutter(workerData.buffer, j.createRsJieba);
           parentPort.postMessage({ tokens: cutter.cut(workerData.text), served: cutter.served });
         });`,
        { eval: true, workerData: { buffer: layout.buffer, service: serviceUrl, segmenter: segmenterUrl, text } },
      );
    const answer = (w: Worker): Promise<{ tokens: string[]; served: boolean }> =>
      new Promise((resolve, reject) => {
        w.once("message", resolve);
        w.once("error", reject);
      });

    // No service thread yet: the first worker's request stays unanswered, so it is terminated
    // while it waits in the call, as a time-out terminates a pool worker.
    const stuck = client("一是理论学习不够深入。");
    const stuckId = stuck.threadId;
    const ownerWord = layout.word(0, 1);
    const stateWord = layout.word(0, 0);
    await until(() => Atomics.load(layout.ints, ownerWord) === stuckId && Atomics.load(layout.ints, stateWord) === 1);
    await stuck.terminate();
    // What the pool does on piscina's workerDestroy.
    layout.release(stuckId);
    expect(Atomics.load(layout.ints, ownerWord)).toBe(0);

    const svc = SegmentService.start({ slots: 2, layout })!;
    try {
      const texts = ["二是调查研究不够扎实，2023年11月召开了专题会议。", readFileSync(join(DEV, "democratic-life-team-complete.txt"), "utf8")];
      const workers = texts.map(client);
      const answers = await Promise.all(workers.map(answer));
      const own = createRsJieba();
      answers.forEach((a, i) => {
        expect(a.served).toBe(true);
        expect(a.tokens).toEqual(own.cut(texts[i]!, true));
      });
      await Promise.all(workers.map((w) => w.terminate()));
    } finally {
      await svc.close();
    }
  });

  it("hands a slot back when its worker dies while the service is cutting for it", async () => {
    const { ServiceLayout, SERVING, ORPHAN, IDLE } = await service();
    const layout = ServiceLayout.create(1, 100);
    const state = layout.word(0, 0);
    const owner = layout.word(0, 1);
    Atomics.store(layout.ints, owner, 77);
    Atomics.store(layout.ints, state, SERVING);
    layout.release(77);
    // The service still writes into the slot: it frees it when done, not the releaser.
    expect(Atomics.load(layout.ints, state)).toBe(ORPHAN);
    expect(Atomics.load(layout.ints, owner)).toBe(77);
    Atomics.store(layout.ints, state, IDLE);
    layout.release(77);
    expect(Atomics.load(layout.ints, owner)).toBe(0);
  });
});
