import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compute, explain, toChineseCapital } from "../../src/index.js";

const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");

describe("README", () => {
  it("gives the two set-up commands: the demo and the tests", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
  });

  it("its library example computes what it says", () => {
    const outcome = compute({
      kind: "enterprise-exit",
      id: "E-1",
      name: "示例厂",
      township: "台湖镇",
      exitMode: "whole",
      scale: "below",
      exitCompletedOn: "2016-10-31",
      licensed: true,
      acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
      municipalOutcome: "not-applied",
      recommendedByDistrict: false,
      energySavedTce: "120",
      priorYearTax: { vat: "150000", corporateIncome: "50000" },
      employees: 30,
      landAreaM2: "3000",
    });
    expect(outcome.track).toBe("district-small");
    expect(outcome.amounts.district).toBe("380000.00");
    expect(outcome.basis).toBe("illustrative");
    expect(toChineseCapital(outcome.amounts.total, { prefix: "人民币" })).toBe("人民币叁拾捌万元整");
    expect(explain(outcome, { lang: "zh" })).toContain("区级小企业综合奖励");
    for (const shown of ['"district-small"', '"380000.00"', "人民币叁拾捌万元整"]) expect(readme).toContain(shown);
  });
});
