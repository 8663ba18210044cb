import { describe, expect, it } from "vitest";
import { townshipTransfer } from "../../support/outcomes.js";
import { computeBatch } from "../../../src/batch/compute.js";
import { reckoningDate, type TownshipTransferDetail } from "../../../src/rules/township-transfer/townshipTransfer.js";
import type { OutcomeBase as Outcome } from "../../../src/trace/types.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { type EnterpriseInput, rules, transferCase, transferInput } from "./cases.js";

const compute = (
  overrides: { readonly [field: string]: unknown },
  enterprises: readonly EnterpriseInput[],
  ruleSet = rules,
) => townshipTransfer(transferCase(overrides, enterprises), ruleSet) as Outcome<string, TownshipTransferDetail>;

// Test rule set: township share of local 0.5, threshold 0.1, coverage 0.5; national local shares as bundled.
describe("lost capacity per enterprise: round(Σ tax × local share × township share), read on 31 Dec of fiscalYear − 1", () => {
  it.each([
    {
      name: "FY2016 reckoned on 2015-12-31, VAT split then 75:25: 100,000 × 0.25 × 0.5 → 12,500.00",
      fiscalYear: 2016,
      tax: { vat: "100000" },
      lost: "12500.00",
    },
    {
      name: "FY2017 reckoned on 2016-12-31, VAT split 50:50 since 2016-05-01 (国发〔2016〕26号): 100,000 × 0.5 × 0.5 → 25,000.00",
      fiscalYear: 2017,
      tax: { vat: "100000" },
      lost: "25000.00",
    },
    {
      name: "FY2016, corporate income tax 40 % local: 100,000 × 0.4 × 0.5 → 20,000.00",
      fiscalYear: 2016,
      tax: { corporateIncome: "100000" },
      lost: "20000.00",
    },
    {
      name: "FY2017, other taxes wholly local: 100,000 × 1 × 0.5 → 50,000.00",
      fiscalYear: 2017,
      tax: { other: "100000" },
      lost: "50000.00",
    },
    {
      name: "FY2017, all three: 10,000 × 0.25 + 10,000 × 0.2 + 10,000 × 0.5 → 9,500.00",
      fiscalYear: 2017,
      tax: { vat: "10000", corporateIncome: "10000", other: "10000" },
      lost: "9500.00",
    },
    {
      name: "FY2017, VAT 0.02 × 0.25 = 0.005 → 0.01 (half-up, rounded once per enterprise)",
      fiscalYear: 2017,
      tax: { vat: "0.02" },
      lost: "0.01",
    },
    { name: "FY2017, no taxes → 0.00", fiscalYear: 2017, tax: {}, lost: "0.00" },
  ])("$name", ({ fiscalYear, tax, lost }) => {
    const outcome = compute({ fiscalYear }, [{ priorYearTax: tax }]);
    expect(outcome.detail?.enterprises).toEqual([
      {
        id: "E1",
        vat: tax.vat ?? "0",
        corporateIncome: tax.corporateIncome ?? "0",
        other: tax.other ?? "0",
        lostCapacity: lost,
      },
    ]);
    expect(outcome.detail?.lostCapacity).toBe(lost);
  });

  it("two enterprises each 0.005 → 0.01 + 0.01 = 0.02 (rounded per enterprise, then summed; summing first would give 0.01)", () => {
    const outcome = compute({}, [{ priorYearTax: { vat: "0.02" } }, { priorYearTax: { vat: "0.02" } }]);
    expect(outcome.detail?.lostCapacity).toBe("0.02");
  });

  it.each([
    { name: "FY2016 → 2015-12-31", fiscalYear: 2016, on: "2015-12-31" },
    { name: "FY2017 → 2016-12-31", fiscalYear: 2017, on: "2016-12-31" },
    { name: "FY2000 → 1999-12-31", fiscalYear: 2000, on: "1999-12-31" },
  ])("reckoning date: $name", ({ fiscalYear, on }) => {
    expect(reckoningDate(fiscalYear)).toBe(on);
  });

  it("records the local share in force on the reckoning date: FY2016 uses the 2004 value (vat 0.25), FY2017 the 2016-05-01 value (vat 0.5)", () => {
    const shareOf = (fiscalYear: number) =>
      compute({ fiscalYear }, []).trace.find(
        (s) => s.rule === "transfer.townshipShare" && s.inputs["taxType"] === "vat",
      );
    expect(shareOf(2016)?.params.map((p) => [p.name, p.from, p.value])).toEqual([
      ["transfer.localShare.vat", "2004-01-01", "0.25"],
      ["transfer.townshipShareOfLocal.vat", "2000-01-01", "0.5"],
    ]);
    expect(shareOf(2017)?.params.map((p) => [p.name, p.from, p.value])).toEqual([
      ["transfer.localShare.vat", "2016-05-01", "0.5"],
      ["transfer.townshipShareOfLocal.vat", "2000-01-01", "0.5"],
    ]);
    expect(shareOf(2016)?.value).toBe("0.125");
    expect(shareOf(2017)?.value).toBe("0.25");
  });

  it.each([
    {
      name: "a value from 2016-12-31 is in force for FY2017 (reckoned on that very day): threshold 0.3 → 25,000 of 100,000 = 0.25 < 0.3, not eligible",
      from: "2016-12-31",
      eligible: false,
    },
    {
      name: "a value from 2017-01-01 is not yet in force for FY2017: threshold 0.1 → 0.25 ≥ 0.1, eligible",
      from: "2017-01-01",
      eligible: true,
    },
  ])("$name", ({ from, eligible }) => {
    const ruleSet = ruleSetWith({
      "transfer.townshipShareOfLocal": { vat: "0.5", corporateIncome: "0.5", other: "0.5" },
      "transfer.impactThreshold": {
        values: [
          { from: "2000-01-01", value: "0.1" },
          { from, value: "0.3" },
        ],
      },
      "transfer.coverage": "0.5",
    });
    expect(compute({}, [{ priorYearTax: { vat: "100000" } }], ruleSet).eligible).toBe(eligible);
  });
});

