import { RuleSetError } from "../../errors/index.js";
import { Dec, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { POLLUTANTS } from "../../parameters/catalog.js";
import { param, paramUse } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { step } from "../../trace/build.js";
import type { TraceStep } from "../../trace/types.js";
import { CLAUSES } from "./clauses.js";

/** The municipal standard of one exit: the raw amount, the capped standard amount M, whether it meets the floor, and the steps behind them. */
export interface MunicipalStandard {
  /** The amount the municipal standard gives before the cap. */
  readonly raw: Dec;
  /** M = min(raw, reward.municipal.max), full precision. */
  readonly standard: Dec;
  /** round(M), at the rule set's rounding. */
  readonly rounded: Dec;
  /** raw ≥ reward.municipal.min. */
  readonly meets: boolean;
  /** raw > reward.municipal.max. */
  readonly capApplied: boolean;
  readonly min: Dec;
  readonly max: Dec;
  readonly steps: readonly TraceStep[];
}

/**
 * 市级奖励测算额 · municipal raw amount — what the municipal standard gives the exit before the cap.
 *
 * @remarks
 * 京华时报 (S1): the municipal reward depends on energy saved and pollutants reduced; 统计局 certifies the energy of
 * above-scale firms (《实施方案》四(十九)2), a third party that of below-scale firms (四(二)8). When the assessed
 * `municipalAssessedAmount` is given it is the raw amount and no rate is read; otherwise raw = energySavedTce ×
 * `reward.municipal.ratePerTce` + Σ tonnes × `reward.municipal.ratePerTonne`[pollutant], with the rates in force on
 * `exitCompletedOn`. Full precision: nothing is rounded here.
 * @example municipalRaw({ ...facts, energySavedTce: "6000" }, ruleSet) // raw 600000 at 100 元/tce and no pollutants
 * @category enterprise-reward
 */
export function municipalRaw(facts: EnterpriseExit, ruleSet: RuleSet): { readonly raw: Dec; readonly step: TraceStep } {
  if (facts.municipalAssessedAmount !== undefined) {
    const raw = dec(facts.municipalAssessedAmount);
    return {
      raw,
      step: step(
        "reward.municipal.raw",
        CLAUSES.municipalRaw,
        [],
        { municipalAssessedAmount: facts.municipalAssessedAmount },
        raw,
      ),
    };
  }
  const perTce = param(ruleSet, "reward.municipal.ratePerTce", facts.exitCompletedOn);
  const perTonne = param(ruleSet, "reward.municipal.ratePerTonne", facts.exitCompletedOn);
  const tonnes = facts.pollutantsReducedTonnes;
  const raw = POLLUTANTS.reduce(
    (sum, pollutant) => sum.plus(dec(tonnes[pollutant]).times(perTonne.value[pollutant])),
    dec(facts.energySavedTce).times(perTce.value),
  );
  const params = [paramUse(perTce), ...POLLUTANTS.map((pollutant) => paramUse(perTonne, pollutant))];
  return {
    raw,
    step: step(
      "reward.municipal.raw",
      CLAUSES.municipalRaw,
      params,
      { energySavedTce: facts.energySavedTce, pollutantsReducedTonnes: tonnes },
      raw,
    ),
  };
}

/**
 * 市级奖励标准额 · municipal standard amount — M = min(raw, max), and whether the exit meets the standard (raw ≥ min).
 *
 * @remarks
 * 京华时报 (S1): 市级奖励“奖励额度为50万元至300万元”. Parameters `reward.municipal.min` and `reward.municipal.max`
 * in force on `exitCompletedOn`. A raw amount below the floor does not meet the standard (it is not raised to
 * the floor); one above the cap is cut to the cap. Throws RuleSetError when the rule set's floor is above its cap.
 * @example municipalStandardAmount({ ...facts, municipalAssessedAmount: "3500000" }, ruleSet).standard // 3000000 with max 3,000,000
 * @category enterprise-reward
 */
export function municipalStandardAmount(facts: EnterpriseExit, ruleSet: RuleSet): MunicipalStandard {
  const { raw, step: rawStep } = municipalRaw(facts, ruleSet);
  const min = param(ruleSet, "reward.municipal.min", facts.exitCompletedOn);
  const max = param(ruleSet, "reward.municipal.max", facts.exitCompletedOn);
  if (min.value.gt(max.value)) {
    const message = `reward.municipal.min (${min.value.toString()}) is above reward.municipal.max (${max.value.toString()}) on ${facts.exitCompletedOn}`;
    throw new RuleSetError(
      [{ path: `parameters["reward.municipal.min"]`, message }],
      `rule set "${ruleSet.id}": ${message}`,
    );
  }
  const standard = Dec.min(raw, max.value);
  const meets = raw.gte(min.value);
  const steps = [
    rawStep,
    step("reward.municipal.standardAmount", CLAUSES.municipalStandard, [paramUse(max)], { raw }, standard),
    step("reward.municipal.meetsStandard", CLAUSES.municipalStandard, [paramUse(min)], { raw }, meets),
  ];
  return {
    raw,
    standard,
    rounded: roundMoney(standard, ruleSet.rounding),
    meets,
    capApplied: raw.gt(max.value),
    min: min.value,
    max: max.value,
    steps,
  };
}

/**
 * 市级奖励 · municipal reward — what the city pays on the municipal track: round(M).
 *
 * @remarks 京华时报 (S1); 《实施方案》三(三)1, 四(二)7 (区经信委 applies to 市经信委). Rounded once, at the rule set's rounding.
 * @example municipalReward(municipalStandardAmount(facts, ruleSet), ruleSet).amount // 1000000.05 for M = 1,000,000.049
 * @category enterprise-reward
 */
export function municipalReward(
  municipal: MunicipalStandard,
  ruleSet: RuleSet,
): { readonly amount: Dec; readonly step: TraceStep } {
  const amount = municipal.rounded;
  return {
    amount,
    step: step(
      "reward.municipal.amount",
      CLAUSES.municipalStandard,
      [],
      { standardAmount: municipal.standard },
      toMoneyString(amount, ruleSet.rounding),
    ),
  };
}
