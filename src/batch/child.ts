/**
 * Entry of the child process that analyses one large document (./isolated.ts).
 * It takes one task from the IPC channel, answers with the result and exits;
 * if it dies instead, only it dies.
 */
import { analyzeFile } from "../pipeline.js";
import type { ChildMessage, IsolatedTask } from "./isolated.js";

process.once("message", (task: IsolatedTask) => {
  analyzeFile(task.path, task.options, task.displayPath)
    .then((result): ChildMessage => ({ kind: "result", result }))
    .catch((e: unknown): ChildMessage => ({ kind: "failed", detail: e instanceof Error ? e.message : String(e) }))
    // exit at once: an idle OCR or pdf.js thread must not keep a finished child alive
    .then((message) => process.send!(message, () => process.exit(0)));
});
