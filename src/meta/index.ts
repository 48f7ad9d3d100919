/**
 * Report metadata: the writing unit, the author of a personal report, team or
 * personal, the unit's sector and administrative level, the year reported on,
 * the campaign, and the date signed (shared/spec/output.md, `meta`).
 *
 * Reads: text, title, titleSpan, reportType. Writes: meta.
 *
 * Sources, in order of precedence:
 *   1. the title (中共望川区杏林路街道工作委员会领导班子2023年度民主生活会对照检查材料):
 *      the unit is what stands before the first genre word (关于, 领导班子, a
 *      year, a campaign name, 民主生活会, 工作总结 …); its year and campaign;
 *   2. a labelled unit line (报送单位：…), which names the unit formally;
 *   3. the author line under the title of a personal report
 *      (云溪市交通运输局党组成员、副局长　刘振宇: unit before the first role word,
 *      the name after it) or a 述职人：… line;
 *   4. the opening sentence (根据市委关于深入学习实践科学发展观活动的部署…;
 *      我局于2009年10月12日转入…): campaign and year;
 *   5. the signature block: the unit line and the date under it, or a delivery
 *      line (——2024年12月26日在…会议上).
 * Level: the most specific division the unit names, through the GB/T 2260 table
 * (慈溪市 is a county) and else the suffix (…县, …镇, …街道, …社区). Sector: the
 * unit's field by its words (医院 → health, 教育局 → education, 公司 → enterprise).
 * Campaign years confirm or correct a year not read from the title.
 *
 * Never: a name guessed from the body (people named there are others), a
 * campaign from a passing mention deep in the body of an annual material
 * (巩固主题教育成果), a level from 市场 or 开发区.
 */
import type { WorkingDocument } from "../model/document.js";
import type { MetaCampaign, MetaLevel, MetaScope, MetaSector, ReportMeta } from "../model/meta.js";
import { parseNumeral } from "../extract/numerals.js";
import { CAMPAIGNS, campaignIn, campaignYears, rectificationCampaignIn } from "./campaigns.js";
import { levelOfUnit } from "./level.js";
import { sectorOfUnit } from "./sector.js";

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string, from = 0, to = text.length): Line[] {
  const out: Line[] = [];
  let at = from;
  for (const raw of text.slice(from, to).split("\n")) {
    const t = raw.trim();
    if (t) out.push({ text: t, start: at });
    at += raw.length + 1;
  }
  return out;
}

const CN_DIGIT = "〇零○一二三四五六七八九";
// 2024年1月12日 / 2025 年 1 月 16 日 / 二〇二四年一月十二日
const FULL_DATE = new RegExp(`(\\d{4}|[${CN_DIGIT}]{4})\\s*年\\s*(\\d{1,2}|[${CN_DIGIT}十]{1,3})\\s*月\\s*(\\d{1,2}|[${CN_DIGIT}十]{1,3})\\s*日`);

function yearOf(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : Number([...s].map((c) => String(CN_DIGIT.indexOf(c) === 2 ? 0 : Math.max(0, CN_DIGIT.indexOf(c) - 2))).join(""));
}

