/**
 * Which measures a reviewer expects to carry their own deadline and owner.
 *
 * A rectification task (对闲置厂房出租情况进行全面清理…) is judged one by one.
 * Not judged: the plan for the next stage (下一步工作打算: 巩固整改成果…) and
 * the guarantees that organise the work itself (保障措施: 加强组织领导,
 * 严格督查问责), which no report gives a date or an owner each.
 */
import type { MeasureFact, SectionNode, WorkingDocument } from "../../model/document.js";
import { flatSections } from "./util.js";

// 保障措施 / 组织保障 / 工作要求 / 工作步骤 (the phases of the campaign, 动员部署阶段)
const NOT_TASKS = /保障|工作要求|有关要求|工作步骤|步骤安排|方法步骤|时间安排|阶段安排/;

export function taskMeasures(doc: WorkingDocument): MeasureFact[] {
  const byId = new Map<string, SectionNode>(flatSections(doc.sections).map((s) => [s.id, s]));
  const excluded = (id: string | null): boolean => {
    for (let s = id ? byId.get(id) : undefined; s; s = s.parent ? byId.get(s.parent) : undefined) {
      if (s.role === "next-steps" || NOT_TASKS.test(s.heading)) return true;
    }
    return false;
  };
  return doc.measures.filter((m) => !excluded(m.section));
}

/** The opening words of an item, for a message: “加强国有资产管理。①对闲置…”. */
export function quoteStart(text: string, n = 24): string {
  const t = text.replace(/\s+/g, "");
  return t.length > n ? `“${t.slice(0, n)}…”` : `“${t}”`;
}
