import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BlockHint, Span } from "../../src/model/document.js";
import { detectHeadings } from "../../src/structure/headings.js";
import { buildUnits } from "../../src/structure/units.js";
import { docFrom } from "../helpers/layout.js";

function headings(text: string, titleLine = true, hints: Record<number, Partial<BlockHint>> = {}) {
  const doc = docFrom(text, hints);
  const first = text.indexOf("\n");
  const titleSpan: Span | null = titleLine ? [0, first < 0 ? text.length : first] : null;
  return detectHeadings(buildUnits(doc), { titleSpan }).map((h) => ({ family: h.family, marker: h.marker, text: h.text, runIn: h.runIn }));
}

const corpus = (name: string) => readFileSync(new URL(`../../corpora/dev/${name}`, import.meta.url), "utf8");

describe("typed markers", () => {
  it("finds standalone 一、 and （一） lines and keeps the marker apart", () => {
    const text = [
      "青禾县交通运输局深入学习实践科学发展观活动分析检查阶段工作总结",
      "按照县委深入学习实践科学发展观活动领导小组的统一部署，我局于2009年10月12日转入分析检查阶段。",
      "四、深入剖析检查，认真撰写领导班子分析检查报告",
      "在广泛征求意见和开好民主生活会的基础上，局党组成立了由党组书记任组长的报告起草小组。",
      "（一）查摆的突出问题",
      "一是发展理念还不够新。对交通先行的战略地位认识不足，满足于完成上级下达的建设任务。",
    ].join("\n");
    expect(headings(text)).toEqual([
      { family: "cn-dun", marker: "四、", text: "深入剖析检查，认真撰写领导班子分析检查报告", runIn: false },
      { family: "cn-paren", marker: "（一）", text: "查摆的突出问题", runIn: false },
    ]);
  });

  it("takes a run-in （一） lead up to the first 。 as the heading text", () => {
    const text = [
      "中共云溪市生态环境局党组关于市委第三巡察组巡察反馈意见整改情况的报告",
      "一、整改工作开展情况",
      "（一）提高政治站位，扛牢整改责任。巡察反馈会后，局党组第一时间召开党组会议，专题研究部署整改工作，成立巡察整改工作领导小组。",
    ].join("\n");
    const h = headings(text);
    expect(h[1]).toEqual({ family: "cn-paren", marker: "（一）", text: "提高政治站位，扛牢整改责任", runIn: true });
  });

  it("treats run-in 1. paragraphs as items, not headings", () => {
    const text = [
      "标题",
      "（三）整改措施",
      "1.强化理论武装，提升科学发展能力。健全党组中心组学习制度，每月至少集中学习一次，每年组织一次专题研讨。由局党组书记陈立明负责，长期坚持。",
      "2.科学编制规划，完善县域路网。启动交通发展规划编制工作，重点解决县乡公路与周边县市对接问题。",
    ].join("\n");
    expect(headings(text).map((h) => h.marker)).toEqual(["（三）"]);
  });

  it("treats a short standalone 1. line followed by a paragraph as a heading", () => {
    const text = [
      "标题",
      "一、主要做法",
      "1.加强理论学习",
      "局党组坚持每月集中学习一次，围绕党的创新理论开展专题研讨，班子成员带头撰写学习体会并交流发言。",
      "2.改进工作作风",
      "班子成员每月到基层调研不少于三天，对群众反映的问题建立台账、跟踪办理，做到件件有回音。",
    ].join("\n");
    expect(headings(text).map((h) => [h.family, h.text])).toEqual([
      ["cn-dun", "主要做法"],
      ["ar-dot", "加强理论学习"],
      ["ar-dot", "改进工作作风"],
    ]);
  });

  it("takes 1. lines over （1） sub-heading lines as headings", () => {
    const text = [
      "标题",
      "四、整改措施",
      "1.加强理论学习",
      "（1）严格落实中心组学习制度",
      "每月集中学习一次，每季度开展一次专题研讨，班子成员每年撰写调研报告不少于一篇。",
      "（2）创新学习方式",
      "采取专题辅导、现场教学等方式，增强学习的吸引力和实效性。",
      "2.改进工作作风",
      "班子成员每月深入林区一线不少于3天，建立问题台账，限期办结。",
    ].join("\n");
    expect(headings(text).map((h) => h.marker)).toEqual(["四、", "1.", "（1）", "（2）", "2."]);
  });

  it("keeps a short last point of a 1. list an item when its siblings are items", () => {
    const text = corpus("work-summary-duty-report-no-next-steps.txt");
    expect(headings(text).map((h) => h.marker)).toEqual(["一、", "二、", "三、", "四、"]);
  });

  it("never makes the title a heading", () => {
    const text = ["1、2023年度工作总结", "一、主要工作", "全年完成各项目标任务，较好地完成了年初确定的工作目标和重点任务。"].join("\n");
    expect(headings(text).map((h) => h.text)).toEqual(["主要工作"]);
  });
});

