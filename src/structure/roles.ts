/**
 * Section-role classifier: what a section is about (shared/spec/output.md,
 * "Section roles"), from its heading.
 *
 * Signals, in order of precedence:
 *  1. The heading's own words, through the weighted lexicon in
 *     `role-lexicon.yaml`. An entry that NAMES the section type (存在的问题,
 *     原因分析, 下一步工作打算) weighs most; content words (征求意见, 学习)
 *     less; weak hints (不够, 措施) least. Spun variants are in the lexicon.
 *  2. A naive Bayes classifier (natural's BayesClassifier) trained on the
 *     hand-written headings in `role-examples.json` (not taken from the dev
 *     corpus), tokenised with jieba — natural's own tokenizers drop CJK. It
 *     generalises to wordings the lexicon lacks. Trained at build time and
 *     shipped as JSON (dist/structure/role-classifier.rs.json), classified
 *     from it without loading natural; trained at first use from src/.
 *  3. Context: a sub-heading inherits its parent's role (the points under
 *     存在的问题 are problems; 在思想政治建设方面 under problems is problems;
 *     the steps under 整改工作开展情况 are progress), unless its own words name
 *     another type strongly (加强理论学习 under 主要工作及成效 is learning).
 *     A child of an `analysis` parent leans to problems/causes/measures. A
 *     heading whose children are problems + causes (+ measures) is analysis.
 *  4. The first sentence of the body, weakly, when the heading says little;
 *     and for a top-level section whose heading is weak, the body as a whole:
 *     past facts with figures (全年完成…同比增长…) → achievements, or progress
 *     when it is about 整改 (bodyReport).
 * Result-form headings (topic + predicate at the end: 持续加强, 更加精准,
 * 扎实有效, 取得实效, 成效明显) are achievements through the lexicon; under a
 * problems/causes/measures/next-steps/analysis parent achievements count
 * little (a goal, not a result). Siblings are smoothed in index.ts
 * (smoothSiblings): a weak `other` among ≥ 2 siblings of one role takes it.
 * It never reads the document type: the same heading gets the same role in
 * every genre (the checklist decides what is required).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { readDataFile } from "../normalize/spin.js";
import type { SectionRole } from "../model/document.js";
import type { SegmenterName } from "../model/options.js";
import { getSegmenter } from "../segment/segmenter.js";

export const SECTION_ROLES: readonly SectionRole[] = [
  "learning",
  "meeting",
  "analysis",
  "problems",
  "causes",
  "measures",
  "feedback",
  "achievements",
  "next-steps",
  "progress",
  "other",
];

export interface RoleInput {
  /** Heading text without its marker ("存在的主要问题", not "一、存在的主要问题"). */
  heading: string;
  /** Section body (or at least its first sentence); may be "". */
  body: string;
  parentRole: SectionRole | null;
  /** 1 = top level. */
  level: number;
  /** Headings of the direct children, when the tree is known. */
  childHeadings?: string[];
  /** jieba backend for the classifier's tokens (default "rs"); pass `options.segmenter` so one process loads one backend. */
  segmenter?: SegmenterName;
}

export interface RoleResult {
  role: SectionRole;
  confidence: number;
}

interface LexEntry {
  re: RegExp;
  w: number;
}

const require = createRequire(import.meta.url);

let lexiconCache: Map<SectionRole, LexEntry[]> | null = null;
function lexicon(): Map<SectionRole, LexEntry[]> {
  if (lexiconCache) return lexiconCache;
  const raw = readDataFile(new URL("./role-lexicon.yaml", import.meta.url)) as Record<string, Array<{ re: string; w: number }>>;
  const map = new Map<SectionRole, LexEntry[]>();
  for (const role of SECTION_ROLES) {
    map.set(
      role,
      (raw[role] ?? []).map((e) => ({ re: new RegExp(e.re), w: Number(e.w) })),
    );
  }
  lexiconCache = map;
  return map;
}

type Scores = Record<SectionRole, number>;

function zeroScores(): Scores {
  const s = {} as Scores;
  for (const r of SECTION_ROLES) s[r] = 0;
  return s;
}

/** Lexicon score per role for one heading (sum of matching entry weights). */
export function lexiconScores(heading: string): Scores {
  const s = zeroScores();
  const h = heading.replace(/\s+/g, "");
  for (const [role, entries] of lexicon()) for (const e of entries) if (e.re.test(h)) s[role] += e.w;
  return s;
}

