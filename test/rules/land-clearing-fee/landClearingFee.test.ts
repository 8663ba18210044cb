import { describe, expect, it } from "vitest";
import { landClearingFeeMessages } from "../../../src/rules/land-clearing-fee/index.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { loadRuleSet } from "../../../src/rule-sets/index.js";
import {
  type ItemInput,
  CUTOFF,
  RULES,
  TEST_RATES,
  clean,
  clearanceRules,
  declaration,
  problems,
  verifyOne,
} from "./support.js";

const NOT_REQUIRED = clearanceRules({ requireSurvey: false });

describe("structure-clearance: one item", () => {
  it.each<{
    name: string;
    item: ItemInput;
    rules?: typeof RULES;
    fee: string;
    approvedType: string;
    approvedQuantity: string;
    unit: string;
    findings: string[];
  }>([
    {
      name: "120 m² brick-concrete surveyed 120 at 60 → 7,200.00, clean",
      item: clean("brick-concrete", "120"),
      fee: "7200.00",
      approvedType: "brick-concrete",
      approvedQuantity: "120",
      unit: "m2",
      findings: [],
    },
    {
      name: "type-mismatch: declared brick-concrete 100 m², surveyed brick-wood 100 → 100 × 45 = 4,500.00",
      item: {
        structureType: "brick-concrete",
        quantity: "100",
        survey: { structureType: "brick-wood", quantity: "100" },
      },
      fee: "4500.00",
      approvedType: "brick-wood",
      approvedQuantity: "100",
      unit: "m2",
      findings: ["type-mismatch"],
    },
    {
      name: "quantity-exceeds-survey: declared 120 m², surveyed 100 → 100 × 60 = 6,000.00",
      item: {
        structureType: "brick-concrete",
        quantity: "120",
        survey: { structureType: "brick-concrete", quantity: "100" },
      },
      fee: "6000.00",
      approvedType: "brick-concrete",
      approvedQuantity: "100",
      unit: "m2",
      findings: ["quantity-exceeds-survey"],
    },
    {
      name: "survey larger than the declaration: declared 100 m², surveyed 120 → 100 × 60 = 6,000.00 (never above declared), clean",
      item: {
        structureType: "brick-concrete",
        quantity: "100",
        survey: { structureType: "brick-concrete", quantity: "120" },
      },
      fee: "6000.00",
      approvedType: "brick-concrete",
      approvedQuantity: "100",
      unit: "m2",
      findings: [],
    },
    {
      name: `built-after-cutoff: built 2016-06-15 > ${CUTOFF} → 0 × 60 = 0.00`,
      item: clean("brick-concrete", "120", { builtOn: "2016-06-15" }),
      fee: "0.00",
      approvedType: "brick-concrete",
      approvedQuantity: "0",
      unit: "m2",
      findings: ["built-after-cutoff"],
    },
    {
      name: `built on the cut-off day ${CUTOFF} → 120 × 60 = 7,200.00, clean`,
      item: clean("brick-concrete", "120", { builtOn: CUTOFF }),
      fee: "7200.00",
      approvedType: "brick-concrete",
      approvedQuantity: "120",
      unit: "m2",
      findings: [],
    },
    {
      name: "unsurveyed, survey required → 0.00",
      item: { structureType: "brick-concrete", quantity: "120" },
      fee: "0.00",
      approvedType: "brick-concrete",
      approvedQuantity: "0",
      unit: "m2",
      findings: ["unsurveyed"],
    },
    {
      name: "unsurveyed, survey not required → declared 120 × 60 = 7,200.00, still a finding",
      item: { structureType: "brick-concrete", quantity: "120" },
      rules: NOT_REQUIRED,
      fee: "7200.00",
      approvedType: "brick-concrete",
      approvedQuantity: "120",
      unit: "m2",
      findings: ["unsurveyed"],
    },
    {
      name: "declared-amount-mismatch: declared 7,300.00 but 120 × 60 = 7,200.00 → fee 7,200.00",
      item: clean("brick-concrete", "120", { declaredAmount: "7300.00" }),
      fee: "7200.00",
      approvedType: "brick-concrete",
      approvedQuantity: "120",
      unit: "m2",
      findings: ["declared-amount-mismatch"],
    },
    {
      name: 'declaredAmount "7200" equals 120 × 60 = 7,200.00 (compared as numbers) → clean',
      item: clean("brick-concrete", "120", { declaredAmount: "7200" }),
      fee: "7200.00",
      approvedType: "brick-concrete",
      approvedQuantity: "120",
      unit: "m2",
      findings: [],
    },
    {
      name: "declared-amount-mismatch is checked at the DECLARED type: brick-concrete 100 m² declared 6,000.00 (= 100 × 60), surveyed brick-wood → type-mismatch only",
      item: {
        structureType: "brick-concrete",
        quantity: "100",
        declaredAmount: "6000.00",
        survey: { structureType: "brick-wood", quantity: "100" },
      },
      fee: "4500.00",
      approvedType: "brick-wood",
      approvedQuantity: "100",
      unit: "m2",
      findings: ["type-mismatch"],
    },
    {
      name: "several findings: declared brick-concrete 120 m² for 7,300.00, surveyed brick-wood 100 → 100 × 45 = 4,500.00",
      item: {
        structureType: "brick-concrete",
        quantity: "120",
        declaredAmount: "7300.00",
        survey: { structureType: "brick-wood", quantity: "100" },
      },
      fee: "4500.00",
      approvedType: "brick-wood",
      approvedQuantity: "100",
      unit: "m2",
      findings: ["type-mismatch", "quantity-exceeds-survey", "declared-amount-mismatch"],
    },
    {
      name: "built after the cut-off and unsurveyed → 0.00 with both findings",
      item: { structureType: "steel-frame", quantity: "80", builtOn: "2016-07-01" },
      fee: "0.00",
      approvedType: "steel-frame",
      approvedQuantity: "0",
      unit: "m2",
      findings: ["built-after-cutoff", "unsurveyed"],
    },
    {
      name: "enclosure wall per metre: 25.5 m × 40 = 1,020.00",
      item: clean("enclosure-wall", "25.5"),
      fee: "1020.00",
      approvedType: "enclosure-wall",
      approvedQuantity: "25.5",
      unit: "m",
      findings: [],
    },
    {
      name: "other structure per item: 3 × 1,000 = 3,000.00",
      item: clean("other-structure", "3"),
      fee: "3000.00",
      approvedType: "other-structure",
      approvedQuantity: "3",
      unit: "item",
      findings: [],
    },
    {
      name: "zero quantity declared and surveyed → 0.00, clean",
      item: clean("brick-wood", "0"),
      fee: "0.00",
      approvedType: "brick-wood",
      approvedQuantity: "0",
      unit: "m2",
      findings: [],
    },
  ])("$name", ({ item, rules, fee, approvedType, approvedQuantity, unit, findings }) => {
    const outcome = verifyOne(declaration([item]), rules ?? RULES);
    const row = outcome.detail?.items[0];
    expect(row).toMatchObject({
      id: "I1",
      declaredType: item.structureType,
      declaredQuantity: item.quantity,
      approvedType,
      approvedQuantity,
      unit,
      fee,
      findings,
    });
    expect(outcome.findings.map((f) => [f.code, f.itemId])).toEqual(findings.map((code) => [code, "I1"]));
    expect(outcome.amounts).toEqual({ municipal: "0.00", district: fee, total: fee });
  });
});

