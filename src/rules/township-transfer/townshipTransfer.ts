import { type Dec, ZERO, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import type { IsoDate } from "../../parameters/types.js";
import type { TownshipTransfer } from "../../schemas/cases.js";
import { reason } from "../../trace/build.js";
import { all, asMoney, chain, figure, of, type Rule } from "../algebra.js";
import type { Payment } from "../domain.js";
import { enterpriseLostCapacity, type EnterpriseRow } from "./lostCapacity.js";
import { townshipTransferMessages as messages } from "./messages.js";
import { townshipTransferParameters as p } from "./parameters.js";
import { townshipShares } from "./shares.js";
import { targetReduction, type TargetReductions } from "./targetReduction.js";

/** Decimals of the impact ratio as `detail` shows it; the trace and the eligibility test keep full precision. */
const RATIO_DECIMALS = 4;

/** `detail` of a township-transfer outcome (money and ratios as decimal strings). */
export interface TownshipTransferDetail {
  readonly enterprises: readonly EnterpriseRow[];
  readonly lostCapacity: string;
  readonly impactRatio: string;
  readonly threshold: string;
  readonly eligible: boolean;
  readonly transfer: string;
  readonly targetReductions: TargetReductions;
}

/** 测算基准日 · the date that selects a fiscal year's parameters: 31 December of the year before (上年度). */
export function reckoningDate(fiscalYear: number): IsoDate {
  return `${String(fiscalYear - 1).padStart(4, "0")}-12-31`;
}

/** The result of the impact test. */
export interface Impact {
  readonly ratio: Dec;
  readonly threshold: Dec;
  readonly eligible: boolean;
}

const lostCapacity = figure(
  "transfer.lostCapacity",
  (enterprises: readonly { readonly amount: Dec }[]) => enterprises.reduce((sum, one) => sum.plus(one.amount), ZERO),
  {
    inputs: (enterprises, _value, ctx) => ({
      enterprises: enterprises.map((one) => toMoneyString(one.amount, ctx.rounding)),
    }),
    show: asMoney,
  },
);

const impactRatio = figure(
  "transfer.impactRatio",
  (facts: TownshipTransfer & { readonly lost: Dec }) => facts.lost.dividedBy(dec(facts.priorYearRevenue)),
  {
    inputs: (facts, _ratio, ctx) => ({
      lostCapacity: toMoneyString(facts.lost, ctx.rounding),
      priorYearRevenue: facts.priorYearRevenue,
    }),
  },
);

const eligibility = figure(
  "transfer.eligibility",
  // Compared without the division, so a ratio that is exactly the threshold is never lost to a last digit.
  (facts: TownshipTransfer & { readonly lost: Dec; readonly ratio: Dec }, read) => {
    const threshold = read(p.impactThreshold);
    return { threshold, eligible: facts.lost.greaterThanOrEqualTo(threshold.times(dec(facts.priorYearRevenue))) };
  },
  {
    inputs: (facts, { threshold }) => ({ impactRatio: facts.ratio, threshold }),
    show: ({ eligible }) => eligible,
  },
);

/**
 * 受影响较大 · impact test — lost ÷ priorYearRevenue (full precision) and whether it reaches
 * `transfer.impactThreshold`, with the decisive reason `impact-threshold-met` or `impact-below-threshold`
 * (citing `transfer.eligibility`). Steps `transfer.impactRatio`, `transfer.eligibility`.
 * @category township-transfer
 */
export const impact: Rule<TownshipTransfer & { readonly lost: Dec }, Impact> = (facts, ctx) =>
  chain(impactRatio(facts, ctx), (ratio) =>
    chain(eligibility({ ...facts, ratio }, ctx), ({ threshold, eligible }) => {
      const data = {
        township: facts.township,
        fiscalYear: facts.fiscalYear,
        reckonedOn: ctx.on,
        lostCapacity: toMoneyString(facts.lost, ctx.rounding),
        priorYearRevenue: facts.priorYearRevenue,
        impactRatio: ratio,
        impactRatioRounded: ratio.toFixed(RATIO_DECIMALS), // Decimal#toFixed: exact, half-up
        threshold,
      };
      const code = eligible ? "impact-threshold-met" : "impact-below-threshold";
      return of(
        { ratio, threshold, eligible },
        { reasons: [reason(messages, code, ctx.cite("transfer.eligibility"), data, { decisive: true })] },
      );
    }),
  );

/**
 * 转移支付额 · the transfer — round(lost × `transfer.coverage`) when eligible, else 0 (coverage is then not read).
 * Step `transfer.amount`.
 * @category township-transfer
 */
export const transferAmount: Rule<{ readonly lost: Dec; readonly eligible: boolean }, Dec> = figure(
  "transfer.amount",
  ({ lost, eligible }: { readonly lost: Dec; readonly eligible: boolean }, read, ctx) =>
    eligible ? roundMoney(lost.times(read(p.coverage)), ctx.rounding) : ZERO,
  {
    inputs: ({ lost, eligible }, _amount, ctx) => ({
      lostCapacity: toMoneyString(lost, ctx.rounding),
      eligible,
      // The product before rounding, so the explanation states the rounding when it changed the figure.
      ...(eligible ? { unrounded: lost.times(ctx.read(p.coverage)) } : {}),
    }),
    show: asMoney,
  },
);

/** The named parts of the township-transfer domain. */
export interface TownshipTransferParts {
  readonly townshipShares: typeof townshipShares;
  readonly enterpriseLostCapacity: typeof enterpriseLostCapacity;
  readonly impact: typeof impact;
  readonly transferAmount: typeof transferAmount;
  readonly targetReduction: typeof targetReduction;
}

/**
 * 财政转移支付 · township fiscal transfer — the payment rule of the township-transfer domain: what the district
 * transfers to a township whose fiscal capacity the exits cut, with its target reductions.
 *
 * @remarks
 * 《实施方案》四(十四)4 (method not public; basis reported by 京华时报, S1). Parameters are those in force on
 * 31 December of `fiscalYear` − 1. Lost capacity = Σ round(Σ tax × township share) per enterprise; the
 * township is eligible when lost ÷ priorYearRevenue ≥ `transfer.impactThreshold`; transfer =
 * round(lost × `transfer.coverage`) when eligible, else 0. Target reductions are reported either way.
 * Findings from a batch cross-check: `tax-mismatch`, `township-mismatch` (see `crossCheckTransfer`).
 *
 * @example
 * // lost 60,000.00 of 1,000,000 revenue = 0.06 ≥ 0.05 → transfer 60,000.00 at coverage 1
 * @category township-transfer
 */
export function townshipTransfer(
  parts: TownshipTransferParts,
): Rule<TownshipTransfer, Payment<TownshipTransferDetail>> {
  return (facts, ctx) =>
    chain(parts.townshipShares(facts, ctx), (shares) =>
      chain(all(facts.exitedEnterprises.map((one) => parts.enterpriseLostCapacity({ ...one, shares }, ctx))), (rows) =>
        chain(lostCapacity(rows, ctx), (lost) =>
          chain(parts.impact({ ...facts, lost }, ctx), (test) =>
            chain(parts.transferAmount({ lost, eligible: test.eligible }, ctx), (transfer) =>
              chain(parts.targetReduction({ ...facts, lost }, ctx), (targets) =>
                of({
                  municipal: ZERO,
                  district: transfer,
                  eligible: test.eligible,
                  estimate: false,
                  detail: {
                    enterprises: rows.map((one) => one.row),
                    lostCapacity: toMoneyString(lost, ctx.rounding),
                    impactRatio: test.ratio.toFixed(RATIO_DECIMALS), // Decimal#toFixed: exact, half-up (the clone's rounding)
                    threshold: test.threshold.toString(),
                    eligible: test.eligible,
                    transfer: toMoneyString(transfer, ctx.rounding),
                    targetReductions: targets,
                  },
                }),
              ),
            ),
          ),
        ),
      ),
    );
}
