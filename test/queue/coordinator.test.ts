/**
 * `analyze --redis` with two `report-check worker` processes on a real
 * redis-server: the outputs are those of a local run (timing aside), custom
 * checklists travel with the batch, and running the command again takes the
 * results from the queue instead of analysing anything twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runCli } from "../cli/helpers.js";
import {
  activeJobs,
  analysedCounts,
  DEV,
  parseJsonl,
  ROOT,
  stable,
  startCoordinator,
  startRedis,
  startWorker,
  stopChild,
  storedPayloads,
  waitFor,
  type RedisServer,
  type WorkerProcess,
} from "./helpers.js";

let redis: RedisServer;
let workers: WorkerProcess[] = [];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rc-queue-"));
  redis = await startRedis();
  workers = await Promise.all([startWorker(redis.url, "w1"), startWorker(redis.url, "w2")]);
}, 180_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await redis?.dispose();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** The summary without the lines that name the run's own time and output folder (absolute, or relative to the CLI's cwd). */
const summaryOf = (stdout: string, out: string): string =>
  stdout
    .split("\n")
    .filter((l) => !/^用时/.test(l) && !l.includes(out) && !l.includes(relative(ROOT, out)))
    .join("\n");

describe("analyze --redis", () => {
  it("writes the outputs of a local run over the dev corpus, with a custom checklist sent to the workers", async () => {
    // A rule the built-in work-summary list does not have: its message shows up only if the file reached the workers.
    const checklist = join(dir, "unit-rules.yaml");
    writeFileSync(checklist, "id: work-summary\nextends: work-summary\nrules:\n  - id: criticism\n    severity: error\n    message: 本单位要求写明批评和自我批评的开展情况。\n");
    const common = ["corpora/dev", "--format", "jsonl,csv,md", "--checklist", checklist, "--fail-on", "error"];
    const localOut = join(dir, "local");
    const queueOut = join(dir, "queue");
    const local = await runCli(["analyze", ...common, "--out", localOut, "--concurrency", "2"], ROOT);
    const remote = await runCli(["analyze", ...common, "--out", queueOut, "--redis", redis.url], ROOT);
    expect(remote.stderr).not.toMatch(/错误[:：]/);
    expect(remote.code).toBe(local.code);

    const localJsonl = readFileSync(join(localOut, "results.jsonl"), "utf8");
    const queueJsonl = readFileSync(join(queueOut, "results.jsonl"), "utf8");
    const a = parseJsonl(localJsonl);
    const b = parseJsonl(queueJsonl);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) {
      delete a[i]!["elapsedMs"];
      delete b[i]!["elapsedMs"];
      // Field by field, so a difference names the document and the field.
      for (const key of new Set([...Object.keys(a[i]!), ...Object.keys(b[i]!)])) expect([a[i]!["source"]["path"], key, b[i]![key]]).toEqual([a[i]!["source"]["path"], key, a[i]![key]]);
    }
    expect(stable(queueJsonl)).toBe(stable(localJsonl));
    expect(readFileSync(join(queueOut, "results.csv"), "utf8")).toBe(readFileSync(join(localOut, "results.csv"), "utf8"));
    const md = (p: string): string => readFileSync(p, "utf8").replace(/生成时间：\S+/, "");
    expect(md(join(queueOut, "report.md"))).toBe(md(join(localOut, "report.md")));
    expect(summaryOf(remote.stdout, queueOut)).toBe(summaryOf(local.stdout, localOut));

    const custom = b.flatMap((r) => (r["checklist"]?.["findings"] ?? []) as Array<{ message: string }>).filter((f) => f.message.includes("本单位要求"));
    expect(custom.length).toBeGreaterThan(0);

    // Both workers took part, and no job was analysed twice.
    const counts = await analysedCounts(redis.url);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(workers.every((w) => /完成 /.test(w.log()))).toBe(true);

    // Finished jobs keep their result, not the document.
    await waitFor("payloads dropped", async () => {
      const p = await storedPayloads(redis.url);
      return p.length >= counts.size && p.every((b) => b === null);
    }, 30_000, 200);

    // The same command again: every result comes from the queue, nothing is analysed again.
    const again = await runCli(["analyze", ...common, "--out", join(dir, "again"), "--redis", redis.url], ROOT);
    expect(again.code).toBe(local.code);
    expect(stable(readFileSync(join(dir, "again", "results.jsonl"), "utf8"))).toBe(stable(localJsonl));
    expect(await analysedCounts(redis.url)).toEqual(counts);
  }, 300_000);

  it("refuses files above --max-bytes on this machine, as a local run does", async () => {
    const common = ["corpora/dev/analysis-check-gbt9704-complete.docx", "corpora/dev/democratic-life-team-complete.txt", "--format", "jsonl", "--max-bytes", "4k"];
    const local = await runCli(["analyze", ...common, "--concurrency", "1"], ROOT);
    const before = await analysedCounts(redis.url);
    const remote = await runCli(["analyze", ...common, "--redis", redis.url], ROOT);
    expect(remote.code).toBe(local.code);
    expect(stable(remote.stdout)).toBe(stable(local.stdout));
    const results = parseJsonl(remote.stdout);
    expect(results.some((r) => r["error"]?.["code"] === "TOO_LARGE")).toBe(true);
    // Nothing too large was sent: no new analysis is counted for it.
    const after = await analysedCounts(redis.url);
    const tooLarge = results.filter((r) => r["error"]?.["code"] === "TOO_LARGE").length;
    expect(after.size - before.size).toBeLessThanOrEqual(results.length - tooLarge);
  }, 120_000);

  it("finishes the running document on SIGTERM before the worker exits", async () => {
    const drainDir = join(dir, "drain");
    mkdirSync(drainDir);
    // Long enough (seconds) to be caught while it runs.
    writeFileSync(join(drainDir, "long.txt"), readFileSync(join(DEV, "democratic-life-team-complete.txt"), "utf8").repeat(80));
    const w = await startWorker(redis.url, "drain-1", ["--queue", "drain"]);
    const c = startCoordinator([drainDir, "--redis", redis.url, "--queue", "drain", "--format", "jsonl"], ROOT);
    await waitFor("the worker holding the document", async () => (await activeJobs(redis.url, "drain")).some((j) => j.processedBy === "drain-1"), 120_000, 50);
    expect(await stopChild(w.child, "SIGTERM", 120_000)).toBe(0);
    expect(w.log()).toMatch(/收到 SIGTERM/);
    expect(w.log()).toMatch(/完成 .*long\.txt/);
    // The result was stored before the worker left: the coordinator has it without any other worker.
    expect(await c.done).toBe(0);
    const results = parseJsonl(c.stdout());
    expect(results.map((r) => r["status"])).toEqual(["ok"]);
    expect([...(await analysedCounts(redis.url, "drain")).values()]).toEqual([1]);
  }, 240_000);

  it("stops with a usage error on a malformed Redis address", async () => {
    const r = await runCli(["analyze", "corpora/dev/democratic-life-team-complete.txt", "--redis", "http://localhost:1"], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/redis:\/\//);
  });
});
