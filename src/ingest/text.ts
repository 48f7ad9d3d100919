/**
 * Plain-text reader (TXT, Markdown, HTML): bytes → text → blocks.
 *
 * Encoding, in order of precedence:
 *   1. a byte-order mark (UTF-8 EF BB BF, UTF-16 LE FF FE, UTF-16 BE FE FF);
 *   2. strict UTF-8 — if the bytes decode without a single error they are
 *      UTF-8 (chardet mislabels short Chinese UTF-8 as windows-1252 or Shift_JIS);
 *   3. chardet's candidates plus GB18030 and Big5, each decoded with iconv-lite
 *      and scored by how much of the result is CJK and how little is U+FFFD —
 *      so a wrong guess never wins over a clean decode, and no mojibake is produced.
 * Text that is mostly U+FFFD, control characters or Latin-1 mojibake of GBK
 * bytes (`Äê¶ÈÊöÖ°`) is refused with TEXT_GARBLED.
 *
 * Layout: one line → one paragraph; a line with `\t` → a table row, and
 * consecutive tab lines → one TableBlock (the corpus TXT convention).
 * Markdown: `#` marks → styleLevel, emphasis marks dropped, `|` rows → tables.
 * HTML: a small tag scanner keeps p/div/h1-h6/li/tr/td structure, decodes entities.
 *
 * Never decides what is a heading beyond what the format marks.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import type { Block, ParagraphBlock, RawDocument, SourceFormat } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";

export interface DecodedText {
  text: string;
  encoding: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
// C0/C1 control characters other than tab and line breaks, U+FFFD, private use.
const BAD = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/g;

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

// The commonest characters of Chinese prose, simplified and traditional forms. A wrong
// decoding (Big5 bytes read as GBK) also yields Han characters, but rare ones.
const COMMON = new Set(
  "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裏如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内數数正心反明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別手角期根论論运運农農指几幾九区區强強放决決西被干幹做必战戰先回则則任取据據处處府研领領导導群众眾作风風检檢查整改措施问题題落实實认認识識责責任督促进進展廣广泛征徵求见見议議议会會议議班子成员員党員支部委书書记記主席"
    .split(""),
);

/** Higher is better: share of common Chinese characters, minus a heavy penalty for replacement/control characters. */
function decodeScore(text: string): number {
  const chars = text.replace(/\s+/g, "").length || 1;
  let common = 0;
  for (const ch of text) if (COMMON.has(ch)) common++;
  return (countMatches(text, CJK) + 2 * common) / chars - (5 * countMatches(text, BAD)) / chars;
}

function decodeWith(buffer: Buffer, encoding: string): string | null {
  try {
    return iconv.decode(buffer, encoding);
  } catch {
    return null;
  }
}

/** Names chardet reports → iconv-lite names; encodings we would never pick for a Chinese report are absent. */
const CHARDET_TO_ICONV: Record<string, string> = {
  "UTF-8": "utf8",
  "UTF-16LE": "utf16le",
  "UTF-16BE": "utf16be",
  GB18030: "gb18030",
  Big5: "big5",
  "EUC-KR": "euckr",
  "EUC-JP": "eucjp",
  Shift_JIS: "shiftjis",
  "ISO-8859-1": "latin1",
  "windows-1252": "win1252",
};

/** Decodes a text file's bytes; see the header for the order of precedence. */
export function decodeText(buffer: Buffer): DecodedText {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString("utf8"), encoding: "utf-8-bom" };
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), "utf16le"), encoding: "utf-16le" };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), "utf16be"), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buffer), encoding: "utf-8" };
  } catch {
    // not UTF-8: fall through to the candidates
  }
  const candidates: string[] = [];
  for (const m of chardet.analyse(buffer)) {
    const name = CHARDET_TO_ICONV[m.name];
    if (name && name !== "utf8" && !candidates.includes(name)) candidates.push(name);
  }
  // UTF-16 without a BOM: Chinese text has few zero bytes, but ASCII-heavy text has many at odd/even positions.
  for (const name of ["gb18030", "big5", "utf16le", "utf16be"]) if (!candidates.includes(name)) candidates.push(name);
  let best: DecodedText | null = null;
  let bestScore = -Infinity;
  for (const name of candidates) {
    const text = decodeWith(buffer, name);
    if (text === null) continue;
    let score = decodeScore(text);
    // GB18030 first among equals: it is the national standard and a superset of GBK/GB2312.
    if (name === "gb18030") score += 0.01;
    if (score > bestScore) {
      bestScore = score;
      best = { text, encoding: name };
    }
  }
  return best ?? { text: buffer.toString("utf8"), encoding: "utf-8" };
}

/**
 * Latin-1 / windows-1252 mojibake of GBK or UTF-8 bytes (`2023 Äê¶ÈÊöÖ°`):
 * re-encode to bytes and decode properly when that yields Chinese.
 */
