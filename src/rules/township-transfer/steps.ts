import type { ConditionText, Json, MessageTemplate, ParamText, StepTemplate, TraceStep } from "../../trace/types.js";
import { cut, figure, input, isRecord, moneyWords, param, roundingNote, wordsOf } from "../../trace/words.js";
import { TAX_TYPES, TAX_TYPE_LABELS } from "../../vocabulary.js";

type Lang = "en" | "zh";

const template = (sentence: (step: TraceStep, lang: Lang) => string): StepTemplate => ({
  en: (step) => sentence(step, "en"),
  zh: (step) => sentence(step, "zh"),
});
const yuan = moneyWords;
const tax = (key: Json | undefined, lang: Lang) => wordsOf(TAX_TYPE_LABELS, key, lang);
const count = (value: Json | undefined) => (Array.isArray(value) ? value.length : 0);

function share(step: TraceStep, lang: Lang): string {
  const type = String(input(step, "taxType"));
  const local = param(step, `transfer.localShare.${type}`)?.value;
  const township = param(step, `transfer.townshipShareOfLocal.${type}`)?.value;
  return lang === "zh"
    ? `${tax(type, lang)}：地方分享比例 ${figure(local)} × 乡镇分享地方部分比例 ${figure(township)} = ${figure(step.value)}（${String(input(step, "reckonedOn"))} 的比例）`
    : `${tax(type, lang)}: local share ${figure(local)} × township share of local ${figure(township)} = ${figure(step.value)} (as on ${String(input(step, "reckonedOn"))})`;
}

function enterpriseCapacity(step: TraceStep, lang: Lang): string {
  const shares = input(step, "shares");
  const terms = TAX_TYPES.map(
    (type) =>
      `${tax(type, lang)} ${yuan(input(step, type), lang)} × ${figure(isRecord(shares) ? shares[type] : undefined)}`,
  );
  return `[${String(input(step, "enterpriseId"))}] ${terms.join(" + ")} = ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}`;
}

/** 乡镇转移支付的计算步骤 · the township-transfer steps as sentences with their arithmetic. */
export const townshipTransferSteps: { readonly [rule: string]: StepTemplate } = {
  "transfer.townshipShare": template(share),
  "transfer.enterpriseLostCapacity": template(enterpriseCapacity),
  "transfer.lostCapacity": template((step, lang) =>
    lang === "zh"
      ? `${count(input(step, "enterprises"))} 家退出企业形成的财力之和 = ${yuan(step.value, lang)}`
      : `sum over the ${count(input(step, "enterprises"))} exited enterprises = ${yuan(step.value, lang)}`,
  ),
  "transfer.impactRatio": template((step, lang) =>
    lang === "zh"
      ? `减少财力 ${yuan(input(step, "lostCapacity"), lang)} ÷ 上年度财力 ${yuan(input(step, "priorYearRevenue"), lang)} = ${cut(step.value)}`
      : `lost capacity ${yuan(input(step, "lostCapacity"), lang)} ÷ prior-year capacity ${yuan(input(step, "priorYearRevenue"), lang)} = ${cut(step.value)}`,
  ),
  "transfer.eligibility": template((step, lang) => {
    const met = step.value === true;
    const ratio = cut(input(step, "impactRatio"));
    const threshold = figure(input(step, "threshold"));
    return lang === "zh"
      ? `影响比例 ${ratio} ${met ? "≥" : "<"} 认定比例 ${threshold}，${met ? "达到" : "未达到"}受影响较大认定比例`
      : `impact ratio ${ratio} ${met ? "≥" : "<"} threshold ${threshold}: ${met ? "met" : "not met"}`;
  }),
  "transfer.amount": template((step, lang) => {
    if (input(step, "eligible") !== true)
      return lang === "zh"
        ? `未达到受影响较大认定比例，不予转移支付 = ${yuan(step.value, lang)}`
        : `the threshold is not met: no transfer = ${yuan(step.value, lang)}`;
    const coverage = param(step, "transfer.coverage")?.value;
    const tail = `= ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}`;
    return lang === "zh"
      ? `减少财力 ${yuan(input(step, "lostCapacity"), lang)} × 覆盖比例 ${figure(coverage)} ${tail}`
      : `lost capacity ${yuan(input(step, "lostCapacity"), lang)} × coverage ${figure(coverage)} ${tail}`;
  }),
  "transfer.taxTarget": template((step, lang) =>
    lang === "zh"
      ? `按减少财力 ${yuan(input(step, "lostCapacity"), lang)} 核减 = ${yuan(step.value, lang)}`
      : `by the lost capacity ${yuan(input(step, "lostCapacity"), lang)} = ${yuan(step.value, lang)}`,
  ),
  "transfer.outputTarget": template((step, lang) => {
    const rows = input(step, "priorYearOutput");
    const list = Array.isArray(rows) ? (rows as readonly Json[]) : [];
    const missing = list.filter((row) => isRecord(row) && row.priorYearOutput === null).length;
    const gap =
      missing === 0
        ? ""
        : lang === "zh"
          ? `（其中 ${missing} 家未填上年度产值，按 0 计）`
          : ` (${missing} gave no prior-year output: counted as 0)`;
    return lang === "zh"
      ? `${list.length} 家退出企业上年度产值之和${gap} = ${yuan(step.value, lang)}`
      : `sum of the ${list.length} exited enterprises' prior-year output${gap} = ${yuan(step.value, lang)}`;
  }),
};

/** 乡镇转移支付的参数 · the township-transfer parameters by name. */
export const townshipTransferParams: { readonly [name: string]: ParamText } = {
  "transfer.localShare": { zh: "地方分享比例", en: "local share", keys: TAX_TYPE_LABELS },
  "transfer.townshipShareOfLocal": { zh: "乡镇分享地方部分比例", en: "township share of local", keys: TAX_TYPE_LABELS },
  "transfer.impactThreshold": { zh: "受影响较大认定比例", en: "impact threshold" },
  "transfer.coverage": { zh: "转移支付覆盖比例", en: "coverage of the lost capacity" },
};

/** The ratio and threshold of an impact reason: `0.0819989173… ≥ 0.05`. */
const impact = (sign: string): MessageTemplate => ({
  zh: (d) => `影响比例 ${cut(d.impactRatio)} ${sign} ${figure(d.threshold)}`,
  en: (d) => `impact ratio ${cut(d.impactRatio)} ${sign} ${figure(d.threshold)}`,
});

/** 乡镇转移支付的条件 · the impact threshold as a condition met or not. */
export const townshipTransferConditions: { readonly [code: string]: ConditionText } = {
  "impact-threshold-met": {
    zh: "达到受影响较大认定比例",
    en: "impact threshold met",
    met: true,
    detail: impact("≥"),
    decides: { zh: "给予财政转移支付", en: "a transfer is due" },
  },
  "impact-below-threshold": {
    zh: "达到受影响较大认定比例",
    en: "impact threshold met",
    met: false,
    detail: impact("<"),
    decides: { zh: "不予转移支付（仍核减相关指标）", en: "no transfer (the targets are still reduced)" },
  },
};
