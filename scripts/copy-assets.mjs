// Copies non-TypeScript assets (checklist YAML, dictionaries, HTML templates) from src/ to dist/.
import { cpSync, existsSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { join, dirname, extname } from "node:path";

const ASSET_EXT = new Set([".yaml", ".yml", ".txt", ".json", ".css", ".html", ".utf8"]);
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (ASSET_EXT.has(extname(name))) {
      const out = join("dist", p.slice("src/".length));
      mkdirSync(dirname(out), { recursive: true });
      cpSync(p, out);
    }
  }
}
if (existsSync("src")) walk("src");
