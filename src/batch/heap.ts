/**
 * Keeps a long batch's heap near its live size.
 *
 * The pipeline does not leak: after a full collection the heap holds the same
 * ~24 MB after 50 documents as after 1 000. But V8 collects the old generation
 * lazily and raises its limit as it goes, so without help a thread's heap
 * drifts from ~60 MB to ~120 MB over a thousand documents, and with two worker
 * threads the process's peak RSS grows by ~12 MB every 100 documents. A full
 * collection between documents whenever the old generation in use has doubled
 * (by at least 32 MB) since the last one costs ~5 ms every few dozen documents
 * and holds the heap flat.
 *
 * The collector is reached the way Jest's --logHeapUsage reaches it: the
 * `--expose-gc` flag set at run time exposes `gc` in new contexts only, so one
 * is created to fetch it. If that is ever refused, nothing is trimmed.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Growth allowed after a collection: as much as the old generation then holds, at least this much. */
const MIN_GROWTH_BYTES = 32 * 1024 * 1024;

let collect: (() => void) | null | undefined;
let allowance = 48 * 1024 * 1024;

/**
 * Bytes of the heap outside the young generation. The young generation is
 * bounded by V8 and emptied by every scavenge; the old one is what drifts.
 */
function oldGenerationBytes(): number {
  let bytes = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith("new_")) bytes += space.space_used_size;
  return bytes;
}

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Collects this thread's heap if its old generation has doubled since the last collection here. */
export function trimHeap(): void {
  if (oldGenerationBytes() <= allowance) return;
  const gc = collector();
  if (!gc) return;
  gc();
  const old = oldGenerationBytes();
  allowance = old + Math.max(MIN_GROWTH_BYTES, old);
}
