import { describe, expect, it } from "vitest";
import { toChineseCapital } from "../../../src/money/capital.js";
import type { EnterpriseRewardDetail } from "../../../src/rules/enterprise-reward/enterpriseReward.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { ruleSets } from "../../../src/rule-sets/index.js";
import { exitFacts } from "./fixtures.js";

// The three worked examples of docs/enterprise-rewards.md §6, with the bundled tongzhou-2016 values.
const bundled = ruleSets["tongzhou-2016"];

describe("docs/enterprise-rewards.md §6 worked examples (bundled tongzhou-2016)", () => {
  it.each([
    {
      name: "Example 1: 520.25 × 1,200 + 3.5 × 20,000 + 2.25 × 20,000 + 1.6 × 20,000 = 771,300 → municipal ¥771,300.00 柒拾柒万壹仟叁佰元整",
      facts: {
        exitMode: "whole",
        scale: "above",
        region: "north",
        exitCompletedOn: "2016-11-15",
        municipalOutcome: "granted",
        recommendedByDistrict: true,
        energySavedTce: "520.25",
        pollutantsReducedTonnes: { so2: "3.5", nox: "2.25", particulates: "1.6" },
        employees: 180,
        landAreaM2: "26000",
      },
      track: "municipal",
      amounts: { municipal: "771300.00", district: "0.00", total: "771300.00" },
      detail: {
        municipalRaw: "771300",
        municipalRounded: "771300.00",
        meetsMunicipalStandard: true,
        deadline: { due: "2016-12-31", basis: "north" },
      },
      capital: "人民币柒拾柒万壹仟叁佰元整",
    },
    {
      name: "Example 2: 401.3601 × 1,200 + 1.3 × 20,000 + 0.65 × 20,000 = 520,632.12; 0.7 × 520,632.12 = 364,442.484 → district ¥364,442.48 叁拾陆万肆仟肆佰肆拾贰元肆角捌分",
      facts: {
        exitMode: "whole",
        scale: "above",
        region: "south",
        exitCompletedOn: "2017-06-30",
        municipalOutcome: "not-granted",
        recommendedByDistrict: true,
        energySavedTce: "401.3601",
        pollutantsReducedTonnes: { cod: "1.3", vocs: "0.65" },
        employees: 95,
        landAreaM2: "12000",
      },
      track: "district-supplement",
      amounts: { municipal: "0.00", district: "364442.48", total: "364442.48" },
      detail: {
        municipalRaw: "520632.12",
        municipalRounded: "520632.12",
        meetsMunicipalStandard: true,
        deadline: { due: "2017-12-31", basis: "south" },
      },
      capital: "人民币叁拾陆万肆仟肆佰肆拾贰元肆角捌分",
    },
    {
      name: "Example 3: 300 × 1,200 = 360,000 < 500,000; 300,000 + 150,000 + 150,000 = 600,000 = whole cap → district ¥600,000.00 陆拾万元整",
      facts: {
        exitMode: "whole",
        scale: "below",
        region: "south",
        exitCompletedOn: "2017-09-20",
        municipalOutcome: "not-applied",
        recommendedByDistrict: false,
        energySavedTce: "300",
        priorYearTax: { vat: "250000", corporateIncome: "120000", other: "42345.67" },
        employees: 64,
        landAreaM2: "5600.5",
      },
      track: "district-small",
      amounts: { municipal: "0.00", district: "600000.00", total: "600000.00" },
      detail: {
        municipalRaw: "360000",
        meetsMunicipalStandard: false,
        small: {
          tax: "300000.00",
          employees: "150000.00",
          land: "150000.00",
          sum: "600000.00",
          cap: "600000",
          capApplied: false,
          amount: "600000.00",
        },
        deadline: { due: "2017-12-31", basis: "south" },
      },
      capital: "人民币陆拾万元整",
    },
  ])("$name", ({ facts, track, amounts, detail, capital }) => {
    const outcome = enterpriseReward(exitFacts(facts), bundled);
    expect(outcome.track).toBe(track);
    expect(outcome.amounts).toEqual(amounts);
    expect(outcome.detail as EnterpriseRewardDetail).toMatchObject(detail);
    expect(outcome.basis).toBe("illustrative");
    expect(outcome.findings).toEqual([]);
    expect(toChineseCapital(outcome.amounts.total, { prefix: "人民币" })).toBe(capital);
  });

  it("Example 3 on a process exit: min(150,000, 600,000) → ¥150,000.00 壹拾伍万元整 with small-cap-applied", () => {
    const outcome = enterpriseReward(
      exitFacts({
        exitMode: "process",
        scale: "below",
        region: "south",
        exitCompletedOn: "2017-09-20",
        municipalOutcome: "not-applied",
        recommendedByDistrict: false,
        energySavedTce: "300",
        priorYearTax: { vat: "250000", corporateIncome: "120000", other: "42345.67" },
        employees: 64,
        landAreaM2: "5600.5",
      }),
      bundled,
    );
    expect(outcome.amounts.district).toBe("150000.00");
    expect(outcome.reasons.map((r) => r.code)).toContain("small-cap-applied");
    expect(toChineseCapital(outcome.amounts.total)).toBe("壹拾伍万元整");
  });
});