describe("scraped copies", () => {
  // The seed, page markers already removed by normalize, paragraphs separated by spaces.
  const seed = [
    "2023年工业园区党工委科学进展观分析检查总结 依据?市深化学习实践科学进展观活动方案?的要求,我委连续推动深化学习实践科学进展观活动。现将分析检查阶段工作总结如下: 一、坚持学习,深化贯彻总书记重要讲话精神 坚持以“弘扬精神,推动科学进展,建设和谐新区为载体,在第一阶段学习调研的根底上",
    ",组织宽敞干部党员连续深化学习有关科学进展观的重要论述、党的十九大报告、党的十九届六中全会精神,深化学习贯彻总书记在安塞县视察调研时的重要讲话。以总书记的重要讲话为开展学习实践科学进展观活动的强大思想武器和精神动力。 三、深化剖析,认真",
    "撰写分析检查报告 分析检查报告在学习调研的根底上,回忆了十六大以来特殊是今年以来贯彻落实科学进展观状况,最终得以完善。 一实事求是查找问题。分析检查报告系统全面地介绍了工业园区的状况。一是进展的步伐与形势的要求还有确定差距。二是进展的质量和效益还有待于提高。 二深化具体分析",
    "缘由。针对查找到的问题,党工委、管委会领导班子经过细致认真地分析认为,消逝这些问题的主要缘由是:一是土地紧缺已成为制约工业园区进展的瓶颈。二是入区项目土地利用效率不够高。 三争辩制定整改措施。针对园区工作中存在的突出问题,党工委提出要解决以上问题,必需从以下几个方面着手:一是深化学习科学进展观。二是结合实际深化贯彻落实科学进展观。",
  ].join("\n");

  it("finds mid-line headings after a space and joins a heading broken by a page break", () => {
    const h = headings(seed, false);
    expect(h.filter((x) => x.family === "cn-dun").map((x) => x.text)).toEqual(["坚持学习,深化贯彻总书记重要讲话精神", "深化剖析,认真撰写分析检查报告"]);
  });

  it("recognises a run 一X 二X 三X of lost-bracket sub-headings by their sequence", () => {
    const h = headings(seed, false).filter((x) => x.family === "cn-paren");
    expect(h.map((x) => [x.marker, x.text, x.runIn])).toEqual([
      ["一", "实事求是查找问题", true],
      ["二", "深化具体分析缘由", true],
      ["三", "争辩制定整改措施", true],
    ]);
  });

  it("does not split a paged line at a space inside a sentence", () => {
    const line = "分析检查阶段共召开各类座谈会七场,发放征求意见表 1200 余份,收集到意见建议六十余条。 从征求到的意见看,群众反映比较集中的是产业进展、道路交通、农田水利和干部作风等方面的问题,镇党委对收集到的意见建议进行了认真梳理。 二、坦诚相见,开好领导班子专题民主生活会 4月21日,镇党委召开了专题民主生活会。";
    const units = buildUnits(docFrom(line));
    expect(units.map((u) => u.text.slice(0, 6))).toEqual(["分析检查阶段", "从征求到的意", "二、坦诚相见", "4月21日,"]);
  });

  it("does not take a lone bare numeral lead as a heading", () => {
    const text = ["标题", "一、总体情况", "一批重点项目顺利推进。全年新开工项目12个，竣工项目8个，完成投资9.2亿元。", "三年来累计投入资金2.1亿元。群众满意度持续提升。"].join("\n");
    expect(headings(text).map((x) => x.family)).toEqual(["cn-dun"]);
  });

  it("reads the real seed file without taking page markers for headings", () => {
    const h = headings(corpus("000_1da3db3453a4fc7f.txt"), false);
    expect(h.map((x) => x.marker)).toEqual(["一、", "二、", "三、", "一", "二", "三", "四、", "五、"]);
  });
});

