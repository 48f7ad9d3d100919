import { describe, expect, it } from "vitest";
import { computeFingerprint, findSimilar, type SimilarityDoc } from "../../src/similar/index.js";
import { foldClause, splitClauses } from "../../src/similar/fingerprint.js";
import { withSimilar } from "../../src/similar/apply.js";
import { CopyClusterBuilder } from "../../src/similar/clusters.js";
import type { AnalysisResult } from "../../src/model/document.js";

// Paragraphs written for these tests (a township's rectification report and an unrelated bureau's).
const SOURCE = [
  "石桥镇党委关于巡察反馈问题整改情况的报告",
  "按照上级党委统一部署，现将有关情况报告如下。",
  "一、农村集体资金管理不规范。部分村级组织未严格执行村账镇管制度，白条入账现象时有发生，三个村的集体资产台账与实物不符。",
  "整改中，镇党委组织经管站对全镇十八个村的集体资金逐笔清查，追回违规支出十二万元，重新建立了集体资产台账并每季度公示一次。",
  "二、基层党组织生活不严肃。个别支部三会一课流于形式，组织生活会批评意见辣味不足，党员积分管理停留在纸面。",
  "镇党委对全镇支部书记开展了集中轮训，推行组织生活会镇领导列席制度，将党员积分与评先评优挂钩，问题支部已全部完成整顿。",
  "三、项目建设监管存在漏洞。污水管网工程监理记录不全，变更签证未经集体研究，工程款拨付进度与实际进度脱节。",
  "针对上述问题，镇里委托第三方对在建项目开展全面审计，完善了项目变更集体决策程序，对两名失职人员进行了诫勉谈话。",
  "四、为民办事效率不高。便民服务中心窗口设置不合理，群众办理宅基地审批需往返多次，部分诉求答复不及时。",
  "我们整合了便民服务中心窗口，推行一窗受理和限时办结，宅基地审批时限由四十天压缩到十五天，群众诉求实行台账销号管理。",
  "以上报告，如有不当之处，请批评指正。",
];
const UNRELATED = [
  "河湾区农业农村局党组关于巡察反馈问题整改情况的报告",
  "按照上级党委统一部署，现将有关情况报告如下。",
  "一、惠农补贴发放把关不严。耕地地力保护补贴核实面积依赖村组上报，抽查比例偏低，个别农户重复申领未被及时发现。",
  "局党组建立了补贴面积卫星遥感比对机制，抽查比例提高到百分之十，重复申领的资金已全部追回并通报。",
  "二、农产品质量安全监管薄弱。乡镇监管站检测设备老化，快检覆盖面不足，合作社生产记录普遍不完整。",
  "我们更新了全部乡镇监管站的检测设备，把快检覆盖到所有规模合作社，并为每家合作社建立了电子生产档案。",
  "以上报告，如有不当之处，请批评指正。",
];

const doc = (path: string, paras: string[], extra: Partial<SimilarityDoc> = {}): SimilarityDoc & { text: string } => {
  const text = paras.join("\n");
  return { path, title: paras[0]!, sha256: path, fingerprint: computeFingerprint(text), text, ...extra };
};

describe("fingerprint", () => {
  it("folds punctuation away and every number to one sign, so changed dates and figures still match", () => {
    expect(foldClause("2023年11月召开座谈会5次").folded).toBe(foldClause("2024年3月召开座谈会八次").folded);
    expect(foldClause("2023年11月召开座谈会5次").exact).not.toBe(foldClause("2024年3月召开座谈会八次").exact);
    expect(foldClause("“作风”问题， ").folded).toBe("作风问题");
    expect(foldClause("“四风”问题").folded).toBe("#风问题");
  });

  it("restores spun words before hashing, whatever the document's own spin decision", () => {
    const [a] = splitClauses("深入分析缘由");
    const [b] = splitClauses("深入分析原因");
    expect(a!.folded).toBe(b!.folded);
  });

  it("keeps each clause's span into the text it was given", () => {
    const text = SOURCE.join("\n");
    for (const c of splitClauses(text)) {
      const slice = text.slice(c.span[0], c.span[1]);
      expect(slice.trim()).toBe(slice);
      expect(foldClause(slice).folded).toBe(c.folded);
    }
  });
});

