/**
 * Web-page furniture around a report taken from the web: lines a saved page
 * or a copy out of a browser carries that are not the report.
 *
 *   首页 > 工作总结 > 党建 · 当前位置：首页 -> 要闻          breadcrumb
 *   索引号：TL-2024-01　发布机构：区市场监管局 · 更新时间:… 作者:…   metadata
 *   字号：[大 中 小]　分享　打印　关闭 · 购物车 我的足迹 登录 VIP        controls / shop chrome
 *   - 1 - · 第2页 共5页 · a run of bare 1 / 2 / 3 lines                page numbers
 *   -精品文档推荐- followed by titles and 下载文档 to the end          recommendations
 *   上一篇：… · 下一篇：… after the body; 主办单位：… 备案号：… footer lines  pager / footer
 *   第一篇:…对照检查材料 · 【巡察整改】关于…的通报 · …材料1 · …总结2023-11-13   listing prefix / tail on the title
 *
 * A line is removed only when several signals agree: its shape (every token
 * on it is a furniture word, or labels with values), its length (short, no
 * sentence inside), and where it stands (before the first body sentence or
 * after the last one; page numbers: anywhere, but as a running sequence or
 * in a shape no report line has). A clean DOCX/PDF/TXT gives no edits.
 *
 * Never touches table rows (a task table may hold 发布日期-like headers)
 * and never removes body sentences.
 */
import type { TextEdit } from "./edits.js";
import type { Repair } from "./repair.js";

interface Line {
  start: number;
  /** Before the line break. */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split("\n")) {
    out.push({ start: pos, end: pos + raw.length, text: raw.trim() });
    pos += raw.length + 1;
  }
  return out;
}

// 首页 > 政务公开 > 巡察整改 · 首页 -> 要闻 -> 审计公告 · 当前位置：首页 » 新闻
const BREADCRUMB_HEAD = /^(当前位置|您现在的位置|您的位置|现在位置|所在位置|位置)\s*[：:]|^(网站)?首页\s*(>|->|»|＞|›|\/|→)/;
const BREADCRUMB_SEP = /\s*(?:->|>|»|＞|›|→)\s*/;

/** 首页 > 工作总结 > 党建: short parts joined by arrows, starting at the site's home or a 位置 label. */
export function isBreadcrumb(line: string): boolean {
  if (line.length > 80 || /[。！？；]/.test(line) || !BREADCRUMB_HEAD.test(line)) return false;
  const parts = line.replace(/^[^：:]*位置\s*[：:]\s*/, "").split(BREADCRUMB_SEP).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => p.length <= 16);
}

// Disclosure and upload metadata labels: 索引号：… 发布机构：… 更新时间:… 作者:…
const META_LABEL =
  /(信息)?索\s*引\s*号|发布机构|发文机关|成文日期|发布日期|发布时间|更新时间|上传时间|公开方式|公开范围|公开时限|信息来源|来\s*源|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问量|信息分类|主题分类|组配分类|体裁分类|文\s*号|有效性|作\s*者|责任编辑|编\s*辑|上传者|贡献者|主办单位|承办单位|协办单位|技术支持|网站标识码|备案号|版权所有|时\s*间|日\s*期|名\s*称|标\s*题/g;
const META_LABEL_WITH_COLON = new RegExp(`(?:${META_LABEL.source})\\s*[：:]`, "g");

/** 索引号：TL-01　发布机构：区局 — two labels or more, or one strong label leading a short line. */
export function isMetadataLine(line: string): boolean {
  if (line.length > 120 || /[。！？；]$/.test(line)) return false;
  const labels = [...line.matchAll(META_LABEL_WITH_COLON)].map((m) => m[0].replace(/\s+/g, ""));
  if (labels.length >= 2) return true;
  if (labels.length === 1 && line.length <= 40 && line.replace(/\s+/g, "").startsWith(labels[0]!)) {
    // a lone label needs a disclosure-only word: 时间/日期/名称 alone are report words too
    return /索引号|发布机构|发文机关|成文日期|发布日期|发布时间|更新时间|上传时间|公开方式|公开范围|公开时限|信息来源|浏览|阅读次数|阅读量|点击|访问量|信息分类|主题分类|组配分类|体裁分类|责任编辑|上传者|贡献者|主办单位|承办单位|技术支持|网站标识码|备案号|版权所有/.test(labels[0]!);
  }
  return false;
}

