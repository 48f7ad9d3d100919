/** `meta`: who wrote a report, about when, on what occasion (shared/spec/output.md, "Added fields"). */

export type MetaScope = "team" | "personal";
export type MetaSector = "party-gov" | "enterprise" | "finance" | "education" | "health" | "judicial" | "village-community" | "other";
export type MetaLevel = "central" | "province" | "city" | "county" | "township" | "village";
export type MetaCampaign =
  | "scientific-outlook"
  | "mass-line"
  | "three-stricts"
  | "two-studies"
  | "original-aspiration"
  | "party-history"
  | "xi-thought-education"
  | "party-discipline"
  | "eight-rules"
  | "inspection"
  | "audit"
  | "annual"
  | "other";

/** Every field may be null when the document does not say. */
export interface ReportMeta {
  /** The writing unit as named (title, author line, signature), without 关于/的报告/领导班子. */
  unit: string | null;
  /** Personal reports: the author's name as written (masks such as 张xx kept). */
  person: string | null;
  scope: MetaScope | null;
  sector: MetaSector | null;
  level: MetaLevel | null;
  /** The year reported on (年度, campaign or meeting year); else the year signed. */
  year: number | null;
  campaign: MetaCampaign | null;
  /** The date under the signature (or of the delivery line), ISO. */
  signedOn: string | null;
}

/** The dimensions `stats --by` splits on. */
export const META_DIMENSIONS = ["year", "campaign", "sector", "level", "scope", "type"] as const;
export type MetaDimension = (typeof META_DIMENSIONS)[number];
