/**
 * Per-item warnings: each measure without a deadline / owner, each problem
 * without a measure. Tables of hand-built documents, then the dev task tables,
 * whose own columns (完成时限, 责任领导 …) say which measures lack what.
 */
import { describe, expect, it } from "vitest";
import type { MeasureFact, Span, WorkingDocument } from "../../src/model/document.js";
import { DETECTORS } from "../../src/checklist/detectors/index.js";
import { analyzeFile } from "../../src/pipeline.js";
import { makeDoc, section } from "../extract/helpers.js";
import { defaultContext, formatHtml } from "../../src/report/index.js";

function measure(text: string, needle: string, sectionId: string | null, deadline: string | null, owner: string | null): MeasureFact {
  const at = text.indexOf(needle);
  return { text: needle, span: [at, at + needle.length], section: sectionId, deadline, owner };
}

function spansOf(name: string, doc: WorkingDocument): Array<Span | null> {
  return DETECTORS.get(name)!.detectAll!(doc, { minShared: 2 }).map((e) => e.span);
}

describe("quality.measure-no-deadline / quality.measure-no-owner", () => {
  const text = "三、整改措施\n一是修订财务制度，2024年6月底前完成。\n二是清理闲置厂房，由办公室负责。\n四、下一步工作打算\n巩固整改成果。\n五、保障措施\n加强组织领导。";
  const s3 = section("s3", "measures", text, "三、整改措施", text.indexOf("四、"));
  const s4 = section("s4", "next-steps", text, "四、下一步工作打算", text.indexOf("五、"));
  const s5 = section("s5", "measures", text, "五、保障措施", text.length);
  const a = measure(text, "修订财务制度，2024年6月底前完成。", "s3", "2024年6月底前", null);
  const b = measure(text, "清理闲置厂房，由办公室负责。", "s3", null, "办公室");
  const plan = measure(text, "巩固整改成果。", "s4", null, null);
  const guarantee = measure(text, "加强组织领导。", "s5", null, null);
  const doc = makeDoc(text, { sections: [s3, s4, s5], measures: [a, b, plan, guarantee] });

  it("names each task measure without a deadline, with its span", () => {
    expect(spansOf("quality.measure-no-deadline", doc)).toEqual([b.span]);
  });
  it("names each task measure without an owner, with its span", () => {
    expect(spansOf("quality.measure-no-owner", doc)).toEqual([a.span]);
  });
  it("leaves out the next-stage plan and the guarantee measures", () => {
    const only = makeDoc(text, { sections: [s3, s4, s5], measures: [plan, guarantee] });
    expect(spansOf("quality.measure-no-deadline", only)).toEqual([]);
    expect(spansOf("quality.measure-no-owner", only)).toEqual([]);
  });
  it("gives one finding per measure through the engine", async () => {
    const { runRules } = await import("../../src/checklist/engine.js");
    const rule = (id: string) => ({ id, severity: "warning" as const, message: "m", detector: id });
    const res = runRules(makeDoc(text, { sections: [s3], measures: [a, b, { ...b, span: [b.span[0], b.span[1]] as Span, owner: null }] }), {
      id: "t", label: "t", source: "test", rules: [rule("quality.measure-no-owner")],
    });
    expect(res.findings.map((f) => f.span)).toEqual([a.span, b.span]);
  });
});