// Page controls and site/shop chrome: every token on the line is one of these.
const CONTROL_TOKEN =
  /请输入关键字|请输入搜索内容|选择搜索类型|字号|字体|大|中|小|默认|分享(到)?|打印(本页|此页)?|关闭(窗口|本页)?|朗读|语音播报|色调调节|色调|收藏(本页)?|返回顶部|返回|顶部|微信|微博|QQ空间|QQ|保存|复制链接|纠错|购物车|我的足迹|我的文档|登录|注册|VIP|会员中心|开通VIP|下载文档|立即下载|下载|全文阅读|资料阅览|上传文档|无障碍浏览|长者模式|设为首页|加入收藏|English|搜索|扫一扫|手机版|二维码/y;
const CONTROL_FILLER = /[\s【】[\]|｜:：•·()（）/\\-]+/y;

/** 字号：[大 中 小]　分享　打印　关闭 · 购物车 我的足迹 登录 VIP — nothing but control words. */
export function isControlLine(line: string): boolean {
  if (!line || line.length > 60) return false;
  let pos = 0;
  let words = 0;
  let letters = 0;
  while (pos < line.length) {
    CONTROL_FILLER.lastIndex = pos;
    const f = CONTROL_FILLER.exec(line);
    if (f && f[0].length) {
      pos += f[0].length;
      continue;
    }
    CONTROL_TOKEN.lastIndex = pos;
    const t = CONTROL_TOKEN.exec(line);
    if (!t || !t[0].length) return false;
    words++;
    if (t[0].length >= 2) letters++;
    pos += t[0].length;
  }
  // 大 中 小 alone are three one-character words; a line needs two real words or the 大中小 triple
  return letters >= 2 || (letters >= 1 && words >= 3) || /大\s*中\s*小/.test(line) && words >= 3;
}

