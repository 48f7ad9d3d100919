/**
 * `previous.rectification` and `talks` through the whole pipeline (ingest →
 * normalize → structure → extract → checklist), on the corpus materials and on
 * purpose-written team, personal, traditional-script and spun ones.
 */
import { describe, expect, it } from "vitest";
import { analyzeBuffer, analyzeFile } from "../../src/pipeline.js";
import type { AnalysisResult } from "../../src/model/index.js";
import { DETECTORS } from "../../src/checklist/detectors/index.js";
import { listChecklists, loadChecklists } from "../../src/checklist/index.js";
import { ruleLabel } from "../../src/report/labels.js";
import { makeDoc } from "../extract/helpers.js";

const corpus = (p: string) => new URL(`../../corpora/${p}`, import.meta.url).pathname;
const missing = (r: AnalysisResult) => (r.checklist?.findings ?? []).map((f) => f.ruleId);
const evidenceText = (r: AnalysisResult, id: string, text: string) => {
  const span = r.checklist?.evidence?.[id];
  return span ? text.slice(span[0], span[1]) : null;
};
async function run(text: string, name = "material.txt"): Promise<{ r: AnalysisResult; text: string }> {
  const r = await analyzeBuffer(Buffer.from(text, "utf8"), name, { includeText: true, type: "democratic-life" });
  return { r, text: (r as AnalysisResult & { text: { content?: string } }).text.content ?? "" };
}

// A team material of our own: a previous-rectification section with 关于…的问题 sub-points,
// talks with a count, then this year's problems, causes and measures.
const TEAM = `中共石川县农业农村局党组2023年度民主生活会领导班子对照检查材料
按照县委关于召开2023年度民主生活会的通知要求，局党组会前组织了集中学习，通过发放征求意见表、召开座谈会等方式征求意见建议31条。党组书记与班子成员之间、班子成员相互之间开展谈心谈话26人次。现将对照检查情况报告如下。
一、上年度民主生活会整改措施落实情况
（一）关于调查研究不够深入的问题
班子成员全年到乡镇调研58次，已全部完成整改。
（二）关于服务群众办法不多的问题
建立了农技服务联系点制度，已整改到位。
二、存在的主要问题
一是理论学习不够系统，学用结合不紧。
二是推动产业发展的办法不多，项目储备不足。
三、产生问题的原因
一是理论武装的自觉性不够强。
二是宗旨意识有所淡化。
四、整改措施
一是健全学习制度，2024年6月前完成专题研讨4次，办公室负责。
二是谋划储备项目，年底前完成项目库建设，规划科负责。`;

describe("previous.rectification", () => {
  it("finds the section on last year's rectification in a team material, and takes none of its points as this year's problems", async () => {
    const { r, text } = await run(TEAM);
    expect(missing(r)).not.toContain("previous.rectification");
    expect(evidenceText(r, "previous.rectification", text)).toContain("上年度民主生活会整改措施落实情况");
    const roles = (r.sections ?? []).map((s) => [s.heading, s.role, s.children.map((c) => c.role)]);
    expect(roles[0]).toEqual(["上年度民主生活会整改措施落实情况", "progress", ["progress", "progress"]]);
    expect(r.problems.map((p) => p.text).join("|")).not.toContain("调查研究不够深入");
    expect(r.problems).toHaveLength(2);
  });

  it("finds it in a personal material from the corpus (section 一、上年度…落实情况)", async () => {
    const path = corpus("dev/democratic-life-personal-no-solicitation.docx");
    const r = await analyzeFile(path, { includeText: true });
    expect(missing(r)).not.toContain("previous.rectification");
    const text = (r as AnalysisResult & { text: { content?: string } }).text.content ?? "";
    expect(evidenceText(r, "previous.rectification", text)).toMatch(/上年度民主生活会整改措施落实情况\n针对上年度/);
  });

  it("flags the team and traditional-script materials that say nothing of last year's rectification", async () => {
    for (const f of ["dev/democratic-life-team-complete.txt", "dev/democratic-life-traditional-objective-causes.docx", "holdout/dl-school-personal-traditional.txt"]) {
      expect(missing(await analyzeFile(corpus(f))), f).toContain("previous.rectification");
    }
  });

  it("reads a traditional-script personal material and a spun copy (落实状况)", async () => {
    const trad = `2023年度組織生活會個人對照檢查材料
財務科黨員　陳立
一、上年度組織生活會查擺問題整改落實情況
去年查擺的三個問題均已整改到位，學習筆記已補齊。
二、存在的問題
一是學習不夠深入。二是服務意識不強。`;
    const a = await run(trad);
    expect(a.r.text.script).toBe("traditional");
    expect(missing(a.r)).not.toContain("previous.rectification");
    const spun = `2023年度民主生活会个人比照检查材料
会前，本人对上次民主生活会整改措施的落实状况进行了逐项回忆，各项措施均已完成。
一、存在的问题
一是学习不够深入。二是效劳意识不强。`;
    const b = await run(spun);
    expect(missing(b.r)).not.toContain("previous.rectification");
    expect(evidenceText(b.r, "previous.rectification", b.text)).toContain("上次民主生活会整改措施");
  });

  const det = DETECTORS.get("previous.rectification")!;
  it.each([
    ["a promise", "下一步，我们将对上年度民主生活会整改措施落实情况开展回头看。"],
    ["a problem item", "上年度民主生活会查摆问题整改不彻底，有的问题反弹回潮。"],
    ["this year's meeting", "按照要求召开2023年度民主生活会，认真查摆问题，制定整改措施，抓好落实。"],
    ["no mention at all", "会前开展了谈心谈话。"],
    ["another rectification", "去年巡察反馈的问题已全部整改到位。"],
  ])("finds nothing in %s", (what, text) => {
    const over = what === "a problem item" ? { problems: [{ text, span: [0, text.length] as [number, number], section: null }] } : {};
    expect(det.detect(makeDoc(text, over), {})).toBeNull();
  });

  it("takes an explicit earlier year as the previous meeting (2022年度… in a 2023 material)", () => {
    const text = "2023年度民主生活会对照检查材料\n对2022年度民主生活会查摆问题的整改落实情况，班子逐项进行了梳理，18项措施已完成16项。";
    const doc = makeDoc(text, { title: "2023年度民主生活会对照检查材料" });
    const ev = det.detect(doc, {});
    expect(ev?.span && text.slice(ev.span[0], ev.span[1])).toContain("2022年度民主生活会查摆问题的整改落实情况");
  });
});