describe("headings without marker text", () => {
  it("detects unmarked standalone lines and 一是 leads that open blocks of items (style-headings TXT)", () => {
    const h = headings(corpus("analysis-check-style-headings-bold-leads.txt"));
    expect(h.map((x) => [x.family, x.text])).toEqual([
      ["unmarked", "深化学习调研，夯实思想基础"],
      ["unmarked", "广泛征求意见，找准突出问题"],
      ["unmarked", "深入剖析检查，形成分析检查报告"],
      ["shi-lead", "查找问题力求准"],
      ["shi-lead", "剖析原因力求深"],
      ["shi-lead", "制定措施力求实"],
      ["unmarked", "开展群众评议，接受群众检验"],
      ["unmarked", "下一步工作安排"],
    ]);
  });

  it("leaves 一是 paragraphs that follow each other as items", () => {
    const h = headings(corpus("analysis-check-gbt9704-complete.txt"));
    expect(h.some((x) => x.family === "shi-lead")).toBe(false);
    expect(h).toHaveLength(9);
  });

  it("takes a Word heading style as a heading even without a marker", () => {
    const text = ["某医院分析检查阶段总结", "按照统一部署，我院深入学习实践科学发展观活动进入分析检查阶段，现总结如下。", "深化学习调研", "院党委把学习贯穿分析检查阶段的始终，组织院领导班子成员和中层干部参加读书班。"].join("\n");
    const h = headings(text, true, { 2: { styleLevel: 1, styleName: "heading 1" } });
    expect(h).toEqual([{ family: "style-1", marker: "", text: "深化学习调研", runIn: false }]);
  });

  it("does not take a caption above a table for a heading", () => {
    const text = [
      "某局关于巡察反馈意见整改情况的报告",
      "按照市委巡察组的反馈意见，局党组逐条梳理问题，制定整改措施，现将有关情况报告如下。",
      "整改工作开展情况",
      "局党组第一时间召开党组会议，专题研究部署整改工作，成立整改工作领导小组，明确责任分工。",
      "整改任务清单",
      "序号\t反馈问题\t整改措施",
      "1\t学习不够深入\t修订学习制度",
      "对已完成的整改事项，坚持对账销号，逐项验收，防止反弹回潮，巩固整改成果，建立长效机制。",
      "下一步工作打算",
      "局党组将持续用力抓好整改，对未完成事项实行挂图作战，确保按期全部完成整改任务。",
    ].join("\n");
    expect(headings(text).map((h) => h.text)).toEqual(["整改工作开展情况", "下一步工作打算"]);
  });

  it("does not take signature and date lines for headings", () => {
    const h = headings(corpus("analysis-check-autonumbered-headings.txt"));
    expect(h.map((x) => x.text)).not.toContain("中共澜江市供水集团有限公司委员会");
    expect(h).toHaveLength(13);
  });
});

describe("held-out root causes", () => {
  it("keeps standalone 1. headings when a sibling is followed straight by points of another family", () => {
    const text = [
      "某镇2024年上半年工作总结",
      "1.上半年工作开展情况",
      "上半年，镇党委围绕年度目标任务，统筹推进产业发展、乡村治理和民生保障，各项工作取得阶段性成效。",
      "（1）产业发展稳中有进",
      "新引进农产品加工企业两家，特色种植面积扩大到三千亩，带动农户增收明显。",
      "2.存在的主要问题",
      "一是产业链条较短，农产品附加值不高，市场竞争力偏弱。",
      "二是基层治理力量不足，网格员队伍流动性较大。",
      "3.下半年工作打算",
      "①加快推进产业园区二期建设，力争年底前投入使用。",
      "②健全网格化管理机制，稳定网格员队伍。",
    ].join("\n");
    const h = headings(text);
    expect(h.filter((x) => x.family === "ar-dot").map((x) => x.text)).toEqual(["上半年工作开展情况", "存在的主要问题", "下半年工作打算"]);
    expect(h.map((x) => x.family)).toEqual(["ar-dot", "ar-paren", "ar-dot", "ar-dot"]);
  });
});

