/**
 * The glossary the reporters show: Chinese names of count kinds, section roles,
 * checklist elements (shared/spec/checklists.md) and report types. Ids stay the
 * interface; these are only labels.
 */
import type { CountKind, SectionRole, Severity } from "../model/document.js";

export const COUNT_KINDS: CountKind[] = [
  "opinions",
  "forms_issued",
  "forms_returned",
  "meetings",
  "talks",
  "participants",
  "satisfaction",
  "problems",
  "measures",
  "rectified",
  "other",
];

export const COUNT_LABELS: Record<CountKind, string> = {
  opinions: "意见建议数",
  forms_issued: "发放表格数",
  forms_returned: "回收表格数",
  meetings: "座谈会/会议数",
  talks: "谈心谈话数",
  participants: "参与人数",
  satisfaction: "满意率(%)",
  problems: "查摆问题数",
  measures: "整改措施数",
  rectified: "已整改数",
  other: "其他数字",
};

export const ROLE_LABELS: Record<SectionRole, string> = {
  learning: "学习情况",
  meeting: "会议开展情况",
  analysis: "分析检查",
  problems: "存在问题",
  causes: "原因分析",
  measures: "整改措施",
  feedback: "征求意见",
  achievements: "主要成绩",
  "next-steps": "下一步工作",
  progress: "整改进展",
  other: "其他",
};

/** Element rule ids of the built-in checklists, with what a reviewer calls them. */
export const RULE_LABELS: Record<string, string> = {
  learning: "学习情况",
  meeting: "召开会议",
  criticism: "批评与自我批评",
  "opinions.solicited": "征求意见",
  "opinions.count": "意见条数",
  "evaluation.result": "测评/评议结果",
  problems: "查摆问题",
  causes: "原因分析",
  "causes.subjective": "主观原因",
  measures: "整改措施",
  "measures.deadline": "整改时限",
  "measures.owner": "责任人/单位",
  achievements: "工作成绩",
  "next.steps": "下一步打算",
  "rectified.progress": "整改进展",
  "quality.achievement-heavy": "讲成绩多讲问题少",
  "quality.objective-causes-only": "只讲客观原因",
  "quality.vague-measures": "措施空泛",
  "quality.problem-measure-mismatch": "问题与措施不对应",
  "quality.spun-text": "疑似改写文本",
  "quality.copied-text": "文字雷同",
};

export const TYPE_LABELS: Record<string, string> = {
  "analysis-check": "分析检查报告",
  "democratic-life": "民主生活会对照检查材料",
  rectification: "整改情况报告",
  "work-summary": "工作总结/述职报告",
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export function ruleLabel(id: string): string {
  return RULE_LABELS[id] ?? id;
}

export function typeLabel(id: string | null | undefined, fallback?: string): string {
  if (!id) return "未识别";
  return fallback ?? TYPE_LABELS[id] ?? id;
}
