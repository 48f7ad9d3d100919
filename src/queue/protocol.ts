/**
 * What travels through Redis between the coordinator (`analyze --redis`) and
 * the workers (`report-check worker`): the job's data, its id, and the names
 * of the keys report-check keeps beside BullMQ's own.
 *
 * A job is one document's bytes plus every option that shapes its result, so
 * a worker needs no shared disk and no configuration of its own to give the
 * result a local run would give. Its id is the content hash plus a hash of
 * those options: the same document asked for twice (two copies in one batch,
 * or the same command run again) is one job, analysed once.
 */
import { createHash } from "node:crypto";
import { extname } from "node:path";
import type { AnalysisResult } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { resultShapingOptions } from "../batch/cache.js";

export const DEFAULT_QUEUE_NAME = "report-check";
/** BullMQ's key prefix (its default); every key of a queue starts with `bull:<queue>:`. */
export const QUEUE_PREFIX = "bull";
export const JOB_NAME = "analyze";
/** Bumped when the job's data changes shape; a worker refuses jobs of another version. */
export const PROTOCOL_VERSION = 1;

/** How long finished jobs (results, failures) stay in Redis by default: 7 days, in seconds. */
export const DEFAULT_KEEP_RESULTS_SEC = 7 * 24 * 3600;
/**
 * Attempts before a document that keeps killing its worker process is failed for good.
 * BullMQ counts stalls: a job may come back `maxStalledCount` times, so it runs at most
 * `maxStalledCount + 1` times.
 */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** BullMQ's defaults: a killed worker's job returns within lockDuration + stalledInterval. */
export const DEFAULT_LOCK_DURATION_MS = 30_000;
export const DEFAULT_STALLED_INTERVAL_MS = 30_000;

/** A custom checklist file's content: written by the worker under its hash, never under the sender's path. */
export interface ChecklistPayload {
  sha256: string;
  yaml: string;
}

/** Document options as they travel: custom checklists by content instead of by path. */
export type JobDocumentOptions = Omit<DocumentOptions, "checklistFiles" | "signal">;

export interface QueueJobData {
  protocol: number;
  /** report-check version of the coordinator; a worker of another version refuses the job. */
  tool: string;
  /** The name the result reports as `source.path` (the format comes from its extension). */
  name: string;
  /** The document, base64. Null once the job has finished (the result is all that is kept). */
  bytes: string | null;
  options: JobDocumentOptions;
  checklists: ChecklistPayload[];
  /** Per-document time limit, ms (0 = none), as a local run with the same options would apply. */
  timeoutMs: number;
}

/** What a finished job returns: the schema-v1 result. */
export type QueueJobResult = AnalysisResult;

/**
 * The options part of a job id: everything that can change the result of the
 * same bytes. The extension is in it because the format is chosen by name.
 */
export function optionsKey(tool: string, name: string, options: JobDocumentOptions, checklists: ChecklistPayload[], timeoutMs: number): string {
  const relevant = {
    protocol: PROTOCOL_VERSION,
    tool,
    ext: extname(name).toLowerCase() || name,
    // The same options the local cache keys on (fingerprint included: a result without one cannot serve a copy check).
    ...resultShapingOptions(options),
    checklists: checklists.map((c) => c.sha256),
    timeoutMs,
  };
  return createHash("sha256").update(JSON.stringify(relevant)).digest("hex").slice(0, 32);
}

/**
 * `rc-<sha256 of the bytes>-<options key>`. BullMQ refuses ids with `:` (its key
 * separator) and mistakes all-digit ids for its own counters: this has neither.
 */
export function jobIdFor(contentSha256: string, optionsKeyHex: string): string {
  return `rc-${contentSha256}-${optionsKeyHex}`;
}

/**
 * Per-job count of analyses actually run by workers (a hash: job id → count),
 * beside BullMQ's keys. Operators read it to see that nothing was analysed
 * twice; it expires with the results.
 */
export function analysedKey(queueName: string): string {
  return `report-check:${queueName}:analysed`;
}

/** The failure reasons BullMQ gives a job whose worker died too often (moveStalledJobsToWait, maxStartedAttempts). */
export function isWorkerLostReason(reason: string): boolean {
  return /stalled more than allowable limit|started more than allowable limit/.test(reason);
}

/** Failure reason of a job refused for its protocol or tool version (see the worker). */
export const VERSION_MISMATCH_PREFIX = "report-check version mismatch";

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0`, for logs and messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "（无效的地址）";
  }
}

/** A Redis address the clients accept: redis:// or rediss:// with a host. */
export function checkRedisUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `无效的 Redis 地址：${url}（应形如 redis://10.0.0.5:6379）`;
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") return `Redis 地址须以 redis:// 或 rediss:// 开头：${redactRedisUrl(url)}`;
  if (!u.hostname) return `Redis 地址缺少主机名：${redactRedisUrl(url)}`;
  return null;
}

/** Queue names become part of Redis keys: keep them to a safe alphabet. */
export function checkQueueName(name: string): string | null {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(name) ? null : `队列名只能由字母、数字、点、下划线和连字符组成（最多 64 个字符）：${name}`;
}