describe("impact ratio, eligibility and transfer (prior-year capacity 100,000, threshold 0.1, coverage 0.5)", () => {
  it.each([
    {
      name: "VAT 39,999.96 × 0.25 = 9,999.99; 9,999.99 ÷ 100,000 = 0.0999999 < 0.1 → just below: no transfer",
      vat: "39999.96",
      lost: "9999.99",
      ratio: "0.1000",
      eligible: false,
      transfer: "0.00",
      reason: "impact-below-threshold",
    },
    {
      name: "VAT 40,000 × 0.25 = 10,000.00; ÷ 100,000 = 0.1 = threshold → just at: 10,000 × 0.5 → 5,000.00",
      vat: "40000",
      lost: "10000.00",
      ratio: "0.1000",
      eligible: true,
      transfer: "5000.00",
      reason: "impact-threshold-met",
    },
    {
      name: "VAT 100,000 × 0.25 = 25,000.00; ÷ 100,000 = 0.25 → 25,000 × 0.5 → 12,500.00",
      vat: "100000",
      lost: "25000.00",
      ratio: "0.2500",
      eligible: true,
      transfer: "12500.00",
      reason: "impact-threshold-met",
    },
    {
      name: "VAT 40,000.06 × 0.25 = 10,000.015 → 10,000.02; × 0.5 = 5,000.01 → 5,000.01",
      vat: "40000.06",
      lost: "10000.02",
      ratio: "0.1000",
      eligible: true,
      transfer: "5000.01",
      reason: "impact-threshold-met",
    },
    {
      name: "VAT 40,000.04 × 0.25 = 10,000.01; × 0.5 = 5,000.005 → 5,000.01 (half-up)",
      vat: "40000.04",
      lost: "10000.01",
      ratio: "0.1000",
      eligible: true,
      transfer: "5000.01",
      reason: "impact-threshold-met",
    },
    {
      name: "no taxes: 0 ÷ 100,000 = 0 < 0.1 → no transfer",
      vat: "0",
      lost: "0.00",
      ratio: "0.0000",
      eligible: false,
      transfer: "0.00",
      reason: "impact-below-threshold",
    },
  ])("$name", ({ vat, lost, ratio, eligible, transfer, reason }) => {
    const outcome = compute({}, [{ priorYearTax: { vat } }]);
    expect(outcome.detail).toMatchObject({
      lostCapacity: lost,
      impactRatio: ratio,
      threshold: "0.1",
      eligible,
      transfer,
    });
    expect(outcome.eligible).toBe(eligible);
    expect(outcome.amounts).toEqual({ municipal: "0.00", district: transfer, total: transfer });
    expect(outcome.reasons.map((r) => r.code)).toEqual([reason]);
    expect(outcome.reasons[0]?.data).toMatchObject({ threshold: "0.1", lostCapacity: lost });
  });

  it("keeps the full ratio in the trace and the reason, 4 decimals in detail: 100.00 of 300 = 0.3333…", () => {
    const outcome = compute({ priorYearRevenue: "300" }, [{ priorYearTax: { other: "200" } }]);
    expect(outcome.detail?.impactRatio).toBe("0.3333");
    const traced = outcome.trace.find((s) => s.rule === "transfer.impactRatio")?.value;
    expect(String(traced)).toMatch(/^0\.3{40,}$/);
    expect(outcome.reasons[0]?.data?.["impactRatio"]).toBe(traced);
  });

  it("pays the township from the district budget; no track; not an estimate", () => {
    const outcome = compute({}, [{ priorYearTax: { vat: "100000" } }]);
    expect(outcome.payee).toEqual({ type: "township", id: "台湖镇" });
    expect(outcome.track).toBeUndefined();
    expect(outcome.estimate).toBe(false);
    expect(outcome.findings).toEqual([]);
  });

  it("records coverage only when a transfer is due (basis from the parameters actually used)", () => {
    const names = (vat: string) =>
      compute({}, [{ priorYearTax: { vat } }]).trace.flatMap((s) => s.params.map((p) => p.name));
    expect(names("100000")).toContain("transfer.coverage");
    expect(names("1")).not.toContain("transfer.coverage");
  });

  it("basis: the bundled rule set's township shares and threshold are illustrative → illustrative", () => {
    const outcome = townshipTransfer(transferCase({}, [{ priorYearTax: { vat: "100000" } }]), ruleSetWith({}));
    expect(outcome.basis).toBe("illustrative");
  });
});