describe("structure-clearance: rounding per item, totals of the rounded items", () => {
  it.each([
    { name: "33.333 m² × 60 = 1,999.98 (not 2,000.00)", type: "brick-concrete", quantity: "33.333", fee: "1999.98" },
    {
      name: "33.333 m² × 45 = 1,499.985 → 1,499.99 (half-up tie at the fen)",
      type: "brick-wood",
      quantity: "33.333",
      fee: "1499.99",
    },
    {
      name: "33.333 m² × 35 = 1,166.655 → 1,166.66 (half-up tie at the fen)",
      type: "steel-frame",
      quantity: "33.333",
      fee: "1166.66",
    },
    { name: "0.0001 m² × 60 = 0.006 → 0.01", type: "brick-concrete", quantity: "0.0001", fee: "0.01" },
    { name: "0.00008 m² × 60 = 0.0048 → 0.00", type: "brick-concrete", quantity: "0.00008", fee: "0.00" },
  ])("$name", ({ type, quantity, fee }) => {
    expect(verifyOne(declaration([clean(type, quantity)])).detail?.items[0]?.fee).toBe(fee);
  });

  it("1,499.985 + 1,166.655 = 2,666.64 unrounded, but the approved total is 1,499.99 + 1,166.66 = 2,666.65", () => {
    const outcome = verifyOne(declaration([clean("brick-wood", "33.333"), clean("steel-frame", "33.333")]));
    expect(outcome.detail?.items.map((i) => i.fee)).toEqual(["1499.99", "1166.66"]);
    expect(outcome.detail?.totals.approved).toBe("2666.65");
    expect(outcome.amounts.district).toBe("2666.65");
  });

  it("half-even rule set: 33.333 × 45 = 1,499.985 → 1,499.98 (the rule set's rounding is used)", () => {
    const rules = clearanceRules({ rounding: { scale: 2, mode: "half-even" } });
    expect(verifyOne(declaration([clean("brick-wood", "33.333")]), rules).detail?.items[0]?.fee).toBe("1499.98");
  });
});

