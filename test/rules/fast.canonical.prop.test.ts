// The fast kernels' canonical writers (`canonical`) write exactly the text of the general writer
// (src/receipt/canonical.ts) for every case their validator takes: keys in any order, optional keys present or
// absent, texts with quotes, backslashes, control characters, U+2028, lone surrogates, Han characters and astral
// characters, quantities as numbers (-0 included), and a case is written by the general writer (`canonical`
// gives undefined) whenever a prototype or an own `toJSON` could make the texts differ.
import { fc, test } from "@fast-check/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { computeTotals } from "../../src/batch/compute.js";
import { canonicalJson } from "../../src/receipt/canonical.js";
import { inputSha256 } from "../../src/receipt/receipt.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { extendDomain } from "../../src/rules/domain.js";
import { enterpriseExit } from "../../src/rules/enterprise-reward/index.js";
import { CANONICAL, type BuiltInKernel, type FastEvaluator, type FastKernel } from "../../src/rules/fast.js";
import { programme } from "../../src/rules/programme.js";
import { CATALOGUE_INDUSTRIES, EXEMPT_CATEGORIES, MUNICIPAL_OUTCOMES } from "../../src/schemas/cases.js";
import { POLLUTANTS, TAX_TYPES } from "../../src/vocabulary.js";

const kernelOf = (kind: string): BuiltInKernel => {
  const kernel = defaultProgramme.entry(kind)?.kernel(defaultRuleSet) as BuiltInKernel | undefined;
  if (kernel?.[CANONICAL] === undefined) throw new Error(`no canonical writer for ${kind}`);
  return kernel;
};
const clearance = kernelOf("structure-clearance");
const enterprise = kernelOf("enterprise-exit");

/** Characters that JSON.stringify escapes or that take two code units, among ordinary ones. */
const charArb = fc.oneof(
  fc.constantFrom('"', "\\", "\u0000", "\n", "\u001f", "\u007f", "\u2028", "\ud800", "\udfff", "é", "镇", "𝄞", "/"),
  fc.string({ minLength: 1, maxLength: 1 }),
);
/** A non-empty text without leading or trailing white space (TextSchema). */
const textArb = fc
  .string({ unit: charArb, minLength: 1, maxLength: 12 })
  .filter((text) => text.trim() === text && text.length > 0);
const decimalArb = fc.oneof(
  { weight: 10, arbitrary: fc.nat({ max: 10 ** 9 }).map(String) },
  {
    weight: 10,
    arbitrary: fc.tuple(fc.nat({ max: 10 ** 6 }), fc.nat({ max: 999 })).map(([whole, part]) => `${whole}.${part}`),
  },
  { weight: 10, arbitrary: fc.constantFrom(-0, 0, 1, 12.5, 1234567.125, 0.000001, "0.00") },
  // Refused by the schema: the kernel declines them, and the reference path reports them.
  { weight: 1, arbitrary: fc.constantFrom("007", "1e3", 1e21) },
);
const dateArb = fc.constantFrom("2016-06-14", "2016-07-01", "2016-12-31", "2017-02-28");

/** The same members inserted in a random order (the input's own key order must not matter). */
function shuffled(members: { readonly [key: string]: unknown }, order: readonly number[]): { [key: string]: unknown } {
  const keys = Object.keys(members).filter((key) => members[key] !== undefined);
  const ranked = keys.map((key, index) => ({ key, rank: order[index % order.length] ?? 0 }));
  ranked.sort((a, b) => a.rank - b.rank);
  return Object.fromEntries(ranked.map(({ key }) => [key, members[key]]));
}
const orderArb = fc.array(fc.nat(), { minLength: 1, maxLength: 24 });

const AREA_TYPES = ["brick-concrete", "brick-wood", "steel-frame", "simple"] as const;
const itemArb = fc
  .record(
    {
      structureType: fc.constantFrom<string>(...AREA_TYPES),
      quantity: decimalArb,
      builtOn: fc.constantFrom("2015-01-01", "2016-06-14", "2016-07-01"),
      declaredAmount: decimalArb,
      survey: fc.record({ structureType: fc.constantFrom<string>(...AREA_TYPES), quantity: decimalArb }),
      order: orderArb,
    },
    { requiredKeys: ["structureType", "quantity", "order"] },
  )
  .map(({ order, survey, ...item }) => ({
    ...item,
    ...(survey === undefined ? {} : { survey: shuffled(survey, order.slice().reverse()) }),
    order,
  }));

