/**
 * Counted facts: 收到意见和建议41条, 发放征求意见表1200余份, 座谈会十二场,
 * 满意率96.2% … with a kind from the spec's table.
 *
 * Numbers are found by regex on the normalized text (never from jieba tokens,
 * which split or glue digits). The kind comes from the words around the
 * number, in this order of precedence:
 *   1. what the number is not (dates, page numbers, list markers, 票, 第N, 每N);
 *   2. a percentage is only ever a satisfaction figure (满意率…%) — 漏损率,
 *      增长率, 办结率, 整改完成率 are dropped;
 *   3. work in progress, on either side (其余7条正在整改 / 2个问题正在推进中 /
 *      另有4个问题持续整改) is neither problems nor rectified;
 *   4. the rectification status, before the noun: 已整改完成10个问题 /
 *      10个问题已全部整改完成 / 已销号8个 / 已协调解决6个 are rectified — a
 *      problem solved is a problem rectified — but only when the thing counted
 *      is a problem/task/measure (已完成18个小区的改造 is work, not rectification);
 *   5. the counted noun written right after the unit (提出了5条整改措施,
 *      召开4场座谈会, 6个问题);
 *   6. the verb/noun of the clause before it (收回1136份 / 收回测评票120张 →
 *      forms_returned, 谈心谈话20人次, 参加评议的…共132名, 突出问题4个 …);
 *   7. a breakdown or a merged figure in the same sentence inherits the kind
 *      of the count it breaks down, only after a cue (其中/分别/归并为/整理为/
 *      涉及/包括): 意见建议93条，其中…的21条，…的34条; 收集意见416条，梳理归并为85条.
 *      A matching unit alone passes nothing on.
 * Anything else with a count unit is `other` (not scored, kept for the report).
 * Never: people who did not take part (普查员326名), vote tallies (118票),
 * study sessions (集中学习6次), work in progress (正在整改2个).
 */
import type { CountFact, CountKind, Span } from "../model/document.js";
import { CN_NUMERAL_CHARS, foldWidth, parseNumeral } from "./numerals.js";

const NUM = `(?:\\d+(?:\\.\\d+)?(?:[万亿](?:\\d+)?)?|[${CN_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?)`;
// Units a count can carry; longer first (人次 before 人).
// 条次/件次: opinions counted per submission (征求意见1361条次)
const UNIT = "(?:人次|条次|件次|个百分点|[个条份张场次人名项件户类家篇期]|%)";
// 近1500份 / 约 / 共约 / 将近 / 逾 before the number; 余/多 between number and unit; 左右/以上 after.
const COUNT_RE = new RegExp(`(近|约|大约|将近|逾|超过)?(${NUM})(余|多)?(${UNIT})(左右|以上|多)?`, "g");
// 百分之九十六 / 九成
const PERCENT_WORD_RE = new RegExp(`百分之(${NUM})|([${CN_NUMERAL_CHARS}])成(?![绩员果为立效本])`, "g");

/** Words after the unit that show the number is a duration, money or measure, not a count. */
const NOT_A_COUNT_AFTER = /^(?:多)?(?:月|年|日|号|天|小时|分钟|岁|周|星期|工作日|元|万元|亿元|公里|千米|米|亩|平方|吨|倍|届|批次|轮)/;

interface KindRule {
  kind: CountKind;
  units: RegExp;
  test: (ctx: Ctx) => boolean;
}

interface Ctx {
  /** The clause before the number (back to the previous ，。；：\n). */
  clause: string;
  /** The clause with trailing function words removed (共/累计/为/达 …). */
  near: string;
  /** The sentence before the number (back to 。；\n). */
  sentence: string;
  /** Text right after the unit (to the next punctuation). */
  right: string;
  unit: string;
}

