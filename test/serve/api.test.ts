/**
 * The web server's API against the BUILT `report-check serve` on a free
 * loopback port: the same results as `analyze --format jsonl`, the limits and
 * their codes, tokens, concurrent uploads, and a restart on the same data
 * folder. Real files from corpora/dev, real SQLite, real worker threads.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV, parseJsonl, runCli } from "../cli/helpers.js";
import { fromDisk, getJson, refusedServe, stableResult, startServe, tempDir, upload, waitForBatch, type Served, type UploadFile } from "./helpers.js";

const SAME_AS_CLI = [
  "analysis-check-gbt9704-complete.docx",
  "analysis-check-autonumbered-headings.pdf",
  "democratic-life-team-complete.txt",
  "analysis-check-gbt9704-complete.doc",
  "rectification-plan-table-no-deadline.docx",
  "work-summary-duty-report-no-next-steps.pdf",
  "error-truncated-download.docx",
  "error-encrypted-user-password.pdf",
];
const TOKEN = "t0ken-for-the-tests-0123456789abcdef";

let work: string;
let data: string;
let server: Served;

function countBlobs(dataDir: string): number {
  const files = join(dataDir, "files");
  if (!existsSync(files)) return 0;
  return readdirSync(files).reduce((n, d) => n + readdirSync(join(files, d)).length, 0);
}

async function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

beforeAll(async () => {
  work = tempDir();
  data = join(work, "data");
  server = await startServe(["--data", data, "--concurrency", "2", "--max-bytes", "1M", "--max-zip-bytes", "8M", "--max-zip-entries", "40"]);
});

afterAll(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("report-check serve: API", () => {
  it("gives the same results as analyze --format jsonl for the same files (timings aside)", async () => {
    const dir = tempDir("rc-serve-cli-");
    for (const f of SAME_AS_CLI) copyFileSync(join(DEV, f), join(dir, f));
    const cli = await runCli(["analyze", ...SAME_AS_CLI, "--format", "jsonl", "--concurrency", "2", "--quiet"], dir);
    expect(cli.code).toBe(0);
    const expected = parseJsonl(cli.stdout).map(stableResult);

    const up = await upload(server.url, SAME_AS_CLI.map((f) => fromDisk(join(DEV, f))));
    expect(up.status).toBe(201);
    expect(up.body.files.map((f: { name: string }) => f.name)).toEqual(SAME_AS_CLI);
    const batch = await waitForBatch(server.url, up.body.id);
    expect(batch.status).toBe("done");
    expect(batch.total).toBe(SAME_AS_CLI.length);
    expect(batch.done).toBe(SAME_AS_CLI.length);
    expect(batch.results.map(stableResult)).toEqual(expected);
    // The API strips the text like the CLI's JSONL; the JSONL download is the same lines.
    const jsonl = await (await fetch(new URL(`api/batches/${up.body.id}/results.jsonl`, server.url))).text();
    expect(parseJsonl(jsonl).map(stableResult)).toEqual(expected);
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it("runs the CLI's copy detection when a batch completes: same similar entries and copied-text warnings, no fingerprint", async () => {
    // Two reports of different units sharing most of their problem section (own wording, written for the test).
    const shared =
      "一、存在的问题\n（一）理论学习不够深入。学习停留在读原文、抄笔记的层面，联系本单位改革发展实际思考不够，运用党的创新理论指导破解难题的能力还有差距。\n" +
      "（二）工作作风不够扎实。深入基层调查研究次数偏少，有的调研走马观花，对群众反映强烈的办事难问题跟踪督办不够，全年仅开展专题调研3次。\n" +
      "（三）制度执行不够严格。部分制度落实打了折扣，三重一大事项集体决策记录不完整，对下属单位的监督检查存在宽松软现象。\n";
    const files = [
      { name: "copy-a.txt", data: `第一党支部关于落实整改情况的报告\n${shared}二、整改措施\n1.制定学习计划,年底前完成全部专题学习。\n` },
      { name: "copy-b.txt", data: `第二党支部关于落实整改情况的报告\n${shared}二、整改措施\n1.建立督办台账,每季度通报一次进展情况。\n` },
    ];
    const dir = tempDir("rc-serve-copy-");
    for (const f of files) writeFileSync(join(dir, f.name), f.data);
    const cli = await runCli(["analyze", ...files.map((f) => f.name), "--format", "jsonl", "--concurrency", "2", "--quiet"], dir);
    const expected = parseJsonl(cli.stdout);
    // The comparison below means something only if the CLI found the copy.
    expect(expected.map((r) => r.similar?.[0]?.path)).toEqual(["copy-b.txt", "copy-a.txt"]);
    expect(JSON.stringify(expected)).toContain("quality.copied-text");

    const up = await upload(server.url, files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })));
    expect(up.status).toBe(201);
    const batch = await waitForBatch(server.url, up.body.id);
    expect(batch.status).toBe("done");
    expect(batch.results.map(stableResult)).toEqual(expected.map(stableResult));
    const jsonl = await (await fetch(new URL(`api/batches/${up.body.id}/results.jsonl`, server.url))).text();
    expect(jsonl).not.toContain('"fingerprint"');
    expect(parseJsonl(jsonl).map(stableResult)).toEqual(expected.map(stableResult));
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it("streams a batch's progress as server-sent events: a snapshot, each document once, then done", async () => {
    const files = [1, 2, 3].map((i) => ({ name: `sse-${i}.txt`, data: `关于第${i}支部的整改情况报告\n一、存在的问题\n（一）制度执行不严，涉及${i + 10}人次。\n二、整改措施\n1.年底前完成。\n` }));
    const up = await upload(server.url, files);
    expect(up.status).toBe(201);
    const res = await fetch(new URL(`api/batches/${up.body.id}/events`, server.url));
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const text = await res.text(); // the server ends the stream after `done`
    const events = text
      .split("\n\n")
      .filter((block) => block.startsWith("event: "))
      .map((block) => ({ event: block.slice(7, block.indexOf("\n")), data: JSON.parse(block.slice(block.indexOf("data: ") + 6)) }));
    expect(events[0]!.event).toBe("snapshot");
    expect(events[0]!.data.files.map((f: { name: string }) => f.name)).toEqual(files.map((f) => f.name));
    expect(events.at(-1)).toMatchObject({ event: "done", data: { status: "done", done: 3, total: 3 } });
    const finished = events.filter((e) => e.event === "file" && e.data.state === "done").map((e) => e.data.idx as number);
    expect(new Set(finished).size).toBe(finished.length);
    const before = events[0]!.data.files.filter((f: { state: string }) => f.state === "done").length;
    expect(before + finished.length).toBe(3);
  }, 300_000);

  it("serves the batch's report.html with its own CSP (inline script by hash, sandboxed) and the XLSX", async () => {
    const up = await upload(server.url, [fromDisk(join(DEV, "democratic-life-team-complete.txt"))]);
    expect(up.status).toBe(201);
    await waitForBatch(server.url, up.body.id);
    const res = await fetch(new URL(`api/batches/${up.body.id}/report.html`, server.url));
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy")!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    expect(csp).toContain("sandbox allow-scripts");
    expect(csp).not.toContain("script-src 'unsafe-inline'");
    expect(html).toContain("democratic-life-team-complete.txt");
    const xlsx = await fetch(new URL(`api/batches/${up.body.id}/results.xlsx`, server.url));
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toMatch(/^attachment;/);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  }, 300_000);

  it("gives the reviewer's reply as zips: each upload's annotated copy (the original DOCX plus comments) and its memo", async () => {
    const docx = fromDisk(join(DEV, "rectification-plan-table-no-deadline.docx"));
    const up = await upload(server.url, [{ ...docx, name: "../../收件/整改方案.docx" }, fromDisk(join(DEV, "democratic-life-team-complete.txt"))]);
    expect(up.status).toBe(201);
    await waitForBatch(server.url, up.body.id);
    const listed = (await getJson(server.url, `api/batches/${up.body.id}`)).body as { downloads: Array<{ file: string }> };
    expect(listed.downloads.map((d) => d.file)).toEqual(expect.arrayContaining(["annotated.zip", "memos.zip"]));
    const annotated = await JSZip.loadAsync(Buffer.from(await (await fetch(new URL(`api/batches/${up.body.id}/annotated.zip`, server.url))).arrayBuffer()));
    const names = Object.keys(annotated.files).filter((n) => !annotated.files[n]!.dir).sort();
    // The uploaded name's `..` segments are dropped: unpacking cannot climb out of its folder.
    expect(names).toEqual(["annotated/democratic-life-team-complete.txt.docx", "annotated/收件/整改方案.docx"]);
    const copy = await JSZip.loadAsync(await annotated.file("annotated/收件/整改方案.docx")!.async("uint8array"));
    const original = await JSZip.loadAsync(readFileSync(join(DEV, "rectification-plan-table-no-deadline.docx")));
    const comments = await copy.file("word/comments.xml")!.async("string");
    expect(comments).toContain("w:comment ");
    // The original package, plus comments: its styles are the uploaded file's, byte for byte.
    expect(await copy.file("word/styles.xml")!.async("string")).toBe(await original.file("word/styles.xml")!.async("string"));
    const memos = await JSZip.loadAsync(Buffer.from(await (await fetch(new URL(`api/batches/${up.body.id}/memos.zip`, server.url))).arrayBuffer()));
    expect(Object.keys(memos.files).filter((n) => !memos.files[n]!.dir).sort()).toEqual(["memo/democratic-life-team-complete.txt.docx", "memo/收件/整改方案.docx"]);
  }, 300_000);

  it("escapes document text and uploaded names in the report; the page carries a strict CSP", async () => {
    const name = "<img src=x onerror=alert(1)>报告.txt";
    const text = "关于某局的分析检查报告\n一、存在的问题\n（一）<script>alert('x')</script>学习不够深入。\n二、整改措施\n1.加强学习。\n";
    const up = await upload(server.url, [{ name, data: text }]);
    expect(up.status).toBe(201);
    await waitForBatch(server.url, up.body.id);
    const html = await (await fetch(new URL(`api/batches/${up.body.id}/report.html`, server.url))).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
    const page = await fetch(server.url);
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  }, 300_000);

  it("refuses a file over --max-bytes with 413 FILE_TOO_LARGE and stores nothing", async () => {
    const before = (await getJson(server.url, "api/batches")).body.batches.length;
    const blobs = countBlobs(data);
    const big = "一、存在的问题\n".repeat(90_000);
    const res = await upload(server.url, [fromDisk(join(DEV, "democratic-life-team-complete.txt")), { name: "big.txt", data: big }]);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("FILE_TOO_LARGE");
    expect(res.body.error.message).toMatch(/上限/);
    expect(res.body.error.detail).toContain("big.txt");
    expect((await getJson(server.url, "api/batches")).body.batches.length).toBe(before);
    expect(countBlobs(data)).toBe(blobs);
  });

  it("refuses a zip with a ../ or absolute entry (zip slip) with 400 ZIP_UNSAFE_PATH", async () => {
    const good = readFileSync(join(DEV, "democratic-life-team-complete.txt"));
    for (const bad of ["../../etc/cron.d/evil.txt", "/tmp/evil.txt", "docs/..\\..\\evil.txt"]) {
      const zip = await zipOf({ "ok.txt": good, [bad]: "x" });
      const res = await upload(server.url, [{ name: "reports.zip", data: zip }]);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe("ZIP_UNSAFE_PATH");
      expect(res.body.error.message).toContain("不安全的路径");
    }
  });

  it("refuses a zip bomb (unpacked size) and a zip with too many entries with 413 ZIP_TOO_LARGE", async () => {
    // 12 MB of one repeated line compresses to a few kilobytes; the limit here is 8 MB unpacked.
    const bomb = await zipOf({ "a.txt": "一、存在的问题\n".repeat(500_000), "b.txt": "二、整改措施\n".repeat(500_000) });
    expect(bomb.length).toBeLessThan(200_000);
    const res = await upload(server.url, [{ name: "bomb.zip", data: bomb }]);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("ZIP_TOO_LARGE");
    expect(res.body.error.message).toMatch(/压缩炸弹/);
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`r${i}.txt`] = `第${i}份`;
    const crowd = await upload(server.url, [{ name: "many.zip", data: await zipOf(many) }]);
    expect(crowd.status).toBe(413);
    expect(crowd.body.error.code).toBe("ZIP_TOO_LARGE");
  });

  it("unpacks a good zip: documents named inside it, other entries skipped", async () => {
    const zip = await zipOf({
      "sub/a.docx": readFileSync(join(DEV, "analysis-check-gbt9704-complete.docx")),
      "b.txt": readFileSync(join(DEV, "democratic-life-team-complete.txt")),
      "notes.json": "{}",
    });
    const res = await upload(server.url, [{ name: "材料.zip", data: zip }]);
    expect(res.status).toBe(201);
    expect(res.body.files.map((f: { name: string }) => f.name).sort()).toEqual(["材料/b.txt", "材料/sub/a.docx"]);
    expect(res.body.skipped).toEqual(["材料/notes.json"]);
    const batch = await waitForBatch(server.url, res.body.id);
    expect(batch.results.map((r: { status: string }) => r.status)).toEqual(["ok", "ok"]);
  }, 300_000);

  it("answers malformed multipart with 400 MULTIPART_INVALID, other bodies with 415, and never a stack trace", async () => {
    const url = new URL("api/batches", server.url);
    const cut = await fetch(url, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=XyZ" },
      body: '--XyZ\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n半截',
    });
    expect(cut.status).toBe(400);
    const body = (await cut.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("MULTIPART_INVALID");
    const noBoundary = await fetch(url, { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "abc" });
    expect(noBoundary.status).toBe(400);
    const json = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    const empty = await upload(server.url, [{ name: "notes.json", data: "{}" }]);
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("NO_FILES");
    for (const text of [JSON.stringify(body), await json.text()]) expect(text).not.toMatch(/\n\s+at |node_modules|\.js:\d+/);
  });

  it("has no directory listing and answers unknown paths with a Chinese 404", async () => {
    for (const path of ["api/", "assets/", "api/batches/not-an-id", "api/batches/00000000-0000-0000-0000-000000000000", "api/batches/not-an-id/events", "api/batches/00000000-0000-0000-0000-000000000000/results.xlsx", "files/", "../../etc/passwd"]) {
      const res = await fetch(new URL(path, server.url));
      expect(res.status, path).toBe(404);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("NOT_FOUND");
    }
  });

  it("refuses a Host that is not this machine without a token (DNS rebinding) and changes from another origin", async () => {
    const { request } = await import("node:http");
    const u = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, path: "/api/batches", headers: { host: "attacker.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
    // A form on another site posting here (a "simple" request, no preflight) is refused too.
    const files = [fromDisk(join(DEV, "democratic-life-team-complete.txt"))];
    for (const origin of ["http://attacker.example", "null"]) {
      const res = await upload(server.url, files, { origin });
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code).toBe("CROSS_ORIGIN");
    }
    expect((await upload(server.url, files, { origin: new URL(server.url).origin })).status).toBe(201);
  });

  it("answers 50 concurrent uploads of 5 files each: every batch complete, no result lost or duplicated", async () => {
    const shared = ["democratic-life-team-complete.txt", "analysis-check-gbt9704-complete.docx", "rectification-narrative-no-owner.txt", "work-summary-annual-complete.txt"].map((f) =>
      fromDisk(join(DEV, f)),
    );
    const uploads: UploadFile[][] = Array.from({ length: 50 }, (_, i) => [
      ...shared.map((f) => ({ name: `b${i}/${f.name}`, data: f.data })),
      // One document per upload is unique, so the analysis really runs for every batch.
      { name: `b${i}/unique-${i}.txt`, data: `关于第${i + 1}党支部的分析检查报告\n一、存在的问题\n（一）学习不够深入，共查摆问题${i + 3}个。\n二、整改措施\n1.年底前完成整改。\n` },
    ]);
    const answers = await Promise.all(uploads.map((files) => upload(server.url, files)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const ids = answers.map((a) => a.body.id as string);
    expect(new Set(ids).size).toBe(50);
    const batches = await Promise.all(ids.map((id) => waitForBatch(server.url, id)));
    batches.forEach((b, i) => {
      expect(b.status).toBe("done");
      expect(b.total).toBe(5);
      expect(b.results).toHaveLength(5);
      expect(b.results.map((r: { source: { path: string } }) => r.source.path)).toEqual(uploads[i]!.map((f) => f.name));
      const hashes = uploads[i]!.map((f) => createHash("sha256").update(f.data).digest("hex"));
      expect(b.results.map((r: { source: { sha256: string } }) => r.source.sha256)).toEqual(hashes);
    });
    const listed = (await getJson(server.url, "api/batches")).body.batches as Array<{ id: string; done: number; total: number }>;
    for (const id of ids) expect(listed.find((b) => b.id === id)).toMatchObject({ done: 5, total: 5 });
  }, 600_000);

  it("deletes a batch: 204, then 404, and its files leave the disk", async () => {
    const unique = { name: "only-here.txt", data: `${readFileSync(join(DEV, "democratic-life-team-complete.txt"), "utf8")}\n删除测试附注。\n` };
    const up = await upload(server.url, [unique]);
    expect(up.status).toBe(201);
    await waitForBatch(server.url, up.body.id);
    const sha = up.body.files[0].sha256 as string;
    expect(existsSync(join(data, "files", sha.slice(0, 2), sha))).toBe(true);
    const del = await fetch(new URL(`api/batches/${up.body.id}`, server.url), { method: "DELETE" });
    expect(del.status).toBe(204);
    expect((await getJson(server.url, `api/batches/${up.body.id}`)).status).toBe(404);
    expect(existsSync(join(data, "files", sha.slice(0, 2), sha))).toBe(false);
  }, 300_000);

  it("keeps batches and results over a restart, and finishes a batch a killed server cut off", async () => {
    const kept = await upload(server.url, [fromDisk(join(DEV, "work-summary-annual-complete.txt"))]);
    await waitForBatch(server.url, kept.body.id);
    const before = (await getJson(server.url, "api/batches")).body.batches as Array<{ id: string }>;
    const one = await getJson(server.url, `api/batches/${before[0]!.id}`);
    // A batch still running when the server stops: PDFs never seen before (a trailing comment after
    // %%EOF changes the bytes, not the document), so no cached result can finish it early.
    const pdfs = readdirSync(DEV).filter((f) => f.endsWith(".pdf") && !f.startsWith("error-")).slice(0, 4);
    const files = pdfs.map((f) => ({ name: f, data: Buffer.concat([readFileSync(join(DEV, f)), Buffer.from("\n% restart test\n")]) }));
    const cut = await upload(server.url, files);
    expect(cut.status).toBe(201);
    // Killed, not stopped: no chance to tidy up (a crash, a power cut of the process).
    const killed = new Promise((done) => server.child.once("exit", done));
    server.child.kill("SIGKILL");
    await killed;

    server = await startServe(["--data", data, "--concurrency", "2", "--max-bytes", "1M", "--max-zip-bytes", "8M", "--max-zip-entries", "40"], {}, false);
    // The start-up lines follow the address line; the last one is the Ctrl-C hint.
    await expect.poll(() => server.stdout(), { timeout: 30_000 }).toContain("Ctrl-C");
    expect(server.stdout()).toMatch(/继续分析上次停止时未完成的 [1-4] 份文档/);
    const after = (await getJson(server.url, "api/batches")).body.batches as Array<{ id: string }>;
    expect(after.map((b) => b.id)).toEqual([cut.body.id, ...before.map((b) => b.id)]);
    const again = await getJson(server.url, `api/batches/${before[0]!.id}`);
    expect(again.body.results.map(stableResult)).toEqual(one.body.results.map(stableResult));
    // Resumed, never left half-done: every document ends with exactly one result.
    const finished = await waitForBatch(server.url, cut.body.id);
    expect(finished.status).toBe("done");
    expect(finished.results.map((r: { source: { path: string } }) => r.source.path)).toEqual(pdfs);
    expect(finished.results.every((r: { status: string }) => r.status === "ok")).toBe(true);
  }, 300_000);
});

describe("report-check serve: access", () => {
  it("refuses to start on 0.0.0.0 without a token, with a short token, on a data folder in use, or with a malformed --redis / --queue", async () => {
    const dir = tempDir();
    const open = await refusedServe(["--host", "0.0.0.0", "--data", dir]);
    expect(open.code).toBe(2);
    expect(open.stderr).toMatch(/拒绝启动.*令牌/);
    const short = await refusedServe(["--host", "0.0.0.0", "--data", dir, "--token", "short"]);
    expect(short.code).toBe(2);
    // One server per data folder.
    const second = await refusedServe(["--data", data]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("另一个");
    const redis = await refusedServe(["--data", dir, "--redis", "http://127.0.0.1:6379"]);
    expect(redis.code).toBe(2);
    expect(redis.stderr).toContain("redis://");
    const queue = await refusedServe(["--data", dir, "--redis", "redis://127.0.0.1:6379", "--queue", "a b"]);
    expect(queue.code).toBe(2);
    expect(queue.stderr).toContain("队列名");
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it("with a token: 401 without or with a bad one, Bearer works, the session cookie is HttpOnly and SameSite=Strict", async () => {
    const dir = tempDir();
    const s = await startServe(["--host", "0.0.0.0", "--data", dir, "--concurrency", "1"], { REPORT_CHECK_TOKEN: TOKEN });
    try {
      const url = s.url.replace("0.0.0.0", "127.0.0.1");
      expect((await getJson(url, "api/batches")).status).toBe(401);
      const bad = await getJson(url, "api/batches", { authorization: "Bearer wrong-token-wrong-token" });
      expect(bad.status).toBe(401);
      expect(bad.body.error.code).toBe("UNAUTHORIZED");
      expect((await getJson(url, "api/batches", { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
      expect((await upload(url, [fromDisk(join(DEV, "democratic-life-team-complete.txt"))])).status).toBe(401);
      // The page itself is public (it holds no data) and asks for the token.
      expect((await fetch(url)).status).toBe(200);
      const wrong = await fetch(new URL("api/session", url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: "nope" }) });
      expect(wrong.status).toBe(401);
      const login = await fetch(new URL("api/session", url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: TOKEN }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get("set-cookie")!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toContain(TOKEN);
      const session = cookie.split(";")[0]!;
      expect((await getJson(url, "api/batches", { cookie: session })).status).toBe(200);
      expect((await getJson(url, "api/batches", { cookie: "rc_session=forged" })).status).toBe(401);
    } finally {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("answers 413 past --max-files, and 503 with Retry-After when an upload would pass the queue limit", async () => {
    const dir = tempDir();
    const s = await startServe(["--data", dir, "--concurrency", "1", "--queue-limit", "3", "--max-files", "4"]);
    try {
      const files = ["democratic-life-team-complete.txt", "work-summary-annual-complete.txt", "rectification-narrative-no-owner.txt", "analysis-check-gbt9704-complete.txt", "analysis-check-autonumbered-headings.txt"].map((f) =>
        fromDisk(join(DEV, f)),
      );
      const many = await upload(s.url, files);
      expect(many.status).toBe(413);
      expect(many.body.error.code).toBe("BATCH_TOO_MANY_FILES");
      const full = await upload(s.url, files.slice(0, 4));
      expect(full.status).toBe(503);
      expect(full.body.error.code).toBe("QUEUE_FULL");
      expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await getJson(s.url, "api/batches")).body.batches).toEqual([]);
      expect(countBlobs(dir)).toBe(0);
      const fits = await upload(s.url, files.slice(0, 2));
      expect(fits.status).toBe(201);
      expect((await waitForBatch(s.url, fits.body.id)).done).toBe(2);
      // A clean stop on SIGTERM.
      expect(await s.stop()).toBe(0);
    } finally {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
