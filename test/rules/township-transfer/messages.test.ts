import { describe, expect, it } from "vitest";
import { crossCheckTransfers, townshipTransfer } from "../../support/outcomes.js";
import { townshipTransferMessages as messages } from "../../../src/rules/township-transfer/messages.js";
import { CaseSchema } from "../../../src/schemas/cases.js";
import type { Reason, Finding } from "../../../src/trace/types.js";
import { rules, transferCase } from "./cases.js";

const CJK = /[\u4e00-\u9fff]/;

describe("township-transfer messages", () => {
  const met = transferCase({ id: "T-met" }, [{ id: "E1", priorYearTax: { vat: "100000" } }]);
  const below = transferCase({ id: "T-below" }, [{ id: "E1", priorYearTax: { vat: "1" } }]);
  const exit = CaseSchema.parse({
    kind: "enterprise-exit",
    id: "E1",
    name: "企业",
    township: "宋庄镇",
    exitMode: "whole",
    scale: "below",
    exitCompletedOn: "2016-10-31",
    licensed: true,
    acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
    municipalOutcome: "not-applied",
    recommendedByDistrict: false,
    energySavedTce: "0",
    priorYearTax: { vat: "5" },
    employees: 1,
    landAreaM2: "1",
  });
  const outcomes = crossCheckTransfers(
    [met, below, exit],
    [townshipTransfer(met, rules), townshipTransfer(below, rules)],
  );
  const items: (Reason | Finding)[] = outcomes.flatMap((o) => [...o.reasons, ...o.findings]);

  it("the cases raise every code of the catalog", () => {
    expect([...new Set(items.map((r) => r.code))].sort()).toEqual(Object.keys(messages.codes).sort());
    expect(Object.keys(messages.codes).sort()).toEqual([
      "impact-below-threshold",
      "impact-threshold-met",
      "tax-mismatch",
      "township-mismatch",
    ]);
  });

  it("every rule of the trace is named in the catalog, and every catalog rule is used", () => {
    const used = [...new Set(outcomes.flatMap((o) => o.trace.map((s) => s.rule)))].sort();
    expect(Object.keys(messages.rules).sort()).toEqual(used);
  });

  it.each(Object.keys(messages.codes))(
    "%s renders in English and Chinese from the outcome's data, with no gap",
    (code) => {
      const item = items.find((r) => r.code === code);
      const template = messages.codes[code];
      const data = item?.data ?? {};
      const en = template?.en(data) ?? "";
      const zh = template?.zh(data) ?? "";
      expect(item?.message).toBe(en);
      expect(en).not.toMatch(/undefined|null|\(\)|  /);
      expect(zh).toMatch(CJK);
      expect(zh).not.toMatch(/undefined|null/);
    },
  );

  it("a ratio just below the threshold never reads as the threshold: 0.0999999 → 9.9999% < 10%", () => {
    const data = {
      township: "台湖镇",
      fiscalYear: 2017,
      lostCapacity: "9999.99",
      priorYearRevenue: "100000",
      impactRatio: "0.0999999",
      threshold: "0.1",
    };
    expect(messages.codes["impact-below-threshold"]?.en(data)).toContain("9.9999%");
    expect(messages.codes["impact-below-threshold"]?.zh(data)).toContain("10%");
  });

  it.each(Object.entries(messages.rules))("rule %s has English and Chinese names", (_rule, names) => {
    expect(names.en.length).toBeGreaterThan(0);
    expect(names.zh).toMatch(CJK);
  });
});

describe("township-transfer messages quote amounts with separators", () => {
  it("impact-threshold-met: lost capacity and prior-year capacity grouped", () => {
    const data = {
      township: "台湖镇",
      fiscalYear: 2017,
      lostCapacity: "1234567.5",
      priorYearRevenue: "98765432.10",
      impactRatio: "0.0125",
      threshold: "0.01",
    };
    expect(messages.codes["impact-threshold-met"]?.en(data)).toContain(
      "台湖镇 1,234,567.50 yuan of fiscal capacity, 1.25% of its 98,765,432.10 yuan",
    );
    expect(messages.codes["impact-threshold-met"]?.zh(data)).toContain(
      "财力1,234,567.50元，占该乡镇上年度财力98,765,432.10元",
    );
  });
});
