/**
 * DOCX reader: word/document.xml (+ styles.xml, numbering.xml) → blocks.
 *
 * Main path: one pass over the three parts with our own zip guard (native
 * zlib) and XML reader — no mammoth. Why: mammoth drops exactly what this
 * genre needs (auto-numbered 一、/（一） labels, numbered list identity,
 * `w:start`, outline levels of custom styles: mammoth.js#92 #228 #479 #255),
 * so we would have to parse document.xml a second time anyway; one pass that
 * keeps everything costs less than mammoth alone (~6 ms/doc).
 * Fallback: when our reader meets something it does not understand (a bug,
 * an odd producer) we hand the file to `mammoth.extractRawText` and say so in
 * a warning, so a readable DOCX is never lost.
 *
 * What it passes on (it never decides what is a heading):
 * - paragraphs in order, with the auto-number label prefixed ("一、" + text),
 *   `numberingLabel`, `listLevel`;
 * - `styleLevel`/`styleName` from the style ID / outline level;
 * - `bold` (every non-space character bold) and `boldLead` (the leading bold
 *   run of "一是细心组织。班子成员…");
 * - tables as rows → cells (a cell's paragraphs joined by a space; a cell
 *   merged across N columns is padded with N-1 empty cells, a vertically
 *   merged continuation cell is empty);
 * - tracked changes resolved as accepted: w:ins kept, w:del dropped.
 * Never read: headers, footers, comments, footnotes/endnotes, hidden text,
 * table-of-contents entries (styles "toc N").
 */
import type { Block, ParagraphBlock, RawDocument, StageWarning, TableBlock } from "../model/document.js";
import { ReportCheckError } from "../model/errors.js";
import type { DocumentOptions } from "../model/options.js";
import { NumberingCounter, NumberingDefs } from "./docx-numbering.js";
import { StyleSheet, type ResolvedStyle } from "./docx-styles.js";
import { child, childVal, childrenNamed, normalizeWordPrefix, onOff, parseXml, XmlSyntaxError, type XmlElement } from "./docx-xml.js";
import { DEFAULT_ZIP_LIMITS, GuardedZip, looksLikeOle2, type ZipLimits } from "./zip-guard.js";

export interface DocxReadOptions extends DocumentOptions {
  /** Override the zip-bomb limits (tests). */
  zipLimits?: ZipLimits;
  /** Force the mammoth fallback (tests, comparisons). */
  forceMammoth?: boolean;
}

