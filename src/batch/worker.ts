/**
 * Piscina worker entry (built to dist/batch/worker.js). Each worker thread
 * imports the pipeline once; the stages keep their heavy state (jieba
 * dictionary, pdf.js) in lazy module singletons, so a worker pays for them on
 * its first document only. The jieba dictionary is the pool's, in one shared
 * segmentation thread, when the pool started one.
 */
import type { AnalysisResult } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { workerData } from "node:worker_threads";
import { analyzeFile } from "../pipeline.js";
import { useServedSegmenter } from "../segment/service.js";
import { trimHeap } from "./heap.js";

// The pool's segmentation thread cuts for this worker, so this thread builds no dictionary of its
// own (~35 MB of native memory each) unless that thread cannot answer (segment/service.ts).
useServedSegmenter(workerData);

export interface WorkerTask {
  path: string;
  displayPath: string;
  options: DocumentOptions;
}

export default async function runTask(task: WorkerTask): Promise<AnalysisResult> {
  const result = await analyzeFile(task.path, task.options, task.displayPath);
  // After the result has been handed back, so the pause does not delay it.
  setImmediate(trimHeap);
  return result;
}
