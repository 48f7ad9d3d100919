/**
 * Labelled problem blocks of narrative rectification reports:
 *
 *   问题一：食品安全抽检覆盖面不够。            存在问题：门诊排队时间长。
 *   整改措施：1.制定专项计划；2.每月巡查。     整改措施：（1）增设窗口；（2）预约就诊。
 *   责任领导：周某；完成时限：2024年9月底。    责任人：院长黄某。整改时限：6月底前。
 *   整改进展：已完成。                          整改情况：新增窗口已投入使用。
 *
 *   （一）关于财务报销审核不严的问题。整改情况：①修订财务报销制度；②开展专项检查。
 *
 * A block opens with a problem label (问题N： / 存在问题： / 主要问题： /
 * 反馈问题： / 问题表现：) or a 关于…的问题 lead at a paragraph start, and holds
 * the labelled fields after it: 整改措施：/具体措施：/措施： (a measure per
 * 1. ①（1） sub-point), 责任领导/责任人/牵头领导/责任单位 (owner of the block's
 * measures), 完成时限/整改时限/完成时间 (their deadline), and 整改进展/完成情况/
 * 整改成效 (progress: not an item). 整改情况/落实情况 are the measures only when
 * the block has no 措施 field (关于…的问题。整改情况：①…②…); beside one they are
 * progress. A block without any field after its problem is not a block (关于加强
 * 作风建设的问题，班子进行了专题研究 is a sentence). Blocks are items wherever
 * they stand, even in a progress section. Unlabelled, as published on the web:
 * `1.关于…的问题。县财政局已…。已整改到位。` (the rest of the paragraph after
 * the 。 is the measure) and a standalone `（一）关于…的问题` followed by
 * `一是…` `二是…` paragraphs (each point a measure).
 */
import type { ItemFact, MeasureFact, Span } from "../model/document.js";
import { findDeadline, findOwner } from "./measure-attrs.js";
import { splitSubPoints } from "./tables.js";

const MARK = "(?:[（(][一二三四五六七八九十\\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\\d{1,2}[.、．]|[①-⑳])\\s*";
// （一）关于…的问题 / 问题二：关于…的问题
// （一）理论学习不够深入的问题 — a whole short paragraph ending in 的问题 is a head too
const ABOUT_HEAD = new RegExp(`^\\s*(?:${MARK})?(?:问题[一二三四五六七八九十\\d]{1,3}[：:、]?\\s*)?(关于[^。；;\\n]{2,60}?问题(?=[。：:；;\\s]|$)|[^。；;：:\\n]{4,60}?的问题(?=[。]?\\s*$))`);

type Field = "problem" | "measure" | "weak-measure" | "progress" | "owner" | "deadline" | "other";
const LABELS: Array<[Field, string]> = [
  ["problem", "问题[一二三四五六七八九十\\d]{1,3}|问题[（(][一二三四五六七八九十\\d]{1,3}[）)]|存在(?:的)?(?:主要|突出)?问题|(?:主要|突出|反馈|巡察|巡视|审计|督查|具体)问题|问题(?:表现|描述|内容)"],
  ["measure", "(?:整改|具体|主要|工作|落实|改进)?(?:措施|举措)|整改(?:办法|方案|思路)"],
  ["progress", "整改进展|进展情况|整改(?:结果|成效|效果)|完成情况|目前进展"],
  ["weak-measure", "整改(?:落实)?情况|落实情况"],
  ["owner", "责任(?:领导|人|单位|部门|科室|处室)|牵头(?:领导|单位|部门)|分管领导|配合单位|主要责任人|具体责任人"],
  ["deadline", "(?:完成|整改|办结)(?:时限|时间|期限)|时间节点|时限"],
  // fields that are none of these but end the one before: 整改目标：/整改要求：/问题来源：
  ["other", "整改目标|目标要求|整改要求|整改标准|问题来源|备注"],
  // a bare 问题： label, last so that 问题一：/问题表现： are read first
  ["problem", "问题"],
];
const LABEL_RE = new RegExp(`(^|[。；;！!\\s])(?:${MARK})?(${LABELS.map(([, r]) => `(?:${r})`).join("|")})\\s*[：:]`, "g");
const FIELD_OF = LABELS.map(([f, r]) => [f, new RegExp(`^(?:${r})$`)] as const);
// a continuation paragraph of a field: 1.… / （1）… / ①… / 一是…
const SUB_POINT = /^\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]是)/;

interface Seg {
  field: Field;
  start: number;
  value: Span;
}

export interface PairItems {
  problems: ItemFact[];
  measures: MeasureFact[];
  /** Spans of the whole blocks: other items overlapping them are replaced. */
  covered: Span[];
}

