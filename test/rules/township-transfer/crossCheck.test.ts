import { describe, expect, it, vi } from "vitest";
import { crossCheckTransfers, townshipTransfer } from "../../support/outcomes.js";
import { computeBatch } from "../../../src/batch/compute.js";
import { CaseSchema, type Case } from "../../../src/schemas/cases.js";
import type { OutcomeBase as Outcome } from "../../../src/trace/types.js";
import { rules, transferInput } from "./cases.js";

// The cross-check reads only the enterprise-exit *cases*; their rewards are another domain's business.
// A fixed stand-in outcome keeps these tests about the cross-check whatever that domain computes.
vi.mock("../../../src/rules/enterprise-reward/index.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/rules/enterprise-reward/index.js")>();
  const { of } = await import("../../../src/rules/algebra.js");
  const { ZERO } = await import("../../../src/money/decimal.js");
  return {
    ...original,
    enterpriseExit: {
      ...original.enterpriseExit,
      payment: () => () =>
        of({ municipal: ZERO, district: ZERO, eligible: false, track: "none", estimate: false, detail: {} }),
    },
  };
});

function enterpriseInput(id: string, township: string, priorYearTax: { readonly [type: string]: string }) {
  return {
    kind: "enterprise-exit",
    id,
    name: `企业 ${id}`,
    township,
    exitMode: "whole",
    scale: "below",
    exitCompletedOn: "2016-10-31",
    licensed: true,
    acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
    municipalOutcome: "not-applied",
    recommendedByDistrict: false,
    energySavedTce: "0",
    priorYearTax,
    employees: 10,
    landAreaM2: "1000",
  };
}

const villageInput = {
  kind: "village-compensation",
  id: "V-1",
  township: "台湖镇",
  village: "东下营村",
  zoneType: "industrial-compound",
  clearedOn: "2016-06-30",
  landAreaMu: "10",
  leases: [],
};

const findings = (outcome: Outcome | undefined) => (outcome?.findings ?? []).map((f) => `${f.code}:${f.itemId ?? ""}`);

describe("crossCheckTransfers via computeBatch on a mixed batch", () => {
  const batch = [
    enterpriseInput("E1", "台湖镇", { vat: "100000", corporateIncome: "5000" }),
    transferInput({ id: "T-1", township: "台湖镇" }, [
      { id: "E1", priorYearTax: { vat: "90000", corporateIncome: "5000" } },
      { id: "E2", priorYearTax: { vat: "100000" } },
      { id: "E3", priorYearTax: { vat: "100000.00", other: "0" } },
      { id: "E4", priorYearTax: { vat: "1" } },
      { id: "E5", priorYearTax: { other: "1" } },
    ]),
    villageInput,
    enterpriseInput("E2", "张家湾镇", { vat: "100000" }),
    enterpriseInput("E3", "台湖镇", { vat: "100000" }),
    enterpriseInput("E5", "宋庄镇", { other: "2" }),
    transferInput({ id: "T-2", township: "张家湾镇" }, [{ id: "E2", priorYearTax: { vat: "100000" } }]),
  ];
  const document = computeBatch(batch, rules);

  it("computes every case, in input order", () => {
    expect(document.errors).toEqual([]);
    expect(document.results.map((o) => o.id)).toEqual(["E1", "T-1", "V-1", "E2", "E3", "E5", "T-2"]);
  });

  it.each([
    { name: "E1: VAT 90,000 in the transfer ≠ 100,000 in its exit case → tax-mismatch", finding: "tax-mismatch:E1" },
    { name: "E2: its exit case names 张家湾镇, not 台湖镇 → township-mismatch", finding: "township-mismatch:E2" },
    { name: "E5: other taxes 1 ≠ 2 and 宋庄镇 ≠ 台湖镇 → both, tax first", finding: "tax-mismatch:E5" },
  ])("T-1 gets $name", ({ finding }) => {
    expect(findings(document.results[1])).toContain(finding);
  });

  it("T-1 gets exactly those findings: E3 (100000.00 = 100000 as decimals) and E4 (no exit case in the batch) get none", () => {
    expect(findings(document.results[1])).toEqual([
      "tax-mismatch:E1",
      "township-mismatch:E2",
      "tax-mismatch:E5",
      "township-mismatch:E5",
    ]);
  });

  it("the tax-mismatch data names the differing taxes and both figures", () => {
    const e1 = document.results[1]?.findings.find((f) => f.itemId === "E1");
    expect(e1?.data).toEqual({
      enterpriseId: "E1",
      taxTypes: ["vat"],
      inTransfer: { vat: "90000" },
      inEnterpriseExit: { vat: "100000" },
    });
    const e2 = document.results[1]?.findings.find((f) => f.itemId === "E2");
    expect(e2?.data).toEqual({ enterpriseId: "E2", township: "台湖镇", enterpriseTownship: "张家湾镇" });
  });

  it("T-2 (张家湾镇, E2 agrees in tax and township) gets none; other kinds are untouched", () => {
    expect(findings(document.results[6])).toEqual([]);
    expect(document.results[2]?.findings).toEqual([]);
    expect(document.results[0]?.findings).toEqual([]);
  });

  it("the findings do not change amounts", () => {
    const alone = computeBatch([batch[1]], rules).results[0];
    expect(document.results[1]?.amounts).toEqual(alone?.amounts);
    expect(alone?.findings).toEqual([]);
  });

  it("an invalid enterprise-exit case skipped with skipInvalid is not cross-checked", () => {
    const broken = { ...enterpriseInput("E1", "宋庄镇", { vat: "1" }), employees: -1 };
    const skipped = computeBatch([broken, batch[1]], rules, { skipInvalid: true });
    expect(skipped.errors.map((e) => e.index)).toEqual([0]);
    expect(skipped.results.map((o) => o.id)).toEqual(["T-1"]);
    expect(findings(skipped.results[0])).toEqual([]);
  });
});

describe("crossCheckTransfers on its own", () => {
  const cases: Case[] = [
    CaseSchema.parse(enterpriseInput("E1", "宋庄镇", { vat: "100000" })),
    CaseSchema.parse(transferInput({}, [{ id: "E1", priorYearTax: { vat: "100000" } }])),
  ];
  const transferFacts = cases[1];
  if (transferFacts?.kind !== "township-transfer") throw new Error("fixture");
  const transferOutcome = townshipTransfer(transferFacts, rules);
  const enterpriseOutcome = { ...transferOutcome, id: "E1", kind: "enterprise-exit" as const };

  it("returns new outcome objects and leaves its inputs as they were", () => {
    const outcomes = Object.freeze([Object.freeze(enterpriseOutcome), Object.freeze(transferOutcome)]);
    const checked = crossCheckTransfers(cases, outcomes);
    expect(checked).not.toBe(outcomes);
    expect(checked[1]).not.toBe(transferOutcome);
    expect(transferOutcome.findings).toEqual([]);
    expect(findings(checked[1])).toEqual(["township-mismatch:E1"]);
    expect(checked[0]).toEqual(enterpriseOutcome);
  });

  it("without enterprise-exit cases, every outcome is returned as it was, in order", () => {
    const checked = crossCheckTransfers([cases[1] as Case], [transferOutcome]);
    expect(checked).toEqual([transferOutcome]);
  });

  it("an empty batch gives an empty list", () => {
    expect(crossCheckTransfers([], [])).toEqual([]);
  });
});
