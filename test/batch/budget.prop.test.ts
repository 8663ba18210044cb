import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { budget, type BudgetDimension } from "../../src/batch/budget.js";
import { compute } from "../../src/batch/compute.js";
import { Dec, ZERO } from "../../src/money/decimal.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import { enterpriseCasesArb, fenToYuan } from "../audit/support.js";
import { enterpriseCase } from "../fixtures/cases.js";

const TEMPLATE = compute(enterpriseCase);
const FEN = new Dec("0.01");

/** Synthetic outcomes owing random amounts (zeros included: a case may owe one payer nothing). */
const outcomesArb = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300_000_000_00 })),
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300_000_000_00 })),
      fc.constantFrom("台湖镇", "宋庄镇"),
    ),
    { maxLength: 15 },
  )
  .map((rows) =>
    rows.map(
      ([municipal, district, township], index): Outcome => ({
        ...TEMPLATE,
        id: `K-${index}`,
        township,
        amounts: {
          municipal: fenToYuan(municipal),
          district: fenToYuan(district),
          total: fenToYuan(municipal + district),
        },
      }),
    ),
  );
const capArb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 3_000_000_000_00 })).map(fenToYuan);
const payerArb = fc.constantFrom("municipal" as const, "district" as const);

test.prop([outcomesArb, capArb, payerArb])("Σ allocated = min(cap, owed) exactly", (outcomes, cap, payer) => {
  const allocation = budget(outcomes, { cap, payer }).allocation;
  const owed = outcomes.reduce((acc, outcome) => acc.plus(outcome.amounts[payer]), ZERO);
  const expected = Dec.min(new Dec(cap), owed);
  expect(allocation?.shares.reduce((acc, share) => acc.plus(share.allocated), ZERO).toFixed(2)).toBe(
    expected.toFixed(2),
  );
  expect(allocation?.allocated).toBe(expected.toFixed(2));
  expect(allocation?.owed).toBe(owed.toFixed(2));
});

test.prop([outcomesArb, capArb, payerArb])(
  "each share is within one fen of its exact pro-rata value, and never above what is owed",
  (outcomes, cap, payer) => {
    const allocation = budget(outcomes, { cap, payer }).allocation;
    const owed = outcomes.reduce((acc, outcome) => acc.plus(outcome.amounts[payer]), ZERO);
    const available = Dec.min(new Dec(cap), owed);
    for (const share of allocation?.shares ?? []) {
      const exact = available.times(share.owed).dividedBy(owed);
      expect(new Dec(share.allocated).minus(exact).abs().lt(FEN)).toBe(true);
      expect(new Dec(share.allocated).lte(share.owed)).toBe(true);
      expect(new Dec(share.allocated).gte(0)).toBe(true);
    }
    const extra = new Set(allocation?.remainder);
    for (const share of allocation?.shares ?? [])
      expect(
        new Dec(share.allocated).gt(available.times(share.owed).dividedBy(owed).toDecimalPlaces(2, Dec.ROUND_DOWN)),
      ).toBe(extra.has(share.caseId));
  },
);

test.prop([outcomesArb, capArb, payerArb])(
  "the allocation covers exactly the cases the payer owes, in input order, and is deterministic",
  (outcomes, cap, payer) => {
    const first = budget(outcomes, { cap, payer });
    const again = budget(
      outcomes.map((outcome) => ({ ...outcome })),
      { cap, payer },
    );
    expect(again).toEqual(first);
    expect(first.allocation?.shares.map((share) => share.caseId)).toEqual(
      outcomes.filter((outcome) => new Dec(outcome.amounts[payer]).gt(0)).map((outcome) => outcome.id),
    );
  },
);

const byArb = fc
  .subarray(["township", "payer", "track"] as BudgetDimension[])
  .chain((dimensions) => fc.shuffledSubarray(dimensions, { minLength: dimensions.length }));

test.prop([outcomesArb, byArb])("Σ groups = total = Σ outcome totals, for any grouping", (outcomes, by) => {
  const document = budget(outcomes, { by });
  const total = outcomes.reduce((acc, outcome) => acc.plus(outcome.amounts.total), ZERO);
  expect(document.total).toBe(total.toFixed(2));
  expect(document.groups.reduce((acc, group) => acc.plus(group.amount), ZERO).toFixed(2)).toBe(document.total);
  expect(new Set(document.groups.map((group) => JSON.stringify(group.key))).size).toBe(document.groups.length);
});

test.prop([enterpriseCasesArb(8)], { numRuns: 50 })(
  "on computed cases, grouping by payer gives the municipal and district totals",
  (cases) => {
    const outcomes = compute(cases);
    const groups = budget(outcomes, { by: ["payer"] }).groups;
    const of = (payer: "municipal" | "district") =>
      outcomes.reduce((acc, outcome) => acc.plus(outcome.amounts[payer]), ZERO);
    expect(groups.find((group) => group.key.payer === "municipal")?.amount ?? "0.00").toBe(of("municipal").toFixed(2));
    expect(groups.find((group) => group.key.payer === "district")?.amount ?? "0.00").toBe(of("district").toFixed(2));
  },
);
