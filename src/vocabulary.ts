/**
 * 词汇 · the contract's vocabulary: the enumerated values of the case fields and rule-set tables, each once,
 * with the Chinese and English names people read. Schemas, parameters, messages and sheets all import
 * from here, so a value or its label is written in one place.
 */

import { deepFreeze } from "./freeze.js";

/** A value's names for people. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/**
 * A value's names for people, and the other ways Chinese sheets write it (`aliases`): a sheet reader takes the
 * value's key, its Chinese name, its English name or an alias (after NFKC, without spaces, case-insensitively).
 */
export interface ValueLabel extends Label {
  readonly aliases?: readonly string[];
}

/** The names of each value of an enumeration, by value. */
export type ValueLabels<V extends string = string> = { readonly [K in V]: ValueLabel };

/** 污染物 · the pollutants of `pollutantsReducedTonnes` and `reward.municipal.ratePerTonne`. */
export const POLLUTANTS = deepFreeze(["so2", "nox", "cod", "ammoniaNitrogen", "vocs", "particulates"] as const);
export type Pollutant = (typeof POLLUTANTS)[number];

/** 退出方式 · exit modes: the whole enterprise, or one production process. */
export const EXIT_MODES = deepFreeze(["whole", "process"] as const);
export type ExitMode = (typeof EXIT_MODES)[number];
export const EXIT_MODE_LABELS: ValueLabels<ExitMode> = deepFreeze({
  whole: { zh: "整体退出", en: "whole", aliases: ["整体", "全部退出"] },
  process: { zh: "环节退出", en: "process", aliases: ["环节", "工艺环节退出", "部分退出"] },
});

/** 规模 · above or below the statistical size threshold (规模以上/以下工业企业). */
export const SCALES = deepFreeze(["above", "below"] as const);
export type EnterpriseScale = (typeof SCALES)[number];
export const SCALE_LABELS: ValueLabels<EnterpriseScale> = deepFreeze({
  above: { zh: "规模以上", en: "above scale", aliases: ["规上", "规模以上企业", "规模以上工业企业"] },
  below: { zh: "规模以下", en: "below scale", aliases: ["规下", "规模以下企业", "规模以下工业企业"] },
});

/** 区域 · north or south of the 京哈 expressway (the plan's two deadlines). */
export const REGIONS = deepFreeze(["north", "south"] as const);
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: ValueLabels<Region> = deepFreeze({
  north: { zh: "京哈高速以北", en: "north of the Beijing–Harbin expressway", aliases: ["以北", "京哈以北", "北部"] },
  south: { zh: "京哈高速以南", en: "south of the Beijing–Harbin expressway", aliases: ["以南", "京哈以南", "南部"] },
});

/** 场地类型 · the zones a village collective clears. */
export const ZONE_TYPES = deepFreeze(["industrial-compound", "breeding-zone"] as const);
export type ZoneType = (typeof ZONE_TYPES)[number];
export const ZONE_TYPE_LABELS: ValueLabels<ZoneType> = deepFreeze({
  "industrial-compound": { zh: "工业大院", en: "industrial compound", aliases: ["工业园", "工业大院清退"] },
  "breeding-zone": { zh: "养殖小区", en: "breeding zone", aliases: ["养殖场", "养殖园区", "养殖小区清退"] },
});

/** 税种 · the tax types of `priorYearTax` and the transfer shares. */
export const TAX_TYPES = deepFreeze(["vat", "corporateIncome", "other"] as const);
export type TaxType = (typeof TAX_TYPES)[number];
export const TAX_TYPE_LABELS: { readonly [T in TaxType]: Label } = deepFreeze({
  vat: { zh: "增值税", en: "VAT" },
  corporateIncome: { zh: "企业所得税", en: "corporate income tax" },
  other: { zh: "其他税收", en: "other taxes" },
});

/** 退出时限 · the keys of `plan.exitDeadline`. */
export const DEADLINE_KEYS = deepFreeze(["north", "south", "catalogue"] as const);
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** 市淘汰目录 · the industries of the 2014 municipal exit catalogue. */
export const CATALOGUE_INDUSTRIES = deepFreeze([
  "asphalt-waterproofing",
  "stone-processing",
  "chemical-pesticides",
  "solvent-coatings",
  "wood-panels",
  "casting",
  "forging",
  "electroplating",
  "solvent-coated-furniture",
] as const);
export type CatalogueIndustry = (typeof CATALOGUE_INDUSTRIES)[number];
export const CATALOGUE_INDUSTRY_LABELS: ValueLabels<CatalogueIndustry> = deepFreeze({
  "asphalt-waterproofing": {
    en: "asphalt waterproofing materials",
    zh: "沥青类防水材料生产",
    aliases: ["沥青类防水材料", "沥青防水卷材", "防水卷材"],
  },
  "stone-processing": { en: "stone processing", zh: "石材加工", aliases: ["石材"] },
  "chemical-pesticides": { en: "chemical pesticides", zh: "化学农药生产", aliases: ["化学农药", "农药"] },
  "solvent-coatings": {
    en: "solvent-based coatings",
    zh: "有机溶剂型涂料生产",
    aliases: ["有机溶剂型涂料", "溶剂型涂料"],
  },
  "wood-panels": { en: "wood-based panels", zh: "人造板生产及加工", aliases: ["人造板", "人造板加工"] },
  casting: { en: "casting", zh: "铸造" },
  forging: { en: "forging", zh: "锻造" },
  electroplating: { en: "electroplating", zh: "电镀" },
  "solvent-coated-furniture": {
    en: "furniture and wood products made with solvent-based coatings",
    zh: "使用有机溶剂型涂料的家具、木制品制造",
    aliases: ["溶剂型涂料家具制造", "家具制造", "木制品制造"],
  },
});