function argmax(s: Scores): [SectionRole, number, number] {
  let best: SectionRole = "other";
  let bestV = -Infinity;
  let second = -Infinity;
  for (const r of SECTION_ROLES) {
    const v = s[r];
    if (v > bestV) {
      second = bestV;
      bestV = v;
      best = r;
    } else if (v > second) second = v;
  }
  return [best, bestV, Math.max(0, second)];
}

// ───────────────────────────── Bayes classifier ─────────────────────────────

interface BayesClassifier {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  getClassifications(tokens: string[]): Array<{ label: string; value: number }>;
}

/** Spun synonyms mapped back before tokenising (缘由 → 原因), so the model sees one word. */
const SPIN_BACK: Array<[RegExp, string]> = [
  [/缘由/g, "原因"],
  [/根底/g, "根源"],
  [/争辩/g, "研究"],
  [/进展观/g, "发展观"],
  [/比照/g, "对照"],
  [/支配/g, "安排"],
  [/批判/g, "批评"],
  [/生疏/g, "认识"],
];

/** Heading → classifier tokens: jieba words without punctuation and bare particles. */
export function roleTokens(text: string, segmenter: SegmenterName = "rs"): string[] {
  let t = text;
  for (const [re, to] of SPIN_BACK) t = t.replace(re, to);
  return getSegmenter(segmenter)
    .cut(t)
    .map((w) => w.trim())
    .filter((w) => w && !/^[\p{P}\p{S}\p{N}]+$/u.test(w) && !/^(的|了|和|及|与|对|在|把|为|是)$/.test(w));
}

interface BayesClassifierClass {
  new (): BayesClassifier;
  restore(saved: unknown): BayesClassifier;
}

function bayesClass(): BayesClassifierClass {
  // Only the Bayes file: natural's root (and even its classifiers/index) loads storage back-ends,
  // prints dotenv lines and costs ~400 ms; bayes_classifier.js alone loads in ~20 ms.
  return require("natural/lib/natural/classifiers/bayes_classifier.js") as BayesClassifierClass;
}

function trainClassifier(segmenter: SegmenterName): BayesClassifier {
  const c = new (bayesClass())();
  const examples = JSON.parse(readFileSync(new URL("./role-examples.json", import.meta.url), "utf8")) as Array<{ heading: string; role: SectionRole; text?: string }>;
  for (const ex of examples) {
    const tokens = roleTokens(ex.text ? `${ex.heading}。${ex.text}` : ex.heading, segmenter);
    if (tokens.length) c.addDocument(tokens, ex.role);
  }
  c.train();
  return c;
}

/**
 * The trained model for `segmenter` as JSON, for scripts/copy-assets.mjs to ship
 * in dist/ (role-classifier.rs.json): training costs ~100 ms of every start-up.
 * Trained through the same segmenter as classification uses, so the tokens match.
 * The training documents are dropped: classification needs only the model.
 */
export function serializeRoleClassifier(segmenter: SegmenterName = "rs"): string {
  const saved = JSON.parse(JSON.stringify(trainClassifier(segmenter))) as Record<string, unknown>;
  saved["docs"] = [];
  saved["lastAdded"] = 0;
  return JSON.stringify(saved);
}

/** A model saved by serializeRoleClassifier, ready to classify, through natural itself. */
export function restoreRoleClassifier(json: string): Pick<BayesClassifier, "getClassifications"> {
  return bayesClass().restore(JSON.parse(json) as unknown);
}

/** What serializeRoleClassifier keeps of natural's BayesClassifier (apparatus's model inside). */
interface SavedBayes {
  features: Record<string, number>;
  classifier: {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
  };
}

/**
 * A saved model classified without loading natural (its Bayes file pulls in apparatus,
 * sylvester and a stemmer: ~20 ms of start-up, and restoring through it ~15 ms more).
 * The arithmetic is natural's, in natural's order, so the values are the same to the
 * last bit (tested): features in the saved object's key order, log-probabilities summed
 * from the last present feature down, labels in key order, then sorted by value.
 */
export function savedRoleClassifier(json: string): Pick<BayesClassifier, "getClassifications"> {
  const saved = JSON.parse(json) as SavedBayes;
  const featureIndex = new Map<string, number>();
  for (const f of Object.keys(saved.features)) featureIndex.set(f, featureIndex.size);
  const { classFeatures, classTotals, totalExamples, smoothing } = saved.classifier;
  const labels = Object.keys(classFeatures);
  return {
    getClassifications(tokens: string[]) {
      const present = new Set<number>();
      for (const t of tokens) {
        const k = featureIndex.get(t);
        if (k !== undefined) present.add(k);
      }
      const indices = [...present].sort((a, b) => b - a);
      return labels
        .map((label) => {
          const counts = classFeatures[label]!;
          const total = classTotals[label]!;
          let prob = 0;
          for (const k of indices) prob += Math.log((counts[k] || smoothing) / total);
          return { label, value: (total / totalExamples) * Math.exp(prob) };
        })
        .sort((x, y) => y.value - x.value);
    },
  };
}

