/** Hand-built schema-v1 results for the reporter tests (reporters are pure: they never see a file). */
import type { AnalysisResult } from "../../src/model/document.js";
import { errorResult as pipelineErrorResult } from "../../src/pipeline.js";
import { docError } from "../../src/model/errors.js";

const TEXT = [
  "2023年某局党组分析检查报告<script>alert(1)</script>",
  "一、存在的问题",
  "一是理论学习不够深入,学用结合有差距。二是调查研究不够,\"联系群众\"不紧密。",
  "二、原因分析",
  "主观上宗旨意识有所淡化。",
  "三、整改措施",
  "一是加强理论学习,年底前完成,由办公室负责。",
  "共收到意见建议41条,满意率96.3%。",
].join("\n");

function span(text: string, part: string): [number, number] {
  const i = text.indexOf(part);
  if (i < 0) throw new Error(`fixture text lacks ${part}`);
  return [i, i + part.length];
}

export function okResult(path = "报告/甲.docx", overrides: Partial<AnalysisResult> = {}): AnalysisResult {
  const t = TEXT;
  return {
    schemaVersion: 1,
    source: { path, format: "docx", bytes: 1234, sha256: "ab".repeat(32), pages: null },
    status: "ok",
    error: null,
    title: "2023年某局党组分析检查报告<script>alert(1)</script>",
    reportType: { id: "analysis-check", label: "分析检查报告", confidence: 0.9 },
    text: {
      chars: t.length,
      script: "simplified",
      repairs: {},
      spun: true,
      spinScore: 0.4,
      restorations: [{ kind: "spin", span: span(t, "宗旨意识"), original: "主旨意识", replacement: "宗旨意识" }],
      content: t,
    },
    sections: [
      { id: "s1", level: 1, marker: "一、", heading: "存在的问题", role: "problems", roleConfidence: 1, span: [span(t, "一、存在")[0], span(t, "二、原因")[0]], children: [] },
      { id: "s2", level: 1, marker: "二、", heading: "原因分析", role: "causes", roleConfidence: 1, span: [span(t, "二、原因")[0], span(t, "三、整改")[0]], children: [] },
      { id: "s3", level: 1, marker: "三、", heading: "整改措施", role: "measures", roleConfidence: 1, span: [span(t, "三、整改")[0], t.length], children: [] },
    ],
    problems: [
      { text: "理论学习不够深入,学用结合有差距。", span: span(t, "理论学习不够深入,学用结合有差距。"), section: "s1" },
      { text: '调查研究不够,"联系群众"不紧密。', span: span(t, '调查研究不够,"联系群众"不紧密。'), section: "s1" },
    ],
    causes: [{ text: "主观上宗旨意识有所淡化。", span: span(t, "主观上宗旨意识有所淡化。"), section: "s2", kind: "subjective" }],
    measures: [{ text: "加强理论学习,年底前完成,由办公室负责。", span: span(t, "加强理论学习,年底前完成,由办公室负责。"), section: "s3", deadline: "年底前", owner: "办公室" }],
    counts: [
      { kind: "opinions", value: 41, unit: "条", approx: false, text: "共收到意见建议41条", span: span(t, "共收到意见建议41条") },
      { kind: "satisfaction", value: 96.3, unit: "%", approx: false, text: "满意率96.3%", span: span(t, "满意率96.3%") },
    ],
    dates: [],
    people: [],
    keywords: [],
    checklist: {
      id: "analysis-check",
      passed: false,
      findings: [
        { ruleId: "evaluation.result", severity: "error", message: "未找到群众评议或民主测评结果", span: null },
        { ruleId: "quality.vague-measures", severity: "warning", message: "措施空泛", span: span(t, "加强理论学习") },
      ],
    },
    warnings: [],
    elapsedMs: 12,
    ...overrides,
  };
}

export function errorResult(path = "报告/乙.pdf"): AnalysisResult {
  const { elapsedMs: _elapsed, ...result } = pipelineErrorResult({ path, format: "pdf", bytes: 99, sha256: "", pages: null }, docError("PDF_NO_TEXT"));
  return result;
}
