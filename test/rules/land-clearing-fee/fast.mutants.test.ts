// The fast evaluator of structure-clearance, case by case: the declarations it must take (and then compute exactly
// what the rules compute, amounts in fen) and the ones it must hand back to the reference path. The equivalence
// property (test/rules/fast.prop.test.ts) cannot see a kernel that declines too much — the rules then compute the
// same document — nor one whose amounts-only run differs from its outcome: these examples do.
import { describe, expect, it } from "vitest";
import { structureClearance } from "../../../src/rules/land-clearing-fee/index.js";
import { kernelChecks } from "../../support/fastKernel.js";
import { CUTOFF, RULES, clean, clearanceRules, declaration } from "./support.js";

const checks = kernelChecks(structureClearance, "declaredOn", RULES);
const { declined } = checks;

/** The declaration is taken (test/support/fastKernel.ts), with the detail the examples read. */
const taken = (input: ReturnType<typeof declaration>, ruleSet = RULES) =>
  checks.taken(input, ruleSet) as ReturnType<typeof checks.taken> & {
    detail: { items: { fee: string; approvedQuantity: string; approvedType: string }[]; totals: { declared: string } };
  };

describe("structure-clearance fast kernel: declarations it takes", () => {
  it("a clean surveyed item at 2–3 decimals, rounded as the rule set says", () => {
    const outcome = taken(declaration([clean("brick-concrete", "12.345"), clean("enclosure-wall", "3.1")]));
    // 12.345 × 60 = 740.70; 3.1 × 40 = 124.00
    expect(outcome.detail.items.map((item) => item.fee)).toEqual(["740.70", "124.00"]);
    expect(outcome.amounts.district).toBe("864.70");
  });

  it("a half fen, in every rounding mode", () => {
    // 0.0125 × 60 = 0.75 at scale 1: 0.8 half-up, 0.8 half-even, 0.7 down
    const item = [clean("brick-concrete", "0.0125")];
    expect(taken(declaration(item), clearanceRules({ rounding: { scale: 1, mode: "half-up" } })).amounts.total).toBe(
      "0.8",
    );
    expect(taken(declaration(item), clearanceRules({ rounding: { scale: 1, mode: "half-even" } })).amounts.total).toBe(
      "0.8",
    );
    expect(taken(declaration(item), clearanceRules({ rounding: { scale: 1, mode: "down" } })).amounts.total).toBe(
      "0.7",
    );
  });

  it("an unsurveyed item: 0 where a survey is required, the declared quantity where it is not", () => {
    const item = [{ structureType: "brick-wood", quantity: "10" }];
    expect(taken(declaration(item)).amounts.district).toBe("0.00");
    expect(taken(declaration(item), clearanceRules({ requireSurvey: false })).amounts.district).toBe("450.00");
  });

  it("built on the cut-off date is paid; built the day after is not", () => {
    const on = taken(declaration([clean("brick-concrete", "2", { builtOn: CUTOFF })]));
    expect(on.amounts.district).toBe("120.00");
    const after = taken(declaration([clean("brick-concrete", "2", { builtOn: "2016-06-15" })]));
    expect(after.amounts.district).toBe("0.00");
    expect(after.detail.items[0]!.approvedQuantity).toBe("0");
  });

  it("the smaller of the declared and surveyed quantities, compared across scales", () => {
    const smaller = taken(
      declaration([
        {
          structureType: "brick-concrete",
          quantity: "10",
          survey: { structureType: "brick-concrete", quantity: "9.99" },
        },
      ]),
    );
    expect(smaller.detail.items[0]!.approvedQuantity).toBe("9.99");
    const larger = taken(
      declaration([
        {
          structureType: "brick-concrete",
          quantity: "9.5",
          survey: { structureType: "brick-concrete", quantity: "10.25" },
        },
      ]),
    );
    expect(larger.detail.items[0]!.approvedQuantity).toBe("9.5");
    expect(larger.amounts.district).toBe("570.00");
    // Equal figures at different scales: the declared quantity, as it was written.
    const equal = taken(
      declaration([
        {
          structureType: "brick-concrete",
          quantity: "10",
          survey: { structureType: "brick-concrete", quantity: "10.00" },
        },
      ]),
    );
    expect(equal.detail.items[0]!.approvedQuantity).toBe("10");
  });

  it("a survey of another type in the same unit is paid at that type's rate", () => {
    const outcome = taken(
      declaration([
        { structureType: "brick-concrete", quantity: "10", survey: { structureType: "steel-frame", quantity: "10" } },
      ]),
    );
    expect(outcome.detail.items[0]!.approvedType).toBe("steel-frame");
    expect(outcome.amounts.district).toBe("350.00");
  });

  it("declared amounts: equal, different, at more decimals than the rounding scale, and mixed with quantities", () => {
    const outcome = taken(
      declaration([
        clean("brick-concrete", "1", { declaredAmount: "60" }),
        clean("brick-wood", "1", { declaredAmount: "50.005" }),
        clean("steel-frame", "1"),
      ]),
    );
    // 60 + 50.005 + 35 = 145.005 → 145.01 (half-up, once, on the sum)
    expect(outcome.detail.totals.declared).toBe("145.01");
    expect(outcome.amounts.district).toBe("140.00");
  });

  it("counted items: whole counts, written with or without decimals, and zero", () => {
    expect(taken(declaration([clean("other-structure", "2.00")])).amounts.district).toBe("2000.00");
    expect(taken(declaration([clean("other-structure", "3")])).amounts.district).toBe("3000.00");
    expect(taken(declaration([clean("other-structure", "0.0")])).amounts.district).toBe("0.00");
    expect(taken(declaration([clean("brick-concrete", "0")])).amounts.district).toBe("0.00");
  });

  it("JSON numbers for figures, as the schema takes them", () => {
    const input = declaration([clean("brick-concrete", "1")]);
    const item = input.items[0] as unknown as Record<string, unknown>;
    item.quantity = 2.5;
    item.survey = { structureType: "brick-concrete", quantity: 2.5 };
    expect(taken(input).amounts.district).toBe("150.00");
  });
});

