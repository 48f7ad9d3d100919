/**
 * Copy detection across a batch (and reference documents): which documents
 * share passages with which, and how much of each document lies in them.
 *
 * Runs in the coordinating thread after every result is in, over the
 * fingerprints the workers computed (fingerprint.ts), so a cached result joins
 * exactly as a fresh one does; pairs are recomputed for every batch.
 *
 * 1. Common clauses. A clause hash found in many documents of the batch and
 *    the references (document frequency ≥ max(5, 2 % of the documents)), or
 *    one of the genre's stock phrases (common.ts), is COMMON: it may continue
 *    a shared passage but never start one by itself. “以习近平新时代中国特色社会
 *    主义思想为指导”, “现将有关情况报告如下” are not copying.
 * 2. Candidates. Every window signature is cut into bands; documents whose
 *    windows agree on a whole band share a bucket (MinHash LSH). Documents
 *    sharing two consecutive clauses (not both common) share a bucket too:
 *    that finds short passages moved around among other text, which no
 *    window holds whole. Buckets holding more documents than a cap are
 *    furniture every report has and are skipped. Pairs of two reference
 *    documents are never compared. This is the only super-linear step, and
 *    it is bounded by the caps.
 * 3. Alignment, for candidate pairs only: equal clause hashes are joined
 *    (merge of the two hash-sorted clause lists), matches are chained along
 *    diagonals (a following match at most GAP clauses further on in both
 *    documents, so one edited clause — a changed unit name — does not cut a
 *    passage), and each chain is a passage with a span in both documents.
 *    A passage counts when it holds ≥ 20 characters of rare matched clauses
 *    in ≥ 2 clauses (or one rare clause of ≥ 30), or is a long run of common
 *    ones (≥ 4 clauses, ≥ 60 characters: a whole copied template paragraph).
 *    Passages are made one-to-one, longest first.
 * 4. Containment of A in B = folded characters of A inside passages shared
 *    with B ÷ folded characters of A. Asymmetric on purpose: a short report
 *    that copied half of a long one has a high share, the long one a low one.
 * 5. sameDocument: identical bytes; or both containments ≥ 0.9 with the same
 *    figures (digit-preserving clause hashes agree) and the same title or the
 *    same file stem in the same folder — the DOCX, PDF and TXT of one report.
 *    Last year's report with the dates changed differs in its figures, so it
 *    is a copy, not a rendering.
 */
import { dirname, basename, extname } from "node:path";
import type { Fingerprint, SimilarEntry, Span } from "../model/document.js";
import { base64ToU32, combine } from "./hash.js";
import { BAND_ROWS, CLAUSE_FIELDS, MINHASH_SIZE } from "./fingerprint.js";
import { commonClauseHashes } from "./common.js";

export { computeFingerprint, FINGERPRINT_VERSION } from "./fingerprint.js";
export type { Fingerprint, SimilarEntry, SimilarPassage } from "../model/document.js";

/** A document as the similarity step sees it. */
export interface SimilarityDoc {
  path: string;
  title: string | null;
  sha256: string;
  fingerprint: Fingerprint;
  /** A reference document: indexed and compared against, never reported. */
  reference?: boolean;
}

export interface SimilarityOptions {
  /** Entries kept per document, highest containment first. Default 50. */
  maxPerDocument?: number;
  /** LSH buckets with more documents than this are skipped as furniture. Default 300. */
  bucketCap?: number;
  /** Told how many candidate pairs were aligned and how many shared a passage (benchmark). */
  onStats?: (stats: { candidates: number; aligned: number }) => void;
}

export const DEFAULT_COPY_THRESHOLD = 0.3;
const GAP = 3;
const DF_MIN = 5;
const DF_SHARE = 0.02;
const MIN_RARE = 20;
const MIN_RARE_SINGLE = 30;
const MIN_COMMON_RUN_CLAUSES = 4;
const MIN_COMMON_RUN_CHARS = 60;
const SAME_DOC_CONTAINMENT = 0.9;
/** Clause-bigram buckets larger than this are a template half the batch shares, left to the window route. */
const BIGRAM_CAP = 60;

interface Decoded {
  n: number;
  chars: number;
  hash: Uint32Array;
  exact: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  len: Uint32Array;
  /** Indexes of clauses with a hash, sorted by hash. */
  order: Uint32Array;
  windows: Uint32Array;
}