// The counted noun written after the unit: 5条整改措施, 4场座谈会, 6个问题.
const RIGHT_NOUNS: Array<[RegExp, CountKind | "skip"]> = [
  // a numeral inside a name: “七张问题清单” · “三张单子” · 两本台账 — lists kept, not problems counted
  [/^[^，。；、\d]{0,6}?(?:清单|单子|台账|名单|账本)/, "skip"],
  [/^方面的?(?:突出|主要|具体)?问题/, "problems"],
  // 在以下五个方面还存在突出问题 / 三个方面仍有不足: a verb of having (存在/有/暴露出)
  // may stand between 方面 and the problem noun (before the skip rule, which would make
  // it `other`) — but not 从两个方面剖析问题产生的原因, where 问题 is what is analysed,
  // nor 在4个方面存在15个具体问题, where the problems are counted on their own.
  [/^方面(?:还|仍|仍然|依然|也|都|均)?(?:存在|有|暴露出|反映出)[着了出]?[^，。；0-9０-９个条项]{0,6}?(?:问题|不足|差距|短板)/, "problems"],
  [/^(?:方面|层面|专题|阶段|环节|乡镇|村|社区|部门|单位|重点)/, "skip"],
  [/^[^，。；、]{0,4}?(?:意见建议|意见和建议|建议意见|意见)(?!表|箱|征求)/, "opinions"],
  [/^[^，。；、]{0,5}?问题/, "problems"],
  [/^[^，。；、]{0,5}?(?:措施|举措)/, "measures"],
  [/^方面的?(?:不足|差距|短板)/, "problems"],
  [/^[^，。；、]{0,8}?(?:座谈会|征求会|征求意见会|恳谈会|议事会|协商会|通报会|见面会|交流会|评议会|测评会|听证会)/, "meetings"],
  [/^[^，。；、]{0,4}?(?:征求意见表|意见征求表|问卷|调查表|测评表|评议表)/, "forms_issued"],
];

// Forums held to hear people: 座谈会 / 征求意见会 / 恳谈会 / 院坝会 / 听证会. Not the
// body's own business meetings (党组会议24次, 推进会, 例会): those are not this kind.
// 召开专题民主生活会38次 (units holding their own meetings after an audit or inspection) counts too.
const MEETING_NOUN = /(?:(?:座谈|恳谈|征求意见|征求|议事|协商|通报|见面|交流|评议|测评|院坝|夜谈|听证|茶话|民主生活|组织生活)会|座谈|民主恳谈)$/;
const FUNCTION_TAIL = /(?:共计|累计|总计|合计|共有|共|计|达到|达|为|了|约|近|有|出|到|各|等)+$/;

