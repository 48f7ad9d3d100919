// Plain JavaScript (no build step) so that both scripts/make-scans.mjs and the
// TypeScript robustness tests (test/robustness/helpers.ts) use the same PRNG.
// Types: prng.d.mts beside this file.

/** mulberry32: a tiny, fast seeded PRNG; the same seed gives the same sequence in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
