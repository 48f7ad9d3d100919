/**
 * The glossary the reporters show: Chinese names of count kinds, section roles,
 * checklist elements (shared/spec/checklists.md) and report types. Ids stay the
 * interface; these are only labels.
 */
import type { CountKind, ReportTypeGuess, SectionRole, Severity } from "../model/document.js";
import { REPORT_TYPE_LABELS } from "../structure/report-type.js";
import type { MetaCampaign, MetaDimension, MetaLevel, MetaScope, MetaSector, ReportMeta } from "../model/meta.js";

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
  satisfaction: "满意率（%）",
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
  "previous.rectification": "上年度整改落实",
  talks: "谈心谈话",
  "quality.achievement-heavy": "讲成绩多讲问题少",
  "quality.objective-causes-only": "只讲客观原因",
  "quality.vague-measures": "措施空泛",
  "quality.problem-measure-mismatch": "问题与措施不对应",
  "quality.spun-text": "疑似改写文本",
  "quality.measure-no-deadline": "措施无时限",
  "quality.measure-no-owner": "措施无责任人",
  "quality.problem-no-measure": "问题无对应措施",
  "quality.copied-text": "文字雷同",
};

/** One label per type everywhere (table, stats, checklist list, HTML): the built-in checklists' own. */
export const TYPE_LABELS: Record<string, string> = { ...REPORT_TYPE_LABELS };

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export function ruleLabel(id: string): string {
  return RULE_LABELS[id] ?? id;
}

export function typeLabel(id: string | null | undefined, fallback?: string): string {
  if (!id) return "未识别";
  return fallback ?? TYPE_LABELS[id] ?? id;
}

/** A result's type as shown in reports: its label, marked when the user forced it with --type. */
export function reportTypeLabel(t: ReportTypeGuess | null | undefined): string {
  if (!t) return "未识别";
  const label = typeLabel(t.id, t.label);
  return t.forced ? `${label}（指定）` : label;
}

/** `meta` values (shared/spec/output.md) with what a researcher calls them. */
export const SCOPE_LABELS: Record<MetaScope, string> = { team: "班子/单位", personal: "个人" };
export const SECTOR_LABELS: Record<MetaSector, string> = {
  "party-gov": "党政机关",
  enterprise: "企业",
  finance: "金融",
  education: "教育",
  health: "卫生健康",
  judicial: "政法",
  "village-community": "村/社区",
  other: "其他",
};
export const LEVEL_LABELS: Record<MetaLevel, string> = {
  central: "中央",
  province: "省级",
  city: "市级",
  county: "县级",
  township: "乡镇/街道",
  village: "村/社区",
};
export const CAMPAIGN_LABELS: Record<MetaCampaign, string> = {
  "scientific-outlook": "学习实践科学发展观活动",
  "mass-line": "群众路线教育实践活动",
  "three-stricts": "“三严三实”专题教育",
  "two-studies": "“两学一做”学习教育",
  "original-aspiration": "“不忘初心、牢记使命”主题教育",
  "party-history": "党史学习教育",
  "xi-thought-education": "习近平新时代中国特色社会主义思想主题教育",
  "party-discipline": "党纪学习教育",
  "eight-rules": "中央八项规定精神学习教育",
  inspection: "巡视巡察整改",
  audit: "审计整改",
  annual: "年度（无专项活动）",
  other: "其他",
};
export const DIMENSION_LABELS: Record<MetaDimension, string> = {
  year: "年份",
  campaign: "专项活动",
  sector: "领域",
  level: "层级",
  scope: "班子/个人",
  type: "报告类型",
};

/** The value of one `stats --by` dimension for a result, as an id ("" when unknown). */
export function dimensionValue(r: { reportType: { id: string } | null; meta?: ReportMeta }, dim: MetaDimension): string {
  if (dim === "type") return r.reportType?.id ?? "";
  const v = r.meta?.[dim];
  return v === null || v === undefined ? "" : String(v);
}

/** The Chinese label of a dimension value ("未知" for ""). */
export function dimensionValueLabel(dim: MetaDimension, value: string): string {
  if (!value) return "未知";
  switch (dim) {
    case "year":
      return `${value}年`;
    case "campaign":
      return CAMPAIGN_LABELS[value as MetaCampaign] ?? value;
    case "sector":
      return SECTOR_LABELS[value as MetaSector] ?? value;
    case "level":
      return LEVEL_LABELS[value as MetaLevel] ?? value;
    case "scope":
      return SCOPE_LABELS[value as MetaScope] ?? value;
    case "type":
      return typeLabel(value);
  }
}
