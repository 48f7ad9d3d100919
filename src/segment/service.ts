/**
 * One jieba for all worker threads of a pool.
 *
 * jieba's dictionary costs ~35 MB of native memory per instance, and every
 * worker thread used to build its own. A pool now starts ONE segmentation
 * thread (service-thread.ts) that holds the only dictionary and cuts for every
 * worker. The segmenter API is synchronous (`cut(text): string[]`) and a cut is
 * ~0.4 ms, so the call is a synchronous round trip through a SharedArrayBuffer:
 *
 * - The buffer has one SLOT per worker thread (claimed on first use by the
 *   worker's thread id), so workers never wait for each other and there is no
 *   lock a terminated worker could leave held. A worker writes its text into its
 *   slot, marks it REQUEST, rings the doorbell and blocks in `Atomics.wait`.
 * - The service thread blocks on the doorbell, serves every slot marked
 *   REQUEST and answers with token LENGTHS (the worker slices its own text), so
 *   no strings are built twice. It never needs an event loop.
 * - Texts longer than a slot go in pieces cut after a line or sentence end
 *   (a character jieba never joins to its neighbours), so the tokens are the
 *   same as one whole cut.
 *
 * Robustness: a worker never hangs and never gets other tokens than its own
 * jieba would give. When the service thread has exited (the pool owner marks it
 * GONE and wakes every waiter) or does not answer within a generous time, the
 * worker builds its own jieba (lazily, once) and goes on alone. When a pool
 * worker is terminated (a time-out) in the middle of a call, only its own slot
 * is left behind; the pool owner hands it back (`release`, on piscina's
 * workerDestroy), and a slot the service is still serving is freed by the
 * service when it finishes (ORPHAN).
 */
