#!/usr/bin/env node
/**
 * Writes the small purpose-made DOCX fixtures of the DOCX reader tests into
 * corpora/fixtures/ (each file named for the one feature it exercises):
 *
 *   numbering-labels.docx      auto-numbering: chineseCounting 一、/（一）, decimal 1.,
 *                              decimalEnclosedCircle ①, ideographTraditional 甲, lowerLetter a),
 *                              restart of a deeper level, a second list restarting at 1,
 *                              startOverride 3, numbering inherited from a heading style, bullets
 *   heading-styles.docx        heading 1 by style id "Heading1", WPS ids "1"/"2" left undefined,
 *                              custom style 一级标题 with outlineLvl 0, direct outlineLvl, Title;
 *                              bold paragraphs and bold leads (w:b, rStyle Strong, w:b val=0)
 *   tracked-changes.docx       w:ins kept, w:del dropped, comments and footnotes ignored,
 *                              header/footer text never read
 *   tables-nested.docx         task table with a header row, merged cells, several paragraphs
 *                              in a cell, a numbered list in a cell, a nested table
 *   no-document-part.docx      a valid ZIP with no word/document.xml  → DOCX_CORRUPT
 *   zip-bomb.docx              document.xml of 300 MB of spaces (~300 KB packed) → TOO_LARGE
 *
 * Run: node scripts/make-fixtures-docx.mjs   (uses jszip; deterministic dates)
 */
import { mkdirSync, writeFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "corpora", "fixtures");
mkdirSync(OUT, { recursive: true });
const DATE = new Date("2026-01-01T00:00:00Z");

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"' +
  ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
  ' xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"';
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