describe("a heading wrapped over two lines", () => {
  const texts = (text: string, wrapsLines?: boolean) => {
    const doc = docFrom(text);
    return detectHeadings(buildUnits(doc), { titleSpan: [0, text.indexOf("\n")], wrapsLines }).map((h) => h.text);
  };

  it("does not swallow a label line such as 整改情况：", () => {
    const text = [
      "某局党组关于巡察反馈意见整改情况的报告",
      "（一）关于班子成员理论学习不够深入系统的问题",
      "整改情况：",
      "局党组修订中心组学习制度，全年开展集中学习十二次，班子成员撰写心得体会并在支部交流。",
    ].join("\n");
    expect(texts(text)).toEqual(["关于班子成员理论学习不够深入系统的问题"]);
  });

  it("joins a wrapped tail in PDF text but not in a DOCX, whose paragraphs are whole", () => {
    const text = [
      "某县交通运输局分析检查阶段工作总结",
      "四、深入剖析检查查摆问题，认真撰写",
      "领导班子分析检查报告",
      "在广泛征求意见和开好民主生活会的基础上，局党组成立了由党组书记任组长的报告起草小组，反复修改形成报告。",
    ].join("\n");
    expect(texts(text)).toEqual(["深入剖析检查查摆问题，认真撰写领导班子分析检查报告"]);
    expect(texts(text, false)).toEqual(["深入剖析检查查摆问题，认真撰写"]);
  });
});

describe("unmarked label lines ending in a colon", () => {
  it("takes short 主要工作成效： / 存在的问题： / 明年工作打算： lines as headings", () => {
    const text = [
      "某社区居委会2024年度工作总结",
      "今年以来，社区居委会在街道党工委的领导下，围绕年初确定的目标任务，扎实做好各项工作。",
      "主要工作成效：",
      "全年组织开展邻里互助活动二十余场，新建居民议事厅一处，辖区环境卫生明显改善。",
      "存在的问题：",
      "1.社区工作者人手紧张，部分网格长期由兼职人员负责，服务质量难以保证。",
      "2.居民参与社区事务的积极性不高，志愿者队伍以退休人员为主。",
      "明年工作打算：",
      "继续完善网格化服务机制，力争全年新增注册志愿者一百名，推动社区治理水平再上台阶。",
    ].join("\n");
    expect(headings(text).map((x) => [x.family, x.text])).toEqual([
      ["unmarked", "主要工作成效"],
      ["unmarked", "存在的问题"],
      ["unmarked", "明年工作打算"],
    ]);
  });

  it("takes a single label line only when it names a section type, and never a lead-in", () => {
    const one = [
      "某站2024年度工作总结",
      "今年以来，全站干部职工克服人员少、任务重的困难，较好地完成了年度各项工作目标任务。",
      "存在的问题：",
      "一是业务培训不够系统，新进人员上手较慢；二是设备老化，维修经费紧张。",
    ].join("\n");
    expect(headings(one).map((x) => x.text)).toEqual(["存在的问题"]);
    const leadIn = [
      "某站2024年度工作总结",
      "今年以来，全站干部职工克服人员少、任务重的困难，较好地完成了年度各项工作目标任务。",
      "现将有关情况报告如下：",
      "全年完成水质监测四百余批次，出具检测报告全部按时送达，未发生质量责任事故。",
    ].join("\n");
    expect(headings(leadIn)).toEqual([]);
    const field = [
      "某局整改情况报告",
      "针对巡察反馈的问题，局党组逐条研究，制定整改方案，明确责任和时限，现将整改情况报告如下。",
      "问题一：干部日常监督管理偏松，个别干部考勤纪律执行不严。",
      "整改措施：",
      "1.修订考勤管理办法，每月通报考勤情况。",
      "2.开展作风纪律专项检查，发现问题及时提醒。",
    ].join("\n");
    expect(headings(field)).toEqual([]);
  });
});

describe("a label with its body run in", () => {
  it("takes 一、主要工作：今年以来… as a run-in lead up to the colon, not a standalone heading", () => {
    const text = [
      "某街道党工委年度工作总结",
      "一、主要工作：今年以来，街道党工委围绕中心工作，扎实推进各项任务。",
      "二、存在问题：基层党组织建设还不够均衡，个别社区活动开展较少。",
    ].join("\n");
    expect(headings(text).map((x) => [x.text, x.runIn])).toEqual([
      ["主要工作", true],
      ["存在问题", true],
    ]);
  });
});
