/**
 * Result cache, keyed like ESLint's: the file CONTENT hash (sha256), the tool
 * version and a hash of the options that change the result. A re-run over the
 * same folder re-analyses only files whose bytes changed; a moved or renamed
 * file is still a hit (its `source.path` is rewritten on the way out).
 *
 * One JSON file per entry (`<key>.json`), written to a temp name and renamed,
 * so two runs sharing a cache never read a half-written entry.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AnalysisResult } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { FINGERPRINT_VERSION } from "../similar/version.js";

export const DEFAULT_CACHE_DIR = ".report-check-cache";

let cachedVersion: string | null = null;

/** The package version, read once from package.json (dist/batch/ → ../../package.json). */
export function toolVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    cachedVersion = pkg.version ?? "0.0.0";
  } catch {
    cachedVersion = "0.0.0";
  }
  return cachedVersion;
}

/** The document options that shape a result (the cache key and the queue's job id both hash these). */
export function resultShapingOptions(options: Omit<DocumentOptions, "checklistFiles" | "signal">): Record<string, unknown> {
  return {
    type: options.type ?? null,
    includeText: options.includeText ?? false,
    segmenter: options.segmenter ?? "rs",
    restoreSpin: options.restoreSpin ?? "auto",
    ocr: options.ocr ?? false,
    maxBytes: options.maxBytes ?? null,
    // Entries with and without a fingerprint (and of another fingerprint layout) are kept apart.
    ...(options.fingerprint ? { fingerprint: FINGERPRINT_VERSION } : {}),
  };
}

/** Hash of the options that shape a result, plus the content of user checklist files. */
export async function optionsHash(options: DocumentOptions): Promise<string> {
  const h = createHash("sha256");
  const relevant = resultShapingOptions(options);
  h.update(JSON.stringify(relevant));
  for (const f of options.checklistFiles ?? []) {
    // By content only (not path): an edited checklist invalidates the entries it shaped, and an
    // identical copy elsewhere (another folder, another checkout) hits them.
    const content = await readFile(f).catch(() => Buffer.from("missing"));
    h.update(`\0${content.length}\0`);
    h.update(content);
  }
  return h.digest("hex");
}

export class ResultCache {
  private ready: Promise<unknown> | null = null;
  constructor(
    readonly dir: string,
    private readonly optionsKey: string,
  ) {}

  key(contentSha256: string): string {
    return createHash("sha256").update(`${contentSha256}\0${toolVersion()}\0${this.optionsKey}`).digest("hex");
  }

  async get(contentSha256: string): Promise<AnalysisResult | null> {
    try {
      const text = await readFile(join(this.dir, this.key(contentSha256) + ".json"), "utf8");
      const r = JSON.parse(text) as AnalysisResult;
      return r && r.schemaVersion === 1 ? r : null;
    } catch {
      return null;
    }
  }

  /**
   * Stores a result unless it depends on more than the bytes: a read failure or
   * a time-out may not happen next time, so those are always retried.
   */
  async set(contentSha256: string, result: AnalysisResult): Promise<void> {
    if (result.status === "error" && (result.error?.code === "READ_FAILED" || result.error?.code === "TOO_LARGE")) return;
    this.ready ??= mkdir(this.dir, { recursive: true });
    try {
      await this.ready;
      const final = join(this.dir, this.key(contentSha256) + ".json");
      const tmp = `${final}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, JSON.stringify(result));
      await rename(tmp, final);
    } catch {
      // A cache that cannot be written only costs time, never the result.
    }
  }
}
