/**
 * Chinese messages use full-width punctuation (issue 20 item 14; the rule is
 * in src/cli/README.md, "Punctuation in messages"): an ASCII , ; : ( ) ? !
 * whose nearest non-space neighbour is a Chinese character or a full-width
 * mark is a mistake ("文件超过大小上限,已跳过" → "文件超过大小上限，已跳过").
 * ASCII stays in code and data that sit in ASCII surroundings: --max-bytes,
 * redis://10.0.0.5:6379, "Authorization: Bearer", (300 dpi), file:line.
 *
 * Three nets: the catalogues at run time (error messages and their variants,
 * the serve API errors, the translated commander errors, help headings and
 * option lines, skip reasons, the built-in checklists' labels and messages);
 * every string and template literal of the user-facing source files, read
 * with the TypeScript parser, so a new message is checked the day it is
 * written; and the BUILT CLI's own output (help of every command, parse
 * errors, a run's progress, table and summary over good and broken files).
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { ERROR_CODES, errorMessage, type MessageKey } from "../../src/model/errors.js";
import { HELP_TITLES, optionDescription, translateCommanderError } from "../../src/cli/messages.js";
import { SERVE_ERRORS } from "../../src/serve/errors.js";
import { SKIP_REASON_LABELS } from "../../src/report/skipped.js";
import { makeInbox, ROOT, runCli } from "./helpers.js";

/** Chinese ideographs, CJK and full-width punctuation, curly quotes and the ellipsis. */
const WIDE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d\u2026]/u;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Stands for a ${…} placeholder: neither Chinese nor a space, so it breaks adjacency like any value would. */
const HOLE = "\u0000";

/** Each ASCII , ; : ( ) ? ! next to Chinese, with a little context, e.g. `上限,已跳` . */
export function asciiPunctuationInChinese(text: string): string[] {
  const hits: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!",;:()?!".includes(text[i]!)) continue;
    let l = i - 1;
    while (l >= 0 && text[l] === " ") l--;
    let r = i + 1;
    while (r < text.length && text[r] === " ") r++;
    if (WIDE.test(text[l] ?? "") || WIDE.test(text[r] ?? "")) hits.push(text.slice(Math.max(0, i - 6), i + 6).replaceAll(HOLE, "…"));
  }
  return hits;
}

/** `where: snippet` for every offending text, so a failure names the string to fix. */
function offences(texts: Array<[where: string, text: string]>): string[] {
  return texts.flatMap(([where, text]) => asciiPunctuationInChinese(text).map((hit) => `${where}: ${hit}`));
}

describe("the check itself", () => {
  it("flags ASCII punctuation inside Chinese sentences and leaves code and data alone", () => {
    expect(asciiPunctuationInChinese("文件超过大小上限,已跳过。")).toEqual(["超过大小上限,已跳过。"]);
    expect(asciiPunctuationInChinese("错误: 未知选项")).toHaveLength(1);
    expect(asciiPunctuationInChinese("未完成(已中断) 3 个:")).toHaveLength(3);
    expect(asciiPunctuationInChinese("检查发现（2）? 删除后不能恢复")).toHaveLength(1);
    // Digits on both sides are not judged (ports, times, ratios such as 3:1): "默认 60;0 不限" needs a reviewer's eye.
    expect(asciiPunctuationInChinese("默认 60;0 不限")).toEqual([]);
    expect(asciiPunctuationInChinese("如 redis://10.0.0.5:6379；输出相同")).toEqual([]);
    expect(asciiPunctuationInChinese("请求头中加入 Authorization: Bearer <令牌>。")).toEqual([]);
    expect(asciiPunctuationInChinese("文件超过大小上限，已跳过（可用 --max-bytes 调高）。")).toEqual([]);
  });
});