// - 1 - · —2— · 第3页 共5页 · 第 3 页 · 3/5
const PAGE_NUMBER_SHAPED = /^([-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
const BARE_NUMBER = /^\d{1,3}$/;

// -精品文档推荐- · 相关推荐 · 猜你喜欢 · 相关文章 · 热门文档
const RECOMMEND_HEAD = /^[-－—–\s【[]*(精品文档推荐|精品合同推荐|相关文档推荐|相关推荐|猜你喜欢|相关文章|相关阅读|热门文档|热门推荐|推荐阅读|推荐文档|更多相关|你可能喜欢|您可能感兴趣)[-－—–\s】\]]*$/;

// 第一篇: · 第1篇： · 【巡察整改】 · [工作总结] before a title
const LISTING_PREFIX = /^(第\s*[一二三四五六七八九十0-9]{1,3}\s*篇\s*[：:、]?|【[^】]{2,10}】|\[[^\]]{2,10}\])\s*/;
const GENRE_END = /(总结|报告|材料|提纲|方案|情况|汇报|发言|通报|清单|述职报告|思路)([（(][^（）()]{1,20}[）)])?$/;

// 上一篇：… / 下一篇：… — links to the neighbouring articles of the column
const PAGER = /^(上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[：:]/;

/** A body sentence: long enough and closed by sentence punctuation. */
function isBodyLine(line: string): boolean {
  return line.length >= 30 && /[。！？；]/.test(line);
}

export function findFurniture(text: string): TextEdit[] {
  const lines = splitLines(text);
  const edits: TextEdit[] = [];
  const dropped = new Set<number>();
  const removeLine = (i: number) => dropped.add(i);
  const firstBody = lines.findIndex((l) => isBodyLine(l.text));
  if (firstBody < 0) return [];
  let lastBody = firstBody;
  lines.forEach((l, i) => {
    if (isBodyLine(l.text)) lastBody = i;
  });
  const removed = new Set<number>();
  const outside = (i: number) => i < firstBody || i > lastBody;

  lines.forEach((l, i) => {
    if (!l.text || l.text.includes("\t") && !outside(i)) return;
    const t = l.text.replace(/\t/g, " ");
    if (outside(i) && (isBreadcrumb(t) || isMetadataLine(t) || isControlLine(t) || (i > lastBody && PAGER.test(t)))) removed.add(i);
  });

  // Recommendations after the body: the head line and every short line after it.
  for (let i = lastBody + 1; i < lines.length; i++) {
    if (!RECOMMEND_HEAD.test(lines[i]!.text)) continue;
    const rest = lines.slice(i + 1);
    if (rest.every((l) => !l.text || (l.text.length <= 60 && !/[。！？]$/.test(l.text)))) {
      for (let k = i; k < lines.length; k++) if (lines[k]!.text) removed.add(k);
    }
    break;
  }

  // Page numbers: a `- 1 -` shape anywhere; bare numbers only as a rising run of two or more.
  const bare: number[] = [];
  lines.forEach((l, i) => {
    if (PAGE_NUMBER_SHAPED.test(l.text)) removed.add(i);
    else if (BARE_NUMBER.test(l.text)) bare.push(i);
  });
  const values = bare.map((i) => Number(lines[i]!.text));
  const rising = values.length >= 2 && values.every((v, k) => k === 0 || v === values[k - 1]! + 1) && values[0]! <= 2;
  if (rising) for (const i of bare) removed.add(i);

  for (const i of removed) removeLine(i);

  // The title: a listing prefix (第一篇:) before it, a page heading shown twice.
  const head = lines.slice(0, Math.min(firstBody + 1, 12)).map((l, i) => ({ l, i })).filter(({ l, i }) => l.text && !removed.has(i));
  // A trailing page number or upload date glued to it: …对照检查材料1 · …工作总结2023-11-13
  const TAIL = /(?<=[\u4e00-\u9fff）)])\s*(\d{1,2}|(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?)$/;
  const core = (t: string) => t.replace(LISTING_PREFIX, "").replace(TAIL, "");
  const titleEntry = head.find(({ l }) => GENRE_END.test(core(l.text)) && l.text.length <= 80 && !/[。！？]$/.test(l.text));
  if (titleEntry) {
    const { l, i } = titleEntry;
    const at = text.indexOf(l.text, l.start);
    const prefix = LISTING_PREFIX.exec(l.text);
    const rest = core(l.text);
    if (prefix && rest.length >= 8) edits.push({ start: at, end: at + prefix[0].length, replacement: "", kind: "furniture" });
    const tail = TAIL.exec(l.text);
    if (tail && rest.length >= 8) edits.push({ start: at + tail.index, end: at + l.text.length, replacement: "", kind: "furniture" });
    // the same title on the next remaining line: the page heading above the document heading
    const next = head.find((h) => h.i > i);
    if (next && core(next.l.text).replace(/\s+/g, "") === rest.replace(/\s+/g, "")) removeLine(next.i);
  }
  // Each removed line goes with its line break (the one before it for the last line);
  // one edit per line, so `text.repairs.furniture` counts lines.
  const sorted = [...dropped].sort((a, b) => a - b);
  const lastKept = lines.length - 1 - [...lines].reverse().findIndex((_, k) => !dropped.has(lines.length - 1 - k));
  for (const i of sorted) {
    const l = lines[i]!;
    if (i < lastKept || lastKept >= lines.length) edits.push({ start: l.start, end: Math.min(text.length, l.end + 1), replacement: "", kind: "furniture" });
    else edits.push({ start: Math.max(0, l.start - 1), end: l.end, replacement: "", kind: "furniture" });
  }
  return edits;
}

export const furniture: Repair = {
  name: "furniture",
  run(text, ctx) {
    // Word files and PDFs lay out their own pages: no site furniture inside (PDF page numbers are the reader's job).
    if (ctx.raw.format !== "txt" && ctx.raw.format !== "md" && ctx.raw.format !== "html") return [];
    return findFurniture(text);
  },
};
