// The edit distance is plain JS under scripts/lib/ so scripts/cer.mjs (plain node on dist/) shares it.
import { editDistance } from "../../scripts/lib/edit-distance.mjs";

export { editDistance };

/**
 * Character error rate between a reference and a hypothesis text:
 * Levenshtein distance / reference length, whitespace ignored (the corpus TXT
 * and the assembled blocks differ in line breaks and tabs, not in content).
 */
export function stripWhitespace(s: string): string {
  return s.replace(/\s+/g, "");
}

/** CER of `hypothesis` against `reference`, whitespace ignored; 0 for two empty texts. */
export function cer(reference: string, hypothesis: string): number {
  const r = stripWhitespace(reference);
  const h = stripWhitespace(hypothesis);
  if (!r.length) return h.length ? 1 : 0;
  return editDistance(r, h) / r.length;
}

/**
 * CER of a hypothesis that covers only part of the reference (one OCR'd page
 * against the whole document's text): the reference may be entered and left
 * anywhere for free (semi-global alignment), so only the edits inside the
 * matched stretch count, divided by the length of that stretch.
 */
export function cerWithin(reference: string, hypothesis: string): number {
  const ref = stripWhitespace(reference);
  const hyp = stripWhitespace(hypothesis);
  if (hyp.length === 0) return 1;
  // rows: hypothesis characters; columns: reference characters; row 0 is free everywhere
  let prev = new Uint32Array(ref.length + 1);
  let cur = new Uint32Array(ref.length + 1);
  let prevStart = new Int32Array(ref.length + 1).map((_, j) => j);
  let curStart = new Int32Array(ref.length + 1);
  for (let i = 1; i <= hyp.length; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const ch = hyp.charCodeAt(i - 1);
    for (let j = 1; j <= ref.length; j++) {
      const sub = prev[j - 1]! + (ch === ref.charCodeAt(j - 1) ? 0 : 1);
      const ins = prev[j]! + 1; // hypothesis character not in the reference
      const del = cur[j - 1]! + 1; // reference character missing from the hypothesis
      if (sub <= ins && sub <= del) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1]!;
      } else if (ins <= del) {
        cur[j] = ins;
        curStart[j] = prevStart[j]!;
      } else {
        cur[j] = del;
        curStart[j] = curStart[j - 1]!;
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best = 0;
  for (let j = 1; j <= ref.length; j++) if (prev[j]! < prev[best]!) best = j;
  const span = Math.max(1, best - prevStart[best]!);
  return prev[best]! / span;
}
