/**
 * Builds dist/ before the tests when it is missing or older than src/: the
 * end-to-end tests spawn the BUILT CLI (dist/cli.js). `npm ci` builds through
 * `prepare`, so on CI this is usually a no-op. Type errors do not stop the
 * build (tsc still emits); the tests then show what is broken.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const built = join(root, "dist", "cli.js");
  const workerBuilt = join(root, "dist", "batch", "worker.js");
  if (existsSync(built) && existsSync(workerBuilt) && statSync(built).mtimeMs >= newest(join(root, "src"))) return;
  try {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: root, stdio: "inherit" });
  } catch {
    // tsc exits non-zero on type errors but still emits JavaScript.
  }
  execFileSync(process.execPath, [join(root, "scripts", "copy-assets.mjs")], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [join(root, "scripts", "bundle.mjs")], { cwd: root, stdio: "inherit" });
}