describe("findSimilar", () => {
  // A copy: four paragraphs of the source in another order, the town renamed, one figure changed, and its own ending.
  const copyParas = [
    "柳湾镇党委关于巡察反馈问题整改情况的报告",
    SOURCE[6]!,
    SOURCE[7]!.replace("两名", "三名"),
    SOURCE[2]!.replace("石桥镇", "柳湾镇"),
    SOURCE[3]!,
    "下一步，镇党委将把巡察整改与乡村振兴结合起来，持续巩固整改成果，防止问题反弹。",
  ];

  it("finds the passages a copy shares with its source, with spans in both, and an asymmetric containment", () => {
    const src = doc("a/source.txt", SOURCE);
    const copy = doc("b/copy.txt", copyParas);
    const [forSrc, forCopy] = findSimilar([src, copy]);
    expect(forCopy).toHaveLength(1);
    const e = forCopy![0]!;
    expect(e.path).toBe("a/source.txt");
    expect(e.sameDocument).toBe(false);
    expect(e.containment).toBeGreaterThan(0.6);
    expect(forSrc![0]!.containment).toBeLessThan(e.containment);
    // Each passage is real shared text: the same folded content on both sides.
    for (const p of e.passages) {
      const here = copy.text.slice(p.span[0], p.span[1]);
      const there = src.text.slice(p.otherSpan[0], p.otherSpan[1]);
      expect(here.length).toBeGreaterThan(10);
      expect(foldClause(there).folded).toContain(foldClause(here).folded.slice(0, 10));
    }
    // Both sides list the pair's passages in one order: passage k here is passage k there.
    expect(forSrc![0]!.passages.map((p) => [p.otherSpan, p.span])).toEqual(e.passages.map((p) => [p.span, p.otherSpan]));
    // The copy's own closing paragraph lies in no passage.
    const ownAt = copy.text.indexOf("下一步");
    expect(e.passages.every((p) => p.span[1] <= ownAt)).toBe(true);
  });

  it("does not pair two unrelated reports of one type that share only stock phrasing", () => {
    const [a, b] = findSimilar([doc("a.txt", SOURCE), doc("b.txt", UNRELATED)]);
    expect(a).toEqual([]);
    expect(b).toEqual([]);
  });

  it("calls renderings of one document sameDocument, but not last year's report with the dates changed", () => {
    const docx = doc("r/report.docx", SOURCE);
    const pdf = doc("r/report.pdf", SOURCE);
    const lastYear = doc("old/report-2022.txt", SOURCE.map((p) => p.replace("十八个村", "十七个村").replace("十二万元", "九万元")));
    const [forDocx] = findSimilar([docx, pdf, lastYear]);
    const byPath = new Map(forDocx!.map((e) => [e.path, e]));
    expect(byPath.get("r/report.pdf")!.sameDocument).toBe(true);
    expect(byPath.get("old/report-2022.txt")!.sameDocument).toBe(false);
    expect(byPath.get("old/report-2022.txt")!.containment).toBeGreaterThan(0.9);
  });

  it("compares with reference documents but never reports them, nor pairs two of them", () => {
    const ref1 = doc("ref/template.txt", SOURCE, { reference: true });
    const ref2 = doc("ref/template-copy.txt", SOURCE, { reference: true, sha256: "other" });
    const copy = doc("batch/copy.txt", copyParas);
    const [r1, r2, c] = findSimilar([ref1, ref2, copy]);
    expect(r1).toEqual([]);
    expect(r2).toEqual([]);
    expect(c!.map((e) => e.path).sort()).toEqual(["ref/template-copy.txt", "ref/template.txt"]);
    expect(c!.every((e) => e.reference === true)).toBe(true);
  });

  it("turns a share over the threshold into a quality.copied-text warning naming the other document", () => {
    const [, forCopy] = findSimilar([doc("a/source.txt", SOURCE), doc("b/copy.txt", copyParas)]);
    const result = {
      status: "ok",
      source: { path: "b/copy.txt" },
      checklist: { id: "rectification", passed: true, findings: [] },
      warnings: [],
    } as unknown as AnalysisResult;
    const out = withSimilar(result, forCopy, 0.3);
    expect(out.similar).toBe(forCopy);
    const f = out.checklist!.findings.find((x) => x.ruleId === "quality.copied-text")!;
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("a/source.txt");
    expect(f.related!.passages.length).toBeGreaterThan(0);
    expect(f.span).toEqual(expect.any(Array));
    expect(out.checklist!.passed).toBe(true);
    // Above every share: nothing flagged, `similar` still there.
    const none = withSimilar(result, forCopy, 0.99);
    expect(none.checklist!.findings).toEqual([]);
    expect(none.similar).toHaveLength(1);
  });
});

describe("copy clusters", () => {
  it("joins documents linked by a copy over the threshold, leaving out renderings and small shares", () => {
    const b = new CopyClusterBuilder(0.3);
    const e = (path: string, containment: number, sameDocument = false) => ({ path, containment, sharedChars: 100, sameDocument, passages: [] });
    b.add("a", [e("b", 0.5), e("a.pdf", 1, true)]);
    b.add("b", [e("c", 0.35), e("d", 0.1)]);
    b.add("x", [e("y", 0.8)]);
    const clusters = b.result();
    expect(clusters.map((c) => c.documents)).toEqual([["a", "b", "c"], ["x", "y"]]);
    expect(clusters[0]!.maxContainment).toBe(0.5);
  });
});