/** One trained model per backend: tokens must be cut the same way in training and use. */
const classifierCache = new Map<SegmenterName, Pick<BayesClassifier, "getClassifications">>();
function classifier(segmenter: SegmenterName): Pick<BayesClassifier, "getClassifications"> {
  const cached = classifierCache.get(segmenter);
  if (cached) return cached;
  // dist/ ships the rs model trained at build time; from src/ (tests) or for another backend: train now.
  const saved = fileURLToPath(new URL(`./role-classifier.${segmenter}.json`, import.meta.url));
  const c = existsSync(saved) ? savedRoleClassifier(readFileSync(saved, "utf8")) : trainClassifier(segmenter);
  classifierCache.set(segmenter, c);
  return c;
}

/** Posterior share per role from the Bayes model (sums to 1 over the roles it knows). */
export function classifierScores(heading: string, segmenter: SegmenterName = "rs"): Scores {
  const s = zeroScores();
  const tokens = roleTokens(heading, segmenter);
  if (!tokens.length) return s;
  const out = classifier(segmenter).getClassifications(tokens);
  const total = out.reduce((a, b) => a + b.value, 0) || 1;
  for (const { label, value } of out) if ((SECTION_ROLES as readonly string[]).includes(label)) s[label as SectionRole] = value / total;
  return s;
}

// ───────────────────────────── combination ─────────────────────────────

const CLASSIFIER_WEIGHT = 2.5;
const BODY_WEIGHT = 0.3;
/** Bonus for a top-level body that reads as a report of things done (see bodyReport). */
const BODY_REPORT_WEIGHT = 2.5;
/** How strongly a sub-heading inherits its parent's role (see header, signal 3). */
const INHERIT: Partial<Record<SectionRole, number>> = {
  problems: 4.5,
  causes: 4.5,
  measures: 4.5,
  "next-steps": 4.5,
  progress: 4.5,
  learning: 4,
  meeting: 4,
  feedback: 4,
  achievements: 3,
  other: 2,
};
const ANALYSIS_PARTS: readonly SectionRole[] = ["problems", "causes", "measures"];
const NO_ACHIEVEMENTS_UNDER: ReadonlySet<SectionRole> = new Set(["problems", "causes", "measures", "next-steps", "analysis"]);
/** Lexicon weight at which a heading names its section type (role-lexicon.yaml: 5–8). */
const NAMING = 5;
const PLAN_PARENTS: ReadonlySet<SectionRole> = new Set(["measures", "next-steps"]);
const TOPIC_ROLES: readonly SectionRole[] = ["learning", "meeting", "feedback"];

/** First sentence of a body (up to 。！？ or a line break), at most 80 chars. */
function firstSentence(body: string): string {
  const m = /^[^。！？!?\n]{0,80}/.exec(body.trim());
  return m ? m[0] : "";
}

// `全年完成86亿元，同比增长6.2%` / `累计建成…` / `已整改到位11个`
const PAST_FACT = /全年|累计|共计|先后|已经?|完成|建成|引进|新增|达到|实现|同比|较上年|比上年|[0-9０-９]+(?:\.[0-9]+)?\s*(?:%|％|个|家|项|人|名|件|场|次|万|亿|元|户|所|公里|亩)/g;
// `将…` `计划` `力争` `明年` — a plan, not a report
const FUTURE = /将|计划|拟|力争|确保|明年|下一步|今后|下阶段/;

/** `achievements` / `progress` when a body reads as a report of things done, else null. */
export function bodyReport(body: string): SectionRole | null {
  const head = body.slice(0, 300);
  const facts = head.match(PAST_FACT)?.length ?? 0;
  if (facts < 3 || FUTURE.test(head)) return null;
  return (head.match(/整改/g)?.length ?? 0) >= 2 ? "progress" : "achievements";
}

