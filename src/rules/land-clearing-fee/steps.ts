import type { ConditionText, Json, ParamText, StepTemplate, TraceStep } from "../../trace/types.js";
import { figure, input, moneyWords, roundingNote, sameFigure, wordsOf } from "../../trace/words.js";
import { STRUCTURE_TYPE_VALUE_LABELS, UNIT_LABELS } from "./labels.js";

type Lang = "en" | "zh";

const template = (sentence: (step: TraceStep, lang: Lang) => string): StepTemplate => ({
  en: (step) => sentence(step, "en"),
  zh: (step) => sentence(step, "zh"),
});
const yuan = moneyWords;
const type = (value: Json | undefined, lang: Lang) => wordsOf(STRUCTURE_TYPE_VALUE_LABELS, value, lang);
const unit = (value: Json | undefined, lang: Lang) => wordsOf(UNIT_LABELS, value, lang);
const item = (step: TraceStep) => `[${String(input(step, "itemId"))}] `;

/** `砖混 120 ㎡ × 60 元/㎡` — a quantity of a type at its rate, as the step recorded them. */
function atRate(typeKey: Json | undefined, quantity: Json | undefined, step: TraceStep, lang: Lang): string {
  const u = unit(input(step, "unit"), lang);
  const per = lang === "zh" ? `元/${u}` : `yuan/${u}`;
  return `${type(typeKey, lang)} ${figure(quantity)} ${u} × ${figure(input(step, "rate"))} ${per}`;
}

function declaredFee(step: TraceStep, lang: Lang): string {
  const declared = input(step, "declaredAmount");
  const note =
    declared === undefined
      ? lang === "zh"
        ? "（未填申报金额，以此为申报值）"
        : " (no declared amount: this is the declared value)"
      : lang === "zh"
        ? `（申报金额 ${yuan(declared, lang)}${sameFigure(declared, step.value) ? "，一致" : "，不一致，见需关注"}）`
        : ` (declared amount ${yuan(declared, lang)}${sameFigure(declared, step.value) ? ", the same" : ", different: see the findings"})`;
  return `${item(step)}${atRate(input(step, "structureType"), input(step, "quantity"), step, lang)} = ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}${note}`;
}

function approvedFee(step: TraceStep, lang: Lang): string {
  const zh = lang === "zh";
  const approvedType = input(step, "approvedType");
  const approvedQuantity = input(step, "approvedQuantity");
  const changed =
    input(step, "declaredType") !== approvedType || !sameFigure(input(step, "declaredQuantity"), approvedQuantity);
  const u = unit(input(step, "unit"), lang);
  const surveyed =
    input(step, "surveyedQuantity") === undefined
      ? zh
        ? "未经核定测量"
        : "not surveyed"
      : zh
        ? `核定测量 ${type(input(step, "surveyedType"), lang)} ${figure(input(step, "surveyedQuantity"))} ${u}`
        : `surveyed ${type(input(step, "surveyedType"), lang)} ${figure(input(step, "surveyedQuantity"))} ${u}`;
  const note = changed
    ? zh
      ? `（申报 ${type(input(step, "declaredType"), lang)} ${figure(input(step, "declaredQuantity"))} ${u}，${surveyed}，见需关注）`
      : ` (declared ${type(input(step, "declaredType"), lang)} ${figure(input(step, "declaredQuantity"))} ${u}, ${surveyed}: see the findings)`
    : "";
  return `${item(step)}${zh ? "核定 " : "approved "}${atRate(approvedType, approvedQuantity, step, lang)} = ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}${note}`;
}

function sumOf(key: string, what: { readonly en: string; readonly zh: string }) {
  return (step: TraceStep, lang: Lang): string => {
    const values = input(step, key);
    const count = Array.isArray(values) ? values.length : 0;
    return lang === "zh"
      ? `${count} 项${what.zh}之和 = ${yuan(step.value, lang)}`
      : `sum of the ${count} items' ${what.en} = ${yuan(step.value, lang)}`;
  };
}

const DECLARED_BASIS: { readonly [basis: string]: { readonly en: string; readonly zh: string } } = {
  "declared-amounts": { zh: "申报金额", en: "declared amounts" },
  "declared-quantities-at-rates": {
    zh: "按申报类型和数量测算的经费",
    en: "fees at the rates for the declared quantities",
  },
  mixed: {
    zh: "申报金额（未填的按申报类型和数量测算）",
    en: "declared amounts (the fee at the rates where none was declared)",
  },
};

/** 腾地经费的计算步骤 · the land-clearing-fee steps as sentences with their arithmetic. */
export const landClearingFeeSteps: { readonly [rule: string]: StepTemplate } = {
  "clearance.declaredFee": template(declaredFee),
  "clearance.fee": template(approvedFee),
  "clearance.totals.declared": template((step, lang) => {
    const basis = DECLARED_BASIS[String(input(step, "basis"))] ?? DECLARED_BASIS.mixed;
    return sumOf("items", basis ?? { zh: "申报金额", en: "declared amounts" })(step, lang);
  }),
  "clearance.totals.approved": template(sumOf("fees", { zh: "核定经费", en: "approved fees" })),
  "clearance.totals.difference": template((step, lang) =>
    lang === "zh"
      ? `核定 ${yuan(input(step, "approved"), lang)} − 申报 ${yuan(input(step, "declared"), lang)} = ${yuan(step.value, lang)}`
      : `approved ${yuan(input(step, "approved"), lang)} − declared ${yuan(input(step, "declared"), lang)} = ${yuan(step.value, lang)}`,
  ),
};

/** 腾地经费的参数 · the land-clearing-fee parameters by name. */
export const landClearingFeeParams: { readonly [name: string]: ParamText } = {
  "clearance.rates": {
    zh: "腾地经费标准",
    en: "land-clearing rate",
    keys: STRUCTURE_TYPE_VALUE_LABELS,
    value: (value, lang) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return String(value);
      const rate = (value as { readonly [key: string]: Json }).rate;
      const u = unit((value as { readonly [key: string]: Json }).unit, lang);
      return lang === "zh" ? `${figure(rate)} 元/${u}` : `${figure(rate)} yuan/${u}`;
    },
  },
  "clearance.cutoffDate": { zh: "抢建认定截止日", en: "cut-off date (rush-built after it)" },
  "clearance.requireSurvey": { zh: "须经住建委核定测量", en: "survey by the housing commission required" },
  "clearance.paidInFull": { zh: "足额拨付", en: "paid in full" },
};

/** 腾地经费的条件 · no reason of this domain is a condition: both state what was verified and who is paid. */
export const landClearingFeeConditions: { readonly [code: string]: ConditionText } = {};
