import { describe, expect, it } from "vitest";
import { contextOn } from "../../support/outcomes.js";
import { compute } from "../../../src/batch/compute.js";
import { InvalidInputError } from "../../../src/errors/index.js";
import { checkDeclaration } from "../../../src/rules/land-clearing-fee/index.js";
import { StructureClearanceSchema } from "../../../src/schemas/cases.js";
import { RULES, TEST_RATES, clean, declaration, problems } from "./support.js";

const KNOWN = Object.keys(TEST_RATES);

describe("structure-clearance input errors (through computeBatch)", () => {
  it("unknown structure type → items[2].structureType, naming every known type", () => {
    const errors = problems([
      declaration([clean("brick-concrete", "1"), clean("brick-wood", "1"), { structureType: "tent", quantity: "5" }]),
    ]);
    expect(errors.map((e) => e.path)).toEqual(["[0].items[2].structureType"]);
    for (const type of KNOWN) expect(errors[0]?.message).toContain(`"${type}"`);
    expect(errors[0]?.message).toContain('"tent"');
  });

  it("unknown surveyed type → items[0].survey.structureType", () => {
    const errors = problems([
      declaration([
        { structureType: "brick-concrete", quantity: "1", survey: { structureType: "igloo", quantity: "1" } },
      ]),
    ]);
    expect(errors.map((e) => e.path)).toEqual(["[0].items[0].survey.structureType"]);
    expect(errors[0]?.message).toContain('"brick-concrete"');
  });

  it("duplicate item id → items[1].id", () => {
    const errors = problems([
      declaration([clean("brick-concrete", "1", { id: "A" }), clean("brick-wood", "2", { id: "A" })]),
    ]);
    expect(errors.map((e) => e.path)).toEqual(["[0].items[1].id"]);
  });

  it.each([
    {
      name: 'negative quantity "-3"',
      item: { structureType: "brick-concrete", quantity: "-3" },
      path: "[0].items[0].quantity",
    },
    {
      name: 'malformed quantity "12,5"',
      item: { structureType: "brick-concrete", quantity: "12,5" },
      path: "[0].items[0].quantity",
    },
    {
      name: 'quantity with a unit "12 m2"',
      item: { structureType: "brick-concrete", quantity: "12 m2" },
      path: "[0].items[0].quantity",
    },
    {
      name: "negative surveyed quantity",
      item: {
        structureType: "brick-concrete",
        quantity: "3",
        survey: { structureType: "brick-concrete", quantity: "-1" },
      },
      path: "[0].items[0].survey.quantity",
    },
    {
      name: 'builtOn "2016-02-30" is not a calendar date',
      item: { structureType: "brick-concrete", quantity: "3", builtOn: "2016-02-30" },
      path: "[0].items[0].builtOn",
    },
    {
      name: 'builtOn "2016/06/01" is not YYYY-MM-DD',
      item: { structureType: "brick-concrete", quantity: "3", builtOn: "2016/06/01" },
      path: "[0].items[0].builtOn",
    },
    {
      name: "negative declaredAmount",
      item: { structureType: "brick-concrete", quantity: "3", declaredAmount: "-180" },
      path: "[0].items[0].declaredAmount",
    },
    {
      name: "per-item type with 1.5 items",
      item: { structureType: "other-structure", quantity: "1.5" },
      path: "[0].items[0].quantity",
    },
    {
      name: "per-item type surveyed as 2.5 items",
      item: {
        structureType: "other-structure",
        quantity: "3",
        survey: { structureType: "other-structure", quantity: "2.5" },
      },
      path: "[0].items[0].survey.quantity",
    },
    {
      name: "survey changes the unit (m → m²)",
      item: {
        structureType: "enclosure-wall",
        quantity: "30",
        survey: { structureType: "brick-concrete", quantity: "20" },
      },
      path: "[0].items[0].survey.structureType",
    },
    {
      name: "unknown field in an item (typo)",
      item: { structureType: "brick-concrete", quantity: "3", quantiy: "4" },
      path: "[0].items[0].quantiy",
    },
  ])("$name → $path", ({ item, path }) => {
    expect(problems([declaration([item as never])]).map((e) => e.path)).toEqual([path]);
  });

  it('"3.0" items of a per-item type is a whole number', () => {
    expect(problems([declaration([clean("other-structure", "3.0")])])).toEqual([]);
  });

  it("every problem of a declaration at once, in item order", () => {
    const errors = problems([
      declaration([
        { structureType: "tent", quantity: "1" },
        { structureType: "brick-concrete", quantity: "-1" },
        { structureType: "brick-concrete", quantity: "1", builtOn: "2016-13-01" },
      ]),
    ]);
    // schema problems first stop the rule-set checks (they need a parsed case)
    expect(errors.map((e) => e.path)).toEqual(["[0].items[1].quantity", "[0].items[2].builtOn"]);
    const fixed = problems([
      declaration([
        { structureType: "tent", quantity: "1" },
        { structureType: "other-structure", quantity: "0.5" },
        { structureType: "igloo", quantity: "1" },
      ]),
    ]);
    expect(fixed.map((e) => e.path)).toEqual([
      "[0].items[0].structureType",
      "[0].items[1].quantity",
      "[0].items[2].structureType",
    ]);
  });

  it("a declaration dated before the rates are in force → declaredOn", () => {
    const errors = problems([declaration([clean("brick-concrete", "1")], { declaredOn: "1999-12-31" })]);
    expect(errors.map((e) => e.path)).toEqual(["[0].declaredOn", "[0].declaredOn", "[0].declaredOn"]);
    expect(errors[0]?.message).toContain("clearance.rates");
  });

  it("compute() throws InvalidInputError with the paths", () => {
    expect(() => compute(declaration([{ structureType: "tent", quantity: "1" }]), RULES)).toThrow(InvalidInputError);
    try {
      compute(declaration([{ structureType: "tent", quantity: "1" }]), RULES);
    } catch (error) {
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual(["items[0].structureType"]);
    }
  });
});