describe("talks", () => {
  it("takes the sentence with the talks count as evidence in a team material", async () => {
    const { r, text } = await run(TEAM);
    expect(missing(r)).not.toContain("talks");
    expect(r.counts.some((c) => c.kind === "talks" && c.value === 26)).toBe(true);
    expect(evidenceText(r, "talks", text)).toBe("党组书记与班子成员之间、班子成员相互之间开展谈心谈话26人次。");
  });

  it("finds talks in the traditional-script corpus material (談心談話) and misses them in the personal ones", async () => {
    const trad = await analyzeFile(corpus("dev/democratic-life-traditional-objective-causes.txt"), { includeText: true });
    expect(missing(trad)).not.toContain("talks");
    const text = (trad as AnalysisResult & { text: { content?: string } }).text.content ?? "";
    expect(evidenceText(trad, "talks", text)).toContain("谈心谈话");
    for (const f of ["dev/democratic-life-personal-no-solicitation.txt", "holdout/dl-school-personal-traditional.txt", "web/web-wenku-copy.txt"]) {
      expect(missing(await analyzeFile(corpus(f))), f).toContain("talks");
    }
  });

  it("finds talks in a personal material, spun or traditional", async () => {
    const personal = `2023年度民主生活会个人发言提纲
会前，本人与分管科室负责同志逐一谈心，听取意见建议。
一、存在的问题
一是学习不够深入。二是调研不够经常。`;
    expect(missing((await run(personal)).r)).not.toContain("talks");
    const trad = `2023年度組織生活會個人對照檢查材料
會前，本人與支部委員交心談心，聽取了大家的意見。
一、存在的問題
一是學習不夠深入。二是服務意識不強。`;
    const t = await run(trad);
    expect(t.r.text.script).toBe("traditional");
    expect(missing(t.r)).not.toContain("talks");
  });

  const det = DETECTORS.get("talks")!;
  it.each([
    ["a promise", "会前将开展谈心谈话，广泛听取意见。"],
    ["a problem item", "提醒谈话开展得不经常，谈心谈话流于形式。"],
    ["other talks", "对新任干部进行了任前廉政谈话。"],
  ])("finds nothing in %s", (what, text) => {
    const over = what === "a problem item" ? { problems: [{ text, span: [0, text.length] as [number, number], section: null }] } : {};
    expect(det.detect(makeDoc(text, over), {})).toBeNull();
  });
});

it("the built-in democratic-life checklist carries both elements as warnings, and checklist list shows them", () => {
  const dl = loadChecklists().get("democratic-life")!;
  for (const id of ["previous.rectification", "talks"]) expect(dl.rules.find((x) => x.id === id)?.severity).toBe("warning");
  const listed = listChecklists().find((c) => c.id === "democratic-life")!;
  expect(listed.rules.map((x) => x.id)).toEqual(expect.arrayContaining(["previous.rectification", "talks"]));
  expect([ruleLabel("previous.rectification"), ruleLabel("talks")]).toEqual(["上年度整改落实", "谈心谈话"]);
});
