// One measured configuration of the benchmark, in its own process so that its
// start-up, memory and JIT state are its own. Prints one JSON line.
//   node scripts/bench/run.mjs pipeline|baseline FILELIST.json [concurrency]
//
// pipeline: the batch runner (`runBatch`, worker threads when concurrency > 1)
//   over the list AS GIVEN — the same file may appear many times (`analyze()`
//   would de-duplicate repeated paths; the batch runner does not).
// baseline: the floor — bare text extraction by the same libraries (mammoth
//   extractRawText, pdf-parse getText, a UTF-8 decode) plus ONE jieba cut by
//   the default backend (@node-rs/jieba, HMM on as in the pipeline), nothing else.
//
// Peak RSS is `process.resourceUsage().maxRSS`: the whole process, worker threads included.
import { readdirSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { createRequire } from "node:module";

const [mode, listFile, concurrencyArg] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, "utf8"));
const concurrency = Number(concurrencyArg ?? 1);
const started = performance.now();
let docs = 0;
const status = {};
const textBytes = {};

// CPU seconds of this process's threads: this thread, the `concurrency` busiest others (the worker
// threads, which do nearly all the work), and the rest (V8's background compiler and GC threads, libuv).
function threadCpu() {
  try {
    const rows = readdirSync("/proc/self/task").map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return { tid: Number(tid), seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
    });
    const main = rows.find((r) => r.tid === process.pid)?.seconds ?? 0;
    const others = rows.filter((r) => r.tid !== process.pid).sort((a, b) => b.seconds - a.seconds);
    const workers = concurrency > 1 ? others.slice(0, concurrency) : [];
    const rest = others.slice(workers.length);
    return { main, workers: workers.map((r) => r.seconds), background: rest.reduce((n, r) => n + r.seconds, 0) };
  } catch {
    return null;
  }
}
let threads = null;

if (mode === "pipeline") {
  const { runBatch } = await import("../../dist/index.js");
  const entries = files.map((f) => ({ path: f, displayPath: f }));
  let expect = 0;
  // trimHeap: as the CLI runs it (it owns its process).
  for await (const r of runBatch(entries, { concurrency, trimHeap: true })) {
    // Results must come back one per input, in input order.
    if (r.source.path !== files[expect]) throw new Error(`result ${expect} is for ${r.source.path}, expected ${files[expect]}`);
    expect++;
    // Before the pool is destroyed: the CPU of each thread still alive (Linux only).
    if (expect === files.length) threads = threadCpu();
    docs++;
    const key = r.status === "ok" ? "ok" : r.error?.code ?? "error";
    status[key] = (status[key] ?? 0) + 1;
  }
} else {
  const require = createRequire(import.meta.url);
  const { Jieba } = require("@node-rs/jieba");
  const { dict } = require("@node-rs/jieba/dict");
  const jieba = Jieba.withDict(dict);
  let mammoth = null;
  let PDFParse = null;
  for (const f of files) {
    const buffer = readFileSync(f);
    let text = "";
    const ext = extname(f).toLowerCase();
    if (ext === ".docx") {
      mammoth ??= (await import("mammoth")).default;
      text = (await mammoth.extractRawText({ buffer })).value;
    } else if (ext === ".pdf") {
      PDFParse ??= (await import("pdf-parse")).PDFParse;
      const parser = new PDFParse({ data: new Uint8Array(buffer) });
      try {
        text = (await parser.getText()).text;
      } finally {
        await parser.destroy();
      }
    } else text = buffer.toString("utf8");
    jieba.cut(text, true);
    textBytes[f] = Buffer.byteLength(text, "utf8");
    docs++;
    status.ok = (status.ok ?? 0) + 1;
  }
}
const seconds = (performance.now() - started) / 1000;
const ru = process.resourceUsage();
console.log(
  JSON.stringify({
    mode,
    concurrency,
    docs,
    seconds,
    cpuSeconds: (ru.userCPUTime + ru.systemCPUTime) / 1e6,
    status,
    textBytes,
    maxRssMB: ru.maxRSS / 1024,
    threads,
  }),
);
