import { RuleSetError } from "../../errors/index.js";
import { Dec, dec } from "../../money/decimal.js";
import { roundMoney } from "../../money/round.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { POLLUTANTS } from "../../vocabulary.js";
import { asMoney, chain, figure, of, type Rule } from "../algebra.js";
import { enterpriseExitParameters as p } from "./parameters.js";

/** The municipal standard of one exit: the raw amount, the capped standard amount M, and whether it meets the floor. */
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
}

/**
 * 市级奖励测算额 · municipal raw amount — what the municipal standard gives the exit before the cap.
 *
 * @remarks
 * 京华时报 (S1): the municipal reward depends on energy saved and pollutants reduced; 统计局 certifies the energy of
 * above-scale firms (《实施方案》四(十九)2), a third party that of below-scale firms (四(二)8). When the assessed
 * `municipalAssessedAmount` is given it is the raw amount and no rate is read; otherwise raw = energySavedTce ×
 * `reward.municipal.ratePerTce` + Σ tonnes × `reward.municipal.ratePerTonne`[pollutant], with the rates in force on
 * `exitCompletedOn`. Full precision: nothing is rounded here. Step `reward.municipal.raw`.
 * @example municipalRaw({ ...facts, energySavedTce: "6000" }, ctx).value // 600000 at 100 元/tce and no pollutants
 * @category enterprise-reward
 */
export const municipalRaw: Rule<EnterpriseExit, Dec> = figure(
  "reward.municipal.raw",
  (facts: EnterpriseExit, read) => {
    if (facts.municipalAssessedAmount !== undefined) return dec(facts.municipalAssessedAmount);
    const tonnes = facts.pollutantsReducedTonnes;
    const energy = dec(facts.energySavedTce).times(read(p.ratePerTce));
    return POLLUTANTS.reduce(
      (sum, pollutant) => sum.plus(dec(tonnes[pollutant]).times(read(p.ratePerTonne, pollutant))),
      energy,
    );
  },
  {
    inputs: (facts) =>
      facts.municipalAssessedAmount !== undefined
        ? { municipalAssessedAmount: facts.municipalAssessedAmount }
        : { energySavedTce: facts.energySavedTce, pollutantsReducedTonnes: facts.pollutantsReducedTonnes },
  },
);

const standardAmount = figure(
  "reward.municipal.standardAmount",
  ({ raw }: { readonly raw: Dec }, read) => Dec.min(raw, read(p.municipalMax)),
  { inputs: ({ raw }) => ({ raw }) },
);

const meetsStandard = figure(
  "reward.municipal.meetsStandard",
  ({ raw }: { readonly raw: Dec }, read) => raw.gte(read(p.municipalMin)),
  { inputs: ({ raw }) => ({ raw }) },
);

/**
 * 市级奖励标准额 · municipal standard amount — M = min(raw, max), and whether the exit meets the standard (raw ≥ min).
 *
 * @remarks
 * 京华时报 (S1): 市级奖励“奖励额度为50万元至300万元”. Parameters `reward.municipal.min` and `reward.municipal.max`
 * in force on `exitCompletedOn`. A raw amount below the floor does not meet the standard (it is not raised to
 * the floor); one above the cap is cut to the cap. Steps `reward.municipal.standardAmount` and
 * `reward.municipal.meetsStandard`. Throws RuleSetError when the rule set's floor is above its cap.
 * @example municipalStandard({ ...facts, raw: dec("3500000") }, ctx).value.standard // 3000000 with max 3,000,000
 * @category enterprise-reward
 */
export const municipalStandard: Rule<EnterpriseExit & { readonly raw: Dec }, MunicipalStandard> = (facts, ctx) => {
  const min = ctx.read(p.municipalMin);
  const max = ctx.read(p.municipalMax);
  if (min.gt(max)) {
    const message = `reward.municipal.min (${min.toString()}) is above reward.municipal.max (${max.toString()}) on ${ctx.on}`;
    throw new RuleSetError(
      [
        {
          path: `parameters["reward.municipal.min"]`,
          code: "floor-above-cap",
          message,
          zh: "市级奖励下限高于上限",
        },
      ],
      message,
    );
  }
  const { raw } = facts;
  return chain(standardAmount(facts, ctx), (standard) =>
    chain(meetsStandard(facts, ctx), (meets) =>
      of({ raw, standard, rounded: roundMoney(standard, ctx.rounding), meets, capApplied: raw.gt(max), min, max }),
    ),
  );
};

/**
 * 市级奖励 · municipal reward — what the city pays on the municipal track: round(M).
 *
 * @remarks 京华时报 (S1); 《实施方案》三(三)1, 四(二)7 (区经信委 applies to 市经信委). Rounded once, at the rule set's
 * rounding. Step `reward.municipal.amount`.
 * @example municipalReward({ ...facts, municipal }, ctx).value // 1000000.05 for M = 1,000,000.049
 * @category enterprise-reward
 */
export const municipalReward: Rule<EnterpriseExit & { readonly municipal: MunicipalStandard }, Dec> = figure(
  "reward.municipal.amount",
  (facts: EnterpriseExit & { readonly municipal: MunicipalStandard }) => facts.municipal.rounded,
  { inputs: (facts) => ({ standardAmount: facts.municipal.standard }), show: asMoney },
);
