import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { budget, type BudgetDimension } from "../../src/batch/budget.js";
import { compute } from "../../src/batch/compute.js";
import { Dec, ZERO } from "../../src/money/decimal.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import { fenToYuan } from "../audit/support.js";
import { enterpriseCase } from "../fixtures/cases.js";

// 足额: capped budgets where some kinds are paid in full before the rest share what remains.
const TEMPLATE = compute(enterpriseCase);
const FEN = new Dec("0.01");
const KINDS = ["enterprise-exit", "structure-clearance", "village-compensation", "township-transfer"];

const outcomesArb = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300_000_000_00 })),
      fc.constantFrom(...KINDS),
      fc.constantFrom("台湖镇", "宋庄镇", "张家湾镇"),
    ),
    { maxLength: 15 },
  )
  .map((rows) =>
    rows.map(
      ([district, kind, township], index): Outcome => ({
        ...TEMPLATE,
        id: `K-${index}`,
        kind,
        township,
        amounts: { municipal: "0.00", district: fenToYuan(district), total: fenToYuan(district) },
      }),
    ),
  );
const fullKindsArb = fc.subarray(KINDS);
const byArb = fc
  .subarray(["township", "payer", "track"] as BudgetDimension[])
  .chain((dimensions) => fc.shuffledSubarray(dimensions, { minLength: dimensions.length }));

const owedOf = (outcomes: readonly Outcome[], kinds?: readonly string[]) =>
  outcomes
    .filter((outcome) => kinds === undefined || kinds.includes(outcome.kind))
    .reduce((acc, outcome) => acc.plus(outcome.amounts.district), ZERO);

/** A cap at least the full kinds' total: that total plus a part (0 to 120 %) of the rest. */
const caseArb = fc
  .tuple(outcomesArb, fullKindsArb, fc.integer({ min: 0, max: 120 }))
  .map(([outcomes, fullKinds, percent]) => {
    const full = owedOf(outcomes, fullKinds);
    const rest = owedOf(outcomes).minus(full);
    return {
      outcomes,
      fullKinds,
      cap: full.plus(rest.times(percent).dividedBy(100)).toDecimalPlaces(2, Dec.ROUND_DOWN),
    };
  });

test.prop([caseArb])(
  "full kinds get exactly what they are owed; Σ allocated = min(cap, owed); the rest within a fen of its share of what remains",
  ({ outcomes, fullKinds, cap }) => {
    const allocation = budget(outcomes, { cap: cap.toFixed(2), payer: "district", fullKinds }).allocation;
    const owed = owedOf(outcomes);
    const available = Dec.min(cap, owed);
    expect(allocation?.allocated).toBe(available.toFixed(2));
    expect(allocation?.shares.reduce((acc, share) => acc.plus(share.allocated), ZERO).toFixed(2)).toBe(
      available.toFixed(2),
    );
    expect(allocation?.fullKinds).toEqual(fullKinds);
    const remaining = available.minus(owedOf(outcomes, fullKinds));
    const restOwed = owed.minus(owedOf(outcomes, fullKinds));
    for (const share of allocation?.shares ?? []) {
      if (fullKinds.includes(share.kind)) expect(share.allocated).toBe(share.owed);
      else {
        const exact = remaining.times(share.owed).dividedBy(restOwed);
        expect(new Dec(share.allocated).minus(exact).abs().lt(FEN)).toBe(true);
        expect(new Dec(share.allocated).lte(share.owed)).toBe(true);
      }
    }
  },
);

test.prop([caseArb, byArb])(
  "per-group rows sum to the allocated total, one row per group, each shortfall = owed − allocated",
  ({ outcomes, fullKinds, cap }, by) => {
    const document = budget(outcomes, { by, cap: cap.toFixed(2), payer: "district", fullKinds });
    const allocation = document.allocation;
    const groups = allocation?.groups ?? [];
    expect(groups.reduce((acc, group) => acc.plus(group.allocated), ZERO).toFixed(2)).toBe(allocation?.allocated);
    expect(groups.reduce((acc, group) => acc.plus(group.owed), ZERO).toFixed(2)).toBe(allocation?.owed);
    for (const group of groups) expect(new Dec(group.owed).minus(group.allocated).toFixed(2)).toBe(group.shortfall);
    expect(new Set(groups.map((group) => JSON.stringify(group.key))).size).toBe(groups.length);
    for (const group of groups) expect(Object.keys(group.key).sort()).toEqual([...by].sort());
  },
);

test.prop([outcomesArb, fullKindsArb, fc.integer({ min: 1, max: 100_000_00 })])(
  "a cap below the full kinds' total: all of it to them, within a fen of pro rata, none to the rest, and a warning",
  (outcomes, fullKinds, short) => {
    const full = owedOf(outcomes, fullKinds);
    fc.pre(full.gt(0));
    const cap = Dec.max(ZERO, full.minus(new Dec(short).dividedBy(100)));
    fc.pre(cap.lt(full));
    const allocation = budget(outcomes, { cap: cap.toFixed(2), payer: "district", fullKinds }).allocation;
    expect(allocation?.allocated).toBe(cap.toFixed(2));
    expect(allocation?.shares.reduce((acc, share) => acc.plus(share.allocated), ZERO).toFixed(2)).toBe(cap.toFixed(2));
    for (const share of allocation?.shares ?? []) {
      if (fullKinds.includes(share.kind)) {
        const exact = cap.times(share.owed).dividedBy(full);
        expect(new Dec(share.allocated).minus(exact).abs().lt(FEN)).toBe(true);
        expect(new Dec(share.allocated).lte(share.owed)).toBe(true);
      } else expect(share.allocated).toBe("0.00");
    }
    expect(allocation?.warnings?.map((warning) => [warning.code, warning.needed])).toEqual([
      ["cap-below-full-kinds", full.toFixed(2)],
    ]);
  },
);

test.prop([caseArb])("a cap that covers the full kinds gives no warning", ({ outcomes, fullKinds, cap }) => {
  expect(budget(outcomes, { cap: cap.toFixed(2), payer: "district", fullKinds }).allocation).not.toHaveProperty(
    "warnings",
  );
});
