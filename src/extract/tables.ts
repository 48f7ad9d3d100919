/**
 * Rectification task tables: 序号 | 反馈问题 | 整改措施 | 责任领导 | 责任单位 | 完成时限 | 整改进展.
 *
 * Reads the `table-row` blocks (cell spans into the normalized text). Per
 * table: the header row is the first row naming a problem or a measure
 * column; a later row equal to it (the header repeated after a PDF page
 * break) is skipped. Each problem cell is one problem; each measure cell is
 * one measure, or one per sub-point when the cell holds `1. 2. 3.` / `①②` /
 * `（1）（2）` points (1.编制全区中小学布局规划…； 2.深化集团化办学改革…；).
 * Owner and deadline come from the same row. Never guesses a column from
 * its position: a table without a recognisable header yields nothing.
 */
import type { BlockHint, ItemFact, MeasureFact, Span } from "../model/document.js";

// 问题 / 反馈问题 / 存在问题 / 问题描述 / 巡察反馈问题 — but not 问题整改进展
const PROBLEM_HEAD = /^(?:巡察|审计|督察|巡视)?(?:反馈|存在的?|主要|突出|查摆)?问题(?:描述|表现|清单|内容)?$|^问题$|^具体问题$/;
const MEASURE_HEAD = /^(?:具体)?(?:整改|落实|工作)?(?:措施|举措)$|^整改措施(?:及|和)?(?:要求|办法)?$/;
// 整改任务 / 整改事项 / 反馈意见: the problem column when a separate 措施 column exists,
// else (no 措施 column) 整改任务 holds the measures. 整改目标 is neither.
const TASK_HEAD = /^(?:整改(?:任务|事项|内容)|(?:巡察|巡视|审计)?反馈意见)$/;
const OWNER_HEAD = /^(?:责任(?:领导|人|单位|部门|科室|处室)|牵头(?:领导|单位|部门)|分管领导|配合单位|主要责任人)$/;
const DEADLINE_HEAD = /^(?:完成|整改)?时限$|^完成时间$|^时间节点$|^整改期限$|^完成期限$/;

export interface TableItems {
  problems: ItemFact[];
  measures: MeasureFact[];
}

interface Columns {
  problem: number;
  measure: number;
  owners: number[];
  deadline: number;
}

function cellText(text: string, span: Span): string {
  return text.slice(span[0], span[1]);
}

function headerColumns(cells: string[]): Columns | null {
  const clean = cells.map((c) => c.replace(/\s+/g, ""));
  let problem = clean.findIndex((c) => PROBLEM_HEAD.test(c));
  let measure = clean.findIndex((c) => MEASURE_HEAD.test(c));
  const task = clean.findIndex((c) => TASK_HEAD.test(c));
  if (task >= 0 && problem < 0 && measure >= 0) problem = task;
  else if (task >= 0 && measure < 0 && problem >= 0 && /^整改/.test(clean[task]!)) measure = task;
  if (problem < 0 && measure < 0) return null;
  const owners = clean.flatMap((c, i) => (OWNER_HEAD.test(c) ? [i] : []));
  const deadline = clean.findIndex((c) => DEADLINE_HEAD.test(c));
  return { problem, measure, owners, deadline };
}

/** Split a measure cell into its numbered sub-points; the whole cell when it has none. */
export function splitSubPoints(text: string, span: Span): Array<{ text: string; span: Span }> {
  // a sub-point starts the cell or follows a space or a clause end: "1.编制…； 2.深化…" (TXT) / "…；2.深化…" (PDF)
  const families: RegExp[] = [/(?:^|[\s；;。])(\d{1,2})[.．、](?!\d)/g, /()([①-⑳])/g, /(?:^|[\s；;。])[（(](\d{1,2})[）)]/g];
  for (const re of families) {
    const marks: Array<{ at: number; body: number }> = [];
    re.lastIndex = 0;
    let expect = 1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const ord = m[1] ? Number(m[1]) : (m[2] ? m[2].charCodeAt(0) - 0x2460 + 1 : 0);
      if (ord !== expect) continue;
      const at = m.index + (/^[\s；;。]/.test(m[0]) ? 1 : 0);
      marks.push({ at, body: m.index + m[0].length });
      expect++;
    }
    if (marks.length >= 2) {
      return marks.map((mk, i) => {
        let end = i + 1 < marks.length ? marks[i + 1]!.at : text.length;
        while (end > mk.body && /\s/.test(text[end - 1]!)) end--;
        let start = mk.body;
        while (start < end && /\s/.test(text[start]!)) start++;
        return { text: text.slice(start, end), span: [span[0] + start, span[0] + end] as Span };
      });
    }
  }
  const t = text.trim();
  const lead = text.length - text.trimStart().length;
  return t ? [{ text: t, span: [span[0] + lead, span[0] + lead + t.length] }] : [];
}

function sectionAt(sectionOf: (at: number) => string | null, at: number): string | null {
  return sectionOf(at);
}

export function extractTableItems(text: string, blocks: BlockHint[], sectionOf: (at: number) => string | null): TableItems {
  const out: TableItems = { problems: [], measures: [] };
  const byTable = new Map<number, BlockHint[]>();
  for (const b of blocks) {
    if (b.kind !== "table-row" || !b.cells) continue;
    const t = b.table ?? -1;
    if (!byTable.has(t)) byTable.set(t, []);
    byTable.get(t)!.push(b);
  }
  for (const rows of byTable.values()) {
    let cols: Columns | null = null;
    let headerKey = "";
    for (const row of rows) {
      const cells = row.cells!.map((s) => cellText(text, s));
      const key = cells.map((c) => c.replace(/\s+/g, "")).join("|");
      if (!cols) {
        cols = headerColumns(cells);
        if (cols) headerKey = key;
        continue;
      }
      if (key === headerKey || headerColumns(cells)) continue; // header repeated after a page break
      const sec = sectionAt(sectionOf, row.span[0]);
      if (cols.problem >= 0) {
        const span = row.cells![cols.problem];
        const t = span ? cellText(text, span).trim() : "";
        if (span && t) {
          const lead = cellText(text, span).length - cellText(text, span).trimStart().length;
          out.problems.push({ text: t, span: [span[0] + lead, span[0] + lead + t.length], section: sec });
        }
      }
      if (cols.measure >= 0) {
        const span = row.cells![cols.measure];
        if (!span) continue;
        const ownerParts = cols.owners.map((i) => (row.cells![i] ? cellText(text, row.cells![i]!).trim() : "")).filter(Boolean);
        const owner = ownerParts.length ? ownerParts.join("；") : null;
        const dl = cols.deadline >= 0 && row.cells![cols.deadline] ? cellText(text, row.cells![cols.deadline]!).trim() || null : null;
        for (const p of splitSubPoints(cellText(text, span), span)) {
          out.measures.push({ text: p.text, span: p.span, section: sec, deadline: dl, owner });
        }
      }
    }
  }
  return out;
}
