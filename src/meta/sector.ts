/**
 * The field a unit works in (shared/spec/output.md): a bureau of education,
 * health or justice takes that field (教育局 → education, 卫健委 → health,
 * 法院/检察院/公安 → judicial); banks and insurers → finance; companies →
 * enterprise; a village or a community → village-community; Party
 * committees, governments, 街道/镇 and other departments → party-gov.
 * The first rule that matches wins, in the order below: 社区卫生服务中心 is
 * health, 农商银行 finance, 城市建设投资有限公司 enterprise.
 */
import type { MetaSector } from "../model/meta.js";

const RULES: Array<[MetaSector, RegExp]> = [
  ["finance", /银行|保险|信用(?:合作)?社|农商行|证券|信托|期货|金融控股|人寿|财险|基金管理/],
  ["health", /医院|卫生院|卫生健康|卫健|卫生局|卫生服务中心|疾病预防控制|疾控|妇幼保健|血站|急救中心|医疗保障|医保局|中医|医学中心|卫生和计划生育/],
  ["education", /教育局|教育和体育局|教育体育局|教体局|教育厅|教委|教育委员会|教育工委|学校|中学|小学|大学|学院|幼儿园|职业技术|职业学校|职校|教育集团|中心校|教研/],
  ["judicial", /法院|检察院|公安|派出所|司法局|司法厅|监狱|戒毒所|看守所/],
  ["enterprise", /公司|集团|企业|(?<![工])厂|股份|实业|商贸/],
  ["village-community", /(?<![农乡])村(?=[党支委民两集股经]|$)|(?<![城乡智慧])社区(?!卫生)|居委会|居民委员会|嘎查/],
  ["party-gov", /委员会|委|党组|党委|党工委|支部|总支|政府|局|厅|部|办|管委会|人大|政协|街道|镇|乡|机关|中心|站|所/],
];

export function sectorOfUnit(unit: string): MetaSector {
  for (const [sector, re] of RULES) if (re.test(unit)) return sector;
  return "other";
}
