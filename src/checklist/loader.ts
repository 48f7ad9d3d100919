/**
 * Checklist YAML: the built-ins in `builtin/*.yaml` (next to this file, copied
 * to dist/ by scripts/copy-assets.mjs) and the user's `--checklist` files.
 *
 * A file is one checklist:
 *   id: analysis-check          # a report type id, or a new id
 *   label: 分析检查报告
 *   extends: analysis-check     # optional: start from a built-in and add/override rules by id
 *   rules:
 *     - id: measures.deadline
 *       severity: error           # error | warning | info | off (off removes an inherited rule)
 *       message: 整改措施没有写明完成时限……
 *       detector: measures.deadline   # optional, defaults to the id
 *       options: { … }                # optional
 * A file with the id of a built-in (or `extends`) overrides rules by id and
 * adds new ones. Any problem in a file is reported with its path and line,
 * never thrown past `validateChecklistFile`.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Node as YamlNode } from "yaml";
import { DETECTORS } from "./detectors/index.js";
import type { Checklist, ChecklistRule } from "./types.js";
import type { Severity } from "../model/document.js";

const BUILTIN_DIR = join(dirname(fileURLToPath(import.meta.url)), "builtin");
const SEVERITIES = new Set(["error", "warning", "info", "off"]);

export class ChecklistFileError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${path}${line ? `:${line}` : ""}: ${reason}`);
  }
}

/** A parsed file before merging: rules may carry severity "off". */
export interface ChecklistFile {
  id: string;
  label?: string;
  description?: string;
  extends?: string;
  rules: Array<Omit<ChecklistRule, "severity"> & { severity: Severity | "off" }>;
  source: string;
}

type RuleKey = "severity" | "detector" | "options";

/**
 * Validates one rule given as plain values (a YAML rule's toJSON(), or a rule of a
 * precompiled built-in) and returns it. `fail` throws; `key` names the field at fault
 * so the YAML reader can point at its line.
 */
function ruleFromData(r: Record<string, unknown>, seen: Set<string>, fail: (reason: string, key?: RuleKey) => never): ChecklistFile["rules"][number] {
  const rid = r["id"];
  if (typeof rid !== "string" || !rid) return fail("规则缺少“id”");
  if (seen.has(rid)) return fail(`规则“${rid}”重复`);
  seen.add(rid);
  const severity = r["severity"] ?? "warning";
  if (typeof severity !== "string" || !SEVERITIES.has(severity)) return fail(`规则“${rid}”的 severity 应为 error、warning、info 或 off`, "severity");
  const detector = typeof r["detector"] === "string" ? r["detector"] : rid;
  if (severity !== "off" && !DETECTORS.has(detector)) return fail(`未知的检测器“${detector}”（可用：${[...DETECTORS.keys()].join("、")}）`, "detector");
  const message = r["message"];
  if (severity !== "off" && (typeof message !== "string" || !message.trim())) return fail(`规则“${rid}”缺少“message”（说明缺什么、怎样写才符合要求）`);
  const options = r["options"];
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) return fail(`规则“${rid}”的 options 应为映射`, "options");
  return {
    id: rid,
    severity: severity as Severity | "off",
    message: typeof message === "string" ? message : "",
    detector,
    ...(options ? { options: options as Record<string, unknown> } : {}),
  };
}

/** Parse and validate one checklist YAML text. Throws ChecklistFileError naming the line. */
export function parseChecklistYaml(src: string, path: string): ChecklistFile {
  // Required here, not imported: built-ins come precompiled as JSON (see builtinChecklists), so
  // the yaml library's cold start is paid only for a user's --checklist file or from src/.
  const { isMap, isSeq, LineCounter, parseDocument } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
    throw new ChecklistFileError(path, line, `YAML 语法错误：${e.message.split("\n")[0]}`);
  }
  const lineOf = (n: YamlNode | null | undefined): number | null => (n?.range ? lc.linePos(n.range[0]).line : null);
  const root = doc.contents;
  if (!isMap(root)) throw new ChecklistFileError(path, lineOf(root as YamlNode | null) ?? 1, "清单文件应为一个映射（含 id、label、rules）");
  const get = (key: string) => root.get(key, true) as YamlNode | undefined;
  const str = (key: string, required: boolean): string | undefined => {
    const n = get(key);
    const v = doc.get(key);
    if (v === undefined || v === null) {
      if (required) throw new ChecklistFileError(path, lineOf(root), `缺少字段“${key}”`);
      return undefined;
    }
    if (typeof v !== "string" && typeof v !== "number") throw new ChecklistFileError(path, lineOf(n), `字段“${key}”应为字符串`);
    return String(v);
  };
  const id = str("id", true)!;
  const rulesNode = get("rules");
  if (!rulesNode || !isSeq(rulesNode)) throw new ChecklistFileError(path, lineOf(rulesNode ?? root), "缺少“rules”列表");
  const rules: ChecklistFile["rules"] = [];
  const seen = new Set<string>();
  for (const item of rulesNode.items) {
    const node = item as YamlNode;
    const line = lineOf(node);
    if (!isMap(node)) throw new ChecklistFileError(path, line, "每条规则应为映射（含 id、severity、message）");
    // A rule's fault is reported on the line of the key at fault (severity: …), else on the rule's line.
    const fail = (reason: string, key?: RuleKey): never => {
      throw new ChecklistFileError(path, (key ? lineOf(node.get(key, true) as YamlNode) : null) ?? line, reason);
    };
    rules.push(ruleFromData(node.toJSON() as Record<string, unknown>, seen, fail));
  }
  const label = str("label", false);
  const description = str("description", false);
  const ext = str("extends", false);
  return { id, rules, source: path, ...(label ? { label } : {}), ...(description ? { description } : {}), ...(ext ? { extends: ext } : {}) };
}

