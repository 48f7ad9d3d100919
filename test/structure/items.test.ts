import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EnumItem, Span } from "../../src/model/document.js";
import { detectHeadings } from "../../src/structure/headings.js";
import { buildItems, findMarkers, topSeries } from "../../src/structure/items.js";
import { buildTree } from "../../src/structure/tree.js";
import { buildUnits } from "../../src/structure/units.js";
import { docFrom } from "../helpers/layout.js";

function items(text: string, titleSpan: Span | null = [0, text.indexOf("\n")]): EnumItem[] {
  const units = buildUnits(docFrom(text));
  const { roots, placed } = buildTree(detectHeadings(units, { titleSpan }), text.length);
  return buildItems(units, placed, roots);
}

const top = (list: EnumItem[]) => list.filter((i) => i.depth === 0);
const corpus = (name: string) => readFileSync(new URL(`../../corpora/dev/${name}`, import.meta.url), "utf8");

describe("inline series", () => {
  it("splits 一是…二是…三是 at the markers and drops the lead-in", () => {
    const text = [
      "标题",
      "（二）问题产生的原因",
      "对照群众意见，深挖思想根源，产生上述问题的原因主要有三个方面：一是理论学习不够深入，运用科学发展观指导实践的能力不强。班子成员学习上存在“以干代学”的倾向。二是宗旨意识有所淡化，服务意识不够强。有的同志把主要精力放在项目建设上。三是客观条件制约较多。县级财力有限，交通建设资金缺口大。",
    ].join("\n");
    const got = top(items(text));
    expect(got.map((i) => [i.marker, i.text, i.origin, i.section])).toEqual([
      ["一是", "理论学习不够深入，运用科学发展观指导实践的能力不强。班子成员学习上存在“以干代学”的倾向。", "inline", "s1"],
      ["二是", "宗旨意识有所淡化，服务意识不够强。有的同志把主要精力放在项目建设上。", "inline", "s1"],
      ["三是", "客观条件制约较多。县级财力有限，交通建设资金缺口大。", "inline", "s1"],
    ]);
    for (const i of got) expect(text.slice(...i.span)).toBe(i.text);
  });

  it("splits 首先/其次/最后 and keeps the clause before 首先 out", () => {
    const text = [
      "标题",
      "三、产生问题的原因剖析",
      "对照上述问题，本人进行了认真反思，但根子在思想、在党性。首先，理论学习的自觉性不强。没有把理论学习摆在应有的位置。其次，担当作为的精神有所减退。遇到矛盾有时绕着走。最后，党性修养有所放松。对自己要求不够严格。",
    ].join("\n");
    expect(top(items(text)).map((i) => i.text)).toEqual([
      "理论学习的自觉性不强。没有把理论学习摆在应有的位置。",
      "担当作为的精神有所减退。遇到矛盾有时绕着走。",
      "党性修养有所放松。对自己要求不够严格。",
    ]);
  });

  it("keeps a second 一是…三是 run nested inside 四是 (seed, section 五)", () => {
    const text = [
      "标题",
      "五、深化推动,认真做好整改落实阶段工作",
      "第三阶段,我们将重点作好以下工作: 一是连续加强学习。重点学习有关论述。 二是制定整改落实方案。方案要明确时限要求。 三是解决突出问题。全力推开工业园区健康可持续进展。 四是完善制度机制。乐观推动体制机制创新和制度建设。一是完善推动科学进展的决策机制。二是健全目标责任考核机制。三是建立重大项目推动机制。对不符合科学进展的规章制度,准时清理废止。",
    ].join("\n");
    const got = items(text);
    expect(top(got).map((i) => i.marker)).toEqual(["一是", "二是", "三是", "四是"]);
    expect(top(got)[3]!.text).toBe("完善制度机制。乐观推动体制机制创新和制度建设。一是完善推动科学进展的决策机制。二是健全目标责任考核机制。三是建立重大项目推动机制。对不符合科学进展的规章制度,准时清理废止。");
    expect(got.filter((i) => i.depth === 1).map((i) => i.marker)).toEqual(["一是", "二是", "三是"]);
  });

  it("splits inline 1. 2. after a colon or semicolon but not inside a number", () => {
    const occ = findMarkers("主要措施：1.完善制度，投入18.6亿元；2.加强督查。");
    expect(topSeries(occ).map((o) => o.marker)).toEqual(["1.", "2."]);
  });

  it("splits inline 其一…其二… and (1)(2) points", () => {
    expect(topSeries(findMarkers("原因有二：其一，思想认识不到位；其二，制度执行不严格。")).map((o) => o.marker)).toEqual(["其一，", "其二，"]);
    expect(topSeries(findMarkers("具体包括：（1）建立台账；（2）定期通报；（3）严格考核。")).map((o) => o.ordinal)).toEqual([1, 2, 3]);
  });

  it("continues an inline run into the next paragraph that starts with the next ordinal", () => {
    const text = [
      "标题",
      "二、原因分析",
      "主要原因有：一是思想认识不到位。对整改工作的重要性认识不足。二是制度执行不严格。",
      "三是监督检查不经常。日常监督流于形式，发现问题不及时。",
      "这些问题必须认真加以解决。",
    ].join("\n");
    expect(top(items(text)).map((i) => [i.marker, i.text])).toEqual([
      ["一是", "思想认识不到位。对整改工作的重要性认识不足。"],
      ["二是", "制度执行不严格。"],
      ["三是", "监督检查不经常。日常监督流于形式，发现问题不及时。"],
    ]);
  });

  it("opens a run at 一是 after a PDF lost the 。 before it", () => {
    const occ = findMarkers("通过多种渠道广泛听取各方面意见一是发放征求意见表。二是召开座谈会。");
    expect(topSeries(occ).map((o) => o.marker)).toEqual(["一是", "二是"]);
  });

  it("ignores 一是 glued to a word and a lone 一是 without a second point", () => {
    expect(topSeries(findMarkers("统一是前提，唯一是目标。"))).toEqual([]);
    expect(topSeries(findMarkers("我们的做法，一是加强学习。"))).toEqual([]);
  });
});

