import { describe, expect, it } from "vitest";
import { RuleSetError } from "../../../src/errors/index.js";
import type { EnterpriseRewardDetail } from "../../../src/rules/enterprise-reward/enterpriseReward.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { dec } from "../../../src/money/decimal.js";
import { municipalStandard } from "../../../src/rules/enterprise-reward/municipal.js";
import { contextOn } from "../../support/outcomes.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { TEST_PARAMETERS, exitFacts, testRules } from "./fixtures.js";
import { codesFor, decisiveCodes, paramNames } from "./helpers.js";

const detailOf = (outcome: { detail?: unknown }) => outcome.detail as EnterpriseRewardDetail;

describe("the municipal band: at the floor meets, a fen below does not; at the cap and above → the cap", () => {
  it.each([
    {
      name: "assessed 500,000.00 = floor → meets, municipal 500,000.00",
      assessed: "500000",
      meets: true,
      track: "municipal",
      municipal: "500000.00",
      capApplied: false,
    },
    {
      name: "assessed 499,999.99 = floor − 0.01 → below the standard, not municipal",
      assessed: "499999.99",
      meets: false,
      track: "district-small",
      municipal: "0.00",
      capApplied: false,
    },
    {
      name: "assessed 500,000.01 = floor + 0.01 → meets, 500,000.01",
      assessed: "500000.01",
      meets: true,
      track: "municipal",
      municipal: "500000.01",
      capApplied: false,
    },
    {
      name: "assessed 2,999,999.99 = cap − 0.01 → 2,999,999.99, not capped",
      assessed: "2999999.99",
      meets: true,
      track: "municipal",
      municipal: "2999999.99",
      capApplied: false,
    },
    {
      name: "assessed 3,000,000.00 = cap → 3,000,000.00, not capped (raw is not above the cap)",
      assessed: "3000000",
      meets: true,
      track: "municipal",
      municipal: "3000000.00",
      capApplied: false,
    },
    {
      name: "assessed 3,000,000.01 = cap + 0.01 → capped at 3,000,000.00",
      assessed: "3000000.01",
      meets: true,
      track: "municipal",
      municipal: "3000000.00",
      capApplied: true,
    },
    {
      name: "assessed 8,000,000 → capped at 3,000,000.00",
      assessed: "8000000",
      meets: true,
      track: "municipal",
      municipal: "3000000.00",
      capApplied: true,
    },
  ])("$name", ({ assessed, meets, track, municipal, capApplied }) => {
    const outcome = enterpriseReward(
      exitFacts({ municipalAssessedAmount: assessed, recommendedByDistrict: false }),
      testRules,
    );
    expect(outcome.track).toBe(track);
    expect(outcome.amounts.municipal).toBe(municipal);
    expect(detailOf(outcome).meetsMunicipalStandard).toBe(meets);
    expect(detailOf(outcome).capApplied).toBe(capApplied);
    expect(detailOf(outcome).band).toEqual({ min: "500000", max: "3000000" });
    expect(codesFor(outcome, "municipal")).toContain(meets ? "meets-municipal-standard" : "below-municipal-standard");
  });
});