describe("structure-clearance fast kernel: declarations it hands back", () => {
  const base = () => declaration([clean("brick-concrete", "1")]);
  const withItem = (item: Record<string, unknown>) => ({ ...base(), items: [{ id: "I1", ...item }] });

  it.each([
    ["not an object", null],
    ["an array", [base()]],
    ["an extra key", { ...base(), remark: "x" }],
    ["a missing key", (({ site: _site, ...rest }) => rest)(base())],
    ["another kind", { ...base(), kind: "enterprise-exit" }],
    ["a numeric id", { ...base(), id: 7 }],
    ["a township that is not text", { ...base(), township: ["台湖镇"] }],
    ["an impossible date", { ...base(), declaredOn: "2016-02-30" }],
    ["a date no rates are in force on", { ...base(), declaredOn: "1990-01-01" }],
    ["no items", { ...base(), items: [] }],
    ["items that are not a list", { ...base(), items: {} }],
  ])("%s", (_name, input) => declined(input));

  it.each([
    ["an item that is not an object", "brick"],
    ["an extra item key", { structureType: "brick-concrete", quantity: "1", note: "x" }],
    ["an item without an id", { id: undefined, structureType: "brick-concrete", quantity: "1" }],
    ["an unknown structure type", { structureType: "tent", quantity: "1" }],
    ["a negative quantity", { structureType: "brick-concrete", quantity: "-1" }],
    ["a quantity that is not a decimal", { structureType: "brick-concrete", quantity: "1e3" }],
    ["a fraction of a counted item", { structureType: "other-structure", quantity: "1.5" }],
    ["half a counted item", { structureType: "other-structure", quantity: "0.5" }],
    ["an impossible build date", { structureType: "brick-concrete", quantity: "1", builtOn: "2016-13-01" }],
    ["a negative declared amount", { structureType: "brick-concrete", quantity: "1", declaredAmount: "-5" }],
    ["a survey that is not an object", { structureType: "brick-concrete", quantity: "1", survey: "1" }],
    [
      "a survey with an extra key",
      {
        structureType: "brick-concrete",
        quantity: "1",
        survey: { structureType: "brick-concrete", quantity: "1", x: 1 },
      },
    ],
    [
      "a survey without a type",
      { structureType: "brick-concrete", quantity: "1", survey: { type: "brick-concrete", quantity: "1" } },
    ],
    [
      "a survey of an unknown type",
      { structureType: "brick-concrete", quantity: "1", survey: { structureType: "igloo", quantity: "1" } },
    ],
    [
      "a survey in another unit",
      { structureType: "brick-concrete", quantity: "1", survey: { structureType: "enclosure-wall", quantity: "1" } },
    ],
    [
      "a negative survey",
      { structureType: "brick-concrete", quantity: "1", survey: { structureType: "brick-concrete", quantity: "-1" } },
    ],
    [
      "a fraction of a counted item surveyed",
      {
        structureType: "other-structure",
        quantity: "1",
        survey: { structureType: "other-structure", quantity: "0.5" },
      },
    ],
  ])("%s", (_name, item) => declined(withItem(item as Record<string, unknown>)));

  it("an item id given twice", () => {
    declined(declaration([clean("brick-concrete", "1", { id: "A" }), clean("brick-wood", "1", { id: "A" })]));
  });

  it("a figure past 2^53 (decimal.js computes it)", () => {
    const input = declaration([clean("brick-concrete", "900719925474099.3")]);
    declined(input);
    expect(checks.reference(input).errors).toEqual([]);
  });
});
