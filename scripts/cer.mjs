#!/usr/bin/env node
// Prints, per document of corpora/dev (or a folder given as argument), the character
// error rate of each rendering (DOCX, PDF, DOC) against the document's .txt, both
// normalized by the tool (whitespace ignored, simplified characters).
// Run after a build: node scripts/cer.mjs [DIR]
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { analyzeBuffer } from "../dist/index.js";
import { editDistance } from "./lib/edit-distance.mjs";

const dir = process.argv[2] ?? "corpora/dev";
const strip = (s) => s.replace(/\s+/g, "");

async function normalizedText(path) {
  const r = await analyzeBuffer(readFileSync(path), path, { includeText: true, restoreSpin: "off" });
  return r.status === "ok" ? strip(r.text.content ?? "") : null;
}

const rows = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith(".gold.json")).sort()) {
  const base = f.slice(0, -".gold.json".length);
  const gold = JSON.parse(readFileSync(join(dir, f), "utf8"));
  if (gold.expectError || !existsSync(join(dir, base + ".txt"))) continue;
  const ref = await normalizedText(join(dir, base + ".txt"));
  for (const ext of ["docx", "pdf", "doc"]) {
    const p = join(dir, `${base}.${ext}`);
    if (!existsSync(p)) continue;
    const hyp = await normalizedText(p);
    const cer = hyp == null || ref == null ? 1 : editDistance(hyp, ref) / Math.max(1, ref.length);
    rows.push({ file: `${base}.${ext}`, cer });
  }
}
let worst = 0;
for (const r of rows) {
  worst = Math.max(worst, r.cer);
  console.log(`${(r.cer * 100).toFixed(2).padStart(6)} %  ${r.file}`);
}
console.log(`${rows.length} renderings, worst CER ${(worst * 100).toFixed(2)} %`);
