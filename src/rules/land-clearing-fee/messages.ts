import type { Json, MessageCatalog } from "../../trace/types.js";
import { figure, money } from "../../trace/words.js";
import { STRUCTURE_TYPE_LABELS, UNIT_LABELS } from "./labels.js";
import { landClearingFeeConditions, landClearingFeeParams, landClearingFeeSteps } from "./steps.js";

export { STRUCTURE_TYPE_LABELS, STRUCTURE_TYPE_VALUE_LABELS, UNIT_LABELS } from "./labels.js";

/** A structure type as a clerk reads it: `砖混 (brick-concrete)`, or the key alone when it has no Chinese name. */
export function structureTypeLabel(structureType: string): string {
  const zh = own(STRUCTURE_TYPE_LABELS, structureType);
  return zh === undefined ? structureType : `${zh} (${structureType})`;
}

/** The entry of `key` in a table of labels, never a property of Object.prototype. */
function own<V>(table: { readonly [key: string]: V }, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const text = (value: Json | undefined): string => (value === undefined || value === null ? "" : String(value));
/** An amount with thousands separators and at least two decimals, every decimal kept ("" when absent). */
const yuan = (value: Json | undefined): string => (value === undefined || value === null ? "" : money(value));
/** A rate or quantity with thousands separators, every decimal kept. */
const amount = (value: Json | undefined): string => (value === undefined || value === null ? "" : figure(value));
const zhType = (value: Json | undefined): string => own(STRUCTURE_TYPE_LABELS, text(value)) ?? text(value);
const zhUnit = (value: Json | undefined): string => own(UNIT_LABELS, text(value))?.zh ?? text(value);
const enUnit = (value: Json | undefined): string => own(UNIT_LABELS, text(value))?.en ?? text(value);

/** The texts of the land-clearing-fee domain: reason and finding codes, and its trace rules. */
export const landClearingFeeMessages: MessageCatalog = {
  codes: {
    "verified-items": {
      en: (d) =>
        `${text(d.items)} item(s) verified: ${text(d.surveyed)} surveyed by the housing commission, ${text(d.paid)} approved with a fee, ${text(d.zero)} approved at 0, ${text(d.withFindings)} with findings`,
      zh: (d) =>
        `共核定地上物 ${text(d.items)} 项：经住建委核定测量 ${text(d.surveyed)} 项，核定有经费 ${text(d.paid)} 项，核定为 0 的 ${text(d.zero)} 项，有问题 ${text(d.withFindings)} 项`,
    },
    "paid-to-township": {
      en: (d) =>
        `the district finance bureau pays the approved ${yuan(d.approved)} yuan in full, directly to the government of ${text(d.township)}`,
      zh: (d) => `由区财政局按核定金额 ${yuan(d.approved)} 元足额直接拨付至${text(d.township)}人民政府`,
    },
    "type-mismatch": {
      en: (d) =>
        `declared as ${text(d.declaredType)} but the survey found ${text(d.surveyedType)}; approved at the rate of the surveyed type`,
      zh: (d) => `申报结构类型为${zhType(d.declaredType)}，核定为${zhType(d.surveyedType)}，按核定类型的标准计算`,
    },
    "quantity-exceeds-survey": {
      en: (d) =>
        `declared ${amount(d.declared)} ${enUnit(d.unit)} but the survey measured ${amount(d.surveyed)} ${enUnit(d.unit)}; approved at the surveyed quantity`,
      zh: (d) =>
        `申报数量 ${amount(d.declared)}${zhUnit(d.unit)} 超过核定测量数量 ${amount(d.surveyed)}${zhUnit(d.unit)}，按核定数量计算`,
    },
    "built-after-cutoff": {
      en: (d) =>
        `built on ${text(d.builtOn)}, after the cut-off date ${text(d.cutoffDate)} (a rush-built structure, 抢建): approved at 0`,
      zh: (d) => `建成日期 ${text(d.builtOn)} 晚于截止日 ${text(d.cutoffDate)}，属抢建，核定为 0`,
    },
    unsurveyed: {
      en: (d) =>
        d.required === true
          ? "not surveyed by the housing commission: approved at 0, because only verified quantities are paid"
          : "not surveyed by the housing commission: approved as declared, because this rule set does not require a survey",
      zh: (d) =>
        d.required === true
          ? "未经住建委核定测量，核定为 0（按住建委核定的数量拨付）"
          : "未经住建委核定测量，按申报数量计算（本规则集未要求核定测量）",
    },
    "declared-amount-mismatch": {
      en: (d) =>
        `declared amount ${yuan(d.declaredAmount)} yuan differs from ${yuan(d.expected)} yuan, the declared ${amount(d.quantity)} ${enUnit(d.unit)} of ${text(d.declaredType)} at ${amount(d.rate)} yuan`,
      zh: (d) =>
        `申报金额 ${yuan(d.declaredAmount)} 元与按申报类型和数量测算的 ${yuan(d.expected)} 元不符（${zhType(d.declaredType)} ${amount(d.quantity)}${zhUnit(d.unit)} × ${amount(d.rate)} 元）`,
    },
  },
  rules: {
    "clearance.declaredFee": {
      en: "fee at the rates for the declared type and quantity",
      zh: "按申报类型和数量测算的腾地经费",
    },
    "clearance.fee": {
      en: "land-clearing fee of an item (approved quantity × rate of the approved type)",
      zh: "核定腾地经费（核定数量 × 核定类型标准）",
    },
    "clearance.totals.declared": { en: "declared total", zh: "申报金额合计" },
    "clearance.totals.approved": {
      en: "approved total (sum of the item fees)",
      zh: "核定金额合计（各项核定经费之和）",
    },
    "clearance.totals.difference": { en: "difference (approved − declared)", zh: "差额（核定 − 申报）" },
    // Rules cited by reasons and findings only
    "clearance.verification": { en: "verification by the housing commission", zh: "住建委核定" },
    "clearance.payment": { en: "payment of the verified amount to the township", zh: "按核定金额拨付乡镇" },
  },
  steps: landClearingFeeSteps,
  params: landClearingFeeParams,
  conditions: landClearingFeeConditions,
};

/** A finding (or reason) of this domain in Chinese or English, from its code and data (for sheets and tables). */
export function clearanceMessage(
  code: string,
  data: { readonly [key: string]: Json } | undefined,
  lang: "zh" | "en",
): string {
  const template = own(landClearingFeeMessages.codes, code);
  return template === undefined ? code : template[lang](data ?? {});
}