describe("paragraph series", () => {
  it("takes each 一是 paragraph under a category sub-heading as one item", () => {
    const text = [
      "标题",
      "一、存在的主要问题",
      "（一）在理论学习和政治能力方面",
      "一是理论学习的系统性不够。班子集中学习多以传达文件、领读原文为主，研讨交流有时流于形式。",
      "二是运用理论指导实践的能力不强。面对老旧小区改造等新任务，班子习惯于按老经验开展工作。",
    ].join("\n");
    const got = top(items(text));
    expect(got.map((i) => [i.text.slice(0, 8), i.section, i.origin])).toEqual([
      ["理论学习的系统性", "s1.1", "paragraph"],
      ["运用理论指导实践", "s1.1", "paragraph"],
    ]);
  });

  it("takes typed 1. paragraphs and ① paragraphs as items, and skips table rows", () => {
    const text = [
      "标题",
      "二、审计发现的主要问题",
      "1.部分招商引资优惠政策兑现不规范。向3家企业兑现的奖补资金未严格考核，涉及资金486万元。",
      "2.专项资金拨付不及时。补助资金320万元滞留区财政局8个月。",
      "序号\t存在问题\t整改措施",
      "一\t落实教育优先发展战略不够有力\t1.编制全区中小学布局规划； 2.深化集团化办学改革。",
      "三、整改措施",
      "①提升组织生活质量。严格落实“三会一课”制度。",
      "②加强党员队伍建设。建立青年党员“一对一”帮带机制。",
    ].join("\n");
    const got = top(items(text));
    expect(got.map((i) => [i.marker, i.section])).toEqual([
      ["1.", "s1"],
      ["2.", "s1"],
      ["①", "s2"],
      ["②", "s2"],
    ]);
  });
});

