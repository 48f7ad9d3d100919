/**
 * A guarded reader for the ZIP container of a DOCX.
 *
 * Why our own and not jszip: a zip bomb must be refused BEFORE anything is
 * inflated. The central directory at the end of the file declares every
 * entry's compressed and uncompressed size, so we read it first and refuse
 * an archive whose declared content is absurd (TOO_LARGE / TOO_LARGE_UNPACKED).
 * Declared sizes can lie, so each entry is then inflated with Node's native
 * zlib under `maxOutputLength`: inflation stops as soon as an entry grows past
 * its declared size or the part limit, and memory stays bounded. Native zlib
 * is also several times faster than jszip's pure-JS inflate.
 *
 * Failure modes:
 * - no End-Of-Central-Directory record (a download cut off at 55 %) → DOCX_CORRUPT
 * - an entry whose local header or data lies outside the file          → DOCX_CORRUPT
 * - declared total > limits.maxTotalBytes, or one large entry inflated
 *   more than limits.maxRatio times                                    → TOO_LARGE (TOO_LARGE_UNPACKED)
 */
import { inflateRawSync } from "node:zlib";
import { ReportCheckError } from "../model/errors.js";

export interface ZipLimits {
  /** Refuse when the declared uncompressed sizes of all entries add up to more. */
  maxTotalBytes: number;
  /** Refuse any single entry (document.xml …) declared or inflating larger than this. */
  maxEntryBytes: number;
  /** Refuse an entry whose uncompressed/compressed ratio exceeds this … */
  maxRatio: number;
  /** … when the entry is at least this large (small XML parts compress 100× legitimately). */
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 120 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 10 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function corrupt(detail: string): ReportCheckError {
  return new ReportCheckError("DOCX_CORRUPT", detail);
}

function tooLarge(detail: string): ReportCheckError {
  return new ReportCheckError("TOO_LARGE", detail, "TOO_LARGE_UNPACKED");
}

/** True when the buffer starts like a ZIP local file header ("PK\x03\x04"). */
export function looksLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === SIG_LOCAL;
}

/** True for an OLE2 compound file (legacy .doc/.wps, or a password-protected DOCX). */
export function looksLikeOle2(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32LE(0) === 0xe011cfd0 && buf.readUInt32LE(4) === 0xe11ab1a1;
}

export class GuardedZip {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly buf: Buffer,
    readonly entries: ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    // Part names are case-insensitive in OPC ("word/document.xml" vs "Word/Document.xml").
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Reads the central directory and checks the declared sizes; inflates nothing. */
  static open(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): GuardedZip {
    const entries = readCentralDirectory(buf);
    checkDeclaredSizes(entries, limits);
    return new GuardedZip(buf, entries, limits);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Inflates one entry (bounded by its declared size and the entry limit); null when absent. */
  read(name: string): Buffer | null {
    const e = this.entry(name);
    if (!e) return null;
    const buf = this.buf;
    const at = e.localHeaderOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== SIG_LOCAL) throw corrupt(`bad local header for ${e.name}`);
    const dataStart = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const dataEnd = dataStart + e.compressedSize;
    if (dataEnd > buf.length) throw corrupt(`entry ${e.name} runs past the end of the file`);
    if (e.flags & 1) throw corrupt(`entry ${e.name} is encrypted`);
    const data = buf.subarray(dataStart, dataEnd);
    if (e.method === 0) return data;
    if (e.method !== 8) throw corrupt(`entry ${e.name} uses unsupported compression method ${e.method}`);
    // One byte of slack over the declared size: an entry that inflates past
    // what the directory promised is a lie (or a bomb), not a document.
    const cap = Math.min(this.limits.maxEntryBytes, e.uncompressedSize > 0 ? e.uncompressedSize + 1 : this.limits.maxEntryBytes);
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(cap, 1) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
        throw tooLarge(`${e.name} inflates past ${cap} bytes (declared ${e.uncompressedSize})`);
      }
      throw corrupt(`cannot inflate ${e.name}: ${(err as Error).message}`);
    }
    if (e.uncompressedSize > 0 && out.length > e.uncompressedSize) {
      throw tooLarge(`${e.name} inflates past its declared size ${e.uncompressedSize}`);
    }
    return out;
  }
}

function findEocd(buf: Buffer): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf.readUInt32LE(i) === SIG_EOCD) return i;
  }
  return -1;
}

function readCentralDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw corrupt("file too short to be a ZIP archive");
  const eocd = findEocd(buf);
  if (eocd < 0) {
    throw corrupt(looksLikeZip(buf) ? "ZIP central directory missing (file truncated?)" : "not a ZIP archive");
  }
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && buf.readUInt32LE(loc) === SIG_EOCD64_LOCATOR) {
      const rec = Number(buf.readBigUInt64LE(loc + 8));
      if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== SIG_EOCD64) throw corrupt("bad ZIP64 end record");
      count = Number(buf.readBigUInt64LE(rec + 32));
      cdSize = Number(buf.readBigUInt64LE(rec + 40));
      cdOffset = Number(buf.readBigUInt64LE(rec + 48));
    }
  }
  if (cdOffset + cdSize > buf.length) throw corrupt("ZIP central directory lies outside the file (file truncated?)");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt("damaged ZIP central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen > buf.length) throw corrupt("damaged ZIP central directory");
    const name = buf.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, nameEnd);
    // ZIP64 extra field (0x0001): 8-byte values for the fields set to 0xFFFFFFFF, in this order.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let x = nameEnd;
      const xEnd = nameEnd + extraLen;
      while (x + 4 <= xEnd) {
        const id = buf.readUInt16LE(x);
        const size = buf.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (uncompressedSize === 0xffffffff && q + 8 <= xEnd) (uncompressedSize = Number(buf.readBigUInt64LE(q))), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= xEnd) (compressedSize = Number(buf.readBigUInt64LE(q))), (q += 8);
          if (localHeaderOffset === 0xffffffff && q + 8 <= xEnd) localHeaderOffset = Number(buf.readBigUInt64LE(q));
          break;
        }
        x += 4 + size;
      }
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = nameEnd + extraLen + commentLen;
  }
  return entries;
}

function checkDeclaredSizes(entries: ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > limits.maxEntryBytes) {
      throw tooLarge(`${e.name} declares ${e.uncompressedSize} bytes unpacked (limit ${limits.maxEntryBytes})`);
    }
    if (e.uncompressedSize >= limits.ratioMinBytes && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
      throw tooLarge(`${e.name}: compression ratio ${ratio}:1 over ${limits.maxRatio}:1`);
    }
  }
  if (total > limits.maxTotalBytes) throw tooLarge(`archive declares ${total} bytes unpacked (limit ${limits.maxTotalBytes})`);
}
