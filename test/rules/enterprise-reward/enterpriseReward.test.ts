import { describe, expect, it } from "vitest";
import { compute } from "../../../src/batch/compute.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { enterpriseExit } from "../../../src/rules/enterprise-reward/index.js";
import { ruleSets } from "../../../src/rule-sets/index.js";
import { BASE_INPUT, exitFacts, testRules } from "./fixtures.js";
import { codesFor, decisiveCodes, paramNames } from "./helpers.js";

const bundled = ruleSets["tongzhou-2016"];

describe("one row per track (test numbers: 100 元/tce, band 500,000–3,000,000, 70 %, caps 600,000 / 150,000)", () => {
  it.each([
    {
      name: "municipal: above scale, 8,000 tce × 100 = 800,000, granted → city pays 800,000.00",
      facts: { energySavedTce: "8000" },
      track: "municipal",
      amounts: { municipal: "800000.00", district: "0.00", total: "800000.00" },
      decisive: ["above-scale", "meets-municipal-standard", "municipal-granted"],
    },
    {
      name: "district-supplement: 8,000 tce × 100 = 800,000, not granted, recommended → district pays 0.7 × 800,000 = 560,000.00",
      facts: { energySavedTce: "8000", municipalOutcome: "not-granted" },
      track: "district-supplement",
      amounts: { municipal: "0.00", district: "560000.00", total: "560000.00" },
      decisive: ["meets-municipal-standard", "recommended-by-district"],
    },
    {
      name: "district-small: 1,000 tce × 100 = 100,000 < 500,000; 80,000 tax + 20 × 1,000 + 2,000 m² × 10 = 120,000 → district pays 120,000.00",
      facts: { energySavedTce: "1000", priorYearTax: { vat: "80000" }, employees: 20, landAreaM2: "2000" },
      track: "district-small",
      amounts: { municipal: "0.00", district: "120000.00", total: "120000.00" },
      decisive: ["small-enterprise-reward"],
    },
    {
      name: "none: staff not resettled → nothing paid",
      facts: {
        energySavedTce: "8000",
        acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: false },
      },
      track: "none",
      amounts: { municipal: "0.00", district: "0.00", total: "0.00" },
      decisive: ["acceptance-staff-not-resettled"],
    },
  ])("$name", ({ facts, track, amounts, decisive }) => {
    const outcome = enterpriseReward(exitFacts(facts), testRules);
    expect(outcome).toMatchObject({
      id: "E-1",
      kind: "enterprise-exit",
      township: "台湖镇",
      ruleSet: { id: "test", version: "t" },
      track,
      eligible: track !== "none",
      payee: { type: "enterprise", id: "E-1" },
      amounts,
    });
    expect(decisiveCodes(outcome)).toEqual(decisive);
    expect(outcome.reasons.filter((r) => r.decisive === true).every((r) => r.track === track)).toBe(true);
    for (const r of outcome.reasons) expect(r.clause).not.toBe("");
  });

  it("every reward-track outcome explains why each other track does not apply", () => {
    const municipal = enterpriseReward(exitFacts({ energySavedTce: "8000" }), testRules);
    expect(codesFor(municipal, "none").length).toBeGreaterThan(0);
    expect(codesFor(municipal, "district-supplement").length).toBeGreaterThan(0);
    expect(codesFor(municipal, "district-small").length).toBeGreaterThan(0);
    const small = enterpriseReward(exitFacts({ energySavedTce: "1000" }), testRules);
    expect(codesFor(small, "municipal")).toEqual(["below-municipal-standard"]);
    expect(codesFor(small, "district-supplement")).toEqual(["below-municipal-standard"]);
  });
});

describe("basis: the weakest status of the parameters actually used (bundled tongzhou-2016)", () => {
  it.each([
    {
      name: "energy and pollutants at the illustrative 360 元/tce and 10,000 元/t → illustrative",
      facts: { energySavedTce: "2000" },
      track: "municipal",
      basis: "illustrative",
    },
    {
      name: "only municipalAssessedAmount (no rate read): band reported, deadline official → reported",
      facts: { municipalAssessedAmount: "1200000" },
      track: "municipal",
      basis: "reported",
    },
    {
      name: "assessed amount on the supplement track: + the reported 70 % → reported",
      facts: { municipalAssessedAmount: "1200000", municipalOutcome: "not-granted" },
      track: "district-supplement",
      basis: "reported",
    },
    {
      name: "assessed amount below the floor → small track with illustrative scales → illustrative",
      facts: { municipalAssessedAmount: "100000" },
      track: "district-small",
      basis: "illustrative",
    },
    {
      name: "blocked: only the official deadline is read → official",
      facts: { licensed: false },
      track: "none",
      basis: "official",
    },
  ])("$name", ({ facts, track, basis }) => {
    const outcome = enterpriseReward(exitFacts(facts), bundled);
    expect(outcome.track).toBe(track);
    expect(outcome.basis).toBe(basis);
  });

  it("the assessed-amount municipal case uses exactly min, max and the south deadline", () => {
    const outcome = enterpriseReward(exitFacts({ municipalAssessedAmount: "1200000" }), bundled);
    expect(paramNames(outcome).sort()).toEqual([
      "plan.exitDeadline.south",
      "reward.municipal.max",
      "reward.municipal.min",
    ]);
  });
});

describe("the domain", () => {
  it("is registered for enterprise-exit and computes through the batch API with the bundled rule set", () => {
    expect(enterpriseExit.kind).toBe("enterprise-exit");
    const outcome = compute({ ...BASE_INPUT, municipalAssessedAmount: "1200000" });
    expect(outcome.track).toBe("municipal");
    expect(outcome.amounts).toEqual({ municipal: "1200000.00", district: "0.00", total: "1200000.00" });
  });

  it("an outcome is plain JSON: it survives a JSON round trip unchanged", () => {
    const outcome = enterpriseReward(exitFacts({ energySavedTce: "1000", priorYearTax: { vat: "80000" } }), testRules);
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it("does not mutate its facts", () => {
    const facts = exitFacts({ energySavedTce: "8000", pollutantsReducedTonnes: { so2: "1" } });
    const copy = structuredClone(facts);
    enterpriseReward(facts, testRules);
    expect(facts).toEqual(copy);
  });
});
