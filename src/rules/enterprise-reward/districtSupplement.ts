import type { Dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { asMoney, figure, type Rule } from "../algebra.js";
import type { MunicipalStandard } from "./municipal.js";
import { enterpriseExitParameters as p } from "./parameters.js";

/**
 * 区级奖励(比照市级标准) · district supplement — round(`reward.district.supplementRate` × round(M)), paid by the district.
 *
 * @remarks
 * 京华时报 (S1): 区推荐但未获市级奖励的企业按照市级奖励标准的一定比例给予奖励 (the rate is the rule set's
 * `reward.district.supplementRate`); paid from the district's exit fund (《实施方案》三(三)2, 四(十四)2). The rate is
 * read on `exitCompletedOn`. The municipal standard amount is rounded to the fen first (the amount the city's
 * standard shows), then the share is rounded: 0.7 × 1,000,000.05 = 700,000.035 → 700,000.04 half-up.
 * Step `reward.districtSupplement`.
 * @example districtSupplement({ ...facts, municipal }, ctx).value // 864197.52 for round(M) = 1,234,567.89 at 0.7
 * @category enterprise-reward
 */
export const districtSupplement: Rule<EnterpriseExit & { readonly municipal: MunicipalStandard }, Dec> = figure(
  "reward.districtSupplement",
  (facts: { readonly municipal: MunicipalStandard }, read, ctx) =>
    roundMoney(read(p.supplementRate).times(facts.municipal.rounded), ctx.rounding),
  {
    inputs: (facts, _value, ctx) => ({
      standardAmount: facts.municipal.standard,
      roundedStandardAmount: toMoneyString(facts.municipal.rounded, ctx.rounding),
      unrounded: ctx.read(p.supplementRate).times(facts.municipal.rounded),
    }),
    show: asMoney,
  },
);
