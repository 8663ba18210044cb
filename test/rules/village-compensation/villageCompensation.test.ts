import { describe, expect, it } from "vitest";
import { villageCompensation } from "../../support/outcomes.js";
import { computeBatch } from "../../../src/batch/compute.js";
import type { VillageCompensationDetail } from "../../../src/rules/village-compensation/villageCompensation.js";
import type { OutcomeBase as Outcome } from "../../../src/trace/types.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { type LeaseInput, rules, villageCase, villageInput } from "./cases.js";

const compute = (overrides: { readonly [field: string]: unknown }, leases: readonly LeaseInput[], ruleSet = rules) =>
  villageCompensation(villageCase(overrides, leases), ruleSet) as Outcome<string, VillageCompensationDetail>;

const codes = (outcome: Outcome) =>
  outcome.findings.map((f) => `${f.code}${f.itemId === undefined ? "" : `:${f.itemId}`}`);

// Rule set of these tests: cap 2 years (24 months), rate 0.5, 1,000/mu compound, 500/mu breeding zone.
describe("lost rent per lease (one lease of 1 mu on a 10 mu compound cleared 2016-06-30, site part 10,000.00)", () => {
  it.each([
    {
      name: "ends 2016-12-31: 6 months; 12,000 × 6 × 0.5 ÷ 12 → 3,000.00",
      clearedOn: "2016-06-30",
      lease: { leaseEndsOn: "2016-12-31" },
      remaining: 6,
      compensated: 6,
      lostRent: "3000.00",
      findings: [],
    },
    {
      name: "ends ON the clearance date 2016-06-30: 0 months → 0.00, no finding",
      clearedOn: "2016-06-30",
      lease: { leaseEndsOn: "2016-06-30" },
      remaining: 0,
      compensated: 0,
      lostRent: "0.00",
      findings: [],
    },
    {
      name: "ended 2016-05-31, before clearance: 0 months → 0.00, lease-ended",
      clearedOn: "2016-06-30",
      lease: { leaseEndsOn: "2016-05-31" },
      remaining: 0,
      compensated: 0,
      lostRent: "0.00",
      findings: ["lease-ended:L1"],
    },
    {
      name: "ends 2016-07-29, a day short of a month → 0.00",
      clearedOn: "2016-06-30",
      lease: { leaseEndsOn: "2016-07-29" },
      remaining: 0,
      compensated: 0,
      lostRent: "0.00",
      findings: [],
    },
    {
      name: "cleared 2016-01-31, ends on the month's last day 2016-02-29: 1 month; 12,000 × 1 × 0.5 ÷ 12 → 500.00",
      clearedOn: "2016-01-31",
      lease: { leaseEndsOn: "2016-02-29" },
      remaining: 1,
      compensated: 1,
      lostRent: "500.00",
      findings: [],
    },
    {
      name: "cleared 2016-01-31, ends 2016-02-28: Feb 29 not reached, 0 months → 0.00",
      clearedOn: "2016-01-31",
      lease: { leaseEndsOn: "2016-02-28" },
      remaining: 0,
      compensated: 0,
      lostRent: "0.00",
      findings: [],
    },
    {
      name: "cleared 2016-01-31, ends on April's last day 2016-04-30: 3 months → 1,500.00",
      clearedOn: "2016-01-31",
      lease: { leaseEndsOn: "2016-04-30" },
      remaining: 3,
      compensated: 3,
      lostRent: "1500.00",
      findings: [],
    },
    {
      name: "ends 2018-06-30: exactly 24 months = the cap → 12,000.00, not capped",
      clearedOn: "2016-06-30",
      lease: { leaseEndsOn: "2018-06-30" },
      remaining: 24,
      compensated: 24,
      lostRent: "12000.00",
      findings: [],
    },
    {
      name: "ends 2026-06-30: 120 months capped at 24; 12,000 × 24 × 0.5 ÷ 12 → 12,000.00, lease-capped",
      clearedOn: "2016-06-30",
      lease: { leaseEndsOn: "2026-06-30" },
      remaining: 120,
      compensated: 24,
      lostRent: "12000.00",
      findings: ["lease-capped:L1"],
    },
    {
      name: "rent 1,000, 1 month: 1,000 × 1 × 0.5 ÷ 12 = 41.666… → 41.67",
      clearedOn: "2016-06-30",
      lease: { annualRent: "1000", leaseEndsOn: "2016-07-30" },
      remaining: 1,
      compensated: 1,
      lostRent: "41.67",
      findings: [],
    },
  ])("$name", ({ clearedOn, lease, remaining, compensated, lostRent, findings }) => {
    const outcome = compute({ clearedOn }, [lease]);
    expect(outcome.detail?.leases).toEqual([
      {
        id: "L1",
        tenant: "租户1",
        remainingMonths: remaining,
        compensatedMonths: compensated,
        annualRent: lease.annualRent ?? "12000",
        lostRent,
      },
    ]);
    expect(outcome.detail?.sitePart).toBe("10000.00");
    expect(codes(outcome)).toEqual(findings);
  });

  it.each([
    {
      name: "cap 1.55 years = 18.6 months → 18 whole months; 12,000 × 18 × 0.5 ÷ 12 → 9,000.00, lease-capped",
      cap: "1.55",
      compensated: 18,
      lostRent: "9000.00",
      findings: ["lease-capped:L1"],
    },
    {
      name: "cap 0.05 year = 0.6 month → 0 months → 0.00, lease-capped",
      cap: "0.05",
      compensated: 0,
      lostRent: "0.00",
      findings: ["lease-capped:L1"],
    },
    {
      name: "cap 10 years = 120 months ≥ 60 remaining → 60; 12,000 × 60 × 0.5 ÷ 12 → 30,000.00",
      cap: "10",
      compensated: 60,
      lostRent: "30000.00",
      findings: [],
    },
  ])("fractional and large caps: $name", ({ cap, compensated, lostRent, findings }) => {
    const ruleSet = ruleSetWith({
      "village.rentCapYears": cap,
      "village.rentCompensationRate": "0.5",
      "village.perMu": { "industrial-compound": "1000", "breeding-zone": "500" },
    });
    const outcome = compute({}, [{ leaseEndsOn: "2021-06-30" }], ruleSet);
    expect(outcome.detail?.leases[0]?.compensatedMonths).toBe(compensated);
    expect(outcome.detail?.leases[0]?.lostRent).toBe(lostRent);
    expect(codes(outcome)).toEqual(findings);
  });

  it("divides last: rent 1.00, 1 month, rate 0.06 → 1 × 1 × 0.06 ÷ 12 = 0.005 exactly → 0.01 (dividing first gives 0.00499… → 0.00)", () => {
    const ruleSet = ruleSetWith({
      "village.rentCompensationRate": "0.06",
      "village.perMu": { "industrial-compound": "0", "breeding-zone": "0" },
    });
    const outcome = compute({}, [{ annualRent: "1", leaseEndsOn: "2016-07-30" }], ruleSet);
    expect(outcome.detail?.leases[0]?.lostRent).toBe("0.01");
  });

  it("half-even rounding from the rule set: the same 0.005 tie → 0.00", () => {
    const ruleSet = ruleSetWith(
      { "village.rentCompensationRate": "0.06", "village.perMu": { "industrial-compound": "0", "breeding-zone": "0" } },
      { rounding: { scale: 2, mode: "half-even" } },
    );
    expect(compute({}, [{ annualRent: "1", leaseEndsOn: "2016-07-30" }], ruleSet).detail?.leases[0]?.lostRent).toBe(
      "0.00",
    );
  });
});