/** 暂缓类别 · the categories whose exit the district leading group decides. */
export const EXEMPT_CATEGORIES = deepFreeze([
  "high-tech",
  "listed",
  "famous-brand",
  "tech-centre",
  "livelihood",
  "arts-crafts",
] as const);
export type ExemptCategory = (typeof EXEMPT_CATEGORIES)[number];
export const EXEMPT_CATEGORY_LABELS: ValueLabels<ExemptCategory> = deepFreeze({
  "high-tech": { en: "a high-tech enterprise", zh: "高新技术企业", aliases: ["高新技术", "高新企业"] },
  listed: { en: "a listed company", zh: "上市公司", aliases: ["上市企业"] },
  "famous-brand": {
    en: "a holder of a well-known or famous trademark",
    zh: "驰名、著名商标持有企业",
    aliases: ["驰名商标", "著名商标", "驰名著名商标"],
  },
  "tech-centre": { en: "an enterprise technology centre", zh: "企业技术中心", aliases: ["技术中心"] },
  livelihood: {
    en: "an enterprise vital to the economy and people's livelihood",
    zh: "国计民生企业",
    aliases: ["国计民生"],
  },
  "arts-crafts": { en: "an arts-and-crafts enterprise", zh: "工艺美术企业", aliases: ["工艺美术"] },
});

/** 领导小组决定 · what the district leading group decided for an exempt category. */
export const LEADING_GROUP_DECISIONS = deepFreeze(["pending", "exit", "retain"] as const);
export type LeadingGroupDecision = (typeof LEADING_GROUP_DECISIONS)[number];
export const LEADING_GROUP_DECISION_LABELS: ValueLabels<LeadingGroupDecision> = deepFreeze({
  pending: { zh: "待定", en: "pending", aliases: ["待研究", "未决定"] },
  exit: { zh: "退出", en: "exit", aliases: ["予以退出", "同意退出"] },
  retain: { zh: "保留", en: "retain", aliases: ["予以保留", "暂缓退出"] },
});

/** 市级奖励结果 · what the city decided on a municipal reward. */
export const MUNICIPAL_OUTCOMES = deepFreeze(["granted", "not-granted", "pending", "not-applied"] as const);
export type MunicipalOutcome = (typeof MUNICIPAL_OUTCOMES)[number];
export const MUNICIPAL_OUTCOME_LABELS: ValueLabels<MunicipalOutcome> = deepFreeze({
  granted: { zh: "已获批", en: "granted", aliases: ["获批", "已批准", "已获得"] },
  "not-granted": { zh: "未获批", en: "not granted", aliases: ["未批准", "不予批准"] },
  pending: { zh: "审核中", en: "pending", aliases: ["待审核", "审批中", "待批"] },
  "not-applied": { zh: "未申报", en: "not applied", aliases: ["未申请"] },
});

/** 奖励类别 · the tracks of an enterprise exit. */
export const TRACKS = deepFreeze(["municipal", "district-supplement", "district-small", "none"] as const);
/** The tracks of an enterprise exit (docs/enterprise-rewards.md). */
export type Track = (typeof TRACKS)[number];
export const TRACK_LABELS: { readonly [T in Track]: Label } = deepFreeze({
  municipal: { zh: "市级奖励", en: "municipal reward" },
  "district-supplement": { zh: "比照市级标准的区级奖励", en: "district supplement" },
  "district-small": { zh: "区级小企业综合奖励", en: "small-enterprise reward" },
  none: { zh: "不予奖励", en: "no reward" },
});

/** 付款方 · who pays: the Beijing municipal budget or the district budget. */
export const PAYERS = deepFreeze(["municipal", "district"] as const);
export type Payer = (typeof PAYERS)[number];
export const PAYER_LABELS: ValueLabels<Payer> = deepFreeze({
  municipal: {
    zh: "市级",
    en: "municipal",
    aliases: ["市级资金", "市级财政", "市财政", "市财政资金", "市级奖励资金", "市级专项资金"],
  },
  district: {
    zh: "区级",
    en: "district",
    aliases: ["区级资金", "区级财政", "区财政", "区财政资金", "区级奖励资金", "区级专项资金"],
  },
});

/** 参数状态 · how a rule-set value is known: an official text, a press report, or our placeholder. */
export const STATUSES = deepFreeze(["official", "reported", "illustrative"] as const);
export const STATUS_LABELS: ValueLabels<(typeof STATUSES)[number]> = deepFreeze({
  official: { zh: "官方", en: "official", aliases: ["官方文件", "正式"] },
  reported: { zh: "公开报道", en: "reported", aliases: ["报道", "媒体报道"] },
  illustrative: { zh: "示例值", en: "illustrative", aliases: ["示例", "测算值", "占位"] },
});

/** 是/否 · the names of true and false in a sheet. */
export const BOOLEAN_LABELS: { readonly true: ValueLabel; readonly false: ValueLabel } = deepFreeze({
  true: { zh: "是", en: "yes", aliases: ["true", "1", "√", "✓", "✔", "y"] },
  false: { zh: "否", en: "no", aliases: ["false", "0", "×", "✗", "✘", "n"] },
});

/**
 * How names written by people are compared (a value's name in a sheet, an alias in a rule set, a header): NFKC
 * (full-width letters, digits and brackets as their plain forms, ㎡ as m2), without spaces or line breaks, lower case.
 */
export function nameKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}
