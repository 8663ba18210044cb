import { describe, expect, it } from "vitest";
import type { EnterpriseRewardDetail } from "../../../src/rules/enterprise-reward/enterpriseReward.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { exitFacts, testRules } from "./fixtures.js";
import { codesFor, decisiveCodes, ruleNames } from "./helpers.js";

// Small firms: below scale, below the municipal standard (nothing saved), not recommended.
const smallFirm = { scale: "below", municipalOutcome: "not-applied", recommendedByDistrict: false };

describe("min(cap for the exit mode, tax + employees + land), each component rounded (1 元/元 tax, 1,000 元/employee, 10 元/m²)", () => {
  it.each([
    {
      name: "whole: 300,000 tax + 100 × 1,000 + 15,000 m² × 10 = 550,000 → 550,000.00 (under the 600,000 cap)",
      facts: {
        exitMode: "whole",
        priorYearTax: { vat: "200000", corporateIncome: "80000", other: "20000" },
        employees: 100,
        landAreaM2: "15000",
      },
      small: {
        tax: "300000.00",
        employees: "100000.00",
        land: "150000.00",
        sum: "550000.00",
        cap: "600000",
        capApplied: false,
        amount: "550000.00",
      },
    },
    {
      name: "whole: 500,000 + 100,000 + 150,000 = 750,000 → capped at 600,000.00",
      facts: { exitMode: "whole", priorYearTax: { vat: "500000" }, employees: 100, landAreaM2: "15000" },
      small: {
        tax: "500000.00",
        employees: "100000.00",
        land: "150000.00",
        sum: "750000.00",
        cap: "600000",
        capApplied: true,
        amount: "600000.00",
      },
    },
    {
      name: "whole: 350,000 + 100,000 + 150,000 = 600,000 → exactly the cap, 600,000.00, cap not applied",
      facts: { exitMode: "whole", priorYearTax: { vat: "350000" }, employees: 100, landAreaM2: "15000" },
      small: {
        tax: "350000.00",
        employees: "100000.00",
        land: "150000.00",
        sum: "600000.00",
        cap: "600000",
        capApplied: false,
        amount: "600000.00",
      },
    },
    {
      name: "process: 100,000 + 50 × 1,000 + 5,000 m² × 10 = 200,000 → capped at 150,000.00",
      facts: { exitMode: "process", priorYearTax: { corporateIncome: "100000" }, employees: 50, landAreaM2: "5000" },
      small: {
        tax: "100000.00",
        employees: "50000.00",
        land: "50000.00",
        sum: "200000.00",
        cap: "150000",
        capApplied: true,
        amount: "150000.00",
      },
    },
    {
      name: "process: 60,000 + 30 × 1,000 + 3,000 m² × 10 = 120,000 → 120,000.00 (under the 150,000 cap)",
      facts: { exitMode: "process", priorYearTax: { other: "60000" }, employees: 30, landAreaM2: "3000" },
      small: {
        tax: "60000.00",
        employees: "30000.00",
        land: "30000.00",
        sum: "120000.00",
        cap: "150000",
        capApplied: false,
        amount: "120000.00",
      },
    },
    {
      name: "components rounded before summing: tax 0.005 → 0.01, land 0.0005 m² × 10 = 0.005 → 0.01, sum 0.02 (not round(0.01) = 0.01)",
      facts: { exitMode: "whole", priorYearTax: { vat: "0.005" }, employees: 0, landAreaM2: "0.0005" },
      small: {
        tax: "0.01",
        employees: "0.00",
        land: "0.01",
        sum: "0.02",
        cap: "600000",
        capApplied: false,
        amount: "0.02",
      },
    },
    {
      name: "tax is vat + income + other: 123,456.78 + 10,000.10 + 0.12 = 133,457.00 → 133,457.00",
      facts: {
        exitMode: "whole",
        priorYearTax: { vat: "123456.78", corporateIncome: "10000.10", other: "0.12" },
        employees: 0,
        landAreaM2: "0",
      },
      small: {
        tax: "133457.00",
        employees: "0.00",
        land: "0.00",
        sum: "133457.00",
        cap: "600000",
        capApplied: false,
        amount: "133457.00",
      },
    },
    {
      name: "nothing paid, nobody employed, no land → 0.00 on the small track",
      facts: { exitMode: "whole", employees: 0, landAreaM2: "0" },
      small: {
        tax: "0.00",
        employees: "0.00",
        land: "0.00",
        sum: "0.00",
        cap: "600000",
        capApplied: false,
        amount: "0.00",
      },
    },
  ])("$name", ({ facts, small }) => {
    const outcome = enterpriseReward(exitFacts({ ...smallFirm, ...facts }), testRules);
    expect(outcome.track).toBe("district-small");
    expect(outcome.eligible).toBe(true);
    expect((outcome.detail as EnterpriseRewardDetail).small).toEqual(small);
    expect(outcome.amounts).toEqual({ municipal: "0.00", district: small.amount, total: small.amount });
    expect(decisiveCodes(outcome)).toEqual(
      small.capApplied ? ["small-enterprise-reward", "small-cap-applied"] : ["small-enterprise-reward"],
    );
  });
});

describe("the small track's reasons and trace", () => {
  it("below scale, below standard, not recommended → every other track's failing conditions are listed", () => {
    const outcome = enterpriseReward(exitFacts(smallFirm), testRules);
    expect(codesFor(outcome, "municipal")).toEqual([
      "below-scale",
      "below-municipal-standard",
      "municipal-not-applied",
    ]);
    expect(codesFor(outcome, "district-supplement")).toEqual(["below-municipal-standard", "not-recommended"]);
    expect(codesFor(outcome, "none")).toEqual(["licensed", "exit-accepted"]);
  });

  it("records one step per component, then the amount with the cap for the exit mode", () => {
    const outcome = enterpriseReward(exitFacts({ ...smallFirm, exitMode: "process" }), testRules);
    expect(ruleNames(outcome)).toEqual([
      "reward.municipal.raw",
      "reward.municipal.standardAmount",
      "reward.municipal.meetsStandard",
      "reward.track",
      "reward.small.taxComponent",
      "reward.small.employeeComponent",
      "reward.small.landComponent",
      "reward.small.amount",
      "plan.exitDeadline",
    ]);
    const amountStep = outcome.trace.find((s) => s.rule === "reward.small.amount");
    expect(amountStep?.params.map((p) => p.name)).toEqual(["reward.small.cap.process"]);
  });
});
