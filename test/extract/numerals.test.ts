import { describe, expect, it } from "vitest";
import { foldWidth, parseNumeral } from "../../src/extract/numerals.js";

describe("parseNumeral", () => {
  const table: Array<[string, number]> = [
    ["41", 41],
    ["４１", 41],
    ["96.3", 96.3],
    ["９３．５", 93.5],
    ["一", 1],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["四十一", 41],
    ["一百二十七", 127],
    ["一百零五", 105],
    ["一千零五", 1005],
    ["两千", 2000],
    ["两千六", 2600],
    ["六千八", 6800],
    ["三万五", 35000],
    ["一百二", 120],
    ["三万零五百", 30500],
    ["一百二十万", 1_200_000],
    ["3万4000", 34000],
    ["2.3万", 23000],
    ["1.3万", 13000],
    ["五百", 500],
    ["六十", 60],
    ["二〇二三", 2023],
    ["九十三点五", 93.5],
    ["两亿三千万", 230_000_000],
  ];
  for (const [input, want] of table) {
    it(`reads ${input} as ${want}`, () => expect(parseNumeral(input)).toBe(want));
  }
  it("refuses what is not a numeral", () => {
    expect(parseNumeral("")).toBeNull();
    expect(parseNumeral("万")).toBeNull();
    expect(parseNumeral("十个")).toBeNull();
  });
  it("folds full-width digits one for one, so offsets stay valid", () => {
    const s = "收回３０６份，满意率９３．５％";
    expect(foldWidth(s)).toBe("收回306份，满意率93.5%");
    expect(foldWidth(s).length).toBe(s.length);
  });
});
