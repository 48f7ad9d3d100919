/**
 * `report-check serve`: the fastify application. A shell over the same batch
 * runner and reporters as the CLI — it analyses nothing and renders nothing
 * itself. Three plugins receive their dependencies instead of importing
 * globals: the page (static, public), the API (store, runner, limits, auth)
 * and the events stream.
 *
 * Dependency direction: serve → batch, report, ingest (names and zip guard),
 * model. Nothing in the library knows about the server.
 *
 * Every response carries nosniff / no-referrer / a deny-all CSP unless the
 * route sets a narrower one (the page: scripts and styles from 'self' only;
 * report.html: its own inline script allowed by hash, in a sandbox). Errors
 * answer `{ error: { code, message } }` in Chinese (errors.ts), never a stack.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import multipart from "@fastify/multipart";
import { DEFAULT_TIMEOUT_MS, type BatchOptions } from "../batch/pool.js";
import { toolVersion } from "../batch/cache.js";
import { DEFAULT_MAX_BYTES } from "../model/options.js";
import type { ReportContext } from "../report/index.js";
import { Auth, hostName, isLoopbackHost } from "./auth.js";
import { availableDownloads, contentTypeOf, findDownload, renderDownload, withoutText, zipEntryName } from "./downloads.js";
import { ServeError, errorBody } from "./errors.js";
import { PAGE_CSS, PAGE_HTML, PAGE_JS } from "./page.js";
import { Runner, type BatchRunner, type DocumentEvent } from "./runner.js";
import { Store, type BatchRow } from "./store.js";
import { pinnedOf, receiveUpload, release, type UploadLimits } from "./uploads.js";

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  token: string | null;
  limits: UploadLimits;
  /** Documents waiting or running before uploads get 503. */
  queueLimit: number;
  /** Analysis options (concurrency, timeout, heap limit …), as for the CLI. */
  batch: BatchOptions;
  /** Runs the analysis elsewhere (serve --redis: the distributed queue) instead of local worker threads. */
  run?: BatchRunner;
  /** Share of a document's text found in another one that makes a copied-text warning (default DEFAULT_COPY_THRESHOLD). */
  copyThreshold?: number;
  /** Trust X-Forwarded-* from a reverse proxy (Secure cookie behind HTTPS, client addresses). */
  trustProxy: boolean;
  log?: (message: string) => void;
}

export const DEFAULT_LIMITS: UploadLimits = {
  maxBytes: DEFAULT_MAX_BYTES,
  maxFiles: 500,
  maxBatchBytes: 500 * 1024 * 1024,
  maxZipBytes: 500 * 1024 * 1024,
  maxZipEntries: 5000,
};
export const DEFAULT_QUEUE_LIMIT = 2000;
export const DEFAULT_DATA_DIR = "report-check-data";