describe("site part and total", () => {
  it.each([
    {
      name: "10 mu compound at 1,000 → 10,000.00",
      zoneType: "industrial-compound",
      landAreaMu: "10",
      sitePart: "10000.00",
    },
    {
      name: "2.5 mu breeding zone at 500 → 1,250.00",
      zoneType: "breeding-zone",
      landAreaMu: "2.5",
      sitePart: "1250.00",
    },
    {
      name: "0.3333 mu breeding zone at 500 = 166.65 → 166.65",
      zoneType: "breeding-zone",
      landAreaMu: "0.3333",
      sitePart: "166.65",
    },
    {
      name: "0.00001 mu compound at 1,000 = 0.01 → 0.01",
      zoneType: "industrial-compound",
      landAreaMu: "0.00001",
      sitePart: "0.01",
    },
    {
      name: "0.000005 mu compound at 1,000 = 0.005 → 0.01 (half-up)",
      zoneType: "industrial-compound",
      landAreaMu: "0.000005",
      sitePart: "0.01",
    },
    { name: "0 mu → 0.00", zoneType: "industrial-compound", landAreaMu: "0", sitePart: "0.00" },
  ])("$name", ({ zoneType, landAreaMu, sitePart }) => {
    const outcome = compute({ zoneType, landAreaMu }, []);
    expect(outcome.detail).toEqual({ leases: [], sitePart, total: sitePart });
    expect(outcome.amounts).toEqual({ municipal: "0.00", district: sitePart, total: sitePart });
  });

  it("two leases 3,000.00 + 12,000.00 (capped) and site 10,000.00 → total 25,000.00, paid by the district to the collective", () => {
    const outcome = compute({}, [{ leaseEndsOn: "2016-12-31" }, { leaseEndsOn: "2030-06-30" }]);
    expect(outcome.detail?.leases.map((lease) => lease.lostRent)).toEqual(["3000.00", "12000.00"]);
    expect(outcome.detail?.total).toBe("25000.00");
    expect(outcome.amounts).toEqual({ municipal: "0.00", district: "25000.00", total: "25000.00" });
    expect(outcome.payee).toEqual({ type: "village-collective", id: "东下营村" });
    expect(outcome.eligible).toBe(true);
    expect(outcome.track).toBeUndefined();
    expect(outcome.estimate).toBe(false);
    expect(outcome.basis).toBe("illustrative");
    expect(outcome.reasons.map((r) => r.code)).toEqual(["compensation-due"]);
    expect(codes(outcome)).toEqual(["lease-capped:L2"]);
  });

  it("three leases 41.666… + 41.666… + 41.666… → each rounded 41.67, total 125.01 (the sum of the amounts shown)", () => {
    const lease = { annualRent: "1000", leaseEndsOn: "2016-07-30" };
    const outcome = compute({ landAreaMu: "0" }, [lease, lease, lease]);
    expect(outcome.detail?.total).toBe("125.01");
  });

  it("a case with every lease ended is still eligible, its amount the site part alone", () => {
    const outcome = compute({}, [{ leaseEndsOn: "2015-12-31" }]);
    expect(outcome.eligible).toBe(true);
    expect(outcome.amounts.total).toBe("10000.00");
    expect(codes(outcome)).toEqual(["lease-ended:L1"]);
  });
});

