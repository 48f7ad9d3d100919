/**
 * The review memo (审核意见书): one page per document that a reviewer signs
 * and sends back with the report — the report's title, unit, type and the
 * verdict; each missing element with the rule's advice; each warning with the
 * quoted evidence (several of one kind grouped, the first two quoted; the
 * advice for each is in the annotated copy's comments); the
 * counts; a signature line. Set like a 公文: A4 with GB/T 9704 margins
 * (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), 黑体 headings, 仿宋 body.
 * Written with the `docx` package; pure: a result in, bytes out.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { AnalysisResult, Finding } from "../model/document.js";
import { COUNT_KINDS, COUNT_LABELS, SEVERITY_LABELS, ruleLabel, typeLabel } from "./labels.js";
import { anchoredFindings, documentFindings, verdict } from "./review-comments.js";

const FANGSONG = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" };
const HEITI = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const MM = 56.7; // twips per millimetre
/** 小四 (12 pt) body on 19 pt exact lines and 四号 headings keep a memo on one page; 二号 title. */
const BODY = 24;
const HEAD = 28;
const LINE = { line: 380, lineRule: LineRuleType.EXACT };
const QUOTES_PER_RULE = 2;

export interface MemoOptions {
  reviewer: string;
  /** ISO date of the review. */
  date: string;
  /** The file name shown in the memo (relative path). */
  fileName: string;
}

/** The writing unit when the analysis found one (`meta.unit`), else null. */
export function unitOf(r: AnalysisResult): string | null {
  const meta = (r as AnalysisResult & { meta?: { unit?: unknown } | null }).meta;
  return meta && typeof meta.unit === "string" && meta.unit.trim() ? meta.unit.trim() : null;
}

function chineseDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

const p = (text: string, opts: { bold?: boolean; font?: typeof FANGSONG; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; before?: number } = {}): Paragraph =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { ...LINE, before: opts.before ?? 0 },
    indent: opts.indent ? { firstLine: 2 * (opts.size ?? BODY) * 10 } : undefined,
    children: [new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? BODY, bold: opts.bold ?? false })],
  });

const heading = (text: string): Paragraph => p(text, { font: HEITI, size: HEAD, indent: true, before: 60 });

function quote(text: string, max = 18): string {
  const t = text.replace(/\s+/g, "");
  return `“${t.length > max ? t.slice(0, max) + "…" : t}”`;
}

/** Warnings grouped by rule: 措施无时限（12 处）：“…”；“…”；“…”等. */
function warningLines(r: AnalysisResult, text: string | undefined): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of anchoredFindings(r)) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  const lines: string[] = [];
  let n = 0;
  for (const [rule, list] of groups) {
    const first = list[0]!;
    const quotes = text ? list.slice(0, QUOTES_PER_RULE).map((f) => quote(text.slice(f.span![0], f.span![1]))) : [];
    const more = list.length > QUOTES_PER_RULE ? `等` : "";
    n++;
    lines.push(`${n}. 【${SEVERITY_LABELS[first.severity] ?? first.severity}】${ruleLabel(rule)}（${list.length} 处）：${quotes.join("；")}${more}。`);
  }
  return lines;
}

function countsTable(r: AnalysisResult): Table {
  const rows: Array<[string, string]> = [
    ["查摆问题（条）", String(r.problems.length)],
    ["原因分析（条）", String(r.causes.length)],
    ["整改措施（条）", String(r.measures.length)],
  ];
  for (const kind of COUNT_KINDS) {
    const values = r.counts.filter((c) => c.kind === kind);
    if (!values.length || kind === "other") continue;
    rows.push([COUNT_LABELS[kind], values.map((c) => `${c.value}${c.unit}${c.approx ? "（约）" : ""}`).join("、")]);
  }
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cell = (t: string, head = false): TableCell =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, font: head ? HEITI : FANGSONG, size: 21 })] })],
    });
  // two pairs per row keep the table short
  const tableRows: TableRow[] = [new TableRow({ tableHeader: true, children: [cell("项目", true), cell("数量", true), cell("项目", true), cell("数量", true)] })];
  for (let i = 0; i < rows.length; i += 2) {
    const a = rows[i]!;
    const b = rows[i + 1] ?? ["", ""];
    tableRows.push(new TableRow({ children: [cell(a[0]), cell(a[1]), cell(b[0]), cell(b[1])] }));
  }
  return new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

export async function formatMemo(r: AnalysisResult, opts: MemoOptions): Promise<Uint8Array> {
  const text = r.text.content;
  const type = r.reportType ? typeLabel(r.reportType.id, r.reportType.label) : "未识别";
  const missing = documentFindings(r);
  const warnings = warningLines(r, text);
  const children: Array<Paragraph | Table> = [
    p("审核意见书", { font: HEITI, size: 44, align: AlignmentType.CENTER }),
    p("", { size: 12 }),
    p(`报告标题：${r.title ? `《${r.title}》` : "（未识别出标题）"}`, { indent: true }),
    p(`报送单位：${unitOf(r) ?? "（未识别）"}　　报告类型：${type}`, { indent: true, align: AlignmentType.LEFT }),
    p(`文件：${opts.fileName}`, { indent: true, align: AlignmentType.LEFT }),
    p(`审核结论：${verdict(r)}`, { indent: true, bold: true }),
    heading("一、缺少的要素"),
    ...(missing.length
      ? missing.map((f, i) => p(`${i + 1}. ${ruleLabel(f.ruleId)}（${SEVERITY_LABELS[f.severity] ?? f.severity}）：${f.message}`, { indent: true }))
      : [p("未发现缺少的要素。", { indent: true })]),
    heading("二、需要核改的内容"),
    ...(warnings.length ? warnings.map((w) => p(w, { indent: true })) : [p("无。", { indent: true })]),
    heading("三、主要数字"),
    countsTable(r),
    p("请对照以上意见修改完善后重新报送。", { indent: true, before: 100 }),
    p(`审核人：${opts.reviewer === "审核意见" ? "____________" : opts.reviewer}`, { align: AlignmentType.RIGHT, before: 100 }),
    p(chineseDate(opts.date), { align: AlignmentType.RIGHT }),
  ];
  const doc = new Document({
    creator: opts.reviewer,
    title: `审核意见书：${r.title ?? opts.fileName}`,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