describe("quality.problem-no-measure", () => {
  it("pairs by key terms: a problem sharing no terms with any measure is named", () => {
    const text = "问题：一是食堂采购不规范。二是公务用车管理混乱。措施：一是建立食堂大宗物资集中采购制度。";
    const p1 = measure(text, "食堂采购不规范。", null, null, null);
    const p2 = measure(text, "公务用车管理混乱。", null, null, null);
    const m1 = measure(text, "建立食堂大宗物资集中采购制度。", null, null, null);
    const doc = makeDoc(text, { problems: [p1, p2], measures: [m1] });
    expect(spansOf("quality.problem-no-measure", doc)).toEqual([p2.span]);
  });
  it("pairs by place: the measure in the problem's table row answers it", () => {
    const text = "序号\t存在问题\t整改措施\n1\t学位供给不足\t编制中小学布局规划\n2\t食堂采购不规范\t规范课后服务收费";
    const p1 = measure(text, "学位供给不足", null, null, null);
    const p2 = measure(text, "食堂采购不规范", null, null, null);
    const m1 = measure(text, "编制中小学布局规划", null, null, null);
    const m2 = measure(text, "规范课后服务收费", null, null, null);
    expect(spansOf("quality.problem-no-measure", makeDoc(text, { problems: [p1, p2], measures: [m1, m2] }))).toEqual([]);
  });
  it("pairs by order: parallel lists need only one shared term", () => {
    const text = "一是理论学习不够系统。二是服务群众不够主动。一是强化理论武装。二是改进作风，上门服务。";
    const ps = [measure(text, "理论学习不够系统。", null, null, null), measure(text, "服务群众不够主动。", null, null, null)];
    const ms = [measure(text, "强化理论武装。", null, null, null), measure(text, "改进作风，上门服务。", null, null, null)];
    expect(spansOf("quality.problem-no-measure", makeDoc(text, { problems: ps, measures: ms }))).toEqual([]);
    // out of order the single shared term is not enough
    expect(spansOf("quality.problem-no-measure", makeDoc(text, { problems: ps, measures: [ms[1]!, ms[0]!] }))).toHaveLength(2);
  });
  it("judges nothing without measures", () => {
    const text = "一是食堂采购不规范。";
    expect(spansOf("quality.problem-no-measure", makeDoc(text, { problems: [measure(text, "食堂采购不规范。", null, null, null)] }))).toEqual([]);
  });
});

/** The table rows of the normalized text with their spans and the header's column names. */
function taskRows(text: string): Array<{ span: Span; cells: Record<string, string> }> {
  const out: Array<{ span: Span; cells: Record<string, string> }> = [];
  let header: string[] | null = null;
  let at = 0;
  for (const line of text.split("\n")) {
    const span: Span = [at, at + line.length];
    at += line.length + 1;
    if (!line.includes("\t")) {
      header = null;
      continue;
    }
    const cells = line.split("\t");
    if (!header) {
      if (cells.some((c) => /措施/.test(c))) header = cells;
      continue;
    }
    out.push({ span, cells: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim()])) });
  }
  return out;
}

describe("the dev task tables", () => {
  const files = ["rectification-plan-table-no-deadline.docx", "rectification-table-owners-complete.docx", "rectification-narrative-no-owner.docx"];
  for (const file of files) {
    it(`names exactly the table measures without deadline or owner in ${file}`, async () => {
      const r = await analyzeFile(`corpora/dev/${file}`, { includeText: true });
      expect(r.status).toBe("ok");
      const rows = taskRows(r.text.content!);
      const findings = r.checklist!.findings;
      const inRow = (s: Span | null, row: Span): boolean => !!s && row[0] <= s[0] && s[1] <= row[1];
      let checked = 0;
      for (const row of rows) {
        const measures = r.measures.filter((m) => inRow(m.span, row.span)).map((m) => m.span);
        const cell = (re: RegExp): string => Object.entries(row.cells).filter(([h]) => re.test(h)).map(([, v]) => v).join("");
        const noDeadline = !cell(/时限|期限|完成时间/);
        const noOwner = !cell(/责任|牵头|领导/);
        const named = (id: string) => findings.filter((f) => f.ruleId === id && inRow(f.span, row.span)).map((f) => f.span);
        expect(named("quality.measure-no-deadline")).toEqual(noDeadline ? measures : []);
        expect(named("quality.measure-no-owner")).toEqual(noOwner ? measures : []);
        checked += measures.length;
      }
      if (file.includes("table")) expect(checked).toBeGreaterThan(5);
      // outside tables, the narrative report: its measures lack owners, and some lack deadlines
      if (file.includes("narrative")) {
        const noOwner = findings.filter((f) => f.ruleId === "quality.measure-no-owner").map((f) => f.span);
        expect(noOwner).toEqual(r.measures.filter((m) => !m.owner).map((m) => m.span));
        expect(findings.filter((f) => f.ruleId === "quality.measure-no-deadline").map((f) => f.span)).toEqual(r.measures.filter((m) => !m.deadline).map((m) => m.span));
      }
    }, 60_000);
  }
});

describe("the per-item warnings in the reviewer's HTML report", () => {
  it("lists each one with its label and a link to its evidence", async () => {
    const r = await analyzeFile("corpora/dev/rectification-plan-table-no-deadline.docx", { includeText: true });
    const html = formatHtml([r], defaultContext());
    const n = r.checklist!.findings.filter((f) => f.ruleId === "quality.measure-no-deadline").length;
    expect(n).toBeGreaterThan(5);
    expect(html.match(/<b>措施无时限<\/b> <code>quality\.measure-no-deadline<\/code>/g)?.length).toBe(n);
  }, 60_000);
});
