import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/money/decimal.js";
import { applyScale } from "../../src/parameters/scale.js";
import type { Scale } from "../../src/parameters/types.js";

const amount = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => dec(cents).div(100));
const rate = fc.integer({ min: 0, max: 5000 }).map((r) => dec(r).div(1000));

const marginalScale: fc.Arbitrary<Scale> = fc
  .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 })
  .chain((cuts) =>
    fc.tuple(
      fc.constant([0, ...[...cuts].sort((a, b) => a - b)]),
      fc.array(rate, { minLength: cuts.length + 1, maxLength: cuts.length + 1 }),
    ),
  )
  .map(([thresholds, rates]) => ({
    type: "marginal-rate",
    brackets: thresholds.map((t, i) => ({ threshold: dec(t), rate: rates[i] ?? dec(0), amount: dec(0) })),
  }));

const amountScale: fc.Arbitrary<Scale> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 5 })
  .chain((cuts) =>
    fc.tuple(
      fc.constant([...cuts].sort((a, b) => a - b)),
      fc.array(amount, { minLength: cuts.length, maxLength: cuts.length }),
    ),
  )
  .map(([thresholds, amounts]) => ({
    type: "single-amount",
    brackets: thresholds.map((t, i) => ({ threshold: dec(t), rate: dec(0), amount: amounts[i] ?? dec(0) })),
  }));

describe("scales (properties)", () => {
  it("marginal-rate is non-decreasing for non-negative rates", () => {
    fc.assert(
      fc.property(marginalScale, amount, amount, (s, a, b) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        expect(applyScale(s, low).lte(applyScale(s, high))).toBe(true);
      }),
    );
  });

  it("marginal-rate is continuous: a step of 0.01 moves the value by at most 0.01 × the largest rate", () => {
    fc.assert(
      fc.property(marginalScale, amount, (s, x) => {
        const maxRate = s.brackets.reduce((m, b) => (b.rate.gt(m) ? b.rate : m), dec(0));
        // at a random point, and just below and at every threshold (where a wrong formula would jump)
        const points = [
          x,
          ...s.brackets.flatMap((b) =>
            b.threshold.gte("0.01") ? [b.threshold.minus("0.01"), b.threshold] : [b.threshold],
          ),
        ];
        for (const point of points) {
          const jump = applyScale(s, point.plus("0.01")).minus(applyScale(s, point)).abs();
          expect(jump.lte(maxRate.times("0.01"))).toBe(true);
        }
      }),
    );
  });

  it("single-amount is a step function: the amount of the last threshold ≤ x, constant between thresholds", () => {
    fc.assert(
      fc.property(amountScale, amount, (s, x) => {
        const bracket = s.brackets.findLast((b) => b.threshold.lte(x));
        expect(applyScale(s, x).toString()).toBe((bracket?.amount ?? dec(0)).toString());
      }),
    );
  });
});