function decode(fp: Fingerprint): Decoded {
  const raw = base64ToU32(fp.clauses);
  const n = Math.floor(raw.length / CLAUSE_FIELDS);
  const d: Decoded = {
    n,
    chars: fp.chars,
    hash: new Uint32Array(n),
    exact: new Uint32Array(n),
    start: new Uint32Array(n),
    end: new Uint32Array(n),
    len: new Uint32Array(n),
    order: new Uint32Array(0),
    windows: base64ToU32(fp.windows),
  };
  let hashed = 0;
  for (let i = 0; i < n; i++) {
    const o = i * CLAUSE_FIELDS;
    d.hash[i] = raw[o]!;
    d.exact[i] = raw[o + 1]!;
    d.start[i] = raw[o + 2]!;
    d.end[i] = raw[o + 3]!;
    d.len[i] = raw[o + 4]!;
    if (raw[o]! !== 0) hashed++;
  }
  const order = new Uint32Array(hashed);
  let k = 0;
  for (let i = 0; i < n; i++) if (d.hash[i] !== 0) order[k++] = i;
  // Sort by hash (then position) through a packed Float64 key: hash·2^21 + index stays exact below 2^53.
  if (n < 1 << 21) {
    const keys = new Float64Array(hashed);
    for (let q = 0; q < hashed; q++) keys[q] = d.hash[order[q]!]! * 2097152 + order[q]!;
    keys.sort();
    for (let q = 0; q < hashed; q++) order[q] = keys[q]! % 2097152;
  } else order.sort((a, b) => d.hash[a]! - d.hash[b]! || a - b);
  d.order = order;
  return d;
}

/** Clause hashes that are too common in this collection to start a passage. */
function commonHashes(docs: Decoded[]): Set<number> {
  let total = 0;
  for (const d of docs) total += d.order.length;
  const all = new Uint32Array(total);
  let k = 0;
  for (const d of docs) {
    let prev = -1;
    // `order` is hash-sorted: count each hash once per document.
    for (let q = 0; q < d.order.length; q++) {
      const h = d.hash[d.order[q]!]!;
      if (h !== prev) all[k++] = h;
      prev = h;
    }
  }
  const used = all.subarray(0, k).sort();
  const limit = Math.max(DF_MIN, Math.ceil(DF_SHARE * docs.length));
  const common = commonClauseHashes();
  for (let i = 0; i < used.length; ) {
    let j = i + 1;
    while (j < used.length && used[j] === used[i]) j++;
    if (j - i >= limit) common.add(used[i]!);
    i = j;
  }
  return common;
}

/** Emits the pairs of each run of equal keys (key·DOC_BITS + doc, sorted) with at most `cap` documents. */
function bucketPairs(keys: Float64Array, count: number, docBits: number, cap: number, isRef: boolean[], N: number, pairs: Set<number>): void {
  const members: number[] = [];
  for (let i = 0; i < count; ) {
    const bucket = Math.floor(keys[i]! / docBits);
    members.length = 0;
    let j = i;
    for (; j < count && Math.floor(keys[j]! / docBits) === bucket; j++) {
      const doc = keys[j]! % docBits;
      if (members[members.length - 1] !== doc) members.push(doc);
    }
    i = j;
    if (members.length < 2 || members.length > cap) continue;
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const x = members[a]!;
        const y = members[b]!;
        if (isRef[x] && isRef[y]) continue;
        pairs.add(x * N + y);
      }
    }
  }
}

/**
 * Candidate pairs (a < b), two ways:
 * - MinHash LSH: documents whose window signatures agree on a whole band (edited copies: a
 *   window keeps most of its shingles when names and words inside clauses change);
 * - clause bigrams: documents sharing two consecutive clauses that are not both common
 *   (short passages reordered among other text, where no whole window is shared).
 */
