import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { dec } from "../../../src/money/decimal.js";
import { roundMoney } from "../../../src/money/round.js";
import { townshipTransfer } from "../../support/outcomes.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { type EnterpriseInput, transferCase } from "./cases.js";

/** Money with up to 2 decimals, 0 to 10 million (fen in the last places make per-enterprise rounding matter). */
const moneyArb = fc.bigInt({ min: 0n, max: 1_000_000_000n }).map((fen) => {
  const text = fen.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
});
const enterpriseArb: fc.Arbitrary<EnterpriseInput> = fc.record({
  priorYearTax: fc.record({ vat: moneyArb, corporateIncome: moneyArb, other: moneyArb }),
});
const enterprisesArb = fc.array(enterpriseArb, { maxLength: 5 });
const revenueArb = moneyArb.filter((money) => !dec(money).isZero());
const fiscalYearArb = fc.constantFrom(2016, 2017, 2018);

/** Rule sets for random coverage and threshold (a few values each, so a run loads few rule sets). */
const cache = new Map<string, ReturnType<typeof ruleSetWith>>();
function rulesWith(share: string, threshold: string, coverage: string) {
  const key = `${share}|${threshold}|${coverage}`;
  const cached =
    cache.get(key) ??
    ruleSetWith({
      "transfer.townshipShareOfLocal": { vat: share, corporateIncome: share, other: share },
      "transfer.impactThreshold": threshold,
      "transfer.coverage": coverage,
    });
  cache.set(key, cached);
  return cached;
}
const rulesArb = fc
  .tuple(
    fc.constantFrom("0.125", "0.333", "0.5", "1"),
    fc.constantFrom("0", "0.01", "0.05", "0.1", "0.5"),
    fc.constantFrom("0", "0.333", "0.5", "0.75", "1"),
  )
  .map(([share, threshold, coverage]) => ({
    share,
    threshold,
    coverage,
    ruleSet: rulesWith(share, threshold, coverage),
  }));

const compute = (
  enterprises: readonly EnterpriseInput[],
  revenue: string,
  fiscalYear: number,
  ruleSet: ReturnType<typeof ruleSetWith>,
) =>
  townshipTransfer(
    transferCase({
      priorYearRevenue: revenue,
      fiscalYear,
      exitedEnterprises: enterprises.map((e, i) => ({ id: `E${i + 1}`, ...e })),
    }),
    ruleSet,
  );

test.prop([enterprisesArb, revenueArb, fiscalYearArb, rulesArb])(
  "the transfer is 0 or round(lost × coverage), and is the latter exactly when ratio ≥ threshold",
  (enterprises, revenue, fiscalYear, rules) => {
    const outcome = compute(enterprises, revenue, fiscalYear, rules.ruleSet);
    const lost = dec(outcome.detail?.lostCapacity ?? "0");
    const expected = outcome.eligible ? roundMoney(lost.times(rules.coverage)).toFixed(2) : "0.00";
    expect(outcome.detail?.transfer).toBe(expected);
    expect(outcome.amounts.district).toBe(expected);
    expect(outcome.eligible).toBe(lost.greaterThanOrEqualTo(dec(rules.threshold).times(revenue)));
  },
);

test.prop([enterprisesArb, revenueArb, fiscalYearArb, rulesArb])(
  "lost capacity is the sum of the per-enterprise losses shown, and the tax target equals it",
  (enterprises, revenue, fiscalYear, rules) => {
    const detail = compute(enterprises, revenue, fiscalYear, rules.ruleSet).detail;
    const sum = (detail?.enterprises ?? []).reduce((acc, enterprise) => acc.plus(enterprise.lostCapacity), dec(0));
    expect(sum.toFixed(2)).toBe(detail?.lostCapacity);
    expect(detail?.targetReductions.taxTarget).toBe(detail?.lostCapacity);
  },
);

test.prop([enterprisesArb, enterpriseArb, revenueArb, fiscalYearArb, rulesArb])(
  "adding an exited enterprise never lowers the transfer",
  (enterprises, added, revenue, fiscalYear, rules) => {
    const before = dec(compute(enterprises, revenue, fiscalYear, rules.ruleSet).amounts.total);
    const after = dec(compute([...enterprises, added], revenue, fiscalYear, rules.ruleSet).amounts.total);
    expect(after.greaterThanOrEqualTo(before)).toBe(true);
  },
);
