/**
 * Section tree: heading candidates (document order) → nested SectionNodes.
 *
 * Levels come from the order in which numbering families open in THIS
 * document, not from a fixed table: a stack of open families; a heading of a
 * family already on the stack closes everything below it (a sibling); a new
 * family opens one level deeper. So a document with only 一、 and 1. gives
 * 1. level 2, and 一是-lead sub-headings under style headings get level 2.
 * Two safeguards use the usual order (CANONICAL_RANK): 一、/第一部分 and
 * style headings never nest under a family that usually ranks below them.
 *
 * Spans: a section runs from its marker to the start of the next heading of
 * the same or a higher level (or the end of the text).
 */
import type { SectionNode, Span } from "../model/document.js";
import type { HeadingCandidate } from "./headings.js";

export interface PlacedHeading extends HeadingCandidate {
  level: number;
  id: string;
  parent: string | null;
}

export function assignLevels(cands: HeadingCandidate[]): Array<HeadingCandidate & { level: number }> {
  const stack: HeadingCandidate[] = [];
  return cands.map((c) => {
    const at = stack.findIndex((s) => s.family === c.family);
    if (at >= 0) {
      stack.length = at;
    } else {
      // `一、` after a run of `（一）`-only headings in a preamble, or a style
      // heading after marked sub-headings: close the lower families.
      while (stack.length && stack[stack.length - 1]!.rank > c.rank && (c.rank <= 3 || c.family.startsWith("style-"))) stack.pop();
    }
    stack.push(c);
    return { ...c, level: stack.length };
  });
}

export function buildTree(cands: HeadingCandidate[], textLength: number): { roots: SectionNode[]; placed: PlacedHeading[] } {
  const leveled = assignLevels(cands);
  const roots: SectionNode[] = [];
  const path: SectionNode[] = [];
  const placed: PlacedHeading[] = [];
  leveled.forEach((c, k) => {
    // A level can jump by more than one only if a family was skipped; keep the depth honest.
    while (path.length >= c.level) path.pop();
    const level = path.length + 1;
    const parent = path[path.length - 1] ?? null;
    const siblings = parent ? parent.children : roots;
    const id = parent ? `${parent.id}.${siblings.length + 1}` : `s${siblings.length + 1}`;
    let end = textLength;
    for (let n = k + 1; n < leveled.length; n++) {
      if (leveled[n]!.level <= c.level) {
        end = leveled[n]!.span[0];
        break;
      }
    }
    const node: SectionNode = {
      id,
      level,
      marker: c.marker,
      heading: c.text,
      role: "other",
      roleConfidence: 0,
      span: [c.span[0], end] as Span,
      headingSpan: c.headingSpan,
      parent: parent ? parent.id : null,
      children: [],
    };
    siblings.push(node);
    path.push(node);
    placed.push({ ...c, level, id, parent: node.parent });
  });
  return { roots, placed };
}

export function flattenSections(sections: SectionNode[], out: SectionNode[] = []): SectionNode[] {
  for (const s of sections) {
    out.push(s);
    flattenSections(s.children, out);
  }
  return out;
}

/** Innermost section containing `offset`, or null. */
export function innermostSection(sections: SectionNode[], offset: number): SectionNode | null {
  for (const s of sections) {
    if (s.span[0] <= offset && offset < s.span[1]) return innermostSection(s.children, offset) ?? s;
  }
  return null;
}
