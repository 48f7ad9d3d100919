#!/usr/bin/env node
// Segmentation benchmark (runs on dist/: `npm run build` first).
//   node scripts/bench-segment.mjs [--corpus corpora/dev] [--mb 4]
// For each jieba backend, in its own child process (so load time and memory are
// not shared): dictionary load time, cut throughput (MB/s of UTF-8 text),
// keyword extraction time per document, sentence splitting throughput, RSS.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = fileURLToPath(new URL("..", import.meta.url));
const corpusDir = opt("--corpus", join(root, "corpora/dev"));
const targetMb = Number(opt("--mb", "4"));
const backend = opt("--backend", null);

function corpusTexts() {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(corpusDir, f), "utf8"));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function runOne(name) {
  const seg = await import(pathToFileURL(join(root, "dist/segment/index.js")).href);
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  const s = seg.getSegmenter(name);
  s.cut("预热");
  const loadMs = performance.now() - t;

  const docs = corpusTexts();
  const one = docs.join("\n");
  const oneBytes = Buffer.byteLength(one);
  const reps = Math.max(1, Math.round((targetMb * 1e6) / oneBytes));
  let tokens = 0;
  t = performance.now();
  for (let i = 0; i < reps; i++) tokens += s.cut(one).length;
  const cutMs = performance.now() - t;

  t = performance.now();
  s.extractKeywords(docs[0], 20); // first call loads the IDF table
  const idfLoadMs = performance.now() - t;
  const kwTimes = docs.map((d) => {
    const t0 = performance.now();
    s.extractKeywords(d, 20);
    return performance.now() - t0;
  });

  t = performance.now();
  for (let i = 0; i < reps; i++) seg.splitSentences(one);
  const sentMs = performance.now() - t;

  return {
    backend: name,
    dictLoadMs: Math.round(loadMs),
    idfLoadMs: Math.round(idfLoadMs),
    cutMBps: +((oneBytes * reps) / 1e6 / (cutMs / 1000)).toFixed(1),
    tokensPerSec: Math.round(tokens / (cutMs / 1000)),
    keywordsMsPerDoc: +median(kwTimes).toFixed(1),
    sentencesMBps: +((oneBytes * reps) / 1e6 / (sentMs / 1000)).toFixed(1),
    rssMB: Math.round(process.memoryUsage().rss / 1e6),
    rssGrowthMB: Math.round((process.memoryUsage().rss - rss0) / 1e6),
    textMB: +((oneBytes * reps) / 1e6).toFixed(2),
    docs: docs.length,
  };
}

if (backend) {
  try {
    console.log(JSON.stringify(await runOne(backend)));
  } catch (e) {
    console.log(JSON.stringify({ backend, error: e instanceof Error ? e.message : String(e) }));
  }
} else {
  const rows = [];
  for (const name of ["rs", "nodejieba"]) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--backend", name, "--corpus", corpusDir, "--mb", String(targetMb)], { encoding: "utf8" });
    const line = (r.stdout || "").trim().split("\n").pop();
    try {
      rows.push(JSON.parse(line));
    } catch {
      rows.push({ backend: name, error: (r.stderr || "no output").slice(0, 300) });
    }
  }
  console.table(rows);
}
