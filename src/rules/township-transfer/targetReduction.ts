import { ZERO, dec, type Dec } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import type { TownshipTransfer } from "../../schemas/cases.js";
import { chain, figure, of, type Rule } from "../algebra.js";

/** The two target reductions of a township's fiscal year, as `detail.targetReductions` shows them. */
export interface TargetReductions {
  readonly taxTarget: string;
  readonly outputTarget: string;
}

const taxTarget = figure("transfer.taxTarget", (lost: Dec, _read, ctx) => toMoneyString(lost, ctx.rounding), {
  inputs: (_lost, shown) => ({ lostCapacity: shown }),
});

const outputTarget = figure(
  "transfer.outputTarget",
  (facts: TownshipTransfer, _read, ctx) =>
    toMoneyString(
      facts.exitedEnterprises.reduce((sum, enterprise) => sum.plus(dec(enterprise.priorYearOutput ?? "0")), ZERO),
      ctx.rounding,
    ),
  {
    inputs: (facts) => ({
      priorYearOutput: facts.exitedEnterprises.map((enterprise) => ({
        enterpriseId: enterprise.id,
        priorYearOutput: enterprise.priorYearOutput ?? null,
      })),
    }),
  },
);

/**
 * 核减指标 · target reduction — how much the township's targets are reduced for the exits: the tax target by the
 * lost capacity, the output (economic) target by Σ priorYearOutput of the exited enterprises (absent: 0).
 *
 * @remarks
 * 《实施方案》四(十四)4 (区财政局 适当核减乡镇有关经济指标), 四(二十)2 (the tax bureaus give the tax basis),
 * 四(十九)3 and 四(六)5 (区统计局 gives the output, 区发展改革委 adjusts the targets). Reported whether or not a
 * transfer is due. Steps `transfer.taxTarget` and `transfer.outputTarget`.
 * @example targetReduction({ ...facts, lost: dec("60000") }, ctx).value // { taxTarget: "60000.00", outputTarget: "8000000.00" }
 * @category township-transfer
 */
export const targetReduction: Rule<TownshipTransfer & { readonly lost: Dec }, TargetReductions> = (facts, ctx) =>
  chain(taxTarget(facts.lost, ctx), (tax) =>
    chain(outputTarget(facts, ctx), (output) => of({ taxTarget: tax, outputTarget: output })),
  );
