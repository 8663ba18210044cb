import { describe, expect, it } from "vitest";
import { compare } from "../../src/batch/compare.js";
import { InvalidInputError } from "../../src/errors/index.js";
import { loadRuleSet } from "../../src/rule-sets/index.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { FIXED_RATES } from "../support/fixedRates.js";

const E2 = { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" };
const CASES = [enterpriseCase, E2, clearanceCase, villageCase, transferCase];

/** The test rule set fixed-rates (A in these tests) with some parameters replaced (one value from 2016-01-01). */
function variant(
  id: string,
  parameters: { readonly [name: string]: unknown },
  rounding?: { scale: number; mode: "half-up" | "half-even" | "down" },
) {
  return loadRuleSet({
    id,
    version: "1",
    title: `what-if ${id}`,
    validFrom: "2016-01-01",
    extends: "tongzhou-2016",
    ...(rounding === undefined ? {} : { rounding }),
    sources: [
      ...FIXED_RATES.toJSON().sources,
      { id: "W", title: "what-if", issuedOn: "2016-01-01", status: "illustrative" },
    ],
    parameters: {
      ...FIXED_RATES.toJSON().parameters,
      ...Object.fromEntries(
        Object.entries(parameters).map(([name, value]) => [
          name,
          { status: "illustrative", source: "W", values: [{ from: "2016-01-01", value }] },
        ]),
      ),
    },
  });
}

describe("compare", () => {
  it("a rule set against itself: zero everywhere, no attribution step", () => {
    const document = compare(CASES, FIXED_RATES, FIXED_RATES.toJSON());
    for (const change of document.cases)
      expect(change.delta).toEqual({ municipal: "0.00", district: "0.00", total: "0.00" });
    expect(document.totals.delta).toEqual({ municipal: "0.00", district: "0.00", total: "0.00" });
    for (const group of [...Object.values(document.totals.byTownship), ...Object.values(document.totals.byKind)])
      expect(group.delta.total).toBe("0.00");
    expect(document.attribution).toMatchObject({ order: [], steps: [], total: { total: "0.00" } });
  });

  it("ratePerTce 360 → 396 (+10%): E-1 +72,000 municipal (2,000 tce × 36); E-2 +50,400 district (0.7 × 72,000)", () => {
    const document = compare(CASES, FIXED_RATES, variant("rate+10", { "reward.municipal.ratePerTce": "396" }));
    expect(document.cases.map((change) => [change.caseId, change.delta])).toEqual([
      ["E-1", { municipal: "72000.00", district: "0.00", total: "72000.00" }],
      ["E-2", { municipal: "0.00", district: "50400.00", total: "50400.00" }],
      ["C-1", { municipal: "0.00", district: "0.00", total: "0.00" }],
      ["V-1", { municipal: "0.00", district: "0.00", total: "0.00" }],
      ["T-1", { municipal: "0.00", district: "0.00", total: "0.00" }],
    ]);
    expect(document.totals.delta).toEqual({ municipal: "72000.00", district: "50400.00", total: "122400.00" });
    expect(document.totals.byTownship["台湖镇"]?.delta.total).toBe("122400.00");
    expect(document.totals.byKind["enterprise-exit"]?.delta.total).toBe("122400.00");
    expect(document.attribution.order).toEqual(["reward.municipal.ratePerTce"]);
    expect(document.attribution.steps).toEqual([
      {
        parameter: "reward.municipal.ratePerTce",
        before: { municipal: "875000.00", district: "1161720.00", total: "2036720.00" },
        after: { municipal: "947000.00", district: "1212120.00", total: "2159120.00" },
        part: { municipal: "72000.00", district: "50400.00", total: "122400.00" },
      },
    ]);
    expect(document.cases[0]?.track).toEqual({ a: "municipal", b: "municipal" });
  });

  it("two parameters and rounding: applied alphabetically, rounding last; the parts add up to the change", () => {
    const b = variant(
      "two",
      { "village.rentCompensationRate": "0.5", "reward.district.supplementRate": "0.8" },
      { scale: 0, mode: "half-up" },
    );
    const document = compare(CASES, FIXED_RATES, b);
    expect(document.attribution.order).toEqual([
      "reward.district.supplementRate",
      "village.rentCompensationRate",
      "rounding",
    ]);
    // supplement 0.7 → 0.8 on 875,000: +87,500; lost rent 200,000 × 36/12 × (0.5 − 0.4) = +60,000; rounding to the yuan: 0 here.
    expect(document.attribution.steps.map((step) => [step.parameter, step.part.total])).toEqual([
      ["reward.district.supplementRate", "87500.00"],
      ["village.rentCompensationRate", "60000.00"],
      ["rounding", "0.00"],
    ]);
    expect(document.attribution.total.total).toBe(document.totals.delta.total);
    expect(document.attribution.note).toMatch(/order/);
  });

  it("the order matters where parameters interact: raising the floor and the rate together", () => {
    // E-1's raw amount is 875,000. Floor 500,000 → 900,000 first: below the standard, E-1 falls to the
    // small-enterprise reward (410,000: -465,000); then rate 396 lifts it to 947,000 (+537,000).
    // Rate first would give +72,000 and the floor 0 — the same total change, split differently.
    const both = variant("floor+rate", { "reward.municipal.min": "900000", "reward.municipal.ratePerTce": "396" });
    const document = compare([enterpriseCase], FIXED_RATES, both);
    expect(document.attribution.order).toEqual(["reward.municipal.min", "reward.municipal.ratePerTce"]);
    expect(document.attribution.steps.map((step) => [step.parameter, step.part.total])).toEqual([
      ["reward.municipal.min", "-465000.00"],
      ["reward.municipal.ratePerTce", "537000.00"],
    ]);
    expect(document.totals.delta.total).toBe("72000.00");
    const floorAfterRate = compare([enterpriseCase], variant("rate", { "reward.municipal.ratePerTce": "396" }), both);
    expect(floorAfterRate.attribution.steps.map((step) => [step.parameter, step.part.total])).toEqual([
      ["reward.municipal.min", "0.00"],
    ]);
  });

  it("order: the rate first, then the floor — the same total change, split as the order says", () => {
    // Rate 396 first: E-1 875,000 → 947,000 (+72,000); the floor 900,000 then changes nothing (0).
    const both = variant("floor+rate", { "reward.municipal.min": "900000", "reward.municipal.ratePerTce": "396" });
    const document = compare([enterpriseCase], FIXED_RATES, both, { order: ["reward.municipal.ratePerTce"] });
    expect(document.attribution.order).toEqual(["reward.municipal.ratePerTce", "reward.municipal.min"]);
    expect(document.attribution.steps.map((step) => [step.parameter, step.part.total])).toEqual([
      ["reward.municipal.ratePerTce", "72000.00"],
      ["reward.municipal.min", "0.00"],
    ]);
    expect(document.attribution.total.total).toBe("72000.00");
    expect(document.attribution.note).toMatch(/order chosen/);
  });

  it("order: a name that does not differ, or one given twice, is an input error listing what can be ordered", () => {
    const both = variant("floor+rate", { "reward.municipal.min": "900000", "reward.municipal.ratePerTce": "396" });
    let error: unknown;
    try {
      compare([enterpriseCase], FIXED_RATES, both, {
        order: ["clearance.rates", "reward.municipal.min", "reward.municipal.min"],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = (error as InvalidInputError).issues;
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["order[0]", "not-a-difference"],
      ["order[2]", "repeated-parameter"],
    ]);
    expect(issues[0]?.message).toContain("reward.municipal.min, reward.municipal.ratePerTce");
  });

  it("a case invalid under B (a structure type B does not rate) is an input problem naming B", () => {
    const rates = (FIXED_RATES.toJSON().parameters["clearance.rates"]?.values[0]?.value ?? {}) as {
      readonly [type: string]: unknown;
    };
    const { "brick-concrete": _dropped, ...fewer } = rates;
    try {
      compare([clearanceCase], FIXED_RATES, variant("fewer", { "clearance.rates": fewer }));
      throw new Error("expected InvalidInputError");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]?.message).toMatch(/rule set B \(fewer\)/);
    }
  });
});
