/**
 * Large documents analysed in a child process of their own.
 *
 * Why: the pipeline checks its memory budget between stages (limits/memory.ts),
 * and V8's heap limit of a worker thread sits above it as a backstop; but one
 * builtin that allocates hundreds of megabytes in a single step (a `split` or
 * `replace` over a huge string) can still overrun the limit before V8 checks,
 * and V8 then aborts the WHOLE process, taking every other document of the
 * batch and every result not yet written with it (nodejs/node#47224). Only a
 * process boundary contains that. A child costs ~0.3 s of start-up, nothing
 * next to the seconds a document of several megabytes takes, so files above a
 * size (`isolateAboveBytes`) go to a child; the rest stay on threads.
 *
 * The child (./child.ts) receives one task over the IPC channel, answers with
 * the result and exits. Whatever else ends it — a V8 abort, the kernel's OOM
 * killer, a native crash — ends only it, and the document gets a result of its
 * own: TOO_LARGE (memory) when the process died of memory, READ_FAILED otherwise.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AnalysisResult, DocError } from "../model/document.js";
import { docError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";
import { hardHeapLimitMb } from "../limits/memory.js";

/** Files larger than this run in a child process by default (bytes). */
export const DEFAULT_ISOLATE_ABOVE_BYTES = 8 * 1024 * 1024;

export interface IsolatedTask {
  path: string;
  displayPath: string;
  options: DocumentOptions;
}

/** What the child sends back: the result, or why it could not produce one. */
export type ChildMessage = { kind: "result"; result: AnalysisResult } | { kind: "failed"; detail: string };

/** The child's entry next to this module in dist/; absent when running from src/ (then: no isolation). */
export function childFile(): string | null {
  const path = fileURLToPath(new URL("./child.js", import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * How a child that ended without a result died, as the document's error. Exit code 134 / SIGABRT
 * is V8's FatalProcessOutOfMemory (and any other abort); SIGKILL is what the kernel's OOM killer
 * sends. Both mean the document needed more memory than it may have.
 */
export function childDeathError(code: number | null, signal: NodeJS.Signals | null, stderrTail: string): DocError {
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  const outOfMemory = signal === "SIGABRT" || signal === "SIGKILL" || code === 134 || /heap out of memory|Reached heap limit|Allocation failed/i.test(stderrTail);
  const detail = `child process ended (${how})${stderrTail ? `: ${stderrTail}` : ""}`;
  return outOfMemory ? docError("TOO_LARGE", detail, "TOO_LARGE_MEMORY") : docError("READ_FAILED", detail, "READ_FAILED_CHILD");
}

export interface IsolatedRun {
  /** Old-generation budget of the document, MB; the child's V8 limit sits above it (hardHeapLimitMb). */
  heapBudgetMb: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The outcome: a result, or the error that stands for it (time-out, death, stop). */
export type IsolatedOutcome = { result: AnalysisResult } | { error: DocError; timedOut: boolean };

const STDERR_TAIL_CHARS = 400;

export function runIsolated(entry: string, task: IsolatedTask, run: IsolatedRun): Promise<IsolatedOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    let stderrTail = "";
    let timer: NodeJS.Timeout | null = null;
    const child: ChildProcess = fork(entry, [], {
      execArgv: [`--max-old-space-size=${hardHeapLimitMb(run.heapBudgetMb)}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    const finish = (outcome: IsolatedOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      run.signal?.removeEventListener("abort", onStop);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      resolve(outcome);
    };
    const onStop = (): void => {
      child.kill("SIGKILL");
      finish({ error: docError("TOO_LARGE", "stopped", "TOO_LARGE_TIME"), timedOut: false });
    };
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS)));
    child.on("message", (message: ChildMessage) => {
      if (message.kind === "result") finish({ result: message.result });
      else finish({ error: docError("READ_FAILED", message.detail, "READ_FAILED_CHILD"), timedOut: false });
    });
    child.on("error", (e) => finish({ error: childDeathError(null, null, e.message), timedOut: false }));
    child.on("exit", (code, signal) => {
      // stderr may still hold the last lines (V8's fatal report): read them before deciding.
      const decide = (): void => finish(timedOut ? { error: docError("TOO_LARGE", `> ${run.timeoutMs} ms`, "TOO_LARGE_TIME"), timedOut: true } : { error: childDeathError(code, signal, stderrTail.trim()), timedOut: false });
      if (child.stderr && !child.stderr.readableEnded) child.stderr.once("end", decide);
      else decide();
    });
    if (run.timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, run.timeoutMs);
    }
    if (run.signal?.aborted) return onStop();
    run.signal?.addEventListener("abort", onStop);
    child.send(task);
  });
}
