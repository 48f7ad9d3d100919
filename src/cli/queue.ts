/**
 * The CLI's side of src/queue/: the queue-backed runner `analyze --redis`
 * plugs in where a local run calls `runBatch`, and `report-check worker`,
 * the long-running process of a worker machine. Everything printed here is a
 * log line on stderr, in Chinese; the library below never prints.
 */
import { InvalidArgumentError } from "commander";
import type { AnalysisResult } from "../model/document.js";
import type { BatchOptions, FileEntry } from "../batch/pool.js";
import type { ConnectionEvent } from "../queue/connection.js";
import type { QueueWorkerEvent } from "../queue/worker.js";
import { checkQueueName, checkRedisUrl, DEFAULT_MAX_ATTEMPTS, redactRedisUrl } from "../queue/protocol.js";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.js";

export type BatchRunner = (files: FileEntry[], options: BatchOptions) => AsyncGenerator<AnalysisResult>;

export interface QueueCliOptions {
  redis?: string;
  queue?: string;
  keepResults?: number;
  redisWait?: number;
}

/** 3600, 90s, 30m, 12h, 7d → seconds. */
export function duration(name: string) {
  return (v: string): number => {
    const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/i.exec(v.trim());
    if (!m) throw new InvalidArgumentError(`${name} 须为时长，如 3600、90s、30m、12h 或 7d`);
    const mult = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!.toLowerCase() as "" | "s" | "m" | "h" | "d"];
    const n = Number(m[1]) * mult;
    if (!(n > 0)) throw new InvalidArgumentError(`${name} 须大于 0`);
    return n;
  };
}

/** A usage mistake in the queue options, or null. */
export function checkQueueOptions(o: QueueCliOptions): string | null {
  if (!o.redis) return null;
  return checkRedisUrl(o.redis) ?? (o.queue ? checkQueueName(o.queue) : null);
}

export function connectionLine(e: ConnectionEvent, url: string): string {
  if (e.kind === "lost") {
    return `与 Redis（${redactRedisUrl(url)}）的连接中断（${e.cause || "连接被关闭"}），第 ${e.attempt} 次重连将在 ${(e.delayMs / 1000).toFixed(1)} 秒后进行……\n`;
  }
  return `已重新连接 Redis（中断 ${(e.downMs / 1000).toFixed(1)} 秒）。\n`;
}

/**
 * `runBatch`'s stand-in for `analyze --redis`: same arguments, same results in
 * the same order; the queue module is loaded only when asked for.
 */
export async function queueRunner(o: QueueCliOptions, log: (line: string) => void): Promise<BatchRunner> {
  const { runQueueBatch } = await import("../queue/coordinator.js");
  const redis = o.redis!;
  return (files, options) =>
    runQueueBatch(files, {
      ...options,
      redis,
      ...(o.queue ? { queue: o.queue } : {}),
      ...(o.keepResults ? { keepResultsSec: o.keepResults } : {}),
      ...(o.redisWait ? { redisWaitMs: Math.round(o.redisWait * 1000) } : {}),
      onConnection: (e) => log(connectionLine(e, redis)),
      onRequeued: (f) => log(`处理 ${f.displayPath} 的工作机失去响应，该文档已重新排队，将由其他工作机分析。\n`),
    });
}

/** Is this the queue's "cannot reach Redis" stop (reported as an interruption, not a crash)? */
export function isQueueUnavailable(e: unknown): e is Error {
  return e instanceof Error && e.name === "QueueUnavailableError";
}

export interface WorkerCliOptions {
  redis: string;
  queue?: string;
  concurrency?: number;
  timeout?: number;
  maxMemory?: number;
  maxAttempts?: number;
  lockDuration?: number;
  stalledInterval?: number;
  name?: string;
  quiet?: boolean;
}

const stamp = (): string => new Date().toISOString().replace("T", " ").slice(0, 19);

/**
 * `report-check worker`: runs until SIGTERM/SIGINT. The first signal stops
 * taking jobs and lets the running ones finish (their results are stored);
 * a second one leaves at once (those jobs return to the queue as stalled).
 */
export async function runWorker(o: WorkerCliOptions): Promise<number> {
  const problem = checkRedisUrl(o.redis) ?? (o.queue ? checkQueueName(o.queue) : null);
  if (problem) {
    process.stderr.write(`错误：${problem}\n`);
    return EXIT_USAGE;
  }
  const log = (line: string): void => void process.stderr.write(`[${stamp()}] ${line}\n`);
  const quiet = !!o.quiet;
  const { startQueueWorker } = await import("../queue/worker.js");
  log(`正在连接 Redis（${redactRedisUrl(o.redis)}）……`);
  let stopping = 0;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let handle: Awaited<ReturnType<typeof startQueueWorker>> | null = null;
  const onSignal = (sig: NodeJS.Signals): void => {
    stopping++;
    if (!handle) {
      // Not connected yet: nothing is running.
      log(`收到 ${sig}，退出。`);
      process.exit(EXIT_OK);
    }
    if (stopping === 1) {
      log(`收到 ${sig}：不再领取新任务，等待正在分析的 ${handle.active} 份文档完成后退出（再发一次信号立即退出，未完成的任务会回到队列）。`);
      handle.close(false).then(resolveStopped, resolveStopped);
    } else {
      log("立即退出：未完成的任务将在锁过期后回到队列，由其他工作机完成。");
      handle.close(true).finally(() => process.exit(EXIT_OK));
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    handle = await startQueueWorker({
      redis: o.redis,
      ...(o.queue ? { queue: o.queue } : {}),
      ...(o.concurrency ? { concurrency: o.concurrency } : {}),
      ...(o.timeout !== undefined ? { timeoutMs: Math.round(o.timeout * 1000) } : {}),
      ...(o.maxMemory ? { workerHeapMb: o.maxMemory } : {}),
      maxAttempts: o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      ...(o.lockDuration ? { lockDurationMs: o.lockDuration } : {}),
      ...(o.stalledInterval ? { stalledIntervalMs: o.stalledInterval } : {}),
      ...(o.name ? { name: o.name } : {}),
      onEvent: (e: QueueWorkerEvent) => {
        switch (e.kind) {
          case "lost":
          case "back":
            log(connectionLine(e, o.redis).trimEnd());
            break;
          case "ready":
            log(`工作机 ${e.name} 已就绪：队列 ${e.queue}，并发 ${e.concurrency}，等待任务。`);
            break;
          case "done":
            if (!quiet) log(`完成 ${e.path}：${e.status === "ok" ? "通过分析" : `错误 ${e.code ?? ""}`}（${e.elapsedMs ?? 0} ms）`);
            break;
          case "refused":
            log(`拒绝任务 ${e.path}：${e.reason}`);
            break;
          case "error":
            log(`队列错误：${e.message}`);
            break;
        }
      },
    });
  } catch (e) {
    log(`无法启动工作机：${e instanceof Error ? e.message : String(e)}`);
    return EXIT_USAGE;
  }
  if (stopping > 0) handle.close(false).then(resolveStopped, resolveStopped);
  await stopped;
  log("工作机已停止。");
  // Results are stored and connections closed; idle timers of the libraries need not hold the exit.
  setTimeout(() => process.exit(EXIT_OK), 500).unref();
  return EXIT_OK;
}
