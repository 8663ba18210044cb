import type { Dec } from "../money/decimal.js";
import type { ClearanceRate, IsoDate, Scale } from "./types.js";

/** The shape a parameter's values must have. */
export type ParameterKind =
  | { readonly type: "decimal" }
  | { readonly type: "boolean" }
  | { readonly type: "date" }
  | { readonly type: "scale" }
  | { readonly type: "decimal-table"; readonly keys: readonly string[] }
  | { readonly type: "date-table"; readonly keys: readonly string[] }
  | { readonly type: "rate-table" };

export interface ParameterSpec {
  readonly kind: ParameterKind;
  /** Chinese label, then English, for docs, tables and messages. */
  readonly label: string;
  readonly unit: string;
  readonly domain: "enterprise-reward" | "land-clearing-fee" | "village-compensation" | "township-transfer" | "plan";
}

export const POLLUTANTS = ["so2", "nox", "cod", "ammoniaNitrogen", "vocs", "particulates"] as const;
export const EXIT_MODES = ["whole", "process"] as const;
export const ZONE_TYPES = ["industrial-compound", "breeding-zone"] as const;
export const TAX_TYPES = ["vat", "corporateIncome", "other"] as const;
export const DEADLINE_KEYS = ["north", "south", "catalogue"] as const;

/** Every parameter the rules read (DESIGN §6). A rule set lacking one, or with a value of the wrong shape, fails at load. */
export const PARAMETERS = {
  "reward.municipal.ratePerTce": {
    kind: { type: "decimal" },
    label: "市级奖励·每吨标煤节能量奖励 municipal reward per tce saved",
    unit: "元/tce",
    domain: "enterprise-reward",
  },
  "reward.municipal.ratePerTonne": {
    kind: { type: "decimal-table", keys: POLLUTANTS },
    label: "市级奖励·每吨污染物减排量奖励 municipal reward per tonne of pollutant reduced",
    unit: "元/t",
    domain: "enterprise-reward",
  },
  "reward.municipal.min": {
    kind: { type: "decimal" },
    label: "市级奖励下限 municipal reward floor (standard met at or above)",
    unit: "元",
    domain: "enterprise-reward",
  },
  "reward.municipal.max": {
    kind: { type: "decimal" },
    label: "市级奖励上限 municipal reward cap",
    unit: "元",
    domain: "enterprise-reward",
  },
  "reward.district.supplementRate": {
    kind: { type: "decimal" },
    label: "区级奖励比照市级比例 district supplement rate of the municipal amount",
    unit: "share",
    domain: "enterprise-reward",
  },
  "reward.small.cap": {
    kind: { type: "decimal-table", keys: EXIT_MODES },
    label: "区级综合奖励上限 small-enterprise reward cap by exit mode",
    unit: "元",
    domain: "enterprise-reward",
  },
  "reward.small.taxScale": {
    kind: { type: "scale" },
    label: "区级综合奖励·税收贡献 small-enterprise reward: tax contribution",
    unit: "元 of prior-year tax → 元",
    domain: "enterprise-reward",
  },
  "reward.small.employeeScale": {
    kind: { type: "scale" },
    label: "区级综合奖励·用工人数 small-enterprise reward: employees",
    unit: "persons → 元",
    domain: "enterprise-reward",
  },
  "reward.small.landScale": {
    kind: { type: "scale" },
    label: "区级综合奖励·占地规模 small-enterprise reward: land area",
    unit: "m² → 元",
    domain: "enterprise-reward",
  },
  "clearance.rates": {
    kind: { type: "rate-table" },
    label: "腾地经费测算标准 land-clearing fee rates by structure type",
    unit: "元 per unit",
    domain: "land-clearing-fee",
  },
  "clearance.cutoffDate": {
    kind: { type: "date" },
    label: "抢建认定截止日 cut-off date for structures (built later: 抢建)",
    unit: "date",
    domain: "land-clearing-fee",
  },
  "clearance.requireSurvey": {
    kind: { type: "boolean" },
    label: "须经住建委核定测量 survey required before a fee is approved",
    unit: "yes/no",
    domain: "land-clearing-fee",
  },
  "village.rentCapYears": {
    kind: { type: "decimal" },
    label: "租金补偿年限上限 cap on the remaining lease term compensated",
    unit: "years",
    domain: "village-compensation",
  },
  "village.rentCompensationRate": {
    kind: { type: "decimal" },
    label: "租金损失补偿比例 share of lost rent compensated",
    unit: "share",
    domain: "village-compensation",
  },
  "village.perMu": {
    kind: { type: "decimal-table", keys: ZONE_TYPES },
    label: "场地补偿标准 site compensation per mu by zone type",
    unit: "元/亩",
    domain: "village-compensation",
  },
  "transfer.localShare": {
    kind: { type: "decimal-table", keys: TAX_TYPES },
    label: "地方分享比例 local share of each tax (national split)",
    unit: "share",
    domain: "township-transfer",
  },
  "transfer.townshipShareOfLocal": {
    kind: { type: "decimal-table", keys: TAX_TYPES },
    label: "乡镇分享比例 township share of the local part",
    unit: "share",
    domain: "township-transfer",
  },
  "transfer.impactThreshold": {
    kind: { type: "decimal" },
    label: "受影响较大认定比例 impact ratio at which a transfer is due",
    unit: "share",
    domain: "township-transfer",
  },
  "transfer.coverage": {
    kind: { type: "decimal" },
    label: "转移支付覆盖比例 share of lost capacity transferred",
    unit: "share",
    domain: "township-transfer",
  },
  "plan.exitDeadline": {
    kind: { type: "date-table", keys: DEADLINE_KEYS },
    label: "退出完成时限 exit deadline by region / catalogue",
    unit: "date",
    domain: "plan",
  },
} as const satisfies { readonly [name: string]: ParameterSpec };

export type ParameterName = keyof typeof PARAMETERS;

/** The typed value of each parameter, as the rules read it. */
export interface ParameterTypes {
  "reward.municipal.ratePerTce": Dec;
  "reward.municipal.ratePerTonne": Readonly<Record<(typeof POLLUTANTS)[number], Dec>>;
  "reward.municipal.min": Dec;
  "reward.municipal.max": Dec;
  "reward.district.supplementRate": Dec;
  "reward.small.cap": Readonly<Record<(typeof EXIT_MODES)[number], Dec>>;
  "reward.small.taxScale": Scale;
  "reward.small.employeeScale": Scale;
  "reward.small.landScale": Scale;
  "clearance.rates": Readonly<Record<string, ClearanceRate>>;
  "clearance.cutoffDate": IsoDate;
  "clearance.requireSurvey": boolean;
  "village.rentCapYears": Dec;
  "village.rentCompensationRate": Dec;
  "village.perMu": Readonly<Record<(typeof ZONE_TYPES)[number], Dec>>;
  "transfer.localShare": Readonly<Record<(typeof TAX_TYPES)[number], Dec>>;
  "transfer.townshipShareOfLocal": Readonly<Record<(typeof TAX_TYPES)[number], Dec>>;
  "transfer.impactThreshold": Dec;
  "transfer.coverage": Dec;
  "plan.exitDeadline": Readonly<Record<(typeof DEADLINE_KEYS)[number], IsoDate>>;
}