describe("checkDeclaration (paths relative to the case)", () => {
  it("returns no issue for a valid declaration, and relative paths otherwise", () => {
    const valid = StructureClearanceSchema.parse(declaration([clean("brick-concrete", "1")]));
    expect(checkDeclaration(valid, contextOn(RULES, valid.declaredOn))).toEqual([]);
    const invalid = StructureClearanceSchema.parse(
      declaration([clean("brick-concrete", "1"), { structureType: "tent", quantity: "1" }]),
    );
    expect(checkDeclaration(invalid, contextOn(RULES, invalid.declaredOn)).map((i) => i.path)).toEqual([
      "items[1].structureType",
    ]);
  });
});

describe("checkDeclaration: every refusal's path, code, message and Chinese text", () => {
  const issuesOf = (input: unknown) => {
    const facts = StructureClearanceSchema.parse(input);
    return checkDeclaration(facts, contextOn(RULES, facts.declaredOn));
  };

  it("an unknown type, a fractional count of a per-item type, a survey in another unit", () => {
    expect(
      issuesOf(
        declaration([
          { structureType: "tent", quantity: "1" },
          {
            structureType: "other-structure",
            quantity: "1.5",
            survey: { structureType: "brick-concrete", quantity: "2" },
          },
          {
            structureType: "brick-concrete",
            quantity: "1",
            survey: { structureType: "other-structure", quantity: "0.5" },
          },
        ]),
      ),
    ).toEqual([
      {
        path: "items[0].structureType",
        code: "unknown-structure-type",
        message:
          'structureType (结构类型) "tent" is not a structure type of rule set "test" on 2016-09-01; known: "brick-concrete", "brick-wood", "steel-frame", "enclosure-wall", "other-structure"',
        zh: '结构类型 "tent" 不在本规则集中',
        label: "结构类型",
      },
      {
        path: "items[1].quantity",
        code: "not-a-whole-number",
        message: 'quantity (数量) of "other-structure" is counted per item and must be a whole number; got "1.5"',
        zh: "按项计数，数量应为整数",
        label: "数量",
      },
      {
        path: "items[1].survey.structureType",
        code: "survey-changes-unit",
        message:
          'survey structureType (核定结构类型) "brick-concrete" is measured in m2 but the declared "other-structure" in item; quantities in different units cannot be compared — declare the item again in the surveyed type\'s unit',
        zh: "核定结构类型与申报结构类型的计量单位不同（m2、item），数量无法比较",
        label: "核定结构类型",
      },
      {
        path: "items[2].survey.quantity",
        code: "not-a-whole-number",
        message: 'quantity (数量) of "other-structure" is counted per item and must be a whole number; got "0.5"',
        zh: "按项计数，数量应为整数",
        label: "数量",
      },
      {
        path: "items[2].survey.structureType",
        code: "survey-changes-unit",
        message:
          'survey structureType (核定结构类型) "other-structure" is measured in item but the declared "brick-concrete" in m2; quantities in different units cannot be compared — declare the item again in the surveyed type\'s unit',
        zh: "核定结构类型与申报结构类型的计量单位不同（item、m2），数量无法比较",
        label: "核定结构类型",
      },
    ]);
  });

  it("a declaration dated before the parameters are in force: one refusal per parameter, on declaredOn", () => {
    const missing = (name: string) => ({
      path: "declaredOn",
      code: "no-value-in-force",
      message: `declaredOn (申报日期) 1999-12-31: rule set "test" ${name} has no value in force on 1999-12-31 (its first value is from 2000-01-01)`,
      zh: `申报日期 1999-12-31：规则集"test"参数 ${name} 在 1999-12-31 没有有效值（最早的值自 2000-01-01 起）`,
      label: "申报日期",
    });
    expect(issuesOf(declaration([clean("brick-concrete", "1")], { declaredOn: "1999-12-31" }))).toEqual([
      missing("clearance.rates"),
      missing("clearance.cutoffDate"),
      missing("clearance.requireSurvey"),
    ]);
  });
});
