import { type Dec, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { param, paramUse } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import type { VillageCompensation } from "../../schemas/cases.js";
import { step } from "../../trace/build.js";
import type { TraceStep } from "../../trace/types.js";
import { COMPENSATION_CLAUSE } from "./clauses.js";

/**
 * 场地补偿 · site part — the per-mu compensation for the cleared compound or breeding zone.
 *
 * @remarks
 * 《实施方案》三(三)3. Read at `clearedOn`: round(`village.perMu`[zoneType] × landAreaMu).
 *
 * @example
 * // 12.5 mu of industrial compound at 10,000 a mu → 125,000.00
 * @category village-compensation
 */
export function sitePart(
  facts: VillageCompensation,
  ruleSet: RuleSet,
): { readonly amount: Dec; readonly step: TraceStep } {
  const rounding = ruleSet.rounding;
  const perMu = param(ruleSet, "village.perMu", facts.clearedOn);
  const amount = roundMoney(perMu.value[facts.zoneType].times(dec(facts.landAreaMu)), rounding);
  return {
    amount,
    step: step(
      "village.sitePart",
      COMPENSATION_CLAUSE,
      [paramUse(perMu, facts.zoneType)],
      { zoneType: facts.zoneType, landAreaMu: facts.landAreaMu },
      toMoneyString(amount, rounding),
    ),
  };
}
