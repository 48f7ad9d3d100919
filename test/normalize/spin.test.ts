import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RawDocument } from "../../src/model/document.js";
import { readText } from "../../src/ingest/text.js";
import { applyEdits } from "../../src/normalize/edits.js";
import { normalize } from "../../src/normalize/index.js";
import { detectSpin, loadSpinData, spinEdits } from "../../src/normalize/spin.js";

const DEV = "corpora/dev/";
const SEED = `${DEV}000_1da3db3453a4fc7f.txt`;
const SPUN = `${DEV}analysis-check-spun-scraped-copy.txt`;
const CLEAN = readdirSync(DEV)
  .filter((f) => f.endsWith(".txt") && !f.startsWith("000_") && !f.includes("spun-scraped"))
  .map((f) => DEV + f);

const read = async (path: string) => readText(readFileSync(path), "txt", {});
const doc = (text: string): RawDocument => ({ format: "txt", pages: null, repairs: {}, warnings: [], blocks: [{ kind: "paragraph", text }] });

interface Expected {
  restorations: Array<{ original: string; replacement: string; context: string; correct: boolean }>;
}

describe("spin detector", () => {
  it("flags the seed and the spun dev copy", async () => {
    for (const path of [SEED, SPUN]) {
      const n = normalize(await read(path));
      expect(n.spun).toBe(true);
      expect(n.spinScore).toBeGreaterThan(10);
    }
  });

  it.each(CLEAN)("does not flag %s and finds no signature in it", async (path) => {
    const n = normalize(await read(path));
    expect(n.spun).toBe(false);
    expect(n.spinScore).toBe(0);
  });

  it("needs several different signatures, not one phrase repeated", () => {
    const s = detectSpin("我们在学习的根底上开展工作。".repeat(5));
    expect(s.spun).toBe(false);
    expect(s.distinct).toBe(1);
  });

  it("lists signatures that each contain a spun word of the table or a spun phrase", () => {
    const { signatures, pairs } = loadSpinData();
    const spunWords = pairs.map((p) => p.spun);
    for (const s of signatures) expect(spunWords.some((w) => s.includes(w))).toBe(true);
  });
});

