import type { Json, ParamText, StepTemplate, TraceStep } from "../../trace/types.js";
import { figure, input, money, moneyWords, param, roundingNote, wordsOf } from "../../trace/words.js";
import { ZONE_TYPE_LABELS } from "../../vocabulary.js";

type Lang = "en" | "zh";

const template = (sentence: (step: TraceStep, lang: Lang) => string): StepTemplate => ({
  en: (step) => sentence(step, "en"),
  zh: (step) => sentence(step, "zh"),
});
const yuan = moneyWords;
const months = (value: Json | undefined, lang: Lang) => `${figure(value)} ${lang === "zh" ? "个月" : "months"}`;
const lease = (step: TraceStep) => `[${String(input(step, "leaseId"))}] `;
const zone = (value: Json | undefined, lang: Lang) => wordsOf(ZONE_TYPE_LABELS, value, lang);
const firstParam = (step: TraceStep) => step.params[0]?.value;

/** 村集体补偿的计算步骤 · the village-compensation steps as sentences with their arithmetic. */
export const villageCompensationSteps: { readonly [rule: string]: StepTemplate } = {
  "village.rentCapMonths": template((step, lang) =>
    lang === "zh"
      ? `12 × 补偿年限 ${figure(input(step, "capYears"))} 年，取整月 = ${months(step.value, lang)}`
      : `12 × ${figure(input(step, "capYears"))} cap years, in whole months = ${months(step.value, lang)}`,
  ),
  "village.remainingMonths": template((step, lang) =>
    lang === "zh"
      ? `${lease(step)}清退日期 ${String(input(step, "clearedOn"))} 至租期届满日 ${String(input(step, "leaseEndsOn"))}，剩余整月 = ${months(step.value, lang)}`
      : `${lease(step)}from the clearance on ${String(input(step, "clearedOn"))} to the lease end ${String(input(step, "leaseEndsOn"))}, whole months left = ${months(step.value, lang)}`,
  ),
  "village.compensatedMonths": template((step, lang) =>
    lang === "zh"
      ? `${lease(step)}min(剩余 ${months(input(step, "remainingMonths"), lang)}, 上限 ${months(input(step, "capMonths"), lang)}) = ${months(step.value, lang)}`
      : `${lease(step)}min(${months(input(step, "remainingMonths"), lang)} left, cap ${months(input(step, "capMonths"), lang)}) = ${months(step.value, lang)}`,
  ),
  "village.lostRent": template((step, lang) => {
    const rate = param(step, "village.rentCompensationRate")?.value;
    const tail = `= ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}`;
    return lang === "zh"
      ? `${lease(step)}年租金 ${yuan(input(step, "annualRent"), lang)} × ${months(input(step, "compensatedMonths"), lang)} ÷ 12 × 补偿比例 ${figure(rate)} ${tail}`
      : `${lease(step)}annual rent ${yuan(input(step, "annualRent"), lang)} × ${months(input(step, "compensatedMonths"), lang)} ÷ 12 × rate ${figure(rate)} ${tail}`;
  }),
  "village.sitePart": template((step, lang) => {
    const tail = `= ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}`;
    return lang === "zh"
      ? `${zone(input(step, "zoneType"), lang)}每亩 ${figure(firstParam(step))} 元 × ${figure(input(step, "landAreaMu"))} 亩 ${tail}`
      : `${zone(input(step, "zoneType"), lang)} ${figure(firstParam(step))} yuan/mu × ${figure(input(step, "landAreaMu"))} mu ${tail}`;
  }),
  "village.total": template((step, lang) => {
    const rents = input(step, "lostRent");
    const list = Array.isArray(rents) ? (rents as readonly Json[]).map((rent) => money(rent)) : [];
    const rentPart =
      list.length === 0 ? "" : lang === "zh" ? `租金损失 ${list.join(" + ")} + ` : `lost rent ${list.join(" + ")} + `;
    return lang === "zh"
      ? `${rentPart}场地补偿 ${money(input(step, "sitePart"))} = ${yuan(step.value, lang)}`
      : `${rentPart}site part ${money(input(step, "sitePart"))} = ${yuan(step.value, lang)}`;
  }),
};

/** 村集体补偿的参数 · the village-compensation parameters by name. */
export const villageCompensationParams: { readonly [name: string]: ParamText } = {
  "village.rentCapYears": {
    zh: "租金损失补偿年限上限",
    en: "cap on compensated years",
    unit: { zh: "年", en: "years" },
  },
  "village.rentCompensationRate": { zh: "租金损失补偿比例", en: "lost-rent compensation rate" },
  "village.perMu": {
    zh: "场地补偿每亩标准",
    en: "site part per mu",
    unit: { zh: "元/亩", en: "yuan/mu" },
    keys: ZONE_TYPE_LABELS,
  },
};
