/**
 * Report metadata on the real corpus files (TXT, DOCX, PDF through the real
 * readers) against their gold `meta`, and the rules behind it: levels through
 * the GB/T 2260 table, campaigns by full, short and spun names, years that
 * campaigns confirm or correct, masked names.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeBuffer, analyzeFile } from "../../src/pipeline.js";
import type { ReportMeta } from "../../src/model/index.js";
import { campaignIn } from "../../src/meta/campaigns.js";
import { levelOfUnit } from "../../src/meta/level.js";
import { sectorOfUnit } from "../../src/meta/sector.js";
import { parseAuthorLine, unitFromTitle } from "../../src/meta/index.js";

const FIELDS = ["unit", "person", "scope", "sector", "level", "year", "campaign", "signedOn"] as const;

/**
 * Where the spec's rule and the dev gold disagree, the spec wins (output.md: "教育局 →
 * education"); the dev gold of this plan files 中共望川区教育局党组 under party-gov.
 */
const SPEC_OVER_GOLD: Record<string, Partial<ReportMeta>> = {
  "rectification-plan-table-no-deadline": { sector: "education" },
};

function goldCases(folder: string, ext: string): Array<[string, ReportMeta]> {
  const dir = new URL(`../../corpora/${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((n) => n.endsWith(`.${ext}`) && !n.startsWith("error-"))
    .map((n) => {
      const gold = JSON.parse(readFileSync(new URL(n.replace(/\.[a-z]+$/, ".gold.json"), dir), "utf8")) as { meta?: ReportMeta };
      return [new URL(n, dir).pathname, { ...gold.meta!, ...SPEC_OVER_GOLD[n.replace(/\.[a-z]+$/, "")] }] as [string, ReportMeta];
    })
    .filter(([, m]) => m && m.scope !== undefined);
}

describe("meta on the corpus", () => {
  const cases = [...goldCases("dev", "txt"), ...goldCases("holdout", "txt"), ...goldCases("dev", "docx").slice(0, 4), ...goldCases("dev", "pdf").slice(0, 2)];
  it.each(cases)("%s", async (path, gold) => {
    const r = await analyzeFile(path);
    expect(r.status).toBe("ok");
    const got = r.meta!;
    for (const f of FIELDS) {
      // signedOn and person are not scored; signedOn is null in gold where the document shows none
      expect([f, got[f]]).toEqual([f, gold[f]]);
    }
  }, 60_000);
});

describe("level", () => {
  it.each([
    ["慈溪市交通运输局", "county"], // a county-level city: only the division table knows
    ["瑞金市人民医院", "county"],
    ["宁波市教育局", "city"],
    ["云溪市生态环境局", "city"], // not in the table: a 市 is a city
    ["浙江省财政厅", "province"],
    ["北京市朝阳区人民政府", "county"],
    ["中共望川区杏林路街道工作委员会", "township"],
    ["县农业农村局", "county"],
    ["青岚县城市建设投资有限公司党委", "county"],
    ["中共青岚县市场监督管理局党组", "county"],
    ["桂香社区居民委员会", "village"],
    ["石桥村党支部", "village"],
    ["国家统计局", "central"],
    ["工业园区党工委", null],
    ["白鹭湾经济开发区管理委员会", null],
  ])("%s → %s", (unit, level) => expect(levelOfUnit(unit)).toBe(level));
});

describe("sector", () => {
  it.each([
    ["望川区教育局", "education"],
    ["青岚县第二中学党支部", "education"],
    ["安澜市第三人民医院党委", "health"],
    ["县卫生健康委员会", "health"],
    ["桐岚区人民法院", "judicial"],
    ["县公安局", "judicial"],
    ["中国农业银行鹭洲分行", "finance"],
    ["中共澜江市供水集团有限公司委员会", "enterprise"],
    ["桂香社区", "village-community"],
    ["县农业农村局", "party-gov"],
    ["中共望川区杏林路街道工作委员会", "party-gov"],
  ])("%s → %s", (unit, sector) => expect(sectorOfUnit(unit)).toBe(sector));
});

describe("campaigns", () => {
  it.each([
    ["深入学习实践科学发展观活动", null, "scientific-outlook"],
    ["深化学习实践科学进展观活动", null, "scientific-outlook"], // spun
    ["按照县委学习实践活动领导小组的统一部署", null, "scientific-outlook"], // short form
    ["党的群众路线教育实践活动专题民主生活会", null, "mass-line"],
    ["“三严三实”专题民主生活会", null, "three-stricts"],
    ["“两学一做”学习教育", null, "two-studies"],
    ["主题教育专题民主生活会", 2019, "original-aspiration"],
    ["主题教育专题民主生活会", 2023, "xi-thought-education"],
    ["党史学习教育专题民主生活会", null, "party-history"],
    ["党纪学习教育", null, "party-discipline"],
  ])("%s (%s) → %s", (text, year, id) => expect(campaignIn(text, year)).toBe(id));

  it("does not take 中央八项规定精神 as the 2025 campaign", () => expect(campaignIn("严格执行中央八项规定精神", 2023)).toBeNull());
});

describe("title, author line and year", () => {
  it.each([
    ["中共望川区杏林路街道工作委员会领导班子2023年度民主生活会对照检查材料", "中共望川区杏林路街道工作委员会"],
    ["2023年工业园区党工委科学进展观分析检查总结", "工业园区党工委"],
    ["白鹭湾经济开发区管理委员会关于2022年度经济责任审计发现问题整改情况的报告", "白鹭湾经济开发区管理委员会"],
    ["2023年度述职述廉报告", null],
  ])("unit of %s", (title, unit) => expect(unitFromTitle(title)).toBe(unit));

  it("reads unit and a masked name from an author line", () => {
    expect(parseAuthorLine("云溪市交通运输局党组成员、副局长 刘振宇")).toEqual({ unit: "云溪市交通运输局", person: "刘振宇" });
    expect(parseAuthorLine("XX县XX局党组成员、副局长 张xx")).toEqual({ unit: "XX县XX局", person: "张xx" });
    expect(parseAuthorLine("语文教研组党员教师 林晓雯")).toEqual({ unit: null, person: "林晓雯" });
    expect(parseAuthorLine("根据局党组的安排，本人认真查摆问题")).toBeNull();
  });

  const analyse = async (text: string) => (await analyzeBuffer(Buffer.from(text, "utf8"), "m.txt")).meta!;

  it("takes the campaign's year when the document states none, and corrects one outside the campaign", async () => {
    const body = "\n一、存在的问题\n一是学习不够深入。二是调研不够经常。\n二、原因分析\n一是思想认识不到位。二是作风不够扎实。\n三、整改措施\n一是加强学习。二是深入调研。\n";
    const none = await analyse(`青禾县林业局深入学习实践科学发展观活动分析检查报告\n按照县委的部署，我局认真开展分析检查。${body}`);
    expect([none.campaign, none.year]).toEqual(["scientific-outlook", 2009]);
    const since = await analyse(`青禾县林业局深入学习实践科学发展观活动分析检查报告\n2008年以来，我局按照县委的部署认真开展学习实践活动。${body}中共青禾县林业局党组\n2009年11月2日`);
    expect([since.year, since.signedOn]).toEqual([2009, "2009-11-02"]);
    const wrong = await analyse(`青禾县林业局深入学习实践科学发展观活动分析检查报告\n按照部署，我局于2019年3月转入分析检查阶段。${body}`);
    expect(wrong.year).toBe(2010);
  });

  it("dates a meeting material signed in January to the year before, and reads a traditional-script one", async () => {
    const m = await analyse("中共鶴鳴縣林業局黨組主題教育專題民主生活會領導班子對照檢查材料\n按照縣委的通知要求，局黨組認真開展對照檢查。\n一、存在的問題\n一是學習不夠深入。二是調研不夠經常。\n中共鶴鳴縣林業局黨組\n2024年1月18日");
    expect(m).toMatchObject({ unit: "中共鹤鸣县林业局党组", scope: "team", level: "county", sector: "party-gov", campaign: "xi-thought-education", year: 2023, signedOn: "2024-01-18" });
  });
});

describe("purpose-written materials", () => {
  const BODY = "\n一、存在的问题\n一是理论学习不够深入。二是调查研究不够经常。\n二、原因分析\n一是思想认识不到位。二是宗旨意识淡化。\n三、整改措施\n一是加强理论学习，年底前完成。二是深入基层调研。\n";
  const analyse = async (text: string) => (await analyzeBuffer(Buffer.from(text, "utf8"), "m.txt")).meta!;
  it.each([
    [
      "a rectification report whose unit only signs it",
      `关于2023年度民主生活会查摆问题整改落实情况的报告\n县委：\n按照要求，现将整改情况报告如下。${BODY}中共青川县委办公室\n2024年6月10日`,
      { unit: "中共青川县委办公室", level: "county", sector: "party-gov", year: 2023, campaign: "annual", signedOn: "2024-06-10" },
    ],
    [
      "a procuratorate's party-history meeting signed in January",
      `鹭洲市桐岚区人民检察院党组党史学习教育专题民主生活会对照检查材料\n按照区委的统一部署，院党组认真开展对照检查。${BODY}中共鹭洲市桐岚区人民检察院党组\n2022年1月20日`,
      { unit: "鹭洲市桐岚区人民检察院党组", level: "county", sector: "judicial", year: 2021, campaign: "party-history", scope: "team" },
    ],
    [
      "a personal material with a masked author",
      `2023年度民主生活会个人对照检查材料\n白沙镇党委书记 王某某\n根据县委安排，本人认真查摆问题。${BODY}`,
      { unit: "白沙镇", person: "王某某", scope: "personal", level: "township" },
    ],
    [
      "a village branch (青山村 is a name, not 山村)",
      `青山村党支部2023年度组织生活会对照检查材料\n按照镇党委通知要求，村党支部认真开展对照检查。${BODY}中共青山村支部委员会\n2024年2月5日`,
      { unit: "青山村党支部", level: "village", sector: "village-community", year: 2023 },
    ],
    [
      "a county-level city's bureau in a 三严三实 meeting",
      `慈溪市交通运输局2015年“三严三实”专题民主生活会对照检查材料\n根据市委要求，局党组认真开展对照检查。${BODY}`,
      { unit: "慈溪市交通运输局", level: "county", year: 2015, campaign: "three-stricts" },
    ],
    [
      "years and dates in Chinese numerals",
      `二〇二三年度民主生活会领导班子对照检查材料\n按照要求，班子认真开展对照检查。${BODY}中共白沙镇委员会\n二〇二四年一月十二日`,
      { unit: "中共白沙镇委员会", year: 2023, signedOn: "2024-01-12", level: "township", campaign: "annual" },
    ],
    [
      "a speech signed with the name alone",
      `在2023年度民主生活会上的个人发言\n根据安排，本人认真查摆问题。${BODY}张 三\n2024年1月22日`,
      { unit: null, person: "张三", scope: "personal", year: 2023 },
    ],
  ])("%s", async (_what, text, expected) => expect(await analyse(text)).toMatchObject(expected));
});
