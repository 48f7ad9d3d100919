// A labelled set for copy detection, generated (seeded) from the corpus texts: every
// source report, partial copies of it (20–80 % of its paragraphs kept, reordered, unit
// and person names, dates and figures changed, some machine-spun with the spin table in
// reverse, own paragraphs added), last-year copies with only the dates changed, and the
// unrelated reports of the same type that share nothing but the genre's phrasing.
// The truth is the provenance of every paragraph: the true containment of X in Y is the
// share of X's characters in paragraphs whose origin also occurs in Y.
// Plain JavaScript so scripts/copies-eval.mjs and test/similar/eval.test.ts share it.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, basename } from "node:path";
import { createRequire } from "node:module";
import { prng } from "./prng.mjs";

const require = createRequire(import.meta.url);

/** A corpus text file, UTF-8 or GBK. */
export function readText(path) {
  const buf = readFileSync(path);
  const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(buf);
  if (!utf8.includes("\uFFFD")) return utf8.replace(/^\uFEFF/, "");
  return new TextDecoder("gb18030").decode(buf);
}

/** Paragraphs of a text: its lines, a long one-line scrape cut after sentence ends. */
export function paragraphs(text) {
  const out = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.length <= 500) {
      out.push(line);
      continue;
    }
    let cur = "";
    for (const s of line.split(/(?<=[。！？])/)) {
      cur += s;
      if (cur.length >= 220) {
        out.push(cur.trim());
        cur = "";
      }
    }
    if (cur.trim()) out.push(cur.trim());
  }
  return out;
}

/** The report type of a corpus text (from its gold file), or null. */
function typeOf(path) {
  const gold = path.replace(/\.[a-z]+$/, ".gold.json");
  if (!existsSync(gold)) return null;
  const g = JSON.parse(readFileSync(gold, "utf8"));
  return g.reportType ?? g.type ?? null;
}

export function loadSources(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: basename(f, ".txt"), type: typeOf(join(dir, f)), paras: paragraphs(readText(join(dir, f))) }))
    .filter((s) => s.type && s.type !== "other" && s.paras.length >= 4);
}

// Invented names, for replacing the units and people of a copy.
const PLACES = ["云栖", "石湾", "柳塘", "青岚", "白沙", "枫林", "桃源", "临溪", "金川", "望海", "松涛", "梅岭", "荷塘", "鹿鸣", "银杏", "丰泽"];
const SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜";
const GIVEN = "建国立新志强海峰晓梅丽华文博思远雨晴宏伟振东春燕秀英德明";
// Units as the corpus names them: 2–4 characters before a unit word.
const UNIT = /[\u4e00-\u9fff]{2,4}?(?:县|镇|乡|街道|区|市|局|公司|医院|学校|社区|村|园区)/g;
const PERSON = /([\u4e00-\u9fff]{2,3})(?=同志)/g;

/** Unit names as the title and the signature lines write them (石门镇, 青禾县交通运输局). */
function unitNamesOf(paras) {
  const lines = [paras[0], ...paras.slice(-3).filter((p) => p.length < 30)];
  const names = new Set();
  for (const l of lines) for (const m of l.match(UNIT) ?? []) names.add(m);
  return [...names].sort((a, b) => b.length - a.length);
}

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** Opening and closing lines in the genre's stock phrasing, added to some documents of every family. */
const STOCK_OPEN = [
  "按照上级党委统一部署，现将有关情况报告如下。",
  "以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，现将有关情况报告如下。",
  "根据县委统一部署，结合工作实际，现将对照检查情况报告如下。",
  "为认真开好这次民主生活会，会前广泛征求意见建议，深入开展谈心谈话，现将对照检查情况报告如下。",
];
const STOCK_CLOSE = [
  "以上对照检查，不妥之处，恳请同志们批评指正。",
  "以上是我的对照检查，请大家批评帮助。",
  "我们将以此次检查为契机，坚持问题导向，确保整改工作取得实效。",
  "以上报告，如有不当之处，请批评指正。",
];

