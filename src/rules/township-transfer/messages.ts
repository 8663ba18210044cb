import { Dec, dec } from "../../money/decimal.js";
import type { Json, MessageCatalog } from "../../trace/types.js";
import { dataMoney as yuan, dataText as text, isRecord, money } from "../../trace/words.js";
import { TAX_TYPE_LABELS, TAX_TYPES } from "../../vocabulary.js";
import { townshipTransferConditions, townshipTransferParams, townshipTransferSteps } from "./steps.js";

type Data = { readonly [key: string]: Json };

/**
 * A ratio of the data as a percentage cut (not rounded) to 4 decimals: "0.0725" → "7.25%", "0.0499999" → "4.9999%".
 * Cutting keeps a ratio just below the threshold from reading as the threshold itself.
 */
function percent(data: Data, key: string): string {
  const value = data[key];
  return typeof value === "string" && value !== ""
    ? `${dec(value).times(100).toDecimalPlaces(4, Dec.ROUND_DOWN).toString()}%`
    : text(data, key);
}

/**
 * Taxes of the data in words: each tax type's label and its amount (`增值税100,000.00元、企业所得税20.00元`,
 * `VAT 100,000.00 yuan, corporate income tax 20.00 yuan`); a type without a label is named by its key, and a value
 * that is not a table of taxes is quoted as it is.
 */
function taxAmounts(data: Data, key: string, lang: "en" | "zh"): string {
  const value = Object.hasOwn(data, key) ? data[key] : undefined;
  if (!isRecord(value)) return text(data, key);
  const names = lang === "zh" ? TAX_ZH : TAX_EN;
  return Object.entries(value)
    .map(([type, amount]) => {
      const name = Object.hasOwn(names, type) ? names[type] : type;
      return lang === "zh" ? `${name}${money(amount)}元` : `${name} ${money(amount)} yuan`;
    })
    .join(lang === "zh" ? "、" : ", ");
}

const TAX_EN: { readonly [type: string]: string } = Object.fromEntries(
  TAX_TYPES.map((type) => [type, TAX_TYPE_LABELS[type].en]),
);
const TAX_ZH: { readonly [type: string]: string } = Object.fromEntries(
  TAX_TYPES.map((type) => [type, TAX_TYPE_LABELS[type].zh]),
);

/**
 * 转移支付文本 · township-transfer messages — every reason, finding and rule name of the domain, in English and Chinese.
 *
 * @category township-transfer
 */
export const townshipTransferMessages: MessageCatalog = {
  codes: {
    "impact-threshold-met": {
      en: (d) =>
        `The exited enterprises' prior-year taxes gave ${text(d, "township")} ${yuan(d, "lostCapacity")} yuan of fiscal capacity, ${percent(d, "impactRatio")} of its ${yuan(d, "priorYearRevenue")} yuan prior-year capacity — at or above the threshold ${percent(d, "threshold")}: a transfer is due for ${text(d, "fiscalYear")}.`,
      zh: (d) =>
        `退出企业上年度税收形成${text(d, "township")}财力${yuan(d, "lostCapacity")}元，占该乡镇上年度财力${yuan(d, "priorYearRevenue")}元的${percent(d, "impactRatio")}，达到受影响较大认定比例${percent(d, "threshold")}，${text(d, "fiscalYear")}年度给予财政转移支付。`,
    },
    "impact-below-threshold": {
      en: (d) =>
        `The exited enterprises' prior-year taxes gave ${text(d, "township")} ${yuan(d, "lostCapacity")} yuan of fiscal capacity, ${percent(d, "impactRatio")} of its ${yuan(d, "priorYearRevenue")} yuan prior-year capacity — below the threshold ${percent(d, "threshold")}: no transfer for ${text(d, "fiscalYear")} (the target reductions still apply).`,
      zh: (d) =>
        `退出企业上年度税收形成${text(d, "township")}财力${yuan(d, "lostCapacity")}元，占该乡镇上年度财力${yuan(d, "priorYearRevenue")}元的${percent(d, "impactRatio")}，低于受影响较大认定比例${percent(d, "threshold")}，${text(d, "fiscalYear")}年度不予转移支付（仍核减相关指标）。`,
    },
    "tax-mismatch": {
      en: (d) =>
        `Enterprise ${text(d, "enterpriseId")}: the prior-year taxes in this transfer (${taxAmounts(d, "inTransfer", "en")}) differ from its enterprise-exit case (${taxAmounts(d, "inEnterpriseExit", "en")}); check with the tax bureaus.`,
      zh: (d) =>
        `企业${text(d, "enterpriseId")}：本转移支付申报的上年度税收（${taxAmounts(d, "inTransfer", "zh")}）与该企业退出案件（${taxAmounts(d, "inEnterpriseExit", "zh")}）不一致，请与国税、地税部门核对。`,
    },
    "township-mismatch": {
      en: (d) =>
        `Enterprise ${text(d, "enterpriseId")} is counted for ${text(d, "township")}, but its enterprise-exit case names ${text(d, "enterpriseTownship")}.`,
      zh: (d) =>
        `企业${text(d, "enterpriseId")}计入${text(d, "township")}的转移支付，但其退出案件所属乡镇为${text(d, "enterpriseTownship")}。`,
    },
  },
  rules: {
    "transfer.townshipShare": {
      en: "township share of a tax (local share × township share of local)",
      zh: "乡镇分享比例（地方分享比例 × 乡镇分享地方部分比例）",
    },
    "transfer.enterpriseLostCapacity": {
      en: "fiscal capacity an exited enterprise's prior-year taxes gave the township (rounded)",
      zh: "退出企业上年度税收形成的乡镇财力（四舍五入）",
    },
    "transfer.lostCapacity": { en: "lost fiscal capacity", zh: "减少的乡镇财力合计" },
    "transfer.impactRatio": {
      en: "impact ratio (lost capacity ÷ prior-year capacity)",
      zh: "影响比例（减少财力 ÷ 上年度财力）",
    },
    "transfer.eligibility": { en: "impact threshold met", zh: "是否达到受影响较大认定比例" },
    "transfer.amount": {
      en: "fiscal transfer (lost capacity × coverage, rounded)",
      zh: "财政转移支付（减少财力 × 覆盖比例，四舍五入）",
    },
    "transfer.taxTarget": { en: "reduction of the township's tax target", zh: "核减乡镇税收指标" },
    "transfer.outputTarget": { en: "reduction of the township's output target", zh: "核减乡镇产值指标" },
  },
  steps: townshipTransferSteps,
  params: townshipTransferParams,
  conditions: townshipTransferConditions,
};