/** Refuses options that would open the server to others without a token. */
export function checkExposure(host: string, token: string | null): string | null {
  const h = host.trim().toLowerCase();
  const loopback = isLoopbackHost(h.startsWith("[") ? h : h.includes(":") ? `[${h}]` : h) || h === "::1";
  if (!loopback && !token) {
    return `拒绝启动：监听 ${host} 会让网络上的其他人访问本服务，必须同时设置访问令牌（--token 或环境变量 REPORT_CHECK_TOKEN）。只供本机使用时请去掉 --host（默认 127.0.0.1）。`;
  }
  if (token !== null && token.length < 16) return "拒绝启动：访问令牌太短（至少 16 个字符）。可以用 `openssl rand -hex 24` 生成一个。";
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const BASE_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};
const DENY_ALL_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** report.html's CSP: its inline scripts by hash, inline styles, nothing from the network, in a sandbox of its own origin. */
export function reportCsp(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`);
  return `default-src 'none'; script-src ${hashes.join(" ") || "'none'"}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-scripts`;
}

interface BatchView extends BatchRow {
  files: Array<{ idx: number; name: string; bytes: number; state: string; status: string | null; passed: boolean | null; errorCode: string | null }>;
  downloads: Array<{ file: string; label: string; href: string }>;
}

interface Deps {
  store: Store;
  runner: Runner;
  auth: Auth;
  options: ServeOptions;
}

function batchView(store: Store, b: BatchRow): BatchView {
  return {
    ...b,
    files: store.documents(b.id).map(({ idx, name, bytes, state, status, passed, errorCode }) => ({ idx, name, bytes, state, status, passed, errorCode })),
    downloads: availableDownloads().map((d) => ({ file: d.file, label: d.label, href: `/api/batches/${b.id}/${d.file}` })),
  };
}

function reportContext(b: BatchRow, store: Store): ReportContext {
  return {
    // The reply's Word files: the stored upload (by its hash, never by a name) and the uploaded name made safe.
    readSource: async (r) => new Uint8Array(await readFile(store.blobPath(r.source.sha256))),
    relativePath: (r) => zipEntryName(r.source.path),
    generatedAt: b.finishedAt ?? new Date().toISOString(),
    toolVersion: toolVersion(),
    skipped: b.skipped,
    // Only a batch that will not finish says so; a running one is simply not complete yet.
    interrupted: b.status === "interrupted" ? { done: b.done, total: b.total } : null,
    total: b.total,
    color: false,
  };
}

function getBatchOr404(store: Store, id: string): BatchRow {
  const b = UUID.test(id) ? store.getBatch(id) : null;
  if (!b) throw new ServeError("NOT_FOUND");
  return b;
}

function retryAfterSeconds(pending: number, concurrency: number): number {
  // A report takes about a second of one thread; say when the queue will likely have room.
  return Math.max(5, Math.min(600, Math.ceil(pending / Math.max(1, concurrency))));
}

/**
 * Before refusing an upload mid-body: read and drop the rest of it (up to `maxBytes`, for at
 * most a minute), so the client finishes sending and reads our answer — a browser that is
 * cut off while writing shows a network error instead of the Chinese message — and the
 * keep-alive socket is clean for its next request. Past the cap the connection is closed.
 */
async function refuseBody(req: IncomingMessage, e: unknown, maxBytes: number): Promise<void> {
  if (req.complete || req.destroyed) return;
  const drained = await new Promise<boolean>((done) => {
    let bytes = 0;
    const finish = (ok: boolean): void => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onError);
      done(ok);
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > maxBytes) finish(false);
    };
    const onEnd = (): void => finish(true);
    const onError = (): void => finish(false);
    const timer = setTimeout(() => finish(false), 60_000);
    // busboy (still piped, no longer reading) must not hold the stream back.
    req.unpipe();
    req.on("data", onData).on("end", onEnd).on("error", onError);
    req.resume();
  });
  if (!drained && e instanceof ServeError) e.headers["connection"] = "close";
}

/** An `Origin` (sent by browsers on POST/DELETE) naming another host than the one addressed. */
function crossOrigin(origin: string | undefined, host: string): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).host !== host.toLowerCase();
  } catch {
    return true; // "null" (sandboxed frames, file: pages) or garbage
  }
}

/** The page and its two assets: public, static, no data in them. */
async function pagePlugin(app: FastifyInstance): Promise<void> {
  const send = (reply: FastifyReply, type: string, body: string): FastifyReply =>
    reply.header("content-type", type).header("cache-control", "no-cache").send(body);
  app.get("/", async (_req, reply) => send(reply.header("content-security-policy", PAGE_CSP), "text/html; charset=utf-8", PAGE_HTML));
  app.get("/assets/app.js", async (_req, reply) => send(reply, "text/javascript; charset=utf-8", PAGE_JS));
  app.get("/assets/app.css", async (_req, reply) => send(reply, "text/css; charset=utf-8", PAGE_CSS));
}

async function apiPlugin(app: FastifyInstance, deps: Deps): Promise<void> {
  const { store, runner, auth, options } = deps;

  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.url === "/api/session" && request.method === "POST") return;
    if (!auth.allows(request)) throw new ServeError("UNAUTHORIZED");
  });

  app.get("/api/session", async () => ({ tokenRequired: auth.required, ok: true }));

  app.post<{ Body: { token?: unknown } }>("/api/session", { bodyLimit: 4096 }, async (request, reply) => {
    const token = typeof request.body?.token === "string" ? request.body.token : "";
    if (auth.required && !auth.tokenMatches(token)) throw new ServeError("UNAUTHORIZED");
    if (auth.required) reply.header("set-cookie", auth.cookie(request.protocol === "https"));
    return { ok: true };
  });

  app.post("/api/batches", async (request, reply) => {
    // Refused before a byte is stored when the queue is already full.
    if (!runner.room(1)) {
      const wait = retryAfterSeconds(runner.pending(), options.batch.concurrency ?? 1);
      const full = new ServeError("QUEUE_FULL", `等待中的文档 ${runner.pending()} 份`, { "retry-after": String(wait) });
      await refuseBody(request.raw, full, options.limits.maxBatchBytes);
      throw full;
    }
    let upload;
    try {
      upload = await receiveUpload(request, store, options.limits);
    } catch (e) {
      await refuseBody(request.raw, e, options.limits.maxBatchBytes);
      throw e;
    }
    const pins = pinnedOf(upload);
    if (!runner.room(upload.docs.length)) {
      release(store, pins);
      const wait = retryAfterSeconds(runner.pending(), options.batch.concurrency ?? 1);
      throw new ServeError("QUEUE_FULL", `等待中的文档 ${runner.pending()} 份，本批 ${upload.docs.length} 份`, { "retry-after": String(wait) });
    }
    let batch: BatchRow;
    try {
      batch = store.createBatch(upload.docs, upload.skipped);
    } finally {
      release(store, pins);
    }
    runner.enqueue(
      batch.id,
      upload.docs.map((d, idx) => ({ idx, name: d.name, sha256: d.sha256 })),
    );
    reply.code(201).header("location", `/api/batches/${batch.id}`);
    return {
      id: batch.id,
      status: batch.status,
      total: batch.total,
      files: upload.docs.map((d, idx) => ({ idx, name: d.name, bytes: d.bytes, sha256: d.sha256 })),
      skipped: upload.skipped,
    };
  });

  app.get("/api/batches", async () => ({ batches: store.listBatches().map(({ skipped: _s, ...b }) => b) }));

  app.get<{ Params: { id: string } }>("/api/batches/:id", async (request) => {
    const b = getBatchOr404(store, request.params.id);
    return { ...batchView(store, b), results: store.results(b.id).map(withoutText) };
  });

  app.delete<{ Params: { id: string } }>("/api/batches/:id", async (request, reply) => {
    const b = getBatchOr404(store, request.params.id);
    runner.drop(b.id);
    store.deleteBatch(b.id);
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string; file: string }; Querystring: { download?: string } }>("/api/batches/:id/:file", async (request, reply) => {
    const b = getBatchOr404(store, request.params.id);
    const entry = findDownload(request.params.file);
    if (!entry) throw new ServeError("NOT_FOUND");
    const data = await renderDownload(entry, store.results(b.id), reportContext(b, store));
    if (data === null) throw new ServeError("NOT_FOUND");
    const shortId = b.id.slice(0, 8);
    const inline = entry.file === "report.html" && request.query.download === undefined;
    reply.header("content-type", contentTypeOf(entry.file)).header("cache-control", "no-store");
    reply.header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${shortId}-${entry.file}"`);
    if (entry.file.endsWith(".html")) reply.header("content-security-policy", reportCsp(typeof data === "string" ? data : Buffer.from(data).toString("utf8")));
    return reply.send(typeof data === "string" ? data : Buffer.from(data));
  });

  app.get<{ Params: { id: string } }>("/api/batches/:id/events", (request, reply) => {
    const b = getBatchOr404(store, request.params.id);
    eventsStream(reply, deps, b);
  });
}