function trimSpan(text: string, [s, e]: Span): Span {
  while (s < e && /[\s：:]/.test(text[s]!)) s++;
  while (e > s && /[\s；;，,]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** The labelled fields of one paragraph, each running to the next label or the paragraph end. */
function fieldsOf(text: string, ps: number, pe: number): Seg[] {
  const para = text.slice(ps, pe);
  const out: Seg[] = [];
  const about = ABOUT_HEAD.exec(para);
  if (about) {
    const at = ps + about.index + about[0].length - about[1]!.length;
    out.push({ field: "problem", start: ps, value: [at, at + about[1]!.length] });
  }
  LABEL_RE.lastIndex = 0;
  const found: Array<{ field: Field; start: number; body: number }> = [];
  for (let m = LABEL_RE.exec(para); m; m = LABEL_RE.exec(para)) {
    const field = FIELD_OF.find(([, re]) => re.test(m![2]!))?.[0];
    const start = m.index + m[1]!.length;
    if (!field || (about && start < about.index + about[0].length)) continue;
    found.push({ field, start: ps + start, body: ps + m.index + m[0].length });
  }
  found.forEach((f, i) => {
    const end = i + 1 < found.length ? found[i + 1]!.start : pe;
    out.push({ field: f.field, start: f.start, value: trimSpan(text, [f.body, end]) });
  });
  // 1.关于部分非税收入未及时缴库的问题。县财政局已督促…。已整改到位。 — a run-in 关于…的问题
  // closed by 。 and followed by what was done, with no label: the rest is the measure.
  if (about && !found.length && about[1]!.startsWith("关于")) {
    const after = about.index + about[0].length;
    if (para[after] === "。") {
      const value = trimSpan(text, [ps + after + 1, pe]);
      if (value[1] - value[0] >= 8) out.push({ field: "weak-measure", start: ps + after + 1, value });
    }
  }
  return out;
}

export function extractPairs(text: string, paragraphs: Span[], sectionOf: (at: number) => string | null, headingStarts: number[] = []): PairItems {
  const out: PairItems = { problems: [], measures: [], covered: [] };
  interface Block {
    problem: Seg;
    fields: Seg[];
    end: number;
  }
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let idle = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const [ps, pe] = paragraphs[i]!;
    const segs = fieldsOf(text, ps, pe);
    const isHeading = headingStarts.some((h) => ps <= h && h < pe);
    if (!segs.length) {
      // a sub-point paragraph continues the last measure field: 整改措施：\n1.…\n2.…
      const last = cur?.fields[cur.fields.length - 1];
      if (cur && last && !isHeading && (last.field === "measure" || last.field === "weak-measure") && SUB_POINT.test(text.slice(ps, pe))) {
        last.value = [last.value[0], pe];
        cur.end = pe;
        continue;
      }
      // （一）关于…的问题 then 一是… 二是… paragraphs with no label: what was done, the block's measures
      // (a 关于 head only: 第二部分 存在的问题 is a section heading, its ①② are the problems)
      if (cur && !cur.fields.length && !isHeading && text.startsWith("关于", cur.problem.value[0]) && SUB_POINT.test(text.slice(ps, pe))) {
        cur.fields.push({ field: "weak-measure", start: ps, value: [ps, pe] });
        cur.end = pe;
        continue;
      }
      if (isHeading || ++idle > 2) cur = null;
      continue;
    }
    idle = 0;
    for (const seg of segs) {
      if (seg.field === "problem") {
        cur = { problem: seg, fields: [], end: pe };
        blocks.push(cur);
      } else if (cur) {
        cur.fields.push(seg);
        cur.end = pe;
      }
    }
  }
  for (const b of blocks) {
    if (!b.fields.length) continue;
    const sec = sectionOf(b.problem.value[0]);
    const [ps, pe] = b.problem.value;
    // 存在问题：一是…；二是… holds several problems; 问题一：… and 关于…的问题 are one
    const numbered = /^问题[一二三四五六七八九十\d]|^关于/.test(text.slice(b.problem.start, ps).replace(/^\s*(?:[（(][^）)]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])?\s*/, "") || text.slice(ps, pe));
    const parts = numbered ? [{ text: text.slice(ps, pe), span: [ps, pe] as Span }] : splitSubPoints(text.slice(ps, pe), [ps, pe]);
    for (const p of parts) if (p.text) out.problems.push({ text: p.text, span: p.span, section: sec });
    const strong = b.fields.filter((f) => f.field === "measure");
    const measureFields = strong.length ? strong : b.fields.filter((f) => f.field === "weak-measure");
    const blockText = text.slice(b.problem.start, b.end);
    const label = (field: Field) =>
      b.fields
        .filter((f) => f.field === field)
        .map((f) => text.slice(f.value[0], f.value[1]).split(/[。；;，,]/)[0]!.trim())
        .filter(Boolean);
    const owners = label("owner");
    const deadlines = label("deadline");
    // A labelled 责任人：/完成时限： field holds for every measure of the block. Otherwise
    // each sub-point may name its own (①…由办公室负责，6月底前完成；②…由财务科负责…):
    // read the sub-point first and fall back to the whole block.
    const blockOwner = owners.length ? owners.join("；") : findOwner(blockText);
    const blockDeadline = deadlines[0] ?? findDeadline(blockText);
    for (const f of measureFields) {
      const v = text.slice(f.value[0], f.value[1]);
      for (const p of splitSubPoints(v, f.value)) {
        const owner = owners.length ? blockOwner : findOwner(p.text) ?? blockOwner;
        const deadline = deadlines.length ? blockDeadline : findDeadline(p.text) ?? blockDeadline;
        out.measures.push({ text: p.text, span: p.span, section: sec, deadline, owner });
      }
    }
    out.covered.push([b.problem.start, b.end]);
  }
  return out;
}