/** ISO date of the first full date in `s`, or null. */
export function isoDateIn(s: string): string | null {
  const m = FULL_DATE.exec(s);
  if (!m) return null;
  const y = yearOf(m[1]!);
  const mo = /^\d+$/.test(m[2]!) ? Number(m[2]) : parseNumeral(m[2]!);
  const d = /^\d+$/.test(m[3]!) ? Number(m[3]) : parseNumeral(m[3]!);
  if (!y || !mo || !d || mo > 12 || d > 31 || y < 1949 || y > 2100) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// The genre words after which a title no longer names its unit.
const TITLE_CUT =
  /关于|(?:20\d\d|[〇零○一二三四五六七八九]{4})\s*年|领导班子|班子成员|(?:深入|深化|开展|认真)?学习实践|科学(?:发展|进展)观|(?:党的)?群众路线|三严三实|两学一做|不忘初心|党史学习|党纪学习|主题教育|(?:专题)?(?:民主|组织)生活会|(?:个人)?对照检查|分析检查|检视剖析|工作总结|述职|整改|巡[视察]|审计|个人|工作(?:报告|方案|计划|要点|情况)|[上下]半年|年度/;
// A unit ends like one: 委员会, 党组, 局, 医院, 公司, 镇, 社区 …
const ORG_END =
  /(?:委员会|委|党组|党委|党工委|党支部|支部|总支|政府|局|厅|部|办|办公室|院|所|站|中心|公司|集团|行|社|校|学|园|医院|镇|乡|街道|社区|村|会|队|馆|处|科|区|县|市|省|州|盟|旗|机关|分局|支行|分行)$/;
// Where the author line turns from the unit to the author's post: 党组成员、副局长 / 副局长 / 党员教师
const ROLE_START =
  /(?:党组|党委|党工委|党支部|党总支|支部)(?:成员|书记|副书记|委员(?!会))|(?:党组|党委)?(?:副)?书记|(?:副)?(?:局长|主任|镇长|乡长|县长|区长|市长|院长|校长|科长|处长|所长|站长|部长|经理|总经理|董事长|厂长|行长|主席|组长|队长|馆长|社长)|调研员|主任科员|科员|党员|教师|医生|干部|委员(?!会)|[\u4e00-\u9fa5]{1,4}组(?=党员|教师|组长)/;
// A name as written: 刘振宇 / 方晓岚 / 张xx / 李** / 王×× / XXX
const NAME = "(?:[\\u4e00-\\u9fa5](?:[\\u4e00-\\u9fa5]{1,2}|[xX×＊*○某]{1,3})|[xX]{2,3}|[＊*]{2,3})";
const AUTHOR_LINE = new RegExp(`^(.{0,40}?)\\s+(${NAME})$`);
const AUTHOR_AFTER_ROLE = new RegExp(`^(.{2,40}?(?:书记|局长|主任|镇长|乡长|县长|区长|市长|院长|校长|科长|处长|所长|站长|部长|经理|董事长|厂长|行长|主席|调研员|科员|党员|教师))(${NAME})$`);
// 述职人：沈志刚 / 发言人：刘振宇 / 报告人: 张xx
const SIGNED_PERSON = new RegExp(`^(?:述职人|发言人|报告人|汇报人|述责人|检查人|本人)\\s*[:：]\\s*(${NAME})\\s*$`);
// 报送单位：中共澄溪县栎川镇委员会
const LABELLED_UNIT = /^(?:报送单位|填报单位|单位名称|发文单位|报告单位|单位)\s*[:：]\s*([^\s，。；:：]{2,40})/;

/** The unit named before the first genre word of a title, or null. */
export function unitFromTitle(title: string): string | null {
  const t = title.replace(/^\s*(?:(?:20\d\d|[〇零○一二三四五六七八九]{4})\s*年度?|第[一二三四五六七八九十]+篇\s*[:：])\s*/, "");
  const m = TITLE_CUT.exec(t);
  const prefix = (m ? t.slice(0, m.index) : "").replace(/[\s的“”"‘’《〈「『（(]+$/, "").replace(/\s+/g, "");
  return prefix.length >= 2 && ORG_END.test(prefix) ? prefix : null;
}

/** The unit and the person of an author line (云溪市交通运输局党组成员、副局长　刘振宇). */
export function parseAuthorLine(line: string): { unit: string | null; person: string } | null {
  if (line.length > 48 || /[。，；！？:：]/.test(line)) return null;
  const m = AUTHOR_LINE.exec(line) ?? AUTHOR_AFTER_ROLE.exec(line);
  if (!m) return null;
  const post = m[1]!.replace(/\s+/g, "");
  const person = m[2]!;
  const role = ROLE_START.exec(post);
  const unit = (role ? post.slice(0, role.index) : post).replace(/[、，]+$/, "");
  // an author line always names a post or a unit; a bare "X Y" pair of words is not one
  if (!post && !/^[xX＊*]/.test(person)) return null;
  return { unit: unit.length >= 2 && ORG_END.test(unit) ? unit : null, person };
}

interface Signature {
  unit: string | null;
  person: string | null;
  signedOn: string | null;
}

/** The signature block at the end: the unit line, the date line, a 述职人 line. */
function readSignature(text: string): Signature {
  const tail = linesOf(text, Math.max(0, text.length - 900)).slice(-9);
  let unit: string | null = null;
  let person: string | null = null;
  let signedOn: string | null = null;
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!.text;
    if (/^[-—–\s\d第页共]+$/.test(line)) continue; // - 4 - / 第 3 页
    const iso = line.length <= 24 ? isoDateIn(line) : null;
    if (iso && !signedOn) {
      signedOn = iso;
      const prev = tail[i - 1]?.text;
      if (prev && prev.length <= 40 && !/[。，；！？]/.test(prev) && ORG_END.test(prev.replace(/\s+/g, ""))) unit = prev.replace(/\s+/g, "");
      // a personal material signed with the name alone: 张 三 / 王某某 above the date
      else if (prev && new RegExp(`^${NAME}$`).test(prev.replace(/\s+/g, "")) && !/^(?:以上|特此|此致|敬礼)/.test(prev)) person = prev.replace(/\s+/g, "");
      continue;
    }
    const p = SIGNED_PERSON.exec(line);
    if (p && !person) person = p[1]!;
  }
  return { unit, person, signedOn };
}

// ——2024年12月26日在澄溪县第十八届人民代表大会常务委员会第二十四次会议上
const DELIVERY = /^[—-]{1,2}\s*(.{6,20}?日)\s*在.{2,60}(?:会议|大会)上/;

// a meeting material or annual summary signed early in the year reports on the year before
const WRITTEN_AFTER_YEAR = new Set(["democratic-life", "work-summary"]);

const isNotReport = (doc: WorkingDocument): boolean => (doc.reportType?.id as string | undefined) === "other";

export function extractMeta(doc: WorkingDocument): ReportMeta {
  const text = doc.text;
  const title = (doc.title ?? text.slice(0, text.indexOf("\n") < 0 ? 80 : Math.min(80, text.indexOf("\n")))).replace(/\s+/g, "");
  const afterTitle = doc.titleSpan ? doc.titleSpan[1] : Math.max(0, text.indexOf("\n"));
  const head = linesOf(text, afterTitle, Math.min(text.length, afterTitle + 1200)).slice(0, 8);

  // The author line is the first line under the title that reads as one, before the body
  // starts (a line with 。); a copied page may leave an upload line (更新时间…) in between.
  let authorAt = -1;
  let author: ReturnType<typeof parseAuthorLine> = null;
  for (let i = 0; i < Math.min(3, head.length) && !/。/.test(head[i]!.text); i++) {
    author = parseAuthorLine(head[i]!.text);
    if (author) {
      authorAt = i;
      break;
    }
  }
  const labelled = head.map((l) => LABELLED_UNIT.exec(l.text)?.[1]).find((u): u is string => !!u && ORG_END.test(u)) ?? null;
  const sig = readSignature(text);
  const delivery = head.map((l) => DELIVERY.exec(l.text)).find((m) => m);
  const signedOn = sig.signedOn ?? (delivery ? isoDateIn(delivery[1]!) : null);

  const unit = labelled ?? unitFromTitle(title) ?? author?.unit ?? sig.unit ?? null;
  // 张三同志2023年度民主生活会个人对照检查材料 / …发言提纲（王某某）
  const titled = new RegExp(`^(${NAME})同志|[（(](${NAME})(?:同志)?[）)]$`).exec(title);
  const person = author?.person ?? (titled ? (titled[1] ?? titled[2]!) : null) ?? sig.person ?? null;

  // The opening: the first lines of the body that are not the author line or a salutation.
  const opening = head
    .filter((l, i) => i !== authorAt && !/^[^。，]{1,20}[:：]$/.test(l.text) && !(l.text.length <= 24 && isoDateIn(l.text)))
    .map((l) => l.text)
    .join("\n")
    .slice(0, 400);

  const { year, campaign } = yearAndCampaign(doc, title, opening, signedOn);

  if (isNotReport(doc)) return { unit, person: null, scope: null, sector: null, level: null, year, campaign: null, signedOn };

  const scope: MetaScope = /领导班子|班子/.test(title) ? "team" : /个人|发言提纲|述职|述廉|述责|党性分析/.test(title) || (author && !author.unit && person) ? "personal" : "team";
  const sector: MetaSector | null = unit ? sectorOfUnit(unit) : null;
  const level: MetaLevel | null = unit ? levelOfUnit(unit) : null;
  return { unit, person: scope === "personal" ? person : null, scope, sector, level, year, campaign, signedOn };
}

/** The first year a passage writes (2023年度 / 2023年 / 二〇二三年). */
function firstYear(s: string): number | null {
  // not 2008年以来 / 2019年前 (a starting point, not the year reported on)
  const m = /(20\d\d|19\d\d)\s*年(?!以来|来|以前|之前|前|底以来)/.exec(s) ?? /([〇零○一二三四五六七八九]{4})年(?!以来|来|以前|之前)/.exec(s);
  if (!m) return null;
  const y = yearOf(m[1]!);
  return y >= 1949 && y <= 2100 ? y : null;
}

function yearAndCampaign(doc: WorkingDocument, title: string, opening: string, signedOn: string | null): { year: number | null; campaign: MetaCampaign | null } {
  const titleYear = firstYear(title);
  const openingYear = firstYear(opening);
  let signedYear: number | null = signedOn ? Number(signedOn.slice(0, 4)) : null;
  const type = doc.reportType?.id as string | undefined;
  const writtenAfter = (type !== undefined && WRITTEN_AFTER_YEAR.has(type)) || /(?:民主|组织)生活会|对照检查|检视剖析|述职|年度?工作总结/.test(title);
  if (signedYear && signedOn && writtenAfter && Number(signedOn.slice(5, 7)) <= 2) signedYear -= 1;
  const guess = titleYear ?? openingYear ?? signedYear;

  // Campaign: the title, then the opening, then a campaign the body names again and again.
  let campaign: MetaCampaign | null = campaignIn(title, guess) ?? rectificationCampaignIn(titleRectification(title));
  const annualTitle = /年度|年终|年工作总结|[上下]半年|工作总结|述职|述廉|(?:民主|组织)生活会/.test(title);
  if (!campaign && !annualTitle) campaign = campaignIn(opening, guess) ?? (type === "rectification" ? rectificationCampaignIn(opening) : null);
  if (!campaign && !annualTitle) campaign = campaignByRepetition(doc.text);
  if (!campaign && type === "rectification") campaign = rectificationCampaignIn(opening);
  if (!campaign && (annualTitle || type === "work-summary" || type === "democratic-life")) campaign = "annual";
  if (!campaign && type) campaign = "other";
  if (isNotReport(doc)) campaign = null;

  // Year: the title's stands; else the opening's or the signature's, within the campaign's years.
  const known = campaignYears(campaign);
  let year = titleYear ?? openingYear ?? signedYear;
  if (!titleYear && known) {
    const [from, to] = known.years;
    if (year === null) year = known.typical;
    else if (year < from || year > to) {
      // the signature year may be right where the opening's is not (2008年以来… in a 2009 report)
      year = signedYear !== null && signedYear >= from && signedYear <= to ? signedYear : year < from ? from : to;
    }
  }
  return { year, campaign };
}

/** The title words that say what is rectified (巡察反馈意见, 审计发现问题), not the unit's name. */
function titleRectification(title: string): string {
  return /整改|反馈|问题/.test(title) ? title : "";
}

/** A campaign named at least three times in the body (an analysis report whose title omits it). */
function campaignByRepetition(text: string): MetaCampaign | null {
  let best: { id: MetaCampaign; n: number } | null = null;
  for (const c of CAMPAIGNS) {
    const n = text.match(new RegExp(c.names.source, "g"))?.length ?? 0;
    if (n >= 3 && (!best || n > best.n)) best = { id: c.id, n };
  }
  return best?.id ?? null;
}
