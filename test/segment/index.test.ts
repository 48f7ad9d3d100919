import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { WorkingDocument } from "../../src/model/document.js";
import { segmentDocument } from "../../src/segment/index.js";
import { newWorkingDocument } from "../../src/model/working-document.js";

function workingDoc(text: string): WorkingDocument {
  return newWorkingDocument({ path: "x.txt", format: "txt", bytes: text.length, sha256: "", pages: null }, { text });
}

describe("segmentDocument", () => {
  it("fills sentences and the top 20 keywords of a real report", async () => {
    const text = readFileSync(new URL("../../corpora/dev/democratic-life-team-complete.txt", import.meta.url), "utf8");
    const doc = workingDoc(text);
    await segmentDocument(doc);
    expect(doc.sentences.length).toBeGreaterThan(40);
    expect(text.slice(...doc.sentences[0]!)).toBe("中共望川区杏林路街道工作委员会领导班子2023年度民主生活会对照检查材料");
    expect(doc.keywords).toHaveLength(20);
    expect(doc.keywords.map((k) => k.word)).toEqual(expect.arrayContaining(["党工委", "查摆"]));
  });

  it("gives an empty document no sentences and no keywords", async () => {
    const doc = workingDoc("  \n ");
    await segmentDocument(doc);
    expect(doc.sentences).toEqual([]);
    expect(doc.keywords).toEqual([]);
  });
});
