#!/usr/bin/env node
// The copy-detection batch step on N synthetic documents of ~5,000 characters (npm run bench with
// BENCH_SIMILAR=1000,10000, or `node scripts/bench/similar.mjs N` alone). Runs on dist/.
//
// Documents are made by recombining corpus paragraphs, each paragraph re-lettered at random (a
// fifth of its Han characters replaced) so documents are distinct, as a batch of different units'
// reports is; one in ten is a copy of an earlier one (40–70 % of its paragraphs, plus its own).
// Fingerprints are computed first (in a real run the workers do that, in parallel, and the cache
// keeps them); the figure is the similarity step over all of them: time, and peak RSS of the process.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prng } from "../lib/prng.mjs";
import { paragraphs, readText } from "../lib/copies-eval.mjs";
import { computeFingerprint } from "../../dist/similar/fingerprint.js";
import { findSimilar } from "../../dist/similar/index.js";

const n = Number(process.argv[2] ?? 1000);
const rand = prng(20261203);
const pool = ["corpora/dev", "corpora/holdout", "corpora/web"].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => paragraphs(readText(join(d, f))))
    .filter((p) => p.length >= 60),
);
const reletter = (p) => p.replace(/[\u4e00-\u9fa5]/g, (c) => (rand() < 0.2 ? String.fromCharCode(0x4e00 + Math.floor(rand() * 0x51a5)) : c));

const t0 = performance.now();
const texts = [];
let copies = 0;
for (let i = 0; i < n; i++) {
  const paras = [];
  let len = 0;
  if (i > 10 && rand() < 0.1) {
    copies++;
    const src = texts[Math.floor(rand() * i)].split("\n");
    const keep = 0.4 + rand() * 0.3;
    for (const p of src) if (rand() < keep) (paras.push(p), (len += p.length));
  }
  while (len < 5000) {
    const p = reletter(pool[Math.floor(rand() * pool.length)]);
    paras.splice(Math.floor(rand() * (paras.length + 1)), 0, p);
    len += p.length;
  }
  texts.push(paras.join("\n"));
}
const t1 = performance.now();
const docs = texts.map((t, i) => ({ path: `doc-${i}.txt`, title: null, sha256: String(i), fingerprint: computeFingerprint(t) }));
const t2 = performance.now();
const chars = texts.reduce((a, t) => a + t.length, 0);
const fpBytes = docs.reduce((a, d) => a + d.fingerprint.clauses.length + d.fingerprint.windows.length, 0);
texts.length = 0;
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t3 = performance.now();
let pairStats = null;
const res = findSimilar(docs, { onStats: (x) => (pairStats = x) });
const t4 = performance.now();
const cpu = process.cpuUsage(cpu0);
const flagged = res.reduce((a, l) => a + l.filter((e) => !e.sameDocument && e.containment >= 0.3).length, 0);
const listed = res.reduce((a, l) => a + l.length, 0);
console.log(
  JSON.stringify({
    docs: n,
    meanChars: Math.round(chars / n),
    plantedCopies: copies,
    generateSeconds: (t1 - t0) / 1000,
    fingerprintMsPerDoc: (t2 - t1) / n,
    fingerprintKBPerDoc: fpBytes / n / 1024,
    similaritySeconds: (t4 - t3) / 1000,
    similarityCpuSeconds: (cpu.user + cpu.system) / 1e6,
    candidatePairs: pairStats.candidates,
    pairsSharingPassages: pairStats.aligned,
    entriesListed: listed,
    entriesOverThreshold: flagged,
    rssBeforeStepMB: rssBefore / 1e6,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