describe("leased-area-exceeds-site", () => {
  it.each([
    {
      name: "6 + 5 mu in force on a 10 mu site: 11 > 10 → leased-area-exceeds-site",
      leases: [
        { landAreaMu: "6", leaseEndsOn: "2017-06-30" },
        { landAreaMu: "5", leaseEndsOn: "2017-06-30" },
      ],
      findings: ["leased-area-exceeds-site"],
    },
    {
      name: "6 + 4 mu on a 10 mu site: 10 = 10 → no finding",
      leases: [
        { landAreaMu: "6", leaseEndsOn: "2017-06-30" },
        { landAreaMu: "4", leaseEndsOn: "2017-06-30" },
      ],
      findings: [],
    },
    {
      name: "6 + 4.001 mu on a 10 mu site: 10.001 > 10 → leased-area-exceeds-site",
      leases: [
        { landAreaMu: "6", leaseEndsOn: "2017-06-30" },
        { landAreaMu: "4.001", leaseEndsOn: "2017-06-30" },
      ],
      findings: ["leased-area-exceeds-site"],
    },
    {
      name: "6 mu in force + 5 mu ended before clearance: 6 ≤ 10 → lease-ended only",
      leases: [
        { landAreaMu: "6", leaseEndsOn: "2017-06-30" },
        { landAreaMu: "5", leaseEndsOn: "2016-01-31" },
      ],
      findings: ["lease-ended:L2"],
    },
    {
      name: "6 mu + 5 mu ending ON the clearance date (still in force that day): 11 > 10 → leased-area-exceeds-site",
      leases: [
        { landAreaMu: "6", leaseEndsOn: "2017-06-30" },
        { landAreaMu: "5", leaseEndsOn: "2016-06-30" },
      ],
      findings: ["leased-area-exceeds-site"],
    },
  ])("$name", ({ leases, findings }) => {
    const outcome = compute({}, leases);
    expect(codes(outcome)).toEqual(findings);
    if (findings.includes("leased-area-exceeds-site")) {
      expect(outcome.findings.find((f) => f.code === "leased-area-exceeds-site")?.itemId).toBeUndefined();
    }
  });
});