function candidatePairs(docs: Decoded[], isRef: boolean[], common: Set<number>, bucketCap: number): Float64Array {
  const bands = Math.floor(MINHASH_SIZE / BAND_ROWS);
  const N = docs.length;
  const docBits = 2 ** Math.max(1, Math.ceil(Math.log2(N + 1)));
  const pairs = new Set<number>();

  let total = 0;
  for (const d of docs) total += (d.windows.length / MINHASH_SIZE) * bands;
  let keys = new Float64Array(total);
  let k = 0;
  docs.forEach((d, doc) => {
    const w = d.windows.length / MINHASH_SIZE;
    for (let x = 0; x < w; x++) {
      const o = x * MINHASH_SIZE;
      for (let b = 0; b < bands; b++) {
        let h = b + 1;
        for (let r = 0; r < BAND_ROWS; r++) h = combine(h, d.windows[o + b * BAND_ROWS + r]!);
        keys[k++] = h * docBits + doc;
      }
    }
  });
  keys.sort();
  bucketPairs(keys, k, docBits, bucketCap, isRef, N, pairs);

  total = 0;
  for (const d of docs) total += d.n;
  keys = new Float64Array(total);
  k = 0;
  docs.forEach((d, doc) => {
    let prev = 0;
    for (let i = 0; i < d.n; i++) {
      const h = d.hash[i]!;
      if (h === 0) continue;
      if (prev !== 0 && !(common.has(prev) && common.has(h))) keys[k++] = combine(combine(0xb16, prev), h) * docBits + doc;
      prev = h;
    }
  });
  const used = keys.subarray(0, k).sort();
  bucketPairs(used, k, docBits, BIGRAM_CAP, isRef, N, pairs);
  return Float64Array.from(pairs).sort();
}

interface Chain {
  i0: number;
  j0: number;
  i1: number;
  j1: number;
  matched: number;
  rare: number;
  count: number;
  mismatches: number;
}

interface PairAlignment {
  /** Clause ranges [i0, i1] in A and [j0, j1] in B, in A's order. */
  passages: Chain[];
  coveredA: number;
  coveredB: number;
  matched: number;
  mismatches: number;
}

/** Exact clause alignment of two documents (see the header, step 3). */
function alignPair(A: Decoded, B: Decoded, common: Set<number>): PairAlignment | null {
  const mi: number[] = [];
  const mj: number[] = [];
  let pa = 0;
  let pb = 0;
  while (pa < A.order.length && pb < B.order.length) {
    const ha = A.hash[A.order[pa]!]!;
    const hb = B.hash[B.order[pb]!]!;
    if (ha < hb) pa++;
    else if (ha > hb) pb++;
    else {
      let pa2 = pa;
      while (pa2 < A.order.length && A.hash[A.order[pa2]!] === ha) pa2++;
      let pb2 = pb;
      while (pb2 < B.order.length && B.hash[B.order[pb2]!] === ha) pb2++;
      // A clause repeated many times on both sides is furniture; its matches say nothing.
      if ((pa2 - pa) * (pb2 - pb) <= 16) {
        for (let x = pa; x < pa2; x++) for (let y = pb; y < pb2; y++) (mi.push(A.order[x]!), mj.push(B.order[y]!));
      }
      pa = pa2;
      pb = pb2;
    }
  }
  if (mi.length === 0) return null;
  // Matches in (i, j) order through one packed key: i·2^21 + j stays exact in a double.
  const order = new Float64Array(mi.length);
  for (let q = 0; q < mi.length; q++) order[q] = mi[q]! * 2097152 + mj[q]!;
  order.sort();
  const done: Chain[] = [];
  let active: Chain[] = [];
  for (const key of order) {
    const i = Math.floor(key / 2097152);
    const j = key - i * 2097152;
    if (active.length && active.some((c) => c.i1 < i - GAP - 1)) {
      for (const c of active) if (c.i1 < i - GAP - 1) done.push(c);
      active = active.filter((c) => c.i1 >= i - GAP - 1);
    }
    let best: Chain | null = null;
    let bestCost = Infinity;
    for (const c of active) {
      if (c.i1 < i && c.j1 < j && j - c.j1 <= GAP + 1) {
        const cost = i - c.i1 + (j - c.j1);
        if (cost < bestCost) {
          best = c;
          bestCost = cost;
        }
      }
    }
    const len = A.len[i]!;
    const rare = common.has(A.hash[i]!) ? 0 : len;
    const mismatch = A.exact[i] !== B.exact[j] ? 1 : 0;
    if (best) {
      best.i1 = i;
      best.j1 = j;
      best.matched += len;
      best.rare += rare;
      best.count++;
      best.mismatches += mismatch;
    } else active.push({ i0: i, j0: j, i1: i, j1: j, matched: len, rare, count: 1, mismatches: mismatch });
  }
  done.push(...active);
  const kept = done
    .filter(
      (c) =>
        (c.rare >= MIN_RARE && c.count >= 2) || c.rare >= MIN_RARE_SINGLE || (c.count >= MIN_COMMON_RUN_CLAUSES && c.matched >= MIN_COMMON_RUN_CHARS),
    )
    .sort((x, y) => y.matched - x.matched || x.i0 - y.i0);
  const accepted: Chain[] = [];
  for (const c of kept) {
    if (accepted.some((a) => !(c.i1 < a.i0 || c.i0 > a.i1) || !(c.j1 < a.j0 || c.j0 > a.j1))) continue;
    accepted.push(c);
  }
  if (!accepted.length) return null;
  accepted.sort((x, y) => x.i0 - y.i0);
  let coveredA = 0;
  let coveredB = 0;
  let matched = 0;
  let mismatches = 0;
  for (const c of accepted) {
    for (let i = c.i0; i <= c.i1; i++) coveredA += A.len[i]!;
    for (let j = c.j0; j <= c.j1; j++) coveredB += B.len[j]!;
    matched += c.count;
    mismatches += c.mismatches;
  }
  return { passages: accepted, coveredA, coveredB, matched, mismatches };
}