describe("sub-headings as items", () => {
  it("joins a standalone sub-heading and its paragraph with a line break", () => {
    const text = [
      "标题",
      "三、存在的突出问题",
      "（一）发展思路不够开阔",
      "习惯于按照传统模式办企业，满足于保障现有区域供水，缺乏前瞻性的谋划。",
      "（二）供水安全保障能力不强",
      "水源结构单一，应急备用水源尚未建成，应对突发事件的能力有待提高。",
      "下一步，集团党委将抓紧制定整改落实方案。",
    ].join("\n");
    const got = top(items(text));
    expect(got.map((i) => [i.text, i.origin, i.section])).toEqual([
      ["发展思路不够开阔\n习惯于按照传统模式办企业，满足于保障现有区域供水，缺乏前瞻性的谋划。", "subheading", "s1.1"],
      ["供水安全保障能力不强\n水源结构单一，应急备用水源尚未建成，应对突发事件的能力有待提高。", "subheading", "s1.2"],
    ]);
  });

  it("keeps every paragraph of a sub-heading followed by a sibling, and only the first after the last one", () => {
    const text = [
      "标题",
      "二、存在的主要问题",
      "（一）理论学习不够深入",
      "班子成员学习时间不够集中，学用结合不够紧密。",
      "部分同志满足于读原文、记笔记，学习效果不明显。",
      "（二）服务群众不够到位",
      "深入林区一线调研不够，对林农的实际困难了解不深。",
      "上述问题，班子将认真加以整改。",
    ].join("\n");
    expect(top(items(text)).map((i) => i.text)).toEqual([
      "理论学习不够深入\n班子成员学习时间不够集中，学用结合不够紧密。\n部分同志满足于读原文、记笔记，学习效果不明显。",
      "服务群众不够到位\n深入林区一线调研不够，对林农的实际困难了解不深。",
    ]);
  });

  it("makes a run-in （一） paragraph one item with its ①② points inside", () => {
    const text = [
      "标题",
      "三、整改措施",
      "（一）持续强化理论武装。坚持中心组学习制度，并着力抓好两项工作：①班子成员每年到所联系社区讲党课不少于一次；②每季度开展一次专题调研。",
      "（二）勇于担当破解难题。实行班子成员领衔、专班推进，2024年6月底前完成农贸市场改造。",
    ].join("\n");
    const got = items(text);
    expect(top(got).map((i) => i.text)).toEqual([
      "持续强化理论武装。坚持中心组学习制度，并着力抓好两项工作：①班子成员每年到所联系社区讲党课不少于一次；②每季度开展一次专题调研。",
      "勇于担当破解难题。实行班子成员领衔、专班推进，2024年6月底前完成农贸市场改造。",
    ]);
    expect(got.filter((i) => i.depth === 1).map((i) => [i.marker, i.section])).toEqual([
      ["①", "s1.1"],
      ["②", "s1.1"],
    ]);
  });

  it("takes the 一是 points of a lost-bracket run-in heading, not the whole paragraph (seed)", () => {
    const got = top(items(corpus("000_1da3db3453a4fc7f.txt"), null));
    const problems = got.filter((i) => i.section === "s3.1").map((i) => i.text);
    expect(problems).toEqual(["进展的步伐与形势的要求还有确定差距。", "进展的质量和效益还有待于提高。", "经济建设与社会进展不够协调。", "体制机制尚未理顺。"]);
    const causes = got.filter((i) => i.section === "s3.2");
    expect(causes).toHaveLength(4);
    expect(causes[3]!.text.endsWith("机关作风、纪律还有待于进一步加强。")).toBe(true);
  });
});

describe("a whole real document", () => {
  it("gives the gold problems, causes and measures of the GB/T 9704 report", () => {
    const text = corpus("analysis-check-gbt9704-complete.txt");
    const gold = JSON.parse(corpus("analysis-check-gbt9704-complete.gold.json")) as { problems: string[]; causes: string[]; measures: string[] };
    const got = top(items(text));
    const of = (...ids: string[]) => got.filter((i) => ids.includes(i.section ?? "")).map((i) => i.text);
    expect(of("s4.1")).toEqual(gold.problems);
    expect(of("s4.2")).toEqual(gold.causes);
    expect(of("s4.3", "s6")).toEqual(gold.measures);
  });
});

