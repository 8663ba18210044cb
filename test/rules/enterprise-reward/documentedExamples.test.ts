import { describe, expect, it } from "vitest";
import { toChineseCapital } from "../../../src/money/capital.js";
import {
  enterpriseReward,
  type EnterpriseRewardDetail,
} from "../../../src/rules/enterprise-reward/enterpriseReward.js";
import { ruleSets } from "../../../src/rule-sets/index.js";
import { exitFacts } from "./fixtures.js";

// The three worked examples of docs/enterprise-rewards.md §6, with the bundled tongzhou-2016 values.
const bundled = ruleSets["tongzhou-2016"];

describe("docs/enterprise-rewards.md §6 worked examples (bundled tongzhou-2016)", () => {
  it.each([
    {
      name: "Example 1: 1,850.25 × 360 + 12.5 × 10,000 + 8.25 × 10,000 + 4.6 × 10,000 = 919,590 → municipal ¥919,590.00 玖拾壹万玖仟伍佰玖拾元整",
      facts: {
        exitMode: "whole",
        scale: "above",
        region: "north",
        exitCompletedOn: "2016-11-15",
        municipalOutcome: "granted",
        recommendedByDistrict: true,
        energySavedTce: "1850.25",
        pollutantsReducedTonnes: { so2: "12.5", nox: "8.25", particulates: "4.6" },
        employees: 180,
        landAreaM2: "26000",
      },
      track: "municipal",
      amounts: { municipal: "919590.00", district: "0.00", total: "919590.00" },
      detail: {
        municipalRaw: "919590",
        municipalRounded: "919590.00",
        meetsMunicipalStandard: true,
        deadline: { due: "2016-12-31", basis: "north" },
      },
      capital: "人民币玖拾壹万玖仟伍佰玖拾元整",
    },
    {
      name: "Example 2: 1,234.567 × 360 + 6.3 × 10,000 + 2.05 × 10,000 = 527,944.12; 0.7 × 527,944.12 = 369,560.884 → district ¥369,560.88 叁拾陆万玖仟伍佰陆拾元捌角捌分",
      facts: {
        exitMode: "whole",
        scale: "above",
        region: "south",
        exitCompletedOn: "2017-06-30",
        municipalOutcome: "not-granted",
        recommendedByDistrict: true,
        energySavedTce: "1234.567",
        pollutantsReducedTonnes: { cod: "6.3", vocs: "2.05" },
        employees: 95,
        landAreaM2: "12000",
      },
      track: "district-supplement",
      amounts: { municipal: "0.00", district: "369560.88", total: "369560.88" },
      detail: {
        municipalRaw: "527944.12",
        municipalRounded: "527944.12",
        meetsMunicipalStandard: true,
        deadline: { due: "2017-12-31", basis: "south" },
      },
      capital: "人民币叁拾陆万玖仟伍佰陆拾元捌角捌分",
    },
    {
      name: "Example 3: 300 × 360 = 108,000 < 500,000; 300,000 + 150,000 + 150,000 = 600,000 = whole cap → district ¥600,000.00 陆拾万元整",
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
        municipalRaw: "108000",
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