describe("target reductions, whether or not a transfer is due", () => {
  it.each([
    {
      name: "eligible: tax target 25,000.00 = lost; output target 3,000,000 + 1,500,000.5 → 4,500,000.50",
      vat: "100000",
      eligible: true,
      taxTarget: "25000.00",
      outputTarget: "4500000.50",
    },
    {
      name: "not eligible: tax target 250.00 = lost; output target still 4,500,000.50",
      vat: "1000",
      eligible: false,
      taxTarget: "250.00",
      outputTarget: "4500000.50",
    },
  ])("$name", ({ vat, eligible, taxTarget, outputTarget }) => {
    const outcome = compute({}, [
      { priorYearTax: { vat }, priorYearOutput: "3000000" },
      { priorYearOutput: "1500000.5" },
      {},
    ]);
    expect(outcome.eligible).toBe(eligible);
    expect(outcome.detail?.targetReductions).toEqual({ taxTarget, outputTarget });
  });

  it("no enterprise gives output → output target 0.00", () => {
    expect(compute({}, [{}]).detail?.targetReductions.outputTarget).toBe("0.00");
  });

  it("has every step in order, with the clauses of the target reductions", () => {
    const outcome = compute({}, [{ priorYearTax: { vat: "100000" } }]);
    expect(outcome.trace.map((s) => s.rule)).toEqual([
      "transfer.townshipShare",
      "transfer.townshipShare",
      "transfer.townshipShare",
      "transfer.enterpriseLostCapacity",
      "transfer.lostCapacity",
      "transfer.impactRatio",
      "transfer.eligibility",
      "transfer.amount",
      "transfer.taxTarget",
      "transfer.outputTarget",
    ]);
    expect(outcome.trace.find((s) => s.rule === "transfer.taxTarget")?.clause).toContain("四(二十)2");
    expect(outcome.trace.find((s) => s.rule === "transfer.outputTarget")?.clause).toContain("四(十九)3");
  });
});

describe("input errors (via computeBatch)", () => {
  it.each([
    { name: "prior-year revenue 0", revenue: "0" },
    { name: "prior-year revenue 0.00", revenue: "0.00" },
    { name: "prior-year revenue as the number 0", revenue: 0 },
    { name: "prior-year revenue -5", revenue: "-5" },
  ])("$name is an input error at priorYearRevenue (PositiveMoneySchema), nothing computed", ({ revenue }) => {
    const document = computeBatch([transferInput({ priorYearRevenue: revenue }, [{ priorYearTax: { vat: "1" } }])]);
    expect(document.results).toEqual([]);
    expect(document.errors.map((e) => e.path)).toEqual(["[0].priorYearRevenue"]);
  });

  it("a duplicate enterprise id is an input error at exitedEnterprises[2].id", () => {
    const document = computeBatch([transferInput({}, [{ id: "E1" }, { id: "E2" }, { id: "E1" }])]);
    expect(document.results).toEqual([]);
    expect(document.errors.map((e) => e.path)).toEqual(["[0].exitedEnterprises[2].id"]);
  });

  it("a fiscal year whose reckoning date has no township share in force is an error of that case, never a zero", () => {
    const document = computeBatch([transferInput({ fiscalYear: 2015 }, [{ priorYearTax: { vat: "1" } }])]);
    expect(document.results).toEqual([]);
    expect(document.errors.map((e) => e.index)).toEqual([0]);
    expect(document.errors[0]?.path).toBe("[0].fiscalYear");
    expect(document.errors[0]?.message).toContain("transfer.townshipShareOfLocal");
    expect(document.errors[0]?.message).toContain("2014-12-31");
  });
});
