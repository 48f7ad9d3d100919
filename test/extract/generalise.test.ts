/** General rules for reworded reports: status counts, lead-in predicates, header keywords, labelled blocks. */
import { describe, expect, it } from "vitest";
import { extractCounts } from "../../src/extract/counts.js";
import { extractItems, leadKind } from "../../src/extract/items.js";
import { makeDoc, section } from "./helpers.js";

const kv = (text: string) => extractCounts(text).filter((c) => c.kind !== "other").map((c) => `${c.kind}=${c.value}`);

describe("counts: the rectification status beats the counted noun", () => {
  it("reads 已整改完成N个问题 and N个问题已全部整改完成 as rectified", () => {
    expect(kv("专项治理中已整改完成10个问题。")).toEqual(["rectified=10"]);
    expect(kv("截至目前，7个问题已全部整改完成。")).toEqual(["rectified=7"]);
    expect(kv("反馈的4个问题整改到位。")).toEqual(["rectified=4"]);
    expect(kv("截至11月底，已销号8个。")).toEqual(["rectified=8"]);
  });
  it("takes a problem solved (已协调解决) as rectified after the problems found", () => {
    expect(kv("共查找出问题8个，已协调解决6个。")).toEqual(["problems=8", "rectified=6"]);
  });
  it("never counts work in progress as problems or rectified", () => {
    expect(kv("另有2个问题正在推进中。")).toEqual([]);
    expect(kv("还剩3个问题持续整改。")).toEqual([]);
  });
  it("does not take work done on other things (已完成18个小区) as rectification", () => {
    expect(kv("全年已完成18个小区的雨污分流改造。")).toEqual([]);
  });
  it("keeps a restated total once and rectified from the same sentence", () => {
    expect(kv("制定整改措施30条。截至目前，30条整改措施已完成整改25条。")).toEqual(["measures=30", "rectified=25"]);
  });
  it("passes a kind on only after a breakdown cue (其中/归并为), not for a matching unit", () => {
    expect(kv("收到意见建议52条，其中涉及作风的20条，涉及服务的32条。")).toEqual(["opinions=52", "opinions=20", "opinions=32"]);
    expect(kv("收集意见建议60条，共办理群众来信12条。")).toEqual(["opinions=60"]);
  });
  it("reads forms counted in 张", () => {
    expect(kv("发放民主测评表90张，收回测评票86张。")).toEqual(["forms_issued=90", "forms_returned=86"]);
  });
});

describe("lead-in kind from the main predicate", () => {
  it("reads an intent verb governing 问题/不足 as measures", () => {
    expect(leadKind("为切实改进上述不足和问题，本人将着重抓好以下几点：")).toBe("measures");
    expect(leadKind("克服以上缺点和不足：")).toBe("measures");
    expect(leadKind("针对上述问题，下一步我将：")).toBe("measures");
    expect(leadKind("针对查摆出的问题，经班子研究，主要有以下几点：")).toBe("measures");
  });
  it("reads 存在/突出表现 as problems, even with 需要…改进 after", () => {
    expect(leadKind("对照检查，本人主要存在以下几个方面的不足：")).toBe("problems");
    expect(leadKind("我感到自己还有不少问题，突出表现在：")).toBe("problems");
    expect(leadKind("工作中还存在一些不足，需要在今后加以改进：")).toBe("problems");
  });
  it("reads 究其根源 and 问题的产生 as causes", () => {
    expect(leadKind("究其根源：")).toBe("causes");
    expect(leadKind("深挖根源，这些问题的产生主要有以下原因：")).toBe("causes");
  });
  it("splits a plans run out of the last problem of a problems section", () => {
    const text = ["标题", "三、不足和打算", "我还存在一些不足：一是调研不够深入。二是创新意识不强。今后我将从以下方面改进：一是每月到基层调研一次。二是学习先进地区经验。"].join("\n");
    const s = section("s1", "problems", text, "不足和打算", text.length);
    const line = text.split("\n")[2]!;
    const at = text.indexOf(line);
    const first = line.indexOf("调研不够深入");
    const second = line.indexOf("创新意识不强");
    const items = [
      { text: line.slice(first, second - 2), span: [at + first, at + second - 2] as [number, number], marker: "一是", section: "s1", depth: 0, origin: "inline" as const },
      { text: line.slice(second), span: [at + second, text.length] as [number, number], marker: "二是", section: "s1", depth: 0, origin: "inline" as const },
    ];
    const got = extractItems(makeDoc(text, { sections: [s], items }));
    expect(got.problems.map((p) => p.text)).toEqual(["调研不够深入。", "创新意识不强。"]);
    expect(got.measures.map((p) => p.text)).toEqual(["每月到基层调研一次。", "学习先进地区经验。"]);
  });
});