/** The role of one section and how sure the combination is (0–1). */
export function classifyRole(input: RoleInput): RoleResult {
  const heading = input.heading.trim();
  const lex = lexiconScores(heading);
  const cls = classifierScores(heading, input.segmenter ?? "rs");
  const scores = zeroScores();
  for (const r of SECTION_ROLES) scores[r] = lex[r] + CLASSIFIER_WEIGHT * cls[r];

  // Context from the parent.
  const parent = input.parentRole;
  if (parent === "analysis") {
    for (const r of ANALYSIS_PARTS) scores[r] += 1.5;
  } else if (parent) {
    scores[parent] += INHERIT[parent] ?? 0;
    // 在理论学习和政治能力方面 / 对照“担当作为”方面 under 存在的主要问题 or 对照检查情况:
    // a category heading, never a topic of its own.
    if (/^(在|对照)[^，,。]{1,24}方面/.test(heading)) scores[parent] += 4;
  }

  // A plan or a self-criticism has no achievements: `（二）作风建设更加务实` under 下一步工作打算
  // is a goal, under 存在的问题 it would be irony. Result-form wording counts little there.
  if (parent && NO_ACHIEVEMENTS_UNDER.has(parent)) scores.achievements *= 0.3;
  // Likewise study is a topic there, not a section of its own: `（一）学习贯彻党的创新理论还不够深入`
  // under 存在的问题 is a problem, `（一）坚持读原著学原文` under 整改措施 a measure.
  if (parent && parent !== "analysis" && NO_ACHIEVEMENTS_UNDER.has(parent)) scores.learning *= 0.3;
  // A plan has no progress yet: `（三）压实整改责任` under 整改措施 is a measure.
  if (parent === "measures" || parent === "next-steps") scores.progress *= 0.3;
  // Under a plan (措施, 下一步) a study or meeting heading is one of the steps:
  // `持续加强理论学习` under 今后的努力方向和整改措施 is a measure, not a learning report.
  if (parent && PLAN_PARENTS.has(parent)) for (const r of TOPIC_ROLES) scores[r] *= 0.3;
  // Causes are worded as shortcomings (`担当作为的精神不足`, `宗旨意识有所淡化`): under a
  // causes parent, deficiency words are no sign of a problems section — unless the heading
  // names one (`存在的问题`).
  if (parent === "causes" && lex.problems < NAMING) scores.problems *= 0.3;
  // A result of 整改 is how far the rectification got: `整改工作取得阶段性成效`,
  // `整改成效初步显现` are progress, not the year's achievements.
  if (/整改/.test(heading) && scores.achievements > 0) {
    scores.progress += scores.achievements;
    scores.achievements = 0;
  }

  // Context from the children: 问题 + 原因 (+ 措施) below one heading → analysis.
  if (input.childHeadings?.length) {
    const childRoles = new Set<SectionRole>();
    for (const ch of input.childHeadings) {
      const [r, v] = argmax(lexiconScores(ch));
      if (v >= 4) childRoles.add(r);
    }
    const parts = ANALYSIS_PARTS.filter((r) => childRoles.has(r)).length;
    if (parts >= 2) scores.analysis += 6;
  }

  // The body's first sentence, weakly.
  const bodyLex = lexiconScores(firstSentence(input.body));
  for (const r of SECTION_ROLES) scores[r] += BODY_WEIGHT * Math.min(bodyLex[r], 6);

  // A top-level section whose body reports things done with figures (全年…完成…同比增长)
  // leans to achievements (progress when about 整改): `三、加强自身建设，提升队伍素质`
  // heads a report of the year, not a plan.
  // Only when the heading's own words are weak (no lexicon entry of weight ≥ 4): a
  // 征求意见 or 民主生活会 section reports figures too, and stays what it names.
  if (!parent && argmax(lex)[1] < 4) {
    const fromBody = bodyReport(input.body);
    if (fromBody) scores[fromBody] += BODY_REPORT_WEIGHT;
  }

  const [best, bestV, second] = argmax(scores);
  const lexBest = argmax(lex)[1];
  if (bestV < 1.2) {
    if (parent && parent !== "analysis") return { role: parent, confidence: 0.3 };
    // The heading says nothing (`聚焦扩大内需，推动消费提质扩容`): the body tells what the
    // section reports. Past facts with figures are achievements — or progress when the
    // body is about 整改.
    const fromBody = bodyReport(input.body);
    if (fromBody && !parent) return { role: fromBody, confidence: 0.45 };
    return { role: "other", confidence: 0.3 };
  }
  let confidence = 0.45 + 0.55 * ((bestV - second) / bestV);
  // Nothing but the statistical model spoke: do not claim much.
  if (lexBest <= 0 && !parent) confidence = Math.min(confidence, 0.6);
  return { role: best, confidence: Math.round(Math.min(0.99, confidence) * 100) / 100 };
}