describe("spin restorer", () => {
  it.each([
    ["seed", SEED, "test/fixtures/spin-seed-expected.json"],
    ["spun copy", SPUN, "test/fixtures/spin-spun-copy-expected.json"],
  ])("restores exactly the hand-checked list on the %s, at least 95 percent of it right", async (_name, path, fixture) => {
    const expected = (JSON.parse(readFileSync(fixture, "utf8")) as Expected).restorations;
    const n = normalize(await read(path));
    const got = n.restorations
      .filter((r) => r.kind === "spin")
      .map((r) => ({
        original: r.original,
        replacement: r.replacement,
        context: `${n.text.slice(Math.max(0, r.span[0] - 6), r.span[0])}[${r.replacement}]${n.text.slice(r.span[1], r.span[1] + 6)}`,
      }));
    expect(got).toEqual(expected.map(({ original, replacement, context }) => ({ original, replacement, context })));
    expect(n.repairs.spin).toBe(got.length);
    const right = expected.filter((e) => e.correct).length;
    expect(right / expected.length).toBeGreaterThanOrEqual(0.95);
  });

  it("records restoration spans that hold the replacement in the final text", async () => {
    for (const path of [SEED, SPUN]) {
      const n = normalize(await read(path));
      for (const r of n.restorations) expect(n.text.slice(r.span[0], r.span[1])).toBe(r.replacement);
    }
  });

  it("restores nothing with restoreSpin off, but still flags the document", async () => {
    const n = normalize(await read(SEED), { restoreSpin: "off" });
    expect(n.spun).toBe(true);
    expect(n.repairs.spin).toBeUndefined();
    expect(n.restorations.filter((r) => r.kind === "spin")).toEqual([]);
    expect(n.text).toContain("科学进展观");
  });

  it("restores an unflagged text only when asked with restoreSpin on", () => {
    const raw = doc("会议对我们的工作赐予了充分确定。");
    expect(normalize(raw).text).toBe("会议对我们的工作赐予了充分确定。");
    expect(normalize(raw, { restoreSpin: "on" }).text).toBe("会议对我们的工作给予了充分肯定。");
  });

  it.each([
    ["充分确定了成绩", "充分肯定了成绩"],
    ["还有确定差距", "还有一定差距"],
    ["围绕年初确定的目标任务", "围绕年初确定的目标任务"],
    ["形势不容乐观", "形势不容乐观"],
    ["乐观推动体制机制创新", "积极推动体制机制创新"],
    ["深化改革，深化学习", "深化改革，深化学习"],
    ["办公室宽敞明亮", "办公室宽敞明亮"],
    ["组织宽敞党员学习", "组织广大党员学习"],
    ["委员会对整改进展情况进行督查", "委员会对整改进展情况进行督查"],
    ["推动经济社会进展", "推动经济社会发展"],
    ["首先，其次，最后", "首先，其次，最后"],
    ["已完成其次阶段工作", "已完成第二阶段工作"],
    ["开展批判和自我批判", "开展批评和自我批评"],
    ["批判继承传统文化", "批判继承传统文化"],
    ["连续三年获评先进", "连续三年获评先进"],
    ["连续加强学习", "继续加强学习"],
    ["技术人才缺乏，", "技术人才缺乏，"],
    ["改正缺乏，", "改正不足，"],
    ["准时参加会议", "准时参加会议"],
    ["准时通报整改情况", "及时通报整改情况"],
    ["可支配收入", "可支配收入"],
    ["满足于完成任务", "满足于完成任务"],
    ["群众满足不满足", "群众满意不满意"],
    ["全心全意为人民效劳", "全心全意为人民服务"],
    ["抓好平安生产", "抓好安全生产"],
    ["推进平安建设", "推进平安建设"],
    ["构成工作合力，构成合力", "构成工作合力，形成合力"],
    ["认真总结阅历教训", "认真总结经验教训"],
    ["人生阅历丰富", "人生阅历丰富"],
    ["从根本上解决问题", "从根本上解决问题"],
    ["整改任务根本完成", "整改任务基本完成"],
    ["增加党性修养", "增强党性修养"],
    ["增加财政投入", "增加财政投入"],
    ["全力推开园区建设", "全力推进园区建设"],
    ["在全市全面推开", "在全市全面推开"],
  ])("restores %s as %s (context decides)", (spun, original) => {
    const edits = spinEdits(spun);
    expect(applyEdits(spun, edits).text).toBe(original);
  });

  it("keeps every gold heading and item of both spun documents matchable after restoration", async () => {
    // The scorer's rule: bigrams without punctuation; headings 70 % both ways, items 50 % cover / 60 % purity.
    const norm = (s: string) => s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
    const bigrams = (s: string) => {
      const n = norm(s);
      const set = new Set<string>();
      for (let i = 0; i + 1 < n.length; i++) set.add(n.slice(i, i + 2));
      return set;
    };
    const overlap = (g: string, p: string) => {
      const bg = bigrams(g);
      const bp = bigrams(p);
      let k = 0;
      for (const b of bg) if (bp.has(b)) k++;
      return { cover: k / bg.size, purity: k / bp.size };
    };
    for (const path of [SEED, SPUN]) {
      const g = JSON.parse(readFileSync(path.replace(/\.txt$/, ".gold.json"), "utf8")) as {
        headings: Array<{ text: string }>;
        problems: string[];
        causes: string[];
        measures: string[];
      };
      const before = normalize(await read(path), { restoreSpin: "off" }).text;
      const edits = spinEdits(before);
      const restore = (s: string) => {
        const at = before.indexOf(s);
        expect(at).toBeGreaterThanOrEqual(0);
        const inside = edits.filter((e) => e.start >= at && e.end <= at + s.length).map((e) => ({ ...e, start: e.start - at, end: e.end - at }));
        return applyEdits(s, inside).text;
      };
      for (const h of g.headings) {
        const o = overlap(h.text, restore(h.text));
        expect(Math.min(o.cover, o.purity), h.text).toBeGreaterThanOrEqual(0.7);
      }
      for (const item of [...g.problems, ...g.causes, ...g.measures]) {
        const o = overlap(item, restore(item));
        expect(o.cover, item).toBeGreaterThanOrEqual(0.5);
        expect(o.purity, item).toBeGreaterThanOrEqual(0.6);
      }
    }
  });
});
