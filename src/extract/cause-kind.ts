/**
 * Subjective or objective cause. The classic defect of these reports is to
 * blame only objective factors (讲客观原因多、讲主观原因少), so the checklist
 * needs to know which is which.
 *
 * Subjective: the leadership's own thinking, study, attitude, discipline
 * (理论学习不够深入, 宗旨意识有所淡化, 担当精神不足, 作风不实).
 * Objective: conditions outside it (资金缺口大, 土地紧缺, 体制不顺, 历史遗留,
 * 人才缺乏, 区位偏远, 上级政策配套).
 * Decided on the lead clause first (the first sentence says what the cause
 * is), then on the whole item; subjective wins a tie, since a cause that
 * names 思想认识 is about the team itself even if it also mentions funds.
 */
const SUBJECTIVE = /思想认识|思想(?:上|根源|观念|解放)|认识不足|认识不到位|认识不够|认识(?:还)?不|理论学习|学习不够|学习不深|学习(?:的)?自觉|宗旨意识|服务意识|群众观念|群众观点|作风|担当|纪律|党性|主观|责任意识|责任心|进取|精神懈怠|懈怠|松懈|满足于|自我要求|放松|淡化|政绩观|本领|能力(?:不足|不强|欠缺)|创新意识|大局意识|规矩意识|敬畏|初心|使命|政治站位|站位不高|重视不够|重视程度不|标准不高|要求不严|意识(?:不强|淡化|弱化|不足|有所|不够)|观念(?:陈旧|落后|不新|转变)|斗争精神|韧劲|律己|自身建设|理念|理解不(?:深|够|透)|执行不(?:严|力|到位)|执行(?:不够|偏)|抓落实[^。；]{0,6}不够|偏宽偏软|有所(?:弱化|放松|减退|松懈|淡化)|求稳怕乱|以干代学/;
const OBJECTIVE = /资金|经费|财力|土地|用地|体制|机制不|历史|客观|条件(?:制约|限制|有限)|人才(?:缺乏|短缺|外流|流失|不足)|人员(?:不足|紧张|老化|短缺|力量)|编制|区位|地理|交通不便|基础(?:差|薄弱)|底子薄|政策(?:配套|限制|支持不足)|上级|任务(?:繁重|重)|工作量|设备|装备|硬件|疫情|市场(?:波动|变化)/;

export type CauseKind = "subjective" | "objective" | null;

export function classifyCause(text: string): CauseKind {
  const lead = text.split(/[。；;]/)[0] ?? text;
  const subjLead = SUBJECTIVE.test(lead);
  const objLead = OBJECTIVE.test(lead);
  if (subjLead) return "subjective";
  if (objLead) return "objective";
  if (SUBJECTIVE.test(text)) return "subjective";
  if (OBJECTIVE.test(text)) return "objective";
  return null;
}
