import { analyzeFile } from "/work/wt/reply/dist/pipeline.js";
import { annotateDocx } from "/work/wt/reply/dist/report/docx-annotate.js";
import { reviewComments } from "/work/wt/reply/dist/report/review-comments.js";
import { readFile, writeFile } from "node:fs/promises";
import JSZip from "jszip";
const f = process.argv[2];
const r = await analyzeFile(f, { includeText: true });
const text = r.text.content;
const comments = reviewComments(r, text);
const out = await annotateDocx(await readFile(f), text, comments, { author: "审核意见", date: "2026-12-03T00:00:00Z" });
if (!out) { console.log("null"); process.exit(); }
await writeFile("/tmp/reply-out.docx", out.data);
const z = await JSZip.loadAsync(out.data);
const xml = await z.file("word/document.xml").async("string");
// extract text per comment range
for (const { id, comment } of out.comments) {
  const s = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`), e = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  const seg = xml.slice(s, e).replace(/<w:instrText[^>]*>.*?<\/w:instrText>/g, "").match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)?.map(x => x.replace(/<[^>]+>/g, "")).join("") ?? "";
  const ev = text.slice(comment.span[0], comment.span[1]).replace(/\s/g, "");
  const ok = seg.replace(/\s/g,"") === ev;
  console.log(id, ok ? "OK " : "DIFF", comment.title ? "T" : "", JSON.stringify(ev.slice(0, 30)), ok ? "" : JSON.stringify(seg.slice(0, 30)));
}