const declarationArb = fc
  .record({
    texts: fc.tuple(textArb, textArb, textArb, textArb),
    declaredOn: dateArb,
    items: fc.array(itemArb, { minLength: 1, maxLength: 5 }),
    order: orderArb,
  })
  .map(({ texts: [id, township, village, site], declaredOn, items, order }) =>
    shuffled(
      {
        kind: "structure-clearance",
        id,
        township,
        village,
        site,
        declaredOn,
        items: items.map(({ order: itemOrder, ...item }, index) => shuffled({ ...item, id: `I${index}` }, itemOrder)),
      },
      order,
    ),
  );

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const recordOf = (keys: readonly string[]) =>
  fc.record(Object.fromEntries(keys.map((key) => [key, decimalArb])), { requiredKeys: [] });

const exitArb = fc
  .record({
    texts: fc.tuple(textArb, textArb, textArb),
    exitMode: fc.constantFrom("whole", "process"),
    scale: fc.constantFrom("above", "below"),
    exitCompletedOn: dateArb,
    flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
    municipalOutcome: fc.constantFrom(...MUNICIPAL_OUTCOMES),
    energySavedTce: decimalArb,
    pollutantsReducedTonnes: optional(recordOf(POLLUTANTS)),
    priorYearTax: optional(recordOf(TAX_TYPES)),
    employees: fc.constantFrom(0, -0, 7, 300, 2 ** 40),
    landAreaM2: decimalArb,
    municipalAssessedAmount: optional(decimalArb),
    region: optional(fc.constantFrom("north", "south")),
    catalogueIndustry: optional(fc.constantFrom(...CATALOGUE_INDUSTRIES)),
    exempt: optional(
      fc.record(
        {
          exemptCategory: fc.constantFrom(...EXEMPT_CATEGORIES),
          leadingGroupDecision: fc.constantFrom("pending", "exit", "retain"),
        },
        { requiredKeys: ["exemptCategory"] },
      ),
    ),
    orders: fc.tuple(orderArb, orderArb, orderArb, orderArb),
  })
  .map(({ texts: [id, name, township], flags, exempt, orders, pollutantsReducedTonnes, priorYearTax, ...rest }) =>
    shuffled(
      {
        kind: "enterprise-exit",
        id,
        name,
        township,
        ...rest,
        ...exempt,
        licensed: flags[0],
        recommendedByDistrict: flags[1],
        acceptance: shuffled(
          { equipmentRemoved: flags[2], licenceChangedOrCancelled: flags[3], staffResettled: flags[4] },
          orders[1],
        ),
        pollutantsReducedTonnes:
          pollutantsReducedTonnes === undefined ? undefined : shuffled(pollutantsReducedTonnes, orders[2]),
        priorYearTax: priorYearTax === undefined ? undefined : shuffled(priorYearTax, orders[3]),
      },
      orders[0],
    ),
  );

const seen = new Map<BuiltInKernel, { taken: number; all: number }>([
  [clearance, { taken: 0, all: 0 }],
  [enterprise, { taken: 0, all: 0 }],
]);

/** The kernel's text equals the general writer's for every case the kernel takes. */
function expectSameText(kernel: BuiltInKernel, input: { [key: string]: unknown }): void {
  const count = seen.get(kernel) as { taken: number; all: number };
  count.all += 1;
  if (kernel.run(input, false) === undefined) return;
  count.taken += 1;
  expect(kernel[CANONICAL]?.()?.(input)).toBe(canonicalJson(input));
}

describe("the fast kernels' canonical writers are the canonical writer", () => {
  test.prop([declarationArb], { numRuns: 300 })("structure clearance", (input) => expectSameText(clearance, input));
  test.prop([exitArb], { numRuns: 300 })("enterprise exits", (input) => expectSameText(enterprise, input));

  it("the properties' cases mostly went through the kernels (they would pass if the kernels took none)", () => {
    for (const { taken, all } of seen.values()) {
      expect(all).toBeGreaterThanOrEqual(300);
      expect(taken / all).toBeGreaterThan(0.5);
    }
  });

  it("writes in the sorted order whatever the order of the input's keys", () => {
    const item = { survey: { quantity: "2", structureType: "simple" }, quantity: 3, structureType: "simple", id: "1" };
    const declaration = {
      items: [item],
      village: "次渠村",
      township: "台湖镇",
      site: "地块",
      kind: "structure-clearance",
      id: "D-1",
      declaredOn: "2016-07-01",
    };
    expect(clearance.run(declaration, false)).toBeDefined();
    expect(clearance[CANONICAL]?.()?.(declaration)).toBe(
      '{"declaredOn":"2016-07-01","id":"D-1","items":[{"id":"1","quantity":3,"structureType":"simple","survey":{"quantity":"2","structureType":"simple"}}],"kind":"structure-clearance","site":"地块","township":"台湖镇","village":"次渠村"}',
    );
  });
});

