/**
 * A large batch: every file of the dev corpus (good and broken), repeated,
 * through the CLI with two worker threads. Exactly one result line per input
 * must come back — none lost, none duplicated — in sorted path order.
 *
 * `analyze()` de-duplicates repeated paths, so the copies are hard links in a
 * temp folder (rNNN/<name>). CI runs 12 repeats (~520 documents, 10–20 s);
 * ROBUST_FULL=1 runs the 500 repeats of the issue (~21 500 documents; about
 * 8 minutes on two idle cores). ROBUST_REPEAT=n picks any other count.
 */
import { linkSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/model/errors.js";
import { DEV, parseJsonl, runCli, tempDir } from "./helpers.js";

const REPEAT = Number(process.env["ROBUST_REPEAT"] ?? (process.env["ROBUST_FULL"] ? 500 : 12));
const DOCUMENT = /\.(docx|pdf|doc|txt)$/;

let dir: string | null = null;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a large repeated batch", () => {
  it(`returns exactly one result per input for the dev corpus repeated ${REPEAT}×, under --concurrency 2`, { timeout: Math.max(90_000, REPEAT * 10_000) }, async () => {
    dir = tempDir("rc-repeat-");
    const sources = readdirSync(DEV).filter((f) => DOCUMENT.test(f)).sort();
    const expected: string[] = [];
    for (let k = 0; k < REPEAT; k++) {
      const sub = `r${String(k).padStart(3, "0")}`;
      mkdirSync(join(dir, "in", sub), { recursive: true });
      for (const f of sources) {
        linkSync(join(DEV, f), join(dir, "in", sub, f));
        expected.push(`in/${sub}/${f}`);
      }
    }
    const r = await runCli(["analyze", "in", "--concurrency", "2", "--format", "jsonl", "--quiet", "--fail-on", "never"], dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = parseJsonl(r.stdout);
    const paths = lines.map((l) => l["source"]["path"] as string);
    expect(paths.length).toBe(expected.length);
    expect(new Set(paths).size).toBe(expected.length);
    expect(paths).toEqual(expected.sort());
    // The same file gives the same answer every time it appears.
    const byName = new Map<string, string>();
    for (const l of lines) {
      const name = (l["source"]["path"] as string).split("/").pop()!;
      const answer = l["status"] === "ok" ? `ok:${l["reportType"]}:${l["problems"].length}:${l["measures"].length}` : `error:${l["error"]["code"]}`;
      if (l["status"] !== "ok") expect(ERROR_CODES).toContain(l["error"]["code"]);
      if (byName.has(name)) expect(answer, name).toBe(byName.get(name));
      else byName.set(name, answer);
    }
  });
});
