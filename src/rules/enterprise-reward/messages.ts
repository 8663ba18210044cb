import type { Json, MessageCatalog, MessageTemplate } from "../../trace/types.js";
import { dataMoney as yuan } from "../../trace/words.js";
import { enterpriseRewardConditions, enterpriseRewardParams, enterpriseRewardSteps } from "./steps.js";
import { CATALOGUE_INDUSTRY_LABELS, EXEMPT_CATEGORY_LABELS, EXIT_MODE_LABELS, TRACK_LABELS } from "../../vocabulary.js";

type Data = { readonly [key: string]: Json };
type Labels = { readonly [value: string]: { readonly en: string; readonly zh: string } };

const EXIT_MODE: Labels = EXIT_MODE_LABELS;

export const EXEMPT_CATEGORY: Labels = EXEMPT_CATEGORY_LABELS;

export const CATALOGUE_INDUSTRY: Labels = CATALOGUE_INDUSTRY_LABELS;

const DEADLINE_BASIS: Labels = {
  catalogue: { en: "industries of the municipal exit catalogue", zh: "《市淘汰目录》行业" },
  north: { en: "north of the Beijing–Harbin expressway", zh: "京哈高速以北区域" },
  south: { en: "south of the Beijing–Harbin expressway", zh: "京哈高速以南区域" },
};

const TRACK: Labels = TRACK_LABELS;

function text(data: Data, key: string): string {
  const value = data[key];
  return typeof value === "string" ? value : JSON.stringify(value ?? "");
}

function label(labels: Labels, data: Data, key: string, lang: "en" | "zh"): string {
  const value = text(data, key);
  return (Object.hasOwn(labels, value) ? labels[value]?.[lang] : undefined) ?? value;
}

/** A share as a percentage for people: "0.7" → "70". Only the digits move; no arithmetic on floats. */
function percent(data: Data, key: string): string {
  const [whole = "0", fraction = ""] = text(data, key).split(".");
  const digits = `${whole}${fraction.padEnd(2, "0")}`;
  const point = whole.length + 2;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(point).replace(/0+$/, "");
  return rest === "" ? integer : `${integer}.${rest}`;
}

function licenceAction(data: Data, lang: "en" | "zh"): string {
  const whole = text(data, "exitMode") === "whole";
  if (lang === "en") return whole ? "cancelled (whole exit)" : "changed (process exit)";
  return whole ? "注销（整体退出）" : "变更（环节退出）";
}

function template(en: (data: Data) => string, zh: (data: Data) => string): MessageTemplate {
  return { en, zh };
}

/**
 * 企业奖励文字 · enterprise-reward messages — every reason and finding code, and every trace rule name,
 * in English and Chinese. `explain` renders outcomes from it; the English text is also stored in each
 * reason's `message`.
 *
 * @category enterprise-reward
 */
