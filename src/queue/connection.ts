/**
 * Redis connections for BullMQ, through node-redis (the client installed
 * here; BullMQ 6 adapts it with `createNodeRedisClient`).
 *
 * A lost connection is retried for ever with exponential backoff (0.2 s
 * doubling to 10 s, with jitter so a fleet of workers does not reconnect in
 * step); commands issued meanwhile wait in node-redis's offline queue and run
 * after the reconnect. BullMQ duplicates a connection for its blocking reads
 * (Worker, QueueEvents), and a duplicate keeps these options, so every
 * connection of a process reports to one `ConnectionWatch`: one "lost" line
 * per outage with the growing delay, one "back" line, and how long the
 * outage has lasted (the coordinator gives up after a limit; workers never do).
 */
import { createClient } from "redis";
import { createNodeRedisClient } from "bullmq";
import type { RedisClient } from "bullmq";

export type ConnectionEvent =
  | { kind: "lost"; attempt: number; delayMs: number; cause: string }
  | { kind: "back"; downMs: number };

const MAX_DELAY_MS = 10_000;

export function backoffDelay(attempt: number): number {
  const base = Math.min(MAX_DELAY_MS, 200 * 2 ** Math.min(attempt, 16));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Outage state shared by every connection of one process. */
export class ConnectionWatch {
  private downSince: number | null = null;
  private lastLoggedAttempt = 0;
  constructor(private readonly onEvent: (e: ConnectionEvent) => void = () => {}) {}

  /** Called by a client's reconnect strategy before each new attempt. */
  retrying(attempt: number, cause: unknown): number {
    const delayMs = backoffDelay(attempt);
    this.downSince ??= Date.now();
    // Several connections retry at once: report each new attempt number once.
    if (attempt > this.lastLoggedAttempt) {
      this.lastLoggedAttempt = attempt;
      this.onEvent({ kind: "lost", attempt, delayMs, cause: cause instanceof Error ? cause.message || cause.name : String(cause) });
    }
    return delayMs;
  }

  /** Called when a client is ready (again). */
  ready(): void {
    if (this.downSince === null) return;
    const downMs = Date.now() - this.downSince;
    this.downSince = null;
    this.lastLoggedAttempt = 0;
    this.onEvent({ kind: "back", downMs });
  }

  /** Milliseconds since the connection was lost; 0 while connected. */
  downFor(): number {
    return this.downSince === null ? 0 : Date.now() - this.downSince;
  }
}

export type RawRedis = ReturnType<typeof createClient>;

/**
 * A node-redis client wrapped for BullMQ. Errors are reported through the
 * watch instead of being thrown as unhandled 'error' events.
 */
export function connectRedis(url: string, watch: ConnectionWatch, name: string): { raw: RawRedis; client: RedisClient } {
  const raw = createClient({
    url,
    name,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number, cause: Error) => watch.retrying(retries + 1, cause),
    },
  });
  raw.on("error", () => {
    // Reported by the reconnect strategy; an 'error' event without a listener would end the process.
  });
  raw.on("ready", () => watch.ready());
  const client = createNodeRedisClient(raw);
  // BullMQ's adapter re-emits the raw client's errors; when BullMQ only duplicates this client
  // (QueueEvents, a Worker's blocking connection), nobody else listens to it.
  (client as unknown as { on(event: "error", listener: () => void): unknown }).on("error", () => undefined);
  return { raw, client };
}

/** Closes a client without waiting on a server that may be gone. */
export async function closeRedis(raw: RawRedis): Promise<void> {
  try {
    if (raw.isOpen) raw.destroy();
  } catch {
    // already closed
  }
}
