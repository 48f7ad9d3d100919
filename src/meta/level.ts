/**
 * The administrative level of a unit from its name: the most specific division
 * it names. 中共望川区杏林路街道工作委员会 → township (街道 under 区);
 * 慈溪市交通运输局 → county (a county-level city, from the GB/T 2260 table);
 * 云溪市生态环境局 → city (a 市 the table does not know is a prefecture city);
 * 县农业农村局 → county (the bare rank word). Never from 市场, 城市, 开发区,
 * 园区 or 农村: 工业园区党工委 has no level.
 */
import type { MetaLevel } from "../model/meta.js";
import { divisionTable } from "./divisions.js";

const RANK: Record<MetaLevel, number> = { central: 0, province: 1, city: 2, county: 3, township: 4, village: 5 };

// Suffixes that end a division name, with the level they give when the table does not know the name,
// and what must not stand right before or after them (市场, 城市, 县长, 开发区, 乡镇, 农村 …).
const SUFFIXES: Array<{ re: RegExp; level: MetaLevel }> = [
  { re: /自治区(?![长域])/g, level: "province" },
  { re: /省(?![长级内外份])/g, level: "province" },
  { re: /(?:自治州|(?<![神九])州(?![长府级]))/g, level: "city" },
  { re: /盟(?![员友长])/g, level: "city" },
  { re: /(?<![城都超门股菜夜早集])市(?![场民长级容政县区值])/g, level: "city" },
  { re: /(?<![郡])(?:自治)?县(?![长级域]|城(?!市))/g, level: "county" }, // 青岚县城市建设… is 县 + 城市; 县城 alone is a town
  { re: /旗(?![帜长下舰])/g, level: "county" },
  { re: /(?<![开发园新景城辖小片校矿库税范社山湾林垦湖牧险灾战军地街专功禁学保试验合作核心])区(?![长域县级])/g, level: "county" },
  { re: /(?<![城乡集重古])镇(?![长压定静守])/g, level: "township" },
  { re: /(?<![城家故返下老])乡(?![镇村长亲土愁音])/g, level: "township" },
  { re: /街道/g, level: "township" },
  { re: /苏木/g, level: "township" },
  { re: /(?<![城乡智慧大])社区/g, level: "village" },
  { re: /嘎查/g, level: "village" },
  { re: /(?<![农乡])村(?=[党支委民两集股经]|$)/g, level: "village" }, // not 农村, 乡村
];

// 县委 / 市委 / 区教育局 / 省委 at the very start: the rank word without a name
const BARE_RANK: Array<[RegExp, MetaLevel]> = [
  [/^(?:中共)?省/, "province"],
  [/^(?:中共)?市/, "city"],
  [/^(?:中共)?(?:县|区|旗)/, "county"],
  [/^(?:中共)?(?:镇|乡|街道)/, "township"],
];

// 中共中央…, 国务院…, 全国…, 最高人民法院, 国家统计局, 教育部 — central organs name no place
const CENTRAL = /^(?:中共中央|中央|国务院|全国|最高人民(?:法院|检察院)|国家[\u4e00-\u9fa5]{1,12}(?:局|委员会|署|院|总局)|[\u4e00-\u9fa5]{1,5}(?<![支干全局内外分本总])部(?:党组|机关)?$)/;

export function levelOfUnit(unit: string): MetaLevel | null {
  const name = unit.replace(/\s+/g, "").replace(/^中共/, "");
  const table = divisionTable();
  let best: MetaLevel | null = null;
  const take = (l: MetaLevel) => {
    if (!best || RANK[l] > RANK[best]) best = l;
  };
  for (const { re, level } of SUFFIXES) {
    re.lastIndex = 0;
    for (let m = re.exec(name); m; m = re.exec(name)) {
      const end = m.index + m[0].length;
      if (m.index === 0) continue; // a rank word alone: BARE_RANK below
      // The longest name ending here that the division table knows (慈溪市, 宁波市, 浙江省).
      let known: MetaLevel | null = null;
      for (let start = Math.max(0, end - 10); start <= m.index - 1 && !known; start++) known = table.get(name.slice(start, end)) ?? null;
      take(known ?? level);
    }
  }
  if (best) return best;
  for (const [re, level] of BARE_RANK) if (re.test(name)) return level;
  if (CENTRAL.test(unit.replace(/\s+/g, ""))) return "central";
  return null;
}
