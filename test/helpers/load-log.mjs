// Loaded with `node --import` by test/startup/modules.test.ts: records what a process loads —
// ES modules (a loader hook), CommonJS modules (Module._load), files read whole (fs.readFileSync /
// fs.promises.readFile) — one JSON line each, appended to $LOAD_LOG.
import { appendFileSync } from "node:fs";
import fs from "node:fs";
import Module, { register, syncBuiltinESMExports } from "node:module";

const out = process.env["LOAD_LOG"];
if (out) {
  const note = (kind, what) => appendFileSync(out, JSON.stringify({ kind, what: String(what) }) + "\n");
  register(new URL("./load-log-hooks.mjs", import.meta.url), { data: { out } });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const result = load.apply(this, arguments);
    try {
      note("cjs", Module._resolveFilename(request, parent, isMain));
    } catch {
      note("cjs", request);
    }
    return result;
  };
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function (path, ...rest) {
    if (typeof path === "string" || path instanceof URL) note("read", path instanceof URL ? path.pathname : path);
    return readFileSync.call(this, path, ...rest);
  };
  const readFile = fs.promises.readFile;
  fs.promises.readFile = function (path, ...rest) {
    if (typeof path === "string" || path instanceof URL) note("read", path instanceof URL ? path.pathname : path);
    return readFile.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
}
