/**
 * 词汇 · the contract's vocabulary: the enumerated values of the case fields and rule-set tables, each once,
 * with the Chinese and English names people read. Schemas, parameters, messages and sheets all import
 * from here, so a value or its label is written in one place.
 */

/** A value's names for people. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** 污染物 · the pollutants of `pollutantsReducedTonnes` and `reward.municipal.ratePerTonne`. */
export const POLLUTANTS = ["so2", "nox", "cod", "ammoniaNitrogen", "vocs", "particulates"] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** 退出方式 · exit modes: the whole enterprise, or one production process. */
export const EXIT_MODES = ["whole", "process"] as const;
export type ExitMode = (typeof EXIT_MODES)[number];
export const EXIT_MODE_LABELS: { readonly [M in ExitMode]: Label } = {
  whole: { zh: "整体退出", en: "whole" },
  process: { zh: "环节退出", en: "process" },
};

/** 场地类型 · the zones a village collective clears. */
export const ZONE_TYPES = ["industrial-compound", "breeding-zone"] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];
export const ZONE_TYPE_LABELS: { readonly [Z in ZoneType]: Label } = {
  "industrial-compound": { zh: "工业大院", en: "industrial compound" },
  "breeding-zone": { zh: "养殖小区", en: "breeding zone" },
};

/** 税种 · the tax types of `priorYearTax` and the transfer shares. */
export const TAX_TYPES = ["vat", "corporateIncome", "other"] as const;
export type TaxType = (typeof TAX_TYPES)[number];
export const TAX_TYPE_LABELS: { readonly [T in TaxType]: Label } = {
  vat: { zh: "增值税", en: "VAT" },
  corporateIncome: { zh: "企业所得税", en: "corporate income tax" },
  other: { zh: "其他税收", en: "other taxes" },
};

/** 退出时限 · the keys of `plan.exitDeadline`. */
export const DEADLINE_KEYS = ["north", "south", "catalogue"] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** 市淘汰目录 · the industries of the 2014 municipal exit catalogue. */
export const CATALOGUE_INDUSTRIES = [
  "asphalt-waterproofing",
  "stone-processing",
  "chemical-pesticides",
  "solvent-coatings",
  "wood-panels",
  "casting",
  "forging",
  "electroplating",
  "solvent-coated-furniture",
] as const;

/** 暂缓类别 · the categories whose exit the district leading group decides. */
export const EXEMPT_CATEGORIES = [
  "high-tech",
  "listed",
  "famous-brand",
  "tech-centre",
  "livelihood",
  "arts-crafts",
] as const;

/** 市级奖励结果 · what the city decided on a municipal reward. */
export const MUNICIPAL_OUTCOMES = ["granted", "not-granted", "pending", "not-applied"] as const;

/** 奖励类别 · the tracks of an enterprise exit. */
export const TRACKS = ["municipal", "district-supplement", "district-small", "none"] as const;
/** The tracks of an enterprise exit (docs/enterprise-rewards.md). */
export type Track = (typeof TRACKS)[number];
export const TRACK_LABELS: { readonly [T in Track]: Label } = {
  municipal: { zh: "市级奖励", en: "municipal reward" },
  "district-supplement": { zh: "比照市级标准的区级奖励", en: "district supplement" },
  "district-small": { zh: "区级小企业综合奖励", en: "small-enterprise reward" },
  none: { zh: "不予奖励", en: "no reward" },
};

/** 付款方 · who pays: the Beijing municipal budget or the district budget. */
export const PAYERS = ["municipal", "district"] as const;
export type Payer = (typeof PAYERS)[number];
export const PAYER_LABELS: { readonly [P in Payer]: Label } = {
  municipal: { zh: "市级", en: "municipal" },
  district: { zh: "区级", en: "district" },
};
