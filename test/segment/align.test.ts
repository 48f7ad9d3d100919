import { describe, expect, it } from "vitest";
import { alignTokens } from "../../src/segment/align.js";
import { getSegmenter } from "../../src/segment/segmenter.js";

describe("alignTokens", () => {
  it("maps jieba tokens back to their offsets in the text", () => {
    const text = "召开专题民主生活会，共收到意见建议41条。";
    const tokens = getSegmenter("rs").cut(text);
    const spans = alignTokens(text, tokens);
    expect(spans).toHaveLength(tokens.length);
    spans.forEach(([s, e], i) => expect(text.slice(s, e)).toBe(tokens[i]));
    expect(spans[spans.length - 1]![1]).toBe(text.length);
  });

  it("skips whitespace the tokens do not contain", () => {
    expect(alignTokens("整改  措施\n落实", ["整改", "措施", "落实"])).toEqual([
      [0, 2],
      [4, 6],
      [7, 9],
    ]);
  });

  it("gives an empty span at the cursor to a token that is not in the text", () => {
    expect(alignTokens("整改措施", ["整改", "办法", "措施"])).toEqual([
      [0, 2],
      [2, 2],
      [2, 4],
    ]);
  });

  it("starts from a given offset", () => {
    expect(alignTokens("一、整改措施", ["整改"], 2)).toEqual([[2, 4]]);
  });
});
