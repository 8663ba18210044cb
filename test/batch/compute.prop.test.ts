import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { Dec, ZERO } from "../../src/money/decimal.js";
import { exitBatchArb } from "../rules/enterprise-reward/arbitraries.js";

const TOWNSHIPS = ["台湖镇", "宋庄镇", "张家湾镇"];

describe("batch totals (properties)", () => {
  it("conservation: the townships' totals add up to the grand total, payer by payer, and equal the sums of the outcomes shown", () => {
    fc.assert(
      fc.property(
        exitBatchArb,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 15, maxLength: 15 }),
        (inputs, picks) => {
          const cases = inputs.map((input, index) => ({ ...input, township: TOWNSHIPS[picks[index] ?? 0] }));
          const document = computeBatch(cases);
          expect(document.errors).toEqual([]);
          for (const payer of ["municipal", "district", "total"] as const) {
            const byTownship = Object.values(document.totals.byTownship).reduce(
              (sum, amounts) => sum.plus(amounts[payer]),
              ZERO,
            );
            const byOutcome = document.results.reduce((sum, outcome) => sum.plus(outcome.amounts[payer]), ZERO);
            expect(new Dec(document.totals[payer]).eq(byTownship)).toBe(true);
            expect(new Dec(document.totals[payer]).eq(byOutcome)).toBe(true);
          }
          expect(
            new Dec(document.totals.total).eq(new Dec(document.totals.municipal).plus(document.totals.district)),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
