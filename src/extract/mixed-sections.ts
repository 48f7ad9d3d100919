/**
 * Mixed sections: `三、存在的不足及原因` lists problems and causes in one run
 * of points — `（一）工作标准不够高。…` / `（三）究其原因，是…` /
 * `（五）工作作风不够扎实，主要是…所致。` The structure stage gives such a
 * heading the role `analysis` (it names both), which makes no items of its
 * own; here each point of it is split by its lead: a cause lead (究其原因,
 * 根源在于, 主要是…所致 — mixed-sections.yaml) makes a cause, anything else
 * a problem.
 *
 * Only points directly under the mixed heading: a sub-section of it
 * (`（一）存在的问题` / `（二）原因分析`) has a role of its own and keeps it.
 */
import type { SectionNode } from "../model/document.js";
import { readDataFile } from "../normalize/spin.js";

interface Data {
  section: RegExp;
  causeLeads: RegExp[];
}

let cache: Data | null = null;
function data(): Data {
  if (cache) return cache;
  const raw = readDataFile(new URL("./mixed-sections.yaml", import.meta.url)) as { section: { re: string }; causeLeads: Array<{ re: string }> };
  cache = { section: new RegExp(raw.section.re), causeLeads: raw.causeLeads.map((e) => new RegExp(e.re)) };
  return cache;
}

/** True when a heading names problems and their causes together (存在的不足及原因). */
export function isMixedHeading(heading: string): boolean {
  return data().section.test(heading.replace(/\s+/g, ""));
}

/** Problem or cause, by the point's own lead (first sentence). */
export function mixedItemKind(text: string): "problems" | "causes" {
  const first = /^[^。！？!?\n]*/.exec(text.trim())?.[0] ?? "";
  return data().causeLeads.some((re) => re.test(first)) ? "causes" : "problems";
}

/** The kind of a point whose own section is a mixed one, or null. */
export function mixedKindOf(section: SectionNode | undefined, text: string): "problems" | "causes" | null {
  if (!section || section.role !== "analysis" || !isMixedHeading(section.heading)) return null;
  return mixedItemKind(text);
}
