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
 * its position alone: a table without a recognisable header is read from its
 * content (two long prose columns, a names column, a dates column) or not at all.
 */
import type { BlockHint, ItemFact, MeasureFact, Span } from "../model/document.js";

// Header cells are read by the keywords they CONTAIN, not by a closed list of
// wordings: 巡察指出的问题 / 存在的主要问题 / 问题表现 / 问题清单 / 反馈意见 → problem;
// 整改落实措施 / 主要措施 / 整改举措 / 整改办法 → measure; 责任领导 / 牵头单位 /
// 配合单位 / 负责人 → owner; 完成时限 / 时间节点 / 整改期限 → deadline.
// Columns about status or goals are none of these: 整改进展 / 完成情况 / 整改情况 /
// 整改目标 / 备注 / 序号 (问题整改进展 is a progress column, not a problem column).
const EXCLUDED_HEAD = /进展|情况|目标|备注|序号|编号|类别|类型|成效|结果|状态|标准|依据|来源|附件|^\d*$/;
const DEADLINE_HEAD = /时限|时间|期限|节点|日期/;
const OWNER_HEAD = /责任|牵头|负责|配合|领导|主体|承办/;
const MEASURE_HEAD = /措施|举措|办法|对策|做法|方案/;
// 问题/表现 name the finding itself and beat the looser 意见/清单/不足
const PROBLEM_HEAD = /问题|表现|意见|清单|不足|短板|差距/;
const PROBLEM_HEAD_STRONG = /问题|表现/;
// 整改任务 / 整改事项 / 整改内容: the problem column when a separate 措施 column
// exists, else (a problem column beside it) the measures.
const TASK_HEAD = /任务|事项|内容/;

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

type HeadKind = "problem" | "measure" | "owner" | "deadline" | "task" | null;

function headKind(cell: string): HeadKind {
  const c = cell.replace(/\s+/g, "");
  // a header is a short label; a long cell is content (a problem written out)
  if (!c || c.length > 12 || EXCLUDED_HEAD.test(c)) return null;
  if (DEADLINE_HEAD.test(c)) return "deadline";
  if (OWNER_HEAD.test(c)) return "owner";
  if (MEASURE_HEAD.test(c)) return "measure";
  if (PROBLEM_HEAD.test(c)) return "problem";
  if (TASK_HEAD.test(c)) return "task";
  return null;
}

function headerColumns(cells: string[]): Columns | null {
  const kinds = cells.map(headKind);
  const all = (k: HeadKind) => kinds.flatMap((x, i) => (x === k ? [i] : []));
  const problems = all("problem");
  // of several problem columns (反馈意见 | 问题表现) the one naming the finding, the rightmost of those
  const strong = problems.filter((i) => PROBLEM_HEAD_STRONG.test(cells[i]!));
  let problem = (strong.length ? strong : problems).at(-1) ?? -1;
  let measure = all("measure")[0] ?? -1;
  const task = all("task")[0] ?? -1;
  if (task >= 0 && problem < 0 && measure >= 0) problem = task;
  else if (task >= 0 && measure < 0 && problem >= 0) measure = task;
  if (problem < 0 && measure < 0) return null;
  // a header row has at least two labelled columns: 问题 alone may be a content cell
  if (kinds.filter(Boolean).length < 2) return null;
  return { problem, measure, owners: all("owner"), deadline: all("deadline")[0] ?? -1 };
}

const DATE_CELL = /^(?:\d{4}年)?\d{1,2}月(?:底|末|\d{1,2}日)?(?:前|以前|之前)?$|^\d{4}年(?:底|年底|上半年|下半年)(?:前)?$|^(?:长期坚持|立行立改|持续推进|长期)$|^\d{4}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?$/;
// 张三 / 办公室 / 财务科、审计科 / 李四（分管领导）
const OWNER_CELL = /^[\u4e00-\u9fa5]{2,4}$|^[\u4e00-\u9fa5、，,；;（）()\s]{2,30}(?:办|室|科|股|局|部|所|站|中心|处|队|委|院|组|公司|支部)$/;

/**
 * A table whose header names nothing we know (内容 | 要求 | 人员 | 日期): the
 * columns are told from their content. The two columns of long prose are the
 * problem and the measure, left to right; a column of short names or units is
 * the owner; a column of dates the deadline. One long column only is no task
 * table (it may be a list of anything).
 */
