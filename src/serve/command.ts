/**
 * `report-check serve`: options in, a running server out, until SIGINT/SIGTERM.
 * cli/main.ts parses the arguments; this shell checks them, starts the
 * server, prints where it listens and closes it on a signal (documents still
 * running stay without a result and are resumed by the next start).
 */
import { join, resolve } from "node:path";
import type { BatchOptions } from "../batch/pool.js";
import { DEFAULT_DATA_DIR, DEFAULT_LIMITS, DEFAULT_QUEUE_LIMIT, checkExposure, startServer } from "./app.js";
import type { UploadLimits } from "./uploads.js";
import type { BatchRunner } from "./runner.js";
import { checkQueueOptions, connectionLine } from "../cli/queue.js";
import { DEFAULT_QUEUE_NAME, redactRedisUrl } from "../queue/protocol.js";

export interface ServeCommandOptions {
  host: string;
  port: number;
  data?: string;
  token?: string;
  redis?: string;
  /** Queue name with --redis (default report-check); the workers must listen on the same one. */
  queue?: string;
  maxFiles?: number;
  maxBatchBytes?: number;
  maxZipBytes?: number;
  maxZipEntries?: number;
  queueLimit?: number;
  trustProxy?: boolean;
  quiet?: boolean;
  /** --copy-threshold (a common analysis option). */
  copyThreshold?: number;
}

/** Returns the exit code: 0 after a clean stop, 2 when the server could not start. */
export async function runServeCommand(o: ServeCommandOptions, batch: BatchOptions): Promise<number> {
  const fail = (message: string): number => {
    process.stderr.write(`错误：${message}\n`);
    return 2;
  };
  // An empty variable counts as unset (a blank `REPORT_CHECK_TOKEN=` in a service file must not pass for a token).
  const token = o.token ?? (process.env["REPORT_CHECK_TOKEN"] || null);
  const queueProblem = checkQueueOptions(o);
  if (queueProblem) return fail(queueProblem);
  const refused = checkExposure(o.host, token);
  if (refused) return fail(refused);
  const dataDir = resolve(o.data ?? DEFAULT_DATA_DIR);
  const limits: UploadLimits = {
    maxBytes: batch.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxFiles: o.maxFiles ?? DEFAULT_LIMITS.maxFiles,
    maxBatchBytes: o.maxBatchBytes ?? DEFAULT_LIMITS.maxBatchBytes,
    maxZipBytes: o.maxZipBytes ?? DEFAULT_LIMITS.maxZipBytes,
    maxZipEntries: o.maxZipEntries ?? DEFAULT_LIMITS.maxZipEntries,
  };
  const log = (m: string): void => void process.stderr.write(`${new Date().toISOString()} ${m}\n`);
  let run: BatchRunner | undefined;
  if (o.redis) {
    // The queue's library entry point, loaded only here: a local server never loads BullMQ.
    const { runQueueEntries } = await import("../index.js");
    const redis = o.redis;
    run = (files, options) =>
      runQueueEntries(files, {
        ...options,
        redis,
        ...(o.queue ? { queue: o.queue } : {}),
        onConnection: (e) => log(connectionLine(e, redis).trimEnd()),
      });
  }
  let server;
  try {
    server = await startServer({
      host: o.host,
      port: o.port,
      dataDir,
      token,
      limits,
      queueLimit: o.queueLimit ?? DEFAULT_QUEUE_LIMIT,
      // Identical uploads (the same bytes) are not analysed twice; the cache lives with the history.
      batch: { ...batch, cacheDir: batch.cacheDir ?? join(dataDir, "cache") },
      ...(run ? { run } : {}),
      ...(o.copyThreshold !== undefined ? { copyThreshold: o.copyThreshold } : {}),
      trustProxy: !!o.trustProxy,
      log,
    });
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === "EADDRINUSE") return fail(`端口 ${o.port} 已被占用。请用 --port 换一个端口。`);
    if (code === "EACCES") return fail(`没有权限监听 ${o.host}:${o.port}（1024 以下的端口需要管理员权限）。请换一个端口。`);
    return fail(`无法启动服务：${e instanceof Error ? e.message : String(e)}`);
  }
  process.stdout.write(`report-check 网页服务已启动：${server.url}\n`);
  if (!o.quiet) {
    process.stdout.write(`数据目录：${dataDir}\n`);
    if (token) process.stdout.write("已启用访问令牌：浏览器首次打开时需输入令牌；API 请求需带 Authorization: Bearer <令牌>。\n");
    if (o.redis) process.stdout.write(`文档由工作机分析：Redis ${redactRedisUrl(o.redis)}，队列 ${o.queue ?? DEFAULT_QUEUE_NAME}（工作机运行 report-check worker --redis …）。\n`);
    if (server.resumed) process.stdout.write(`继续分析上次停止时未完成的 ${server.resumed} 份文档。\n`);
    process.stdout.write("按 Ctrl-C 停止。\n");
  }
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  if (!o.quiet) process.stdout.write("正在停止：未完成的文档会在下次启动时继续分析。\n");
  await server.close();
  return 0;
}
