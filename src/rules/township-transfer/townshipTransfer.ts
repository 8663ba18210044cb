import { type Dec, type Rounding, ZERO, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { param, paramUse } from "../../parameters/lookup.js";
import type { IsoDate, RuleSet } from "../../parameters/types.js";
import type { TownshipTransfer } from "../../schemas/cases.js";
import { amountsOf, basisOf, reason, step } from "../../trace/build.js";
import type { Outcome, Reason, TraceStep } from "../../trace/types.js";
import { OUTPUT_TARGET_CLAUSE, REPORTED_BASIS_CLAUSE, TAX_TARGET_CLAUSE, TRANSFER_CLAUSE } from "./clauses.js";
import { type EnterpriseRow, enterpriseLostCapacity } from "./lostCapacity.js";
import { townshipTransferMessages as messages } from "./messages.js";
import { townshipShares } from "./shares.js";

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
  readonly targetReductions: { readonly taxTarget: string; readonly outputTarget: string };
}

/** 测算基准日 · the date that selects a fiscal year's parameters: 31 December of the year before (上年度). */
export function reckoningDate(fiscalYear: number): IsoDate {
  return `${String(fiscalYear - 1).padStart(4, "0")}-12-31`;
}

/**
 * 财政转移支付 · township fiscal transfer — what the district transfers to a township whose fiscal capacity the exits cut, with its target reductions.
 *
 * @remarks
 * 《实施方案》四(十四)4 (method not public; basis reported by 京华时报, S1). Parameters are those in force on
 * 31 December of `fiscalYear` − 1. Lost capacity = Σ round(Σ tax × township share) per enterprise; the
 * township is eligible when lost ÷ priorYearRevenue ≥ `transfer.impactThreshold`; transfer =
 * round(lost × `transfer.coverage`) when eligible, else 0. Target reductions (四(十九)3, 四(二十)2, 四(六)5)
 * are reported either way. Reasons: `impact-threshold-met`, `impact-below-threshold`; findings from a
 * batch cross-check: `tax-mismatch`, `township-mismatch`.
 *
 * @example
 * // lost 60,000.00 of 1,000,000 revenue = 0.06 ≥ 0.05 → transfer 60,000.00 at coverage 1
 * @category township-transfer
 */
export function townshipTransfer(facts: TownshipTransfer, ruleSet: RuleSet): Outcome<TownshipTransferDetail> {
  const rounding = ruleSet.rounding;
  const reckonedOn = reckoningDate(facts.fiscalYear);
  const { shares, steps: shareSteps } = townshipShares(ruleSet, reckonedOn);
  const enterprises = facts.exitedEnterprises.map((enterprise) => enterpriseLostCapacity(enterprise, shares, rounding));
  const lost = enterprises.reduce((sum, enterprise) => sum.plus(enterprise.amount), ZERO);
  const lostText = toMoneyString(lost, rounding);
  const impact = impactOf(lost, facts, ruleSet, reckonedOn);
  const transfer = transferAmount(lost, impact.eligible, ruleSet, reckonedOn);
  const targets = targetReductions(facts, lost, rounding);
  const trace = [
    ...shareSteps,
    ...enterprises.map((enterprise) => enterprise.step),
    step(
      "transfer.lostCapacity",
      TRANSFER_CLAUSE,
      [],
      { enterprises: enterprises.map((enterprise) => enterprise.row.lostCapacity) },
      lostText,
    ),
    ...impact.steps,
    transfer.step,
    ...targets.steps,
  ];
  return {
    id: facts.id,
    kind: facts.kind,
    township: facts.township,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    eligible: impact.eligible,
    payee: { type: "township", id: facts.township },
    amounts: amountsOf({ district: transfer.amount }, rounding),
    estimate: false,
    basis: basisOf(trace),
    reasons: [impact.reason],
    findings: [],
    detail: {
      enterprises: enterprises.map((enterprise) => enterprise.row),
      lostCapacity: lostText,
      impactRatio: impact.ratio.toFixed(RATIO_DECIMALS), // Decimal#toFixed: exact, half-up (the clone's rounding)
      threshold: impact.threshold.toString(),
      eligible: impact.eligible,
      transfer: toMoneyString(transfer.amount, rounding),
      targetReductions: targets.detail,
    },
    trace,
  };
}

