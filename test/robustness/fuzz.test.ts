/**
 * Fuzz: truncated, bit-flipped and random files under every supported
 * extension, and random Unicode text, through the built CLI with two worker
 * threads. The process must not crash or hang, and every input must get
 * exactly one result line: ok, or an error with a code of the spec.
 *
 *   FUZZ_CASES=2000 FUZZ_SEED=12345 npx vitest run test/robustness/fuzz.test.ts
 *
 * The seed is printed; a failure reproduces with the same FUZZ_SEED.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/model/errors.js";
import { DEV, FIXTURES, parseJsonl, prng, runCli, tempDir } from "./helpers.js";

const CASES = Number(process.env["FUZZ_CASES"] ?? 60);
const SEED = Number(process.env["FUZZ_SEED"] ?? Math.floor(Math.random() * 2 ** 31));

/** A real file of each extension: the mutations start from valid structure, where parsers go deepest. */
const SAMPLES: Record<string, string> = {
  ".docx": join(DEV, "analysis-check-gbt9704-complete.docx"),
  ".pdf": join(DEV, "work-summary-annual-complete.pdf"),
  ".doc": join(DEV, "analysis-check-gbt9704-complete.doc"),
  ".txt": join(FIXTURES, "gbk-encoded.txt"),
  ".md": join(FIXTURES, "markdown-report.md"),
  ".html": join(FIXTURES, "html-report.html"),
};
const EXTENSIONS = Object.keys(SAMPLES);

type Rand = () => number;
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);

/** Random code points from every plane that text readers meet: ASCII, CJK, controls, surrogates' neighbours, emoji, BOMs. */
function randomUnicode(rand: Rand, length: number): string {
  const ranges: Array<[number, number]> = [
    [0x00, 0x7f],
    [0x4e00, 0x9fff],
    [0x3000, 0x303f],
    [0xff00, 0xffef],
    [0x80, 0x24f],
    [0x1f300, 0x1faff],
    [0xe000, 0xf8ff],
    [0xfeff, 0xfeff],
    [0xfffd, 0xffff],
    [0x2028, 0x202e],
  ];
  let s = "";
  for (let i = 0; i < length; i++) {
    const [a, b] = ranges[int(rand, ranges.length)]!;
    s += String.fromCodePoint(a + int(rand, b - a + 1));
  }
  return s;
}

function makeCase(rand: Rand, k: number): { name: string; data: Buffer; kind: string } {
  const ext = EXTENSIONS[int(rand, EXTENSIONS.length)]!;
  const sample = readFileSync(SAMPLES[ext]!);
  const kinds = [".txt", ".md", ".html"].includes(ext) ? ["truncated", "bit-flipped", "random-bytes", "random-unicode"] : ["truncated", "bit-flipped", "random-bytes"];
  const kind = kinds[int(rand, kinds.length)]!;
  let data: Buffer;
  if (kind === "truncated") data = sample.subarray(0, int(rand, sample.length));
  else if (kind === "bit-flipped") {
    data = Buffer.from(sample);
    const flips = 1 + int(rand, 64);
    for (let i = 0; i < flips; i++) {
      const at = int(rand, data.length);
      data[at] = data[at]! ^ (1 << int(rand, 8));
    }
  } else if (kind === "random-bytes") {
    data = Buffer.alloc(int(rand, 64 * 1024));
    for (let i = 0; i < data.length; i++) data[i] = int(rand, 256);
    // Half of them carry the format's magic bytes, so the reader gets past the first check.
    const magic = { ".docx": "PK\x03\x04", ".pdf": "%PDF-1.7\n", ".doc": "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" }[ext as ".docx" | ".pdf" | ".doc"];
    if (magic && rand() < 0.5) Buffer.from(magic, "latin1").copy(data);
  } else data = Buffer.from(randomUnicode(rand, int(rand, 20_000)), "utf8");
  return { name: `case-${String(k).padStart(5, "0")}-${kind}${ext}`, data, kind };
}

let dir: string | null = null;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("fuzzed inputs", () => {
  it(`gives every one of ${CASES} mutated files a result line with ok or a spec error code (seed ${SEED})`, { timeout: Math.max(60_000, CASES * 1_500) }, async () => {
    console.log(`fuzz: FUZZ_SEED=${SEED} FUZZ_CASES=${CASES}`);
    dir = tempDir("rc-fuzz-");
    const rand = prng(SEED);
    const names: string[] = [];
    for (let k = 0; k < CASES; k++) {
      const c = makeCase(rand, k);
      writeFileSync(join(dir, c.name), c.data);
      names.push(c.name);
    }
    // A short time limit keeps a worst case bounded; TOO_LARGE is then a valid answer.
    const r = await runCli(["analyze", ".", "--concurrency", "2", "--timeout", "20", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
    expect(r.stderr, `seed ${SEED}`).toBe("");
    expect(r.code, `seed ${SEED}: ${r.stderr}`).toBe(0);
    const lines = parseJsonl(r.stdout);
    expect(lines.map((l) => l["source"]["path"]), `seed ${SEED}`).toEqual([...names].sort());
    for (const l of lines) {
      if (l["status"] === "ok") continue;
      expect(l["status"], `${l["source"]["path"]} (seed ${SEED})`).toBe("error");
      expect(ERROR_CODES, `${l["source"]["path"]} (seed ${SEED})`).toContain(l["error"]["code"]);
      expect(l["error"]["message"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
