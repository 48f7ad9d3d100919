// The loader-thread half of load-log.mjs: every ES module's URL, as it is loaded.
import { appendFileSync } from "node:fs";

let out = "";
export function initialize(data) {
  out = data.out;
}
export async function load(url, context, next) {
  appendFileSync(out, JSON.stringify({ kind: "esm", what: url }) + "\n");
  return next(url, context);
}
