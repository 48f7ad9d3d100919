#!/usr/bin/env node
// Entry point of the `report-check` command; the work is in cli/main.ts.
import { main } from "./cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 2;
  },
);