describe("task tables read by header keywords and by content", () => {
  it("reads headers by the keywords they contain and skips status and goal columns", () => {
    const text = ["标题", "序号\t巡视指出的问题\t整改目标\t整改落实措施\t牵头领导\t配合单位\t时间节点\t完成情况", "1\t基层党组织软弱涣散\t全面整顿到位\t1.选优配强支部书记 2.开展结对帮扶\t刘军\t组织部\t2024年10月底\t已完成"].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.map((p) => p.text)).toEqual(["基层党组织软弱涣散"]);
    expect(got.measures.map((m) => [m.text, m.owner, m.deadline])).toEqual([
      ["选优配强支部书记", "刘军；组织部", "2024年10月底"],
      ["开展结对帮扶", "刘军；组织部", "2024年10月底"],
    ]);
  });
  it("prefers the column naming the finding when 反馈意见 and 问题表现 both stand", () => {
    const text = ["标题", "反馈意见\t问题表现\t整改办法\t责任人", "主体责任落实不到位\t监督检查覆盖不全\t制定年度监督计划并逐月调度\t王强"].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.map((p) => p.text)).toEqual(["监督检查覆盖不全"]);
    expect(got.measures.map((m) => m.owner)).toEqual(["王强"]);
  });
  it("falls back to the content when no header is known: two prose columns, names, dates", () => {
    const text = [
      "标题",
      "编号\t事由\t对策\t人员\t日期",
      "1\t部分村务公开栏内容更新不及时，群众意见较大\t建立村务公开月度检查制度，对更新不及时的村通报批评\t张伟\t2024年6月底",
      "2\t村级会计档案管理混乱，部分凭证缺失\t开展会计档案集中整理，缺失凭证逐笔补齐并建立借阅登记\t李娜\t2024年8月底",
    ].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.length).toBe(2);
    expect(got.measures.map((m) => [m.owner, m.deadline])).toEqual([["张伟", "2024年6月底"], ["李娜", "2024年8月底"]]);
  });
  it("reads nothing from a table of one prose column", () => {
    const text = ["标题", "序号\t活动内容\t参加人数", "1\t组织党员赴革命纪念馆开展主题党日活动\t45", "2\t邀请专家围绕基层治理作专题辅导报告\t60"].join("\n");
    const got = extractItems(makeDoc(text));
    expect([got.problems.length, got.measures.length]).toEqual([0, 0]);
  });
});

describe("labelled problem blocks", () => {
  const text = [
    "标题",
    "问题一：部分干部服务意识不强，群众办事多次跑。",
    "整改措施：1.推行首接负责制；2.开展作风专项整治。",
    "责任领导：陈刚；完成时限：2024年12月底。",
    "整改进展：已完成。",
    "问题二：政务公开不及时。",
    "整改措施：",
    "1.制定政务公开目录；",
    "2.每月更新公开内容。",
    "责任单位：办公室；整改时限：长期坚持。",
    "整改情况：目录已制定。",
  ].join("\n");
  const got = extractItems(makeDoc(text));
  it("takes each 问题N： as a problem", () => {
    expect(got.problems.map((p) => p.text)).toEqual(["部分干部服务意识不强，群众办事多次跑。", "政务公开不及时。"]);
  });
  it("splits 整改措施 into sub-points, also across paragraphs, and never takes 整改进展/整改情况 beside them", () => {
    expect(got.measures.map((m) => m.text)).toEqual(["推行首接负责制；", "开展作风专项整治。", "制定政务公开目录；", "每月更新公开内容。"]);
  });
  it("gives the block's measures the labelled owner and deadline", () => {
    expect(got.measures.map((m) => [m.owner, m.deadline])).toEqual([
      ["陈刚", "2024年12月底"],
      ["陈刚", "2024年12月底"],
      ["办公室", "长期坚持"],
      ["办公室", "长期坚持"],
    ]);
  });
  it("reads 存在问题：… as a problem only when fields follow it", () => {
    const lone = extractItems(makeDoc("标题\n存在问题：个别同志纪律意识淡薄。\n我们将持续关注。"));
    expect(lone.problems).toEqual([]);
  });
});