import { existsSync } from "node:fs";
import { threadId, Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { createRsJieba, useRsCutter, type RsJieba, type RsRawCutter } from "./segmenter.js";

// Control words (Int32) at the start of the buffer.
const DOORBELL = 0;
const STATUS = 1;
const SLOT_COUNT = 2;
const SLOT_CHARS = 3;
const STOP = 4;
const CONTROL_INTS = 8;

/** STATUS values. */
export const STARTING = 0;
export const READY = 1;
/** The service thread has exited (or could not load jieba): nobody will answer. */
export const GONE = 2;

// Per-slot header words (Int32), after the control words.
const STATE = 0;
const OWNER = 1;
const OP = 2;
const LENGTH = 3;
const RESULT = 4;
const SLOT_INTS = 8;

/** Slot states. A slot with OWNER 0 is free (and IDLE). */
export const IDLE = 0;
export const REQUEST = 1;
export const SERVING = 2;
export const RESPONSE = 3;
/** Its worker was terminated while the service was cutting: the service frees the slot when done. */
export const ORPHAN = 4;

export const OP_CUT = 1;

/** Default piece size: 32 768 UTF-16 units (64 KB of text and 64 KB of token lengths per slot). */
export const DEFAULT_SLOT_CHARS = 32_768;
/** A cut takes under a millisecond; the first one waits for the dictionary (~0.2–2 s under load). */
export const DEFAULT_ANSWER_TIMEOUT_MS = 30_000;

/** Views over one service buffer, the same in every thread. */
export class ServiceLayout {
  readonly ints: Int32Array;
  readonly slots: number;
  readonly slotChars: number;
  private readonly dataStart: number;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.ints = new Int32Array(buffer);
    this.slots = this.ints[SLOT_COUNT]!;
    this.slotChars = this.ints[SLOT_CHARS]!;
    this.dataStart = align8(4 * (CONTROL_INTS + SLOT_INTS * this.slots));
  }

  static create(slots: number, slotChars: number): ServiceLayout {
    const chars = Math.max(16, Math.min(0xffff, Math.floor(slotChars)));
    const count = Math.max(1, Math.floor(slots));
    const buffer = new SharedArrayBuffer(align8(4 * (CONTROL_INTS + SLOT_INTS * count)) + count * 4 * chars);
    const ints = new Int32Array(buffer);
    ints[SLOT_COUNT] = count;
    ints[SLOT_CHARS] = chars;
    return new ServiceLayout(buffer);
  }

  /** True when `buffer` looks like a service buffer (it came through workerData). */
  static valid(buffer: unknown): buffer is SharedArrayBuffer {
    if (!(buffer instanceof SharedArrayBuffer) || buffer.byteLength < 4 * CONTROL_INTS) return false;
    const ints = new Int32Array(buffer, 0, CONTROL_INTS);
    const slots = ints[SLOT_COUNT]!;
    const chars = ints[SLOT_CHARS]!;
    return slots > 0 && chars > 0 && buffer.byteLength >= align8(4 * (CONTROL_INTS + SLOT_INTS * slots)) + slots * 4 * chars;
  }

  /** Index in `ints` of word `field` of slot `slot`. */
  word(slot: number, field: number): number {
    return CONTROL_INTS + SLOT_INTS * slot + field;
  }

  /** The slot's text area as a Buffer (for utf16le reads and writes). */
  text(slot: number): Buffer {
    return Buffer.from(this.buffer, this.dataStart + slot * 4 * this.slotChars, 2 * this.slotChars);
  }

  /** The slot's token-length area. */
  lengths(slot: number): Uint16Array {
    return new Uint16Array(this.buffer, this.dataStart + slot * 4 * this.slotChars + 2 * this.slotChars, this.slotChars);
  }

  status(): number {
    return Atomics.load(this.ints, STATUS);
  }

  setStatus(status: number): void {
    Atomics.store(this.ints, STATUS, status);
  }

  stopRequested(): boolean {
    return Atomics.load(this.ints, STOP) !== 0;
  }

  /** Wakes the service thread. */
  ring(): void {
    Atomics.add(this.ints, DOORBELL, 1);
    Atomics.notify(this.ints, DOORBELL);
  }

  doorbell(): number {
    return Atomics.load(this.ints, DOORBELL);
  }

  /** The service thread's sleep until the doorbell changes from `seen`. */
  waitForBell(seen: number): void {
    Atomics.wait(this.ints, DOORBELL, seen);
  }

  /** Marks the service gone and wakes every worker waiting for an answer. */
  markGone(): void {
    this.setStatus(GONE);
    for (let s = 0; s < this.slots; s++) Atomics.notify(this.ints, this.word(s, STATE));
  }

  requestStop(): void {
    Atomics.store(this.ints, STOP, 1);
    this.ring();
  }

  /**
   * Hands back the slots of a thread that no longer exists. A slot the service is cutting
   * for becomes ORPHAN and the service frees it when done; any other state is reset here.
   */
  release(owner: number): void {
    for (let s = 0; s < this.slots; s++) {
      if (Atomics.load(this.ints, this.word(s, OWNER)) !== owner) continue;
      const state = this.word(s, STATE);
      for (;;) {
        const now = Atomics.load(this.ints, state);
        if (now === SERVING) {
          if (Atomics.compareExchange(this.ints, state, SERVING, ORPHAN) === SERVING) break;
        } else if (now === ORPHAN) {
          break;
        } else if (Atomics.compareExchange(this.ints, state, now, IDLE) === now) {
          Atomics.compareExchange(this.ints, this.word(s, OWNER), owner, 0);
          break;
        }
      }
    }
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

// ───────────────────────────── the pool owner's side ─────────────────────────────

export interface SegmentServiceOptions {
  /** Slots: at least the pool's threads; spares cover threads replaced before their slot is released. */
  slots: number;
  /** Piece size in UTF-16 units (tests use a small one to exercise splitting). */
  slotChars?: number;
  /** Serve this buffer (its slots may already hold requests) instead of a new one. */
  layout?: ServiceLayout;
}

/** The service thread and its buffer, owned by whoever owns the pool (runBatch, createWorkerPool). */
export class SegmentService {
  private worker: Worker | null;
  private exited: Promise<void>;

  private constructor(readonly layout: ServiceLayout, file: string) {
    this.worker = new Worker(new URL(file), {
      workerData: { segmentService: layout.buffer },
      // Its heap holds one text and its tokens at a time; the dictionary is native memory.
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 3 },
      stdout: false,
      stderr: false,
    });
    // It never keeps the process alive: a host that forgets close() still exits.
    this.worker.unref();
    this.exited = new Promise((resolve) => {
      // An error (the dictionary failed to load, out of memory) ends the thread too: the workers
      // fall back to their own jieba, nothing is thrown at the host.
      this.worker!.on("error", () => undefined);
      this.worker!.once("exit", () => {
        layout.markGone();
        this.worker = null;
        resolve();
      });
    });
  }

  /** Starts the service thread (it loads the dictionary at once); null when dist/ is not built (running from src/). */
  static start(options: SegmentServiceOptions): SegmentService | null {
    const file = new URL("./service-thread.js", import.meta.url);
    if (!existsSync(fileURLToPath(file))) return null;
    return new SegmentService(options.layout ?? ServiceLayout.create(options.slots, options.slotChars ?? DEFAULT_SLOT_CHARS), file.href);
  }

  /** What the pool's workers get in workerData. */
  get buffer(): SharedArrayBuffer {
    return this.layout.buffer;
  }

  get running(): boolean {
    return this.worker !== null;
  }

  /** A pool worker has exited: its slot is free again. */
  release(threadId: number): void {
    this.layout.release(threadId);
  }

  /** Ends the service thread at once (mid-cut too): the workers fall back to their own jieba. */
  async kill(): Promise<void> {
    await this.worker?.terminate();
    await this.exited;
  }

  /** Ends the service thread once the pool is done with it. */
  async close(): Promise<void> {
    this.layout.requestStop();
    await this.kill();
  }
}

// ───────────────────────────── the pool worker's side ─────────────────────────────

/** Characters after which jieba always ends a token (it never joins them to what follows). */
const PIECE_ENDS = new Set([..."\n 。！？；，、：\u3000"].map((c) => c.charCodeAt(0)));

/** `text` in pieces of at most `max` units, each ending after a PIECE_ENDS character; null if it has none where needed. */
export function splitIntoPieces(text: string, max: number): string[] | null {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let end = -1;
    for (let i = start + max; i > start; i--) {
      if (PIECE_ENDS.has(text.charCodeAt(i - 1))) {
        end = i;
        break;
      }
    }
    if (end < 0) return null;
    out.push(text.slice(start, end));
    start = end;
  }
  out.push(text.slice(start));
  return out;
}

