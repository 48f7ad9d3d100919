/**
 * People named with a role: 常文利同志 … 督导组组长 (role before the name:
 * 市直机关工委第五督导组组长常文利同志), 党组书记、局长许文涛, 由分管副局长
 * 周建华牵头. A name is 2–3 Han characters right after a role title and
 * before 同志/负责/牵头/带头/代表/、/，; a bare name without a title is never
 * taken (it cannot be told from an ordinary word).
 */
import type { PersonFact, Span } from "../model/document.js";

const TITLE = "(?:书记|副书记|局长|副局长|主任|副主任|组长|副组长|院长|副院长|镇长|副镇长|县长|副县长|区长|副区长|市长|副市长|部长|副部长|处长|科长|所长|站长|主席|委员|纪检组长|厂长|经理|董事长|队长|校长|社长|馆长|主任科员|调研员|支部书记)";
const NAME = "([\\u4e00-\\u9fa5]{2,3}?)";
const PERSON_RE = new RegExp(`((?:[\\u4e00-\\u9fa5]{0,16}?${TITLE}、)?[\\u4e00-\\u9fa5]{0,16}?${TITLE})${NAME}(?=同志|负责|牵头|带头|代表|作|在|对|主持|出席|到会|参加|[，,。、；\\s（(])`, "g");
const NOT_NAME = /^(?:和|与|及|等|之间|同志|带头|负责|班子|成员|党组|的|为|是|在|对|任|兼|主持|作了|代表|一起|亲自|分别|以及)/;
const COMMON_SURNAME = /^[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝]/;

export function extractPeople(text: string): PersonFact[] {
  const out: PersonFact[] = [];
  const seen = new Set<string>();
  PERSON_RE.lastIndex = 0;
  for (let m = PERSON_RE.exec(text); m; m = PERSON_RE.exec(text)) {
    const role = m[1]!.replace(/^(?:由|经|请|邀请|和|与|及|其中|会上|会前|会后|并|县委|党组书记的)/, "");
    const name = m[2]!;
    if (NOT_NAME.test(name) || !COMMON_SURNAME.test(name)) continue;
    // 3-character names are ambiguous with a following verb (陈立明同 …): prefer 2+同志 cut
    const start = m.index + m[1]!.length;
    const span: Span = [start, start + name.length];
    const key = `${name}|${role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, role: role || null, span });
    PERSON_RE.lastIndex = start + name.length;
  }
  // keep one entry per name: the longest role
  const byName = new Map<string, PersonFact>();
  for (const p of out) {
    const prev = byName.get(p.name);
    if (!prev || (p.role ?? "").length > (prev.role ?? "").length) byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0));
}
