/**
 * Shared set-up of the web server tests: the BUILT CLI's `serve` on a free
 * loopback port (`--port 0`, the URL read from its first line), a temp data
 * folder, and small HTTP helpers over Node's fetch.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { CLI } from "../cli/helpers.js";

export interface Served {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

export function tempDir(prefix = "rc-serve-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts `report-check serve` and resolves once it prints its address; rejects when it exits first. */
export function startServe(args: string[], env: Record<string, string> = {}, quiet = true): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...(quiet ? ["--quiet"] : []), ...args], {
      env: { ...process.env, NO_COLOR: "1", REPORT_CHECK_TOKEN: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let settled = false;
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = /http:\/\/\S+\//.exec(out);
      if (m && !settled) {
        settled = true;
        resolve({
          url: m[0],
          child,
          stdout: () => out,
          stderr: () => err,
          stop: async () => {
            if (child.exitCode === null) child.kill("SIGTERM");
            return exited;
          },
        });
      }
    });
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    void exited.then((code) => {
      if (!settled) {
        settled = true;
        reject(Object.assign(new Error(`serve exited with ${code}: ${err}`), { code, stderr: err }));
      }
    });
  });
}

/** Runs `serve` expecting it to refuse: resolves with its exit code and stderr. */
export function refusedServe(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return startServe(args, env).then(
    async (s) => {
      await s.stop();
      throw new Error(`serve started at ${s.url} but should have refused`);
    },
    (e: { code: number | null; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
}

export interface UploadFile {
  name: string;
  data: Buffer | string;
}

export function fromDisk(path: string, name = basename(path)): UploadFile {
  return { name, data: readFileSync(path) };
}

export function form(files: UploadFile[]): FormData {
  const fd = new FormData();
  for (const f of files) fd.append("files", new Blob([typeof f.data === "string" ? f.data : new Uint8Array(f.data)]), f.name);
  return fd;
}

export async function upload(url: string, files: UploadFile[], headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(new URL("api/batches", url), { method: "POST", body: form(files), headers });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return { status: res.status, body, headers: res.headers };
}

export async function getJson(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, url), { headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Polls a batch until it is done or interrupted (no time assertion: the test's own timeout bounds it). */
export async function waitForBatch(url: string, id: string, headers: Record<string, string> = {}): Promise<any> {
  for (;;) {
    const { status, body } = await getJson(url, `api/batches/${id}`, headers);
    if (status !== 200) throw new Error(`GET batch ${id}: ${status} ${JSON.stringify(body)}`);
    if (body.status === "done" || body.status === "interrupted") return body;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A result without the fields that differ between any two runs. */
export function stableResult(r: Record<string, any>): string {
  const copy = { ...r };
  delete copy["elapsedMs"];
  return JSON.stringify(copy);
}
