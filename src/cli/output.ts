/**
 * Writing outputs safely: every report file is written to a temp name in the
 * same folder and renamed over the target (atomic on POSIX), so an
 * interrupted run never leaves half a report; JSONL is appended one whole line
 * per write, so a cut-off file still parses line by line. Names are checked to
 * stay inside --out.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { constants } from "node:fs";
import { access, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";

/** `dir/name`, refusing any name that would land outside `dir` (`../x`, `/etc/x`). */
export function insideDir(dir: string, name: string): string {
  const target = resolve(dir, name);
  const rel = relative(resolve(dir), target);
  if (!rel || rel.startsWith("..") || isAbsolute(rel) || name !== basename(name)) throw new Error(`输出文件名越出输出目录：${name}`);
  return target;
}

/** `dir/a/b.docx` for a relative path of plain segments, refusing `..`, absolute paths and empty segments. */
export function insideDirPath(dir: string, relPath: string): string {
  const segments = relPath.split("/");
  if (!relPath || isAbsolute(relPath) || segments.some((s) => !s || s === "." || s === ".." || s !== basename(s))) throw new Error(`输出文件名越出输出目录：${relPath}`);
  const target = resolve(dir, ...segments);
  const rel = relative(resolve(dir), target);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) throw new Error(`输出文件名越出输出目录：${relPath}`);
  return target;
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Not mkdir's recursive mode: see prepareOutDir (it never returns under /proc).
  if (!(await stat(dirname(path)).catch(() => null))?.isDirectory()) await prepareOutDir(dirname(path));
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

/**
 * Makes --out ready before any document is analysed, or says in Chinese why it cannot be.
 *
 * Not `mkdir(dir, { recursive: true })`: on Node 20 that never returns for a path under /proc
 * (`--out /proc/nope` spun at 99 % CPU for over ten minutes). The folders are created one level
 * at a time from the nearest existing ancestor, which must be a writable folder, and a probe
 * file is written and removed, so a read-only or full location fails here, not after the batch.
 */
export async function prepareOutDir(dir: string): Promise<void> {
  const target = resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const info = await stat(at).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" || e.code === "ENOTDIR" ? null : Promise.reject(e)));
    if (info) {
      if (!info.isDirectory()) {
        throw new Error(at === target ? `${dir} 已存在，但不是文件夹` : `路径中的 ${at} 是文件，不是文件夹`);
      }
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  try {
    await access(at, constants.W_OK);
  } catch {
    throw new Error(`没有写入 ${at} 的权限`);
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new Error(`无法创建文件夹 ${d}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
    }
  }
  const probe = join(target, `.report-check-probe.${process.pid}.tmp`);
  try {
    await writeFile(probe, "");
  } catch (e) {
    throw new Error(`无法在 ${dir} 中写入文件（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}