export async function readDocx(buffer: Buffer, options: DocxReadOptions = {}): Promise<RawDocument> {
  if (buffer.length === 0) throw new ReportCheckError("EMPTY");
  if (looksLikeOle2(buffer)) {
    // A .doc saved with a .docx name reads fine as legacy Word; a password-
    // protected DOCX is also OLE2 and fails there.
    try {
      const { readDoc } = await import("./doc.js");
      return await readDoc(buffer, options);
    } catch {
      throw new ReportCheckError("DOCX_CORRUPT", "OLE2 container, not a ZIP: a password-protected DOCX or a legacy .doc that cannot be read");
    }
  }
  const zip = GuardedZip.open(buffer, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const parts = locateParts(zip);
  if (!parts.document) throw new ReportCheckError("DOCX_CORRUPT", "no word/document.xml in the archive");
  if (options.forceMammoth) return readWithMammoth(buffer, []);
  let docXml: Buffer;
  try {
    docXml = zip.read(parts.document)!;
  } catch (e) {
    if (e instanceof ReportCheckError) throw e;
    throw new ReportCheckError("DOCX_CORRUPT", (e as Error).message);
  }
  try {
    const stylesXml = parts.styles ? zip.read(parts.styles) : null;
    const numberingXml = parts.numbering ? zip.read(parts.numbering) : null;
    return readParts(docXml, stylesXml, numberingXml);
  } catch (e) {
    if (e instanceof ReportCheckError) throw e;
    const warning: StageWarning = {
      stage: "ingest",
      code: "DOCX_FALLBACK",
      message: `DOCX 结构读取失败，已改用 mammoth 读取纯文本（自动编号、标题样式和表格结构可能丢失）：${(e as Error).message}`,
    };
    return readWithMammoth(buffer, [warning], e instanceof XmlSyntaxError ? e : undefined);
  }
}

// ───────────────────────────── parts ─────────────────────────────

interface Parts {
  document?: string;
  styles?: string;
  numbering?: string;
}

/** Finds the main document and its styles/numbering through the package relationships. */
function locateParts(zip: GuardedZip): Parts {
  const parts: Parts = {};
  const rels = readRels(zip, "_rels/.rels", "");
  const main = rels.find((r) => r.type.endsWith("/officeDocument"))?.target;
  if (main && zip.has(main)) parts.document = main;
  else if (zip.has("word/document.xml")) parts.document = "word/document.xml";
  if (!parts.document) return parts;
  const dir = parts.document.includes("/") ? parts.document.slice(0, parts.document.lastIndexOf("/") + 1) : "";
  const file = parts.document.slice(dir.length);
  const docRels = readRels(zip, `${dir}_rels/${file}.rels`, dir);
  const styles = docRels.find((r) => r.type.endsWith("/styles"))?.target;
  const numbering = docRels.find((r) => r.type.endsWith("/numbering"))?.target;
  parts.styles = styles && zip.has(styles) ? styles : zip.has(`${dir}styles.xml`) ? `${dir}styles.xml` : undefined;
  parts.numbering = numbering && zip.has(numbering) ? numbering : zip.has(`${dir}numbering.xml`) ? `${dir}numbering.xml` : undefined;
  if (parts.styles === undefined) delete parts.styles;
  if (parts.numbering === undefined) delete parts.numbering;
  return parts;
}

function readRels(zip: GuardedZip, path: string, baseDir: string): Array<{ type: string; target: string }> {
  try {
    const buf = zip.read(path);
    if (!buf) return [];
    const root = parseXml(decodeXml(buf));
    return childrenNamed(root, "Relationship")
      .filter((r) => r.attrs["TargetMode"] !== "External")
      .map((r) => ({ type: r.attrs["Type"] ?? "", target: resolveTarget(baseDir, r.attrs["Target"] ?? "") }));
  } catch (e) {
    if (e instanceof ReportCheckError && e.code === "TOO_LARGE") throw e;
    return [];
  }
}

function resolveTarget(baseDir: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** XML parts are UTF-8, occasionally UTF-16 with a BOM. */
function decodeXml(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.toString("utf16le", 2);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  const s = buf.toString("utf8");
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

// ───────────────────────────── body walk ─────────────────────────────

/** A stretch of paragraph text with its effective boldness. */
interface Segment {
  text: string;
  bold: boolean;
}

interface Ctx {
  styles: StyleSheet;
  counter: NumberingCounter;
  repairs: Record<string, number>;
  warnings: StageWarning[];
}

/** Exported for tests and for the benchmark: the XML-only path, no zip. */
export function readParts(documentXml: Buffer, stylesXml: Buffer | null, numberingXml: Buffer | null): RawDocument {
  const part = (buf: Buffer): XmlElement => normalizeWordPrefix(parseXml(decodeXml(buf)));
  const styles = new StyleSheet(stylesXml ? part(stylesXml) : null);
  const defs = new NumberingDefs(numberingXml ? part(numberingXml) : null);
  // numStyleLink → the numbering style's own w:numId
  const counter = new NumberingCounter(defs, (styleId) => styles.get(styleId)?.numbering?.numId);
  const root = part(documentXml);
  const body = child(root, "w:body");
  if (!body) throw new XmlSyntaxError("document.xml has no w:body");
  const ctx: Ctx = { styles, counter, repairs: {}, warnings: [] };
  const blocks: Block[] = [];
  walkBlocks(body, blocks, ctx);
  if (!blocks.some((b) => (b.kind === "paragraph" ? b.text.trim() : b.rows.some((r) => r.some((c) => c.trim()))))) {
    throw new ReportCheckError("EMPTY", "DOCX body has no text");
  }
  return { format: "docx", blocks, pages: null, repairs: ctx.repairs, warnings: ctx.warnings };
}

function bump(ctx: Ctx, key: string, by = 1): void {
  ctx.repairs[key] = (ctx.repairs[key] ?? 0) + by;
}

/** Block-level content: w:body, w:tc, w:sdtContent, w:txbxContent … */
function walkBlocks(container: XmlElement, out: Block[], ctx: Ctx): void {
  for (const c of container.children) {
    if (typeof c === "string") continue;
    switch (c.name) {
      case "w:p":
        readParagraph(c, out, ctx);
        break;
      case "w:tbl": {
        const t = readTable(c, ctx);
        if (t) out.push(t);
        break;
      }
      case "w:sdt": {
        const content = child(c, "w:sdtContent");
        if (content) walkBlocks(content, out, ctx);
        break;
      }
      case "w:customXml":
      case "w:ins":
      case "w:moveTo":
        walkBlocks(c, out, ctx);
        break;
      case "mc:AlternateContent": {
        const choice = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
        if (choice) walkBlocks(choice, out, ctx);
        break;
      }
      case "w:del":
      case "w:moveFrom":
        bump(ctx, "trackedDeletionDropped");
        break;
      default:
        break; // w:sectPr, w:bookmarkStart, w:proofErr …
    }
  }
}

interface ParagraphProps {
  style?: ResolvedStyle;
  /** Direct `w:outlineLvl` on the paragraph. */
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

function paragraphProps(p: XmlElement, ctx: Ctx): ParagraphProps {
  const pPr = child(p, "w:pPr");
  const props: ParagraphProps = {};
  const styleId = childVal(pPr, "w:pStyle") ?? ctx.styles.defaultParagraphStyle;
  const style = ctx.styles.get(styleId);
  if (style) props.style = style;
  const ol = childVal(pPr, "w:outlineLvl");
  if (ol !== undefined && /^\d$/.test(ol)) props.outlineLevel = Number(ol);
  const numPr = child(pPr, "w:numPr");
  const directNumId = childVal(numPr, "w:numId");
  const directIlvl = childVal(numPr, "w:ilvl");
  // numPr on the paragraph wins; a style's numPr (heading numbering) applies otherwise.
  const numId = directNumId ?? style?.numbering?.numId;
  if (numId !== undefined) {
    props.numId = numId;
    if (directIlvl !== undefined) props.ilvl = Number(directIlvl);
    else if (style?.numbering?.ilvl !== undefined) props.ilvl = style.numbering.ilvl;
    else props.ilvl = ctx.counter.levelForStyle(numId, style?.id) ?? 0;
  }
  return props;
}

// "toc 1" … "toc 9" (Word), "目录 1" (WPS): table-of-contents entries repeat the headings.
const TOC_STYLE = /^(?:toc|目录)\s*\d$/i;

function readParagraph(p: XmlElement, out: Block[], ctx: Ctx): void {
  const props = paragraphProps(p, ctx);
  if (props.style && TOC_STYLE.test(props.style.name.trim())) {
    // A table of contents is navigation, like a header: its "一、总体情况……3"
    // lines would otherwise read as a second set of headings.
    bump(ctx, "tocEntrySkipped");
    return;
  }
  const paraBold = props.style?.bold ?? ctx.styles.defaultBold;
  const segments: Segment[] = [];
  const deferred: Block[] = [];
  readInline(p, segments, deferred, paraBold, ctx);

  const numbering = props.numId !== undefined ? ctx.counter.next(props.numId, props.ilvl ?? 0) : null;

  // A soft line break (Shift+Enter) inside a paragraph separates lines the
  // reader sees as separate lines: "一、总体情况<br/>今年以来…" → two blocks.
  const lines = splitLines(segments);
  let first = true;
  for (const line of lines) {
    const text = segText(line);
    if (!text.trim()) continue;
    const block: ParagraphBlock = { kind: "paragraph", text: text.trim() };
    if (first) {
      if (numbering) {
        block.listLevel = numbering.level;
        if (numbering.label) {
          // "%1、" + 学习调研开展情况 → 一、学习调研开展情况; "第%1章" + tab → 第一章 总则
          const label = numbering.label;
          const sep = numbering.suffix !== "nothing" && /[\p{L}\p{N}]$/u.test(label) ? " " : "";
          block.text = label + sep + block.text;
          block.numberingLabel = label;
          bump(ctx, "autoNumberRestored");
        }
      }
    }
    const level = props.outlineLevel !== undefined ? (props.outlineLevel < 9 ? props.outlineLevel + 1 : undefined) : props.style?.headingLevel;
    if (level !== undefined) block.styleLevel = level;
    if (props.style && props.style.id !== ctx.styles.defaultParagraphStyle) block.styleName = props.style.name;
    const emphasis = boldOf(line);
    if (emphasis.bold) block.bold = true;
    else if (emphasis.lead) block.boldLead = emphasis.lead;
    out.push(block);
    first = false;
  }
  for (const b of deferred) out.push(b);
}

/** Inline content of a paragraph (runs, insertions, hyperlinks, fields, content controls). */
function readInline(el: XmlElement, segs: Segment[], deferred: Block[], paraBold: boolean, ctx: Ctx): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    switch (c.name) {
      case "w:r":
        readRun(c, segs, deferred, paraBold, ctx);
        break;
      case "w:ins": // tracked insertion: accepted
      case "w:moveTo":
      case "w:hyperlink":
      case "w:smartTag":
      case "w:customXml":
      case "w:fldSimple":
      case "w:dir":
      case "w:bdo":
        readInline(c, segs, deferred, paraBold, ctx);
        break;
      case "w:sdt": {
        const content = child(c, "w:sdtContent");
        if (content) readInline(content, segs, deferred, paraBold, ctx);
        break;
      }
      case "mc:AlternateContent": {
        const choice = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
        if (choice) readInline(choice, segs, deferred, paraBold, ctx);
        break;
      }
      case "w:del": // tracked deletion: dropped
      case "w:moveFrom":
        bump(ctx, "trackedDeletionDropped");
        break;
      case "m:oMathPara":
      case "m:oMath":
        segs.push({ text: mathText(c), bold: false });
        break;
      default:
        break; // w:pPr, w:bookmarkStart, w:commentRangeStart, w:proofErr …
    }
  }
}

function readRun(r: XmlElement, segs: Segment[], deferred: Block[], paraBold: boolean, ctx: Ctx): void {
  const rPr = child(r, "w:rPr");
  if (onOff(rPr, "w:vanish") || onOff(rPr, "w:specVanish")) return; // hidden text is not printed
  const charStyle = ctx.styles.get(childVal(rPr, "w:rStyle"));
  const bold = onOff(rPr, "w:b") ?? charStyle?.bold ?? paraBold;
  for (const c of r.children) {
    if (typeof c === "string") continue;
    switch (c.name) {
      case "w:t":
        for (const t of c.children) if (typeof t === "string") segs.push({ text: t, bold });
        break;
      case "w:tab":
      case "w:ptab":
        segs.push({ text: " ", bold });
        break;
      case "w:br": {
        const type = c.attrs["w:type"];
        if (type !== "page" && type !== "column") segs.push({ text: "\n", bold });
        break;
      }
      case "w:cr":
        segs.push({ text: "\n", bold });
        break;
      case "w:noBreakHyphen":
        segs.push({ text: "-", bold });
        break;
      case "w:sym": {
        // √ / × marks in 整改进展 cells are often symbol-font characters.
        const ch = symbolChar(c.attrs["w:font"] ?? "", c.attrs["w:char"] ?? "");
        if (ch) segs.push({ text: ch, bold });
        break;
      }
      case "w:drawing":
      case "w:pict":
      case "w:object":
      case "mc:AlternateContent":
        // Text boxes: their paragraphs follow the paragraph that anchors them.
        for (const box of findTextboxes(c)) walkBlocks(box, deferred, ctx);
        break;
      default:
        break; // w:rPr, w:instrText (field codes), w:delText, w:footnoteReference …
    }
  }
}

// Private-use codes (F0xx) of the symbol fonts → Unicode, for the marks reports use.
const SYMBOL_FONT: Record<number, string> = { 0xd6: "√", 0xb4: "×", 0xb7: "•", 0xa3: "≤", 0xb3: "≥", 0xb1: "±", 0xae: "→" };
const WINGDINGS: Record<number, string> = { 0xfc: "√", 0xfb: "×", 0xfd: "☒", 0xfe: "☑", 0xa8: "□", 0x6f: "□", 0x6c: "●", 0x9f: "•", 0xa1: "○", 0xe0: "→" };

function symbolChar(font: string, hex: string): string {
  const code = parseInt(hex, 16);
  if (!Number.isFinite(code) || code <= 0) return "";
  const low = code >= 0xf000 ? code - 0xf000 : code;
  if (/^symbol$/i.test(font)) return SYMBOL_FONT[low] ?? "";
  if (/^wingdings/i.test(font)) return WINGDINGS[low] ?? "";
  return code >= 0xf000 ? "" : String.fromCodePoint(code);
}

/** w:txbxContent under a drawing, taking mc:Choice and skipping its mc:Fallback duplicate. */
function findTextboxes(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === "string") continue;
      if (c.name === "w:txbxContent") out.push(c);
      else if (c.name === "mc:AlternateContent") {
        const choice = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
        if (choice) visit(choice);
      } else visit(c);
    }
  };
  visit({ name: "#wrapper", attrs: {}, children: [el] }); // el itself may be the mc:AlternateContent
  return out;
}