describe("parameters are read at clearedOn", () => {
  const dated = ruleSetWith({
    "village.rentCapYears": "2",
    "village.rentCompensationRate": {
      values: [
        { from: "2000-01-01", value: "0.5" },
        { from: "2016-07-01", value: "1" },
      ],
    },
    "village.perMu": {
      values: [
        { from: "2000-01-01", value: { "industrial-compound": "1000", "breeding-zone": "500" } },
        { from: "2016-07-01", value: { "industrial-compound": "2000", "breeding-zone": "500" } },
      ],
    },
  });
  it.each([
    {
      name: "cleared 2016-06-30 (day before the change): 12,000 × 12 × 0.5 ÷ 12 + 10 × 1,000 → 6,000.00 + 10,000.00 = 16,000.00",
      clearedOn: "2016-06-30",
      leaseEndsOn: "2017-06-30",
      total: "16000.00",
    },
    {
      name: "cleared 2016-07-01 (the day of the change): 12,000 × 12 × 1 ÷ 12 + 10 × 2,000 → 12,000.00 + 20,000.00 = 32,000.00",
      clearedOn: "2016-07-01",
      leaseEndsOn: "2017-07-01",
      total: "32000.00",
    },
  ])("$name", ({ clearedOn, leaseEndsOn, total }) => {
    const outcome = compute({ clearedOn }, [{ leaseEndsOn }], dated);
    expect(outcome.amounts.total).toBe(total);
    const used = outcome.trace.flatMap((s) => s.params.map((p) => `${p.name}@${p.from}`));
    const expectedFrom = clearedOn < "2016-07-01" ? "2000-01-01" : "2016-07-01";
    expect(used).toContain(`village.rentCompensationRate@${expectedFrom}`);
    expect(used).toContain(`village.perMu.industrial-compound@${expectedFrom}`);
  });

  it("a clearance before the first value in force is an error of that case (bundled values start 2016-01-01)", () => {
    const document = computeBatch([villageInput({ clearedOn: "2015-12-31" })]);
    expect(document.results).toEqual([]);
    expect(document.errors.map((e) => e.index)).toEqual([0]);
    expect(document.errors[0]?.path).toMatch(/^\[0\]/);
  });
});

describe("trace and basis", () => {
  it("records every figure and every parameter it used, and nothing it did not", () => {
    const outcome = compute({}, [{ leaseEndsOn: "2016-12-31" }]);
    expect(outcome.trace.map((s) => s.rule)).toEqual([
      "village.rentCapMonths",
      "village.remainingMonths",
      "village.compensatedMonths",
      "village.lostRent",
      "village.sitePart",
      "village.total",
    ]);
    expect(outcome.trace.flatMap((s) => s.params.map((p) => p.name))).toEqual([
      "village.rentCapYears",
      "village.rentCompensationRate",
      "village.perMu.industrial-compound",
    ]);
    expect(outcome.trace.at(-1)?.value).toBe("13000.00");
  });

  it("with no lease, the rent parameters are neither read nor recorded", () => {
    const ruleSet = ruleSetWith({ "village.rentCapYears": { values: [{ from: "2020-01-01", value: "2" }] } });
    const outcome = compute({}, [], ruleSet);
    expect(outcome.trace.map((s) => s.rule)).toEqual(["village.sitePart", "village.total"]);
  });

  it("basis is the weakest status among the parameters used: only perMu (reported) without leases → reported", () => {
    const reported = ruleSetWith({
      "village.perMu": {
        status: "reported",
        values: [{ from: "2000-01-01", value: { "industrial-compound": "1000", "breeding-zone": "500" } }],
      },
    });
    expect(compute({}, [], reported).basis).toBe("reported");
    expect(compute({}, [{ leaseEndsOn: "2016-12-31" }], reported).basis).toBe("illustrative");
  });
});

describe("input errors (via computeBatch)", () => {
  it("a duplicate lease id is an input error at leases[1].id, and nothing is computed", () => {
    const document = computeBatch([
      villageInput({}, [
        { id: "L1", leaseEndsOn: "2017-01-01" },
        { id: "L1", leaseEndsOn: "2018-01-01" },
      ]),
    ]);
    expect(document.results).toEqual([]);
    expect(document.errors.map((e) => e.path)).toEqual(["[0].leases[1].id"]);
  });

  it("an unreal date (2016-02-30) and a negative rent are input errors at their paths", () => {
    const document = computeBatch([
      villageInput({ clearedOn: "2016-02-30" }, [{ annualRent: "-1", leaseEndsOn: "2017-01-01" }]),
    ]);
    expect(document.errors.map((e) => e.path).sort()).toEqual(["[0].clearedOn", "[0].leases[0].annualRent"]);
  });
});
