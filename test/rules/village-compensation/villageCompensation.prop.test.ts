import { fc, test } from "@fast-check/vitest";
import { villageCompensation } from "../../support/outcomes.js";
import { addDays, format, parseISO } from "date-fns";
import { expect } from "vitest";
import { dec } from "../../../src/money/decimal.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { isoDateArb, moneyArb, muArb } from "./arbitraries.js";
import { rules, villageCase } from "./cases.js";

const leaseArb = fc.record({ annualRent: moneyArb, leaseEndsOn: isoDateArb, landAreaMu: muArb });
const total = (
  clearedOn: string,
  leases: readonly { annualRent: string; leaseEndsOn: string; landAreaMu: string }[],
  ruleSet = rules,
) => dec(villageCompensation(villageCase({ clearedOn }, leases), ruleSet).amounts.total);

const plusDays = (date: string, days: number) => format(addDays(parseISO(date), days), "yyyy-MM-dd");

test.prop([
  isoDateArb,
  fc.integer({ min: -400, max: 1000 }),
  fc.integer({ min: 0, max: 90 }),
  moneyArb,
  fc.array(leaseArb, { maxLength: 3 }),
])(
  "compensation never falls when a lease's remaining term grows",
  (clearedOn, endOffset, extraDays, annualRent, others) => {
    // Ends near the clearance date (within the cap), extended by a few days: where month-end counting can go wrong.
    const lease = { annualRent, landAreaMu: "1", leaseEndsOn: plusDays(clearedOn, endOffset) };
    const before = total(clearedOn, [lease, ...others]);
    const after = total(clearedOn, [{ ...lease, leaseEndsOn: plusDays(lease.leaseEndsOn, extraDays) }, ...others]);
    expect(after.greaterThanOrEqualTo(before)).toBe(true);
  },
);

test.prop([isoDateArb, leaseArb, moneyArb, fc.array(leaseArb, { maxLength: 3 })])(
  "compensation never falls when a lease's rent rises",
  (clearedOn, lease, otherRent, others) => {
    const [lower, higher] = dec(lease.annualRent).lessThanOrEqualTo(otherRent)
      ? [lease.annualRent, otherRent]
      : [otherRent, lease.annualRent];
    const before = total(clearedOn, [{ ...lease, annualRent: lower }, ...others]);
    const after = total(clearedOn, [{ ...lease, annualRent: higher }, ...others]);
    expect(after.greaterThanOrEqualTo(before)).toBe(true);
  },
);

const capYearsArb = fc.integer({ min: 0, max: 1000 }).map((hundredths) => (hundredths / 100).toFixed(2));
const capRules = new Map<string, ReturnType<typeof ruleSetWith>>();
const rulesWithCap = (cap: string) => {
  const cached =
    capRules.get(cap) ??
    ruleSetWith({
      "village.rentCapYears": cap,
      "village.rentCompensationRate": "0.5",
      "village.perMu": { "industrial-compound": "1000", "breeding-zone": "500" },
    });
  capRules.set(cap, cached);
  return cached;
};

test.prop([capYearsArb, isoDateArb, fc.array(leaseArb, { minLength: 1, maxLength: 4 })])(
  "compensated months never exceed 12 × cap years, and are the remaining months when those fit",
  (cap, clearedOn, leases) => {
    const outcome = villageCompensation(villageCase({ clearedOn }, leases), rulesWithCap(cap));
    const detail = outcome.detail;
    for (const lease of detail?.leases ?? []) {
      expect(dec(lease.compensatedMonths).lessThanOrEqualTo(dec(cap).times(12))).toBe(true);
      if (dec(lease.remainingMonths).lessThanOrEqualTo(dec(cap).times(12)))
        expect(lease.compensatedMonths).toBe(lease.remainingMonths);
    }
  },
);

test.prop([isoDateArb, fc.array(leaseArb, { maxLength: 4 })])(
  "the total is the sum of the amounts shown beside it",
  (clearedOn, leases) => {
    const detail = villageCompensation(villageCase({ clearedOn }, leases), rules).detail;
    const sum = (detail?.leases ?? []).reduce((acc, lease) => acc.plus(lease.lostRent), dec(detail?.sitePart ?? "0"));
    expect(sum.toFixed(2)).toBe(detail?.total);
  },
);
