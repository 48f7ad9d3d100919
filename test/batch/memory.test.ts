import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { checkHeap, checkTextFits, hardHeapLimitMb, HEAP_BYTES_PER_CHAR } from "../../src/limits/memory.js";
import { analyzeBuffer } from "../../src/pipeline.js";
import { ReportCheckError } from "../../src/model/errors.js";

const MB = 1024 * 1024;
const usedMb = (): number => getHeapStatistics().used_heap_size / MB;

function thrown(f: () => void): ReportCheckError | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof ReportCheckError ? e : null;
  }
}

describe("the memory budget below the worker's V8 limit", () => {
  it("puts V8's hard limit well above the budget, so the budget is reached first", () => {
    for (const budget of [128, 512, 1024, 4096]) {
      expect(hardHeapLimitMb(budget) - budget).toBeGreaterThanOrEqual(Math.max(128, budget / 2));
    }
  });

  it("refuses a text whose estimated heap exceeds the budget, as TOO_LARGE (memory)", () => {
    const budget = Math.ceil(usedMb()) + 10;
    const e = thrown(() => checkTextFits(budget, Math.ceil((20 * MB) / HEAP_BYTES_PER_CHAR)));
    expect(e?.code).toBe("TOO_LARGE");
    expect(e?.variant).toBe("TOO_LARGE_MEMORY");
    expect(thrown(() => checkTextFits(budget + 100, 10_000))).toBeNull();
    expect(thrown(() => checkTextFits(undefined, 1e9))).toBeNull();
  });

  it("stops when the heap in use is over the budget", () => {
    const e = thrown(() => checkHeap(Math.floor(usedMb() / 2), "segment"));
    expect(e?.variant).toBe("TOO_LARGE_MEMORY");
    expect(thrown(() => checkHeap(Math.ceil(usedMb()) + 200, "segment"))).toBeNull();
  });

  it("makes the pipeline return a TOO_LARGE result, not throw, for a text over the budget", async () => {
    const text = "一、存在的问题\n学习不够深入，调查研究不够。\n".repeat(40_000);
    const r = await analyzeBuffer(Buffer.from(text), "big.txt", { memoryBudgetMb: Math.ceil(usedMb()) + 20 });
    expect(r.status).toBe("error");
    expect(r.error?.code).toBe("TOO_LARGE");
    expect(r.error?.message).toContain("内存");
  });
});