describe("raw from energy and pollutants (100 元/tce, 1,000 元/t)", () => {
  it.each([
    {
      name: "5,000 tce × 100 = 500,000 → at the floor, municipal 500,000.00",
      facts: { energySavedTce: "5000" },
      raw: "500000",
      municipal: "500000.00",
    },
    {
      name: "4,999.9999 tce × 100 = 499,999.99 → below the floor, no municipal reward",
      facts: { energySavedTce: "4999.9999" },
      raw: "499999.99",
      municipal: "0.00",
    },
    {
      name: "4,000 tce × 100 + SO₂ 50 t × 1,000 + NOx 50 t × 1,000 = 500,000 → meets",
      facts: { energySavedTce: "4000", pollutantsReducedTonnes: { so2: "50", nox: "50" } },
      raw: "500000",
      municipal: "500000.00",
    },
    {
      name: "six pollutants × 100 t × 1,000 = 600,000 with no energy saved → 600,000.00",
      facts: {
        pollutantsReducedTonnes: {
          so2: "100",
          nox: "100",
          cod: "100",
          ammoniaNitrogen: "100",
          vocs: "100",
          particulates: "100",
        },
      },
      raw: "600000",
      municipal: "600000.00",
    },
    {
      name: "30,000.01 tce × 100 = 3,000,001 → capped at 3,000,000.00",
      facts: { energySavedTce: "30000.01" },
      raw: "3000001",
      municipal: "3000000.00",
    },
    {
      name: "5,000.12345 tce × 100 = 500,012.345 → 500,012.35 (half-up at the fen)",
      facts: { energySavedTce: "5000.12345" },
      raw: "500012.345",
      municipal: "500012.35",
    },
    {
      name: "5,000.12344 tce × 100 = 500,012.344 → 500,012.34",
      facts: { energySavedTce: "5000.12344" },
      raw: "500012.344",
      municipal: "500012.34",
    },
  ])("$name", ({ facts, raw, municipal }) => {
    const outcome = enterpriseReward(exitFacts({ ...facts, recommendedByDistrict: false }), testRules);
    expect(detailOf(outcome).municipalRaw).toBe(raw);
    expect(outcome.amounts.municipal).toBe(municipal);
  });

  it("an assessed amount replaces the formula: 100,000 tce would give 10,000,000 but the assessed 800,000 is used, and no rate is read", () => {
    const outcome = enterpriseReward(
      exitFacts({ energySavedTce: "100000", municipalAssessedAmount: "800000" }),
      testRules,
    );
    expect(outcome.amounts.municipal).toBe("800000.00");
    expect(outcome.trace[0]).toMatchObject({
      rule: "reward.municipal.raw",
      params: [],
      inputs: { municipalAssessedAmount: "800000" },
      value: "800000",
    });
    expect(paramNames(outcome)).not.toContain("reward.municipal.ratePerTce");
  });

  it("the formula's step records the energy rate and all six pollutant rates it multiplied", () => {
    const outcome = enterpriseReward(exitFacts({ energySavedTce: "6000" }), testRules);
    expect(outcome.trace[0]?.params.map((p) => p.name)).toEqual([
      "reward.municipal.ratePerTce",
      "reward.municipal.ratePerTonne.so2",
      "reward.municipal.ratePerTonne.nox",
      "reward.municipal.ratePerTonne.cod",
      "reward.municipal.ratePerTonne.ammoniaNitrogen",
      "reward.municipal.ratePerTonne.vocs",
      "reward.municipal.ratePerTonne.particulates",
    ]);
  });

  it("rates are those in force on exitCompletedOn: 6,000 tce × 100 before 2017-01-01, × 120 from it", () => {
    const dated = ruleSetWith({
      ...TEST_PARAMETERS,
      "reward.municipal.ratePerTce": {
        values: [
          { from: "2000-01-01", value: "100" },
          { from: "2017-01-01", value: "120" },
        ],
      },
    });
    expect(
      enterpriseReward(exitFacts({ energySavedTce: "6000", exitCompletedOn: "2016-12-31" }), dated).amounts.municipal,
    ).toBe("600000.00");
    expect(
      enterpriseReward(exitFacts({ energySavedTce: "6000", exitCompletedOn: "2017-01-01" }), dated).amounts.municipal,
    ).toBe("720000.00");
  });

  it("a rule set whose floor is above its cap is a rule-set error, not a silent amount", () => {
    const broken = ruleSetWith({ ...TEST_PARAMETERS, "reward.municipal.min": "4000000" });
    const facts = exitFacts({ energySavedTce: "6000" });
    const ctx = contextOn(broken, facts.exitCompletedOn);
    expect(() => municipalStandard({ ...facts, raw: dec("600000") }, ctx)).toThrow(RuleSetError);
    let refusal: unknown;
    try {
      municipalStandard({ ...facts, raw: dec("600000") }, ctx);
    } catch (error) {
      refusal = error;
    }
    const message = "reward.municipal.min (4000000) is above reward.municipal.max (3000000) on 2016-10-01";
    expect(refusal).toMatchObject({
      message,
      issues: [
        { path: 'parameters["reward.municipal.min"]', code: "floor-above-cap", message, zh: "市级奖励下限高于上限" },
      ],
    });
  });

  it("a floor equal to the cap is a band of one amount: 600,000 is cut to 500,000 and meets it", () => {
    const narrow = ruleSetWith({ ...TEST_PARAMETERS, "reward.municipal.max": "500000" });
    const outcome = enterpriseReward(exitFacts({ energySavedTce: "6000" }), narrow);
    expect(outcome.amounts.municipal).toBe("500000.00");
    expect(detailOf(outcome)).toMatchObject({ meetsMunicipalStandard: true, capApplied: true });
  });
});

