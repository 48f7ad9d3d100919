/**
 * How many tesseract threads may read pages at once, across the threads of
 * this process (./ocr.ts asks before it gives a page to a second worker).
 *
 * Each pipeline thread that OCRs a document has one tesseract worker of its
 * own, always. A second one ("helper") reads every other page of the same
 * document, but only while a core would otherwise sit idle: a single-document
 * run, `--concurrency 1` on a multi-core machine, the tail of a batch. Within a
 * pool whose threads are all busy, a helper buys nothing and costs a model's
 * memory, so the rule is one counter:
 *
 *   tesseract threads recognising a page, process-wide  ≤  os.availableParallelism()
 *
 * Every recognition (own worker or helper) holds one unit of the counter while
 * it runs; a helper page starts only if a unit is free, otherwise the page goes
 * to the thread's own worker. Threads busy with other work (a DOCX) are not
 * counted — the rule only stops OCR from oversubscribing the cores by itself.
 *
 * The counter is an Int32 in a SharedArrayBuffer, passed to worker threads as
 * environment data (`worker_threads.setEnvironmentData`), which every Worker
 * inherits from the thread that spawns it. So it is shared only with threads
 * spawned AFTER it was made: a host that runs documents in a worker pool calls
 * `shareOcrBudget()` in the main thread before creating the pool. A worker
 * thread that did not inherit one cannot know how busy its siblings are and
 * uses no helper (the behaviour before helpers existed); the main thread
 * (single-document run, in-process batch) makes its own.
 */
import { availableParallelism } from "node:os";
import { getEnvironmentData, isMainThread, setEnvironmentData } from "node:worker_threads";

const KEY = "report-check:ocr-threads";

let counter: Int32Array | null | undefined;

/** Creates the process-wide counter (main thread, before any worker pool is created). Idempotent. */
export function shareOcrBudget(): void {
  if (budget()) return;
  const sab = new SharedArrayBuffer(4);
  setEnvironmentData(KEY, sab);
  counter = new Int32Array(sab);
}

function budget(): Int32Array | null {
  if (counter !== undefined) return counter;
  const inherited = getEnvironmentData(KEY);
  if (inherited instanceof SharedArrayBuffer) counter = new Int32Array(inherited);
  else if (isMainThread) {
    counter = null;
    shareOcrBudget();
  } else counter = null;
  return counter;
}

/** Whether this thread may use a helper worker at all (see the rule above). */
export function helpersAllowed(): boolean {
  return availableParallelism() >= 2 && budget() !== null;
}

/** A unit for this thread's own worker: always granted (that thread is busy anyway). */
export function holdOwn(): () => void {
  const c = budget();
  if (!c) return () => {};
  Atomics.add(c, 0, 1);
  return once(() => Atomics.sub(c, 0, 1));
}

/** A unit for a helper worker, or null when every core already runs a tesseract thread. */
export function tryHoldHelper(): (() => void) | null {
  const c = budget();
  if (!c) return null;
  const cores = availableParallelism();
  for (;;) {
    const n = Atomics.load(c, 0);
    if (n >= cores) return null;
    if (Atomics.compareExchange(c, 0, n, n + 1) === n) return once(() => Atomics.sub(c, 0, 1));
  }
}

/** Tesseract threads recognising a page right now (for tests and diagnostics). */
export function ocrThreadsBusy(): number {
  const c = budget();
  return c ? Atomics.load(c, 0) : 0;
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    f();
  };
}
