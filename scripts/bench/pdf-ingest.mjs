// Times the PDF reader alone (warm: second pass over the files). Prints {msTotal}.
import { readFileSync } from "node:fs";
import { ingest } from "../../dist/ingest/index.js";

const files = JSON.parse(readFileSync(process.argv[2], "utf8"));
const buffers = files.map((f) => [f, readFileSync(f)]);
for (const [name, buffer] of buffers) await ingest({ name, buffer });
const t = performance.now();
for (let k = 0; k < 5; k++) for (const [name, buffer] of buffers) await ingest({ name, buffer });
console.log(JSON.stringify({ msTotal: (performance.now() - t) / 5 }));
