// The fast evaluator of enterprise exits, case by case, on every track: the exits it must take (and then compute
// exactly what the rules compute, amounts in fen, the track it reports) and the ones it must hand back to the
// reference path. The equivalence property (test/rules/fast.prop.test.ts) cannot see a kernel that declines too
// much — the rules then compute the same document — nor an amounts-only run that differs from its outcome.
import { describe, expect, it } from "vitest";
import { enterpriseExit } from "../../../src/rules/enterprise-reward/index.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { kernelChecks } from "../../support/fastKernel.js";
import { BASE_INPUT, TEST_PARAMETERS, testRules } from "./fixtures.js";

type Input = { readonly [field: string]: unknown };
type Detail = {
  municipalRaw?: string;
  municipalStandard?: string;
  capApplied?: boolean;
  meetsMunicipalStandard?: boolean;
  small?: { tax: string; employees: string; land: string; sum: string; capApplied: boolean; amount: string };
  deadline: { due: string; basis: string };
};

const exit = (overrides: Input = {}): Input => ({ ...BASE_INPUT, ...overrides });

const checks = kernelChecks(enterpriseExit, "exitCompletedOn", testRules);
const { declined } = checks;

/** The exit is taken (test/support/fastKernel.ts), with the track and detail the examples read. */
const taken = (input: Input, ruleSet = testRules) =>
  checks.taken(input, ruleSet) as ReturnType<typeof checks.taken> & { track: string; detail: Detail };

const rules = (parameters: { readonly [name: string]: unknown }, rounding?: "half-up" | "half-even" | "down") =>
  ruleSetWith(
    { ...TEST_PARAMETERS, ...parameters } as Parameters<typeof ruleSetWith>[0],
    rounding === undefined ? {} : { rounding: { scale: 2, mode: rounding } },
  );

describe("enterprise-exit fast kernel: the municipal band", () => {
  it("at the floor meets the standard; a fen below does not", () => {
    const at = taken(exit({ energySavedTce: "5000" }));
    expect(at.track).toBe("municipal");
    expect(at.amounts.municipal).toBe("500000.00");
    const below = taken(exit({ energySavedTce: "4999.9999" }));
    expect(below.detail.meetsMunicipalStandard).toBe(false);
    expect(below.track).toBe("district-small");
  });

  it("at the cap is not capped; above it is, and pays the cap", () => {
    expect(taken(exit({ energySavedTce: "30000" })).detail.capApplied).toBe(false);
    const above = taken(exit({ energySavedTce: "40000.5" }));
    expect(above.detail).toMatchObject({ capApplied: true, municipalRaw: "4000050", municipalStandard: "3000000" });
    expect(above.amounts.municipal).toBe("3000000.00");
  });

  it("pollutants add to the energy term, every pollutant at its own rate", () => {
    const ruleSet = rules({
      "reward.municipal.ratePerTonne": {
        so2: "1000",
        nox: "2000",
        cod: "3000",
        ammoniaNitrogen: "4000",
        vocs: "5000",
        particulates: "6000",
      },
    });
    const outcome = taken(
      exit({
        energySavedTce: "1000",
        pollutantsReducedTonnes: {
          so2: "1",
          nox: "1",
          cod: "1",
          ammoniaNitrogen: "1",
          vocs: "1",
          particulates: "64.5",
        },
      }),
      ruleSet,
    );
    // 100,000 + 1,000 + 2,000 + 3,000 + 4,000 + 5,000 + 387,000 = 502,000
    expect(outcome.detail.municipalRaw).toBe("502000");
    expect(outcome.track).toBe("municipal");
  });

  it("an assessed amount replaces the formula, rounded as the rule set says", () => {
    const outcome = taken(exit({ energySavedTce: "1", municipalAssessedAmount: "800000.005" }));
    expect(outcome.amounts.municipal).toBe("800000.01");
    expect(taken(exit({ municipalAssessedAmount: "800000.005" }), rules({}, "down")).amounts.municipal).toBe(
      "800000.00",
    );
    expect(taken(exit({ municipalAssessedAmount: "800000.005" }), rules({}, "half-even")).amounts.municipal).toBe(
      "800000.00",
    );
  });

  it("a pending application is paid as an estimate", () => {
    const outcome = taken(exit({ energySavedTce: "6000", municipalOutcome: "pending" }));
    expect(outcome.track).toBe("municipal");
    expect(outcome.estimate).toBe(true);
  });
});

