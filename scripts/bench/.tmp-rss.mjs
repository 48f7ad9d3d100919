import { readdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
const { runBatch } = await import("../../dist/index.js");
const corpus = "corpora/dev";
const exts = (process.env.EXTS ?? "docx,pdf,txt").split(",");
const bases = readdirSync(corpus).filter(f=>f.endsWith(".gold.json")).filter(f=>!JSON.parse(readFileSync(join(corpus,f),"utf8")).expectError).map(f=>f.slice(0,-10));
const files = bases.flatMap(b=>exts.map(e=>join(corpus,`${b}.${e}`)).filter(existsSync));
const N = Number(process.env.N ?? 400);
const list = Array.from({length: N}, (_, i) => ({ path: files[i % files.length], displayPath: files[i % files.length] }));
let n = 0; const t = performance.now();
for await (const r of runBatch(list, { concurrency: Number(process.env.C ?? 2) })) { if (++n % 100 === 0) console.log(n, "rss", (process.memoryUsage().rss/1e6).toFixed(0), "maxrss", (process.resourceUsage().maxRSS/1024).toFixed(0), "s", ((performance.now()-t)/1000).toFixed(1)); }
