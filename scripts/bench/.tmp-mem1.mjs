import { readdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
const { analyzeFile } = await import("../../dist/pipeline.js");
const corpus = "corpora/dev";
const exts = (process.env.EXTS ?? "docx,pdf,txt").split(",");
const bases = readdirSync(corpus).filter(f=>f.endsWith(".gold.json")).filter(f=>!JSON.parse(readFileSync(join(corpus,f),"utf8")).expectError).map(f=>f.slice(0,-10));
const files = bases.flatMap(b=>exts.map(e=>join(corpus,`${b}.${e}`)).filter(existsSync));
const m = (tag) => { const u = process.memoryUsage(); console.log(tag, "rss", (u.rss/1e6).toFixed(0), "heapTotal", (u.heapTotal/1e6).toFixed(0), "heapUsed", (u.heapUsed/1e6).toFixed(0), "external", (u.external/1e6).toFixed(0), "ab", (u.arrayBuffers/1e6).toFixed(0)); };
m("start");
for (let i = 0; i < Number(process.env.N ?? 200); i++) { await analyzeFile(files[i % files.length]); if ((i+1) % 50 === 0) m(String(i+1)); }
globalThis.gc?.(); m("after gc");
