/**
 * The flattened IDF table and the JavaScript TF-IDF must give exactly what
 * @node-rs/jieba's native `TfIdf` gave (it is used here as the reference, on
 * the real idf.txt and real reports), minus its arbitrary order of ties.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { decodeIdfTable, encodeIdfTable, parseIdfText } from "../../src/segment/idf.js";
import { getSegmenter, rsIdfText, mergeRsDict, splitProtected, stopWords, tfidfKeywords, usableKeyword } from "../../src/segment/segmenter.js";

const require = createRequire(import.meta.url);
const DEV = new URL("../../corpora/dev/", import.meta.url);
const { entries, median } = parseIdfText(rsIdfText());
const table = decodeIdfTable(encodeIdfTable(entries, median));

describe("IDF table", () => {
  it("finds every word of jieba's idf.txt with its exact value", () => {
    expect(table.size).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(250_000);
    for (let i = 0; i < entries.length; i += 13) expect(table.lookup(entries[i]![0]), entries[i]![0]).toBe(entries[i]![1]);
    expect(table.lookup(entries[0]![0])).toBe(entries[0]![1]);
    expect(table.lookup(entries[entries.length - 1]![0])).toBe(entries[entries.length - 1]![1]);
  });

  it("does not find prefixes, extensions or strangers", () => {
    expect(table.lookup("科学发展")).toBeUndefined();
    expect(table.lookup("劳动防护用品商店的")).toBeUndefined();
    expect(table.lookup("")).toBeUndefined();
    expect(table.lookup("𠀀𠀁")).toBeUndefined();
    expect(table.lookup("zzzzzzzz")).toBeUndefined();
  });

  it("takes jieba-rs's median: the value at descending rank ⌊n/2⌋ of all lines", () => {
    const t = parseIdfText("a 1\nb 5\nc 3\nd 2\n\nbad line\ne x\n");
    expect(t.median).toBe(2); // descending 5 3 2 1: pop the 2 largest, the next is the median
    expect(t.entries.map((e) => e[0])).toEqual(["a", "b", "c", "d"]);
  });

  it("opens a table whose buffer is not 8-byte aligned", () => {
    const small = encodeIdfTable([["乙", 2], ["甲", 1.5]], 1.75);
    const shifted = new Uint8Array(small.length + 3).subarray(3);
    shifted.set(small);
    const t = decodeIdfTable(shifted);
    expect(t.lookup("甲")).toBe(1.5);
    expect(t.lookup("乙")).toBe(2);
    expect(t.median).toBe(1.75);
  });
});

interface NativeTfIdf {
  setConfig(c: { minKeywordLength?: number; useHmm?: boolean }): void;
  extractKeywords(jieba: unknown, text: string, topK: number): Array<{ keyword: string; weight: number }>;
}
interface NativeJieba {
  cut(text: string, hmm: boolean): string[];
}

describe("TF-IDF keywords against @node-rs/jieba's native TfIdf", () => {
  const mod = require("@node-rs/jieba") as { Jieba: { withDict(d: Uint8Array): NativeJieba }; TfIdf: { withDict(d: Uint8Array): NativeTfIdf } };
  const jieba = mod.Jieba.withDict(mergeRsDict());
  const native = mod.TfIdf.withDict(Buffer.from(rsIdfText()));
  native.setConfig({ minKeywordLength: 2, useHmm: true });
  const stops = stopWords();

  const blanked = (text: string) => splitProtected(text).map((p) => (p.protect ? " ".repeat(p.text.length) : p.text)).join("");

  for (const name of ["analysis-check-gbt9704-complete.txt", "000_1da3db3453a4fc7f.txt", "rectification-table-owners-complete.txt"]) {
    it(`gives the same words, weights and ranking on ${name}`, () => {
      const text = blanked(readFileSync(new URL(name, DEV), "utf8"));
      const ours = tfidfKeywords(jieba.cut(text, true), table, 30, stops);
      const theirs = native
        .extractKeywords(jieba, text, 400)
        .filter((k) => usableKeyword(k.keyword, stops))
        .slice(0, 30)
        .map((k) => ({ word: k.keyword, weight: Math.round(k.weight * 1000) / 1000 }));
      expect(ours).toHaveLength(30);
      expect(ours.map((k) => k.weight)).toEqual(theirs.map((k) => k.weight));
      const theirWeight = new Map(theirs.map((k) => [k.word, k.weight]));
      // A word at the cut-off may be swapped for one of equal weight; every other word must match.
      const cutoff = ours[ours.length - 1]!.weight;
      for (const k of ours) if (k.weight !== cutoff) expect(theirWeight.get(k.word), k.word).toBe(k.weight);
    });
  }

  it("breaks ties by the word, so a text always gives the same list", () => {
    const tokens = ["甲乙", "丙丁", "甲乙", "丙丁", "戊己"];
    const flat = decodeIdfTable(encodeIdfTable([["丙丁", 2], ["戊己", 3], ["甲乙", 2]], 2));
    expect(tfidfKeywords(tokens, flat, 3, new Set()).map((k) => k.word)).toEqual(["丙丁", "甲乙", "戊己"]);
    expect(tfidfKeywords([...tokens].reverse(), flat, 3, new Set()).map((k) => k.word)).toEqual(["丙丁", "甲乙", "戊己"]);
  });

  it("ranks exactly as scoring every word would, although it stops looking words up early", () => {
    // Random documents over a random table: the early stop must never change the list.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const vocab = Array.from({ length: 400 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}${i % 3 ? "语" : ""}`);
    const entries = vocab.filter((_, i) => i % 5).map((w) => [w, 2 + rand(1200) / 100] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const t = decodeIdfTable(encodeIdfTable(entries, 7.5));
    for (let doc = 0; doc < 40; doc++) {
      const tokens = Array.from({ length: 50 + rand(2000) }, () => vocab[Math.min(rand(400), rand(400))]!);
      const counts = new Map<string, number>();
      for (const w of tokens) counts.set(w, (counts.get(w) ?? 0) + 1);
      const all = [...counts]
        .map(([word, c]) => ({ word, weight: (c * (t.lookup(word) ?? t.median)) / tokens.length }))
        .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1))
        .slice(0, 20)
        .map((k) => ({ word: k.word, weight: Math.round(k.weight * 1000) / 1000 }));
      expect(tfidfKeywords(tokens, t, 20, new Set())).toEqual(all);
    }
  });

  it("is what the rs segmenter returns", () => {
    const text = readFileSync(new URL("analysis-check-gbt9704-complete.txt", DEV), "utf8");
    expect(getSegmenter("rs").extractKeywords(text, 20)).toEqual(tfidfKeywords(jieba.cut(blanked(text), true), table, 20, stops));
  });
});
