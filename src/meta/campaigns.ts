/**
 * Campaigns (教育实践活动, 主题教育 …) by name, with the years they ran. Names
 * are matched in full, in their short forms and in spun copies (科学进展观).
 * The years confirm a year read elsewhere or correct one that cannot be right
 * (a 学习实践活动 report dated 2019 by a misread body date), and give a year
 * where the document states none.
 */

import type { MetaCampaign } from "../model/meta.js";

export type CampaignId = MetaCampaign;

export interface Campaign {
  id: CampaignId;
  /** Names, full and short, as regular expressions (simplified script). */
  names: RegExp;
  /** Shorter names, read only in a title or an opening (“不忘初心”专题民主生活会), never counted in a body where they are slogans. */
  short?: RegExp;
  /** First and last year it ran. */
  years: [number, number];
  /** The year most of its reports were written in, when nothing else tells. */
  typical: number;
}

export const CAMPAIGNS: readonly Campaign[] = [
  // 深入学习实践科学发展观活动 / 学习实践活动 / 科学进展观 (spun)
  { id: "scientific-outlook", names: /科学(?:发展|进展)观|学习实践活动|学习实践科学/, years: [2008, 2010], typical: 2009 },
  // 党的群众路线教育实践活动 / 群众路线教育 / 教育实践活动
  { id: "mass-line", names: /群众路线|教育实践活动/, years: [2013, 2014], typical: 2014 },
  { id: "three-stricts", names: /三严三实/, years: [2015, 2016], typical: 2015 },
  { id: "two-studies", names: /两学一做/, years: [2016, 2018], typical: 2016 },
  // 不忘初心、牢记使命主题教育 (2019–2020)
  { id: "original-aspiration", names: /不忘初心[、，,]?\s*牢记使命(?:”)?主题教育|“不忘初心、牢记使命”|不忘初心牢记使命主题教育/, years: [2019, 2020], typical: 2019, short: /不忘初心/ },
  { id: "party-history", names: /党史学习教育/, years: [2021, 2022], typical: 2021 },
  // 学习贯彻习近平新时代中国特色社会主义思想主题教育 (2023–2024); 以学铸魂、以学增智 is its motto
  { id: "xi-thought-education", names: /新时代中国特色社会主义思想主题教育|以学铸魂/, years: [2023, 2024], typical: 2023 },
  { id: "party-discipline", names: /党纪学习教育/, years: [2024, 2024], typical: 2024 },
  { id: "eight-rules", names: /八项规定精神学习教育/, years: [2025, 2025], typical: 2025 },
];

const BY_ID = new Map(CAMPAIGNS.map((c) => [c.id, c]));

export function campaignYears(id: CampaignId | null): Campaign | null {
  return id ? (BY_ID.get(id) ?? null) : null;
}

/**
 * The campaign a passage names, or null. A bare 主题教育 is the 2019 one or the
 * 2023 one: the year (when known) decides, else the more recent.
 */
export function campaignIn(text: string, year: number | null, short = true): CampaignId | null {
  let best: { id: CampaignId; at: number } | null = null;
  for (const c of CAMPAIGNS) {
    const m = c.names.exec(text) ?? (short && c.short ? c.short.exec(text) : null);
    if (m && (!best || m.index < best.at)) best = { id: c.id, at: m.index };
  }
  if (best) return best.id;
  if (/主题教育/.test(text)) return year !== null && year <= 2022 ? "original-aspiration" : "xi-thought-education";
  return null;
}

/** 巡视/巡察 feedback or 审计 findings being rectified. */
export function rectificationCampaignIn(text: string): CampaignId | null {
  if (/巡视|巡察/.test(text)) return "inspection";
  if (/审计/.test(text)) return "audit";
  return null;
}
