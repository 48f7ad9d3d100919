#!/usr/bin/env node
/**
 * Writes corpora/layout/: the documents of scripts/layout-corpus-docs.mjs as
 * DOCX (the `docx` package), as PDF rendered from that DOCX by LibreOffice
 * (real layout: first-line indents without paragraph spacing, bold unmarked
 * sub-headings, style headings set larger, a two-column page, a centred larger
 * title), optionally as TXT, and a gold file each (shared/eval/README.md).
 *
 * Run: node scripts/make-layout-corpus.mjs [name…]   (needs `soffice` and fonts-noto-cjk;
 * the generated files are committed so tests never need LibreOffice).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, SectionType, TextRun } from "docx";
import { DOCS } from "./layout-corpus-docs.mjs";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "corpora", "layout");
mkdirSync(OUT, { recursive: true });

const SERIF = "Noto Serif CJK SC";
const SANS = "Noto Sans CJK SC";
const BODY = 28; // half-points: 14 pt
const INDENT = 2 * 14 * 20; // two characters, in twips
const font = (name) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const NO_SPACE = { before: 0, after: 0 };

const HEADING_MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
const ITEM_MARKER = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

function paragraphs(doc) {
  const { headings } = doc.layout;
  const out = [];
  for (const [kind, text] of doc.paras) {
    const run = (opts = {}) => new TextRun({ text, font: font(SERIF), size: BODY, ...opts });
    if (kind === "title") {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 360 },
          children: [new TextRun({ text, font: font(SANS), size: 40, bold: true })],
        }),
      );
    } else if (kind === "h1" && headings === "style") {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text })] }));
    } else if ((kind === "h2" || kind === "sub") && headings === "style") {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text })] }));
    } else if (kind === "h1" && headings === "bold") {
      out.push(new Paragraph({ indent: { firstLine: INDENT }, spacing: NO_SPACE, children: [new TextRun({ text, font: font(SANS), size: BODY, bold: true })] }));
    } else if ((kind === "sub" || kind === "h2") && headings === "bold") {
      out.push(new Paragraph({ indent: { firstLine: INDENT }, spacing: NO_SPACE, children: [run({ bold: true })] }));
    } else if (kind === "sign") {
      out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: NO_SPACE, children: [run()] }));
    } else {
      // body paragraphs and plain headings: indented, no spacing — only the indent shows the break;
      // "spaces": the indent typed as two full-width spaces, as many typists do
      if (doc.layout.indent === "spaces") {
        out.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: NO_SPACE, children: [new TextRun({ text: `\u3000\u3000${text}`, font: font(SERIF), size: BODY })] }));
      } else {
        out.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: NO_SPACE, children: [run()] }));
      }
    }
  }
  return out;
}

function buildDocx(doc) {
  const paras = paragraphs(doc);
  const page = { size: { width: 11906, height: 16838 }, margin: { top: 1800, bottom: 1600, left: 1588, right: 1474 } };
  const sections =
    doc.layout.columns === 2
      ? [
          { properties: { page }, children: paras.slice(0, 1) },
          { properties: { page, type: SectionType.CONTINUOUS, column: { count: 2, space: 567 } }, children: paras.slice(1) },
        ]
      : [{ properties: { page }, children: paras }];
  const d = new Document({
    creator: "report-check layout corpus",
    title: doc.name,
    styles: {
      default: { document: { run: { font: font(SERIF), size: BODY } } },
      paragraphStyles: [
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: font(SANS), size: 32, bold: true },
          paragraph: { outlineLevel: 0, spacing: { before: 120, after: 120 } },
        },
        {
          id: "Heading2",
          name: "Heading 2",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: font(SERIF), size: BODY, bold: true },
          paragraph: { outlineLevel: 1, indent: { firstLine: INDENT }, spacing: NO_SPACE },
        },
      ],
    },
    sections,
  });
  return Packer.toBuffer(d);
}

function gold(doc) {
  const g = { file: doc.name, notes: doc.notes, reportType: doc.reportType, title: "", headings: [], problems: [], causes: [], measures: [], counts: doc.counts, missing: doc.missing };
  doc.paras.forEach((entry, i) => {
    const [kind, text, role, itemKind] = entry;
    if (kind === "title") g.title = text;
    if (kind === "h1" || kind === "h2" || kind === "sub") g.headings.push({ level: kind === "h1" ? 1 : 2, text: text.replace(HEADING_MARKER, ""), role });
    if (kind === "sub" && itemKind) g[itemKind].push(`${text}\n${doc.paras[i + 1][1]}`);
    if (kind === "p" && role) g[role].push(text.replace(ITEM_MARKER, ""));
  });
  return g;
}

function toPdf(docxPath, outDir) {
  const profile = mkdtempSync(join(tmpdir(), "layout-corpus-lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, docxPath], { stdio: "ignore", timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const work = mkdtempSync(join(tmpdir(), "layout-corpus-"));
try {
  // `node scripts/make-layout-corpus.mjs name…` rebuilds only those documents.
  const only = process.argv.slice(2);
  for (const doc of DOCS.filter((d) => !only.length || only.includes(d.name))) {
    const docx = await buildDocx(doc);
    const docxPath = join(work, `${doc.name}.docx`);
    writeFileSync(docxPath, docx);
    writeFileSync(join(OUT, `${doc.name}.docx`), docx);
    toPdf(docxPath, work);
    writeFileSync(join(OUT, `${doc.name}.pdf`), readFileSync(join(work, `${doc.name}.pdf`)));
    if (doc.layout.txt) writeFileSync(join(OUT, `${doc.name}.txt`), doc.paras.map((p) => p[1]).join("\n") + "\n");
    writeFileSync(join(OUT, `${doc.name}.gold.json`), JSON.stringify(gold(doc), null, 2) + "\n");
    console.log(`wrote ${doc.name}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