describe("enterprise-exit fast kernel: the district supplement", () => {
  it("70 % of the rounded municipal standard, itself rounded", () => {
    // raw 700,000.01 → 0.7 × 700,000.01 = 490,000.007
    const input = exit({ scale: "below", energySavedTce: "7000.0001" });
    expect(taken(input).amounts.district).toBe("490000.01");
    expect(taken(input, rules({}, "down")).amounts.district).toBe("490000.00");
    const granted = taken(exit({ energySavedTce: "7000", municipalOutcome: "not-granted" }));
    expect(granted.track).toBe("district-supplement");
    expect(granted.amounts).toMatchObject({ municipal: "0.00", district: "490000.00" });
  });

  it("a pending municipal application off the municipal track is no estimate", () => {
    const outcome = taken(exit({ scale: "below", energySavedTce: "7000", municipalOutcome: "pending" }));
    expect(outcome.track).toBe("district-supplement");
    expect(outcome.estimate).toBe(false);
  });

  it("not recommended: the small-enterprise reward instead", () => {
    const outcome = taken(exit({ scale: "below", energySavedTce: "7000", recommendedByDistrict: false }));
    expect(outcome.track).toBe("district-small");
  });
});

describe("enterprise-exit fast kernel: the small-enterprise reward", () => {
  const small = { scale: "below", recommendedByDistrict: false };

  it("three components, each rounded, and their sum", () => {
    const outcome = taken(
      exit({ ...small, employees: 10, landAreaM2: "123.455", priorYearTax: { vat: "1000.005", other: "0.001" } }),
    );
    expect(outcome.detail.small).toMatchObject({
      tax: "1000.01",
      employees: "10000.00",
      land: "1234.55",
      sum: "12234.56",
      capApplied: false,
      amount: "12234.56",
    });
  });

  it("at the cap is not capped; above it pays the cap of its exit mode", () => {
    const at = taken(exit({ ...small, exitMode: "process", employees: 150 }));
    expect(at.detail.small).toMatchObject({ sum: "150000.00", capApplied: false, amount: "150000.00" });
    const above = taken(exit({ ...small, exitMode: "process", employees: 150, landAreaM2: "0.001" }));
    expect(above.detail.small).toMatchObject({ sum: "150000.01", capApplied: true, amount: "150000.00" });
    const over = taken(exit({ ...small, exitMode: "process", employees: 151 }));
    expect(over.detail.small).toMatchObject({ capApplied: true, amount: "150000.00" });
    expect(taken(exit({ ...small, employees: 601 })).amounts.district).toBe("600000.00");
  });

  it("a cap with more decimals than the rounding scale is rounded when it pays", () => {
    const ruleSet = rules({ "reward.small.cap": { whole: "600000", process: "100.005" } });
    const outcome = taken(exit({ ...small, exitMode: "process", employees: 1 }), ruleSet);
    expect(outcome.amounts.district).toBe("100.01");
  });

  it("marginal brackets: each slice at its rate, at and past a threshold", () => {
    const ruleSet = rules({
      "reward.small.taxScale": {
        type: "marginal-rate",
        brackets: [
          { threshold: "0", rate: "1" },
          { threshold: "1000", rate: "0.5" },
          { threshold: "2000", rate: "0" },
        ],
      },
    });
    const at = (vat: string) => taken(exit({ ...small, priorYearTax: { vat } }), ruleSet).detail.small?.tax;
    expect(at("1000")).toBe("1000.00");
    expect(at("1500")).toBe("1250.00");
    expect(at("2000")).toBe("1500.00");
    expect(at("9000")).toBe("1500.00");
  });

  it("single-amount brackets: the amount of the bracket the value reaches", () => {
    const ruleSet = rules({
      "reward.small.employeeScale": {
        type: "single-amount",
        brackets: [
          { threshold: "0", amount: "0" },
          { threshold: "10", amount: "5000" },
          { threshold: "50", amount: "20000" },
        ],
      },
    });
    const at = (employees: number) => taken(exit({ ...small, employees }), ruleSet).detail.small?.employees;
    expect(at(9)).toBe("0.00");
    expect(at(10)).toBe("5000.00");
    expect(at(49)).toBe("5000.00");
    expect(at(50)).toBe("20000.00");
  });

  it("single-rate brackets: the value at the rate of the bracket it reaches; nothing below the first", () => {
    const ruleSet = rules({
      "reward.small.landScale": {
        type: "single-rate",
        brackets: [
          { threshold: "100", rate: "10" },
          { threshold: "1000", rate: "20" },
        ],
      },
    });
    const at = (landAreaM2: string) => taken(exit({ ...small, landAreaM2 }), ruleSet).detail.small?.land;
    expect(at("99.99")).toBe("0.00");
    expect(at("100")).toBe("1000.00");
    expect(at("1000")).toBe("20000.00");
    expect(at("1000.005")).toBe("20000.10");
  });
});