describe("labelled blocks with points inside a field", () => {
  it("splits 存在问题：一是…二是… into problems and 整改措施：一是…二是… into measures", () => {
    const text = ["标题", "存在问题：一是窗口服务态度生硬；二是部分事项办理时限过长。", "整改措施：一是开展窗口人员文明服务培训；二是压缩事项办理时限。", "责任单位：政务服务中心。"].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.map((p) => p.text)).toEqual(["窗口服务态度生硬；", "部分事项办理时限过长。"]);
    expect(got.measures.map((m) => [m.text, m.owner])).toEqual([
      ["开展窗口人员文明服务培训；", "政务服务中心"],
      ["压缩事项办理时限。", "政务服务中心"],
    ]);
  });
});

describe("counts: casework is not opinions", () => {
  it("does not count 受理群众诉求N件 as opinions heard", () => {
    expect(kv("全年共受理群众诉求1260件，办结1198件。")).toEqual([]);
    expect(kv("座谈中收集群众诉求15条。")).toEqual(["opinions=15"]);
  });
});

describe("lead-in kind: 整改 as a noun and 亟待解决", () => {
  it("reads 整改工作中存在以下问题 and 亟待解决的问题主要有 as problems", () => {
    expect(leadKind("整改工作中还存在以下问题：")).toBe("problems");
    expect(leadKind("群众反映强烈、亟待解决的问题主要有：")).toBe("problems");
  });
  it("reads 我们将重点作好以下工作 as measures and 主要做了以下工作 as neither", () => {
    expect(leadKind("我们将重点作好以下工作：")).toBe("measures");
    expect(leadKind("今年以来，我局主要做了以下工作：")).toBeNull();
  });
});

describe("task tables: short content rows", () => {
  it("keeps a content row whose short cells name 问题 and 措施, and skips the header repeated after a page break", () => {
    const text = ["标题", "序号\t问题\t措施\t责任人\t时限", "1\t学习问题\t制定学习措施\t张三\t6月底", "序号\t问题\t措施\t责任人\t时限", "2\t作风不实\t开展作风整顿\t李四\t9月底"].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.map((p) => p.text)).toEqual(["学习问题", "作风不实"]);
    expect(got.measures.map((m) => [m.text, m.owner, m.deadline])).toEqual([["制定学习措施", "张三", "6月底"], ["开展作风整顿", "李四", "9月底"]]);
  });
});

describe("lead-in kind: the genre's other wordings", () => {
  it("reads 做得还不够 as problems, 从主观上看 as causes and 下步 as measures", () => {
    expect(leadKind("自我检视，我在以下方面做得还不够：")).toBe("problems");
    expect(leadKind("从主观上看，主要有：")).toBe("causes");
    expect(leadKind("下步，我将重点做到：")).toBe("measures");
  });
});

describe("labelled blocks: bare 问题： and fields that are not items", () => {
  it("reads （一）问题：… with its 整改措施 and leaves 整改目标 out of both", () => {
    const text = ["标题", "（一）问题：会议室使用管理混乱。整改目标：实现预约使用。", "整改措施：建立会议室预约登记制度。完成时限：2024年5月底。", "（二）问题：车辆维修费用偏高。", "整改措施：实行定点维修和费用审核。"].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.map((p) => p.text)).toEqual(["会议室使用管理混乱。", "车辆维修费用偏高。"]);
    expect(got.measures.map((m) => m.text)).toEqual(["建立会议室预约登记制度。", "实行定点维修和费用审核。"]);
  });
});

describe("labelled blocks: a …的问题 heading without 关于", () => {
  it("reads （一）…的问题 followed by 整改情况： as a problem and its measure", () => {
    const text = ["标题", "（一）理论学习不够深入的问题", "整改情况：①制定中心组年度学习计划；②每月开展一次专题研讨。", "（二）这个问题的讨论很热烈，大家发表了意见。"].join("\n");
    const got = extractItems(makeDoc(text));
    expect(got.problems.map((p) => p.text)).toEqual(["理论学习不够深入的问题"]);
    expect(got.measures.map((m) => m.text)).toEqual(["制定中心组年度学习计划；", "每月开展一次专题研讨。"]);
  });
});
