/**
 * The server's history: SQLite (better-sqlite3, synchronous — each statement
 * takes microseconds, far less than a document's analysis) in `<data>/history.sqlite`,
 * and the uploaded bytes in `<data>/files/<sha256[0..2]>/<sha256>`.
 *
 * - Files are named by their content hash only: an uploaded name is display
 *   text in the database, never part of a path. The same report uploaded
 *   twice is stored once; a file is removed when no document refers to it.
 * - A result is written the moment its document finishes, in one
 *   transaction with the document's state, so a server killed mid-batch
 *   keeps every finished result; `(batch_id, idx)` is the primary key of
 *   results, so a document can never get two.
 * - Results are stored WITH the normalized text (the HTML report highlights
 *   it); the API strips it, as the CLI does for JSONL.
 */
import { mkdirSync, renameSync, rmSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { AnalysisResult } from "../model/document.js";
import { SimilarityCollector, withoutFingerprint } from "../similar/batch.js";
import { DEFAULT_COPY_THRESHOLD } from "../similar/index.js";
import { withSimilar } from "../similar/apply.js";

export type BatchStatus = "queued" | "running" | "done" | "interrupted";
export type DocumentState = "queued" | "running" | "done";

export interface BatchRow {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  status: BatchStatus;
  total: number;
  done: number;
  /** Finished documents that passed the checklist / failed it / could not be read. */
  passed: number;
  failed: number;
  errors: number;
  /** Uploaded names that were not documents (listed, not analysed). */
  skipped: string[];
}

export interface DocumentRow {
  idx: number;
  name: string;
  sha256: string;
  bytes: number;
  state: DocumentState;
  /** Result status once done: "ok" | "error". */
  status: string | null;
  passed: boolean | null;
  errorCode: string | null;
}

export interface NewDocument {
  name: string;
  sha256: string;
  bytes: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS batches (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  total INTEGER NOT NULL,
  skipped TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS documents (
  batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued',
  PRIMARY KEY (batch_id, idx)
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS results (
  batch_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  status TEXT NOT NULL,
  passed INTEGER,
  error_code TEXT,
  json TEXT NOT NULL,
  PRIMARY KEY (batch_id, idx),
  FOREIGN KEY (batch_id, idx) REFERENCES documents(batch_id, idx) ON DELETE CASCADE
);
`;

interface BatchDbRow {
  id: string;
  created_at: string;
  finished_at: string | null;
  status: BatchStatus;
  total: number;
  skipped: string;
  done: number;
  passed: number;
  failed: number;
  errors: number;
}

const BATCH_SELECT = `
SELECT b.id, b.created_at, b.finished_at, b.status, b.total, b.skipped,
  (SELECT COUNT(*) FROM results r WHERE r.batch_id = b.id) AS done,
  (SELECT COUNT(*) FROM results r WHERE r.batch_id = b.id AND r.status = 'ok' AND r.passed = 1) AS passed,
  (SELECT COUNT(*) FROM results r WHERE r.batch_id = b.id AND r.status = 'ok' AND r.passed = 0) AS failed,
  (SELECT COUNT(*) FROM results r WHERE r.batch_id = b.id AND r.status = 'error') AS errors
FROM batches b`;

function toBatch(r: BatchDbRow): BatchRow {
  let skipped: string[] = [];
  try {
    skipped = JSON.parse(r.skipped) as string[];
  } catch {
    skipped = [];
  }
  return {
    id: r.id,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    status: r.status,
    total: r.total,
    done: r.done,
    passed: r.passed,
    failed: r.failed,
    errors: r.errors,
    skipped,
  };
}

const LOCK_FILE = "server.pid";

/**
 * One server per data folder: a second one would wipe the first one's uploads in progress
 * (tmp/) and run the same unfinished documents twice. A lock left by a killed server (its
 * process is gone) is taken over.
 */
function claimDataDir(dataDir: string): void {
  const lock = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const pid = Number(readFileSync(lock, "utf8").trim());
    let alive = false;
    try {
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
        process.kill(pid, 0);
        alive = true;
      }
    } catch (e) {
      // EPERM: the process exists but belongs to someone else.
      alive = (e as NodeJS.ErrnoException).code === "EPERM";
    }
    if (alive) throw new Error(`数据目录 ${dataDir} 正被另一个 report-check serve（进程 ${pid}）使用。请先停止它，或用 --data 指定另一个目录。`);
    rmSync(lock, { force: true });
  }
  throw new Error(`无法锁定数据目录 ${dataDir}。`);
}

export class Store {
  readonly db: Database.Database;
  readonly filesDir: string;
  readonly tmpDir: string;
  /** Hashes of uploads in progress: stored, not yet in a batch; a concurrent delete must not remove them. */
  private readonly pins = new Map<string, number>();

  /**
   * `copyCheck`: run the CLI's batch step (copy detection: `similar` and the `quality.copied-text`
   * warnings) over a batch's results once the last one is in, so the API gives what `analyze` gives.
   */
  constructor(
    readonly dataDir: string,
    private readonly options: { copyCheck?: boolean; copyThreshold?: number } = {},
  ) {
    mkdirSync(dataDir, { recursive: true });
    claimDataDir(dataDir);
    this.filesDir = join(dataDir, "files");
    this.tmpDir = join(dataDir, "tmp");
    mkdirSync(this.filesDir, { recursive: true });
    // Leftovers of uploads cut off by a stop: never part of a batch.
    rmSync(this.tmpDir, { recursive: true, force: true });
    mkdirSync(this.tmpDir, { recursive: true });
    this.db = new Database(join(dataDir, "history.sqlite"), { timeout: 5000 });
    this.db.pragma("journal_mode = WAL");
    // NORMAL under WAL: a committed result survives a killed process (only a power cut may lose the last ones).
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
  }

  close(): void {
    if (this.db.open) this.db.close();
    rmSync(join(this.dataDir, LOCK_FILE), { force: true });
  }

  /** Where the bytes with this hash live. The hash is checked to be hex, so it can never climb out. */
  blobPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.filesDir, sha256.slice(0, 2), sha256);
  }

  /** Moves a finished temp upload into place under its hash (or drops it when already stored). */
  adoptBlob(tmpPath: string, sha256: string): void {
    const target = this.blobPath(sha256);
    if (existsSync(target)) {
      rmSync(tmpPath, { force: true });
      return;
    }
    mkdirSync(join(this.filesDir, sha256.slice(0, 2)), { recursive: true });
    renameSync(tmpPath, target);
  }

  createBatch(docs: NewDocument[], skipped: string[]): BatchRow {
    const id = randomUUID();
    const now = new Date().toISOString();
    const insert = this.db.transaction(() => {
      const seq = (this.db.prepare("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM batches").get() as { n: number }).n;
      this.db.prepare("INSERT INTO batches (id, seq, created_at, status, total, skipped) VALUES (?, ?, ?, 'queued', ?, ?)").run(id, seq, now, docs.length, JSON.stringify(skipped));
      const doc = this.db.prepare("INSERT INTO documents (batch_id, idx, name, sha256, bytes) VALUES (?, ?, ?, ?, ?)");
      docs.forEach((d, i) => doc.run(id, i, d.name, d.sha256, d.bytes));
    });
    insert();
    return this.getBatch(id)!;
  }

  getBatch(id: string): BatchRow | null {
    const row = this.db.prepare(`${BATCH_SELECT} WHERE b.id = ?`).get(id) as BatchDbRow | undefined;
    return row ? toBatch(row) : null;
  }

  /** Newest first. */
  listBatches(limit = 200): BatchRow[] {
    return (this.db.prepare(`${BATCH_SELECT} ORDER BY b.seq DESC LIMIT ?`).all(limit) as BatchDbRow[]).map(toBatch);
  }

  documents(batchId: string): DocumentRow[] {
    const rows = this.db
      .prepare(
        `SELECT d.idx, d.name, d.sha256, d.bytes, d.state, r.status, r.passed, r.error_code
         FROM documents d LEFT JOIN results r ON r.batch_id = d.batch_id AND r.idx = d.idx
         WHERE d.batch_id = ? ORDER BY d.idx`,
      )
      .all(batchId) as Array<{ idx: number; name: string; sha256: string; bytes: number; state: DocumentState; status: string | null; passed: number | null; error_code: string | null }>;
    return rows.map((r) => ({
      idx: r.idx,
      name: r.name,
      sha256: r.sha256,
      bytes: r.bytes,
      state: r.state,
      status: r.status,
      passed: r.passed === null ? null : r.passed === 1,
      errorCode: r.error_code,
    }));
  }

  /**
   * The batch's results in document order (with text; callers strip it where needed). Never with
   * the internal fingerprint: a running batch's results still carry it until the batch step.
   */
  results(batchId: string): AnalysisResult[] {
    return this.storedResults(batchId).map(withoutFingerprint);
  }

  private storedResults(batchId: string): AnalysisResult[] {
    return (this.db.prepare("SELECT json FROM results WHERE batch_id = ? ORDER BY idx").all(batchId) as Array<{ json: string }>).map((r) => JSON.parse(r.json) as AnalysisResult);
  }

  /** Replaces the stored JSON of a result that exists (its status, pass and error code do not change). */
  rewriteResult(batchId: string, idx: number, result: AnalysisResult): boolean {
    return this.db.prepare("UPDATE results SET json = ? WHERE batch_id = ? AND idx = ?").run(JSON.stringify(result), batchId, idx).changes === 1;
  }

  /** Documents still waiting for a result in batches that are not finished, oldest batch first. */
  unfinished(): Array<{ batchId: string; idx: number; name: string; sha256: string }> {
    return this.db
      .prepare(
        `SELECT d.batch_id AS batchId, d.idx, d.name, d.sha256 FROM documents d JOIN batches b ON b.id = d.batch_id
         WHERE b.status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM results r WHERE r.batch_id = d.batch_id AND r.idx = d.idx)
         ORDER BY b.seq, d.idx`,
      )
      .all() as Array<{ batchId: string; idx: number; name: string; sha256: string }>;
  }

  /** Batches left queued/running by a stop whose documents are all done already: close them. */
  closeFinished(): void {
    for (const b of this.db.prepare("SELECT id FROM batches WHERE status IN ('queued', 'running')").all() as Array<{ id: string }>) {
      this.db.transaction(() => this.finishIfComplete(b.id))();
    }
  }

  markRunning(batchId: string, idx: number): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE documents SET state = 'running' WHERE batch_id = ? AND idx = ? AND state = 'queued'").run(batchId, idx);
      this.db.prepare("UPDATE batches SET status = 'running' WHERE id = ? AND status = 'queued'").run(batchId);
    })();
  }

  /**
   * Stores one document's result; false when the batch was deleted meanwhile or the
   * document already has one (a result is never duplicated).
   */
  saveResult(batchId: string, idx: number, result: AnalysisResult): boolean {
    return this.db.transaction(() => {
      const exists = this.db.prepare("SELECT 1 FROM documents WHERE batch_id = ? AND idx = ?").get(batchId, idx);
      if (!exists) return false;
      const passed = result.status === "ok" ? (result.checklist?.passed === false ? 0 : 1) : null;
      const inserted = this.db
        .prepare("INSERT OR IGNORE INTO results (batch_id, idx, status, passed, error_code, json) VALUES (?, ?, ?, ?, ?, ?)")
        .run(batchId, idx, result.status, passed, result.error?.code ?? null, JSON.stringify(result));
      this.db.prepare("UPDATE documents SET state = 'done' WHERE batch_id = ? AND idx = ?").run(batchId, idx);
      this.finishIfComplete(batchId);
      return inserted.changes === 1;
    })();
  }

  private finishIfComplete(batchId: string): void {
    const b = this.getBatch(batchId);
    if (b && b.done >= b.total && b.status !== "done" && b.status !== "interrupted") {
      // In the same transaction as the last result: a stop can never leave a done batch without its batch step.
      this.batchStep(batchId);
      this.db.prepare("UPDATE batches SET status = 'done', finished_at = ? WHERE id = ?").run(new Date().toISOString(), batchId);
    }
  }

  /**
   * The CLI's batch step over the finished batch, in input order: copy detection (SimilarityCollector,
   * then withSimilar at the server's threshold) and the fingerprints dropped from the stored results.
   * Results without a fingerprint (an error, or a queue worker that sent none) get `similar: []`.
   */
  private batchStep(batchId: string): void {
    const rows = this.db.prepare("SELECT idx, json FROM results WHERE batch_id = ? ORDER BY idx").all(batchId) as Array<{ idx: number; json: string }>;
    const results = rows.map((r) => JSON.parse(r.json) as AnalysisResult);
    let similar: ReturnType<SimilarityCollector["compute"]> | null = null;
    if (this.options.copyCheck) {
      try {
        const collector = new SimilarityCollector();
        for (const r of results) collector.add(r);
        similar = collector.compute();
      } catch {
        // A fault of the step is not a document's: the results stay as analysed, without `similar`.
        similar = null;
      }
    }
    const threshold = this.options.copyThreshold ?? DEFAULT_COPY_THRESHOLD;
    results.forEach((r, i) => {
      const out = withoutFingerprint(similar ? withSimilar(r, similar[i], threshold) : r);
      if (out !== r) this.rewriteResult(batchId, rows[i]!.idx, out);
    });
  }

  markInterrupted(batchId: string): void {
    this.db.prepare("UPDATE batches SET status = 'interrupted', finished_at = ? WHERE id = ? AND status IN ('queued', 'running')").run(new Date().toISOString(), batchId);
  }

  /** Deletes the batch (documents and results cascade) and the files no other batch uses. */
  deleteBatch(batchId: string): boolean {
    const hashes = (this.db.prepare("SELECT DISTINCT sha256 FROM documents WHERE batch_id = ?").all(batchId) as Array<{ sha256: string }>).map((r) => r.sha256);
    const changes = this.db.prepare("DELETE FROM batches WHERE id = ?").run(batchId).changes;
    if (!changes) return false;
    for (const h of hashes) this.removeBlobIfUnused(h);
    return true;
  }

  pin(sha256: string): void {
    this.pins.set(sha256, (this.pins.get(sha256) ?? 0) + 1);
  }

  unpin(sha256: string): void {
    const n = (this.pins.get(sha256) ?? 0) - 1;
    if (n > 0) this.pins.set(sha256, n);
    else this.pins.delete(sha256);
  }

  removeBlobIfUnused(sha256: string): void {
    if (this.pins.has(sha256)) return;
    if (this.db.prepare("SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1").get(sha256)) return;
    rmSync(this.blobPath(sha256), { force: true });
  }

  /** Files on disk that no document refers to (uploads refused after they were stored). */
  sweepBlobs(): void {
    for (const dir of readdirSync(this.filesDir)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const name of readdirSync(join(this.filesDir, dir))) if (/^[0-9a-f]{64}$/.test(name)) this.removeBlobIfUnused(name);
    }
  }
}