function docRels(extra = "") {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
${extra}
</Relationships>`;
}

const document = (body, sect = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${body}<w:sectPr>${sect}</w:sectPr></w:body></w:document>`;

/** A paragraph: pPr inner XML + runs. */
const p = (runs, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs}</w:p>`;
/** A run; bold: true → <w:b/>, false → <w:b w:val="0"/>; rStyle for a character style. */
const r = (text, { bold, rStyle } = {}) => {
  const props = `${rStyle ? `<w:rStyle w:val="${rStyle}"/>` : ""}${bold === true ? "<w:b/>" : bold === false ? '<w:b w:val="0"/>' : ""}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
};
const numPr = (numId, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const pStyle = (id) => `<w:pStyle w:val="${id}"/>`;

function styles(extra = "") {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b w:val="false"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
${extra}
</w:styles>`;
}

const lvl = (ilvl, numFmt, lvlText, { start = 1, suff = "nothing", restart } = {}) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/>${restart !== undefined ? `<w:lvlRestart w:val="${restart}"/>` : ""}<w:suff w:val="${suff}"/><w:lvlText w:val="${esc(lvlText)}"/></w:lvl>`;

function numbering(abstracts, nums) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${W_NS}>${abstracts.join("")}${nums.join("")}</w:numbering>`;
}
const abstractNum = (id, levels) => `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${levels.join("")}</w:abstractNum>`;
const num = (numId, abstractId, overrides = {}) =>
  `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${Object.entries(overrides)
    .map(([ilvl, v]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${v}"/></w:lvlOverride>`)
    .join("")}</w:num>`;

async function writeDocx(name, parts) {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(parts)) zip.file(path, content, { date: DATE });
  const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  writeFileSync(join(OUT, name), buf);
  console.log(`${name}: ${statSync(join(OUT, name)).size} bytes`);
}

function basicParts(body, { stylesExtra = "", numberingXml = numbering([], []), rels = docRels(), extra = {} } = {}) {
  return {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "word/_rels/document.xml.rels": rels,
    "word/document.xml": document(body),
    "word/styles.xml": styles(stylesExtra),
    "word/numbering.xml": numberingXml,
    ...extra,
  };
}

// ───────────── numbering-labels.docx ─────────────
{
  const abstracts = [
    // 一、 / （一） / 1. — the heading scheme of Chinese official reports
    abstractNum(10, [lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%3.")]),
    // 1. list used by two w:num, the second restarting at 1
    abstractNum(11, [lvl(0, "decimal", "%1.")]),
    // ① ② ③
    abstractNum(12, [lvl(0, "decimalEnclosedCircle", "%1")]),
    // 甲、乙、 and a) b)
    abstractNum(13, [lvl(0, "ideographTraditional", "%1、"), lvl(1, "lowerLetter", "%2)")]),
    // bullets
    abstractNum(14, [`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>`]),
    // 第一章 with a tab suffix (label ends in a CJK character → a space is kept)
    abstractNum(15, [lvl(0, "chineseCountingThousand", "第%1章", { suff: "tab" })]),
    // heading numbering attached to the heading styles (w:lvl/w:pStyle)
    abstractNum(16, [
      `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="NumHeading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>`,
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="NumHeading2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>`,
    ]),
  ];
  const nums = [num(1, 10), num(2, 11, { 0: 1 }), num(3, 11, { 0: 1 }), num(4, 12), num(5, 13), num(6, 14), num(7, 11, { 0: 3 }), num(8, 15), num(9, 16)];
  const stylesExtra = `
<w:style w:type="paragraph" w:styleId="NumHeading1"><w:name w:val="编号标题 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NumHeading2"><w:name w:val="编号标题 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="9"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
  const body = [
    p(r("自动编号测试报告"), pStyle("Title")),
    p(r("基本情况"), pStyle("Heading1") + numPr(1, 0)),
    p(r("学习情况"), pStyle("Heading2") + numPr(1, 1)),
    p(r("调研情况"), pStyle("Heading2") + numPr(1, 1)),
    p(r("第一项细节"), numPr(1, 2)),
    p(r("存在的问题"), pStyle("Heading1") + numPr(1, 0)),
    p(r("思想认识不到位"), pStyle("Heading2") + numPr(1, 1)),
    p(r("成绩一"), pStyle("ListParagraph") + numPr(2)),
    p(r("成绩二"), pStyle("ListParagraph") + numPr(2)),
    p(r("问题一"), pStyle("ListParagraph") + numPr(3)),
    p(r("问题二"), pStyle("ListParagraph") + numPr(3)),
    p(r("措施一"), numPr(4)),
    p(r("措施二"), numPr(4)),
    p(r("甲项"), numPr(5, 0)),
    p(r("子项"), numPr(5, 1)),
    p(r("子项二"), numPr(5, 1)),
    p(r("乙项"), numPr(5, 0)),
    p(r("新子项"), numPr(5, 1)),
    p(r("要点"), numPr(6)),
    p(r("从三开始"), numPr(7)),
    p("", numPr(7)), // an empty numbered paragraph still takes a number (四)
    p(r("跳过一个"), numPr(7)),
    p(r("总则"), numPr(8)),
    p(r("整改落实"), pStyle("NumHeading1")),
    p(r("强化责任"), pStyle("NumHeading2")),
    p(r("不再编号"), numPr(0)),
  ].join("");
  await writeDocx("numbering-labels.docx", basicParts(body, { stylesExtra, numberingXml: numbering(abstracts, nums) }));
}

// ───────────── heading-styles.docx ─────────────
{
  // styles "1" and "2" are referenced but NOT defined (WPS); 一级标题 is custom with outlineLvl 0.
  const stylesExtra = `
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="一级标题"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="BodyBold"><w:name w:val="正文加粗"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>`;
  const body = [
    p(r("样式标题测试报告"), pStyle("Title")),
    // table-of-contents entries repeat the headings and are skipped
    p(r("英文样式一级标题") + r("\t") + r("1"), pStyle("TOC1")),
    p(r("英文样式一级标题"), pStyle("Heading1")),
    p(r("WPS 一级标题"), pStyle("1")),
    p(r("WPS 二级标题"), pStyle("2")),
    p(r("一、自定义一级标题"), pStyle("a5")),
    p(r("中文名二级标题"), pStyle("a6")),
    p(r("直接设置大纲级别"), '<w:outlineLvl w:val="2"/>'),
    p(r("正文大纲级别"), '<w:outlineLvl w:val="9"/>'),
    p(r("一是细心组织。", { bold: true }) + r("班子成员逐一发言，开展批评和自我批评。")),
    p(r("二是", { bold: true }) + r("认真查摆。", { rStyle: "Strong" }) + r("对照要求查找差距。")),
    p(r("全段加粗的一行"), pStyle("BodyBold")),
    // bold inherited from the paragraph style, switched off with <w:b w:val="0"/> → a bold lead
    p(r("样式加粗的开头，") + r("后面取消加粗。", { bold: false }), pStyle("BodyBold")),
    p(r("整段", { bold: true }) + r("加粗", { bold: true })),
    p(r("普通正文，没有加粗。")),
    // a text box anchored in a paragraph: its text follows the paragraph, once (mc:Fallback repeats it)
    p(
      r("锚定文本框的段落。") +
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${p(r("文本框里的文字。"))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(r("文本框里的文字。"))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    ),
  ].join("");
  await writeDocx("heading-styles.docx", basicParts(body, { stylesExtra }));
}

// ───────────── tracked-changes.docx ─────────────
{
  const body = [
    p(r("修订痕迹测试")),
    p(
      r("全年共整改问题") +
        `<w:del w:id="1" w:author="审核人" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>12</w:delText></w:r></w:del>` +
        `<w:ins w:id="2" w:author="审核人" w:date="2026-01-01T00:00:00Z"><w:r><w:t>15</w:t></w:r></w:ins>` +
        r("个。") +
        `<w:commentRangeStart w:id="0"/>` +
        r("群众满意度95%。") +
        `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
        `<w:r><w:footnoteReference w:id="1"/></w:r>`,
    ),
    `<w:del w:id="3" w:author="审核人" w:date="2026-01-01T00:00:00Z">` + p(r("这一段整段删除。")) + `</w:del>`,
    p(`<w:del w:id="4" w:author="审核人" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>整段被删的文字</w:delText></w:r></w:del>`),
    p(`<w:ins w:id="5" w:author="审核人" w:date="2026-01-01T00:00:00Z"><w:r><w:t>新增的一段。</w:t></w:r></w:ins>`),
    p(r("隐藏文字不读：") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r>` + r("完。")),
  ].join("");
  const rels = docRels(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>`);
  const parts = basicParts(body, {
    rels,
    extra: {
      "word/header1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W_NS}>${p(r("页眉文字不应出现"))}</w:hdr>`,
      "word/comments.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W_NS}><w:comment w:id="0" w:author="审核人">${p(r("批注文字不应出现"))}</w:comment></w:comments>`,
      "word/footnotes.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${W_NS}><w:footnote w:id="1">${p(r("脚注文字不应出现"))}</w:footnote></w:footnotes>`,
    },
  });
  parts["word/document.xml"] = document(body, `<w:headerReference w:type="default" r:id="rId3"/>`);
  await writeDocx("tracked-changes.docx", parts);
}

