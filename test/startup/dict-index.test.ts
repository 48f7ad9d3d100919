import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DictIndex, encodeDictIndex, growingJieba, parseJiebaDict } from "../../src/segment/dict-index.js";
import { DICT_INDEX_FILE, mergeRsDict } from "../../src/segment/segmenter.js";

interface Cutter {
  cut(s: string, hmm?: boolean): string[];
  cutForSearch(s: string, hmm?: boolean): string[];
}
const { Jieba } = createRequire(import.meta.url)("@node-rs/jieba") as { Jieba: { withDict(d: Uint8Array): Cutter } };

const merged = mergeRsDict();
const entries = parseJiebaDict(merged.toString("utf8"));
const index = DictIndex.decode(encodeDictIndex(entries));
const full = Jieba.withDict(merged);

/** Every .txt report of the three gold corpora: real genre text, headings, tables flattened, numbers. */
function corpusTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const c of ["dev", "holdout", "web"]) {
    const dir = new URL(`../../corpora/${c}/`, import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) out.push([`${c}/${name}`, readFileSync(new URL(name, dir), "utf8")]);
  }
  return out;
}
const texts = corpusTexts();

describe("jieba's dictionary as a word index (dist/segment/jieba-dict.idx)", () => {
  it("is, as built, byte for byte what the code computes from the merged dictionary now", () => {
    const built = new URL(`../../dist/segment/${DICT_INDEX_FILE}`, import.meta.url);
    // global-setup builds dist/ before the tests, so the artefact is there to be checked.
    expect(existsSync(built)).toBe(true);
    expect(readFileSync(built).equals(encodeDictIndex(entries))).toBe(true);
  });

  it("parses a dictionary as jieba-rs does: last frequency wins, a missing one is 0, the total is over distinct words", () => {
    const d = parseJiebaDict("整改 100 v\n落实 30\n整改 7 n\n清单\n\n  空格\u3000 5 n\n");
    expect(d.words).toEqual(["整改", "清单", "空格", "落实"].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(Object.fromEntries(d.words.map((w, i) => [w, d.freqs[i]]))).toEqual({ 整改: 7, 落实: 30, 清单: 0, 空格: 5 });
    expect(d.total).toBe(42);
    expect(() => parseJiebaDict("整改 12x v\n")).toThrow(/not an integer/);
  });

  it("holds every distinct word of the merged dictionary with its final frequency", () => {
    expect(index.size).toBe(entries.words.length);
    expect(index.size).toBeGreaterThan(340_000);
    for (const id of [0, 1, 12345, 200_000, index.size - 1]) {
      expect(index.word(id)).toBe(entries.words[id]);
      expect(index.frequency(id)).toBe(entries.freqs[id]);
    }
  });

  it("finds exactly the dictionary words that occur in a text, as a plain substring scan does", () => {
    const byWord = new Map(entries.words.map((w, i) => [w, i]));
    let longest = 0;
    for (const w of entries.words) longest = Math.max(longest, w.length);
    for (const [, text] of texts.slice(0, 6)) {
      const naive = new Set<number>();
      for (let i = 0; i < text.length; i++) {
        for (let l = 1; l <= longest && i + l <= text.length; l++) {
          const id = byWord.get(text.slice(i, i + l));
          if (id !== undefined) naive.add(id);
        }
      }
      const found = new Set<number>();
      index.collect(text, found);
      expect([...found].sort((a, b) => a - b)).toEqual([...naive].sort((a, b) => a - b));
    }
  });

  it("scans what jieba receives: words next to emoji, Latin, full-width forms and a lone surrogate (sent to Rust as U+FFFD)", () => {
    const text = "整改落实😀民主生活会\ud800对照检查ＡＢＣ批评和自我批评abc形式主义";
    const found = new Set<number>();
    index.collect(text, found);
    const words = new Set([...found].map((id) => index.word(id)));
    for (const w of ["整改落实", "民主生活会", "对照检查", "批评和自我批评", "形式主义", "生活"]) expect(words).toContain(w);
    const ids = new Set<number>();
    index.collect(text, ids);
    const scoped = Jieba.withDict(index.subDictionary(ids));
    expect(scoped.cut(text, true)).toEqual(full.cut(text, true));
    expect(scoped.cutForSearch(text, true)).toEqual(full.cutForSearch(text, true));
  });
});

describe("a jieba built from only the words of the text", () => {
  it("cuts every corpus report exactly as the full dictionary does (precise and search mode)", () => {
    expect(texts.length).toBeGreaterThan(20);
    for (const [name, text] of texts) {
      const ids = new Set<number>();
      index.collect(text, ids);
      const scoped = Jieba.withDict(index.subDictionary(ids));
      expect(scoped.cut(text, true), name).toEqual(full.cut(text, true));
      expect(scoped.cutForSearch(text, true), name).toEqual(full.cutForSearch(text, true));
    }
  });

  it("needs the filler entry that keeps jieba's total: without it the routes change", () => {
    let differing = 0;
    for (const [, text] of texts) {
      const ids = new Set<number>();
      index.collect(text, ids);
      const noFiller = Buffer.from(
        [...ids].map((id) => `${index.word(id)} ${index.frequency(id)}`).join("\n"),
      );
      if (JSON.stringify(Jieba.withDict(noFiller).cut(text, true)) !== JSON.stringify(full.cut(text, true))) differing++;
    }
    expect(differing).toBeGreaterThan(texts.length / 2);
  });

  it("grows over several texts, then loads the whole dictionary, with the same cuts throughout", () => {
    let fullLoads = 0;
    const jieba = growingJieba(
      (d) => Jieba.withDict(d),
      index,
      () => {
        fullLoads++;
        return merged;
      },
      3000,
    );
    const modes: string[] = [];
    for (const [name, text] of texts.slice(0, 8)) {
      // Headings and short phrases arrive between whole texts (the role classifier), with words of their own.
      for (const s of [text, "缘由剖析不够深入", text.slice(0, 40)]) {
        expect(jieba.cut(s, true), name).toEqual(full.cut(s, true));
        expect(jieba.cutForSearch(s, true), name).toEqual(full.cutForSearch(s, true));
      }
      modes.push(jieba.mode);
    }
    expect(modes[0]).toBe("scoped");
    expect(modes.at(-1)).toBe("full");
    expect(fullLoads).toBe(1);
  });
});
