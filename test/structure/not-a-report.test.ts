import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectReportType } from "../../src/structure/report-type.js";
import { analyzeBuffer } from "../../src/pipeline.js";

const CORPUS = new URL("../../corpora/", import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, CORPUS));
const opts = { segmenter: "rs" as const };

describe("not a report", () => {
  it.each([
    "中共某区住建局党组关于召开2024年度民主生活会的通知",
    "某镇2024年度民主生活会材料报送附件清单",
    "关于报送2023年度整改情况报告的函",
  ])("types the title %s as other", (title) => {
    const r = detectReportType({ title, text: "对照检查材料 征求意见 谈心谈话 整改措施" });
    expect(r.id).toBe("other");
    expect(r.label).toBe("未识别为报告");
  });

  it.each([
    ["巡察整改情况的通报", "中共某局党组关于巡察整改进展情况的通报", "rectification"],
    ["审计整改报告", "某县人民政府关于2023年度审计查出问题整改情况的报告", "rectification"],
    ["学习实践活动阶段总结", "某局深入学习实践科学发展观活动学习调研阶段工作总结", "analysis-check"],
    ["查摆问题清单", "某局领导班子民主生活会查摆问题清单", "democratic-life"],
    ["组织生活会总结", "某支部关于召开组织生活会和开展民主评议党员工作情况的报告", "work-summary"],
  ])("types a %s by its title", (_name, title, id) => {
    expect(detectReportType({ title, text: "" }).id).toBe(id);
  });

  it.each(["web/notice-not-a-report.txt", "web/attachment-list-not-a-report.txt", "web/MANIFEST.md", "web-own/MANIFEST.md"])(
    "judges nothing in %s: other, no checklist, NOT_A_REPORT, no counts or items",
    async (rel) => {
      const r = await analyzeBuffer(read(rel), rel, opts);
      expect(r.status).toBe("ok");
      expect(r.reportType?.id).toBe("other");
      expect(r.checklist).toBeNull();
      expect(r.warnings.some((w) => w.code === "NOT_A_REPORT")).toBe(true);
      expect(r.counts).toEqual([]);
      expect([...r.problems, ...r.causes, ...r.measures]).toEqual([]);
    },
    60_000,
  );

  it("still checks a non-report against a forced type", async () => {
    const r = await analyzeBuffer(read("web/notice-not-a-report.txt"), "notice.txt", { ...opts, type: "democratic-life" });
    expect(r.reportType?.id).toBe("democratic-life");
    expect(r.reportType?.label).not.toBe("未识别为报告");
    expect(r.checklist?.id).toBe("democratic-life");
  }, 60_000);

  const reports = ["dev", "holdout", "web", "web-own"].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, CORPUS))
      .filter((f) => f.endsWith(".gold.json"))
      .map((f) => ({ dir, name: f.replace(/\.gold\.json$/, ""), gold: JSON.parse(readFileSync(new URL(`${dir}/${f}`, CORPUS), "utf8")) as { reportType?: string; expectError?: string } }))
      .filter((d) => !d.gold.expectError && d.gold.reportType && d.gold.reportType !== "other"),
  );
  it.each(reports.map((d) => [`${d.dir}/${d.name}`, d] as const))("never types the report %s as other", async (_n, d) => {
    const file = readdirSync(new URL(`${d.dir}/`, CORPUS)).find((f) => f.startsWith(`${d.name}.`) && !f.endsWith(".gold.json"))!;
    const r = await analyzeBuffer(read(`${d.dir}/${file}`), file, opts);
    expect(r.reportType?.id).toBe(d.gold.reportType);
  }, 60_000);
});

describe("title ranking on delivered reports", () => {
  it("skips an occasion line standing above the title", async () => {
    const { detectTitle } = await import("../../src/structure/title.js");
    const text = "——2024年12月26日在某县人大常委会第二十四次会议上\n某县人民政府关于2023年度审计查出问题整改情况的报告\n受县人民政府委托，现将整改情况报告如下。";
    expect(detectTitle(text, []).title).toBe("某县人民政府关于2023年度审计查出问题整改情况的报告");
  });
});
