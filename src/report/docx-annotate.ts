/**
 * The annotated copy of a submitted DOCX: the original package with Word
 * comments added, nothing else changed.
 *
 * Problem: findings are spans of the NORMALIZED text; Word anchors comments
 * on runs of `word/document.xml`. The two texts differ where the reader
 * added text (restored auto-numbers 一、, cell and paragraph separators) and
 * where normalization repaired it (full-width digits, traditional → simplified,
 * restored spin words). So:
 *
 * 1. `scanRuns` walks document.xml as a string (positions matter; a parsed
 *    tree would lose them) and lists every visible text character with its
 *    offset in the XML, its `w:t` and its run. It skips what the reader skips:
 *    tracked deletions, hidden text, table-of-contents paragraphs, field
 *    codes; and text boxes and drawings (the reader moves their text after
 *    the paragraph, so it would not align where it stands).
 * 2. `alignTexts` pairs the characters of both texts, ignoring white space and
 *    comparing NFKC forms; where they differ it resynchronises on the nearest
 *    three equal characters (an inserted label, a substituted character).
 * 3. A span is anchored from the first to the last paired character inside
 *    it: `w:commentRangeStart` before the run (or in it, splitting the run
 *    and repeating its `w:rPr`), `w:commentRangeEnd` plus a
 *    `w:commentReference` run after it.
 *
 * Every other zip entry is kept as it was: JSZip reuses an entry's compressed
 * bytes when it is written with the same method, and the edited parts are
 * only document.xml, its relationships, [Content_Types].xml and comments.xml.
 *
 * Never: reformat the XML, renumber anything, touch headers, footers or
 * styles. A package it cannot edit safely (no WordprocessingML prefix `w:`,
 * not UTF-8) is reported as `null` so the caller can write a new DOCX instead.
 */
import JSZip from "jszip";
import type { Span } from "../model/document.js";
import type { ReviewComment } from "./review-comments.js";
import { tagEnd } from "../ingest/docx-xml.js";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

export interface CommentMeta {
  author: string;
  /** ISO date-time written on every comment. */
  date: string;
  initials?: string;
}

/** One visible character of document.xml. */
interface Atom {
  ch: string;
  /** Offsets of the character (or its entity) in the XML string. */
  xmlStart: number;
  xmlEnd: number;
  /** The enclosing `<w:t …>` open tag. */
  tStart: number;
  tOpenEnd: number;
  run: RunInfo;
  /** First / last text character of its run (no other run content before / after it). */
  first: boolean;
  last: boolean;
}

interface RunInfo {
  start: number;
  /** Offset just after `</w:r>`. */
  end: number;
  rPr: string;
  /** `w:vanish`: hidden text, which the reader does not show. */
  hidden: boolean;
}

// Elements whose text the reader does not show in the body (or shows elsewhere).
const SKIP = new Set(["w:del", "w:moveFrom", "w:drawing", "w:pict", "w:object", "mc:Fallback", "w:txbxContent", "w:instrText", "w:delText", "w:footnoteReference", "w:endnoteReference"]);
// Run children that stand for content (so a comment cannot start "before the run" if one precedes the character).
const RUN_CONTENT = new Set(["w:t", "w:tab", "w:ptab", "w:br", "w:cr", "w:sym", "w:noBreakHyphen", "w:softHyphen", "w:drawing", "w:pict", "w:object", "w:fldChar", "w:instrText", "mc:AlternateContent"]);

// JSZip would otherwise add folder entries (word/, word/_rels/) the original package does not have
const NO_FOLDERS = { createFolders: false } as const;

const HIDDEN = /<w:(?:vanish|specVanish)(?:\s+w:val="(?:true|1|on)")?\s*\/>/;

/** Style ids whose name is a table-of-contents level ("toc 1", WPS "目录 1"), from styles.xml. */
export function tocStyleIds(stylesXml: string): Set<string> {
  const ids = new Set<string>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const name = /<w:name\s+w:val="([^"]*)"/.exec(m[2]!)?.[1] ?? "";
    if (/^(?:toc|目录)\s*\d$/i.test(name.trim())) ids.add(m[1]!);
  }
  return ids;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The visible characters of document.xml, in order, with their XML positions. */
