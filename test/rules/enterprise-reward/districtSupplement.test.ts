import { describe, expect, it } from "vitest";
import type { EnterpriseRewardDetail } from "../../../src/rules/enterprise-reward/enterpriseReward.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { exitFacts, testRules } from "./fixtures.js";
import { codesFor, decisiveCodes, findingCodes } from "./helpers.js";

// Supplement firms: recommended, standard met, but the city did not grant the reward.
const supplementFirm = { municipalOutcome: "not-granted", recommendedByDistrict: true };

describe("70 % of the rounded municipal standard amount, half-up at the fen", () => {
  it.each([
    {
      name: "round(M) 1,000,000.05 × 0.7 = 700,000.035 → 700,000.04 (half-up)",
      facts: { municipalAssessedAmount: "1000000.05" },
      rounded: "1000000.05",
      district: "700000.04",
    },
    {
      name: "round(M) 1,234,567.89 × 0.7 = 864,197.523 → 864,197.52",
      facts: { municipalAssessedAmount: "1234567.89" },
      rounded: "1234567.89",
      district: "864197.52",
    },
    {
      name: "floor 500,000 × 0.7 = 350,000.00",
      facts: { municipalAssessedAmount: "500000" },
      rounded: "500000.00",
      district: "350000.00",
    },
    {
      name: "3,500,000 capped to 3,000,000 × 0.7 = 2,100,000.00",
      facts: { municipalAssessedAmount: "3500000" },
      rounded: "3000000.00",
      district: "2100000.00",
    },
    {
      name: "M = 10,000.00005 tce × 100 = 1,000,000.005 → round(M) 1,000,000.01 × 0.7 = 700,000.007 → 700,000.01 (not 0.7 × M = 700,000.0035 → 700,000.00)",
      facts: { energySavedTce: "10000.00005" },
      rounded: "1000000.01",
      district: "700000.01",
    },
  ])("$name", ({ facts, rounded, district }) => {
    const outcome = enterpriseReward(exitFacts({ ...supplementFirm, ...facts }), testRules);
    expect(outcome.track).toBe("district-supplement");
    expect((outcome.detail as EnterpriseRewardDetail).municipalRounded).toBe(rounded);
    expect(outcome.amounts).toEqual({ municipal: "0.00", district, total: district });
    const last = outcome.trace.find((s) => s.rule === "reward.districtSupplement");
    expect(last).toMatchObject({ inputs: { roundedStandardAmount: rounded }, value: district });
    expect(last?.params.map((p) => p.name)).toEqual(["reward.district.supplementRate"]);
  });
});

describe("who gets the supplement", () => {
  it("recommended, standard met, not granted → decisive: meets-municipal-standard, recommended-by-district; small ruled out by supplement-track-applies", () => {
    const outcome = enterpriseReward(exitFacts({ ...supplementFirm, energySavedTce: "6000" }), testRules);
    expect(decisiveCodes(outcome)).toEqual(["meets-municipal-standard", "recommended-by-district"]);
    expect(codesFor(outcome, "municipal")).toEqual(["municipal-not-granted"]);
    expect(codesFor(outcome, "district-small")).toEqual(["supplement-track-applies"]);
    expect(outcome.reasons.find((r) => r.code === "supplement-track-applies")?.data).toEqual({ supplementRate: "0.7" });
  });

  it("not recommended, standard met, not granted → small reward; supplement ruled out by not-recommended", () => {
    const outcome = enterpriseReward(
      exitFacts({ energySavedTce: "6000", municipalOutcome: "not-granted", recommendedByDistrict: false }),
      testRules,
    );
    expect(outcome.track).toBe("district-small");
    expect(codesFor(outcome, "district-supplement")).toEqual(["not-recommended"]);
  });

  it("recommended but below the standard (4,000 tce × 100 = 400,000) → small reward; supplement ruled out by below-municipal-standard", () => {
    const outcome = enterpriseReward(exitFacts({ ...supplementFirm, energySavedTce: "4000" }), testRules);
    expect(outcome.track).toBe("district-small");
    expect(codesFor(outcome, "district-supplement")).toEqual(["below-municipal-standard"]);
  });

  it("on the municipal track the supplement and the small reward are both ruled out by municipal-track-applies (plus not-recommended when so)", () => {
    const outcome = enterpriseReward(exitFacts({ energySavedTce: "6000", recommendedByDistrict: false }), testRules);
    expect(outcome.track).toBe("municipal");
    expect(codesFor(outcome, "district-supplement")).toEqual(["municipal-track-applies", "not-recommended"]);
    expect(codesFor(outcome, "district-small")).toEqual(["municipal-track-applies"]);
  });

  it("below scale but reported granted by the city → supplement 420,000.00 and the finding municipal-granted-off-track", () => {
    const outcome = enterpriseReward(
      exitFacts({ scale: "below", energySavedTce: "6000", municipalOutcome: "granted" }),
      testRules,
    );
    expect(outcome.track).toBe("district-supplement");
    expect(outcome.amounts.district).toBe("420000.00");
    expect(findingCodes(outcome)).toEqual(["municipal-granted-off-track"]);
  });
});