const RULES: KindRule[] = [
  // 已完成整改5个 / 已整改到位6个 / 已完成整改18项 — before the noun rules:
  // 6个问题已完成整改5个 has 问题 in the clause.
  { kind: "rectified", units: /^[个项条件]$/, test: (c) => /(?:已完成整改|已整改到位|已整改|完成整改|整改到位|已销号|已办结|整改完成|已完成)[^，。；]{0,4}$/.test(c.near) && COUNTED_TASK.test(c.right) },
  { kind: "forms_returned", units: /^[份张]$/, test: (c) => /回收|收回|返回|收到/.test(c.clause) },
  {
    kind: "forms_issued",
    units: /^[份张]$/,
    test: (c) => /发放|发出|下发|印发|分发|填写|填报/.test(c.clause) && /意见表|意见征求表|问卷|调查表|测评表|评议表|征求意见|票/.test(c.clause) && !/宣传|资料|手册|传单|明白纸/.test(c.clause),
  },
  // 应到党员16人，实到党员14人: those present took part; those due did not necessarily
  { kind: "participants", units: /^(?:人|名)$/, test: (c) => /实到|实际到会|实际参会/.test(c.near) },
  { kind: "talks", units: /^(?:人次|次|人|名)$/, test: (c) => /谈心|谈话|交心/.test(c.clause) && !/提醒谈话|诫勉/.test(c.clause) },
  // 座谈会十二场 — but 成立小区党群议事会3个 is a body set up, not a meeting held
  // 专题民主生活会（组织生活会）38次: a bracketed alternative name is not what ends the noun
  { kind: "meetings", units: /^[场次]$/, test: (c) => MEETING_NOUN.test(c.near.replace(/[（(][^（）()]{1,12}[）)]$/, "")) && !/成立|建立|组建|设立/.test(c.clause) },
  {
    kind: "participants",
    units: /^(?:人次|人|名)$/,
    // 参加评议的…共132名 / 参会党员86人 / 共有126名党员参加了评议 — taking part in the
    // evaluation or the meeting, not 参与志愿服务1200余人次 or 参与学生110名.
    // Decided: attendees of study/training sessions (参加集中学习45人) are NOT participants —
    // output.md defines the kind by 参会党员 / 参加测评 (a meeting or an evaluation only).
    test: (c) =>
      /参会|与会|参评|到会|(?:参加|参与)(?:人员|人数)|(?:参加|参与|出席)[^，。；]{0,14}(?:评议|测评|会议|大会|生活会|座谈|评价)/.test(c.clause) ||
      /^[^，。；]{0,6}?(?:参加|参与|出席)[^，。；]{0,6}(?:评议|测评|会议|大会|生活会|座谈|评价)|^[^，。；]{0,6}?(?:参会|到会|与会)/.test(c.right),
  },
  // 征求到意见建议31条 — but 受理群众诉求1260件 is casework handled, not opinions heard
  { kind: "opinions", units: /^(?:[条个件]|条次|件次)$/, test: (c) => /(?:意见建议|意见和建议|建议意见|意见|建议|诉求)$/.test(c.near) && !/受理|办理|办结|处置|调处|化解|接听|转办/.test(c.clause) },
  // 查摆问题12个 / 查摆出班子问题5个方面12条 — not 帮助解决…实际问题23个 (work done for others)
  { kind: "problems", units: /^[个条项类]$/, test: (c) => /(?:问题|不足|差距|短板)(?:\d+个方面|[一二三四五六七八九十]个方面)?$/.test(c.near) && !/解决|化解|办结|帮助|协调|处理|受理/.test(c.clause) },
  { kind: "measures", units: /^[条项个]$/, test: (c) => /(?:措施|举措)$/.test(c.near) },
];

// Rectification status beats the counted noun: 已整改完成10个问题 / 已协调解决6个 /
// 已销号问题5个 (before) and 3个问题已全部整改完成 / 10个问题整改到位 (after) are
// rectified, not problems. 已完成18个小区的改造 is work done, not rectification: the
// thing counted must be a problem/task/measure (or the unit 条/项/件 of one).
const DONE_BEFORE = /(?:已|均已|全部|基本)[^，。；]{0,6}?(?:整改|完成|到位|销号|办结|解决|化解|清零|落实)(?:问题|事项|任务|措施)?$|(?:完成整改|整改到位|整改完成|整改销号)(?:问题|事项|任务|措施)?$/;
const DONE_AFTER = /^(?:个|条|项|件)?(?:问题|事项|任务|措施|整改措施|整改任务)?[^，。；\d]{0,4}?(?:(?:均已|已经|已)(?:全部|基本)?(?:整改(?:完成|到位)?|完成(?:整改)?|销号|办结|解决|落实)|(?:全部|基本)?(?:整改(?:完成|到位|销号)|完成整改|落实(?:到位|完毕)|销号|办结))(?![^，。；]*\d)/;
const COUNTED_TASK = /^(?:问题|事项|任务|措施|整改措施|整改任务|举措)|^(?![\u4e00-\u9fa5])|^(?:已|均|全部|整改|完成)/;
// 2个问题正在推进中 / 另有4个问题持续整改 / 其余7条正在整改 — in progress, neither kind
const IN_PROGRESS_RIGHT = /正在|推进中|整改中|持续(?:整改|推进)|尚未|未完成|仍在|待整改|未整改/;
// 意见建议93条，其中…21条 / 收集意见46条，梳理归并为17条 / 归类整理为36条 — only these cues
// pass a kind on; 收集意见60条，办理来信12条 shares the unit but not the kind
// 持续整改问题4个 / 部分整改的事项3项 — a status named before the count, neither kind
const STATUS_NEAR = /(?:持续整改|部分整改|正在整改|尚未整改|未完成整改|整改中)(?:的)?(?:问题|事项|任务)?$/;
const INHERIT_CUE = /其中|分别|归并|合并|(?:梳理|整理|归纳|归类|汇总|整合|精简)(?:为|成|出)|涉及|包括/;