export function scanRuns(xml: string, tocStyles: ReadonlySet<string> = new Set()): Atom[] {
  const atoms: Atom[] = [];
  const stack: string[] = [];
  let skip = 0;
  // a table-of-contents paragraph (the reader drops it: it repeats the headings)
  let tocParagraph = false;
  let run: RunInfo | null = null;
  let runAtoms: Atom[] = [];
  let runContentSeen = false;
  // run content (a tab, a break, a field char) after the run's last character so far
  let contentAfter = false;
  let rPrStart = -1;
  let tOpen: { start: number; end: number } | null = null;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (tOpen && run && !run.hidden && !tocParagraph && skip === 0 && textEnd > i) {
      // characters of a w:t, entity by entity
      let k = i;
      while (k < textEnd) {
        let ch: string;
        let len = 1;
        if (xml.charCodeAt(k) === 0x26 /* & */) {
          const semi = xml.indexOf(";", k);
          const body = semi > k ? xml.slice(k + 1, semi) : "";
          if (body[0] === "#") {
            const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
            ch = Number.isFinite(code) ? String.fromCodePoint(code) : "&";
          } else ch = ENTITIES[body] ?? "&";
          len = semi > k ? semi - k + 1 : 1;
        } else ch = xml[k]!;
        // one atom per UTF-16 unit (an astral character from an entity gives two)
        for (let u = 0; u < ch.length; u++) {
          const atom: Atom = { ch: ch[u]!, xmlStart: k, xmlEnd: k + len, tStart: tOpen.start, tOpenEnd: tOpen.end, run, first: !runContentSeen && runAtoms.length === 0, last: false };
          atoms.push(atom);
          runAtoms.push(atom);
          contentAfter = false;
        }
        k += len;
      }
    }
    if (lt < 0) break;
    const j = tagEnd(xml, lt, n);
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x3f || c1 === 0x21) {
      // <?…?>, <!-- … -->, <![CDATA[ … ]]> (Word writes none inside text)
      const close = c1 === 0x21 && xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt) + 2 : j;
      i = close + 1;
      continue;
    }
    const closing = c1 === 0x2f;
    const selfClosing = xml.charCodeAt(j - 1) === 0x2f;
    const nameEnd = xml.slice(lt + (closing ? 2 : 1), selfClosing ? j - 1 : j).search(/[\s/>]|$/);
    const name = xml.slice(lt + (closing ? 2 : 1), lt + (closing ? 2 : 1) + nameEnd);
    if (closing) {
      stack.pop();
      if (SKIP.has(name)) skip--;
      if (skip === 0) {
        if (name === "w:t") tOpen = null;
        else if (name === "w:rPr" && run && rPrStart >= 0 && stack[stack.length - 1] === "w:r") {
          run.rPr = xml.slice(rPrStart, j + 1);
          run.hidden = HIDDEN.test(run.rPr);
          rPrStart = -1;
        } else if (name === "w:r" && run) {
          run.end = j + 1;
          const last = runAtoms[runAtoms.length - 1];
          if (last && !contentAfter) last.last = true;
          run = null;
          runAtoms = [];
        }
      }
    } else {
      const parent = stack[stack.length - 1];
      if (skip === 0) {
        if (parent === "w:r" && run && RUN_CONTENT.has(name) && name !== "w:t") {
          runContentSeen = true;
          contentAfter = true;
        }
        if (name === "w:p") tocParagraph = false;
        else if (name === "w:pStyle" && parent === "w:pPr" && stack[stack.length - 2] === "w:p") {
          const id = /\bw:val\s*=\s*"([^"]*)"/.exec(xml.slice(lt, j))?.[1];
          if (id !== undefined && tocStyles.has(id)) tocParagraph = true;
        }
        if (name === "w:r" && !selfClosing) {
          run = { start: lt, end: -1, rPr: "", hidden: false };
          runAtoms = [];
          runContentSeen = false;
          contentAfter = false;
        } else if (name === "w:rPr" && parent === "w:r" && run) {
          if (selfClosing) run.rPr = xml.slice(lt, j + 1);
          else rPrStart = lt;
        } else if (name === "w:t" && !selfClosing && parent === "w:r") tOpen = { start: lt, end: j + 1 };
      }
      if (!selfClosing) {
        stack.push(name);
        if (SKIP.has(name)) skip++;
      }
    }
    i = j + 1;
  }
  return atoms;
}

const isSpace = (c: string): boolean => /\s/.test(c);
const fold = (c: string): string => c.normalize("NFKC");

/**
 * Pairs normalized-text positions with atom indices: `pair[k]` is the atom
 * index for text offset k, or -1. White space is never paired.
 */
