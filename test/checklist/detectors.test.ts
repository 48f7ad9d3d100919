/** Detector tables: `valid` documents carry the element (evidence span), `invalid` ones do not (null). */
import { describe, expect, it } from "vitest";
import type { WorkingDocument } from "../../src/model/document.js";
import { DETECTORS } from "../../src/checklist/detectors/index.js";
import { makeDoc } from "../extract/helpers.js";

interface Case {
  text: string;
  over?: Partial<WorkingDocument>;
  /** Text the evidence span must cover (valid cases). */
  evidence?: string;
}

function run(name: string, c: Case) {
  const det = DETECTORS.get(name);
  if (!det) throw new Error(`no detector ${name}`);
  const doc = makeDoc(c.text, c.over);
  return { doc, ev: det.detect(doc, {}) };
}

const tables: Record<string, { valid: Case[]; invalid: Case[] }> = {
  learning: {
    valid: [{ text: "局党组理论学习中心组组织集中学习6次。", evidence: "学习" }],
    invalid: [{ text: "职工大会审议了报告。" }],
  },
  meeting: {
    valid: [{ text: "12月12日我委召开了领导班子专题民主生活会。", evidence: "民主生活会" }],
    invalid: [{ text: "召开职工大会和患者代表座谈会，听取意见。" }],
  },
  criticism: {
    valid: [
      { text: "会上开展了批评和自我批评。", evidence: "批评和自我批评" },
      { text: "开展了开诚布公的批判和自我批判。", evidence: "批判和自我批判" },
    ],
    invalid: [{ text: "班子成员逐一作了发言。" }],
  },
  "opinions.solicited": {
    valid: [{ text: "通过召开座谈会、发放征求意见表等方式广泛征求意见。", evidence: "座谈会" }],
    invalid: [{ text: "本人对照党章党规查找了差距。" }],
  },
  "evaluation.result": {
    valid: [
      { text: "x", over: { counts: [{ kind: "satisfaction", value: 96.2, unit: "%", approx: false, text: "满意率96.2%", span: [0, 1] }] } },
      { text: "民主测评结果为“满意”118票、“基本满意”9票。", evidence: "民主测评" },
    ],
    invalid: [{ text: "组织群众进行了评议。" }],
  },
  "measures.deadline": {
    valid: [{ text: "x", over: { measures: [{ text: "a", span: [0, 1], section: null, deadline: "年底前", owner: null }] }, evidence: "x" }],
    invalid: [{ text: "x", over: { measures: [{ text: "a", span: [0, 1], section: null, deadline: null, owner: null }] } }],
  },
  "measures.owner": {
    valid: [{ text: "x", over: { measures: [{ text: "a", span: [0, 1], section: null, deadline: null, owner: "办公室" }] } }],
    invalid: [{ text: "x" }],
  },
  "next.steps": {
    valid: [{ text: "下一步，我们将重点抓好以下工作。", evidence: "下一步" }],
    invalid: [{ text: "现将一年来的工作报告如下。我将认真对待，虚心接受大家的批评监督。" }],
  },
  "rectified.progress": {
    valid: [{ text: "该问题已整改到位。", evidence: "已整改到位" }],
    invalid: [{ text: "对投诉事项实行限时答复。" }],
  },
  achievements: {
    valid: [{ text: "一年来，各项工作取得了明显成效。", evidence: "取得了明显成效" }],
    invalid: [{ text: "存在的不足。" }],
  },
};

describe("presence detectors", () => {
  for (const [name, t] of Object.entries(tables)) {
    for (const c of t.valid) {
      it(`${name} finds evidence in “${c.text.slice(0, 16)}”`, () => {
        const { doc, ev } = run(name, c);
        expect(ev).not.toBeNull();
        if (c.evidence && ev?.span) expect(doc.text.slice(ev.span[0], ev.span[1])).toContain(c.evidence);
      });
    }
    for (const c of t.invalid) {
      it(`${name} finds nothing in “${c.text.slice(0, 16)}”`, () => expect(run(name, c).ev).toBeNull());
    }
  }
  it("learning ignores study mentioned only inside a problem or a measure", () => {
    const text = "第一，政治理论学习不够深入系统。\n1.加强理论学习，每季度撰写一篇学习体会。";
    const doc = makeDoc(text, {
      problems: [{ text: "政治理论学习不够深入系统。", span: [3, 16], section: null }],
      measures: [{ text: "加强理论学习，每季度撰写一篇学习体会。", span: [19, text.length], section: null, deadline: null, owner: null }],
    });
    expect(DETECTORS.get("learning")!.detect(doc, {})).toBeNull();
  });
  it("causes.subjective needs one subjective cause", () => {
    const c = (kind: "subjective" | "objective" | null) => ({ text: "a", span: [0, 1] as [number, number], section: null, kind });
    expect(DETECTORS.get("causes.subjective")!.detect(makeDoc("x", { causes: [c("objective"), c("objective")] }), {})).toBeNull();
    expect(DETECTORS.get("causes.subjective")!.detect(makeDoc("x", { causes: [c("objective"), c("subjective")] }), {})).not.toBeNull();
  });
});

describe("quality detectors", () => {
  it("flags causes that are all objective", () => {
    const c = { text: "a", span: [0, 1] as [number, number], section: null, kind: "objective" as const };
    expect(DETECTORS.get("quality.objective-causes-only")!.detect(makeDoc("x", { causes: [c, c] }), {})).not.toBeNull();
  });
  it("flags a spun text and leaves an original one alone", () => {
    expect(DETECTORS.get("quality.spun-text")!.detect(makeDoc("x", { spun: true, spinScore: 20 }), {})).not.toBeNull();
    expect(DETECTORS.get("quality.spun-text")!.detect(makeDoc("x"), {})).toBeNull();
  });
  it("flags an OCR text with low-confidence pages and leaves a confident one alone", () => {
    const low = makeDoc("x", { warnings: [{ stage: "ingest", code: "OCR_LOW_CONFIDENCE", message: "第2页识别置信度52" }] });
    expect(DETECTORS.get("quality.ocr-low-confidence")!.detect(low, {})?.detail).toContain("第2页");
    const fine = makeDoc("x", { warnings: [{ stage: "ingest", code: "DOCX_FALLBACK", message: "x" }] });
    expect(DETECTORS.get("quality.ocr-low-confidence")!.detect(fine, {})).toBeNull();
  });
  it("flags a problem that no measure answers", () => {
    const doc = makeDoc("x", {
      problems: [{ text: "农村公路重建轻养问题突出。", span: [0, 1], section: null }],
      measures: [{ text: "改进机关作风，提升服务水平。", span: [0, 1], section: null, deadline: null, owner: null }],
    });
    expect(DETECTORS.get("quality.problem-measure-mismatch")!.detect(doc, {})?.span).toEqual([0, 1]);
    doc.measures.push({ text: "建立养护长效机制，扭转重建轻养局面。", span: [0, 1], section: null, deadline: null, owner: null });
    expect(DETECTORS.get("quality.problem-measure-mismatch")!.detect(doc, {})).toBeNull();
  });
});
