import type { ValueLabel } from "../../vocabulary.js";

/**
 * 结构类型 · the names of the structure types of `tongzhou-2016`, in Chinese and English. Other ways clerks write
 * them (砖混结构, 彩钢房) are the rule set's `aliases` of `clearance.rates`; a district's own types are named there.
 */
export const STRUCTURE_TYPE_VALUE_LABELS: { readonly [structureType: string]: ValueLabel } = {
  "steel-concrete-frame": { zh: "钢混/框架", en: "steel-concrete frame" },
  "brick-concrete": { zh: "砖混", en: "brick-concrete" },
  "brick-wood": { zh: "砖木", en: "brick-wood" },
  "steel-frame": { zh: "钢结构/彩钢", en: "steel frame (colour steel)" },
  simple: { zh: "简易房", en: "simple structure" },
  "hardened-ground": { zh: "硬化地面", en: "hardened ground" },
  "enclosure-wall": { zh: "围墙", en: "enclosure wall" },
  "other-structure": { zh: "其他构筑物", en: "other structure" },
};

/** 结构类型 · the Chinese names of the structure types of `tongzhou-2016` (a district's own types show as their key). */
export const STRUCTURE_TYPE_LABELS: { readonly [structureType: string]: string } = Object.fromEntries(
  Object.entries(STRUCTURE_TYPE_VALUE_LABELS).map(([key, label]) => [key, label.zh]),
);

/** 计量单位 · how each unit of `clearance.rates` is written in Chinese and in English. */
export const UNIT_LABELS: { readonly [unit: string]: { readonly zh: string; readonly en: string } } = {
  m2: { zh: "㎡", en: "m²" },
  m: { zh: "米", en: "m" },
  item: { zh: "项", en: "item(s)" },
};