describe("enterprise-exit fast kernel: blocked exits and deadlines", () => {
  it.each([
    ["unlicensed", { licensed: false }],
    [
      "equipment not removed",
      { acceptance: { equipmentRemoved: false, licenceChangedOrCancelled: true, staffResettled: true } },
    ],
    [
      "licence not changed",
      { acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: false, staffResettled: true } },
    ],
    [
      "staff not resettled",
      { acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: false } },
    ],
    ["exempt, decision pending", { exemptCategory: "listed" }],
    ["exempt, decision pending (said)", { exemptCategory: "listed", leadingGroupDecision: "pending" }],
    ["exempt, retained", { exemptCategory: "high-tech", leadingGroupDecision: "retain" }],
    ["a catalogue industry exiting by process", { catalogueIndustry: "casting", exitMode: "process" }],
  ])("%s: track none, nothing paid", (_name, overrides) => {
    const outcome = taken(exit({ energySavedTce: "6000", ...overrides }));
    expect(outcome.track).toBe("none");
    expect(outcome.eligible).toBe(false);
    expect(outcome.amounts.total).toBe("0.00");
  });

  it("exempt but told to exit, and a catalogue industry exiting whole, are paid", () => {
    expect(taken(exit({ energySavedTce: "6000", exemptCategory: "listed", leadingGroupDecision: "exit" })).track).toBe(
      "municipal",
    );
    expect(taken(exit({ energySavedTce: "6000", catalogueIndustry: "casting" })).track).toBe("municipal");
  });

  it("the deadline by region and catalogue, late or on time", () => {
    expect(taken(exit({ region: "north" })).detail.deadline).toEqual({ due: "2016-12-31", basis: "north" });
    expect(taken(exit({})).detail.deadline).toEqual({ due: "2017-12-31", basis: "south" });
    expect(taken(exit({ region: "south", catalogueIndustry: "forging" })).detail.deadline).toEqual({
      due: "2016-12-31",
      basis: "catalogue",
    });
    const codes = (date: string) =>
      taken(exit({ region: "north", exitCompletedOn: date })).findings.map((finding) => finding.code);
    expect(codes("2017-01-01")).toContain("after-deadline");
    expect(codes("2016-12-31")).not.toContain("after-deadline");
  });

  it("JSON numbers for figures, as the schema takes them", () => {
    expect(taken(exit({ energySavedTce: 6000, landAreaM2: 12.5 })).amounts.municipal).toBe("600000.00");
  });
});

describe("enterprise-exit fast kernel: exits it hands back", () => {
  const without = (field: string) => Object.fromEntries(Object.entries(BASE_INPUT).filter(([key]) => key !== field));
  it.each([
    ["not an object", "E-1"],
    ["an extra key", exit({ remark: "x" })],
    ["a missing key", without("landAreaM2")],
    ["another kind", exit({ kind: "structure-clearance" })],
    ["a numeric id", exit({ id: 1 })],
    ["a name that is not text", exit({ name: null })],
    ["an unknown exit mode", exit({ exitMode: "partial" })],
    ["an unknown scale", exit({ scale: "medium" })],
    ["an impossible date", exit({ exitCompletedOn: "2016-02-30" })],
    ["a date no parameter is in force on", exit({ exitCompletedOn: "1990-01-01" })],
    ["licensed as text", exit({ licensed: "true" })],
    ["recommended as a number", exit({ recommendedByDistrict: 1 })],
    ["an unknown municipal outcome", exit({ municipalOutcome: "maybe" })],
    ["a negative head count", exit({ employees: -1 })],
    ["a fractional head count", exit({ employees: 1.5 })],
    ["acceptance with an extra key", exit({ acceptance: { ...BASE_INPUT.acceptance, signed: true } })],
    ["acceptance not an object", exit({ acceptance: true })],
    ["acceptance with text", exit({ acceptance: { ...BASE_INPUT.acceptance, staffResettled: "yes" } })],
    ["a negative energy figure", exit({ energySavedTce: "-1" })],
    ["an energy figure that is not a decimal", exit({ energySavedTce: "1e3" })],
    ["a land area that is not a decimal", exit({ landAreaM2: "" })],
    ["an unknown pollutant", exit({ pollutantsReducedTonnes: { co2: "1" } })],
    ["a negative pollutant", exit({ pollutantsReducedTonnes: { so2: "-1" } })],
    ["pollutants not an object", exit({ pollutantsReducedTonnes: "1" })],
    ["an unknown tax type", exit({ priorYearTax: { stamp: "1" } })],
    ["a negative tax", exit({ priorYearTax: { vat: "-1" } })],
    ["a negative assessed amount", exit({ municipalAssessedAmount: "-1" })],
    ["an unknown region", exit({ region: "east" })],
    ["an unknown catalogue industry", exit({ catalogueIndustry: "mining" })],
    ["an unknown exempt category", exit({ exemptCategory: "state-owned" })],
    ["a decision without an exempt category", exit({ leadingGroupDecision: "exit" })],
    ["an unknown decision", exit({ exemptCategory: "listed", leadingGroupDecision: "later" })],
  ])("%s", (_name, input) => declined(input));

  it("a figure past 2^53 (decimal.js computes it)", () => {
    const input = exit({ energySavedTce: "900719925474099.3" });
    declined(input);
    expect(checks.reference(input).errors).toEqual([]);
  });

  it("a floor above the cap: the reference path reports the rule set", () => {
    declined(exit({ energySavedTce: "6000" }), rules({ "reward.municipal.min": "4000000" }));
  });
});