function mathText(el: XmlElement): string {
  let s = "";
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "m:t") for (const t of c.children) s += typeof t === "string" ? t : "";
    else s += mathText(c);
  }
  return s;
}

function splitLines(segs: Segment[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const s of segs) {
    if (s.text.indexOf("\n") < 0) {
      lines[lines.length - 1]!.push(s);
      continue;
    }
    const parts = s.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ text: part, bold: s.bold });
    });
  }
  return lines;
}

function segText(segs: Segment[]): string {
  let s = "";
  for (const x of segs) s += x.text;
  return s;
}

/**
 * `bold`: every non-space character is bold. `lead`: the text of the leading
 * bold run(s) when bold stops before the end — "一是细心组织。" of
 * "**一是细心组织。**班子成员…".
 */
function boldOf(segs: Segment[]): { bold: boolean; lead?: string } {
  let seenText = false;
  let allBold = true;
  let lead = "";
  let inLead = true;
  for (const s of segs) {
    if (!/\S/.test(s.text)) {
      if (inLead && seenText) lead += s.text;
      continue;
    }
    seenText = true;
    if (s.bold) {
      if (inLead) lead += s.text;
    } else {
      allBold = false;
      inLead = false;
    }
  }
  if (!seenText) return { bold: false };
  if (allBold) return { bold: true };
  const trimmed = lead.trim();
  return trimmed ? { bold: false, lead: trimmed } : { bold: false };
}

