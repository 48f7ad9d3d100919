/**
 * Receiving an upload: the multipart field `files` (several), each part a
 * document, or a .zip of documents that is unpacked here. Every byte is
 * streamed to a temp file under `<data>/tmp` while it is hashed and counted,
 * then moved to its content-hash name (store.ts). The uploaded name is kept
 * as display text only — cleaned of control characters and `..` — and never
 * becomes a path.
 *
 * Limits, each refusing the WHOLE upload with its own code (errors.ts), so a
 * reviewer never gets a batch silently missing files:
 * - one document over `maxBytes` → FILE_TOO_LARGE (413), while streaming;
 * - more than `maxFiles` documents, or more than `maxBatchBytes` in all → 413;
 * - a zip: more than `maxZipEntries` entries or more than `maxZipBytes`
 *   unpacked (declared sizes are checked before anything is inflated, actual
 *   sizes while inflating — ingest/zip-guard.ts) → ZIP_TOO_LARGE (413);
 *   an entry named `../x`, `/x`, `C:\x` → ZIP_UNSAFE_PATH (400).
 * Names that are not documents (a folder's .json, Thumbs.db) are listed as
 * skipped, as the CLI lists them.
 */
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import iconv from "iconv-lite";
import { DOCUMENT_EXTENSIONS } from "../ingest/index.js";
import { DEFAULT_ZIP_LIMITS, GuardedZip } from "../ingest/zip-guard.js";
import { ReportCheckError } from "../model/errors.js";
import { ServeError } from "./errors.js";
import type { NewDocument, Store } from "./store.js";

export interface UploadLimits {
  /** One document, bytes. */
  maxBytes: number;
  /** Documents in one upload (after unpacking zips). */
  maxFiles: number;
  /** All bytes of one upload (zips counted as uploaded), bytes. */
  maxBatchBytes: number;
  /** Unpacked size of one zip, bytes. */
  maxZipBytes: number;
  /** Entries in one zip (folders included). */
  maxZipEntries: number;
}

export interface ReceivedUpload {
  docs: NewDocument[];
  skipped: string[];
}

const isDocumentName = (name: string): boolean => DOCUMENT_EXTENSIONS.includes(extname(name).toLowerCase());
const isZipName = (name: string): boolean => extname(name).toLowerCase() === ".zip";

/** Display text for an uploaded name: `/`-separated, no control characters, no empty/`.`/`..` segments. */
export function displayName(raw: string): string {
  const parts = raw
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/\\/g, "/")
    .split("/")
    .map((p) => p.trim())
    .filter((p) => p && p !== "." && p !== "..");
  const s = parts.join("/");
  return (s.length > 240 ? s.slice(s.length - 240) : s) || "未命名文件";
}

/** A zip entry name that would climb out of a folder if it were ever extracted: refused. */
export function unsafeEntryName(name: string): boolean {
  return name.includes("\0") || /^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name) || /(^|[/\\])\.\.([/\\]|$)/.test(name);
}

/** The offending name as it is in the archive (control characters dropped), for the error message. */
function shownRaw(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").slice(0, 200);
}

/** Zip entry names without the UTF-8 flag are usually GBK (Windows in Chinese); guard-zip read them as latin1. */
function decodeEntryName(latin1: string, utf8Flag: boolean): string {
  if (utf8Flag || !/[\u0080-\u00ff]/.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, "latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "gbk");
  }
}