export function alignTexts(text: string, atoms: Atom[]): Int32Array {
  const pair = new Int32Array(text.length).fill(-1);
  // comparable sequences: non-space characters, NFKC-folded one by one
  const a: string[] = [];
  const aAt: number[] = [];
  atoms.forEach((x, k) => {
    if (isSpace(x.ch)) return;
    for (const c of fold(x.ch)) {
      if (isSpace(c)) continue;
      a.push(c);
      aAt.push(k);
    }
  });
  const b: string[] = [];
  const bAt: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (isSpace(ch)) continue;
    for (const c of fold(ch)) {
      if (isSpace(c)) continue;
      b.push(c);
      bAt.push(k);
    }
  }
  const SYNC = 3;
  const WINDOW = 60;
  const equalRun = (i: number, j: number): boolean => {
    for (let s = 0; s < SYNC; s++) {
      if (i + s >= a.length || j + s >= b.length) return i + s >= a.length && j + s >= b.length && s > 0;
      if (a[i + s] !== b[j + s]) return false;
    }
    return true;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      if (pair[bAt[j]!] === -1) pair[bAt[j]!] = aAt[i]!;
      i++;
      j++;
      continue;
    }
    // resynchronise: the smallest skip (da in the document, db in the text) after which three characters agree
    let found: [number, number] | null = null;
    for (let s = 1; s <= WINDOW * 2 && !found; s++) {
      const half = Math.floor(s / 2);
      for (let d = 0; d <= s && !found; d++) {
        // balanced skips first: a substitution (1,1) before an insertion (0,2)
        const da = d % 2 === 0 ? half + d / 2 : half - (d + 1) / 2;
        const db = s - da;
        if (da < 0 || da > WINDOW || db < 0 || db > WINDOW) continue;
        if (equalRun(i + da, j + db)) found = [da, db];
      }
    }
    const [da, db] = found ?? [1, 1];
    // a same-length replacement (繁 → 简, a restored word) keeps its positions
    if (da === db) for (let s = 0; s < da; s++) if (j + s < b.length && i + s < a.length && pair[bAt[j + s]!] === -1) pair[bAt[j + s]!] = aAt[i + s]!;
    i += da;
    j += db;
  }
  return pair;
}

interface Insertion {
  at: number;
  /** Order among insertions at the same offset. */
  seq: number;
  text: string;
  /** Replace [at, until) instead of inserting (the w:t open tag made space-preserving). */
  until?: number;
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;")).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

// A copied rPr must not repeat a tracked-format change (its w:id must stay unique).
const cleanRPr = (rPr: string): string => rPr.replace(/<w:rPrChange\b[\s\S]*?<\/w:rPrChange>|<w:rPrChange\b[^>]*\/>/g, "");

/** The XML of comments.xml entries. */
function commentXml(id: number, c: ReviewComment, meta: CommentMeta): string {
  const initials = meta.initials ?? meta.author.slice(0, 2);
  const paras = c.paragraphs
    .map((p, k) => `<w:p>${k === 0 ? `<w:r><w:annotationRef/></w:r>` : ""}<w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join("");
  return `<w:comment w:id="${id}" w:author="${escapeXml(meta.author)}" w:date="${escapeXml(meta.date)}" w:initials="${escapeXml(initials)}">${paras}</w:comment>`;
}

export interface AnnotateOutcome {
  data: Uint8Array;
  /** Comments written, in id order, with the XML id they got. */
  comments: Array<{ id: number; comment: ReviewComment }>;
}

function decodeUtf8Part(buf: Uint8Array): string | null {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return null;
  const s = Buffer.from(buf).toString("utf8");
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Target of the main document part, from the package relationships. */
async function mainPart(zip: JSZip): Promise<string | null> {
  const rels = await zip.file("_rels/.rels")?.async("string");
  const m = rels ? /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels) : null;
  const target = m ? /Target="([^"]+)"/.exec(m[0])?.[1] : undefined;
  const path = target ? target.replace(/^\//, "") : "word/document.xml";
  return zip.file(path) ? path : zip.file("word/document.xml") ? "word/document.xml" : null;
}

/**
 * Adds the comments to a DOCX package. `text` is the normalized text the
 * spans refer to. Returns null when the package cannot be edited safely.
 */
export async function annotateDocx(original: Uint8Array, text: string, comments: ReviewComment[], meta: CommentMeta): Promise<AnnotateOutcome | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(original, { createFolders: false });
  } catch {
    return null;
  }
  const docPath = await mainPart(zip);
  if (!docPath) return null;
  const dir = docPath.includes("/") ? docPath.slice(0, docPath.lastIndexOf("/") + 1) : "";
  const docFile = docPath.slice(dir.length);
  const relsPath = `${dir}_rels/${docFile}.rels`;
  const xml = decodeUtf8Part(await zip.file(docPath)!.async("uint8array"));
  if (xml === null) return null;
  // Our markup is written with the w: prefix; a part binding WordprocessingML to another prefix is left alone.
  const root = /<([\w.-]+:)?document\b[^>]*>/.exec(xml);
  if (!root || !new RegExp(`xmlns:w\\s*=\\s*"${W_NS.replace(/[/.]/g, "\\$&")}"`).test(root[0])) return null;

  const stylesXml = zip.file(`${dir}styles.xml`) ? decodeUtf8Part(await zip.file(`${dir}styles.xml`)!.async("uint8array")) : null;
  const atoms = scanRuns(xml, stylesXml ? tocStyleIds(stylesXml) : new Set());
  if (!atoms.length) return null;
  const pair = alignTexts(text, atoms);

  // existing comments keep their ids; ours follow
  const commentsPath = `${dir}comments.xml`;
  const existingComments = zip.file(commentsPath) ? decodeUtf8Part(await zip.file(commentsPath)!.async("uint8array")) : null;
  let nextId = 0;
  for (const m of `${existingComments ?? ""}${xml}`.matchAll(/<w:(?:comment|commentRangeStart|commentReference)\b[^>]*\bw:id="(\d+)"/g)) nextId = Math.max(nextId, Number(m[1]) + 1);

  const inserts: Insertion[] = [];
  const preserved = new Set<number>();
  const written: Array<{ id: number; comment: ReviewComment }> = [];
  const anchorOf = (span: Span): [number, number] | null => {
    let first = -1;
    let last = -1;
    for (let k = Math.max(0, span[0]); k < Math.min(span[1], pair.length); k++) {
      const p = pair[k]!;
      if (p < 0) continue;
      if (first < 0 || p < first) first = p;
      if (p > last) last = p;
    }
    if (first >= 0) return [first, last];
    // nothing of the span is in the runs (a restored label alone): the nearest paired character before it
    for (let k = Math.min(span[0], pair.length) - 1; k >= 0; k--) if (pair[k]! >= 0) return [pair[k]!, pair[k]!];
    return null;
  };
  // Insertion points: a run boundary (atom null) or a place inside a w:t, where the run is split once
  // for every marker that lands there (ends before starts, so touching ranges do not nest oddly).
  const points = new Map<number, { atom: Atom | null; ends: string[]; starts: string[] }>();
  const point = (at: number, atom: Atom | null) => {
    let pt = points.get(at);
    if (!pt) points.set(at, (pt = { atom, ends: [], starts: [] }));
    return pt;
  };

  for (const c of comments) {
    const anchor = anchorOf(c.span);
    if (!anchor) continue;
    const id = nextId++;
    const a = atoms[anchor[0]]!;
    const b = atoms[anchor[1]]!;
    (a.first ? point(a.run.start, null) : point(a.xmlStart, a)).starts.push(`<w:commentRangeStart w:id="${id}"/>`);
    (b.last && b.run.end > 0 ? point(b.run.end, null) : point(b.xmlEnd, b)).ends.push(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`);
    written.push({ id, comment: c });
  }
  for (const [at, pt] of points) {
    const middle = pt.ends.join("") + pt.starts.join("");
    if (!pt.atom) {
      inserts.push({ at, seq: 0, text: middle });
      continue;
    }
    // the first half keeps its spaces too: its w:t becomes space-preserving
    if (!preserved.has(pt.atom.tStart)) {
      preserved.add(pt.atom.tStart);
      inserts.push({ at: pt.atom.tStart, until: pt.atom.tOpenEnd, seq: -1, text: `<w:t xml:space="preserve">` });
    }
    inserts.push({ at, seq: 0, text: `</w:t></w:r>${middle}<w:r>${cleanRPr(pt.atom.run.rPr)}<w:t xml:space="preserve">` });
  }
  if (!written.length) return null;

