#!/usr/bin/env node
// npm run score: analyse corpora/dev with the built CLI and score it with the shared scorer.
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";

const scorer = process.env.SCORER ?? "../shared/eval/score.mjs";
const gold = process.argv[2] ?? "corpora/dev";
if (!existsSync(scorer)) {
  console.error(`scorer not found at ${scorer} (set SCORER=path/to/score.mjs)`);
  process.exit(2);
}
const out = execFileSync(process.execPath, ["dist/cli.js", "analyze", gold, "--format", "jsonl", "--quiet", "--fail-on", "never"], { encoding: "utf8", maxBuffer: 1 << 28 });
writeFileSync("/tmp/report-check-score.jsonl", out);
process.stdout.write(execFileSync(process.execPath, [scorer, "--gold", gold, "--pred", "/tmp/report-check-score.jsonl", ...process.argv.slice(3)], { encoding: "utf8" }));
