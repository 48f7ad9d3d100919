/**
 * Piscina worker entry (built to dist/batch/worker.js). Each worker thread
 * imports the pipeline once; the stages keep their heavy state (jieba
 * dictionary, pdf.js) in lazy module singletons, so a worker pays for them on
 * its first document only.
 */
import type { AnalysisResult } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { analyzeFile } from "../pipeline.js";
import { trimHeap } from "./heap.js";

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
