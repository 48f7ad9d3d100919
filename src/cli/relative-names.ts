/**
 * Names of per-document output files (annotated copies, memos): each input's
 * path relative to the root it was found under — the folder given on the
 * command line, the fixed part of a glob (`reports/` of `reports/**\/*.pdf`),
 * or the folder of a file given by name. Two inputs with one relative name
 * (the same file name under two roots) get ` (2)`, ` (3)` … so nothing is
 * overwritten.
 */
import { stat } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";

const GLOB_CHAR = /[*?[\]{}!()]/;

/** The folder a glob is anchored at: its segments before the first one with a glob character. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHAR.test(part)) break;
    fixed.push(part);
  }
  return fixed.join("/") || ".";
}

export async function relativeNamer(inputs: string[]): Promise<(file: string) => string> {
  const roots: string[] = [];
  for (const p of inputs) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) roots.push(resolve(p));
    else if (info) roots.push(resolve(dirname(p)));
    else roots.push(resolve(globBase(p)));
  }
  roots.sort((a, b) => b.length - a.length); // the innermost root wins
  const given = new Map<string, string>();
  const taken = new Set<string>();
  return (file: string): string => {
    const known = given.get(file);
    if (known) return known;
    const abs = resolve(file);
    let name = basename(file);
    for (const root of roots) {
      const rel = relative(root, abs);
      if (rel && !rel.startsWith("..") && !isAbsolute(rel)) {
        name = rel.split(sep).join("/");
        break;
      }
    }
    let unique = name;
    const ext = extname(name);
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
    taken.add(unique.toLowerCase());
    given.set(file, unique);
    return unique;
  };
}
