import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { compare } from "../../src/batch/compare.js";
import { Dec, ZERO } from "../../src/money/decimal.js";
import { defaultRuleSet, loadRuleSet } from "../../src/rule-sets/index.js";
import type { RuleSet } from "../../src/parameters/types.js";
import { enterpriseCasesArb } from "../audit/support.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";

const settings = { numRuns: Number(process.env.FC_RUNS ?? 60) };
const FIXED = [
  enterpriseCase,
  { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" },
  clearanceCase,
  villageCase,
  { ...transferCase, priorYearRevenue: "500000" },
];

const base = (name: string) => defaultRuleSet.toJSON().parameters[name]?.values[0]?.value;
const factorArb = fc.constantFrom("0.5", "0.9", "1.1", "1.25", "2");
const times = (value: unknown, factor: string) => new Dec(String(value)).times(factor).toString();
const scaleTable = (table: unknown, factor: string) =>
  Object.fromEntries(
    Object.entries(table as { [key: string]: string }).map(([key, value]) => [key, times(value, factor)]),
  );

/** Perturbations of numeric parameters of tongzhou-2016 (min stays ≤ max: min × ≤ 2 = 1,000,000 ≤ max × ≥ 0.5 = 1,500,000). */
const PERTURBATIONS: { readonly [name: string]: fc.Arbitrary<unknown> } = {
  "reward.municipal.ratePerTce": factorArb.map((f) => times(base("reward.municipal.ratePerTce"), f)),
  "reward.municipal.ratePerTonne": factorArb.map((f) => scaleTable(base("reward.municipal.ratePerTonne"), f)),
  "reward.municipal.min": factorArb.map((f) => times(base("reward.municipal.min"), f)),
  "reward.municipal.max": factorArb.map((f) => times(base("reward.municipal.max"), f)),
  "reward.district.supplementRate": factorArb.map((f) => times(base("reward.district.supplementRate"), f)),
  "reward.small.cap": factorArb.map((f) => scaleTable(base("reward.small.cap"), f)),
  "clearance.rates": fc.tuple(factorArb, fc.constantFrom("brick-concrete", "enclosure-wall")).map(([f, type]) => {
    const rates = base("clearance.rates") as { [type: string]: { unit: string; rate: string } };
    const rate = rates[type] as { unit: string; rate: string };
    return { ...rates, [type]: { ...rate, rate: times(rate.rate, f) } };
  }),
  "village.rentCompensationRate": factorArb.map((f) => times(base("village.rentCompensationRate"), f)),
  "village.rentCapYears": fc.constantFrom("1", "2", "4", "5"),
  "village.perMu": factorArb.map((f) => scaleTable(base("village.perMu"), f)),
  "transfer.impactThreshold": factorArb.map((f) => times(base("transfer.impactThreshold"), f)),
  "transfer.coverage": fc.constantFrom("0.5", "0.8", "0.9"),
};
const roundingArb = fc.record({
  scale: fc.integer({ min: 0, max: 3 }),
  mode: fc.constantFrom("half-up" as const, "half-even" as const, "down" as const),
});

/** tongzhou-2016 with a few numeric parameters (and perhaps the rounding) changed at random, built with loadRuleSet + extends. */
const ruleSetArb = (id: string): fc.Arbitrary<RuleSet> =>
  fc
    .tuple(fc.subarray(Object.keys(PERTURBATIONS), { maxLength: 4 }), fc.option(roundingArb, { nil: undefined }))
    .chain(([names, rounding]) =>
      fc.tuple(...names.map((name) => PERTURBATIONS[name] as fc.Arbitrary<unknown>)).map((values) =>
        loadRuleSet({
          id,
          version: "1",
          title: `perturbed ${id}`,
          validFrom: "2016-01-01",
          extends: "tongzhou-2016",
          ...(rounding === undefined ? {} : { rounding }),
          sources: [{ id: "P", title: "perturbation", issuedOn: "2016-01-01", status: "illustrative" }],
          parameters: Object.fromEntries(
            names.map((name, index) => [
              name,
              { status: "illustrative", source: "P", values: [{ from: "2016-01-01", value: values[index] }] },
            ]),
          ),
        }),
      ),
    );

const casesArb = enterpriseCasesArb(6).map((random) => [
  ...FIXED,
  ...random.map((facts, index) => ({ ...facts, id: `R-${index}` })),
]);
const sum = (values: readonly string[]) => values.reduce((acc, value) => acc.plus(value), ZERO);

test.prop([casesArb, ruleSetArb("a"), ruleSetArb("b")], settings)(
  "the attribution parts add up exactly to the total change, by payer, and telescope from A to B",
  (cases, a, b) => {
    const document = compare(cases, a, b);
    const { steps, order } = document.attribution;
    for (const payer of ["municipal", "district", "total"] as const) {
      expect(sum(steps.map((step) => step.part[payer])).eq(document.totals.delta[payer])).toBe(true);
      expect(new Dec(document.attribution.total[payer]).eq(document.totals.delta[payer])).toBe(true);
    }
    steps.forEach((step, index) => {
      expect(
        new Dec(step.before.total).eq(index === 0 ? document.totals.a.total : (steps[index - 1]?.after.total ?? "")),
      ).toBe(true);
      expect(new Dec(step.after.total).minus(step.before.total).eq(step.part.total)).toBe(true);
    });
    if (steps.length > 0)
      expect(new Dec(steps[steps.length - 1]?.after.total ?? "").eq(document.totals.b.total)).toBe(true);
    const parameters = order.filter((name) => name !== "rounding");
    expect(parameters).toEqual([...parameters].sort());
    expect(order.indexOf("rounding")).toBe(order.includes("rounding") ? order.length - 1 : -1);
  },
);

test.prop([casesArb, ruleSetArb("a")], settings)("a rule set compared with itself changes nothing", (cases, a) => {
  const document = compare(cases, a, a);
  for (const change of document.cases)
    for (const payer of ["municipal", "district", "total"] as const)
      expect(new Dec(change.delta[payer]).isZero()).toBe(true);
  expect(new Dec(document.totals.delta.total).isZero()).toBe(true);
  expect(document.attribution.steps).toEqual([]);
});

test.prop([casesArb, ruleSetArb("a"), ruleSetArb("b")], settings)(
  "the case deltas add up to the totals, by township and by kind",
  (cases, a, b) => {
    const document = compare(cases, a, b);
    expect(sum(document.cases.map((change) => change.delta.total)).eq(document.totals.delta.total)).toBe(true);
    expect(
      sum(Object.values(document.totals.byTownship).map((group) => group.delta.total)).eq(document.totals.delta.total),
    ).toBe(true);
    expect(
      sum(Object.values(document.totals.byKind).map((group) => group.delta.total)).eq(document.totals.delta.total),
    ).toBe(true);
  },
);