const SCORED_INHERIT: ReadonlySet<CountKind> = new Set(["opinions", "problems", "measures"]);

function approxOf(pre: string | undefined, mid: string | undefined, post: string | undefined): boolean {
  return Boolean(pre || mid || post);
}

function clauseBefore(text: string, at: number, stops: RegExp, max: number): string {
  let i = at;
  while (i > 0 && at - i < max && !stops.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

function clauseStartOf(text: string, at: number): number {
  return at - clauseBefore(text, at, /[。；;！？!?\n]/, 120).length;
}

function rightAfter(text: string, at: number, max = 14): string {
  let j = at;
  while (j < text.length && j - at < max && !/[，。；：,;:\n！？、]/.test(text[j]!)) j++;
  return text.slice(at, j);
}

/** True when the number at `start` is a list marker, a date part, a 第N or 每N. */
function isNotACount(text: string, start: number, end: number, numText: string): boolean {
  const before = text[start - 1] ?? "";
  if (/[第每]/.test(before)) return true;
  if (/[\d.]/.test(before)) return true; // inside a longer number
  // a single Chinese 一 is too ambiguous (一个窗口, 一次) to be a count
  if (numText === "一") return true;
  // 12345热线, phone numbers: long digit runs are never counts here
  if (/^\d{5,}$/.test(numText)) return true;
  // "1." / "2、" list markers at a line start
  const lineStart = start === 0 || text[start - 1] === "\n" || text[start - 1] === "\t";
  if (lineStart && /^[.、．)]/.test(text.slice(end))) return true;
  return false;
}

/** Extract every counted fact of the text, in document order. */
export function extractCounts(rawText: string): CountFact[] {
  const text = foldWidth(rawText);
  const out: CountFact[] = [];
  // last scored count per sentence, for breakdown/merged inheritance
  let lastScored: { sentenceStart: number; unit: string; kind: CountKind; anchorEnd: number } | null = null;

  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(text); m; m = COUNT_RE.exec(text)) {
    const [whole, pre, numText, mid, unit, post] = m as unknown as [string, string | undefined, string, string | undefined, string, string | undefined];
    const start = m.index + (pre?.length ?? 0);
    const end = m.index + whole.length;
    const value0 = parseNumeral(numText);
    if (value0 === null || value0 === 0) continue;
    if (isNotACount(text, start, start + numText.length, numText)) continue;
    const afterUnit = text.slice(m.index + whole.length - (post?.length ?? 0));
    // 一个多月 / 3个工作日 / 57万元 — a duration, money or measure
    if (NOT_A_COUNT_AFTER.test(post === "多" ? "多" + afterUnit.slice(1) : afterUnit)) continue;
    if (unit !== "%" && NOT_A_COUNT_AFTER.test(afterUnit)) continue;
    // 6个百分点 is a rate change
    if (unit === "个百分点") continue;
    const sentence = clauseBefore(text, m.index, /[。；;！？!?\n]/, 120);
    const sentenceStart = m.index - sentence.length;
    let clause = clauseBefore(text, m.index, /[。；;！？!?\n，,：:]/, 60);
    // 开展谈心谈话，共计75人次: a clause of function words only takes the one before it
    if (!clause.replace(FUNCTION_TAIL, "") && m.index - clause.length - 1 > sentenceStart) {
      const at = m.index - clause.length - 1;
      clause = clauseBefore(text, at, /[。；;！？!?\n，,：:]/, 60) + text.slice(at, m.index);
    }
    const near = clause.replace(FUNCTION_TAIL, "");
    const right = rightAfter(text, end);
    const ctx: Ctx = { clause, near, sentence, right, unit };
    const approx = approxOf(pre, mid, post);
    let kind: CountKind | null = null;

    if (unit === "%") {
      // only 满意率/满意度/满意和基本满意的占 …% is counted; 漏损率, 增长率, 办结率 are not
      const lead = clauseBefore(text, m.index, /[。；;！？!?\n，,]/, 30);
      if (/满意|好评率|认可率|认可度/.test(lead) && !/不满意率/.test(lead)) kind = "satisfaction";
      else continue;
    } else if (/票/.test(right.slice(0, 1))) {
      continue;
    } else if (/正在|剩余|其余|尚未|未完成|仍有|还有|另有/.test(clause) || IN_PROGRESS_RIGHT.test(right) || STATUS_NEAR.test(near)) {
      // 剩余1个正在推进 / 其余7条正在整改中 / 2个问题正在推进中 — work in progress is not a counted kind
      kind = "other";
    } else if (/^[个项条件]$/.test(unit) && COUNTED_TASK.test(right) && (DONE_BEFORE.test(near) || DONE_AFTER.test(unit + right)) && (/[条项件]/.test(unit) || /问题|事项|任务|措施|整改/.test(sentence + right))) {
      kind = "rectified";
    } else {
      for (const [re, k] of RIGHT_NOUNS) {
        if (re.test(right)) {
          kind = k === "skip" ? "other" : k;
          if (k === "forms_issued" && /回收|收回/.test(clause)) kind = "forms_returned";
          break;
        }
      }
      if (kind === null) {
        for (const r of RULES) {
          if (r.units.test(unit) && r.test(ctx)) {
            kind = r.kind;
            break;
          }
        }
      }
      if (kind === null && lastScored && lastScored.sentenceStart === sentenceStart && lastScored.unit === unit && INHERIT_CUE.test(text.slice(lastScored.anchorEnd, m.index))) {
        // 其中涉及班子建设的21条 / 梳理归并为85条
        kind = lastScored.kind;
      }
      kind ??= "other";
      // study sessions, inspections and other 次 are never scored kinds
      if (kind === "other" && unit === "次") continue;
    }

    const span: Span = [Math.max(sentenceStart, m.index - Math.min(near.length, 12)), end];
    out.push({ kind, value: value0, unit, approx, text: rawText.slice(span[0], span[1]), span });
    if (SCORED_INHERIT.has(kind)) {
      // a breakdown keeps the parent's end, so its cue (其中) is found for every part
      const inherited: boolean = lastScored !== null && lastScored.sentenceStart === sentenceStart && lastScored.kind === kind && lastScored.unit === unit;
      lastScored = { sentenceStart, unit, kind, anchorEnd: inherited ? lastScored!.anchorEnd : end };
    }
  }

  // 百分之九十六 / 九成 satisfaction
  PERCENT_WORD_RE.lastIndex = 0;
  for (let m = PERCENT_WORD_RE.exec(text); m; m = PERCENT_WORD_RE.exec(text)) {
    const n = m[1] ? parseNumeral(m[1]) : m[2] ? parseNumeral(m[2]) : null;
    if (n === null) continue;
    const value = m[1] ? n : n * 10;
    const lead = clauseBefore(text, m.index, /[。；;！？!?\n，,]/, 30) + rightAfter(text, m.index + m[0].length, 6);
    if (!/满意|好评|认可/.test(lead)) continue;
    const span: Span = [m.index, m.index + m[0].length];
    const post = text.slice(span[1], span[1] + 2);
    out.push({ kind: "satisfaction", value, unit: "%", approx: /以上|左右|多/.test(post), text: rawText.slice(span[0], span[1]), span });
  }
  out.sort((a, b) => a.span[0] - b.span[0]);
  // A figure restated in a later sentence (制定整改措施46条 … 46条整改措施已完成整改39条)
  // is the same fact: keep its first mention. Equal figures of one breakdown share a sentence and stay.
  const seen = new Map<string, number>();
  return out.filter((c) => {
    if (c.kind === "other") return true;
    const key = `${c.kind}=${c.value}`;
    const sentenceStart = clauseStartOf(text, c.span[0]);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, sentenceStart);
      return true;
    }
    return first === sentenceStart;
  });
}
