import { describe, expect, it } from "vitest";
import { crossCheckTransfers, townshipTransfer } from "../../support/outcomes.js";
import {
  crossCheckTransfer,
  townshipTransfer as townshipTransferDomain,
} from "../../../src/rules/township-transfer/index.js";
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

describe("township-transfer reasons and findings: every text exact, in both languages", () => {
  // T-met: E1 gave VAT 100,000 × 0.25 + income tax 20 × 0.2 + other 7 × 0.5 = 25,007.50 of 100,000.00: 25.0075 % ≥ 10 %.
  // T-below: E1 gave VAT 1 × 0.25 = 0.25: 0.00025 %, cut (not rounded) to 0.0002 %. The exit case E1 (宋庄镇) declared
  // VAT 5 and other taxes 7.00: T-met differs on VAT and income tax (none in the exit: 0), agrees on other (7 = 7.00);
  // T-below differs on VAT and other.
  const exitCase = () =>
    CaseSchema.parse({
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
      priorYearTax: { vat: "5", other: "7.00" },
      employees: 1,
      landAreaM2: "1",
    });
  const texts = (outcome: { readonly reasons: readonly Reason[]; readonly findings: readonly Finding[] }) =>
    [...outcome.reasons, ...outcome.findings].map((item) => ({
      ...item,
      zh: messages.codes[item.code]?.zh(item.data ?? {}),
    }));
  const townshipMismatch = {
    code: "township-mismatch",
    message: "Enterprise E1 is counted for 台湖镇, but its enterprise-exit case names 宋庄镇.",
    itemId: "E1",
    clause: "《实施方案》四(十四)4",
    data: { enterpriseId: "E1", township: "台湖镇", enterpriseTownship: "宋庄镇" },
    zh: "企业E1计入台湖镇的转移支付，但其退出案件所属乡镇为宋庄镇。",
  };

  it("a transfer due, with a tax mismatch and a township mismatch", () => {
    const met = transferCase({ id: "T-met" }, [
      { id: "E1", priorYearTax: { vat: "100000", corporateIncome: "20", other: "7" } },
    ]);
    const [outcome] = crossCheckTransfers([met, exitCase()], [townshipTransfer(met, rules)]);
    expect(texts(outcome as never)).toEqual([
      {
        code: "impact-threshold-met",
        message:
          "The exited enterprises' prior-year taxes gave 台湖镇 25,007.50 yuan of fiscal capacity, 25.0075% of its 100,000.00 yuan prior-year capacity — at or above the threshold 10%: a transfer is due for 2017.",
        clause: "《实施方案》四(十四)4",
        decisive: true,
        data: {
          township: "台湖镇",
          fiscalYear: 2017,
          reckonedOn: "2016-12-31",
          lostCapacity: "25007.50",
          priorYearRevenue: "100000",
          impactRatio: "0.250075",
          impactRatioRounded: "0.2501",
          threshold: "0.1",
        },
        zh: "退出企业上年度税收形成台湖镇财力25,007.50元，占该乡镇上年度财力100,000.00元的25.0075%，达到受影响较大认定比例10%，2017年度给予财政转移支付。",
      },
      {
        code: "tax-mismatch",
        message:
          "Enterprise E1: the prior-year taxes in this transfer (VAT 100,000.00 yuan, corporate income tax 20.00 yuan) differ from its enterprise-exit case (VAT 5.00 yuan, corporate income tax 0.00 yuan); check with the tax bureaus.",
        itemId: "E1",
        clause: "《实施方案》四(十四)4, 四(二十)2",
        data: {
          enterpriseId: "E1",
          taxTypes: ["vat", "corporateIncome"],
          inTransfer: { vat: "100000", corporateIncome: "20" },
          inEnterpriseExit: { vat: "5", corporateIncome: "0" },
        },
        zh: "企业E1：本转移支付申报的上年度税收（增值税100,000.00元、企业所得税20.00元）与该企业退出案件（增值税5.00元、企业所得税0.00元）不一致，请与国税、地税部门核对。",
      },
      townshipMismatch,
    ]);
  });

  it("no transfer (the ratio cut, not rounded), with a tax mismatch and a township mismatch", () => {
    const below = transferCase({ id: "T-below" }, [{ id: "E1", priorYearTax: { vat: "1" } }]);
    const [outcome] = crossCheckTransfers([below, exitCase()], [townshipTransfer(below, rules)]);
    expect(texts(outcome as never)).toEqual([
      {
        code: "impact-below-threshold",
        message:
          "The exited enterprises' prior-year taxes gave 台湖镇 0.25 yuan of fiscal capacity, 0.0002% of its 100,000.00 yuan prior-year capacity — below the threshold 10%: no transfer for 2017 (the target reductions still apply).",
        clause: "《实施方案》四(十四)4",
        decisive: true,
        data: {
          township: "台湖镇",
          fiscalYear: 2017,
          reckonedOn: "2016-12-31",
          lostCapacity: "0.25",
          priorYearRevenue: "100000",
          impactRatio: "0.0000025",
          impactRatioRounded: "0.0000",
          threshold: "0.1",
        },
        zh: "退出企业上年度税收形成台湖镇财力0.25元，占该乡镇上年度财力100,000.00元的0.0002%，低于受影响较大认定比例10%，2017年度不予转移支付（仍核减相关指标）。",
      },
      {
        code: "tax-mismatch",
        message:
          "Enterprise E1: the prior-year taxes in this transfer (VAT 1.00 yuan, other taxes 0.00 yuan) differ from its enterprise-exit case (VAT 5.00 yuan, other taxes 7.00 yuan); check with the tax bureaus.",
        itemId: "E1",
        clause: "《实施方案》四(十四)4, 四(二十)2",
        data: {
          enterpriseId: "E1",
          taxTypes: ["vat", "other"],
          inTransfer: { vat: "1", other: "0" },
          inEnterpriseExit: { vat: "5", other: "7.00" },
        },
        zh: "企业E1：本转移支付申报的上年度税收（增值税1.00元、其他税收0.00元）与该企业退出案件（增值税5.00元、其他税收7.00元）不一致，请与国税、地税部门核对。",
      },
      townshipMismatch,
    ]);
  });

  it("the same taxes (as decimals) and township: no finding", () => {
    const same = transferCase({ id: "T-same", township: "宋庄镇" }, [
      { id: "E1", priorYearTax: { vat: "5.0", other: "7" } },
    ]);
    const [outcome] = crossCheckTransfers([same, exitCase()], [townshipTransfer(same, rules)]);
    expect(outcome?.findings).toEqual([]);
  });

  it("a case of that id of another kind is not an enterprise exit: no finding", () => {
    const listed = transferCase({ id: "T-other" }, [{ id: "V-1", priorYearTax: { vat: "5" } }]);
    const village = CaseSchema.parse({
      kind: "village-compensation",
      id: "V-1",
      township: "宋庄镇",
      village: "东下营村",
      zoneType: "industrial-compound",
      clearedOn: "2016-06-30",
      landAreaMu: "10",
      leases: [],
    });
    const [outcome] = crossCheckTransfers([listed, village], [townshipTransfer(listed, rules)]);
    expect(outcome?.findings).toEqual([]);
  });

  it("a transfer needs the cases of its listed enterprises, and is charged to the township-transfer budget line", () => {
    const listed = transferCase({ id: "T-needs" }, [{ id: "E7" }, { id: "E2" }]);
    expect(crossCheckTransfer.needs(listed)).toEqual(["E7", "E2"]);
    expect(townshipTransferDomain.budgetLine(townshipTransfer(listed, rules) as never)).toBe("township-transfer");
  });

  it("a ratio absent or empty is left blank; a tax type without a label is named by its key", () => {
    const zh = messages.codes["impact-threshold-met"]?.zh;
    expect(zh?.({ township: "台湖镇", impactRatio: "", threshold: 0.1 })).toBe(
      "退出企业上年度税收形成台湖镇财力元，占该乡镇上年度财力元的，达到受影响较大认定比例0.1，年度给予财政转移支付。",
    );
    const en = messages.codes["tax-mismatch"]?.en;
    const zhMismatch = messages.codes["tax-mismatch"]?.zh;
    const labelled = {
      enterpriseId: "E9",
      taxTypes: ["vat", "stamp"],
      inTransfer: { vat: "1234567.5", stamp: "3" },
      inEnterpriseExit: { vat: "0", stamp: "12.345" },
    };
    expect(en?.(labelled)).toBe(
      "Enterprise E9: the prior-year taxes in this transfer (VAT 1,234,567.50 yuan, stamp 3.00 yuan) differ from its enterprise-exit case (VAT 0.00 yuan, stamp 12.345 yuan); check with the tax bureaus.",
    );
    expect(zhMismatch?.(labelled)).toBe(
      "企业E9：本转移支付申报的上年度税收（增值税1,234,567.50元、stamp3.00元）与该企业退出案件（增值税0.00元、stamp12.345元）不一致，请与国税、地税部门核对。",
    );
    expect(en?.({ enterpriseId: "E9", inTransfer: "1", inEnterpriseExit: 2 })).toBe(
      "Enterprise E9: the prior-year taxes in this transfer (1) differ from its enterprise-exit case (2); check with the tax bureaus.",
    );
    expect(en?.({ enterpriseId: "E9" })).toBe(
      "Enterprise E9: the prior-year taxes in this transfer () differ from its enterprise-exit case (); check with the tax bureaus.",
    );
  });
});
