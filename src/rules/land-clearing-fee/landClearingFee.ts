import { ZERO, type Dec, type Rounding } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import type { RuleSet } from "../../parameters/types.js";
import type { StructureClearance } from "../../schemas/cases.js";
import { amountsOf, basisOf, reason, step } from "../../trace/build.js";
import type { Outcome, Reason, TraceStep } from "../../trace/types.js";
import { CLAUSE_DECLARE, CLAUSE_PAY, CLAUSE_VERIFY } from "./clauses.js";
import { landClearingFeeMessages as messages } from "./messages.js";
import { clearanceParameters } from "./parameters.js";
import type { ClearanceDetail, DeclaredBasis } from "./types.js";
import { verifyItem, type ItemVerification } from "./verifyItem.js";

/**
 * 腾地经费 · land-clearing fee — the housing commission's verification (核定) of a township's declaration for one site.
 *
 * @remarks
 * 《实施方案》四(三十二)10 (the township declares), 四(十一)4 (住建委 verifies), 四(十四)3 (区财政局 pays
 * the verified amount in full, directly to the township). Parameters are read at `declaredOn`.
 * Each item is verified by `verifyItem`; the approved total is the sum of the rounded item fees and the
 * district pays it. Reasons: `verified-items`, `paid-to-township`; findings per item: `type-mismatch`,
 * `quantity-exceeds-survey`, `built-after-cutoff`, `unsurveyed`, `declared-amount-mismatch`.
 * Always `eligible`: a zero fee is explained by the findings.
 * @example landClearingFee({ kind: "structure-clearance", id: "C1", township: "台湖镇", village: "…", site: "…", declaredOn: "2016-09-01",
 *   items: [{ id: "1", structureType: "brick-concrete", quantity: "120", survey: { structureType: "brick-concrete", quantity: "120" } }] }, ruleSet)
 * // amounts.district "7200.00" when brick-concrete is 60 元/㎡
 * @category land-clearing-fee
 */
export function landClearingFee(facts: StructureClearance, ruleSet: RuleSet): Outcome<ClearanceDetail> {
  const parameters = clearanceParameters(ruleSet, facts.declaredOn);
  const verified = facts.items.map((item) => verifyItem(item, parameters, ruleSet.rounding));
  const totals = clearanceTotals(verified, ruleSet.rounding);
  const trace = [...verified.flatMap((v) => v.steps), ...totals.steps];
  const detail: ClearanceDetail = {
    village: facts.village,
    site: facts.site,
    declaredOn: facts.declaredOn,
    items: verified.map((v) => v.item),
    totals: totals.shown,
    declaredBasis: totals.basis,
    declaredByItem: verified.map(({ declared: { id, amount, basis } }) => ({ id, amount, basis })),
  };
  return {
    id: facts.id,
    kind: "structure-clearance",
    township: facts.township,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    eligible: true,
    payee: { type: "township", id: facts.township },
    amounts: amountsOf({ district: totals.approved }, ruleSet.rounding),
    estimate: false,
    basis: basisOf(trace),
    reasons: clearanceReasons(facts, verified, totals.shown.approved),
    findings: verified.flatMap((v) => v.findings),
    detail,
    trace,
  };
}

/**
 * 合计 · declaration totals — declared, approved (Σ rounded item fees) and difference (approved − declared).
 *
 * @remarks
 * The declared total adds each item's declared figure: its `declaredAmount` when given, else its declared
 * fee at the rates. `basis` says which: `declared-amounts` (every item gave one),
 * `declared-quantities-at-rates` (none did) or `mixed`; it is rounded once (a declared amount may carry
 * sub-fen digits). The difference is taken between the two figures shown, so the sheet foots.
 * @example clearanceTotals(verified, { scale: 2, mode: "half-up" }).shown // { declared: "9200.00", approved: "7200.00", difference: "-2000.00" }
 * @category land-clearing-fee
 */
export function clearanceTotals(verified: readonly ItemVerification[], rounding: Rounding) {
  const approved = sum(verified.map((v) => v.fee));
  // A declared amount may carry sub-fen digits: the declared total is rounded once, and the difference is taken between the figures shown.
  const declared = roundMoney(sum(verified.map((v) => v.declared.value)), rounding);
  const difference = approved.minus(declared);
  const basis = declaredBasis(verified);
  const shown = {
    declared: toMoneyString(declared, rounding),
    approved: toMoneyString(approved, rounding),
    difference: toMoneyString(difference, rounding),
  };
  const steps: TraceStep[] = [
    step(
      "clearance.totals.declared",
      CLAUSE_DECLARE,
      [],
      { basis, items: verified.map((v) => v.declared.amount) },
      shown.declared,
    ),
    step("clearance.totals.approved", CLAUSE_PAY, [], { fees: verified.map((v) => v.item.fee) }, shown.approved),
    step(
      "clearance.totals.difference",
      CLAUSE_VERIFY,
      [],
      { approved: shown.approved, declared: shown.declared },
      shown.difference,
    ),
  ];
  return { approved, declared, difference, basis, shown, steps };
}

function sum(values: readonly Dec[]): Dec {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

function declaredBasis(verified: readonly ItemVerification[]): DeclaredBasis {
  const given = verified.filter((v) => v.declared.basis === "declared-amount").length;
  if (given === verified.length) return "declared-amounts";
  return given === 0 ? "declared-quantities-at-rates" : "mixed";
}

function clearanceReasons(
  facts: StructureClearance,
  verified: readonly ItemVerification[],
  approved: string,
): Reason[] {
  const paid = verified.filter((v) => !v.fee.isZero()).length;
  const counts = {
    items: verified.length,
    surveyed: facts.items.filter((item) => item.survey !== undefined).length,
    paid,
    zero: verified.length - paid,
    withFindings: verified.filter((v) => v.findings.length > 0).length,
  };
  return [
    reason(messages, "verified-items", CLAUSE_VERIFY, counts, { decisive: true }),
    reason(messages, "paid-to-township", CLAUSE_PAY, { township: facts.township, approved }, { decisive: true }),
  ];
}
