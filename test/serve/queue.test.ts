/**
 * `report-check serve --redis`: the server's batches analysed by a
 * `report-check worker` process through a real redis-server on a free
 * loopback port (the BUILT CLI for all three processes), with the same
 * results as a local `analyze --format jsonl`. Nothing is mocked.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV, parseJsonl, runCli } from "../cli/helpers.js";
import { analysedCounts, startRedis, startWorker, type RedisServer, type WorkerProcess } from "../queue/helpers.js";
import { fromDisk, stableResult, startServe, tempDir, upload, waitForBatch, type Served } from "./helpers.js";

const FILES = [
  "analysis-check-gbt9704-complete.docx",
  "democratic-life-team-complete.txt",
  "work-summary-duty-report-no-next-steps.pdf",
  "error-truncated-download.docx",
];
// Not the default name: proves --queue reaches the coordinator (the worker listens only there).
const QUEUE = "serve-test";

let redis: RedisServer;
let worker: WorkerProcess;
let server: Served;
let work: string;

beforeAll(async () => {
  work = tempDir("rc-serve-queue-");
  redis = await startRedis();
  worker = await startWorker(redis.url, "sw1", ["--queue", QUEUE]);
  server = await startServe(["--data", join(work, "data"), "--redis", redis.url, "--queue", QUEUE]);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await worker?.stop();
  await redis?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe("report-check serve --redis", () => {
  it("analyses uploads on the worker, with the results of a local analyze --format jsonl (timings aside)", async () => {
    const dir = join(work, "cli");
    mkdirSync(dir);
    for (const f of FILES) copyFileSync(join(DEV, f), join(dir, f));
    const cli = await runCli(["analyze", ...FILES, "--format", "jsonl", "--concurrency", "1", "--quiet"], dir);
    expect(cli.code).toBe(0);
    const expected = parseJsonl(cli.stdout).map(stableResult);

    const up = await upload(server.url, FILES.map((f) => fromDisk(join(DEV, f))));
    expect(up.status).toBe(201);
    const batch = await waitForBatch(server.url, up.body.id);
    expect(batch.status).toBe("done");
    expect(batch.done).toBe(FILES.length);
    expect(batch.results.map(stableResult)).toEqual(expected);

    // Every document went through the worker on that queue, once each.
    const counts = await analysedCounts(redis.url, QUEUE);
    expect(counts.size).toBe(FILES.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(worker.log()).toMatch(/完成 /);

    // The same bytes again: taken from the queue's results, not analysed a second time.
    const again = await upload(server.url, FILES.map((f) => fromDisk(join(DEV, f))));
    expect(again.status).toBe(201);
    const second = await waitForBatch(server.url, again.body.id);
    expect(second.results.map(stableResult)).toEqual(expected);
    expect([...(await analysedCounts(redis.url, QUEUE)).values()]).toEqual([...counts.values()]);
  }, 300_000);

  it("runs the copy detection over a batch analysed on the worker, as a local analyze does", async () => {
    // The four files above share nothing (every `similar` is []): this pair shares a whole section.
    const shared =
      "一、存在的问题\n（一）调查研究不够经常。到基层蹲点调研的次数偏少，听汇报多、看现场少，对一线反映的问题掌握不全面，全年仅形成调研报告2篇。\n" +
      "（二）担当作为不够有力。面对历史遗留问题存在等一等、看一看的想法，推进重点项目时协调力度不够，个别事项久拖未决。\n";
    const files = [
      { name: "queue-copy-a.txt", data: `机关第一支部检视问题清单\n${shared}二、整改措施\n1.每月至少到基层调研一次。\n` },
      { name: "queue-copy-b.txt", data: `机关第三支部检视问题清单\n${shared}二、整改措施\n1.建立重点事项销号制度。\n` },
    ];
    const dir = join(work, "cli-copy");
    mkdirSync(dir);
    for (const f of files) writeFileSync(join(dir, f.name), f.data);
    const cli = await runCli(["analyze", ...files.map((f) => f.name), "--format", "jsonl", "--concurrency", "1", "--quiet"], dir);
    const expected = parseJsonl(cli.stdout);
    expect(expected.map((r) => r.similar?.[0]?.path)).toEqual(["queue-copy-b.txt", "queue-copy-a.txt"]);

    const up = await upload(server.url, files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })));
    expect(up.status).toBe(201);
    const batch = await waitForBatch(server.url, up.body.id);
    expect(batch.status).toBe("done");
    expect(JSON.stringify(batch.results)).not.toContain('"fingerprint"');
    expect(batch.results.map(stableResult)).toEqual(expected.map(stableResult));
  }, 300_000);

  it("stops cleanly: server, then worker, exit 0", async () => {
    expect(await server.stop()).toBe(0);
    expect(await worker.stop()).toBe(0);
    expect(server.stderr()).not.toMatch(/分析队列出错/);
  }, 120_000);
});
