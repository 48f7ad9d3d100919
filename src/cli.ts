#!/usr/bin/env node
// Entry point of the `report-check` command; the work is in cli/main.ts.
import { main } from "./cli/main.js";

// A reader that stops early (`report-check checklist list | head`) closes the pipe: what is left
// for stdout has nowhere to go, but the run goes on — files under --out are still written whole.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 2;
  },
);