describe("structure-clearance: totals and the declared basis", () => {
  it("every item has a declaredAmount → declared = 7,300.00 + 2,000.00 = 9,300.00 (declared-amounts); approved 7,200.00 + 1,000.00; difference −1,100.00", () => {
    const outcome = verifyOne(
      declaration([
        clean("brick-concrete", "120", { declaredAmount: "7300.00" }),
        clean("other-structure", "1", { declaredAmount: "2000.00" }),
      ]),
    );
    expect(outcome.detail?.totals).toEqual({ declared: "9300.00", approved: "8200.00", difference: "-1100.00" });
    expect(outcome.detail?.declaredBasis).toBe("declared-amounts");
  });

  it("no declaredAmount → declared = Σ round(rate of declared type × declared quantity) = 7,200.00 + 1,999.98 (declared-quantities-at-rates)", () => {
    const outcome = verifyOne(
      declaration([
        {
          structureType: "brick-concrete",
          quantity: "120",
          survey: { structureType: "brick-concrete", quantity: "100" },
        },
        clean("brick-concrete", "33.333"),
      ]),
    );
    expect(outcome.detail?.totals).toEqual({ declared: "9199.98", approved: "7999.98", difference: "-1200.00" });
    expect(outcome.detail?.declaredBasis).toBe("declared-quantities-at-rates");
    expect(outcome.detail?.declaredByItem).toEqual([
      { id: "I1", amount: "7200.00", basis: "declared-quantity-at-rate" },
      { id: "I2", amount: "1999.98", basis: "declared-quantity-at-rate" },
    ]);
  });

  it("some items with a declaredAmount → mixed: 5,000.00 given + 120 × 60 = 7,200.00 → declared 12,200.00", () => {
    const outcome = verifyOne(
      declaration([clean("brick-wood", "100", { declaredAmount: "5000.00" }), clean("brick-concrete", "120")]),
    );
    expect(outcome.detail?.totals).toEqual({ declared: "12200.00", approved: "11700.00", difference: "-500.00" });
    expect(outcome.detail?.declaredBasis).toBe("mixed");
  });

  it("sub-fen declared amount: 999.995 → declared 1,000.00 (rounded once); difference = 1,000.00 − 1,000.00 = 0.00 (the figures shown, not round(0.005) = 0.01)", () => {
    const outcome = verifyOne(declaration([clean("other-structure", "1", { declaredAmount: "999.995" })]));
    expect(outcome.detail?.totals).toEqual({ declared: "1000.00", approved: "1000.00", difference: "0.00" });
    expect(outcome.findings.map((f) => [f.itemId, f.code])).toEqual([["I1", "declared-amount-mismatch"]]);
  });

  it("survey reclassifies to a dearer type: declared steel-frame 100 m² (3,500.00), surveyed brick-concrete → approved 6,000.00, difference +2,500.00", () => {
    const outcome = verifyOne(
      declaration([
        { structureType: "steel-frame", quantity: "100", survey: { structureType: "brick-concrete", quantity: "100" } },
      ]),
    );
    expect(outcome.detail?.totals).toEqual({ declared: "3500.00", approved: "6000.00", difference: "2500.00" });
  });
});

