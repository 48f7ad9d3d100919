/**
 * The segmentation thread (see service.ts): holds the pool's one jieba and
 * cuts for every worker. It sleeps in `Atomics.wait` on the doorbell, serves
 * each slot marked REQUEST, and answers with token lengths. No event loop is
 * needed; the owner ends it with a stop flag or by terminating it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { workerData } from "node:worker_threads";
import { createRsJieba, type RsJieba } from "./segmenter.js";
import { GONE, IDLE, OP_CUT, ORPHAN, READY, REQUEST, RESPONSE, SERVING, ServiceLayout } from "./service.js";

const buffer = (workerData as { segmentService?: unknown } | null)?.segmentService;
if (!ServiceLayout.valid(buffer)) throw new Error("segmentation thread started without its buffer");
const layout = new ServiceLayout(buffer);

// Slot word offsets, as service.ts lays them out.
const STATE = 0;
const OWNER = 1;
const OP = 2;
const LENGTH = 3;
const RESULT = 4;

let jieba: RsJieba;
try {
  jieba = createRsJieba();
} catch (e) {
  // Nobody will answer: the workers fall back to their own jieba (which reports the error itself).
  layout.markGone();
  throw e;
}
layout.setStatus(READY);
// The dictionary file's 5 MB Buffer is garbage once jieba has built its own structures, but this
// heap allocates so little that V8 would hold it for the thread's whole life: collect it now.
collectOnce();

function collectOnce(): void {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    if (typeof gc === "function") (gc as () => void)();
  } catch {
    // Only memory is at stake.
  }
}

const ints = layout.ints;
const texts = Array.from({ length: layout.slots }, (_, s) => layout.text(s));
const lengths = Array.from({ length: layout.slots }, (_, s) => layout.lengths(s));

/**
 * Cuts slot `s`'s text and writes the token lengths; -1 when the tokens do not
 * spell the text exactly (then the worker cuts it itself, so nothing differs).
 */
function cut(s: number): number {
  const length = Atomics.load(ints, layout.word(s, LENGTH));
  if (length < 0 || length > layout.slotChars) return -1;
  const text = texts[s]!.toString("utf16le", 0, 2 * length);
  // OP_CUT is the only operation (search-mode tokens overlap and cannot travel as lengths).
  if (Atomics.load(ints, layout.word(s, OP)) !== OP_CUT) return -1;
  const tokens = jieba.cut(text, true);
  if (tokens.length > layout.slotChars) return -1;
  const out = lengths[s]!;
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!text.startsWith(t, pos)) return -1;
    out[i] = t.length;
    pos += t.length;
  }
  return pos === text.length ? tokens.length : -1;
}

function serve(s: number): void {
  let result = -1;
  try {
    result = cut(s);
  } catch {
    result = -1;
  }
  Atomics.store(ints, layout.word(s, RESULT), result);
  const state = layout.word(s, STATE);
  if (Atomics.compareExchange(ints, state, SERVING, RESPONSE) === ORPHAN) {
    // Its worker was terminated meanwhile and the owner asked us to free the slot.
    Atomics.store(ints, state, IDLE);
    Atomics.store(ints, layout.word(s, OWNER), 0);
  }
  Atomics.notify(ints, state);
}

try {
  while (!layout.stopRequested()) {
    const bell = layout.doorbell();
    let served = false;
    for (let s = 0; s < layout.slots; s++) {
      if (Atomics.compareExchange(ints, layout.word(s, STATE), REQUEST, SERVING) === REQUEST) {
        serve(s);
        served = true;
      }
    }
    if (!served) layout.waitForBell(bell);
  }
} finally {
  layout.setStatus(GONE);
  layout.markGone();
}