/**
 * Server-sent events: `snapshot` at once (every file's state), `file` per
 * document started or finished, `done` when the batch has every result (then
 * the stream ends). A reconnecting EventSource gets a fresh snapshot, so no
 * event needs replaying.
 */
function eventsStream(reply: FastifyReply, deps: Deps, b: BatchRow): void {
  const { store, runner } = deps;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...BASE_HEADERS,
    "content-security-policy": DENY_ALL_CSP,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    // nginx would otherwise hold the events back in its buffer.
    "x-accel-buffering": "no",
  });
  const send = (event: string, data: unknown): void => {
    raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const finished = (status: string): boolean => status === "done" || status === "interrupted";
  const view = batchView(store, b);
  send("snapshot", view);
  if (finished(b.status)) {
    send("done", { id: b.id, status: b.status, done: b.done, total: b.total });
    raw.end();
    return;
  }
  const channel = `batch:${b.id}`;
  const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), 15_000);
  const close = (): void => {
    clearInterval(keepAlive);
    runner.off(channel, onEvent);
  };
  const onEvent = (e: DocumentEvent): void => {
    send("file", e);
    if (finished(e.batchStatus)) {
      const now = store.getBatch(b.id);
      send("done", { id: b.id, status: now?.status ?? e.batchStatus, done: now?.done ?? e.done, total: e.total });
      close();
      raw.end();
    }
  };
  runner.on(channel, onEvent);
  // The response's close (the client went away or the stream ended), not the request's: a GET's
  // request stream closes as soon as its (empty) body has been read.
  raw.on("close", close);
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  store: Store;
  runner: Runner;
  /** Documents re-queued from batches a previous stop cut off. */
  resumed: number;
  close(): Promise<void>;
}