describe("structure-clearance: rates that change on a date (read at declaredOn)", () => {
  const dated = ruleSetWith({
    "clearance.rates": {
      values: [
        { from: "2000-01-01", value: { "brick-concrete": { unit: "m2", rate: "50" } } },
        {
          from: "2016-07-01",
          value: { "brick-concrete": { unit: "m2", rate: "70" }, tent: { unit: "m2", rate: "10" } },
        },
      ],
    },
    "clearance.cutoffDate": "2030-01-01",
    "clearance.requireSurvey": true,
  });

  it.each([
    {
      name: "declared 2016-06-30: 100 m² × 50 = 5,000.00",
      declaredOn: "2016-06-30",
      fee: "5000.00",
      from: "2000-01-01",
    },
    {
      name: "declared 2016-07-01: 100 m² × 70 = 7,000.00",
      declaredOn: "2016-07-01",
      fee: "7000.00",
      from: "2016-07-01",
    },
  ])("$name", ({ declaredOn, fee, from }) => {
    const outcome = verifyOne(declaration([clean("brick-concrete", "100")], { declaredOn }), dated);
    expect(outcome.detail?.items[0]?.fee).toBe(fee);
    const rateUse = outcome.trace
      .find((s) => s.rule === "clearance.fee")
      ?.params.find((p) => p.name === "clearance.rates.brick-concrete");
    expect(rateUse?.from).toBe(from);
  });

  it("a type added on 2016-07-01 is unknown to a declaration of 2016-06-30", () => {
    const document = problems([declaration([clean("tent", "5")], { declaredOn: "2016-06-30" })], dated);
    expect(document.map((e) => e.path)).toEqual(["[0].items[0].structureType", "[0].items[0].survey.structureType"]);
  });
});

