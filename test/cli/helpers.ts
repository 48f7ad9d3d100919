/** Shared set-up of the end-to-end tests: a temp folder of real corpus files and a runner for the BUILT CLI. */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "dist", "cli.js");
export const DEV = join(ROOT, "corpora", "dev");

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Documents copied into the work folder (relative names), sorted as the CLI sorts them. */
export const GOOD = ["a-analysis-check.docx", "b-democratic-life.txt", "c-work-summary.pdf", "sub/d-rectification.docx"];
export const BAD = ["e-empty.docx", "f-truncated.docx", "g-encrypted.pdf"];

/**
 * A folder like a reviewer's inbox: good reports in three formats (one in a
 * subfolder), broken ones, and a non-document that must be listed as skipped.
 */
export function makeInbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "rc-cli-"));
  const inbox = join(dir, "inbox");
  mkdirSync(join(inbox, "sub"), { recursive: true });
  const copy = (from: string, to: string): void => copyFileSync(join(DEV, from), join(inbox, to));
  copy("analysis-check-gbt9704-complete.docx", GOOD[0]!);
  copy("democratic-life-team-complete.txt", GOOD[1]!);
  copy("work-summary-annual-complete.pdf", GOOD[2]!);
  copy("rectification-plan-table-no-deadline.docx", GOOD[3]!);
  copy("error-empty-file.docx", BAD[0]!);
  copy("error-truncated-download.docx", BAD[1]!);
  copy("error-encrypted-user-password.pdf", BAD[2]!);
  writeFileSync(join(inbox, "notes.json"), '{"not":"a report"}');
  return dir;
}

export function parseJsonl(text: string): Array<Record<string, any>> {
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, any>);
}

/** JSONL without the timing field, which differs between any two runs. */
export function stable(text: string): string {
  return parseJsonl(text)
    .map((r) => {
      delete r["elapsedMs"];
      return JSON.stringify(r);
    })
    .join("\n");
}
