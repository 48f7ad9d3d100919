/**
 * Character error rate between a reference and a hypothesis text:
 * Levenshtein distance / reference length, whitespace ignored (the corpus TXT
 * and the assembled blocks differ in line breaks and tabs, not in content).
 */
export function stripWhitespace(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Edit distance over UTF-16 code units, O(n·m) time and O(m) memory. */
export function editDistance(a: string, b: string): number {
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
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** CER of `hypothesis` against `reference`, whitespace ignored; 0 for two empty texts. */
export function cer(reference: string, hypothesis: string): number {
  const r = stripWhitespace(reference);
  const h = stripWhitespace(hypothesis);
  if (!r.length) return h.length ? 1 : 0;
  return editDistance(r, h) / r.length;
}