// ───────────────────────────── tables ─────────────────────────────

function readTable(tbl: XmlElement, ctx: Ctx): TableBlock | null {
  const rows: string[][] = [];
  for (const tr of tableRows(tbl)) {
    if (child(child(tr, "w:trPr"), "w:del")) {
      bump(ctx, "trackedDeletionDropped");
      continue;
    }
    const cells: string[] = [];
    for (const tc of rowCells(tr)) {
      const inner: Block[] = [];
      walkBlocks(tc, inner, ctx);
      cells.push(cellText(inner));
      // A cell merged across columns (w:gridSpan 2) is followed by empty cells,
      // so every row keeps the header's column positions (责任领导 stays column 4).
      const span = Number(childVal(child(tc, "w:tcPr"), "w:gridSpan") ?? "1");
      for (let k = 1; k < span && k < 64; k++) cells.push("");
    }
    if (cells.some((c) => c.trim())) rows.push(cells);
  }
  return rows.length ? { kind: "table", rows } : null;
}

function tableRows(tbl: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of tbl.children) {
    if (typeof c === "string") continue;
    if (c.name === "w:tr") out.push(c);
    else if (c.name === "w:sdt") out.push(...tableRows(child(c, "w:sdtContent") ?? c));
    else if (c.name === "w:customXml" || c.name === "w:ins") out.push(...tableRows(c));
  }
  return out;
}

