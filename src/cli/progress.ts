/**
 * Progress on stderr: a cli-progress bar when stderr is a terminal (files done
 * / total, rate, elapsed, current file), one plain line per finished file
 * otherwise (logs, CI), nothing with --quiet. Never writes to stdout, which may
 * be carrying JSONL.
 */
import { createRequire } from "node:module";
import type CliProgress from "cli-progress";
import type { AnalysisResult } from "../model/document.js";

// cli-progress (16 modules, ~8 ms) is loaded only for a terminal bar: logs, pipes and a single
// file's start-up never need it.
const require = createRequire(import.meta.url);

export interface Progress {
  start(total: number): void;
  fileStarted(path: string): void;
  fileDone(result: AnalysisResult, cached: boolean): void;
  /** Run `write` (a stdout line) without tearing the bar. */
  interleave(write: () => void): void;
  stop(): void;
}

export function createProgress(mode: "bar" | "lines" | "none", stream: NodeJS.WriteStream = process.stderr): Progress {
  if (mode === "none") return { start() {}, fileStarted() {}, fileDone() {}, interleave: (w) => w(), stop() {} };
  let total = 0;
  let done = 0;
  let started = 0;
  const running: string[] = [];
  const rate = (): string => (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
  if (mode === "lines") {
    return {
      start(t) {
        total = t;
        started = Date.now();
      },
      fileStarted() {},
      fileDone(r, cached) {
        done++;
        const status = r.status === "ok" ? (r.checklist?.passed === false ? "未通过" : "通过") : `错误 ${r.error?.code ?? ""}`;
        stream.write(`[${done}/${total}] ${status} ${r.source.path}${cached ? "（缓存）" : ` (${r.elapsedMs ?? 0} ms)`}\n`);
      },
      interleave: (w) => w(),
      stop() {},
    };
  }
  const cliProgress = require("cli-progress") as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {value}/{total} 份 | {rate} 份/秒 | 用时 {duration_formatted} | {file}",
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
      fps: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  let active = false;
  const current = (): string => {
    const f = running[running.length - 1] ?? "";
    const width = Math.max(10, (stream.columns ?? 100) - 70);
    return f.length > width ? "…" + f.slice(f.length - width + 1) : f;
  };
  return {
    start(t) {
      total = t;
      started = Date.now();
      active = true;
      bar.start(total, 0, { file: "", rate: "0.0" });
    },
    fileStarted(path) {
      running.push(path);
      if (active) bar.update(done, { file: current(), rate: rate() });
    },
    fileDone(r) {
      done++;
      const i = running.indexOf(r.source.path);
      if (i >= 0) running.splice(i, 1);
      if (active) bar.update(done, { file: current(), rate: rate() });
    },
    interleave(write) {
      if (!active) return write();
      stream.write("\r\x1b[2K");
      write();
      (bar as unknown as { render(force?: boolean): void }).render(true);
    },
    stop() {
      if (active) bar.stop();
      active = false;
    },
  };
}