function contentColumns(rows: string[][]): { long: number[]; owners: number[]; deadline: number } {
  const width = rows.length ? Math.max(...rows.map((r) => r.length)) : 0;
  const share = (i: number, test: (c: string) => boolean) => {
    const cells = rows.map((r) => (r[i] ?? "").replace(/\s+/g, "")).filter(Boolean);
    return cells.length ? cells.filter(test).length / cells.length : 0;
  };
  const long: number[] = [];
  const owners: number[] = [];
  let deadline = -1;
  for (let i = 0; i < width; i++) {
    if (share(i, (c) => c.length >= 12 && /[\u4e00-\u9fa5]{6}/.test(c)) >= 0.8) long.push(i);
    else if (share(i, (c) => DATE_CELL.test(c)) >= 0.8) deadline = deadline < 0 ? i : deadline;
    else if (share(i, (c) => OWNER_CELL.test(c) && !/^(?:已完成|完成|正在推进|推进中|已整改|整改中)$/.test(c)) >= 0.8) owners.push(i);
  }
  return { long, owners, deadline };
}

/**
 * Columns the header left unnamed are filled from the content: 事由 | 对策 | 人员 |
 * 日期 names only the measure and the deadline — the other prose column is the
 * problem, the names column the owner. With no header at all, exactly two
 * prose columns are needed.
 */
function mergeColumns(head: Columns | null, body: string[][]): Columns | null {
  if (body.length < 1) return head;
  const c = contentColumns(body);
  if (!head) {
    if (body.length < 2 || c.long.length !== 2) return null;
    return { problem: c.long[0]!, measure: c.long[1]!, owners: c.owners, deadline: c.deadline };
  }
  const out = { ...head };
  if (out.problem < 0 && out.measure >= 0) out.problem = c.long.find((i) => i < out.measure) ?? -1;
  if (out.measure < 0 && out.problem >= 0) out.measure = c.long.find((i) => i > out.problem) ?? -1;
  if (!out.owners.length) out.owners = c.owners.filter((i) => i !== out.problem && i !== out.measure);
  if (out.deadline < 0 && c.deadline !== out.problem && c.deadline !== out.measure) out.deadline = c.deadline;
  return out;
}

/**
 * A later row that reads as a header: the header repeated after a page break,
 * perhaps cut differently. A content row of short cells (1 | 学习问题 | 制定措施 |
 * 张三 | 6月) names 问题 and 措施 too, but carries a number or a date.
 */
function isHeaderAgain(cells: string[]): boolean {
  return headerColumns(cells) !== null && !cells.some((c) => /\d/.test(c));
}

/** Split a measure cell into its numbered sub-points; the whole cell when it has none. */
export function splitSubPoints(text: string, span: Span): Array<{ text: string; span: Span }> {
  // a sub-point starts the cell or follows a space or a clause end: "1.编制…； 2.深化…" (TXT) / "…；2.深化…" (PDF)
  // …and 一是…；二是… (整改措施：一是制定责任清单；二是建立点评制度。)
  const families: RegExp[] = [/(?:^|[\s；;。])(\d{1,2})[.．、](?!\d)/g, /()([①-⑳])/g, /(?:^|[\s；;。])[（(](\d{1,2})[）)]/g, /(?:^|[\s；;。，,])([一二三四五六七八九])是/g];
  for (const re of families) {
    const marks: Array<{ at: number; body: number }> = [];
    re.lastIndex = 0;
    let expect = 1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const ord = m[1] ? ("一二三四五六七八九".indexOf(m[1]) + 1 || Number(m[1])) : (m[2] ? m[2].charCodeAt(0) - 0x2460 + 1 : 0);
      if (ord !== expect) continue;
      const at = m.index + (/^[\s；;。，,]/.test(m[0]) ? 1 : 0);
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
    const all = rows.map((row) => row.cells!.map((sp) => cellText(text, sp)));
    const keyOf = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, "")).join("|");
    let headAt = all.findIndex((cells) => headerColumns(cells));
    // no recognisable header: a first row of short labels is still a header row
    if (headAt < 0 && (all[0]?.length ?? 0) > 1 && all[0]!.every((c) => c.replace(/\s+/g, "").length <= 8)) headAt = 0;
    const head = headAt >= 0 ? headerColumns(all[headAt]!) : null;
    const headerKey = headAt >= 0 ? keyOf(all[headAt]!) : "";
    const cols = mergeColumns(head, all.slice(headAt + 1).filter((cells) => keyOf(cells) !== headerKey && !isHeaderAgain(cells)));
    if (!cols) continue;
    for (let r = headAt + 1; r < rows.length; r++) {
      const row = rows[r]!;
      const cells = all[r]!;
      if (keyOf(cells) === headerKey || isHeaderAgain(cells)) continue; // header repeated after a page break
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