function repairMojibake(text: string): string | null {
  const nonAscii = text.replace(/[\u0000-\u007f\s]/g, "");
  if (nonAscii.length < 8) return null;
  const latin = countMatches(nonAscii, /[\u00a0-\u00ff]/g);
  if (latin / nonAscii.length < 0.6 || countMatches(text, CJK) > 0) return null;
  const bytes = iconv.encode(text, "win1252");
  for (const name of ["utf8", "gb18030"]) {
    const decoded = decodeWith(bytes, name);
    if (decoded !== null && decodeScore(decoded) > 0.5) return decoded;
  }
  return null;
}

/** Refuses text that is mostly replacement characters, control characters or mojibake. */
function assertReadable(text: string): void {
  const visible = text.replace(/\s+/g, "");
  if (!visible.length) return; // empty is reported as EMPTY later
  const bad = countMatches(visible, BAD);
  const nonAscii = visible.replace(/[\u0000-\u007f]/g, "");
  const latin = countMatches(nonAscii, /[\u00a0-\u00ff]/g);
  const cjk = countMatches(visible, CJK);
  if (bad / visible.length > 0.2) throw new ReportCheckError("TEXT_GARBLED", `${bad} of ${visible.length} characters are U+FFFD or control characters`);
  if (nonAscii.length >= 20 && latin / nonAscii.length > 0.6 && cjk / visible.length < 0.1) {
    throw new ReportCheckError("TEXT_GARBLED", "Latin-1 mojibake instead of Chinese text");
  }
}

// ───────────────────────────── plain text ─────────────────────────────

const EDGE_SPACE = /^[ \u3000\u00a0\ufeff]+|[ \u3000\u00a0\ufeff]+$/g;

/**
 * Adds a row to the table being built, or opens a new table block when none is
 * (consecutive rows form one table; a paragraph or blank line between closes it).
 * Returns the table now open.
 */
function appendRow(blocks: Block[], table: string[][] | null, cells: string[]): string[][] {
  if (!table) {
    table = [];
    blocks.push({ kind: "table", rows: table });
  }
  table.push(cells);
  return table;
}

/** Lines → paragraphs; runs of tab-separated lines → one table. */
export function linesToBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  for (const raw of lines) {
    // A leading tab or indent is not a cell boundary: "\t一、总体情况" is a paragraph.
    const line = raw.replace(/^[\t \u3000\u00a0\ufeff]+/, "").replace(/[ \u3000\u00a0]+$/, "");
    if (!line.replace(/\t/g, "").trim()) {
      table = null;
      continue;
    }
    if (line.includes("\t")) {
      const cells = line.replace(/\t+$/, "").split("\t").map((c) => c.replace(EDGE_SPACE, ""));
      table = appendRow(blocks, table, cells);
      continue;
    }
    table = null;
    blocks.push({ kind: "paragraph", text: line });
  }
  return blocks;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\f|\u2028|\u2029/);
}

// ───────────────────────────── Markdown ─────────────────────────────

/** Drops inline Markdown: **粗体**, *斜体*, `代码`, [链接](url), ![图](url). */
function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/~~(.+?)~~/g, "$1");
}

