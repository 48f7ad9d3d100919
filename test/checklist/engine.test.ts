import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listChecklists, loadChecklists, runChecklist, showChecklist, validateChecklistFile } from "../../src/checklist/index.js";
import { makeDoc } from "../extract/helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "rc-checklist-"));
function file(name: string, body: string): string {
  const p = join(tmp, name);
  writeFileSync(p, body);
  return p;
}

describe("built-in checklists", () => {
  it("ship one checklist per report type with the spec's rule ids", () => {
    const ids = listChecklists().map((c) => c.id).sort();
    expect(ids).toEqual(["analysis-check", "democratic-life", "rectification", "work-summary"]);
    const rect = listChecklists().find((c) => c.id === "rectification")!;
    expect(rect.rules.filter((r) => r.severity === "error").map((r) => r.id)).toEqual(["problems", "measures", "rectified.progress"]);
    expect(rect.rules.filter((r) => r.severity === "warning" && !r.id.startsWith("quality.")).map((r) => r.id)).toEqual(["measures.deadline", "measures.owner", "next.steps"]);
  });
  it("shows a checklist as YAML and refuses an unknown type", () => {
    expect(showChecklist("analysis-check")).toMatch(/^id: analysis-check$/m);
    expect(() => showChecklist("nope")).toThrow(/未知/);
  });
});

describe("runChecklist", () => {
  it("reports missing elements as findings without span, and passes without error findings", async () => {
    const doc = makeDoc("标题\n一年来取得了明显成效。\n存在的不足。", {
      reportType: { id: "work-summary", label: "工作总结", confidence: 0.9 },
      problems: [
        { text: "a", span: [0, 1], section: null },
        { text: "b", span: [1, 2], section: null },
      ],
    });
    await runChecklist(doc);
    const ids = doc.checklist!.findings.map((f) => f.ruleId);
    expect(ids).toContain("next.steps");
    expect(ids).not.toContain("achievements");
    expect(doc.checklist!.findings.find((f) => f.ruleId === "next.steps")).toMatchObject({ severity: "error", span: null });
    expect(doc.checklist!.passed).toBe(false);
    expect(doc.checklist!.evidence?.["achievements"]).toBeTruthy();
  });
  it("checks a document of unknown type against work-summary and says so", async () => {
    const doc = makeDoc("标题\n正文。", { reportType: { id: "rectification", label: "整改情况报告", confidence: 0.1 } });
    await runChecklist(doc);
    expect(doc.checklist!.id).toBe("work-summary");
    expect(doc.checklist!.note).toMatch(/工作总结/);
  });
  it("lets a user file override a rule's severity and switch one off", async () => {
    const p = file("mine.yaml", ["id: work-summary", "rules:", "  - id: next.steps", "    severity: warning", "    message: 请补充下一步打算。", "  - id: causes", "    severity: off"].join("\n"));
    const doc = makeDoc("标题\n正文。", { reportType: { id: "work-summary", label: "工作总结", confidence: 0.9 } });
    await runChecklist(doc, { checklistFiles: [p] });
    const f = doc.checklist!.findings;
    expect(f.find((x) => x.ruleId === "next.steps")).toMatchObject({ severity: "warning", message: "请补充下一步打算。" });
    expect(f.some((x) => x.ruleId === "causes")).toBe(false);
  });
});

describe("validateChecklistFile", () => {
  it("accepts a valid file", () => {
    expect(validateChecklistFile(file("ok.yaml", "id: custom\nlabel: 自定义\nrules:\n  - id: criticism\n    severity: error\n    message: 缺少批评和自我批评。\n"))).toEqual({ ok: true });
  });
  it("names the line of a YAML syntax error", () => {
    const r = validateChecklistFile(file("bad.yaml", "id: x\nrules:\n  - id: a\n   severity: [error\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/bad\.yaml:\d+/);
  });
  it("names the line of an unknown detector", () => {
    const r = validateChecklistFile(file("unknown.yaml", "id: x\nrules:\n  - id: a\n    severity: error\n    message: m\n    detector: no-such-thing\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/unknown\.yaml:6: .*no-such-thing/);
  });
  it("reports a missing message and a bad severity", () => {
    const a = validateChecklistFile(file("nomsg.yaml", "id: x\nrules:\n  - id: learning\n    severity: error\n"));
    expect(a.ok === false && a.error).toMatch(/nomsg\.yaml:3: .*message/);
    const b = validateChecklistFile(file("sev.yaml", "id: x\nrules:\n  - id: learning\n    severity: fatal\n    message: m\n"));
    expect(b.ok === false && b.error).toMatch(/sev\.yaml:4: .*severity/);
  });
  it("loads extra files on top of the built-ins", () => {
    const p = file("extra.yaml", "id: my-type\nlabel: 我的清单\nextends: rectification\nrules:\n  - id: criticism\n    severity: warning\n    message: 缺少批评和自我批评。\n");
    const c = loadChecklists([p]).get("my-type")!;
    expect(c.rules.map((r) => r.id)).toContain("rectified.progress");
    expect(c.rules.map((r) => r.id)).toContain("criticism");
  });
});
