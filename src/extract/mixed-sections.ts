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
 *
 * The same for results and plans: under `活动成效及下一步打算` the points
 * after `下一步，我们将：` are measures, the results listed before it are not.
 */
import type { SectionNode } from "../model/document.js";
import { readDataFile } from "../normalize/spin.js";

interface Data {
  section: RegExp;
  causeLeads: RegExp[];
  resultsAndPlans: RegExp;
  plans: RegExp;
}

let cache: Data | null = null;
function data(): Data {
  if (cache) return cache;
  const raw = readDataFile(new URL("./mixed-sections.yaml", import.meta.url)) as {
    section: { re: string };
    causeLeads: Array<{ re: string }>;
    resultsAndPlans: { re: string };
    plans: { re: string };
  };
  cache = {
    section: new RegExp(raw.section.re),
    causeLeads: raw.causeLeads.map((e) => new RegExp(e.re)),
    resultsAndPlans: new RegExp(raw.resultsAndPlans.re),
    plans: new RegExp(raw.plans.re),
  };
  return cache;
}

/** True when a heading reports results and announces the next steps together (活动成效及下一步打算). */
export function isResultsAndPlansHeading(heading: string): boolean {
  return data().resultsAndPlans.test(heading.replace(/\s+/g, ""));
}

/**
 * Measures of a results-and-plans section are the points after its first
 * plans cue (`下一步，我们将：`); the points before it are results
 * (`取得了明显成效：一是…`). Returns the measures that survive.
 */
export function dropResultsBeforePlans<T extends { span: [number, number]; section: string | null }>(text: string, measures: T[], sectionById: (id: string) => SectionNode | undefined): T[] {
  const cue = data().plans;
  const planStart = new Map<string, number>();
  const startOf = (s: SectionNode): number => {
    let at = planStart.get(s.id);
    if (at === undefined) {
      const body = text.slice(s.headingSpan[1], s.span[1]);
      const m = cue.exec(body);
      at = m ? s.headingSpan[1] + m.index : s.span[1];
      planStart.set(s.id, at);
    }
    return at;
  };
  return measures.filter((m) => {
    for (let id = m.section; id; ) {
      const s = sectionById(id);
      if (!s) break;
      if (isResultsAndPlansHeading(s.heading)) return m.span[0] >= startOf(s);
      id = s.parent;
    }
    return true;
  });
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