export function markdownToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  let fence = false;
  for (const raw of splitLines(text)) {
    const line = raw.replace(EDGE_SPACE, "");
    if (/^(```|~~~)/.test(line)) {
      fence = !fence;
      table = null;
      continue;
    }
    if (!line) {
      table = null;
      continue;
    }
    // | 问题 | 措施 |   and the |---|---| separator row
    if (!fence && /^\|.*\|$/.test(line)) {
      if (/^\|[\s:|-]+\|$/.test(line)) continue;
      const cells = line.slice(1, -1).split("|").map((c) => stripInlineMarkdown(c.trim()));
      table = appendRow(blocks, table, cells);
      continue;
    }
    table = null;
    if (fence) {
      blocks.push({ kind: "paragraph", text: line });
      continue;
    }
    if (/^([-*_])\s*\1\s*\1[\s\-*_]*$/.test(line)) continue; // --- thematic break
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      const body = stripInlineMarkdown(heading[2]!);
      if (body) blocks.push({ kind: "paragraph", text: body, styleLevel: heading[1]!.length });
      continue;
    }
    let body = line.replace(/^(>\s*)+/, "").replace(/^[-*+]\s+/, "");
    // A paragraph written entirely in **…** is bold (a lead the structure stage may use).
    const allBold = /^(\*\*|__)[^*_]+\1[。：:]?$/.test(body);
    body = stripInlineMarkdown(body);
    if (!body) continue;
    const block: ParagraphBlock = { kind: "paragraph", text: body };
    if (allBold) block.bold = true;
    blocks.push(block);
  }
  return blocks;
}

// ───────────────────────────── HTML ─────────────────────────────

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
  times: "×",
  divide: "÷",
  laquo: "«",
  raquo: "»",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  ideographicspace: "\u3000",
  bull: "•",
  copy: "©",
  reg: "®",
  deg: "°",
  permil: "‰",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

const BLOCK_TAGS = new Set(["p", "div", "section", "article", "blockquote", "li", "ul", "ol", "dd", "dt", "pre", "header", "footer", "main", "body", "center", "title"]);

/** Collapses HTML white space; a line break between two CJK characters is dropped, not turned into a space. */
function collapseHtmlSpace(s: string): string {
  return s
    .replace(/([\u3000-\u9fff\uff00-\uffef])[\t\r\n ]*[\r\n][\t\r\n ]*(?=[\u3000-\u9fff\uff00-\uffef])/g, "$1")
    .replace(/[\t\r\n ]+/g, " ")
    .replace(EDGE_SPACE, "");
}

export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<![^>]*>|<\?[^>]*>/g, "")
    .replace(/<(script|style|head|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, "");
  let buffer = "";
  let level: number | undefined;
  let rows: string[][] | null = null;
  let row: string[] | null = null;
  let cell: string | null = null;
  let tableDepth = 0;

  const flushParagraph = () => {
    const text = collapseHtmlSpace(decodeEntities(buffer));
    buffer = "";
    if (text) {
      const block: ParagraphBlock = { kind: "paragraph", text };
      if (level !== undefined) block.styleLevel = level;
      blocks.push(block);
    }
    level = undefined;
  };
  const flushCell = () => {
    if (cell !== null && row) row.push(collapseHtmlSpace(decodeEntities(cell)));
    cell = null;
  };
  const flushRow = () => {
    flushCell();
    if (row && row.some((c) => c) && rows) rows.push(row);
    row = null;
  };

  const tagRe = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const addText = (t: string) => {
    if (cell !== null) cell += t;
    else if (tableDepth > 0) {
      // white space between <tr>/<td> tags is layout, not a cell
      if (row && t.trim()) cell = t;
    }
    else buffer += t;
  };
  while ((m = tagRe.exec(cleaned))) {
    addText(cleaned.slice(last, m.index));
    last = tagRe.lastIndex;
    const name = m[1]!.toLowerCase();
    const closing = m[0][1] === "/";
    if (name === "table") {
      if (!closing) {
        if (tableDepth === 0) {
          flushParagraph();
          rows = [];
        }
        tableDepth++;
      } else if (tableDepth > 0) {
        tableDepth--;
        if (tableDepth === 0) {
          flushRow();
          if (rows && rows.length) blocks.push({ kind: "table", rows });
          rows = null;
        }
      }
      continue;
    }
    if (tableDepth > 0) {
      // Nested block tags inside a cell become spaces: the cell's paragraphs are joined by a space.
      if (name === "tr") {
        flushRow();
        if (!closing) row = [];
      } else if (name === "td" || name === "th") {
        if (!closing) {
          if (!row) row = [];
          flushCell();
          cell = "";
        } else flushCell();
      } else if (name === "br" || BLOCK_TAGS.has(name)) addText(" ");
      continue;
    }
    if (/^h[1-6]$/.test(name)) {
      flushParagraph();
      if (!closing) level = Number(name[1]);
      continue;
    }
    if (name === "br" || name === "hr" || BLOCK_TAGS.has(name)) flushParagraph();
  }
  addText(cleaned.slice(last));
  if (tableDepth > 0) {
    flushRow();
    if (rows && (rows as string[][]).length) blocks.push({ kind: "table", rows: rows as string[][] });
  }
  flushParagraph();
  return blocks;
}

// ───────────────────────────── entry point ─────────────────────────────

export async function readText(buffer: Buffer, format: SourceFormat, _options: DocumentOptions): Promise<RawDocument> {
  // Saved pages declare their charset (`<meta charset="gbk">`): the HTML reader honours it.
  const html = format === "html" ? await import("./html.js") : null;
  const decoded = html ? html.decodeHtml(buffer) : decodeText(buffer);
  let text = decoded.text.replace(/^\uFEFF/, "");
  const repairs: Record<string, number> = {};
  const fixed = repairMojibake(text);
  if (fixed !== null) {
    text = fixed;
    repairs.mojibake = 1;
  }
  assertReadable(text);
  let blocks: Block[];
  if (html) {
    const article = html.htmlArticleBlocks(text);
    blocks = article.blocks;
    if (article.readability) repairs.readability = 1;
  } else blocks = format === "md" ? markdownToBlocks(text) : linesToBlocks(splitLines(text));
  const warnings = decoded.encoding.startsWith("utf-8")
    ? []
    : [{ stage: "ingest", code: "encoding", message: `文本编码按 ${decoded.encoding} 读取` }];
  return { format, pages: null, repairs, warnings, blocks };
}