/** Counts and hashes bytes on their way to disk; fails the stream once a limit is passed. */
class Meter extends Transform {
  readonly hash = createHash("sha256");
  bytes = 0;
  constructor(private readonly check: (bytes: number, chunk: number) => ServeError | null) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const refused = this.check(this.bytes, chunk.length);
    if (refused) return done(refused);
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/** Maps @fastify/multipart and busboy failures to our codes (their messages are English and technical). */
function multipartError(e: unknown): ServeError {
  if (e instanceof ServeError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") return new ServeError("BATCH_TOO_MANY_FILES");
  if (code === "FST_REQ_FILE_TOO_LARGE") return new ServeError("FILE_TOO_LARGE");
  if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") return new ServeError("UNSUPPORTED_MEDIA_TYPE");
  return new ServeError("MULTIPART_INVALID", e instanceof Error ? e.message.slice(0, 200) : undefined);
}

export async function receiveUpload(request: FastifyRequest, store: Store, limits: UploadLimits): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new ServeError("UNSUPPORTED_MEDIA_TYPE");
  const docs: NewDocument[] = [];
  const skipped: string[] = [];
  const pinned: string[] = [];
  const temps = new Set<string>();
  let uploadedBytes = 0;

  const keep = (name: string, sha256: string, bytes: number): void => {
    if (docs.length >= limits.maxFiles) throw new ServeError("BATCH_TOO_MANY_FILES", `> ${limits.maxFiles}`);
    store.pin(sha256);
    pinned.push(sha256);
    docs.push({ name, sha256, bytes });
  };

  /** Stores bytes already in memory (a zip entry) under their hash. */
  const storeBuffer = async (data: Buffer): Promise<string> => {
    const sha = createHash("sha256").update(data).digest("hex");
    const tmp = join(store.tmpDir, randomUUID());
    temps.add(tmp);
    await writeFile(tmp, data);
    store.adoptBlob(tmp, sha);
    temps.delete(tmp);
    return sha;
  };

  const unpack = async (zipName: string, buf: Buffer): Promise<void> => {
    let zip: GuardedZip;
    try {
      zip = GuardedZip.open(buf, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: limits.maxZipBytes, maxEntryBytes: Math.min(limits.maxBytes, limits.maxZipBytes) });
    } catch (e) {
      if (e instanceof ReportCheckError && e.code === "TOO_LARGE") throw new ServeError("ZIP_TOO_LARGE", `${zipName}:${e.detail ?? ""}`);
      throw new ServeError("ZIP_CORRUPT", zipName);
    }
    if (zip.entries.length > limits.maxZipEntries) throw new ServeError("ZIP_TOO_LARGE", `${zipName}：${zip.entries.length} 个条目，上限 ${limits.maxZipEntries}`);
    const entries = zip.entries.map((e) => ({ raw: e.name, name: decodeEntryName(e.name, (e.flags & 0x800) !== 0) }));
    // Every name is checked before anything is inflated: one bad entry refuses the archive.
    for (const e of entries) if (unsafeEntryName(e.name)) throw new ServeError("ZIP_UNSAFE_PATH", `${zipName}:${shownRaw(e.name)}`);
    const base = displayName(zipName).replace(/\.zip$/i, "");
    let unpacked = 0;
    for (const e of entries) {
      if (e.name.endsWith("/") || e.name.endsWith("\\")) continue;
      const shown = `${base}/${displayName(e.name)}`;
      const leaf = e.name.split(/[/\\]/).pop() ?? "";
      // macOS resource forks (__MACOSX/, ._name) look like documents by extension but are not.
      if (!isDocumentName(e.name) || e.name.startsWith("__MACOSX/") || leaf.startsWith("._")) {
        skipped.push(shown);
        continue;
      }
      let data: Buffer | null;
      try {
        data = zip.read(e.raw);
      } catch (err) {
        if (err instanceof ReportCheckError && err.code === "TOO_LARGE") throw new ServeError("ZIP_TOO_LARGE", `${zipName}:${displayName(e.name)}`);
        throw new ServeError("ZIP_CORRUPT", `${zipName}:${displayName(e.name)}`);
      }
      if (!data) continue;
      unpacked += data.length;
      if (unpacked > limits.maxZipBytes) throw new ServeError("ZIP_TOO_LARGE", `${zipName}：解压后超过 ${limits.maxZipBytes} 字节`);
      keep(shown, await storeBuffer(data), data.length);
    }
  };

  try {
    const parts = request.parts({
      preservePath: true,
      limits: {
        // Our Meter enforces the per-document limit with its own message; busboy only backs it up.
        fileSize: limits.maxBatchBytes + 1,
        files: limits.maxFiles,
        fields: 20,
        fieldSize: 4096,
        parts: limits.maxFiles + 20,
      },
    });
    for await (const part of parts) {
      if (part.type !== "file") continue;
      const name = displayName(part.filename ?? "");
      if (part.fieldname !== "files" || (!isDocumentName(name) && !isZipName(name))) {
        // Read and dropped: the stream must be consumed for the next part to arrive.
        await pipeline(part.file, new Meter((b) => (uploadedBytes + b > limits.maxBatchBytes ? new ServeError("BATCH_TOO_LARGE") : null)), async function* (src) {
          for await (const _ of src) void _;
        });
        if (part.fieldname === "files") skipped.push(name);
        continue;
      }
      const zip = isZipName(name);
      const fileLimit = zip ? limits.maxBatchBytes : limits.maxBytes;
      const meter = new Meter((bytes, chunk) => {
        if (bytes > fileLimit) return new ServeError(zip ? "BATCH_TOO_LARGE" : "FILE_TOO_LARGE", `${name}：超过 ${fileLimit} 字节`);
        uploadedBytes += chunk;
        if (uploadedBytes > limits.maxBatchBytes) return new ServeError("BATCH_TOO_LARGE", `超过 ${limits.maxBatchBytes} 字节`);
        return null;
      });
      const tmp = join(store.tmpDir, randomUUID());
      temps.add(tmp);
      await pipeline(part.file, meter, createWriteStream(tmp, { mode: 0o600 }));
      if (part.file.truncated) throw new ServeError(zip ? "BATCH_TOO_LARGE" : "FILE_TOO_LARGE", name);
      if (zip) {
        const buf = await readFile(tmp);
        await rm(tmp, { force: true });
        temps.delete(tmp);
        await unpack(name, buf);
      } else {
        const sha = meter.hash.digest("hex");
        store.adoptBlob(tmp, sha);
        temps.delete(tmp);
        keep(name, sha, meter.bytes);
      }
    }
    if (!docs.length) throw new ServeError("NO_FILES", skipped.length ? `跳过了 ${skipped.length} 个非文档文件` : undefined);
    return { docs, skipped };
  } catch (e) {
    release(store, pinned);
    throw multipartError(e);
  } finally {
    for (const t of temps) await rm(t, { force: true });
  }
}

/** After the batch is created (or the upload refused): the stored files are the database's to keep or drop. */
export function release(store: Store, pinned: string[]): void {
  for (const sha of pinned) store.unpin(sha);
  for (const sha of pinned) store.removeBlobIfUnused(sha);
}

/** The hashes an accepted upload pinned (so the route can release them once the batch row exists). */
export function pinnedOf(upload: ReceivedUpload): string[] {
  return upload.docs.map((d) => d.sha256);
}
