import { ZERO, dec } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import { param, paramUse } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import type { VillageCompensation } from "../../schemas/cases.js";
import { amountsOf, basisOf, finding, reason, step } from "../../trace/build.js";
import type { Finding, Outcome, TraceStep } from "../../trace/types.js";
import { COMPENSATION_CLAUSE, COMPENSATION_METHOD_CLAUSE } from "./clauses.js";
import { type LeaseCompensation, type LeaseRow, type RentParameters, leaseCompensation } from "./leaseCompensation.js";
import { villageCompensationMessages as messages } from "./messages.js";
import { capMonthsOf } from "./months.js";
import { sitePart } from "./sitePart.js";

/** `detail` of a village-compensation outcome (money as decimal strings, months as counts). */
export interface VillageCompensationDetail {
  readonly leases: readonly LeaseRow[];
  readonly sitePart: string;
  readonly total: string;
}

/**
 * 村集体补偿 · village-collective compensation — what the district pays a village collective for clearing its compound or breeding zone.
 *
 * @remarks
 * 《实施方案》三(三)3 and 四(十五) (区经管站's 补偿办法, not public: every figure is illustrative). Parameters
 * are read at `clearedOn`. Total = Σ rounded lost rent of each lease + rounded site part; the district
 * pays it to the collective; `eligible` is always true. Reason: `compensation-due`. Findings:
 * `lease-ended`, `lease-capped`, `leased-area-exceeds-site`.
 *
 * @example
 * // 10 mu compound at 10,000/mu, one lease of 12,000/yr with 6 months left at 0.5 → 3,000.00 + 100,000.00 = 103,000.00
 * @category village-compensation
 */
export function villageCompensation(facts: VillageCompensation, ruleSet: RuleSet): Outcome<VillageCompensationDetail> {
  const rounding = ruleSet.rounding;
  const { leases, capStep } = compensateLeases(facts, ruleSet);
  const site = sitePart(facts, ruleSet);
  const total = leases.reduce((sum, lease) => sum.plus(lease.lostRent), ZERO).plus(site.amount);
  const totalText = toMoneyString(total, rounding);
  const trace = [
    ...capStep,
    ...leases.flatMap((lease) => lease.steps),
    site.step,
    step(
      "village.total",
      COMPENSATION_CLAUSE,
      [],
      { lostRent: leases.map((lease) => lease.row.lostRent), sitePart: toMoneyString(site.amount, rounding) },
      totalText,
    ),
  ];
  return {
    id: facts.id,
    kind: facts.kind,
    township: facts.township,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    eligible: true,
    payee: { type: "village-collective", id: facts.village },
    amounts: amountsOf({ district: total }, rounding),
    estimate: false,
    basis: basisOf(trace),
    reasons: [
      reason(
        messages,
        "compensation-due",
        COMPENSATION_METHOD_CLAUSE,
        {
          village: facts.village,
          zoneType: facts.zoneType,
          landAreaMu: facts.landAreaMu,
          leases: facts.leases.length,
          total: totalText,
        },
        { decisive: true },
      ),
    ],
    findings: [...leases.flatMap((lease) => lease.findings), ...areaFindings(facts)],
    detail: {
      leases: leases.map((lease) => lease.row),
      sitePart: toMoneyString(site.amount, rounding),
      total: totalText,
    },
    trace,
  };
}

/** Every lease's compensation and the cap step; the rent parameters are read only when there is a lease to use them on. */
function compensateLeases(
  facts: VillageCompensation,
  ruleSet: RuleSet,
): { leases: LeaseCompensation[]; capStep: TraceStep[] } {
  if (facts.leases.length === 0) return { leases: [], capStep: [] };
  const capYears = param(ruleSet, "village.rentCapYears", facts.clearedOn);
  const rent: RentParameters = {
    capYears,
    capMonths: capMonthsOf(capYears.value),
    rate: param(ruleSet, "village.rentCompensationRate", facts.clearedOn),
  };
  return {
    leases: facts.leases.map((lease) => leaseCompensation(lease, facts.clearedOn, rent, ruleSet.rounding)),
    capStep: [
      step(
        "village.rentCapMonths",
        COMPENSATION_CLAUSE,
        [paramUse(capYears)],
        { capYears: capYears.value },
        rent.capMonths,
      ),
    ],
  };
}

/** `leased-area-exceeds-site`: the leases still in force at clearance (not ended before it) cover more land than the site. */
function areaFindings(facts: VillageCompensation): Finding[] {
  const inForce = facts.leases.filter((lease) => lease.leaseEndsOn >= facts.clearedOn);
  const leasedAreaMu = inForce.reduce((sum, lease) => sum.plus(dec(lease.landAreaMu)), ZERO);
  if (!leasedAreaMu.greaterThan(dec(facts.landAreaMu))) return [];
  return [
    finding(
      messages,
      "leased-area-exceeds-site",
      { leasedAreaMu, siteAreaMu: facts.landAreaMu, leases: inForce.length },
      { clause: COMPENSATION_CLAUSE },
    ),
  ];
}
