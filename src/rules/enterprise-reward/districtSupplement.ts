import type { Dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { param, paramUse } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { step } from "../../trace/build.js";
import type { TraceStep } from "../../trace/types.js";
import { CLAUSES } from "./clauses.js";
import type { MunicipalStandard } from "./municipal.js";

/**
 * 区级奖励(比照市级标准) · district supplement — round(`reward.district.supplementRate` × round(M)), paid by the district.
 *
 * @remarks
 * 京华时报 (S1): 区推荐但未获市级奖励的企业“按照市级奖励标准的70%给予奖励” (35万–210万元); paid from the district's
 * exit fund (《实施方案》三(三)2, 四(十四)2). The rate is read on `exitCompletedOn`. The municipal standard amount is
 * rounded to the fen first (the amount the city's standard shows), then the share is rounded: 0.7 × 1,000,000.05 =
 * 700,000.035 → 700,000.04 half-up.
 * @example districtSupplement(facts, municipalStandardAmount(facts, ruleSet), ruleSet).amount // 864197.52 for round(M) = 1,234,567.89
 * @category enterprise-reward
 */
export function districtSupplement(
  facts: EnterpriseExit,
  municipal: MunicipalStandard,
  ruleSet: RuleSet,
): { readonly amount: Dec; readonly rate: Dec; readonly step: TraceStep } {
  const rate = param(ruleSet, "reward.district.supplementRate", facts.exitCompletedOn);
  const amount = roundMoney(rate.value.times(municipal.rounded), ruleSet.rounding);
  const inputs = {
    standardAmount: municipal.standard,
    roundedStandardAmount: toMoneyString(municipal.rounded, ruleSet.rounding),
  };
  return {
    amount,
    rate: rate.value,
    step: step(
      "reward.districtSupplement",
      CLAUSES.districtSupplement,
      [paramUse(rate)],
      inputs,
      toMoneyString(amount, ruleSet.rounding),
    ),
  };
}