function rowCells(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of tr.children) {
    if (typeof c === "string") continue;
    if (c.name === "w:tc") out.push(c);
    else if (c.name === "w:sdt") out.push(...rowCells(child(c, "w:sdtContent") ?? c));
    else if (c.name === "w:customXml" || c.name === "w:ins") out.push(...rowCells(c));
  }
  return out;
}

/** A cell's paragraphs joined by a space; a nested table's cells likewise. */
function cellText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") parts.push(b.text);
    else for (const row of b.rows) for (const c of row) if (c.trim()) parts.push(c);
  }
  return parts.join(" ").replace(/[\t\r\n]+/g, " ").trim();
}

// ───────────────────────────── fallback ─────────────────────────────

interface MammothRawResult {
  value: string;
  messages: Array<{ type: string; message: string }>;
}

async function readWithMammoth(buffer: Buffer, warnings: StageWarning[], cause?: Error): Promise<RawDocument> {
  const mammoth = (await import("mammoth")) as unknown as {
    extractRawText(input: { buffer: Buffer }): Promise<MammothRawResult>;
    default?: { extractRawText(input: { buffer: Buffer }): Promise<MammothRawResult> };
  };
  const extract = mammoth.extractRawText ?? mammoth.default?.extractRawText;
  let result: MammothRawResult;
  try {
    result = await extract!({ buffer });
  } catch (e) {
    throw new ReportCheckError("DOCX_CORRUPT", `${cause ? cause.message + "; " : ""}mammoth: ${(e as Error).message}`);
  }
  const blocks: Block[] = result.value
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l)
    .map((text) => ({ kind: "paragraph" as const, text }));
  if (!blocks.length) throw new ReportCheckError("EMPTY", "DOCX body has no text");
  return { format: "docx", blocks, pages: null, repairs: {}, warnings };
}
