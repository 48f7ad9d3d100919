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
import type { ReportTypeId, SectionNode, SectionRole, WorkingDocument } from "../model/document.js";
import type { DocumentOptions } from "../model/options.js";
import { detectHeadings } from "./headings.js";
import { isPreviousRectificationHeading } from "./previous-rectification.js";
import { buildItems } from "./items.js";
import { detectReportType, OTHER_TYPE_LABEL, REPORT_TYPE_LABELS } from "./report-type.js";
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

  const candidates = detectHeadings(units, { titleSpan: span, wrapsLines: wrapsLines(doc) });
  const { roots, placed } = buildTree(candidates, doc.text.length);
  assignRoles(doc.text, roots, null);
  if (!/整改(?:情况|落实情况|工作情况|方案|进展)/.test(title ?? "")) keepPreviousAsProgress(roots);
  doc.sections = roots;

  const roles: SectionRole[] = [];
  const collect = (list: SectionNode[]) => {
    for (const s of list) {
      roles.push(s.role);
      collect(s.children);
    }
  };
  collect(roots);
  const detected = detectReportType({ title, text: doc.text, roles });
  // A forced type carries its own label (the checklist stage puts a custom checklist's label in).
  doc.reportType = options.type
    ? { id: options.type, label: forcedLabel(options.type), confidence: 1, forced: true, detected: { id: detected.id, label: detected.label, confidence: detected.confidence } }
    : detected;
  // Not a report (a notice, an attachment list): its sections are not report sections.
  if (doc.reportType.id === "other") markOther(roots);
  doc.items = buildItems(units, placed, roots);
}

function markOther(sections: SectionNode[]): void {
  for (const s of sections) {
    s.role = "other";
    markOther(s.children);
  }
}

function forcedLabel(id: string): string {
  return (REPORT_TYPE_LABELS as Record<string, string>)[id] ?? id;
}

/**
 * Whether a short line after a heading may be that heading's wrapped tail.
 * Never in DOCX/DOC (whole paragraphs). Not in a PDF text layer either: the
 * layout model (ingest/pdf-layout.ts) already joins a heading that fills its
 * line with the next one, so a heading that ends short of the margin ended
 * there — the next short line is a sub-heading of its own (`三、今后的努力方向`
 * / `持续加强理论学习`). Plain text and OCR output keep the join.
 */
function wrapsLines(doc: WorkingDocument): boolean {
  const format = doc.source?.format;
  if (format === "docx" || format === "doc") return false;
  if (format === "pdf" && !doc.source?.ocr) return false;
  return true;
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
  }
  smoothSiblings(sections);
  for (const s of sections) assignRoles(text, s.children, s.role);
}

/**
 * 一、上年度民主生活会整改措施落实情况 reports last year's follow-up: it is
 * `progress`, and so is everything under it — （一）关于理论学习不够深入的问题
 * there is last year's problem, not this year's. Not applied in a
 * rectification report (its title names 整改情况/整改方案), whose progress
 * sections hold the very problems it reports on.
 */
function keepPreviousAsProgress(sections: SectionNode[]): void {
  const force = (list: SectionNode[]) => {
    for (const s of list) {
      s.role = "progress";
      force(s.children);
    }
  };
  for (const s of sections) {
    if (isPreviousRectificationHeading(s.heading)) {
      s.role = "progress";
      s.roleConfidence = Math.max(s.roleConfidence, 0.8);
      force(s.children);
    } else keepPreviousAsProgress(s.children);
  }
}

/** Below this confidence an `other` is "the classifier found nothing", not "a named other section". */
const WEAK_OTHER = 0.6;

/**
 * Siblings share a genre: under 主要工作成效, `（一）…稳步提升` `（二）…取得实效`
 * `（三）…丰富多彩` are all achievements even when one wording escapes the
 * lexicon. A weak `other` among at least two siblings of one role (and no
 * other role as frequent) takes that role. A confident `other`
 * (总体要求, 廉洁自律情况) stays.
 */
export function smoothSiblings(sections: SectionNode[]): void {
  const counts = new Map<SectionRole, number>();
  for (const s of sections) if (s.role !== "other") counts.set(s.role, (counts.get(s.role) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top || top[1] < 2 || (ranked[1] && ranked[1][1] === top[1])) return;
  for (const s of sections) {
    if (s.role === "other" && s.roleConfidence < WEAK_OTHER) {
      s.role = top[0];
      s.roleConfidence = 0.4;
    }
  }
}
