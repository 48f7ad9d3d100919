/**
 * Which Redis errors the coordinator rides out (the batch then goes on, and the next poll re-checks
 * every pending job) and which end the run. A restarted Redis answers `LOADING` while it replays its
 * AOF: that once ended a batch with a stack trace instead of waiting a second.
 */
import { describe, expect, it } from "vitest";
import { isTransientRedisError } from "../../src/queue/coordinator.js";

describe("transient Redis errors", () => {
  it("rides out a Redis still loading its data set, and a dropped or refused connection", () => {
    expect(isTransientRedisError(new Error("LOADING Redis is loading the dataset in memory"))).toBe(true);
    expect(isTransientRedisError(new Error("connect ECONNREFUSED 127.0.0.1:6379"))).toBe(true);
    expect(isTransientRedisError(new Error("Socket closed unexpectedly"))).toBe(true);
    expect(isTransientRedisError(new Error("The client is closed"))).toBe(true);
  });

  it("does not hide other failures", () => {
    expect(isTransientRedisError(new Error("WRONGTYPE Operation against a key holding the wrong kind of value"))).toBe(false);
    expect(isTransientRedisError(new Error("NOSCRIPT No matching script"))).toBe(false);
    expect(isTransientRedisError(new TypeError("Cannot read properties of undefined"))).toBe(false);
  });
});
