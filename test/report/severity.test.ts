/**
 * Required (error) and suggested (warning) missing elements are told apart in
 * every view, a forced type is marked, and the HTML names each document's file
 * (a report's DOCX, PDF and TXT share one title).
 */
import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/report/html/index.js";
import { formatTableLine } from "../../src/report/table.js";
import { formatMarkdown } from "../../src/report/md.js";
import { defaultContext } from "../../src/report/context.js";
import { okResult } from "./fixture.js";
import type { AnalysisResult } from "../../src/model/document.js";

function withFindings(path: string): AnalysisResult {
  const r = okResult(path);
  return {
    ...r,
    checklist: {
      ...r.checklist!,
      passed: false,
      findings: [
        { ruleId: "evaluation.result", severity: "error", message: "未找到测评结果", span: null },
        { ruleId: "measures.deadline", severity: "warning", message: "未写明时限", span: null },
      ],
    },
  };
}

describe("missing elements by severity", () => {
  it("table: required and suggested on separate labels", () => {
    const line = formatTableLine(withFindings("a.docx"));
    expect(line).toContain("缺必备：测评/评议结果");
    expect(line).toContain("缺建议：整改时限");
  });

  it("HTML: error chips and warning chips have their own classes", () => {
    const html = formatHtml([withFindings("a.docx")], defaultContext());
    expect(html).toMatch(/<span class="chip err"[^>]*>测评\/评议结果<\/span>/);
    expect(html).toMatch(/<span class="chip warn"[^>]*>整改时限<\/span>/);
  });

  it("Markdown: 必备 and 建议 apart", () => {
    const md = formatMarkdown([withFindings("a.docx")], defaultContext());
    expect(md).toContain("必备：测评/评议结果；建议：整改时限");
  });
});

describe("document identity", () => {
  it("shows the file name beside the title of each document in the HTML", () => {
    const html = formatHtml([okResult("报告/甲.docx"), okResult("报告/甲.pdf")], defaultContext());
    const summaries = [...html.matchAll(/<summary><h2>[\s\S]*?<\/summary>/g)].map((m) => m[0]);
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toContain("报告/甲.docx");
    expect(summaries[1]).toContain("报告/甲.pdf");
  });

  it("marks a forced type in the table", () => {
    const r = okResult("a.docx", { reportType: { id: "rectification", label: "整改情况报告", confidence: 1, forced: true } });
    expect(formatTableLine(r)).toContain("整改情况报告（指定）");
  });
});

describe("type labels", () => {
  it("are the same in the table, the stats and `checklist list`", async () => {
    const { TYPE_LABELS } = await import("../../src/report/labels.js");
    const { listChecklists } = await import("../../src/checklist/index.js");
    const lists = listChecklists();
    expect(lists.length).toBeGreaterThanOrEqual(4);
    for (const c of lists) expect(TYPE_LABELS[c.id], c.id).toBe(c.label);
  });
});
