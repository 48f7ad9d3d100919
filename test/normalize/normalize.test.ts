import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RawDocument } from "../../src/model/document.js";
import { readText } from "../../src/ingest/text.js";
import { assembleBlocks } from "../../src/normalize/assemble.js";
import { normalize } from "../../src/normalize/index.js";
import { findPageMarkers } from "../../src/normalize/page-markers.js";

const DEV = "corpora/dev/";
const SEED = `${DEV}000_1da3db3453a4fc7f.txt`;
const SPUN = `${DEV}analysis-check-spun-scraped-copy.txt`;
const TRADITIONAL = `${DEV}democratic-life-traditional-objective-causes.txt`;
const CLEAN = readdirSync(DEV)
  .filter((f) => f.endsWith(".txt") && !f.startsWith("000_") && !f.includes("spun-scraped") && !f.includes("traditional"))
  .map((f) => DEV + f);

const read = async (path: string) => readText(readFileSync(path), "txt", {});
const paragraphs = (...texts: string[]): RawDocument => ({
  format: "txt",
  pages: null,
  repairs: {},
  warnings: [],
  blocks: texts.map((text) => ({ kind: "paragraph" as const, text })),
});

/** What NFKC is allowed to change in a clean text: full-width digits/letters/％/． and the ideographic space. */
const widthOnly = (s: string) =>
  s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]|(?<=[\uff10-\uff19])\uff0e/g, (c) => c.normalize("NFKC")).replace(/\u3000/g, " ");

interface Gold {
  title: string;
  headings: Array<{ text: string }>;
  problems: string[];
  causes: string[];
  measures: string[];
}
const gold = (path: string): Gold => JSON.parse(readFileSync(path.replace(/\.txt$/, ".gold.json"), "utf8")) as Gold;

describe("normalize on clean documents", () => {
  it.each(CLEAN)("leaves %s unchanged apart from full-width digits and the ideographic space", async (path) => {
    const raw = await read(path);
    const { text } = assembleBlocks(raw);
    for (const restoreSpin of ["auto", "on"] as const) {
      const n = normalize(raw, { restoreSpin });
      expect(n.text).toBe(widthOnly(text));
      expect(n.script).toBe("simplified");
      expect(n.spun).toBe(false);
      expect(n.restorations).toEqual([]);
      expect(Object.keys(n.repairs).filter((k) => k !== "nfkc")).toEqual([]);
    }
  });

  it("turns full-width counts into ASCII (３２０份 → 320份, ９３．５％ → 93.5%) and keeps Chinese punctuation", async () => {
    const n = normalize(await read(`${DEV}analysis-check-style-headings-bold-leads.txt`));
    expect(n.text).toContain("320份，");
    expect(n.text).toContain("93.5%。");
    expect(n.repairs.nfkc).toBe(7);
  });

  it("keeps every block span on one line of the normalized text", async () => {
    for (const path of [...CLEAN, SEED, SPUN, TRADITIONAL]) {
      const n = normalize(await read(path));
      const lines = n.text.split("\n");
      expect(n.blocks).toHaveLength(lines.length);
      let at = 0;
      n.blocks.forEach((b, i) => {
        expect(b.span).toEqual([at, at + lines[i]!.length]);
        at += lines[i]!.length + 1;
        if (b.cells) expect(b.cells.map(([s, e]) => n.text.slice(s, e)).join("\t")).toBe(lines[i]);
      });
    }
  });

  it("keeps an empty paragraph block as its own empty line", () => {
    const raw = paragraphs("第一段。", "", "第二段。");
    const n = normalize(raw);
    expect(n.text).toBe("第一段。\n\n第二段。");
    expect(n.blocks.map((b) => b.span)).toEqual([[0, 4], [5, 5], [6, 10]]);
  });
});