function spinPairs() {
  const { parse } = require("yaml");
  const data = parse(readFileSync(new URL("../../src/normalize/spin-pairs.yaml", import.meta.url), "utf8"));
  // Only pairs the restorer undoes everywhere: the copy is spun as a rewording tool would.
  return data.pairs.filter((p) => !p.restore && !p.keep && p.original.length >= 2);
}

/** A copy's edits: names, figures and dates changed; optionally spun. */
function editor(rand, { spin, names = true, figures = true, yearShift = 0, unitNames = [] }) {
  const unitMap = new Map();
  const personMap = new Map();
  const pairs = spin ? spinPairs() : [];
  return (text) => {
    let t = text;
    if (names && unitNames.length) {
      // The unit's own names (from its title and signature) change everywhere, nothing else.
      for (const m of unitNames) {
        if (!unitMap.has(m)) unitMap.set(m, pick(rand, PLACES) + m.slice(-1 - (m.endsWith("街道") || m.endsWith("社区") || m.endsWith("公司") || m.endsWith("医院") || m.endsWith("学校") || m.endsWith("园区") ? 1 : 0)));
        t = t.split(m).join(unitMap.get(m));
      }
      t = t.replace(PERSON, (m) => {
        if (!personMap.has(m)) personMap.set(m, pick(rand, SURNAMES) + pick(rand, GIVEN) + (m.length > 2 ? pick(rand, GIVEN) : ""));
        return personMap.get(m);
      });
    }
    t = t.replace(/(19|20)(\d\d)(?=年)/g, (m) => String(Number(m) + yearShift));
    if (figures) {
      // Every number but a year (a year is followed by 年 or is a 4-digit 19xx/20xx).
      t = t.replace(/\d+/g, (m, at, all) => (all[at + m.length] === "年" || (m.length === 4 && /^(19|20)/.test(m)) ? m : rand() < 0.7 ? String(Math.max(1, Math.round(Number(m) * (0.6 + rand() * 0.8)))) : m));
    }
    if (spin) {
      for (const p of pairs) {
        if (t.includes(p.original) && rand() < 0.6) t = t.split(p.original).join(p.spun);
      }
    }
    return t;
  };
}

const hanCount = (s) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;

