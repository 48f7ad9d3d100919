/**
 * A new Word document of the normalized text, for inputs that are not DOCX
 * (PDF, DOC, TXT, HTML): one paragraph per line, table rows (cells joined by
 * a tab) as Word tables, the title as the Title style and the recovered
 * headings as Heading 1–6 (so Word's navigation pane shows the outline), and
 * the reviewer's comments anchored on the same spans as in an annotated DOCX.
 * Written with the `docx` package; pure: a result and its text in, bytes out.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { AnalysisResult, Span } from "../model/document.js";
import type { CommentMeta } from "./docx-annotate.js";
import type { ReviewComment } from "./review-comments.js";

const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" };
const HEAD_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };

interface Marker {
  at: number;
  kind: "start" | "end";
  id: number;
}

/** A stretch of text that becomes one paragraph (a line, or a table cell). */
interface Segment {
  span: Span;
  markers: Marker[];
}

type HeadingValue = (typeof HeadingLevel)[keyof typeof HeadingLevel];
const LEVELS: HeadingValue[] = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

function headingStarts(r: AnalysisResult): Map<number, number> {
  const out = new Map<number, number>();
  const visit = (list: AnalysisResult["sections"]): void => {
    for (const s of list) {
      if (!out.has(s.span[0])) out.set(s.span[0], s.level);
      visit(s.children);
    }
  };
  visit(r.sections);
  return out;
}

/**
 * Places each comment's start in the first segment it reaches and its end in
 * the last segment it covers, so a range that starts on a line break or a
 * cell separator still opens and closes on text.
 */
function placeMarkers(segments: Segment[], comments: Array<{ id: number; span: Span }>): void {
  if (!segments.length) return;
  for (const c of comments) {
    const s = segments.find((g) => c.span[0] < g.span[1]) ?? segments[segments.length - 1]!;
    s.markers.push({ at: Math.max(s.span[0], Math.min(c.span[0], s.span[1])), kind: "start", id: c.id });
    let e = s;
    for (const g of segments) if (g.span[0] < c.span[1] && g.span[0] >= s.span[0]) e = g;
    const eg = e;
    eg.markers.push({ at: Math.max(eg.span[0], Math.min(c.span[1], eg.span[1])), kind: "end", id: c.id });
  }
}

function runs(text: string, seg: Segment, font: typeof BODY_FONT, bold = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  // ends before starts at one offset; starts before ends when a comment is empty
  const markers = [...seg.markers].sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === "end" ? -1 : 1));
  let pos = seg.span[0];
  for (const m of markers) {
    if (m.at > pos) out.push(new TextRun({ text: text.slice(pos, m.at), font, bold }));
    pos = Math.max(pos, m.at);
    if (m.kind === "start") {
      out.push(new CommentRangeStart(m.id));
    } else {
      out.push(new CommentRangeEnd(m.id));
      out.push(new TextRun({ children: [new CommentReference(m.id)] }));
    }
  }
  if (pos < seg.span[1]) out.push(new TextRun({ text: text.slice(pos, seg.span[1]), font, bold }));
  return out;
}

export async function textToDocx(r: AnalysisResult, text: string, comments: Array<{ id: number; comment: ReviewComment }>, meta: CommentMeta): Promise<Uint8Array> {
  // lines, with table rows grouped
  const lines: Array<{ span: Span; cells: Span[] | null }> = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const span: Span = [at, at + line.length];
    let cells: Span[] | null = null;
    if (line.includes("\t")) {
      cells = [];
      let c = at;
      for (const cell of line.split("\t")) {
        cells.push([c, c + cell.length]);
        c += cell.length + 1;
      }
    }
    lines.push({ span, cells });
    at += line.length + 1;
  }
  const segments: Segment[] = [];
  const lineSegs = lines.map((l) => (l.cells ?? [l.span]).map((span) => {
    const seg: Segment = { span, markers: [] };
    segments.push(seg);
    return seg;
  }));
  placeMarkers(segments, comments.map((c) => ({ id: c.id, span: c.comment.span })));

  const heads = headingStarts(r);
  const title = r.titleSpan ?? null;
  const children: Array<Paragraph | Table> = [];
  let k = 0;
  while (k < lines.length) {
    const l = lines[k]!;
    if (l.cells) {
      const rows: TableRow[] = [];
      let width = 0;
      for (let q = k; q < lines.length && lines[q]!.cells; q++) width = Math.max(width, lines[q]!.cells!.length);
      for (; k < lines.length && lines[k]!.cells; k++) {
        const segs = lineSegs[k]!;
        const cells = segs.map((s) => new TableCell({ children: [new Paragraph({ children: runs(text, s, BODY_FONT) })] }));
        for (let pad = segs.length; pad < width; pad++) cells.push(new TableCell({ children: [new Paragraph({})] }));
        rows.push(new TableRow({ children: cells }));
      }
      children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
      continue;
    }
    const seg = lineSegs[k]![0]!;
    const lineText = text.slice(l.span[0], l.span[1]);
    const lead = l.span[0] + (lineText.length - lineText.trimStart().length);
    if (title && lead <= title[0] && title[0] < Math.max(l.span[1], lead + 1)) {
      children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs(text, seg, HEAD_FONT) }));
    } else if (heads.has(lead) || heads.has(l.span[0])) {
      const level = heads.get(lead) ?? heads.get(l.span[0])!;
      children.push(new Paragraph({ heading: LEVELS[Math.min(LEVELS.length, Math.max(1, level)) - 1]!, children: runs(text, seg, HEAD_FONT) }));
    } else {
      children.push(new Paragraph({ children: runs(text, seg, BODY_FONT) }));
    }
    k++;
  }
  const date = new Date(meta.date);
  const doc = new Document({
    creator: meta.author,
    title: r.title ?? "",
    description: `由 report-check 根据 ${r.source.path} 生成的审核批注稿`,
    comments: {
      children: comments.map(({ id, comment }) => ({
        id,
        author: meta.author,
        initials: meta.initials ?? meta.author.slice(0, 2),
        date,
        children: comment.paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })),
      })),
    },
    styles: { default: { document: { run: { font: BODY_FONT, size: 28 } } } },
    sections: [{ children: children.length ? children : [new Paragraph({})] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
