/**
 * Saved web pages (.html/.htm): bytes → the article's blocks.
 *
 * Pages come from government disclosure sites and document-sharing sites:
 * the report sits inside navigation bars, side columns of other units'
 * reports, metadata tables (索引号/发布机构) and a footer. The main content is
 * taken with Mozilla's Readability over a linkedom DOM — never by regular
 * expressions over the markup — and its HTML is laid out by the tag scanner
 * of `text.ts` (tables kept, `<br>` a line break). What Readability leaves
 * (a metadata table inside the article box, 字号：大 中 小) is for the
 * normalize stage's furniture filter.
 *
 * Charset, in order: a byte-order mark; the page's own declaration
 * (`<meta charset="gbk">`, `http-equiv … charset=gb2312`) in its first
 * 4 KB; otherwise `decodeText` (strict UTF-8, then chardet's candidates
 * scored by how Chinese the result reads). GBK/GB2312 are decoded as
 * GB18030, their superset.
 *
 * Fallback: Readability needs a page that looks like an article and drops
 * short ones (`charThreshold`); short reports exist. When it returns nothing
 * or much less text than the page's body holds in paragraphs, the whole page
 * is read instead (script/style/head skipped), as before.
 *
 * Title: Readability moves the page heading out of the content (into
 * `article.title`, often with the site name glued on from `<title>`). The
 * `<h1>`/`<h2>` heading the article starts under is put back as the first
 * block (styleLevel 1), so the structure stage sees the report's own title.
 */
import iconv from "iconv-lite";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import type { Block, ParagraphBlock } from "../model/document.js";
import { decodeText, htmlToBlocks, type DecodedText } from "./text.js";

/** The little of the DOM this reader touches (the project builds without the DOM lib). */
interface MiniElement {
  textContent: string | null;
  closest(selector: string): MiniElement | null;
  querySelector(selector: string): MiniElement | null;
  getAttribute(name: string): string | null;
}
interface MiniDocument {
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): Iterable<MiniElement> & ArrayLike<MiniElement>;
}
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

const DECLARED = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i;

/** The charset a page declares for itself, as an iconv-lite name, or null. */
export function declaredCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 4096).toString("latin1");
  const m = DECLARED.exec(head);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  if (/^(gbk|gb2312|gb_2312-80|gb18030|x-gbk|cp936|euc-cn)$/.test(name)) return "gb18030";
  if (/^(big5|big5-hkscs|x-x-big5)$/.test(name)) return "big5";
  if (/^utf-?8$/.test(name)) return "utf8";
  return iconv.encodingExists(name) ? name : null;
}

export function decodeHtml(buffer: Buffer): DecodedText {
  const hasBom =
    (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) ||
    (buffer[0] === 0xff && buffer[1] === 0xfe) ||
    (buffer[0] === 0xfe && buffer[1] === 0xff);
  if (!hasBom) {
    const declared = declaredCharset(buffer);
    // A page saved as UTF-8 by a browser keeps its old `charset=gbk` meta: trust
    // the declaration only when the bytes are not valid UTF-8.
    if (declared && declared !== "utf8") {
      let validUtf8 = false;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(buffer);
        validUtf8 = /[^\x00-\x7f]/.test(buffer.toString("latin1"));
      } catch {
        validUtf8 = false;
      }
      if (!validUtf8) return { text: iconv.decode(buffer, declared), encoding: declared };
    }
  }
  return decodeText(buffer);
}

function visibleLength(s: string): number {
  return s.replace(/\s+/g, "").length;
}

const GENRE = /(报告|材料|总结|通报|情况|汇报|发言|提纲|清单|述职|思路|计划|安排|打算|要点|方案)([（(][^（）()]{1,20}[）)])?$/;

/**
 * The report's own title on the page: a heading, a bold or `title`-classed
 * element whose text reads like a title (ends with a genre noun, no 。), not
 * inside a link (side columns list other reports' titles as links). One that
 * the page's `<title>` or `ArticleTitle` meta starts with wins; else the first.
 */
function pageHeading(doc: MiniDocument): string | null {
  const tagTitle = (doc.querySelector("title")?.textContent ?? "").replace(/\s+/g, "");
  const metaTitle = (doc.querySelector('meta[name="ArticleTitle"]')?.getAttribute("content") ?? "").replace(/\s+/g, "");
  let first: string | null = null;
  for (const el of Array.from(doc.querySelectorAll("h1, h2, h3, b, strong, font, [class*=title], [id*=title]"))) {
    if (el.closest("a") || el.querySelector("a")) continue;
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    const compact = t.replace(/\s+/g, "");
    if (compact.length < 8 || compact.length > 80 || /[。！？]/.test(t) || !/[\u4e00-\u9fff]/.test(t) || !GENRE.test(compact)) continue;
    if ((tagTitle && tagTitle.startsWith(compact)) || (metaTitle && metaTitle === compact)) return t;
    first ??= t;
  }
  return first;
}

/** Chinese text inside the body's paragraphs and cells: what an article extractor should keep most of. */
function bodyParagraphLength(doc: MiniDocument): number {
  let n = 0;
  for (const el of Array.from(doc.querySelectorAll("p"))) n += visibleLength(el.textContent ?? "");
  return n;
}

/** Reads a saved page's main content as blocks; see the header. */
export function htmlArticleBlocks(html: string): { blocks: Block[]; readability: boolean } {
  const { document } = parseHTML(html);
  const heading = pageHeading(document as unknown as MiniDocument);
  const paragraphs = bodyParagraphLength(document as unknown as MiniDocument);
  let article: { content?: string | null; textContent?: string | null } | null = null;
  try {
    // Readability changes the DOM it is given: parse a second copy for it.
    const { document: copy } = parseHTML(html);
    article = new Readability(copy as unknown as ReadabilityDocument, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    article = null;
  }
  const articleText = visibleLength(article?.textContent ?? "");
  if (!article?.content || articleText < 100 || articleText < paragraphs * 0.5) {
    return { blocks: htmlToBlocks(html), readability: false };
  }
  // linkedom serialises &nbsp; as &#160;: give it back its name so the tag scanner reads it as before
  const blocks = htmlToBlocks(article.content.replace(/&#160;|&#xa0;/gi, "&nbsp;"));
  if (heading) {
    const first = blocks.find((b): b is ParagraphBlock => b.kind === "paragraph");
    const norm = (s: string) => s.replace(/\s+/g, "");
    if (!first || !norm(first.text).includes(norm(heading))) blocks.unshift({ kind: "paragraph", text: heading, styleLevel: 1 });
    // Readability turns the page's <h1> into an <h2>: the title gets its level back
    else if (first.styleLevel !== undefined && norm(first.text) === norm(heading)) first.styleLevel = 1;
  }
  return { blocks, readability: true };
}
