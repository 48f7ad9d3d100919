import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { normalize } from "../../src/normalize/index.js";
import { findFurniture, isBreadcrumb, isControlLine, isMetadataLine } from "../../src/normalize/furniture.js";
import { findHardWraps, wrapWidth } from "../../src/normalize/hard-wraps.js";
import { findFlattenedSplits } from "../../src/normalize/flattened.js";
import { applyEdits } from "../../src/normalize/edits.js";
import { analyzeBuffer } from "../../src/pipeline.js";

const CORPUS = new URL("../../corpora/", import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, CORPUS));
const clean = (text: string) => applyEdits(text, findFurniture(text)).text;

const BODY = "按照县委部署，局党组认真开展对照检查，广泛征求意见建议，深入查找问题并制定整改措施。";

describe("furniture filter", () => {
  it("recognises breadcrumbs, metadata rows and page controls line by line", () => {
    expect(isBreadcrumb("首页 > 工作总结 > 党建")).toBe(true);
    expect(isBreadcrumb("当前位置：首页 -> 要闻 -> 审计公告")).toBe(true);
    expect(isBreadcrumb("首页工作是把问题找准")).toBe(false);
    expect(isMetadataLine("索引号：TL-2024-01　发布机构：区市场监管局")).toBe(true);
    expect(isMetadataLine("更新时间:2023-11-13 16:54 作者:张老师")).toBe(true);
    expect(isMetadataLine("时间：2024年1月")).toBe(false);
    expect(isControlLine("字号：[大 中 小]　分享　打印　关闭")).toBe(true);
    expect(isControlLine("购物车 我的足迹 登录 VIP")).toBe(true);
    expect(isControlLine("大力推进")).toBe(false);
  });

  it("drops the furniture around a copied page and keeps the report", () => {
    const text = [
      "首页 > 工作总结 > 党建",
      "购物车 我的足迹 登录 VIP",
      "第一篇:2023年度民主生活会对照检查材料",
      "更新时间:2024-01-02 10:00 作者:王老师",
      BODY,
      "1",
      "一、存在的问题",
      BODY,
      "2",
      BODY,
      "-精品文档推荐-",
      "民主生活会发言提纲范文",
      "下载文档",
    ].join("\n");
    expect(clean(text)).toBe(["2023年度民主生活会对照检查材料", BODY, "一、存在的问题", BODY, BODY].join("\n"));
  });

  it("drops a metadata block, a page heading shown twice with a column prefix, and pager links", () => {
    const title = "中共某县审计局党组领导班子2024年度民主生活会对照检查材料";
    const text = ["索引号：X-1　发布机构：某县审计局", "发布日期：2025-01-22　浏览次数：97", `【党建工作】${title}`, title, BODY, "上一篇：某局2024年度工作总结", "下一篇：某局信息公开年报"].join("\n");
    expect(clean(text)).toBe([title, BODY].join("\n"));
  });

  it("keeps a lone number that is no running page sequence, and a date line in the body", () => {
    const text = ["某局2023年工作总结", BODY, "3", "时间：2024年1月", BODY].join("\n");
    expect(findFurniture(text)).toEqual([]);
  });

  it("removes `- N -` page-number lines wherever they stand", () => {
    const text = ["某局2023年工作总结", BODY, "- 1 -", BODY].join("\n");
    expect(clean(text)).toBe(["某局2023年工作总结", BODY, BODY].join("\n"));
  });
});

describe("hard-wrap and flattened repairs", () => {
  it("finds the wrap width of a copy out of a PDF viewer and none in paragraph text", () => {
    expect(wrapWidth(read("web/hardwrap-team-democratic-life.txt").toString("utf8"))).toBeGreaterThan(50);
    expect(wrapWidth(read("dev/democratic-life-team-complete.txt").toString("utf8"))).toBeNull();
  });

  it("re-joins a title split mid-word and padded numbers across a line break", () => {
    const lines = [
      "中共某镇委员会领导班子 2024 年度民主生活会对照检",
      "查材料",
      ...Array.from({ length: 8 }, (_, i) => `按照县委组织部关于认真开好民主生活会的通知要求第${i}行`),
      "召开机关干部、村（社区）党组织书记和群众代表座谈会 4",
      "场，发放征求意见表 160 份。",
    ];
    const out = applyEdits(lines.join("\n"), findHardWraps(lines.join("\n"))).text;
    expect(out.split("\n")[0]).toBe("中共某镇委员会领导班子2024年度民主生活会对照检查材料");
    expect(out).toContain("座谈会4场，发放征求意见表160份。");
  });

  it("splits a one-line body at its title, headings and signature, and drops stray spaces", () => {
    const t = read("web/flattened-analysis-check.txt").toString("utf8");
    const out = applyEdits(t, findFlattenedSplits(t)).text.split("\n").filter(Boolean);
    expect(out[0]).toBe("中共澄溪县水利局党组深入学习实践科学发展观活动领导班子分析检查报告");
    expect(out).toContain("二、存在的突出问题");
    expect(out.some((l) => l.startsWith("四、整改措施和今后努力方向") && !l.includes("（一）"))).toBe(true);
    expect(out.join("\n")).toContain("学习贯彻科学发展观");
    expect(out[out.length - 1]).toMatch(/^2009年5月\d+日$/);
  });

  it.each([
    ["web/hardwrap-team-democratic-life.txt", "hardWraps"],
    ["web/flattened-analysis-check.txt", "lineSplits"],
    ["web-own/hardwrap-inspection-rectification.txt", "hardWraps"],
    ["web-own/flattened-duty-report.txt", "lineSplits"],
  ])("keeps every span valid after repairing %s (content.slice(span) is the item or count)", async (rel, repair) => {
    const r = await analyzeBuffer(read(rel), rel, { includeText: true, segmenter: "rs" });
    expect(r.status).toBe("ok");
    expect(r.text.repairs[repair]).toBeGreaterThan(0);
    const content = r.text.content!;
    const items = [...r.problems, ...r.causes, ...r.measures];
    expect(items.length).toBeGreaterThan(3);
    for (const it of items) expect(content.slice(it.span[0], it.span[1])).toBe(it.text);
    for (const c of r.counts) expect(content.slice(c.span[0], c.span[1])).toBe(c.text);
    for (const s of r.sections) expect(content.slice(s.span[0], s.span[1])).toContain(s.heading);
  }, 60_000);
});

