import { Piscina } from "piscina";
import { readdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
const corpus = "/work/main/corpora/dev";
const exts = (process.env.EXTS ?? "docx,pdf,txt").split(",");
const bases = readdirSync(corpus).filter(f=>f.endsWith(".gold.json")).filter(f=>!JSON.parse(readFileSync(join(corpus,f),"utf8")).expectError).map(f=>f.slice(0,-10));
const files = bases.flatMap(b=>exts.map(e=>join(corpus,`${b}.${e}`)).filter(existsSync));
const list = Array.from({length: Number(process.env.N ?? 74)}, (_, i) => files[i % files.length]);
const pool = new Piscina({ filename: new URL("file:///work/main/dist/batch/worker.js").href, maxThreads: 2, minThreads: 0, idleTimeout: 1000 });
let created = 0; pool.on("workerCreate", () => created++);
const t = performance.now();
let i = 0; const times = [];
async function lane() { while (i < list.length) { const f = list[i++]; const t0 = performance.now(); const r = await pool.run({ path: f, displayPath: f, options: {} }, { signal: new AbortController().signal }); times.push([f.split(".").pop(), performance.now() - t0, r.elapsedMs]); } }
await Promise.all([lane(), lane()]);
console.log("wall", (performance.now() - t).toFixed(0), "created", created, "cpu", (process.cpuUsage().user/1e3).toFixed(0));
const by = {}; for (const [e, w, el] of times) { by[e] ??= [0, 0, 0]; by[e][0]++; by[e][1] += w; by[e][2] += el; }
for (const e in by) console.log(e, "n", by[e][0], "wall/doc", (by[e][1]/by[e][0]).toFixed(1), "elapsedMs/doc", (by[e][2]/by[e][0]).toFixed(1));
await pool.destroy();
