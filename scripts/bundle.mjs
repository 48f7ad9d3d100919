// Bundles the command line (dist/cli.js and the dist/ modules it reaches) into a handful of
// files, after tsc and copy-assets (`npm run build`).
//
// Why: a one-document run loaded ~145 ES modules one by one, and Node 20 resolves, reads and
// links each (URL → path, realpath, package scope lookup): about a fifth of a single DOCX's
// start-up. Bundled, that is one entry file plus the chunks its dynamic imports need.
//
// What stays as tsc wrote it: every other file in dist/. The library (dist/index.js, what
// `import … from "report-check"` loads), the worker threads (dist/batch/worker.js, started by
// file name) and the tests import those, unchanged. Packages stay external (require/import at
// run time from node_modules), so native addons and their lookups are untouched.
//
// Assets: modules find their data beside themselves (`new URL("./role-lexicon.yaml",
// import.meta.url)`). Every output file sits in dist/ itself, so each module's `import.meta.url`
// is rewritten to the URL of its own unbundled file, computed from the bundle's location; the
// asset files stay where copy-assets put them.
//
// Laziness: with code splitting, each dynamic import (the pipeline, pdf.js's reader, the Word
// writers, serve, the queue) stays a separate chunk loaded on demand, with its packages.
//
// Without esbuild installed the CLI is left unbundled: slower to start, same behaviour.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";

const DIST = "dist";
const ENTRY = join(DIST, "cli.js");
const CHUNK_PREFIX = "cli-chunk-";
/** First line of the bundled entry: what tells a bundle from tsc's cli.js (tests check it). */
const BUNDLE_MARK = "// report-check: bundled CLI";

const source = readFileSync(ENTRY, "utf8");
if (source.includes(BUNDLE_MARK)) {
  // tsc did not re-emit cli.js (nothing changed): bundling the bundle would be wrong.
  process.stderr.write("bundle: dist/cli.js is already bundled\n");
  process.exit(0);
}
// Chunks of an earlier bundle: tsc's new cli.js no longer uses them.
for (const name of readdirSync(DIST)) if (name.startsWith(CHUNK_PREFIX)) rmSync(join(DIST, name));

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  process.stderr.write("bundle: esbuild is not installed; dist/cli.js stays unbundled\n");
  process.exit(0);
}

const distRoot = join(process.cwd(), DIST) + sep;
/** Each dist module's `import.meta.url`, as the URL of its own file, from wherever its code now runs in dist/. */
const ownUrl = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(distRoot)) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "js" };
      const rel = "./" + relative(distRoot, args.path).split(sep).join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: "js" };
    });
  },
};

await esbuild.build({
  entryPoints: [ENTRY],
  outdir: DIST,
  entryNames: "[name]",
  chunkNames: `${CHUNK_PREFIX}[hash]`,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  banner: { js: BUNDLE_MARK },
  logLevel: "warning",
  plugins: [ownUrl],
});
