/**
 * Piscina worker entry (built to dist/batch/worker.js). Each worker thread
 * imports the pipeline once; the stages keep their heavy state (jieba
 * dictionary, pdf.js) in lazy module singletons, so a worker pays for them on
 * its first document only.
 */
import type { AnalysisResult } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { analyzeFile } from "../pipeline.js";

export interface WorkerTask {
  path: string;
  displayPath: string;
  options: DocumentOptions;
}

export default async function runTask(task: WorkerTask): Promise<AnalysisResult> {
  return analyzeFile(task.path, task.options, task.displayPath);
}