export const enterpriseRewardMessages: MessageCatalog = {
  codes: {
    // Blocking conditions (track none)
    unlicensed: template(
      () => "No business licence: an unlicensed operator is cleared and shut down, not rewarded.",
      () => "未取得营业执照，属无证照经营，予以清理取缔，不予奖励。",
    ),
    "acceptance-equipment-not-removed": template(
      () => "Exit not accepted: the main production equipment has not been removed, so the firm can still produce.",
      () => "未通过退出验收：主要生产设备未拆除，仍具备生产能力，不予奖励。",
    ),
    "acceptance-licence-not-changed": template(
      (d) => `Exit not accepted: the business licence has not been ${licenceAction(d, "en")}.`,
      (d) => `未通过退出验收：工商营业执照未${licenceAction(d, "zh")}，不予奖励。`,
    ),
    "acceptance-staff-not-resettled": template(
      () => "Exit not accepted: the staff were not resettled before the exit.",
      () => "未通过退出验收：退出前未完成职工分流安置，不予奖励。",
    ),
    "exempt-awaiting-decision": template(
      (d) =>
        `The firm is ${label(EXEMPT_CATEGORY, d, "exemptCategory", "en")}: after a third-party assessment the district leading group decides whether it exits, and it has not decided yet; no reward for now.`,
      (d) =>
        `属${label(EXEMPT_CATEGORY, d, "exemptCategory", "zh")}，须经第三方评估认定并由区领导小组研究决定是否退出；领导小组尚未作出决定，暂不予奖励。`,
    ),
    "exempt-retained": template(
      (d) =>
        `The firm is ${label(EXEMPT_CATEGORY, d, "exemptCategory", "en")} and the district leading group decided it stays: it is not an exit, so no reward.`,
      (d) =>
        `属${label(EXEMPT_CATEGORY, d, "exemptCategory", "zh")}，经区领导小组研究决定保留，不属于调整退出，不予奖励。`,
    ),
    "catalogue-process-exit": template(
      (d) =>
        `The firm's industry, ${label(CATALOGUE_INDUSTRY, d, "catalogueIndustry", "en")}, is on the municipal exit catalogue, which must exit whole; a process exit does not qualify.`,
      (d) =>
        `属《市淘汰目录》内${label(CATALOGUE_INDUSTRY, d, "catalogueIndustry", "zh")}行业，须整体退出；环节退出不符合要求，不予奖励。`,
    ),
    // Conditions that rule out track none
    licensed: template(
      () => "Holds a business licence: a lawfully operating firm.",
      () => "持有营业执照，属合法经营企业。",
    ),
    "exit-accepted": template(
      (d) => `Exit accepted: main equipment removed, business licence ${licenceAction(d, "en")}, staff resettled.`,
      (d) => `已通过退出验收：主要设备已拆除，工商营业执照已${licenceAction(d, "zh")}，职工已分流安置。`,
    ),
    "exempt-exit-decided": template(
      (d) =>
        `The firm is ${label(EXEMPT_CATEGORY, d, "exemptCategory", "en")}; the district leading group decided that it exits.`,
      (d) => `属${label(EXEMPT_CATEGORY, d, "exemptCategory", "zh")}，经区领导小组研究决定调整退出。`,
    ),
    "catalogue-whole-exit": template(
      (d) =>
        `The firm's industry, ${label(CATALOGUE_INDUSTRY, d, "catalogueIndustry", "en")}, is on the municipal exit catalogue and exits whole, as required.`,
      (d) => `属《市淘汰目录》内${label(CATALOGUE_INDUSTRY, d, "catalogueIndustry", "zh")}行业，已按要求整体退出。`,
    ),
    // Municipal track
    "above-scale": template(
      () => "An industrial enterprise above designated size (规模以上), as the municipal reward requires.",
      () => "属规模以上工业企业，符合市级奖励的申报范围。",
    ),
    "below-scale": template(
      () => "Below designated size: the municipal reward is for enterprises above designated size.",
      () => "属规模以下企业，市级奖励仅限规模以上企业。",
    ),
    "meets-municipal-standard": template(
      (d) =>
        `By the municipal standard the firm's amount is ${yuan(d, "raw")} yuan, at least the ${yuan(d, "min")} yuan floor: it meets the municipal standard.`,
      (d) => `按市级奖励标准测算为${yuan(d, "raw")}元，达到${yuan(d, "min")}元的起奖额度，符合市级奖励标准。`,
    ),
    "below-municipal-standard": template(
      (d) =>
        `By the municipal standard the firm's amount is ${yuan(d, "raw")} yuan, below the ${yuan(d, "min")} yuan floor: it does not meet the municipal standard.`,
      (d) => `按市级奖励标准测算为${yuan(d, "raw")}元，低于${yuan(d, "min")}元的起奖额度，未达到市级奖励标准。`,
    ),
    "municipal-granted": template(
      () => "The city granted the municipal reward.",
      () => "市级奖励已获批准。",
    ),
    "municipal-pending": template(
      () => "The municipal reward was applied for and awaits the city's decision: the amount is an estimate.",
      () => "已申报市级奖励，尚待市级审批，金额为预估数。",
    ),
    "municipal-not-granted": template(
      () => "The municipal reward was applied for and not granted.",
      () => "已申报市级奖励，未获批准。",
    ),
    "municipal-not-applied": template(
      () => "No municipal reward was applied for.",
      () => "未申报市级奖励。",
    ),
    // District supplement
    "recommended-by-district": template(
      () => "Recommended by the district for the municipal reward.",
      () => "经区推荐申报市级奖励。",
    ),
    "not-recommended": template(
      () =>
        "Not recommended by the district for the municipal reward: the district supplement is for firms the district recommended.",
      () => "未经区推荐申报市级奖励，不适用比照市级标准的区级奖励。",
    ),
    "municipal-track-applies": template(
      () => "The municipal reward applies; the district does not reward the same exit again.",
      () => "适用市级奖励，区级不再重复奖励。",
    ),
    "supplement-track-applies": template(
      (d) => `The district supplement (${percent(d, "supplementRate")} % of the municipal standard) applies instead.`,
      (d) => `适用比照市级标准${percent(d, "supplementRate")}%的区级奖励，不再适用小企业综合奖励。`,
    ),
    // District small-enterprise reward
    "small-enterprise-reward": template(
      (d) =>
        `Neither the municipal reward nor the district supplement applies: the district's small-enterprise reward applies, assessed on tax paid, employees and land occupied, at most ${yuan(d, "cap")} yuan for a ${label(EXIT_MODE, d, "exitMode", "en")} exit.`,
      (d) =>
        `不适用市级奖励及比照市级标准的区级奖励，按税收贡献、用工人数、占地规模给予区级小企业综合奖励，${label(EXIT_MODE, d, "exitMode", "zh")}最高${yuan(d, "cap")}元。`,
    ),
    "small-cap-applied": template(
      (d) =>
        `The three components add up to ${yuan(d, "sum")} yuan, above the ${yuan(d, "cap")} yuan cap for a ${label(EXIT_MODE, d, "exitMode", "en")} exit: the reward is the cap.`,
      (d) =>
        `三项合计${yuan(d, "sum")}元，超过${label(EXIT_MODE, d, "exitMode", "zh")}最高奖励${yuan(d, "cap")}元，按${yuan(d, "cap")}元奖励。`,
    ),
    // Findings
    "after-deadline": template(
      (d) =>
        `Exit completed on ${text(d, "exitCompletedOn")}, after the ${text(d, "due")} deadline for ${label(DEADLINE_BASIS, d, "basis", "en")}; the amount is unchanged.`,
      (d) =>
        `退出完成日期${text(d, "exitCompletedOn")}晚于${label(DEADLINE_BASIS, d, "basis", "zh")}的完成时限${text(d, "due")}；奖励金额不变，请关注。`,
    ),
    "whole-exit-required": template(
      (d) =>
        `The firm's industry, ${label(CATALOGUE_INDUSTRY, d, "catalogueIndustry", "en")}, is on the municipal exit catalogue: the firm must exit whole, not by a process exit.`,
      (d) =>
        `属《市淘汰目录》内${label(CATALOGUE_INDUSTRY, d, "catalogueIndustry", "zh")}行业，须整体退出，请按整体退出组织退出和验收。`,
    ),
    "municipal-granted-off-track": template(
      (d) =>
        `The city reports the municipal reward as granted, but under these rules the firm is not on the municipal track (${label(TRACK, d, "track", "en")}); the two levels are not paid together, so check the municipal award before paying.`,
      (d) =>
        `市级奖励显示已获批准，但按本规则不适用市级奖励（${label(TRACK, d, "track", "zh")}）；市、区两级奖励不重复享受，请核实市级奖励情况后再办理拨付。`,
    ),
  },
  rules: {
    "reward.municipal.raw": { en: "amount by the municipal standard, before the cap", zh: "市级奖励测算额（封顶前）" },
    "reward.municipal.standardAmount": {
      en: "municipal standard amount (at most the cap)",
      zh: "市级奖励标准额（不超过上限）",
    },
    "reward.municipal.meetsStandard": {
      en: "meets the municipal standard (at least the floor)",
      zh: "是否达到市级奖励起奖额度",
    },
    "reward.track": { en: "reward track", zh: "奖励类别" },
    "reward.municipal.amount": { en: "municipal reward", zh: "市级奖励金额" },
    "reward.districtSupplement": {
      en: "district supplement (share of the municipal standard amount)",
      zh: "区级奖励（比照市级标准）",
    },
    "reward.small.taxComponent": { en: "small-enterprise reward: tax contribution", zh: "小企业综合奖励·税收贡献" },
    "reward.small.employeeComponent": { en: "small-enterprise reward: employees", zh: "小企业综合奖励·用工人数" },
    "reward.small.landComponent": { en: "small-enterprise reward: land occupied", zh: "小企业综合奖励·占地规模" },
    "reward.small.amount": {
      en: "small-enterprise reward (at most the cap for the exit mode)",
      zh: "区级小企业综合奖励金额（不超过退出方式对应的上限）",
    },
    "plan.exitDeadline": { en: "exit deadline", zh: "退出完成时限" },
    // Rules cited by reasons and findings only
    "reward.licensed": { en: "lawful operation (business licence)", zh: "合法经营（营业执照）" },
    "reward.exitAccepted": { en: "the exit standard (acceptance)", zh: "退出标准（验收）" },
    "reward.exemptCategory": { en: "exempt categories (leading group decision)", zh: "暂缓类别（领导小组决定）" },
    "reward.wholeExit": { en: "catalogue industries exit whole", zh: "《市淘汰目录》行业须整体退出" },
    "reward.municipal.scale": {
      en: "municipal reward: enterprises above designated size",
      zh: "市级奖励限于规模以上企业",
    },
    "reward.municipal.application": { en: "municipal reward: application and decision", zh: "市级奖励的申报与审批" },
    "reward.noStacking": { en: "no double reward (municipal and district)", zh: "市、区两级奖励不重复享受" },
  },
  steps: enterpriseRewardSteps,
  params: enterpriseRewardParams,
  conditions: enterpriseRewardConditions,
};
