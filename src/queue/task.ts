/**
 * Piscina entry of a queue worker's threads (built to dist/queue/task.js):
 * one document from memory through the pipeline. Like batch/worker.ts, the
 * thread imports the pipeline once and keeps its heavy state (jieba, pdf.js)
 * for the documents that follow.
 */
import type { AnalysisResult } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { analyzeBuffer } from "../pipeline.js";
import { trimHeap } from "../batch/heap.js";

export interface BufferTask {
  bytes: Uint8Array;
  name: string;
  options: DocumentOptions;
}

export default async function runBufferTask(task: BufferTask): Promise<AnalysisResult> {
  const buffer = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const result = await analyzeBuffer(buffer, task.name, task.options);
  setImmediate(trimHeap);
  return result;
}