describe("normalize on the scraped seed document", () => {
  it("removes the eleven page markers and the trailing page number, restores 《》, and changes nothing else", async () => {
    const source = readFileSync(SEED, "utf8");
    const n = normalize(await read(SEED), { restoreSpin: "off" });
    // Checked by hand against the source: each marker sits at a page break inside a sentence, word or heading.
    const expected = source
      .replace(/\n$/, "")
      .replace(/^1、/, "")
      .replace("的根底上\n2、,组织", "的根底上,组织")
      .replace("进一步查\n3、找班子", "进一步查找班子")
      .replace("工委督\n4、察组批阅", "工委督察组批阅")
      .replace("要连续思想\n5、,转变观念", "要连续思想,转变观念")
      .replace("三、深化剖析,认真\n6、撰写分析检查报告", "三、深化剖析,认真撰写分析检查报告")
      .replace("二深化具体分析\n7、缘由。", "二深化具体分析缘由。")
      .replace("需求力还\n8、不够旺盛", "需求力还不够旺盛")
      .replace("引领作用,\n9、必需从", "引领作用,必需从")
      .replace("有利于改良\n10、园区工作", "有利于改良园区工作")
      .replace("深化学习实践科学进\n11、展观活动实施方案", "深化学习实践科学进展观活动实施方案")
      .replace(/ 7$/, "")
      .replace("依据?市深化学习实践科学进展观活动方案?和?工业园区党工委深化学习实践科学进展观活动分析检查阶段工作支配?的要求", "依据《市深化学习实践科学进展观活动方案》和《工业园区党工委深化学习实践科学进展观活动分析检查阶段工作支配》的要求")
      .replace("制定的?工业园区党工委深化学习实践科学进展观活动实施方案?要求", "制定的《工业园区党工委深化学习实践科学进展观活动实施方案》要求");
    expect(n.text).toBe(expected);
    expect(n.text).not.toMatch(/\d+、/);
    expect(n.text).not.toContain("?");
    expect(n.repairs).toEqual({ pageMarkers: 11, trailingPageNumber: 1, bookTitleMarks: 3 });
    expect(n.restorations.map((r) => [r.kind, n.text.slice(r.span[0], r.span[1])])).toEqual([
      ["bookTitleMarks", "《市深化学习实践科学进展观活动方案》"],
      ["bookTitleMarks", "《工业园区党工委深化学习实践科学进展观活动分析检查阶段工作支配》"],
      ["bookTitleMarks", "《工业园区党工委深化学习实践科学进展观活动实施方案》"],
    ]);
  });

  it("yields text that holds every gold heading and item of the seed (markers were the only breaks)", async () => {
    const n = normalize(await read(SEED), { restoreSpin: "off" });
    const g = gold(SEED);
    for (const s of [g.title, ...g.headings.map((h) => h.text), ...g.problems, ...g.causes, ...g.measures]) expect(n.text).toContain(s);
  });

  it("removes the page markers of the one-line spun copy with the space before them", async () => {
    const n = normalize(await read(SPUN), { restoreSpin: "off" });
    expect(n.repairs.pageMarkers).toBe(4);
    expect(n.text).toContain("开好民主生活会、写好分析检查报告");
    expect(n.text).toContain("认真撰写了领导班子分析检查报告");
    expect(n.text).toContain("部分扶持项目要求地方配套资金");
    const g = gold(SPUN);
    for (const s of [g.title, ...g.headings.map((h) => h.text), ...g.problems, ...g.causes, ...g.measures]) expect(n.text).toContain(s);
  });
});

describe("page markers", () => {
  const page = (s: string) => s.repeat(12);
  it("keeps a real list whose numbers start lines after a colon or full stop", () => {
    const raw = paragraphs(page("我局认真开展了学习活动，取得了较好效果。"), "主要做法如下：", "1、加强组织领导。成立领导小组。", "2、健全工作机制。", "3、强化督促检查。", page("下一步，我们将继续努力，推动各项工作。"));
    const n = normalize(raw);
    expect(n.text).toBe(assembleBlocks(raw).text);
    expect(n.repairs.pageMarkers).toBeUndefined();
  });

  it("keeps an inline list 1、…2、…3、 inside one paragraph", () => {
    const text = `${page("全年共开展活动，效果良好。")}主要措施有：1、加强学习，2、改进作风，3、完善制度。${page("今后继续努力。")}`;
    expect(findPageMarkers(text)).toEqual([]);
  });

  it("finds a running sequence spliced mid-word even without a line break", () => {
    const body = "全镇党员干部进一步统一了思想，明确了发展思路，增强了加快发展的信心，为推动经济社会又好又快发展奠定基础";
    const text = `1、${body}${body}认真撰 2、写了报告${body}${body}围绕主 3、题开展${body}${body}做好各 4、项工作${body}${body}`;
    const found = findPageMarkers(text);
    expect(found.map((c) => c.n)).toEqual([1, 2, 3, 4]);
    const n = normalize(paragraphs(text));
    expect(n.text).toContain("认真撰写了报告");
    expect(n.text).toContain("围绕主题开展");
    expect(n.text.startsWith(body)).toBe(true);
  });
});