describe("the municipal track: above scale, meets the standard, granted or pending", () => {
  it.each([
    {
      name: "above scale, 600,000, granted → municipal 600,000.00, not an estimate",
      facts: { municipalOutcome: "granted" },
      track: "municipal",
      municipal: "600000.00",
      estimate: false,
      decisive: ["above-scale", "meets-municipal-standard", "municipal-granted"],
    },
    {
      name: "above scale, 600,000, pending → municipal 600,000.00 as an estimate",
      facts: { municipalOutcome: "pending" },
      track: "municipal",
      municipal: "600000.00",
      estimate: true,
      decisive: ["above-scale", "meets-municipal-standard", "municipal-pending"],
    },
    {
      name: "above scale, 600,000, not granted, recommended → district supplement 420,000.00",
      facts: { municipalOutcome: "not-granted" },
      track: "district-supplement",
      municipal: "0.00",
      estimate: false,
      decisive: ["meets-municipal-standard", "recommended-by-district"],
    },
    {
      name: "above scale, 600,000, not applied, recommended → district supplement 420,000.00",
      facts: { municipalOutcome: "not-applied" },
      track: "district-supplement",
      municipal: "0.00",
      estimate: false,
      decisive: ["meets-municipal-standard", "recommended-by-district"],
    },
    {
      name: "below scale, 600,000, pending, recommended → supplement 420,000.00, no estimate",
      facts: { scale: "below", municipalOutcome: "pending" },
      track: "district-supplement",
      municipal: "0.00",
      estimate: false,
      decisive: ["meets-municipal-standard", "recommended-by-district"],
    },
  ])("$name", ({ facts, track, municipal, estimate, decisive }) => {
    const outcome = enterpriseReward(exitFacts({ energySavedTce: "6000", ...facts }), testRules);
    expect(outcome.track).toBe(track);
    expect(outcome.amounts.municipal).toBe(municipal);
    expect(outcome.estimate).toBe(estimate);
    expect(decisiveCodes(outcome)).toEqual(decisive);
  });

  it.each([
    {
      name: "below scale, below standard, not granted → every failing municipal condition listed",
      facts: { scale: "below", energySavedTce: "100", municipalOutcome: "not-granted" },
      codes: ["below-scale", "below-municipal-standard", "municipal-not-granted"],
    },
    {
      name: "above scale, standard met, not applied → municipal-not-applied",
      facts: { energySavedTce: "6000", municipalOutcome: "not-applied" },
      codes: ["municipal-not-applied"],
    },
    {
      name: "below scale, standard met, granted → below-scale only (the grant is a finding)",
      facts: { scale: "below", energySavedTce: "6000", municipalOutcome: "granted" },
      codes: ["below-scale"],
    },
  ])("$name", ({ facts, codes }) => {
    const outcome = enterpriseReward(exitFacts(facts), testRules);
    expect(outcome.track).not.toBe("municipal");
    expect(codesFor(outcome, "municipal")).toEqual(codes);
  });
});