  inserts.sort((x, y) => x.at - y.at || x.seq - y.seq);
  let out = "";
  let pos = 0;
  for (const ins of inserts) {
    if (ins.at < pos) continue; // cannot happen: replacements cover open tags only
    out += xml.slice(pos, ins.at) + ins.text;
    pos = ins.until ?? ins.at;
  }
  out += xml.slice(pos);
  zip.file(docPath, out, NO_FOLDERS);

  const entries = written.map((w) => commentXml(w.id, w.comment, meta)).join("");
  if (existingComments !== null) {
    zip.file(commentsPath, existingComments.replace(/<\/w:comments>\s*$/, `${entries}</w:comments>`), NO_FOLDERS);
  } else {
    zip.file(commentsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W_NS}">${entries}</w:comments>`, NO_FOLDERS);
    const rels = await zip.file(relsPath)?.async("string");
    const relsXml = rels ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    if (!relsXml.includes(COMMENTS_REL)) {
      const used = new Set([...relsXml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
      let n = 1;
      while (used.has(`rId${n}`)) n++;
      zip.file(relsPath, relsXml.replace(/<\/Relationships>\s*$/, `<Relationship Id="rId${n}" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`), NO_FOLDERS);
    }
    const types = await zip.file("[Content_Types].xml")?.async("string");
    if (types !== undefined && !types.includes(`PartName="/${commentsPath}"`)) {
      zip.file("[Content_Types].xml", types.replace(/<\/Types>\s*$/, `<Override PartName="/${commentsPath}" ContentType="${COMMENTS_CT}"/></Types>`), NO_FOLDERS);
    }
  }
  // DEFLATE: entries already deflated are copied as they were (JSZip reuses their compressed bytes)
  const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { data, comments: written };
}
