// One measured configuration of the benchmark, in its own process so that its
// peak RSS (worker threads included) is its own. Prints one JSON line.
//   node scripts/bench/run.mjs pipeline|baseline FILELIST.json [concurrency]
import { readFileSync } from "node:fs";
import { extname } from "node:path";

const [mode, listFile, concurrencyArg] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, "utf8"));
const started = performance.now();
let chars = 0;
let docs = 0;

if (mode === "pipeline") {
  const { analyze } = await import("../../dist/index.js");
  const concurrency = Number(concurrencyArg ?? 1);
  for await (const r of analyze(files, { concurrency })) {
    docs++;
    chars += r.text?.chars ?? 0;
  }
} else {
  // The floor: bare text extraction by the same libraries plus one jieba cut, nothing else.
  const { createRequire } = await import("node:module");
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
    jieba.cut(text, false);
    chars += text.length;
    docs++;
  }
}
const seconds = (performance.now() - started) / 1000;
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
console.log(JSON.stringify({ mode, concurrency: Number(concurrencyArg ?? 1), docs, seconds, chars, inputBytes: bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
