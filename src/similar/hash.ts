/**
 * 32-bit hashing for fingerprints: FNV-1a over UTF-16 code units, then
 * murmur3's finaliser (fmix32) to spread FNV's weak low bits, and a seeded
 * re-mix for the MinHash family.
 *
 * Why hand-written: no hashing package is installed (xxhash, murmurhash …)
 * and dependencies are frozen; node:crypto (md5/sha1) costs ~1 µs per call,
 * which is ~50× too slow for hashing every character shingle of 10,000
 * documents. These functions are a few lines, deterministic on every
 * platform (Math.imul, unsigned shifts), and collisions only cost a spurious
 * candidate pair that exact alignment then rejects.
 */

/** murmur3 fmix32: avalanche a 32-bit value. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of `s[start, end)` (UTF-16 code units), finalised with fmix32. Never 0 (0 marks "no hash"). */
export function hashString(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const out = fmix32(h);
  return out === 0 ? 1 : out;
}

/** The k-th member of the MinHash family applied to a base hash. */
export function rehash(x: number, seed: number): number {
  return fmix32((x ^ seed) + Math.imul(seed, 0x9e3779b1));
}

/** Combines two 32-bit values into one (band keys). */
export function combine(h: number, x: number): number {
  return fmix32(Math.imul(h ^ x, 0x01000193) + 0x9e3779b9);
}

/** Seeds of the MinHash family: fixed, so fingerprints from any process or cache compare. */
export function minhashSeeds(n: number): Uint32Array {
  const seeds = new Uint32Array(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x = fmix32(x + 0x6d2b79f5);
    seeds[i] = x;
  }
  return seeds;
}

/** Uint32Array ⇄ base64 (fingerprints travel through structured clone, JSON cache files and JSONL). */
export function u32ToBase64(a: Uint32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
}

export function base64ToU32(s: string): Uint32Array {
  const b = Buffer.from(s, "base64");
  // Copy into an aligned buffer: Buffer.from may hand out a pooled, unaligned slice.
  const out = new Uint32Array(b.byteLength >>> 2);
  new Uint8Array(out.buffer).set(b.subarray(0, out.byteLength));
  return out;
}