describe("message catalogues", () => {
  it("error messages, variants included", () => {
    const variants = ["TOO_LARGE_TIME", "TOO_LARGE_UNPACKED", "TOO_LARGE_MEMORY", "READ_FAILED_WORKER_LOST", "READ_FAILED_WORKER_VERSION", "READ_FAILED_QUEUE"] satisfies MessageKey[];
    const keys: MessageKey[] = [...ERROR_CODES, ...variants];
    for (const k of keys) expect(errorMessage(k), k).toMatch(HAN);
    expect(offences(keys.map((k) => [k, errorMessage(k)]))).toEqual([]);
  });

  it("web service errors and skip reasons", () => {
    expect(offences(Object.entries(SERVE_ERRORS).map(([k, v]) => [k, v.message]))).toEqual([]);
    expect(offences(Object.entries(SKIP_REASON_LABELS))).toEqual([]);
  });

  it("commander's errors in Chinese, help headings and option lines", () => {
    const english = [
      "error: option '--fail-on <level>' argument 'bogus' is invalid. Allowed choices are error, warning, never.",
      "error: option '--timeout <sec>' argument 'x' is invalid. --timeout 须为秒数（0 表示不限）",
      "error: missing required argument 'paths'",
      "error: missing required argument 'inputs'",
      "error: option '--out <dir>' argument missing",
      "error: unknown option '--bogus'\n(Did you mean --quiet?)",
      "error: unknown command 'analyse'\n(Did you mean one of analyze, stats?)",
      "error: too many arguments for 'checklist'. Expected 2 arguments but got 3.",
      "error: required option '--redis <url>' not specified",
      "error: something commander adds later",
    ];
    const translated = english.map((e): [string, string] => [e, translateCommanderError(e, ["analyze", "--cache", "reports/"])]);
    for (const [, t] of translated) expect(t).toMatch(HAN);
    expect(offences(translated)).toEqual([]);
    expect(offences(Object.entries(HELP_TITLES))).toEqual([]);
    const lines = [
      optionDescription({ description: "分词器", argChoices: ["rs", "nodejieba"], defaultValue: "rs", required: true }),
      optionDescription({ description: "退出码（never（默认）：写完结果即返回 0）", argChoices: ["error", "never"], defaultValue: "never", required: true }),
      optionDescription({ description: "文件大小上限（默认 50M）", defaultValue: "50M", optional: true }),
    ];
    expect(offences(lines.map((l) => ["option", l]))).toEqual([]);
  });

  it("built-in checklists: labels, descriptions and messages", () => {
    const dir = join(ROOT, "src", "checklist", "builtin");
    const texts: Array<[string, string]> = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) {
      const doc = parse(readFileSync(join(dir, f), "utf8")) as { label?: string; description?: string; rules?: Array<{ id: string; message?: string }> };
      for (const k of ["label", "description"] as const) if (doc[k]) texts.push([`${f} ${k}`, doc[k]!]);
      for (const r of doc.rules ?? []) if (r.message) texts.push([`${f} ${r.id}`, r.message]);
    }
    expect(texts.length).toBeGreaterThan(20);
    expect(offences(texts)).toEqual([]);
  });
});

/** Source files whose Chinese string literals are messages, labels or page text (not patterns matched against documents). */
const USER_FACING = ["src/cli", "src/model", "src/report", "src/serve", "src/queue", "src/stats", "src/batch", "src/similar/apply.ts", "src/ingest/pdf.ts", "src/ingest/docx.ts", "src/ingest/ocr.ts", "src/segment/segmenter.ts", "src/pipeline.ts", "src/index.ts"];

function sourceFiles(path: string): string[] {
  const abs = join(ROOT, path);
  if (abs.endsWith(".ts")) return [abs];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(path, e.name)) : e.name.endsWith(".ts") ? [join(abs, e.name)] : []));
}

/** The text of every string and template literal holding Chinese (placeholders as HOLE), with its file:line. Regex literals and `new RegExp("…")` are patterns, not messages. */
export function chineseLiterals(file: string): Array<[string, string]> {
  const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: Array<[string, string]> = [];
  const at = (n: ts.Node): string => `${relative(ROOT, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && n.expression.getText() === "RegExp") return;
    let text: string | undefined;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(HOLE);
    if (text !== undefined && HAN.test(text)) out.push([at(n), text]);
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe("string literals of the user-facing source", () => {
  it("hold no ASCII punctuation inside Chinese", () => {
    const literals = USER_FACING.flatMap(sourceFiles).flatMap(chineseLiterals);
    expect(literals.length).toBeGreaterThan(300);
    expect(offences(literals)).toEqual([]);
  });
});

describe("the built CLI's output", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("help of every command and commander's parse errors", async () => {
    const runs = [
      ["--help"],
      ["analyze", "--help"],
      ["stats", "--help"],
      ["worker", "--help"],
      ["serve", "--help"],
      ["checklist", "--help"],
      ["analyze", "--fail-on", "bogus", "x"],
      ["analyze", "--bogus", "x"],
      ["analyze", "--cache", "reports/"],
      ["analyse", "x"],
      ["checklist", "show"],
    ];
    const texts: Array<[string, string]> = [];
    for (const args of runs) {
      const r = await runCli(args, ROOT);
      const out = r.stdout + r.stderr;
      expect(out, args.join(" ")).toMatch(HAN);
      texts.push(...out.split("\n").map((line): [string, string] => [args.join(" "), line]));
    }
    expect(offences(texts)).toEqual([]);
  });

  it("a run's progress, table and summary over good and broken files", async () => {
    const dir = makeInbox();
    dirs.push(dir);
    const r = await runCli(["analyze", "inbox", "--format", "table", "--out", "out"], dir);
    expect(r.stdout + r.stderr).toContain("无法读取");
    expect(offences((r.stdout + r.stderr).split("\n").map((line): [string, string] => ["analyze", line]))).toEqual([]);
  }, 180_000);
});