it("bridges one page whose marker is missing", () => {
  const body = "全镇党员干部进一步统一了思想，明确了发展思路，增强了加快发展的信心，为推动经济社会又好又快发展奠定基础";
  const pages = [1, 2, 3, 5, 6, 7].map((n) => `${n === 1 ? "" : body + body}${n === 5 ? body + body : ""}围绕主 ${n}、题开展`);
  const found = findPageMarkers(`${body}${pages.join("")}${body}`);
  expect(found.map((c) => c.n)).toEqual([1, 2, 3, 5, 6, 7]);
});

describe("other repairs", () => {
  it("converts a traditional-script source to simplified, char for char, and says so", async () => {
    const raw = await read("corpora/fixtures/traditional-script.txt");
    const n = normalize(raw);
    expect(n.script).toBe("traditional");
    expect(n.text).toContain("青河区档案馆党支部2023年度组织生活会对照检查材料");
    expect(n.text).toContain("共发放征求意见表30份，收集意见建议12条。");
    expect(n.text).toContain("理论学习不够深入\t每月开展一次专题学习\t2024年6月底前");
    expect(n.text.length).toBe(assembleBlocks(raw).text.length);
    expect(n.repairs.traditional).toBeGreaterThan(20);
  });

  it("simplifies the traditional dev document so every gold item is found in it", async () => {
    const n = normalize(await read(TRADITIONAL));
    expect(n.script).toBe("traditional");
    const g = gold(TRADITIONAL);
    for (const s of [g.title, ...g.headings.map((h) => h.text), ...g.problems, ...g.causes, ...g.measures]) expect(n.text).toContain(s);
  });

  it("does not convert a simplified report that quotes one traditional name", () => {
    const raw = paragraphs("关于乾安县考察学习的情况报告", "我局组织干部赴吉林乾安县学习，并参观了國家级示范区。");
    expect(normalize(raw).text).toBe(assembleBlocks(raw).text);
  });

  it("drops a lone trailing page number but not a closing count or date", () => {
    const long = "我局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效。".repeat(8);
    expect(normalize(paragraphs(long, "7")).text).toBe(long);
    expect(normalize(paragraphs(`${long} 12`)).text).toBe(long);
    expect(normalize(paragraphs(long, "— 3 —")).text).toBe(long);
    for (const end of ["共收到意见41条", "2023年12月28日", "联系电话：12345678"]) {
      expect(normalize(paragraphs(long, end)).text).toBe(`${long}\n${end}`);
    }
    const table: RawDocument = { ...paragraphs(long), blocks: [...paragraphs(long).blocks, { kind: "table", rows: [["合计", "41"]] }] };
    expect(normalize(table).text).toBe(`${long}\n合计\t41`);
  });

  it("restores 《》 only around title-like phrases and never touches a real question mark", () => {
    const n = normalize(paragraphs("认真学习?中国共产党纪律处分条例?和?关于新形势下党内政治生活的若干准则?。", "问题找准了吗?措施落实了吗?", "是否到位？是否及时？"));
    expect(n.text).toBe("认真学习《中国共产党纪律处分条例》和《关于新形势下党内政治生活的若干准则》。\n问题找准了吗?措施落实了吗?\n是否到位？是否及时？");
    expect(n.repairs.bookTitleMarks).toBe(2);
  });

  it("removes letter-spacing and number-unit gaps but keeps spaces that separate paragraphs", () => {
    const n = normalize(paragraphs("工 作 总 结", "共收到意见 41 条，满意率 96.2 %。", "一、加强学习 在学习调研阶段的基础上，组织学习。"));
    expect(n.text).toBe("工作总结\n共收到意见 41条，满意率 96.2%。\n一、加强学习 在学习调研阶段的基础上，组织学习。");
  });

  it("unifies a dash typed with box-drawing bars and a full-width hyphen between digits", () => {
    const n = normalize(paragraphs("主题──不忘初心", "2023－2024年度"));
    expect(n.text).toBe("主题——不忘初心\n2023-2024年度");
  });
});