describe("points in a top-level run-in lead and paired series", () => {
  it("splits （1）…；（2）…；（3） inside a run-in 一、 lead", () => {
    const text = [
      "某街道党工委年度工作总结",
      "一、主要工作：今年以来，街道党工委围绕中心工作，扎实推进各项任务落地见效，全年经济运行总体平稳。",
      "二、存在问题：（1）基层党组织建设还不够均衡，个别社区活动开展较少；（2）干部队伍年龄结构偏大，年轻干部储备不足；（3）为民服务的精细化程度不高，群众诉求回应不够及时。",
    ].join("\n");
    const got = top(items(text)).filter((i) => i.section === "s2");
    expect(got.map((i) => [i.marker, i.text])).toEqual([
      ["（1）", "基层党组织建设还不够均衡，个别社区活动开展较少；"],
      ["（2）", "干部队伍年龄结构偏大，年轻干部储备不足；"],
      ["（3）", "为民服务的精细化程度不高，群众诉求回应不够及时。"],
    ]);
  });

  it("splits ①…②… inside a run-in 一、 lead", () => {
    const text = [
      "某局领导班子对照检查材料",
      "一、整改措施：①健全理论学习制度，每季度开展一次专题研讨；②完善联系群众机制，班子成员每月到基层调研不少于两天。",
      "二、其他事项：本材料经班子集体讨论通过，报上级党组织审阅后在一定范围内公开。",
    ].join("\n");
    const got = top(items(text)).filter((i) => i.section === "s1");
    expect(got.map((i) => i.marker)).toEqual(["①", "②"]);
  });

  it("keeps ①② nested inside a run-in （一） sub-heading item", () => {
    const text = [
      "某局领导班子对照检查材料",
      "三、整改措施",
      "（一）强化理论武装。①健全学习制度，每季度开展一次专题研讨；②建立学习台账，年底进行考核。",
      "（二）密切联系群众。坚持每月到基层调研，帮助解决实际困难。",
    ].join("\n");
    const got = top(items(text));
    expect(got.map((i) => i.marker)).toEqual(["（一）", "（二）"]);
  });

  it("makes a two-item series of 一方面…另一方面… inline and as paragraphs", () => {
    const inline = [
      "某单位分析检查报告",
      "一、问题产生的原因",
      "深入剖析，原因主要有两点：一方面，理论学习抓得不紧，对新思想的理解停留在表面；另一方面，制度执行不够严格，监督检查流于形式。",
    ].join("\n");
    expect(top(items(inline)).map((i) => [i.marker.replace(/[，,]$/, ""), i.text])).toEqual([
      ["一方面", "理论学习抓得不紧，对新思想的理解停留在表面；"],
      ["另一方面", "制度执行不够严格，监督检查流于形式。"],
    ]);
    const paragraphs = [
      "某单位分析检查报告",
      "一、问题产生的原因",
      "其一，理论学习抓得不紧，对新思想的理解停留在表面，学用结合不够。",
      "其二，制度执行不够严格，监督检查流于形式，问责力度偏弱。",
    ].join("\n");
    expect(top(items(paragraphs)).map((i) => i.text)).toEqual([
      "理论学习抓得不紧，对新思想的理解停留在表面，学用结合不够。",
      "制度执行不够严格，监督检查流于形式，问责力度偏弱。",
    ]);
    const fangParagraphs = [
      "某单位分析检查报告",
      "一、问题产生的原因",
      "一方面，理论学习抓得不紧，对新思想的理解停留在表面，学用结合不够。",
      "另一方面，制度执行不够严格，监督检查流于形式，问责力度偏弱。",
    ].join("\n");
    expect(top(items(fangParagraphs)).map((i) => i.text)).toEqual([
      "理论学习抓得不紧，对新思想的理解停留在表面，学用结合不够。",
      "制度执行不够严格，监督检查流于形式，问责力度偏弱。",
    ]);
  });
});
