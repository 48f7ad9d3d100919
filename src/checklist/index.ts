/**
 * Checklist stage. Reads: reportType, sections, problems, causes, measures,
 * counts, text, spun. Writes: checklist.
 *
 * The checklist is the one of the document's type (`options.type` forces
 * it); a document whose type is unknown or uncertain (confidence below
 * `MIN_TYPE_CONFIDENCE`) is checked against work-summary and says so in
 * `note`. Also the library API the CLI uses: listChecklists, showChecklist,
 * validateChecklistFile, loadChecklists.
 */
import type { WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { runRules } from "./engine.js";
import { builtinChecklists, ChecklistFileError, loadChecklists } from "./loader.js";
import type { Checklist } from "./types.js";

export { loadChecklists, validateChecklistFile, ChecklistFileError, parseChecklistYaml } from "./loader.js";
export type { Checklist, ChecklistRule, Detector, Evidence } from "./types.js";
export { DETECTORS } from "./detectors/index.js";

export const FALLBACK_TYPE = "work-summary";
export const MIN_TYPE_CONFIDENCE = 0.4;

const cache = new Map<string, Map<string, Checklist>>();
function checklistsFor(files: string[]): Map<string, Checklist> {
  const key = files.join("\n");
  let c = cache.get(key);
  if (!c) {
    c = loadChecklists(files);
    cache.set(key, c);
  }
  return c;
}

export async function runChecklist(doc: WorkingDocument, options: DocumentOptions = {}): Promise<void> {
  let lists: Map<string, Checklist>;
  try {
    lists = checklistsFor(options.checklistFiles ?? []);
  } catch (e) {
    // a bad --checklist file: the CLI validates first; here the built-ins still run and the problem is recorded
    if (!(e instanceof ChecklistFileError)) throw e;
    doc.warnings.push({ stage: "checklist", code: "CHECKLIST_INVALID", message: `自定义清单无效，已改用内置清单：${e.message}` });
    lists = checklistsFor([]);
  }
  if (!options.type && doc.reportType?.id === "other") {
    // Not a report: nothing is judged (shared/spec/output.md "Not a report"); --type still forces a checklist.
    doc.checklist = null;
    doc.warnings.push({
      stage: "checklist",
      code: "NOT_A_REPORT",
      message: "未识别为报告（如通知、附件清单、说明文件），未按清单检查；如确为报告，可用 --type 指定类型后重新检查。",
    });
    return;
  }
  let id: string = options.type ?? doc.reportType?.id ?? FALLBACK_TYPE;
  let note: string | undefined;
  if (!options.type && (!doc.reportType || doc.reportType.confidence < MIN_TYPE_CONFIDENCE)) {
    id = FALLBACK_TYPE;
    note = doc.reportType
      ? `报告类型不确定（${doc.reportType.label}，置信度${doc.reportType.confidence.toFixed(2)}），按工作总结清单检查；可用 --type 指定类型。`
      : "无法判断报告类型，按工作总结清单检查；可用 --type 指定类型。";
  }
  const list = lists.get(id) ?? lists.get(FALLBACK_TYPE)!;
  // A forced type is labelled by the checklist that checks it (a user's own type has its own label).
  if (options.type && doc.reportType?.forced && list.id === options.type) doc.reportType = { ...doc.reportType, label: list.label };
  const result = runRules(doc, list);
  doc.checklist = note ? { ...result, note } : result;
}

/** `checklist list`: every checklist with its rules. */
export function listChecklists(extraFiles: string[] = []): Array<{ id: string; label: string; rules: Checklist["rules"] }> {
  return [...checklistsFor(extraFiles).values()].map((c) => ({ id: c.id, label: c.label, rules: c.rules }));
}

/** `checklist show <type>`: the built-in YAML as shipped. Throws for an unknown type. */
export function showChecklist(type: string): string {
  const b = builtinChecklists().get(type);
  if (!b) throw new Error(`未知的清单类型“${type}”（可用：${[...builtinChecklists().keys()].join("、")}）`);
  return b.yaml;
}