describe("structure-clearance: outcome contract", () => {
  const outcome = verifyOne(
    declaration([
      {
        structureType: "brick-concrete",
        quantity: "120",
        declaredAmount: "7300.00",
        survey: { structureType: "brick-wood", quantity: "100" },
      },
      clean("enclosure-wall", "30"),
      { structureType: "steel-frame", quantity: "50", builtOn: "2016-07-01" },
    ]),
  );

  it("pays the township from the district, always eligible, not an estimate", () => {
    expect(outcome).toMatchObject({
      kind: "structure-clearance",
      township: "台湖镇",
      eligible: true,
      estimate: false,
      payee: { type: "township", id: "台湖镇" },
      ruleSet: { id: "test", version: "t" },
    });
    expect(outcome.amounts).toEqual({ municipal: "0.00", district: "5700.00", total: "5700.00" });
    expect(outcome.track).toBeUndefined();
  });

  it("reasons: verified-items with counts, paid-to-township", () => {
    expect(outcome.reasons.map((r) => r.code)).toEqual(["verified-items", "paid-to-township"]);
    expect(outcome.reasons[0]?.data).toEqual({ items: 3, surveyed: 2, paid: 2, zero: 1, withFindings: 2 });
    expect(outcome.reasons.every((r) => r.clause.startsWith("《实施方案》"))).toBe(true);
  });

  it("detail.items has exactly the contract's fields (DESIGN §6 verify)", () => {
    expect(outcome.detail?.items.map((i) => Object.keys(i).sort())).toEqual([
      [
        "approvedQuantity",
        "approvedType",
        "declaredAmount",
        "declaredQuantity",
        "declaredType",
        "fee",
        "findings",
        "id",
        "rate",
        "unit",
      ],
      ["approvedQuantity", "approvedType", "declaredQuantity", "declaredType", "fee", "findings", "id", "rate", "unit"],
      ["approvedQuantity", "approvedType", "declaredQuantity", "declaredType", "fee", "findings", "id", "rate", "unit"],
    ]);
    expect(Object.keys(outcome.detail?.totals ?? {}).sort()).toEqual(["approved", "declared", "difference"]);
    expect(outcome.detail).toMatchObject({ village: "次渠村", site: "test site", declaredOn: "2016-09-01" });
  });

  it("trace: a declared-fee and a fee step per item, then the three totals; every parameter read is in a step", () => {
    expect(outcome.trace.map((s) => s.rule)).toEqual([
      "clearance.declaredFee",
      "clearance.fee",
      "clearance.declaredFee",
      "clearance.fee",
      "clearance.declaredFee",
      "clearance.fee",
      "clearance.totals.declared",
      "clearance.totals.approved",
      "clearance.totals.difference",
    ]);
    const used = new Set(outcome.trace.flatMap((s) => s.params.map((p) => p.name)));
    expect([...used].sort()).toEqual([
      "clearance.cutoffDate",
      "clearance.rates.brick-concrete",
      "clearance.rates.brick-wood",
      "clearance.rates.enclosure-wall",
      "clearance.rates.steel-frame",
      "clearance.requireSurvey",
    ]);
    expect(outcome.trace.filter((s) => s.rule === "clearance.fee").map((s) => s.value)).toEqual(
      outcome.detail?.items.map((i) => i.fee),
    );
    expect(outcome.trace.at(-2)?.value).toBe("5700.00");
    expect(outcome.basis).toBe("illustrative");
  });

  it("basis is the weakest status of the parameters used: official rates and cut-off (and the bundled official requireSurvey) → official", () => {
    const official = loadRuleSet({
      id: "official-test",
      version: "t",
      title: "t",
      validFrom: "2000-01-01",
      extends: "tongzhou-2016",
      sources: [{ id: "T", title: "test", issuedOn: "2000-01-01", status: "official" }],
      parameters: {
        "clearance.rates": {
          status: "official",
          source: "T",
          clause: "test clause",
          values: [{ from: "2000-01-01", value: TEST_RATES }],
        },
        "clearance.cutoffDate": {
          status: "official",
          source: "T",
          clause: "test clause",
          values: [{ from: "2000-01-01", value: CUTOFF }],
        },
      },
    });
    expect(verifyOne(declaration([clean("brick-concrete", "1")]), official).basis).toBe("official");
  });

  it("every code and trace rule has English and Chinese text", () => {
    for (const finding of outcome.findings)
      expect(landClearingFeeMessages.codes[finding.code]?.zh(finding.data ?? {})).toBeTruthy();
    for (const r of outcome.reasons) expect(landClearingFeeMessages.codes[r.code]?.zh(r.data ?? {})).toBeTruthy();
    for (const s of outcome.trace) expect(landClearingFeeMessages.rules[s.rule]?.zh).toBeTruthy();
    for (const code of [
      "type-mismatch",
      "quantity-exceeds-survey",
      "built-after-cutoff",
      "unsurveyed",
      "declared-amount-mismatch",
    ]) {
      expect(Object.keys(landClearingFeeMessages.codes)).toContain(code);
    }
  });
});