function shuffle(rand, a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * The labelled set: documents `{ name, family, type, paras: [{ text, origin }] }`.
 * `origin` is "source#k" for a paragraph from a source report, "own#n" for a
 * paragraph no other document holds, "stock#n" for a stock line.
 */
export function generateSet(sources, filler, seed = 1) {
  const rand = prng(seed);
  const fill = shuffle(rand, [...filler]);
  let nextFill = 0;
  let own = 0;
  const docs = [];
  const stock = (doc) => {
    if (rand() < 0.6) {
      const k = Math.floor(rand() * STOCK_OPEN.length);
      doc.paras.splice(1, 0, { text: STOCK_OPEN[k], origin: `stock-open#${k}` });
    }
    if (rand() < 0.6) {
      const k = Math.floor(rand() * STOCK_CLOSE.length);
      doc.paras.push({ text: STOCK_CLOSE[k], origin: `stock-close#${k}` });
    }
    return doc;
  };
  for (const s of sources) {
    const orig = s.paras.map((text, k) => ({ text, origin: `${s.name}#${k}` }));
    docs.push(stock({ name: `${s.name}`, family: s.name, type: s.type, kind: "source", paras: orig.map((p) => ({ ...p })) }));
    const copies = 2 + (rand() < 0.5 ? 1 : 0);
    for (let c = 0; c < copies; c++) {
      const f = 0.2 + rand() * 0.6;
      const body = orig.slice(1);
      // Units of copying: a body paragraph with the short lines (headings) just before it.
      const units = [];
      let pending = [];
      body.forEach((p, k) => {
        pending.push(k);
        if (hanCount(p.text) >= 60) {
          units.push(pending);
          pending = [];
        }
      });
      if (pending.length && units.length) units[units.length - 1].push(...pending);
      const n = Math.max(2, Math.round(units.length * f));
      const kept = shuffle(rand, units.map((_, k) => k)).slice(0, n).sort((a, b) => a - b).flatMap((u) => units[u]);
      // Reordered: the kept paragraphs in runs, the runs shuffled.
      const runs = [];
      for (const k of kept) {
        if (runs.length && runs[runs.length - 1].at(-1) === k - 1 && rand() < 0.7) runs[runs.length - 1].push(k);
        else runs.push([k]);
      }
      shuffle(rand, runs);
      const edit = editor(rand, { spin: rand() < 0.4, names: true, figures: true, yearShift: rand() < 0.5 ? 1 : 0, unitNames: unitNamesOf(s.paras) });
      const paras = [{ text: edit(orig[0].text), origin: orig[0].origin }];
      for (const run of runs) for (const k of run) paras.push({ text: edit(body[k].text), origin: body[k].origin });
      // Own paragraphs: written by the copier (here: unused paragraphs of texts outside the set).
      const owns = Math.floor(rand() * 4);
      for (let o = 0; o < owns && nextFill < fill.length; o++) {
        const at = 1 + Math.floor(rand() * paras.length);
        paras.splice(at, 0, { text: fill[nextFill++], origin: `own#${own++}` });
      }
      docs.push(stock({ name: `${s.name}--copy${c + 1}`, family: s.name, type: s.type, kind: "partial", paras }));
    }
    if (rand() < 0.6) {
      const edit = editor(rand, { spin: false, names: false, figures: false, yearShift: -1 });
      docs.push({ name: `${s.name}--last-year`, family: s.name, type: s.type, kind: "last-year", paras: orig.map((p) => ({ text: edit(p.text), origin: p.origin })) });
    }
  }
  return docs;
}

/** True containment of a in b: characters of a's paragraphs whose origin b also holds. Stock lines never count. */
export function trueContainment(a, b) {
  const inB = new Set(b.paras.map((p) => p.origin));
  let shared = 0;
  let total = 0;
  for (const p of a.paras) {
    const n = hanCount(p.text);
    total += n;
    if (!p.origin.startsWith("stock") && inB.has(p.origin)) shared += n;
  }
  return total ? shared / total : 0;
}

export function docText(doc) {
  return doc.paras.map((p) => p.text).join("\n") + "\n";
}

/**
 * Scores predictions against the truth.
 * `flagged`: Set of "a\u0000b" keys (names, a < b) the tool flagged (quality.copied-text either way).
 * Pairs whose larger true containment lies in [low, high) are too close to the threshold to call
 * and are left out of precision and recall (counted apart).
 */
export function scorePairs(docs, flagged, { threshold = 0.3, band = 0.1 } = {}) {
  let tp = 0, fp = 0, fn = 0, ambiguous = 0, unrelatedFlags = 0, unrelatedSameType = 0;
  const misses = [];
  const falses = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i], b = docs[j];
      const [x, y] = a.name < b.name ? [a, b] : [b, a];
      const key = `${x.name}\u0000${y.name}`;
      const truth = Math.max(trueContainment(a, b), trueContainment(b, a));
      const pred = flagged.has(key);
      if (a.family !== b.family) {
        if (a.type === b.type) unrelatedSameType++;
        if (pred) unrelatedFlags++;
      }
      if (truth >= threshold - band && truth < threshold + band) {
        ambiguous++;
        continue;
      }
      const pos = truth >= threshold;
      if (pos && pred) tp++;
      else if (pos) (fn++, misses.push([x.name, y.name, truth]));
      else if (pred) (fp++, falses.push([x.name, y.name, truth]));
    }
  }
  return { tp, fp, fn, ambiguous, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, unrelatedFlags, unrelatedSameType, misses, falses };
}
