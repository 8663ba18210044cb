import { type Dec, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import type { IsoDate } from "../../parameters/types.js";
import type { Lease, VillageCompensation } from "../../schemas/cases.js";
import { finding } from "../../trace/build.js";
import type { Finding } from "../../trace/types.js";
import { all, asMoney, chain, figure, of, type Context, type Rule } from "../algebra.js";
import { villageCompensationMessages } from "./messages.js";
import { MONTHS_PER_YEAR, capMonthsOf, wholeMonthsBetween } from "./months.js";
import { villageCompensationParameters as p } from "./parameters.js";

/** The cap on compensated months in force on the clearance date. */
export interface RentCap {
  readonly capYears: Dec;
  /** floor(12 × capYears). */
  readonly capMonths: number;
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

/** The compensation of one lease: its row and its rounded lost rent, as it adds into the total. */
export interface LeaseCompensation {
  readonly row: LeaseRow;
  readonly lostRent: Dec;
}

/** A lease as its compensation sees it: with the clearance date and the cap in force. */
export type LeaseFacts = Lease & { readonly clearedOn: IsoDate; readonly cap: RentCap };

/**
 * 补偿月数上限 · rent cap — floor(12 × `village.rentCapYears`) whole months (step `village.rentCapMonths`).
 * @category village-compensation
 */
export const rentCap: Rule<VillageCompensation, RentCap> = figure(
  "village.rentCapMonths",
  (_facts: VillageCompensation, read): RentCap => {
    const capYears = read(p.rentCapYears);
    return { capYears, capMonths: capMonthsOf(capYears) };
  },
  { inputs: (_facts, cap) => ({ capYears: cap.capYears }), show: (cap) => cap.capMonths },
);

const remainingMonths = figure(
  "village.remainingMonths",
  (lease: LeaseFacts) => wholeMonthsBetween(lease.clearedOn, lease.leaseEndsOn),
  { inputs: (lease) => ({ leaseId: lease.id, clearedOn: lease.clearedOn, leaseEndsOn: lease.leaseEndsOn }) },
);

const compensatedMonths = figure(
  "village.compensatedMonths",
  (lease: LeaseFacts & { readonly remainingMonths: number }) => Math.min(lease.remainingMonths, lease.cap.capMonths),
  {
    inputs: (lease) => ({ leaseId: lease.id, remainingMonths: lease.remainingMonths, capMonths: lease.cap.capMonths }),
  },
);

const lostRent = figure(
  "village.lostRent",
  (lease: LeaseFacts & { readonly compensatedMonths: number }, read, ctx) => {
    const exact = dec(lease.annualRent)
      .times(lease.compensatedMonths)
      .times(read(p.rentCompensationRate))
      .dividedBy(MONTHS_PER_YEAR);
    return { exact, amount: roundMoney(exact, ctx.rounding) };
  },
  {
    inputs: (lease, { exact }) => ({
      leaseId: lease.id,
      annualRent: lease.annualRent,
      compensatedMonths: lease.compensatedMonths,
      unrounded: exact,
    }),
    show: ({ amount }, ctx) => asMoney(amount, ctx),
  },
);

/**
 * 租金损失补偿 · lost-rent compensation — what the collective is paid for one lease cut short by the clearance.
 *
 * @remarks
 * 《实施方案》三(三)3 (the 补偿办法 itself is not public; its figures are illustrative). Parameters are read
 * at the case's `clearedOn`. Months = whole months from `clearedOn` to `leaseEndsOn` (0 when the lease
 * has ended), capped at floor(12 × `village.rentCapYears`); lost rent =
 * round(annualRent × months × `village.rentCompensationRate` ÷ 12), dividing last so that an exact tie
 * rounds as the rounding mode says. Steps `village.remainingMonths`, `village.compensatedMonths`,
 * `village.lostRent`. Findings: `lease-ended`, `lease-capped` (citing `village.compensatedMonths`).
 *
 * @example
 * // 12,000 a year, 6 months left, rate 0.5 → 12,000 × 6 × 0.5 ÷ 12 = 3,000.00
 * @category village-compensation
 */
export const leaseCompensation: Rule<LeaseFacts, LeaseCompensation> = (lease, ctx) =>
  chain(remainingMonths(lease, ctx), (remaining) =>
    chain(compensatedMonths({ ...lease, remainingMonths: remaining }, ctx), (compensated) =>
      chain(lostRent({ ...lease, compensatedMonths: compensated }, ctx), ({ amount }) =>
        of(
          {
            row: {
              id: lease.id,
              tenant: lease.tenant,
              remainingMonths: remaining,
              compensatedMonths: compensated,
              annualRent: lease.annualRent,
              lostRent: toMoneyString(amount, ctx.rounding),
            },
            lostRent: amount,
          },
          { findings: leaseFindings(lease, remaining, ctx) },
        ),
      ),
    ),
  );

function leaseFindings(lease: LeaseFacts, remaining: number, ctx: Context): Finding[] {
  const found: Finding[] = [];
  const common = { leaseId: lease.id, tenant: lease.tenant };
  const extra = { itemId: lease.id, clause: ctx.cite("village.compensatedMonths") };
  // Ended *before* the clearance: a lease that ends on the clearance day itself lost nothing either, but it was still in force.
  if (lease.leaseEndsOn < lease.clearedOn)
    found.push(
      finding(
        villageCompensationMessages,
        "lease-ended",
        { ...common, leaseEndsOn: lease.leaseEndsOn, clearedOn: lease.clearedOn },
        extra,
      ),
    );
  if (remaining > lease.cap.capMonths)
    found.push(
      finding(
        villageCompensationMessages,
        "lease-capped",
        { ...common, remainingMonths: remaining, capMonths: lease.cap.capMonths, capYears: lease.cap.capYears },
        extra,
      ),
    );
  return found;
}

/**
 * Every lease's compensation, after the cap step; the rent parameters are read only when there is a lease to use them on.
 * @category village-compensation
 */
export function compensateLeases(
  parts: { readonly rentCap: typeof rentCap; readonly leaseCompensation: typeof leaseCompensation },
  facts: VillageCompensation,
  ctx: Context,
) {
  if (facts.leases.length === 0) return of<readonly LeaseCompensation[]>([]);
  return chain(parts.rentCap(facts, ctx), (cap) =>
    all(facts.leases.map((lease) => parts.leaseCompensation({ ...lease, clearedOn: facts.clearedOn, cap }, ctx))),
  );
}