// ───────────── tables-nested.docx ─────────────
{
  const tc = (inner, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${inner}</w:tc>`;
  const tr = (cells, header = false) => `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells.join("")}</w:tr>`;
  const tbl = (rows) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;
  const nested = tbl([tr([tc(p(r("内层甲"))), tc(p(r("内层乙")))])]);
  const abstracts = [abstractNum(20, [lvl(0, "decimal", "%1.")])];
  const body = [
    p(r("整改任务清单")),
    tbl([
      tr([tc(p(r("序号"))), tc(p(r("问题"))), tc(p(r("整改措施"))), tc(p(r("责任领导"))), tc(p(r("完成时限")))], true),
      tr([
        tc(p(r("1"))),
        tc(p(r("学习不够深入"))),
        tc(p(r("修订学习制度；")) + p(r("每月集中学习。"))),
        tc(p(r("张三")), '<w:vMerge w:val="restart"/>'),
        tc(p(r("2026年6月底前"))),
      ]),
      tr([tc(p(r("2"))), tc(p(r("台账不规范"))), tc(p(r("建立台账"), numPr(1)) + p(r("定期检查"), numPr(1))), tc(p(""), "<w:vMerge/>"), tc(p(r("长期坚持") + `<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`))]),
      tr([tc(p(r("3"))), tc(p(r("跨列合并的说明")), '<w:gridSpan w:val="2"/>'), tc(nested + p("")), tc(p(r("2026年底前")))]),
    ]),
    p(r("表后正文。")),
  ].join("");
  await writeDocx("tables-nested.docx", basicParts(body, { numberingXml: numbering(abstracts, [num(1, 20)]) }));
}

// ───────────── no-document-part.docx ─────────────
{
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES, { date: DATE });
  zip.file("_rels/.rels", ROOT_RELS, { date: DATE });
  zip.file("word/styles.xml", styles(), { date: DATE });
  const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  writeFileSync(join(OUT, "no-document-part.docx"), buf);
  console.log(`no-document-part.docx: ${buf.length} bytes`);
}

// ───────────── zip-bomb.docx ─────────────
{
  // 300 MB of spaces inside a valid <w:t>: deflate packs it ~1000:1, so the
  // committed file stays ~300 KB while the declared unpacked size is 300 MB.
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body><w:p><w:r><w:t xml:space="preserve">`;
  const tail = `</w:t></w:r></w:p></w:body></w:document>`;
  const size = 300 * 1024 * 1024;
  const xml = Buffer.alloc(size, 0x20);
  xml.write(head, 0, "utf8");
  xml.write(tail, size - Buffer.byteLength(tail), "utf8");
  await writeDocx("zip-bomb.docx", basicParts("", { extra: { "word/document.xml": xml } }));
}