function stemKey(path: string): string {
  return `${dirname(path)}\u0000${basename(path, extname(path))}`;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * For every document, the documents it shares passages with (entries sorted by
 * containment, highest first). Reference documents get an empty list: they are
 * not reported.
 */
export function findSimilar(docs: SimilarityDoc[], options: SimilarityOptions = {}): SimilarEntry[][] {
  const maxPer = options.maxPerDocument ?? 50;
  const bucketCap = options.bucketCap ?? 300;
  const decoded = docs.map((d) => decode(d.fingerprint));
  const isRef = docs.map((d) => !!d.reference);
  const common = commonHashes(decoded);
  const pairs = candidatePairs(decoded, isRef, common, bucketCap);
  const N = docs.length;
  const out: SimilarEntry[][] = docs.map(() => []);
  let aligned = 0;
  for (const key of pairs) {
    const a = Math.floor(key / N);
    const b = key % N;
    const A = decoded[a]!;
    const B = decoded[b]!;
    const al = alignPair(A, B, common);
    if (!al) continue;
    aligned++;
    const cA = A.chars ? al.coveredA / A.chars : 0;
    const cB = B.chars ? al.coveredB / B.chars : 0;
    const da = docs[a]!;
    const db = docs[b]!;
    // Renderings carry the same figures; one changed date makes last year's report a copy. Files
    // named alike in one folder may differ in a stray number a reader mis-took (a table cell).
    const sameName = stemKey(da.path) === stemKey(db.path);
    const sameTitle = !!da.title && da.title === db.title;
    const sameFigures = al.mismatches === 0 || (sameName && al.mismatches <= Math.max(2, 0.01 * al.matched));
    const sameDocument =
      (!!da.sha256 && da.sha256 === db.sha256) || (cA >= SAME_DOC_CONTAINMENT && cB >= SAME_DOC_CONTAINMENT && sameFigures && (sameName || sameTitle));
    const spansA: Span[] = al.passages.map((c) => [A.start[c.i0]!, A.end[c.i1]!]);
    const spansB: Span[] = al.passages.map((c) => [B.start[c.j0]!, B.end[c.j1]!]);
    if (!da.reference) {
      const e: SimilarEntry = {
        path: db.path,
        containment: round3(cA),
        sharedChars: al.coveredA,
        sameDocument,
        passages: spansA.map((s, k) => ({ span: s, otherSpan: spansB[k]! })),
      };
      if (db.reference) e.reference = true;
      out[a]!.push(e);
    }
    if (!db.reference) {
      const e: SimilarEntry = {
        path: da.path,
        containment: round3(cB),
        sharedChars: al.coveredB,
        sameDocument,
        passages: spansB.map((s, k) => ({ span: s, otherSpan: spansA[k]! })),
      };
      if (da.reference) e.reference = true;
      out[b]!.push(e);
    }
  }
  options.onStats?.({ candidates: pairs.length, aligned });
  for (const list of out) {
    list.sort((x, y) => y.containment - x.containment || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    if (list.length > maxPer) list.length = maxPer;
  }
  return out;
}
