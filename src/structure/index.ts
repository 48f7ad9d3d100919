/**
 * Structure: title, heading tree, section roles, report type and enumerated items.
 *
 * Reads: text, blocks (styleLevel, numberingLabel, table rows), sentences.
 * Writes: title, titleSpan, reportType, sections, items.
 *
 * Steps: paragraph units (units.ts) → title (title.ts) → heading candidates
 * (headings.ts) → levels and tree (tree.ts) → roles, top-down (roles.ts) →
 * report type (report-type.ts) → items (items.ts). See README.md.
 */
import type { SectionNode, SectionRole, WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { detectHeadings } from "./headings.js";
import { buildItems } from "./items.js";
import { detectReportType } from "./report-type.js";
import { classifyRole } from "./roles.js";
import { detectTitle } from "./title.js";
import { buildTree } from "./tree.js";
import { buildUnits } from "./units.js";

/** Longest body passed to the role classifier. */
const ROLE_BODY_CHARS = 1500;

export function buildStructure(doc: WorkingDocument, options: DocumentOptions = {}): void {
  const units = buildUnits(doc);
  const { title, span } = detectTitle(doc.text, doc.blocks);
  doc.title = title;
  doc.titleSpan = span;

  const candidates = detectHeadings(units, { titleSpan: span });
  const { roots, placed } = buildTree(candidates, doc.text.length);
  assignRoles(doc.text, roots, null);
  doc.sections = roots;

  const roles: SectionRole[] = [];
  const collect = (list: SectionNode[]) => {
    for (const s of list) {
      roles.push(s.role);
      collect(s.children);
    }
  };
  collect(roots);
  doc.reportType = options.type ? { ...detectReportType({ title, text: doc.text, roles }), id: options.type } : detectReportType({ title, text: doc.text, roles });
  doc.items = buildItems(units, placed, roots);
}

function assignRoles(text: string, sections: SectionNode[], parentRole: SectionRole | null): void {
  for (const s of sections) {
    const bodyStart = s.headingSpan[1];
    const body = text.slice(bodyStart, Math.min(s.span[1], bodyStart + ROLE_BODY_CHARS));
    const guess = classifyRole({
      heading: s.heading,
      body,
      parentRole,
      level: s.level,
      childHeadings: s.children.map((c) => c.heading),
    });
    s.role = guess.role;
    s.roleConfidence = guess.confidence;
    assignRoles(text, s.children, s.role);
  }
}
