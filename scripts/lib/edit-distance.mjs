// Plain JavaScript (no build step) so that both scripts/cer.mjs, which runs with
// plain node on dist/, and the TypeScript test helpers (test/helpers/cer.ts) can
// import the same function. Types: edit-distance.d.mts beside this file.

/**
 * Levenshtein distance over UTF-16 code units, O(n·m) time and O(m) memory
 * (two rows: the texts compared here are ~10k characters).
 */
export function editDistance(a, b) {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const sub = prev[j - 1] + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