/** An enterprise exit the kernel takes. */
const exitCase = () => ({
  kind: "enterprise-exit",
  id: "E-1",
  name: "某厂",
  township: "台湖镇",
  exitMode: "whole",
  scale: "below",
  exitCompletedOn: "2016-07-01",
  licensed: true,
  acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
  municipalOutcome: "granted",
  recommendedByDistrict: false,
  energySavedTce: "10",
  employees: 3,
  landAreaM2: "100",
  priorYearTax: { vat: "100" },
});

describe("a case the kernel's writer cannot vouch for is written by the general writer", () => {
  const declaration = () => ({
    kind: "structure-clearance",
    id: "D-1",
    township: "台湖镇",
    village: "次渠村",
    site: "地块",
    declaredOn: "2016-07-01",
    items: [{ id: "1", structureType: "simple", quantity: "3", survey: { structureType: "simple", quantity: "2" } }],
  });
  const prototype = Object.prototype as { toJSON?: unknown; builtOn?: unknown };
  afterEach(() => {
    delete prototype.toJSON;
    delete prototype.builtOn;
    delete (Array.prototype as { toJSON?: unknown }).toJSON;
  });

  /** The receipt of computeTotals equals the general writer's hash of the same case. */
  const expectGeneral = (input: object) => {
    expect(clearance[CANONICAL]?.()?.(input)).toBeUndefined();
    expect(computeTotals([input], { ruleSet: defaultRuleSet }).receipt.input.sha256).toBe(inputSha256([input]));
  };

  it("an own toJSON (not enumerable, so the schema does not see it) on the case, a list, an item or a survey", () => {
    for (const at of ["case", "items", "item", "survey"] as const) {
      const input = declaration();
      const holder = { case: input, items: input.items, item: input.items[0], survey: input.items[0]?.survey }[at];
      Object.defineProperty(holder, "toJSON", { value: () => ({ replaced: at }), enumerable: false });
      expect(clearance.run(input, false)).toBeDefined();
      expectGeneral(input);
      expect(canonicalJson(input)).toContain("replaced");
    }
  });

  it("a toJSON on Object.prototype or Array.prototype", () => {
    Object.defineProperty(Array.prototype, "toJSON", {
      value: () => "list",
      configurable: true,
      writable: true,
      enumerable: false,
    });
    expectGeneral(declaration());
    delete (Array.prototype as { toJSON?: unknown }).toJSON;
    Object.defineProperty(prototype, "toJSON", {
      value: () => "object",
      configurable: true,
      writable: true,
      enumerable: false,
    });
    expectGeneral(declaration());
  });

  it("a key of the schema that Object.prototype holds", () => {
    Object.defineProperty(prototype, "builtOn", {
      value: "2000-01-01",
      configurable: true,
      writable: true,
      enumerable: false,
    });
    expect(clearance[CANONICAL]?.()?.(declaration())).toBeUndefined();
  });

  it("the same for enterprise exits", () => {
    const exit = exitCase();
    expect(enterprise.run(exit, false)).toBeDefined();
    expect(enterprise[CANONICAL]?.()?.(exit)).toBe(canonicalJson(exit));
    Object.defineProperty(exit.priorYearTax, "toJSON", { value: () => 1, enumerable: false });
    expect(enterprise.run(exit, false)).toBeDefined();
    expect(enterprise[CANONICAL]?.()?.(exit)).toBeUndefined();
    expect(computeTotals([exit], { ruleSet: defaultRuleSet }).receipt.input.sha256).toBe(inputSha256([exit]));
  });
});

describe("only exitfund's own kernels write canonical JSON", () => {
  it("an extension's kernel that offers a writer of its own is not asked: the general writer writes its cases", () => {
    const base = enterpriseExit.fast as FastEvaluator;
    const forged: FastEvaluator = {
      covers: (domain) => domain === extended,
      compile: (ruleSet) => {
        const kernel = base.compile(ruleSet, enterpriseExit);
        if (kernel === undefined) return undefined;
        // A writer under a name of its own and under a symbol of its own: neither is the built-in key.
        return {
          run: (input, outcome) => kernel.run(input, outcome),
          canonical: () => () => '"forged"',
          [Symbol("exitfund canonical JSON writer")]: () => () => '"forged"',
        } as FastKernel;
      },
    };
    const extended = extendDomain(enterpriseExit, { fast: forged });
    const cases = [exitCase()];
    const document = computeTotals(cases, { ruleSet: defaultRuleSet, programme: programme(extended) });
    expect(document.errors).toEqual([]);
    expect(document.receipt.input.sha256).toBe(inputSha256(cases));
  });
});