function toChecklist(f: ChecklistFile): Checklist {
  return {
    id: f.id,
    label: f.label ?? f.id,
    ...(f.description ? { description: f.description } : {}),
    rules: f.rules.filter((r) => r.severity !== "off") as ChecklistRule[],
    source: f.source,
  };
}

/** A built-in checklist precompiled to plain values: the same checks as parseChecklistYaml, without line numbers. */
export function checklistFromData(raw: unknown, path: string): ChecklistFile {
  const fail = (reason: string): never => {
    throw new ChecklistFileError(path, null, reason);
  };
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return fail("清单文件应为一个映射（含 id、label、rules）");
  const o = raw as Record<string, unknown>;
  const str = (key: string): string | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string" && typeof v !== "number") return fail(`字段“${key}”应为字符串`);
    return String(v);
  };
  const id = str("id") ?? fail("缺少字段“id”");
  if (!Array.isArray(o["rules"])) return fail("缺少“rules”列表");
  const rules: ChecklistFile["rules"] = [];
  const seen = new Set<string>();
  for (const item of o["rules"] as unknown[]) {
    if (!item || typeof item !== "object" || Array.isArray(item)) return fail("每条规则应为映射（含 id、severity、message）");
    rules.push(ruleFromData(item as Record<string, unknown>, seen, fail));
  }
  const label = str("label");
  const description = str("description");
  const ext = str("extends");
  return { id, rules, source: path, ...(label ? { label } : {}), ...(description ? { description } : {}), ...(ext ? { extends: ext } : {}) };
}

let builtinCache: Map<string, { checklist: Checklist; yaml: string }> | null = null;

/** The built-in checklists, by id, with their YAML text. */
export function builtinChecklists(): Map<string, { checklist: Checklist; yaml: string }> {
  if (builtinCache) return builtinCache;
  const out = new Map<string, { checklist: Checklist; yaml: string }>();
  for (const name of readdirSync(BUILTIN_DIR).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const yaml = readFileSync(join(BUILTIN_DIR, name), "utf8");
    // dist/ has the file precompiled by scripts/copy-assets.mjs (the YAML was validated with
    // line numbers by the tests, which read src/); the YAML text is kept for `checklist show`.
    const json = join(BUILTIN_DIR, `${name}.json`);
    const f = existsSync(json) ? checklistFromData(JSON.parse(readFileSync(json, "utf8")) as unknown, `builtin/${name}`) : parseChecklistYaml(yaml, `builtin/${name}`);
    out.set(f.id, { checklist: { ...toChecklist(f), source: "builtin" }, yaml });
  }
  builtinCache = out;
  return out;
}

/** Merge a file into a base checklist: rules override by id, "off" removes, new ones are appended. */
export function mergeChecklist(base: Checklist | undefined, f: ChecklistFile): Checklist {
  if (!base) return toChecklist(f);
  const rules = [...base.rules];
  for (const r of f.rules) {
    const i = rules.findIndex((x) => x.id === r.id);
    if (r.severity === "off") {
      if (i >= 0) rules.splice(i, 1);
    } else if (i >= 0) rules[i] = r as ChecklistRule;
    else rules.push(r as ChecklistRule);
  }
  return { ...base, id: f.id, label: f.label ?? base.label, rules, source: f.source };
}

/** Built-ins plus user files (later files override earlier ones). Throws ChecklistFileError. */
export function loadChecklists(extraFiles: string[] = []): Map<string, Checklist> {
  const out = new Map<string, Checklist>();
  for (const [id, b] of builtinChecklists()) out.set(id, b.checklist);
  for (const path of extraFiles) {
    let src: string;
    try {
      src = readFileSync(path, "utf8");
    } catch (e) {
      throw new ChecklistFileError(path, null, `无法读取清单文件：${e instanceof Error ? e.message : String(e)}`);
    }
    const f = parseChecklistYaml(src, path);
    const base = out.get(f.extends ?? f.id);
    if (f.extends && !base) throw new ChecklistFileError(path, null, `extends 指向不存在的清单“${f.extends}”`);
    out.set(f.id, mergeChecklist(base, f));
  }
  return out;
}

export function validateChecklistFile(path: string): { ok: true } | { ok: false; error: string } {
  try {
    loadChecklists([path]);
    return { ok: true };
  } catch (e) {
    if (e instanceof ChecklistFileError) return { ok: false, error: e.message };
    throw e;
  }
}
