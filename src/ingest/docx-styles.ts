/**
 * word/styles.xml: what a paragraph inherits from its style.
 *
 * Headings are found by style ID and outline level, never by display name
 * alone, because names change with the Word locale and the producer:
 * - Word (any locale):  styleId "Heading1", name "heading 1", outlineLvl 0
 * - Chinese Word / WPS: styleId "1" / "2", name "heading 1" or "标题 1"; WPS
 *   may reference "1" without defining it (mammoth.js#463)
 * - custom styles:      name "一级标题", `<w:outlineLvl w:val="0"/>`
 * Precedence for the level: a heading name on the style itself, then the first
 * outline level up the basedOn chain, then a heading name up the chain.
 */
import { child, childVal, childrenNamed, onOff, type XmlElement } from "./docx-xml.js";

export interface StyleNumbering {
  numId: string;
  /** undefined: not given; the level is then found via `w:lvl/w:pStyle` or 0. */
  ilvl?: number;
}

export interface ResolvedStyle {
  id: string;
  /** Name as written in styles.xml ("heading 1", "标题 1", "一级标题"). */
  name: string;
  /** 1-based heading level, or undefined for body styles. */
  headingLevel?: number;
  /** Auto-numbering the style attaches to its paragraphs (heading numbering). */
  numbering?: StyleNumbering;
  /** Bold from the style chain (undefined: not set anywhere). */
  bold?: boolean;
}

interface RawStyle {
  id: string;
  type: string;
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numbering?: StyleNumbering;
  bold?: boolean;
  isDefault: boolean;
}

// "heading 1", "Heading 1", "标题 1", "标题1"
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
// Undefined style ids that still mean a heading: "Heading1", "1" (WPS, Chinese Word).
const HEADING_ID = /^(?:heading\s*)?([1-9])$/i;

function headingFromName(name: string): number | undefined {
  const m = HEADING_NAME.exec(name.trim());
  return m ? Number(m[1]) : undefined;
}

export class StyleSheet {
  private readonly raw = new Map<string, RawStyle>();
  private readonly resolved = new Map<string, ResolvedStyle>();
  /** Bold from `w:docDefaults/w:rPrDefault` (rare, but then every run is bold). */
  readonly defaultBold: boolean;
  readonly defaultParagraphStyle?: string;

  constructor(root: XmlElement | null) {
    let defaultBold = false;
    let defaultPara: string | undefined;
    if (root) {
      const rPrDefault = child(child(child(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr");
      defaultBold = onOff(rPrDefault, "w:b") ?? false;
      for (const s of childrenNamed(root, "w:style")) {
        const id = s.attrs["w:styleId"];
        if (id === undefined) continue;
        const type = s.attrs["w:type"] ?? "paragraph";
        const pPr = child(s, "w:pPr");
        const rPr = child(s, "w:rPr");
        const outline = childVal(pPr, "w:outlineLvl");
        const numPr = child(pPr, "w:numPr");
        const numId = childVal(numPr, "w:numId");
        const ilvl = childVal(numPr, "w:ilvl");
        const isDefault = s.attrs["w:default"] === "1" || s.attrs["w:default"] === "true";
        const rs: RawStyle = { id, type, name: childVal(s, "w:name") ?? id, isDefault };
        const basedOn = childVal(s, "w:basedOn");
        if (basedOn !== undefined) rs.basedOn = basedOn;
        if (outline !== undefined && /^\d$/.test(outline)) rs.outlineLevel = Number(outline);
        if (numId !== undefined) rs.numbering = ilvl !== undefined ? { numId, ilvl: Number(ilvl) } : { numId };
        const b = onOff(rPr, "w:b");
        if (b !== undefined) rs.bold = b;
        this.raw.set(id, rs);
        if (isDefault && type === "paragraph") defaultPara = id;
      }
    }
    this.defaultBold = defaultBold;
    if (defaultPara !== undefined) this.defaultParagraphStyle = defaultPara;
  }

  /** The paragraph (or character) style with its inherited properties; undefined ids resolve by pattern. */
  get(id: string | undefined): ResolvedStyle | undefined {
    if (id === undefined) return undefined;
    const hit = this.resolved.get(id);
    if (hit) return hit;
    const own = this.raw.get(id);
    let out: ResolvedStyle;
    if (!own) {
      // WPS writes <w:pStyle w:val="2"/> with no such style in styles.xml.
      const m = HEADING_ID.exec(id);
      out = m ? { id, name: `heading ${m[1]}`, headingLevel: Number(m[1]) } : { id, name: id };
    } else {
      out = { id, name: own.name };
      const chain = this.chain(own);
      let level = own.type === "paragraph" ? headingFromName(own.name) : undefined;
      if (level === undefined) {
        for (const s of chain) {
          if (s.outlineLevel !== undefined) {
            if (s.outlineLevel < 9) level = s.outlineLevel + 1; // 9 = body text
            break;
          }
        }
      }
      if (level === undefined && own.type === "paragraph") {
        for (const s of chain) {
          const l = headingFromName(s.name);
          if (l !== undefined) {
            level = l;
            break;
          }
        }
      }
      // The title style is not a heading even where a producer gives it an outline level.
      if (level !== undefined && !/^(title|标题)$/i.test(own.name.trim())) out.headingLevel = level;
      for (const s of chain) {
        if (s.numbering) {
          out.numbering = s.numbering;
          break;
        }
      }
      for (const s of chain) {
        if (s.bold !== undefined) {
          out.bold = s.bold;
          break;
        }
      }
    }
    this.resolved.set(id, out);
    return out;
  }

  /** The style and its basedOn ancestors, nearest first (cycle-safe). */
  private chain(s: RawStyle): RawStyle[] {
    const out: RawStyle[] = [];
    const seen = new Set<string>();
    let cur: RawStyle | undefined = s;
    while (cur && !seen.has(cur.id) && out.length < 20) {
      seen.add(cur.id);
      out.push(cur);
      cur = cur.basedOn !== undefined ? this.raw.get(cur.basedOn) : undefined;
    }
    return out;
  }
}
