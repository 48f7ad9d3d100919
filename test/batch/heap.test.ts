import { getHeapSpaceStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { trimHeap } from "../../src/batch/heap.js";

const MB = 1024 * 1024;
function oldGenerationUsed(): number {
  let bytes = 0;
  for (const s of getHeapSpaceStatistics()) if (!s.space_name.startsWith("new_")) bytes += s.space_used_size;
  return bytes;
}

describe("trimHeap", () => {
  it("collects old-generation garbage once the old generation has grown past its allowance", async () => {
    // ~120 MB of objects that live long enough to be promoted, then are dropped.
    let keep: string[][] | null = [];
    for (let i = 0; i < 60; i++) {
      keep.push(Array.from({ length: 20_000 }, (_, k) => `${i}-${k}-${"x".repeat(40)}`));
      if (i % 10 === 0) await new Promise((r) => setImmediate(r)); // let scavenges promote them
    }
    expect(keep.length).toBe(60);
    keep = null;
    const before = oldGenerationUsed();
    expect(before).toBeGreaterThan(64 * MB);
    trimHeap();
    const after = oldGenerationUsed();
    expect(after).toBeLessThan(before - 50 * MB);
  });
});
