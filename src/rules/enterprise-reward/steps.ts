import type { ConditionText, Json, MessageTemplate, ParamText, StepTemplate, TraceStep } from "../../trace/types.js";
import {
  figure,
  input,
  isRecord,
  isZeroFigure,
  money,
  moneyWords,
  param,
  roundingNote,
  sameFigure,
} from "../../trace/words.js";
import { POLLUTANTS, REGION_LABELS, TAX_TYPES, TAX_TYPE_LABELS, TRACK_LABELS } from "../../vocabulary.js";

type Lang = "en" | "zh";
type Words = { readonly en: string; readonly zh: string };

/** 污染物 · the pollutants by name, for the municipal rate table and the raw amount's sentence. */
export const POLLUTANT_WORDS: { readonly [pollutant: string]: Words } = {
  so2: { zh: "二氧化硫", en: "SO₂" },
  nox: { zh: "氮氧化物", en: "NOx" },
  cod: { zh: "化学需氧量", en: "COD" },
  ammoniaNitrogen: { zh: "氨氮", en: "ammonia nitrogen" },
  vocs: { zh: "挥发性有机物", en: "VOCs" },
  particulates: { zh: "颗粒物", en: "particulates" },
};

const YUAN: Words = { zh: "元", en: "yuan" };
const own = <V>(table: { readonly [key: string]: V }, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

function template(en: (step: TraceStep) => string, zh: (step: TraceStep) => string): StepTemplate {
  return { en, zh };
}

const yuan = moneyWords;

/**
 * A marginal (or single-bracket) scale's arithmetic from the brackets the rule recorded: `300,000 × 1 + 714,486.69 × 0`;
 * a single-amount scale's bracket and its fixed amount: `60 people, bracket from 50: fixed 50,000`; a single-rate
 * scale's bracket and the whole base at its rate: `20,000 yuan, bracket from 10,000: whole base × 0.5`.
 */
export function bracketWords(step: TraceStep, lang: Lang, unit: Words): string {
  const parts = input(step, "brackets");
  if (!Array.isArray(parts) || parts.length === 0)
    return lang === "zh" ? "未达到任何档次 = 0" : "below every bracket = 0";
  const typed = (type: string) => step.params.some((used) => isRecord(used.value) && used.value.type === type);
  const fixed = typed("single-amount");
  const whole = typed("single-rate");
  return (parts as readonly Json[])
    .map((part) => {
      if (!isRecord(part)) return "";
      if (fixed)
        return lang === "zh"
          ? `${figure(part.portion)} ${unit.zh}（${figure(part.from)} ${unit.zh}起档次）定额 ${figure(part.amount)}`
          : `${figure(part.portion)} ${unit.en}, bracket from ${figure(part.from)}: fixed ${figure(part.amount)}`;
      // The whole base takes the bracket's rate: no "above …" part, which would read as a marginal scale.
      if (whole)
        return lang === "zh"
          ? `${figure(part.portion)} ${unit.zh}（${figure(part.from)} ${unit.zh}起档次，全额适用）× ${figure(part.rate)}`
          : `${figure(part.portion)} ${unit.en}, bracket from ${figure(part.from)}: whole base × ${figure(part.rate)}`;
      const range =
        part.to === undefined
          ? lang === "zh"
            ? `${figure(part.from)} ${unit.zh}以上部分`
            : `above ${figure(part.from)} ${unit.en}`
          : lang === "zh"
            ? `${figure(part.from)}–${figure(part.to)} ${unit.zh}部分`
            : `${figure(part.from)}–${figure(part.to)} ${unit.en}`;
      return `${range} ${figure(part.portion)} × ${figure(part.rate)}`;
    })
    .join(" + ");
}

function scaleStep(base: (step: TraceStep, lang: Lang) => string, unit: Words): StepTemplate {
  const sentence = (step: TraceStep, lang: Lang) =>
    `${base(step, lang)}${lang === "zh" ? "；" : "; "}${bracketWords(step, lang, unit)} = ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}`;
  return template(
    (step) => sentence(step, "en"),
    (step) => sentence(step, "zh"),
  );
}

function rawSentence(step: TraceStep, lang: Lang): string {
  const zh = lang === "zh";
  const assessed = input(step, "municipalAssessedAmount");
  if (assessed !== undefined)
    return zh
      ? `市级核定奖励标准额 ${yuan(assessed, lang)}（按核定额，不按费率测算）= ${yuan(step.value, lang)}`
      : `municipal assessed amount ${yuan(assessed, lang)} (the assessed amount, no rate applied) = ${yuan(step.value, lang)}`;
  const rate = param(step, "reward.municipal.ratePerTce")?.value;
  const terms = [
    zh
      ? `节能量 ${figure(input(step, "energySavedTce"))} 吨标准煤 × ${figure(rate)} 元/吨标准煤`
      : `energy saved ${figure(input(step, "energySavedTce"))} tce × ${figure(rate)} yuan/tce`,
  ];
  for (const pollutant of POLLUTANTS) {
    const tonnes = input(step, "pollutantsReducedTonnes", pollutant);
    if (tonnes === undefined || isZeroFigure(tonnes)) continue;
    const perTonne = param(step, `reward.municipal.ratePerTonne.${pollutant}`)?.value;
    const name = POLLUTANT_WORDS[pollutant]?.[lang] ?? pollutant;
    terms.push(
      zh
        ? `${name}减排 ${figure(tonnes)} 吨 × ${figure(perTonne)} 元/吨`
        : `${name} reduced ${figure(tonnes)} t × ${figure(perTonne)} yuan/t`,
    );
  }
  return `${terms.join(" + ")} = ${yuan(step.value, lang)}`;
}

function capSentence(step: TraceStep, lang: Lang): string {
  const max = param(step, "reward.municipal.max")?.value;
  return lang === "zh"
    ? `min(测算额 ${yuan(input(step, "raw"), lang)}, 上限 ${yuan(max, lang)}) = ${yuan(step.value, lang)}`
    : `min(amount ${yuan(input(step, "raw"), lang)}, cap ${yuan(max, lang)}) = ${yuan(step.value, lang)}`;
}

function floorSentence(step: TraceStep, lang: Lang): string {
  const min = param(step, "reward.municipal.min")?.value;
  const raw = yuan(input(step, "raw"), lang);
  const meets = step.value === true;
  return lang === "zh"
    ? `测算额 ${raw} ${meets ? "≥" : "<"} 起奖额度 ${yuan(min, lang)}，${meets ? "达到" : "未达到"}市级奖励起奖额度`
    : `amount ${raw} ${meets ? "≥" : "<"} floor ${yuan(min, lang)}: ${meets ? "meets" : "does not meet"} the municipal standard`;
}

function trackSentence(step: TraceStep, lang: Lang): string {
  const track = typeof step.value === "string" ? step.value : "";
  const name = own(TRACK_LABELS, track)?.[lang] ?? track;
  return lang === "zh"
    ? `${name}（由下列条件确定，见“理由”）`
    : `${name} (decided by the conditions listed under "Why")`;
}

function municipalAmountSentence(step: TraceStep, lang: Lang): string {
  const standard = input(step, "standardAmount");
  return lang === "zh"
    ? `市级奖励标准额 ${yuan(standard, lang)} = ${yuan(step.value, lang)}${roundingNote(standard, step.value, lang)}`
    : `municipal standard amount ${yuan(standard, lang)} = ${yuan(step.value, lang)}${roundingNote(standard, step.value, lang)}`;
}

function supplementSentence(step: TraceStep, lang: Lang): string {
  const zh = lang === "zh";
  const standard = input(step, "standardAmount");
  const rounded = input(step, "roundedStandardAmount");
  const rate = param(step, "reward.district.supplementRate")?.value;
  const first = sameFigure(standard, rounded)
    ? ""
    : zh
      ? `（市级标准额 ${figure(standard)} 元先舍入到分）`
      : ` (the standard amount ${figure(standard)} rounded to the fen first)`;
  return zh
    ? `市级标准金额 ${yuan(rounded, lang)}${first} × 比照比例 ${figure(rate)} = ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}`
    : `municipal standard amount ${yuan(rounded, lang)}${first} × supplement rate ${figure(rate)} = ${yuan(step.value, lang)}${roundingNote(input(step, "unrounded"), step.value, lang)}`;
}

function taxBase(step: TraceStep, lang: Lang): string {
  const terms = TAX_TYPES.filter((type) => input(step, type) !== undefined).map(
    (type) => `${TAX_TYPE_LABELS[type][lang]} ${yuan(input(step, type), lang)}`,
  );
  const total = yuan(input(step, "totalTax"), lang);
  return lang === "zh"
    ? `上年度纳税 ${terms.join(" + ")} = ${total}`
    : `prior-year tax ${terms.join(" + ")} = ${total}`;
}

function smallAmountSentence(step: TraceStep, lang: Lang): string {
  const zh = lang === "zh";
  const cap = step.params[0]?.value;
  const parts = zh
    ? `税收贡献 ${money(input(step, "taxComponent"))} + 用工人数 ${money(input(step, "employeeComponent"))} + 占地规模 ${money(input(step, "landComponent"))} = ${yuan(input(step, "sum"), lang)}`
    : `tax ${money(input(step, "taxComponent"))} + employees ${money(input(step, "employeeComponent"))} + land ${money(input(step, "landComponent"))} = ${yuan(input(step, "sum"), lang)}`;
  return zh
    ? `min(${parts}, 上限 ${yuan(cap, lang)}) = ${yuan(step.value, lang)}`
    : `min(${parts}, cap ${yuan(cap, lang)}) = ${yuan(step.value, lang)}`;
}

function deadlineSentence(step: TraceStep, lang: Lang): string {
  const zh = lang === "zh";
  const catalogue = input(step, "catalogueIndustry");
  const region = input(step, "region");
  const basis =
    catalogue !== undefined
      ? zh
        ? "《市淘汰目录》行业"
        : "catalogue industries"
      : (own(REGION_LABELS, typeof region === "string" ? region : "south")?.[lang] ?? String(region)) +
        (zh ? "区域" : "") +
        (region === undefined ? (zh ? "（未注明区域，按以南）" : " (no region given: south)") : "");
  const done = input(step, "exitCompletedOn");
  return zh
    ? `${basis}的完成时限 ${String(step.value)}（退出完成日期 ${String(done)}）`
    : `deadline for ${basis}: ${String(step.value)} (exit completed on ${String(done)})`;
}

/** 企业奖励的计算步骤 · the enterprise-reward steps as sentences with their arithmetic. */
export const enterpriseRewardSteps: { readonly [rule: string]: StepTemplate } = {
  "reward.municipal.raw": template(
    (step) => rawSentence(step, "en"),
    (step) => rawSentence(step, "zh"),
  ),
  "reward.municipal.standardAmount": template(
    (step) => capSentence(step, "en"),
    (step) => capSentence(step, "zh"),
  ),
  "reward.municipal.meetsStandard": template(
    (step) => floorSentence(step, "en"),
    (step) => floorSentence(step, "zh"),
  ),
  "reward.track": template(
    (step) => trackSentence(step, "en"),
    (step) => trackSentence(step, "zh"),
  ),
  "reward.municipal.amount": template(
    (step) => municipalAmountSentence(step, "en"),
    (step) => municipalAmountSentence(step, "zh"),
  ),
  "reward.districtSupplement": template(
    (step) => supplementSentence(step, "en"),
    (step) => supplementSentence(step, "zh"),
  ),
  "reward.small.taxComponent": scaleStep(taxBase, YUAN),
  "reward.small.employeeComponent": scaleStep(
    (step, lang) => (lang === "zh" ? "用工人数 " : "employees ") + figure(input(step, "employees")),
    { zh: "人", en: "people" },
  ),
  "reward.small.landComponent": scaleStep(
    (step, lang) =>
      `${lang === "zh" ? "占地面积 " : "land area "}${figure(input(step, "landAreaM2"))} ${lang === "zh" ? "㎡" : "m²"}`,
    { zh: "㎡", en: "m²" },
  ),
  "reward.small.amount": template(
    (step) => smallAmountSentence(step, "en"),
    (step) => smallAmountSentence(step, "zh"),
  ),
  "plan.exitDeadline": template(
    (step) => deadlineSentence(step, "en"),
    (step) => deadlineSentence(step, "zh"),
  ),
};

/** A scale parameter in words: `0 元起每元 1；300,000 元起每元 0` (marginal), or its brackets' amounts. */
export function scaleValueWords(unit: Words, per: Words) {
  return (value: Json, lang: Lang): string => {
    if (!isRecord(value) || !Array.isArray(value.brackets)) return JSON.stringify(value);
    const kind = value.type;
    const brackets = (value.brackets as readonly Json[]).filter(isRecord);
    const zh = lang === "zh";
    const words = brackets.map((bracket) => {
      const from = `${figure(bracket.threshold)} ${unit[lang]}`;
      if (kind === "single-amount")
        return zh ? `${from}起 ${figure(bracket.amount)} 元` : `from ${from}: ${figure(bracket.amount)} yuan`;
      return zh
        ? `${from}起每${per.zh} ${figure(bracket.rate)} 元`
        : `from ${from}: ${figure(bracket.rate)} yuan per ${per.en}`;
    });
    const name =
      kind === "marginal-rate"
        ? zh
          ? "超额累进："
          : "marginal: "
        : kind === "single-rate"
          ? zh
            ? "全额分档："
            : "single rate: "
          : zh
            ? "分档定额："
            : "single amount: ";
    return name + words.join(zh ? "；" : "; ");
  };
}

/** 企业奖励的参数 · the enterprise-reward parameters by name, with their units. */
export const enterpriseRewardParams: { readonly [name: string]: ParamText } = {
  "reward.municipal.ratePerTce": {
    zh: "市级奖励·每吨标准煤",
    en: "municipal reward per tce saved",
    unit: { zh: "元/吨标准煤", en: "yuan/tce" },
  },
  "reward.municipal.ratePerTonne": {
    zh: "市级奖励·每吨减排",
    en: "municipal reward per tonne reduced",
    unit: { zh: "元/吨", en: "yuan/t" },
    keys: POLLUTANT_WORDS,
  },
  "reward.municipal.min": { zh: "市级奖励起奖额度", en: "municipal reward floor", unit: YUAN },
  "reward.municipal.max": { zh: "市级奖励上限", en: "municipal reward cap", unit: YUAN },
  "reward.district.supplementRate": { zh: "区级奖励比照比例", en: "district supplement rate" },
  "reward.small.cap": {
    zh: "小企业综合奖励上限",
    en: "small-enterprise reward cap",
    unit: YUAN,
    keys: { whole: { zh: "整体退出", en: "whole exit" }, process: { zh: "环节退出", en: "process exit" } },
  },
  "reward.small.taxScale": {
    zh: "小企业综合奖励·税收贡献标准",
    en: "small-enterprise reward: tax scale",
    value: scaleValueWords(YUAN, { zh: "元", en: "yuan" }),
  },
  "reward.small.employeeScale": {
    zh: "小企业综合奖励·用工人数标准",
    en: "small-enterprise reward: employee scale",
    value: scaleValueWords({ zh: "人", en: "people" }, { zh: "人", en: "person" }),
  },
  "reward.small.landScale": {
    zh: "小企业综合奖励·占地规模标准",
    en: "small-enterprise reward: land scale",
    value: scaleValueWords({ zh: "㎡", en: "m²" }, { zh: "㎡", en: "m²" }),
  },
  "plan.exitDeadline": {
    zh: "退出完成时限",
    en: "exit deadline",
    keys: {
      north: { zh: "京哈高速以北", en: "north" },
      south: { zh: "京哈高速以南", en: "south" },
      catalogue: { zh: "《市淘汰目录》行业", en: "catalogue industries" },
    },
  },
};

const condition = (zh: string, en: string, met: boolean, detail?: MessageTemplate): ConditionText =>
  detail === undefined ? { zh, en, met } : { zh, en, met, detail };

/** The figures a municipal-standard reason compares: `391,760.00 元 < 500,000.00 元`. */
const floorDetail = (sign: string): MessageTemplate => ({
  zh: (d) => `${money(d.raw)} 元 ${sign} ${money(d.min)} 元`,
  en: (d) => `${money(d.raw)} yuan ${sign} ${money(d.min)} yuan`,
});

/** 企业奖励的条件 · each enterprise-reward reason as a condition met or not. */
export const enterpriseRewardConditions: { readonly [code: string]: ConditionText } = {
  unlicensed: condition("持有营业执照", "holds a business licence", false),
  licensed: condition("持有营业执照", "holds a business licence", true),
  "acceptance-equipment-not-removed": condition(
    "通过退出验收（主要设备已拆除）",
    "exit accepted (equipment removed)",
    false,
  ),
  "acceptance-licence-not-changed": condition(
    "通过退出验收（营业执照已变更或注销）",
    "exit accepted (licence changed or cancelled)",
    false,
  ),
  "acceptance-staff-not-resettled": condition(
    "通过退出验收（职工已分流安置）",
    "exit accepted (staff resettled)",
    false,
  ),
  "exit-accepted": condition("通过退出验收", "exit accepted", true),
  "exempt-awaiting-decision": condition("暂缓类别经领导小组决定退出", "leading group decided the exit", false),
  "exempt-retained": condition("暂缓类别经领导小组决定退出", "leading group decided the exit", false),
  "exempt-exit-decided": condition("暂缓类别经领导小组决定退出", "leading group decided the exit", true),
  "catalogue-process-exit": condition("《市淘汰目录》行业整体退出", "catalogue industry exits whole", false),
  "catalogue-whole-exit": condition("《市淘汰目录》行业整体退出", "catalogue industry exits whole", true),
  "above-scale": condition("规模以上工业企业", "above designated size", true),
  "below-scale": condition("规模以上工业企业", "above designated size", false),
  "meets-municipal-standard": condition("达到市级起奖额度", "meets the municipal floor", true, floorDetail("≥")),
  "below-municipal-standard": condition("达到市级起奖额度", "meets the municipal floor", false, floorDetail("<")),
  "municipal-granted": condition("市级奖励获批准", "municipal reward granted", true),
  "municipal-pending": condition("市级奖励获批准", "municipal reward granted", false, {
    zh: () => "尚待审批，金额为预估数",
    en: () => "pending: the amount is an estimate",
  }),
  "municipal-not-granted": condition("市级奖励获批准", "municipal reward granted", false, {
    zh: () => "已申报，未获批准",
    en: () => "applied for, not granted",
  }),
  "municipal-not-applied": condition("市级奖励获批准", "municipal reward granted", false, {
    zh: () => "未申报",
    en: () => "not applied for",
  }),
  "recommended-by-district": condition("经区推荐申报市级奖励", "recommended by the district", true),
  "not-recommended": condition("经区推荐申报市级奖励", "recommended by the district", false),
  "municipal-track-applies": condition(
    "未适用市级奖励（不重复奖励）",
    "not on the municipal track (no double reward)",
    false,
  ),
  "supplement-track-applies": condition("未适用比照市级标准的区级奖励", "not on the district supplement", false),
  "small-enterprise-reward": condition(
    "不适用市级奖励及比照市级标准的区级奖励",
    "neither the municipal reward nor the supplement applies",
    true,
    { zh: (d) => `最高 ${money(d.cap)} 元`, en: (d) => `at most ${money(d.cap)} yuan` },
  ),
  "small-cap-applied": condition("三项合计超过上限", "the components exceed the cap", true, {
    zh: (d) => `${money(d.sum)} 元 > ${money(d.cap)} 元，按上限奖励`,
    en: (d) => `${money(d.sum)} yuan > ${money(d.cap)} yuan: the cap is paid`,
  }),
};
