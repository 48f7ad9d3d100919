/**
 * jieba's IDF table (the 270 000-word `idf.txt` of @node-rs/jieba) in a form a
 * worker can open in milliseconds and keep in 3 MB.
 *
 * Why not @node-rs/jieba's `TfIdf`: building its Rust hash map cost 120–270 ms
 * of every process's and every worker's start-up and 22 MB of native memory per
 * thread, and its `extractKeywords` cut the whole text a second time (8 % of a
 * batch's CPU). A JavaScript `Map` of the same table took longer still to build
 * (~275 ms). So the build (`scripts/copy-assets.mjs`) sorts the table once and
 * writes it as flat arrays; a lookup is a binary search over UTF-16 code units,
 * which is how JavaScript orders strings, so no decoding is needed.
 *
 * Layout, little-endian: u32 magic · u32 count · f64 median · u32 values ·
 * u32 (padding) · f64 value[values] · u16 valueOf[count] (+ padding to 4) ·
 * u32 start[count + 1] · u16 chars[] (the words, concatenated in sorted order).
 * The table has only ~3 300 distinct IDF values, so each word stores a 2-byte
 * index into them: 3.0 MB instead of 4.7 MB, exact values kept.
 */
import { existsSync, readFileSync } from "node:fs";

const MAGIC = 0x32464449; // "IDF2"
const HEADER_BYTES = 24;

export interface IdfTable {
  /** Number of distinct words. */
  readonly size: number;
  /** The IDF jieba gives words missing from the table (its median, as jieba-rs computes it). */
  readonly median: number;
  /** The largest IDF any word can get (table values and the median): bounds a word's weight before lookup. */
  readonly max: number;
  /** The word's IDF, or undefined when the table does not have it. */
  lookup(word: string): number | undefined;
}

/**
 * Parses jieba's `idf.txt` ("word idf" a line) the way jieba-rs does: a repeated
 * word keeps its last value, and the median is taken over every parsed line
 * (the value at descending rank ⌊n/2⌋).
 */
export function parseIdfText(text: string): { entries: Array<[string, number]>; median: number } {
  const byWord = new Map<string, number>();
  const values: number[] = [];
  for (const line of text.split("\n")) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || !parts[0]) continue;
    const idf = Number(parts[1]);
    if (!Number.isFinite(idf)) continue;
    byWord.set(parts[0], idf);
    values.push(idf);
  }
  if (values.length === 0) throw new Error("IDF table is empty");
  values.sort((a, b) => b - a);
  const entries = [...byWord].sort((a, b) => compareCodeUnits(a[0], b[0]));
  return { entries, median: values[Math.floor(values.length / 2)]! };
}

/** JavaScript's own string order (UTF-16 code units), as a comparator: the order lookups search in. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Serialises sorted entries into the binary layout above. */
export function encodeIdfTable(entries: Array<[string, number]>, median: number): Buffer {
  const count = entries.length;
  const values = [...new Set(entries.map((e) => e[1]))];
  if (values.length > 0xffff) throw new Error("too many distinct IDF values for 16-bit indices");
  const valueIndex = new Map(values.map((v, i) => [v, i]));
  let chars = 0;
  for (const [w] of entries) chars += w.length;
  const valuesAt = HEADER_BYTES;
  const valueOfAt = valuesAt + 8 * values.length;
  const startAt = align4(valueOfAt + 2 * count);
  const charsAt = startAt + 4 * (count + 1);
  const buf = Buffer.alloc(charsAt + 2 * chars);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(count, 4);
  buf.writeDoubleLE(median, 8);
  buf.writeUInt32LE(values.length, 16);
  values.forEach((v, i) => buf.writeDoubleLE(v, valuesAt + 8 * i));
  let pos = 0;
  entries.forEach(([word, idf], i) => {
    buf.writeUInt16LE(valueIndex.get(idf)!, valueOfAt + 2 * i);
    buf.writeUInt32LE(pos, startAt + 4 * i);
    for (let k = 0; k < word.length; k++) buf.writeUInt16LE(word.charCodeAt(k), charsAt + 2 * (pos + k));
    pos += word.length;
  });
  buf.writeUInt32LE(pos, startAt + 4 * count);
  return buf;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Opens a serialised table without copying it (views over the one buffer). */
export function decodeIdfTable(data: Uint8Array): IdfTable {
  // Typed-array views need aligned offsets: copy only if the buffer does not start on an 8-byte boundary.
  const bytes = data.byteOffset % 8 === 0 ? data : new Uint8Array(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC) throw new Error("not an IDF table");
  const count = view.getUint32(4, true);
  const median = view.getFloat64(8, true);
  const valueCount = view.getUint32(16, true);
  const values = new Float64Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, valueCount);
  const valueOf = new Uint16Array(bytes.buffer, values.byteOffset + 8 * valueCount, count);
  const start = new Uint32Array(bytes.buffer, bytes.byteOffset + align4(HEADER_BYTES + 8 * valueCount + 2 * count), count + 1);
  const charCount = start[count]!;
  const chars = new Uint16Array(bytes.buffer, start.byteOffset + 4 * (count + 1), charCount);

  /** Compares `word` with entry i in code-unit order: < 0 when word sorts first. */
  const compare = (word: string, i: number): number => {
    const from = start[i]!;
    const len = start[i + 1]! - from;
    const n = Math.min(word.length, len);
    for (let k = 0; k < n; k++) {
      const d = word.charCodeAt(k) - chars[from + k]!;
      if (d !== 0) return d;
    }
    return word.length - len;
  };
  let max = median;
  for (const v of values) if (v > max) max = v;
  return {
    size: count,
    median,
    max,
    lookup(word) {
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = compare(word, mid);
        if (c === 0) return values[valueOf[mid]!];
        if (c < 0) hi = mid - 1;
        else lo = mid + 1;
      }
      return undefined;
    },
  };
}

let cached: IdfTable | null = null;

/**
 * The process-wide table: the prebuilt file when the build wrote one, else
 * parsed from `idf.txt` (running from src/, as the tests do: ~0.3 s once).
 */
export function loadIdfTable(prebuiltPath: string, readSource: () => string): IdfTable {
  if (!cached) {
    if (existsSync(prebuiltPath)) cached = decodeIdfTable(readFileSync(prebuiltPath));
    else {
      const { entries, median } = parseIdfText(readSource());
      cached = decodeIdfTable(encodeIdfTable(entries, median));
    }
  }
  return cached;
}
