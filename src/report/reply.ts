/**
 * The reviewer's reply, one document at a time: the annotated Word copy
 * (`annotated/<relative path>.docx`) and the review memo
 * (`memo/<relative path>.docx`). A DOCX input keeps its own package with the
 * comments added (`docx-annotate.ts`); any other input, or a DOCX package
 * that cannot be edited safely, becomes a new DOCX of the normalized text
 * (`docx-text.ts`). Results without text (unreadable files) give no files.
 *
 * The only input besides the result is the original file's bytes, which the
 * caller hands in through `ReportContext.readSource` (the reporter itself
 * never opens files).
 */
import { basename } from "node:path";
import type { AnalysisResult } from "../model/document.js";
import type { ReportContext } from "./context.js";
import { annotateDocx, type CommentMeta } from "./docx-annotate.js";
import { textToDocx } from "./docx-text.js";
import { formatMemo } from "./memo.js";
import { DEFAULT_REVIEWER, docxName, reviewComments } from "./review-comments.js";

export interface ReplyFile {
  name: string;
  data: Uint8Array;
}

function relativeName(r: AnalysisResult, ctx: ReportContext): string {
  return ctx.relativePath?.(r) ?? basename(r.source.path);
}

function commentMeta(ctx: ReportContext): CommentMeta {
  const author = ctx.reviewer?.trim() || DEFAULT_REVIEWER;
  // Word shows the date; seconds would only make two runs of one day differ
  return { author, date: ctx.generatedAt.replace(/\.\d+Z$/, "Z"), initials: author.slice(0, 2) };
}

/** The annotated copy, or [] when the result has no text (an unreadable file). */
export async function formatAnnotated(r: AnalysisResult, ctx: ReportContext): Promise<ReplyFile[]> {
  const text = r.text.content;
  if (r.status !== "ok" || typeof text !== "string") return [];
  const meta = commentMeta(ctx);
  const comments = reviewComments(r, text);
  const name = `annotated/${docxName(relativeName(r, ctx))}`;
  if (r.source.format === "docx" && ctx.readSource) {
    let original: Uint8Array | null = null;
    try {
      original = await ctx.readSource(r);
    } catch {
      original = null; // changed or removed since the analysis: fall back to the text
    }
    const edited = original ? await annotateDocx(original, text, comments, meta) : null;
    if (edited) return [{ name, data: edited.data }];
  }
  const numbered = comments.map((comment, id) => ({ id, comment }));
  return [{ name, data: await textToDocx(r, text, numbered, meta) }];
}

export async function formatMemoFile(r: AnalysisResult, ctx: ReportContext): Promise<ReplyFile[]> {
  if (r.status !== "ok") return [];
  const rel = relativeName(r, ctx);
  const data = await formatMemo(r, { reviewer: commentMeta(ctx).author, date: ctx.generatedAt, fileName: rel });
  return [{ name: `memo/${docxName(rel)}`, data }];
}