describe("a clean document gets no web repair", () => {
  const files = ["dev", "holdout"].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, CORPUS))
      .filter((f) => /\.(docx|pdf|txt|doc|md)$/.test(f))
      // the one-line scraped copy is not clean: it is flattened (its paragraphs are split, as they should be)
      .filter((f) => !/scraped-copy\.txt$/.test(f))
      .map((f) => `${dir}/${f}`),
  );
  it("has dev and holdout documents to check", () => expect(files.length).toBeGreaterThan(40));
  it.each(files)("removes no furniture and re-wraps nothing in %s", async (rel) => {
    const ingested = await ingest({ name: rel, buffer: read(rel) });
    if (!ingested.ok) return; // the broken files of the corpus are tested elsewhere
    const n = normalize(ingested.raw);
    for (const k of ["furniture", "hardWraps", "lineSplits", "straySpaces", "digitPadding"]) expect(n.repairs[k] ?? 0, k).toBe(0);
  }, 60_000);
});

describe("title furniture", () => {
  it("drops a page number or an upload date glued to the title", () => {
    expect(clean(["2023年度组织生活会个人对照检查材料1", BODY].join("\n"))).toBe(["2023年度组织生活会个人对照检查材料", BODY].join("\n"));
    expect(clean(["某局2023年工作总结2023-11-13 16:54", BODY].join("\n"))).toBe(["某局2023年工作总结", BODY].join("\n"));
  });
  it("keeps a year that belongs to the title", () => {
    expect(findFurniture(["某局2023年工作总结", BODY].join("\n"))).toEqual([]);
  });
});

/** What a PDF viewer's copy does to a paragraph: wrap at `cols` display columns, pad Latin numbers. */
function viewerCopy(paragraphs: string[], cols: number): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const padded = p.replace(/(?<=[\u4e00-\u9fff，。“”（）：])(\d+)(?=[\u4e00-\u9fff，。“”（）])/g, " $1 ");
    let cur = "";
    let w = 0;
    for (const tok of padded.match(/ \d+ |./gu) ?? []) {
      const tw = [...tok].reduce((a, ch) => a + (ch.charCodeAt(0) < 0x80 ? 1 : 2), 0);
      if (w + tw > cols) {
        out.push(cur.trimEnd());
        cur = tok.trimStart();
        w = tw;
      } else {
        cur += tok;
        w += tw;
      }
    }
    if (cur) out.push(cur.trimEnd());
  }
  return out.join("\n") + "\n";
}

describe("a report copied out of a PDF viewer reads as the report", () => {
  const docs = readdirSync(new URL("dev/", CORPUS))
    .filter((f) => f.endsWith(".txt") && !f.includes("scraped"))
    .map((f) => ({ f, text: read(`dev/${f}`).toString("utf8") }))
    .filter((d) => !d.text.includes("\t"));
  it.each(docs.map((d) => [d.f, d] as const))("finds the same title and headings in %s wrapped at 60 columns", async (_f, d) => {
    const paragraphs = d.text.split("\n").map((l) => l.trim()).filter(Boolean);
    const [orig, copy] = await Promise.all([
      analyzeBuffer(Buffer.from(d.text), d.f, { segmenter: "rs" }),
      analyzeBuffer(Buffer.from(viewerCopy(paragraphs, 60)), d.f, { segmenter: "rs" }),
    ]);
    expect(copy.text.repairs.hardWraps).toBeGreaterThan(0);
    expect(copy.title).toBe(orig.title);
    const heads = (r: typeof orig) => r.sections.flatMap(function walk(s): string[] { return [`${s.level}${s.heading}`, ...s.children.flatMap(walk)]; });
    const same = heads(copy).filter((h) => heads(orig).includes(h)).length;
    // 0.85: the seed (a spun scraped copy with page markers `N、`) loses one heading of eight when wrapped too
    expect(same / Math.max(1, heads(orig).length)).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