/**
 * jieba's raw cuts through the service, with this thread's own jieba (built on first need) when
 * the service cannot answer. Both give the same tokens, so the pipeline's output does not depend
 * on which one answered.
 */
export class ServedCutter implements RsRawCutter {
  private readonly layout: ServiceLayout;
  private slot = -1;
  private text: Buffer | null = null;
  private lengths: Uint16Array | null = null;
  private down = false;
  private own: RsJieba | null = null;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly localJieba: () => RsJieba,
    private readonly answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS,
  ) {
    this.layout = new ServiceLayout(buffer);
  }

  /** False once this thread has given up on the service (it is gone, silent, or no slot was free). */
  get served(): boolean {
    return !this.down;
  }

  cut(text: string): string[] {
    return this.remote(OP_CUT, text) ?? this.local().cut(text, true);
  }

  /**
   * Search-mode tokens overlap, so token lengths cannot carry them: cut here. The pipeline does not
   * use search mode; this keeps the Segmenter interface whole.
   */
  cutForSearch(text: string): string[] {
    return this.local().cutForSearch(text, true);
  }

  private local(): RsJieba {
    this.own ??= this.localJieba();
    return this.own;
  }

  private remote(op: number, text: string): string[] | null {
    if (this.down) return null;
    const pieces = splitIntoPieces(text, this.layout.slotChars);
    if (!pieces) return null;
    if (pieces.length === 1) return this.ask(op, text);
    const out: string[] = [];
    for (const piece of pieces) {
      const tokens = this.ask(op, piece);
      if (!tokens) return null;
      for (const t of tokens) out.push(t);
    }
    return out;
  }

  private claim(): boolean {
    const { layout } = this;
    for (let s = 0; s < layout.slots; s++) {
      const owner = layout.word(s, OWNER);
      if (Atomics.load(layout.ints, owner) !== 0) continue;
      // A released slot is reset to IDLE before its owner is cleared, so a free slot is IDLE.
      if (Atomics.compareExchange(layout.ints, owner, 0, threadId || -1) === 0) {
        this.slot = s;
        this.text = layout.text(s);
        this.lengths = layout.lengths(s);
        return true;
      }
    }
    return false;
  }

  /** One piece through the service; null when it cannot answer (then this call is cut here). */
  private ask(op: number, piece: string): string[] | null {
    const { layout } = this;
    if (layout.status() === GONE || (this.slot < 0 && !this.claim())) {
      this.down = true;
      return null;
    }
    const ints = layout.ints;
    const state = layout.word(this.slot, STATE);
    this.text!.write(piece, 0, "utf16le");
    Atomics.store(ints, layout.word(this.slot, OP), op);
    Atomics.store(ints, layout.word(this.slot, LENGTH), piece.length);
    Atomics.store(ints, state, REQUEST);
    layout.ring();
    const deadline = Date.now() + this.answerTimeoutMs;
    for (;;) {
      const now = Atomics.load(ints, state);
      if (now === RESPONSE) break;
      const left = deadline - Date.now();
      if (layout.status() === GONE || left <= 0) {
        // Gone or silent: this thread cuts alone from now on. Its slot is left as it is (the
        // service may still answer into it); the pool owner frees it when this thread exits.
        this.down = true;
        return null;
      }
      Atomics.wait(ints, state, now, Math.min(left, 1000));
    }
    const count = Atomics.load(ints, layout.word(this.slot, RESULT));
    Atomics.store(ints, state, IDLE);
    if (count < 0) return null;
    const lengths = this.lengths!;
    const tokens = new Array<string>(count);
    let pos = 0;
    for (let i = 0; i < count; i++) {
      const end = pos + lengths[i]!;
      tokens[i] = piece.slice(pos, end);
      pos = end;
    }
    return tokens;
  }
}

/** In a pool worker: cut through the service whose buffer came in workerData, if any. */
export function servedCutterFrom(workerData: unknown, localJieba: () => RsJieba): ServedCutter | null {
  const buffer = (workerData as { segmentService?: unknown } | null | undefined)?.segmentService;
  return ServiceLayout.valid(buffer) ? new ServedCutter(buffer, localJieba) : null;
}

/**
 * A pool worker's one line: when the pool passed a service in workerData (`{ segmentService:
 * service.buffer }`), this thread's `rs` segmenter cuts through it. True when it does.
 */
export function useServedSegmenter(workerData: unknown): boolean {
  const served = servedCutterFrom(workerData, createRsJieba);
  if (served) useRsCutter(served);
  return served !== null;
}
