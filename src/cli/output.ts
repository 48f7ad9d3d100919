/**
 * Writing outputs safely: every report file is written to a temp name in the
 * same folder and renamed over the target (atomic on POSIX), so an
 * interrupted run never leaves half a report; JSONL is appended one whole line
 * per write, so a cut-off file still parses line by line. Names are checked to
 * stay inside --out.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";

/** `dir/name`, refusing any name that would land outside `dir` (`../x`, `/etc/x`). */
export function insideDir(dir: string, name: string): string {
  const target = resolve(dir, name);
  const rel = relative(resolve(dir), target);
  if (!rel || rel.startsWith("..") || isAbsolute(rel) || name !== basename(name)) throw new Error(`输出文件名越出输出目录:${name}`);
  return target;
}

/** `dir/a/b.docx` for a relative path of plain segments, refusing `..`, absolute paths and empty segments. */
export function insideDirPath(dir: string, relPath: string): string {
  const segments = relPath.split("/");
  if (!relPath || isAbsolute(relPath) || segments.some((s) => !s || s === "." || s === ".." || s !== basename(s))) throw new Error(`输出文件名越出输出目录:${relPath}`);
  const target = resolve(dir, ...segments);
  const rel = relative(resolve(dir), target);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) throw new Error(`输出文件名越出输出目录:${relPath}`);
  return target;
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** An append-only line file: one synchronous write per line, so no line is ever half-written. */
export class LineWriter {
  private fd: number | null;
  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }
  write(line: string): void {
    if (this.fd !== null) writeSync(this.fd, line);
  }
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
