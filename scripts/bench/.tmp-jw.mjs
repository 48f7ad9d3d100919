import { Worker, isMainThread, parentPort } from "node:worker_threads";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
function bench(tag) {
  const t0 = performance.now();
  const mod = require("@node-rs/jieba"); const d = require("@node-rs/jieba/dict");
  const t1 = performance.now();
  const j = mod.Jieba.withDict(d.dict); const t2 = performance.now();
  const tf = mod.TfIdf.withDict(d.idf); const t3 = performance.now();
  const text = readFileSync("corpora/dev/work-summary-annual-complete.txt", "utf8");
  for (let i = 0; i < 20; i++) tf.extractKeywords(j, text, 60); const t4 = performance.now();
  for (let i = 0; i < 20; i++) j.cut(text, true); const t5 = performance.now();
  return `${tag}: require ${(t1-t0).toFixed(0)} withDict ${(t2-t1).toFixed(0)} tfidf ${(t3-t2).toFixed(0)} kw/20 ${(t4-t3).toFixed(0)} cut/20 ${(t5-t4).toFixed(0)}`;
}
if (isMainThread) {
  console.log(bench("main"));
  const w = new Worker(new URL(import.meta.url));
  w.on("message", (m) => { console.log(m); w.terminate(); });
} else parentPort.postMessage(bench("worker"));