export async function buildApp(options: ServeOptions): Promise<{ app: FastifyInstance; store: Store; runner: Runner }> {
  const store = new Store(resolve(options.dataDir), {
    // As the CLI: copy detection unless the analysis was told not to fingerprint (--no-copy-check).
    copyCheck: options.batch.fingerprint === true,
    ...(options.copyThreshold !== undefined ? { copyThreshold: options.copyThreshold } : {}),
  });
  const auth = new Auth(options.token);
  const concurrency = options.batch.concurrency ?? availableParallelism();
  const runner = new Runner(store, {
    batch: { timeoutMs: DEFAULT_TIMEOUT_MS, ...options.batch, concurrency, maxBytes: options.limits.maxBytes },
    limit: options.queueLimit,
    chunkSize: Math.max(8, concurrency * 16),
    ...(options.run ? { run: options.run } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const app = Fastify({ logger: false, trustProxy: options.trustProxy, bodyLimit: 64 * 1024 });
  const deps: Deps = { store, runner, auth, options };

  app.addHook("onRequest", async (request) => {
    // Without a token the server is for this machine only: refuse any other Host (DNS rebinding).
    if (!auth.required && !isLoopbackHost(hostName(request.headers.host))) throw new ServeError("HOST_NOT_ALLOWED");
    // A page on another site may still send a plain form POST here (no preflight), e.g. to the
    // token-less loopback server: changes are accepted only from this server's own origin.
    if (request.method !== "GET" && request.method !== "HEAD" && crossOrigin(request.headers.origin, request.host)) throw new ServeError("CROSS_ORIGIN");
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    for (const [k, v] of Object.entries(BASE_HEADERS)) reply.header(k, v);
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", DENY_ALL_CSP);
    return payload;
  });
  app.setErrorHandler((err: unknown, _request, reply) => {
    let se: ServeError;
    const e = err as { code?: string; statusCode?: number; message?: string };
    if (err instanceof ServeError) se = err;
    else if (e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") se = new ServeError("UNSUPPORTED_MEDIA_TYPE");
    else if (e.code?.startsWith("FST_") && e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      // fastify's own refusals (bad JSON, body too large …): our shape and wording, their status.
      const body = errorBody(new ServeError("BAD_REQUEST", e.code));
      return reply.status(e.statusCode).send(body);
    } else {
      options.log?.(`请求处理出错：${e.message ?? String(err)}`);
      se = new ServeError("INTERNAL");
    }
    return reply.status(se.status).headers(se.headers).send(errorBody(se));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody(new ServeError("NOT_FOUND"))));

  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(pagePlugin);
  await app.register(async (scope) => apiPlugin(scope, deps));
  app.addHook("onClose", async () => {
    await runner.stop();
    store.close();
  });
  return { app, store, runner };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const refused = checkExposure(options.host, options.token);
  if (refused) throw new Error(refused);
  const { app, store, runner } = await buildApp(options);
  // Files stored by uploads that a stop cut off before their batch existed.
  store.sweepBlobs();
  const resumed = runner.resume();
  const address = await app.listen({ host: options.host, port: options.port });
  const port = Number(new URL(address).port);
  const shown = options.host.includes(":") && !options.host.startsWith("[") ? `[${options.host}]` : options.host;
  return { app, url: `http://${shown}:${port}/`, store, runner, resumed, close: () => app.close() };
}
