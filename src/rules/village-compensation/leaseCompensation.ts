import { type Dec, type Rounding, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { paramUse } from "../../parameters/lookup.js";
import type { InForce, IsoDate } from "../../parameters/types.js";
import type { Lease } from "../../schemas/cases.js";
import { finding, step } from "../../trace/build.js";
import type { Finding, TraceStep } from "../../trace/types.js";
import { COMPENSATION_CLAUSE } from "./clauses.js";
import { villageCompensationMessages } from "./messages.js";
import { MONTHS_PER_YEAR, wholeMonthsBetween } from "./months.js";

/** The rent parameters in force on the clearance date, read once per case. */
export interface RentParameters {
  readonly capYears: InForce<Dec>;
  /** floor(12 × capYears). */
  readonly capMonths: number;
  readonly rate: InForce<Dec>;
}

/** One lease as `detail.leases` shows it. */
export interface LeaseRow {
  readonly id: string;
  readonly tenant: string;
  readonly remainingMonths: number;
  readonly compensatedMonths: number;
  readonly annualRent: string;
  readonly lostRent: string;
}

export interface LeaseCompensation {
  readonly row: LeaseRow;
  /** The rounded lost rent, as it adds into the total. */
  readonly lostRent: Dec;
  readonly steps: readonly TraceStep[];
  readonly findings: readonly Finding[];
}

/**
 * 租金损失补偿 · lost-rent compensation — what the collective is paid for one lease cut short by the clearance.
 *
 * @remarks
 * 《实施方案》三(三)3 (the 补偿办法 itself is not public; its figures are illustrative). Parameters are read
 * at the case's `clearedOn`. Months = whole months from `clearedOn` to `leaseEndsOn` (0 when the lease
 * has ended), capped at floor(12 × `village.rentCapYears`); lost rent =
 * round(annualRent × months × `village.rentCompensationRate` ÷ 12), dividing last so that an exact tie
 * rounds as the rounding mode says. Findings: `lease-ended`, `lease-capped`.
 *
 * @example
 * // 12,000 a year, 6 months left, rate 0.5 → 12,000 × 6 × 0.5 ÷ 12 = 3,000.00
 * @category village-compensation
 */
export function leaseCompensation(
  lease: Lease,
  clearedOn: IsoDate,
  rent: RentParameters,
  rounding: Rounding,
): LeaseCompensation {
  const remainingMonths = wholeMonthsBetween(clearedOn, lease.leaseEndsOn);
  const compensatedMonths = Math.min(remainingMonths, rent.capMonths);
  const exact = dec(lease.annualRent).times(compensatedMonths).times(rent.rate.value).dividedBy(MONTHS_PER_YEAR);
  const lostRent = roundMoney(exact, rounding);
  const steps = [
    step(
      "village.remainingMonths",
      COMPENSATION_CLAUSE,
      [],
      { leaseId: lease.id, clearedOn, leaseEndsOn: lease.leaseEndsOn },
      remainingMonths,
    ),
    step(
      "village.compensatedMonths",
      COMPENSATION_CLAUSE,
      [],
      { leaseId: lease.id, remainingMonths, capMonths: rent.capMonths },
      compensatedMonths,
    ),
    step(
      "village.lostRent",
      COMPENSATION_CLAUSE,
      [paramUse(rent.rate)],
      { leaseId: lease.id, annualRent: lease.annualRent, compensatedMonths, unrounded: exact },
      toMoneyString(lostRent, rounding),
    ),
  ];
  return {
    row: {
      id: lease.id,
      tenant: lease.tenant,
      remainingMonths,
      compensatedMonths,
      annualRent: lease.annualRent,
      lostRent: toMoneyString(lostRent, rounding),
    },
    lostRent,
    steps,
    findings: leaseFindings(lease, clearedOn, remainingMonths, rent),
  };
}

function leaseFindings(lease: Lease, clearedOn: IsoDate, remainingMonths: number, rent: RentParameters): Finding[] {
  const found: Finding[] = [];
  const common = { leaseId: lease.id, tenant: lease.tenant };
  // Ended *before* the clearance: a lease that ends on the clearance day itself lost nothing either, but it was still in force.
  if (lease.leaseEndsOn < clearedOn) {
    found.push(
      finding(
        villageCompensationMessages,
        "lease-ended",
        { ...common, leaseEndsOn: lease.leaseEndsOn, clearedOn },
        { itemId: lease.id, clause: COMPENSATION_CLAUSE },
      ),
    );
  }
  if (remainingMonths > rent.capMonths) {
    found.push(
      finding(
        villageCompensationMessages,
        "lease-capped",
        { ...common, remainingMonths, capMonths: rent.capMonths, capYears: rent.capYears.value },
        { itemId: lease.id, clause: COMPENSATION_CLAUSE },
      ),
    );
  }
  return found;
}