interface Impact {
  readonly ratio: Dec;
  readonly threshold: Dec;
  readonly eligible: boolean;
  readonly reason: Reason;
  readonly steps: readonly TraceStep[];
}

/** 受影响较大 · impact test — the ratio (full precision) and whether it reaches `transfer.impactThreshold`. */
function impactOf(lost: Dec, facts: TownshipTransfer, ruleSet: RuleSet, reckonedOn: IsoDate): Impact {
  const threshold = param(ruleSet, "transfer.impactThreshold", reckonedOn);
  const revenue = dec(facts.priorYearRevenue);
  const ratio = lost.dividedBy(revenue);
  // Compared without the division, so a ratio that is exactly the threshold is never lost to a last digit.
  const eligible = lost.greaterThanOrEqualTo(threshold.value.times(revenue));
  const data = {
    township: facts.township,
    fiscalYear: facts.fiscalYear,
    reckonedOn,
    lostCapacity: toMoneyString(lost, ruleSet.rounding),
    priorYearRevenue: facts.priorYearRevenue,
    impactRatio: ratio,
    impactRatioRounded: ratio.toFixed(RATIO_DECIMALS), // Decimal#toFixed: exact, half-up
    threshold: threshold.value,
  };
  return {
    ratio,
    threshold: threshold.value,
    eligible,
    reason: reason(messages, eligible ? "impact-threshold-met" : "impact-below-threshold", TRANSFER_CLAUSE, data, {
      decisive: true,
    }),
    steps: [
      step(
        "transfer.impactRatio",
        TRANSFER_CLAUSE,
        [],
        { lostCapacity: data.lostCapacity, priorYearRevenue: facts.priorYearRevenue },
        ratio,
      ),
      step(
        "transfer.eligibility",
        TRANSFER_CLAUSE,
        [paramUse(threshold)],
        { impactRatio: ratio, threshold: threshold.value },
        eligible,
      ),
    ],
  };
}

/** 转移支付额 · the transfer — round(lost × `transfer.coverage`) when eligible, else 0 (coverage is then not used). */
function transferAmount(
  lost: Dec,
  eligible: boolean,
  ruleSet: RuleSet,
  reckonedOn: IsoDate,
): { readonly amount: Dec; readonly step: TraceStep } {
  if (!eligible) {
    return {
      amount: ZERO,
      step: step(
        "transfer.amount",
        REPORTED_BASIS_CLAUSE,
        [],
        { lostCapacity: toMoneyString(lost, ruleSet.rounding), eligible },
        toMoneyString(ZERO, ruleSet.rounding),
      ),
    };
  }
  const coverage = param(ruleSet, "transfer.coverage", reckonedOn);
  const amount = roundMoney(lost.times(coverage.value), ruleSet.rounding);
  return {
    amount,
    step: step(
      "transfer.amount",
      REPORTED_BASIS_CLAUSE,
      [paramUse(coverage)],
      { lostCapacity: toMoneyString(lost, ruleSet.rounding), eligible },
      toMoneyString(amount, ruleSet.rounding),
    ),
  };
}

/** 核减指标 · target reductions — the tax target by the lost capacity, the output target by Σ priorYearOutput (absent: 0). */
function targetReductions(
  facts: TownshipTransfer,
  lost: Dec,
  rounding: Rounding,
): { readonly detail: TownshipTransferDetail["targetReductions"]; readonly steps: readonly TraceStep[] } {
  const outputs = facts.exitedEnterprises.map((enterprise) => ({
    enterpriseId: enterprise.id,
    priorYearOutput: enterprise.priorYearOutput ?? null,
  }));
  const output = facts.exitedEnterprises.reduce(
    (sum, enterprise) => sum.plus(dec(enterprise.priorYearOutput ?? "0")),
    ZERO,
  );
  const detail = { taxTarget: toMoneyString(lost, rounding), outputTarget: toMoneyString(output, rounding) };
  return {
    detail,
    steps: [
      step("transfer.taxTarget", TAX_TARGET_CLAUSE, [], { lostCapacity: detail.taxTarget }, detail.taxTarget),
      step("transfer.outputTarget", OUTPUT_TARGET_CLAUSE, [], { priorYearOutput: outputs }, detail.outputTarget),
    ],
  };
}
