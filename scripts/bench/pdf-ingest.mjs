// Times the PDF reader alone: warm (a first pass loads pdf.js), then the best
// of 5 passes over the files. Prints {msPerDoc, coldMs}.
import { readFileSync } from "node:fs";
import { ingest } from "../../dist/ingest/index.js";

const files = JSON.parse(readFileSync(process.argv[2], "utf8"));
const buffers = files.map((f) => [f, readFileSync(f)]);
const t0 = performance.now();
for (const [name, buffer] of buffers) {
  const r = await ingest({ name, buffer });
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
}
const coldMs = performance.now() - t0;
const passes = [];
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  for (const [name, buffer] of buffers) await ingest({ name, buffer });
  passes.push((performance.now() - t) / buffers.length);
}
console.log(JSON.stringify({ msPerDoc: Math.min(...passes), coldMs }));
