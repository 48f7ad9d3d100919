/**
 * A measure's deadline and owner, from its own text or its table row.
 *
 * Deadline: a date bound (2024年6月底前, 12月10日前, 年底前, 年内, 上半年),
 * or a time rule of the genre (长期坚持, 立行立改, 限期整改, 持续推进).
 * NOT: 限时答复 / 限时办结 (service rules), 每季度/每月 (a frequency, not a
 * completion date).
 * Owner: 由X负责 / X牵头 / 责任人：X / 责任单位：X / 牵头领导：X.
 * NOT: 首问负责制 (a service rule), 分解落实到各部门 (a gesture, no one named),
 * 相关人员 (the people criticised).
 */
const DEADLINE_RES: RegExp[] = [
  // 2010年6月底前 / 2023年12月底前 / 2009年12月底前完成 / 12月10日前 / 2024年上半年
  /(?:\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?(?:前|以前|之前)/,
  /\d{4}年(?:底|末|上半年|下半年|年底|第[一二三四]季度)(?:前|以前|之前)?/,
  // 年底前完成 / 年内实现 — but 为明年工作打下基础 is no deadline
  /(?:年底|年末)(?:前|以前|之前)?(?:完成|实现|到位|全部|全面)?|(?:年内|本年度内|今年内|明年)(?:前|以前|之前)?(?:完成|实现|到位|全部|全面|新增|建成|出台|达到)/,
  /长期坚持|立行立改|立查立改|即知即改|限期(?:整改|完成)|\d+个?(?:工作日|日|天|个月)内(?:完成|办结|整改)/,
  // 于2023年12月完成 / 2024年6月完成规划编制
  /(?:\d{4}年)?\d{1,2}月(?:底|末|\d{1,2}日)?(?:完成|办结|整改到位|实现)/,
  // 完成时限：2023年底 — a labelled value; 明确整改时限 alone only gestures at one
  /(?:完成|整改|办结)时限[:：]\s*[^\s，。；,;]{2,}/,
];
const NOT_DEADLINE = /限时(?:答复|办结|服务|回复)/g;

export function findDeadline(text: string): string | null {
  const t = text.replace(NOT_DEADLINE, (m) => "□".repeat(m.length));
  for (const re of DEADLINE_RES) {
    const m = re.exec(t);
    if (m) return m[0];
  }
  return null;
}

const OWNER_RES: RegExp[] = [
  // 责任人：张三 / 责任单位：办公室 / 牵头领导：王敏
  /(?:责任人|责任单位|责任领导|责任部门|责任科室|牵头领导|牵头单位|分管领导|牵头部门)[:：]\s*([^\s，。；,;]{2,20})/,
  // 由分管副局长周建华牵头、规划建设股具体负责 / 由局党组书记陈立明负责
  /由([^，。；,;]{2,30}?)(?:牵头|负责|具体负责|统筹)/,
  // 王敏同志负责 / 办公室牵头
  /([^\s，。；,;、]{2,12}?)(?:牵头负责|牵头落实|负总责|具体负责|牵头)/,
  // 办公室负责，2023年底前完成 — a clause that is only "X负责"
  /(?:^|[，。；,;（(])([^\s，。；,;、（(]{2,12}?)负责(?=[，。；,;）)]|$)/,
];
const NOT_OWNER = /首问负责|负责制|负责人之间|负责同志之间/;

export function findOwner(text: string): string | null {
  for (const re of OWNER_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const around = text.slice(Math.max(0, m.index - 2), m.index + m[0].length + 2);
    if (NOT_OWNER.test(around)) continue;
    const who = (m[1] ?? "").trim();
    if (!who || /^(?:各|相关|有关|专人|专门|具体|共同|主要|全面|统一)/.test(who)) continue;
    return who;
  }
  return null;
}
