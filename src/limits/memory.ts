/**
 * A document's memory budget, enforced by the pipeline itself, below the
 * worker thread's V8 heap limit.
 *
 * Why not just V8's limit: when a worker thread reaches its
 * `resourceLimits.maxOldGenerationSizeMb`, Node asks V8 to terminate the
 * thread and grants it 16 MB more to get there. Termination takes effect only
 * at the next interrupt check; a builtin that allocates in one go
 * (`String.prototype.replace` over a 14 MB string, a long `push` loop, a big
 * `split`) does not check, overruns the grace and V8 calls
 * `FatalProcessOutOfMemory`, which aborts the WHOLE process (exit 134,
 * "FATAL ERROR: Reached heap limit", nodejs/node#47224). Under load
 * collection falls behind the allocation and it happens more often: one
 * document then killed the batch and every result not yet written. So the
 * V8 limit stays only as a backstop, with headroom (`hardHeapLimitMb`), and
 * the budget is checked where it is cheap and deterministic:
 *
 * 1. before the text-driven stages: the pipeline's live heap grows with the
 *    text (measured: ~83 bytes of heap per character of normalized text at
 *    the end of the checklist stage, 569 MB for 6.86 M characters), so a text
 *    whose estimate exceeds the budget is refused before it is normalized;
 * 2. between stages and in the readers' page loops: the heap in use is
 *    compared with the budget.
 *
 * Either way the document becomes TOO_LARGE (memory) and the batch goes on.
 */
import { getHeapStatistics } from "node:v8";
import { ReportCheckError } from "../model/errors.js";

/** Heap bytes per character of text, with margin over the measured ~83. */
export const HEAP_BYTES_PER_CHAR = 100;

const MB = 1024 * 1024;

/**
 * The V8 limit given to a worker whose budget is `budgetMb`: half as much
 * again (at least 128 MB more), so the budget checks stop a document long
 * before V8 has to.
 */
export function hardHeapLimitMb(budgetMb: number): number {
  return budgetMb + Math.max(128, Math.ceil(budgetMb / 2));
}

function usedHeapBytes(): number {
  return getHeapStatistics().used_heap_size;
}

function overBudget(detail: string): ReportCheckError {
  return new ReportCheckError("TOO_LARGE", detail, "TOO_LARGE_MEMORY");
}

/** Throws TOO_LARGE (memory) when the heap in use exceeds the budget. No budget: no check. */
export function checkHeap(budgetMb: number | undefined, where: string): void {
  if (!budgetMb) return;
  const used = usedHeapBytes();
  if (used > budgetMb * MB) throw overBudget(`heap ${Math.round(used / MB)} MB > ${budgetMb} MB (${where})`);
}

/** Throws TOO_LARGE (memory) when a text of `chars` characters would not fit in the budget. */
export function checkTextFits(budgetMb: number | undefined, chars: number): void {
  if (!budgetMb) return;
  const need = usedHeapBytes() + chars * HEAP_BYTES_PER_CHAR;
  if (need > budgetMb * MB) throw overBudget(`${chars} characters need ~${Math.round(need / MB)} MB > ${budgetMb} MB`);
}
