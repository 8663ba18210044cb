// The fast path is a second evaluator of the same rules: on random cases (valid, broken, at the 2^53 boundary)
// and random rule sets (every rounding mode and scale, decimal rates, dated changes, scales and caps), the
// documents of `computeBatch` with traces off are identical — outcomes to the fen, totals and errors — whether
// the cases go through the fast evaluator or through the rules (a programme of the same domains extended by
// nothing, which has no fast evaluator); and `computeTotals` gives the same totals, errors and receipt.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { computeBatch, computeTotals } from "../../src/batch/compute.js";
import type { RuleSet } from "../../src/parameters/types.js";
import { extendDomain } from "../../src/rules/domain.js";
import { enterpriseExit } from "../../src/rules/enterprise-reward/index.js";
import { structureClearance } from "../../src/rules/land-clearing-fee/index.js";
import { programme } from "../../src/rules/programme.js";
import { ruleSetWith } from "../support/ruleSetWith.js";
import { exitInputArb } from "./enterprise-reward/arbitraries.js";
import { TEST_PARAMETERS } from "./enterprise-reward/fixtures.js";

/** The same domains with no fast evaluator: `extendDomain` drops it, so every case is computed by the rules. */
const byRules = programme(extendDomain(enterpriseExit, {}), extendDomain(structureClearance, {}));
const fastProgramme = programme(enterpriseExit, structureClearance);

/** Both documents (fast and by the rules) and the totals-only document of one batch. */
function both(inputs: readonly unknown[], ruleSet: RuleSet, skipInvalid: boolean) {
  const fast = computeBatch(inputs, { ruleSet, programme: fastProgramme, trace: false, skipInvalid });
  const reference = computeBatch(inputs, { ruleSet, programme: byRules, trace: false, skipInvalid });
  const totals = computeTotals(inputs, { ruleSet, programme: fastProgramme, skipInvalid });
  return { fast, reference, totals };
}

/** How many valid cases the properties computed, and how many of them the fast evaluator took. */
const taken = { valid: 0, fast: 0 };

function expectSame(inputs: readonly unknown[], ruleSet: RuleSet, skipInvalid: boolean): void {
  const { fast, reference, totals } = both(inputs, ruleSet, skipInvalid);
  for (const input of inputs) {
    const kind = (input as { kind?: unknown }).kind;
    const kernel = typeof kind === "string" ? fastProgramme.entry(kind)?.kernel(ruleSet) : undefined;
    const one = computeBatch([input], { ruleSet, programme: byRules, trace: false });
    if (one.errors.length > 0) continue;
    taken.valid += 1;
    if (kernel?.run(input, false) !== undefined) taken.fast += 1;
  }
  // The receipt too: the same rule set, programme kinds and computed cases on both paths, so the same hashes.
  expect(fast).toEqual(reference);
  expect(totals).toEqual({
    ruleSet: reference.ruleSet,
    totals: reference.totals,
    errors: reference.errors,
    receipt: reference.receipt,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Decimals written as the contract writes them, at every scale, and the figures around 2^53.

/** A decimal string of `m` × 10^-s (no float arithmetic). */
function written(m: bigint, s: number): string {
  const digits = m.toString().padStart(s + 1, "0");
  if (s === 0) return digits;
  const text = `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
  return text;
}

const decimalArb = (maxDigits: number, maxScale: number) =>
  fc
    .record({ m: fc.bigInt({ min: 0n, max: 10n ** BigInt(maxDigits) - 1n }), s: fc.integer({ min: 0, max: maxScale }) })
    .map(({ m, s }) => written(m, s));

/** Around 2^53 (9007199254740992), and long decimals that only decimal.js may take. */
const hugeArb = fc.constantFrom(
  "9007199254740991",
  "9007199254740992",
  "9007199254740993",
  "900719925474099.3",
  "90071992547409.93",
  "123456789012345678",
  "0.000000000000000000001",
  "99999999999999.995",
  "4503599627370495.5",
);

const quantityArb = fc.oneof(
  { weight: 6, arbitrary: decimalArb(7, 3) },
  { weight: 1, arbitrary: decimalArb(12, 6) },
  { weight: 1, arbitrary: hugeArb },
);

/** Values that are not decimals the contract accepts, or that only zod can describe. */
const brokenScalarArb = fc.constantFrom<unknown>(
  "-1",
  "1e3",
  " 12",
  "12 ",
  ".5",
  "5.",
  "01",
  "1,000",
  "",
  "NaN",
  12.5,
  0,
  1e21,
  0.1 + 0.2,
  -3,
  null,
  true,
  "１２",
);

const roundingArb = fc.record({
  scale: fc.integer({ min: 0, max: 4 }),
  mode: fc.constantFrom("half-up" as const, "half-even" as const, "down" as const),
});

// ---------------------------------------------------------------------------------------------------------------
// Structure clearance.

const AREA = ["brick-concrete", "brick-wood", "steel-frame"] as const;
const TYPES = [...AREA, "enclosure-wall", "other-structure"] as const;
const DATES = ["2010-01-01", "2016-06-13", "2016-06-14", "2016-06-15", "2016-09-01", "2017-03-01"] as const;

const rateArb = fc.oneof({ weight: 8, arbitrary: decimalArb(4, 3) }, { weight: 1, arbitrary: hugeArb });

/** A clearance rule set: rates with decimals (changing on a date, sometimes), cut-off, survey rule, rounding. */
const clearanceRulesArb = fc
  .record({
    before: fc.tuple(rateArb, rateArb, rateArb, rateArb, rateArb),
    after: fc.option(fc.tuple(rateArb, rateArb, rateArb, rateArb, rateArb), { nil: undefined }),
    change: fc.constantFrom("2016-06-15", "2016-09-01"),
    cutoff: fc.constantFrom("2016-06-14", "2016-09-01"),
    requireSurvey: fc.boolean(),
    rounding: roundingArb,
  })
  .map(({ before, after, change, cutoff, requireSurvey, rounding }) => {
    const table = (rates: readonly string[]) => ({
      "brick-concrete": { unit: "m2", rate: rates[0] as string },
      "brick-wood": { unit: "m2", rate: rates[1] as string },
      "steel-frame": { unit: "m2", rate: rates[2] as string },
      "enclosure-wall": { unit: "m", rate: rates[3] as string },
      "other-structure": { unit: "item", rate: rates[4] as string },
    });
    const values = [{ from: "2000-01-01", value: table(before) }];
    if (after !== undefined) values.push({ from: change, value: table(after) });
    return ruleSetWith(
      { "clearance.rates": { values }, "clearance.cutoffDate": cutoff, "clearance.requireSurvey": requireSurvey },
      { rounding },
    );
  });

const itemArb = fc
  .record(
    {
      structureType: fc.constantFrom<string>(...TYPES),
      quantity: quantityArb,
      builtOn: fc.constantFrom(...DATES),
      declaredAmount: fc.oneof(decimalArb(9, 2), decimalArb(9, 4), hugeArb),
      survey: fc.record({ structureType: fc.constantFrom<string>(...TYPES), quantity: quantityArb }),
    },
    { requiredKeys: ["structureType", "quantity"] },
  )
  // Whole counts for most per-item structures, so that most declarations pass (a fraction is the rules' error).
  .map((item) => (item.structureType === "other-structure" && !item.quantity.includes(".") ? item : fixUnits(item)));

/** Mostly a survey of the same unit (another unit is the rules' error), so that most declarations pass. */
function fixUnits<
  T extends { structureType: string; quantity: string; survey?: { structureType: string; quantity: string } },
>(item: T): T {
  if (item.structureType === "other-structure") return { ...item, quantity: item.quantity.split(".")[0] as string };
  const survey = item.survey;
  if (survey === undefined) return item;
  const unit = (type: string) => (type === "enclosure-wall" ? "m" : type === "other-structure" ? "item" : "m2");
  return unit(survey.structureType) === unit(item.structureType)
    ? item
    : { ...item, survey: { ...survey, structureType: item.structureType } };
}

/** A change that breaks a valid case (or a field of one of its items) in a way only zod's message describes. */
const breakArb = fc.oneof(
  fc.record({
    field: fc.constantFrom("quantity", "declaredAmount", "builtOn", "structureType", "id"),
    value: brokenScalarArb,
  }),
  fc.record({ field: fc.constant("extra"), value: fc.constant("x") }),
  fc.record({
    field: fc.constant("survey"),
    value: fc.constantFrom<unknown>(null, {}, { structureType: "simple" }, []),
  }),
  fc.record({ field: fc.constant("structureType"), value: fc.constantFrom("tent", "__proto__", "toString") }),
);

const declarationArb = fc
  .record({
    township: fc.constantFrom("台湖镇", "张家湾镇", "__proto__"),
    declaredOn: fc.constantFrom(...DATES),
    items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
    breakIt: fc.option(fc.tuple(breakArb, fc.nat()), { freq: 4, nil: undefined }),
    duplicateItem: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
    caseBreak: fc.option(
      fc.record({
        field: fc.constantFrom("village", "site", "declaredOn", "items", "township", "kind", "extra"),
        value: fc.constantFrom<unknown>("", " x", "2016-02-30", [], 3, null, "village-compensation"),
      }),
      { freq: 8, nil: undefined },
    ),
  })
  .map(({ township, declaredOn, items, breakIt, duplicateItem, caseBreak }) => {
    const list: { [key: string]: unknown }[] = items.map((item, index) => ({ id: `I${index + 1}`, ...item }));
    if (breakIt !== undefined) {
      const [{ field, value }, at] = breakIt;
      const target = list[at % list.length] as { [key: string]: unknown };
      target[field] = value;
    }
    if (duplicateItem && list.length > 1) (list[1] as { id: string }).id = "I1";
    const declaration: { [key: string]: unknown } = {
      kind: "structure-clearance",
      id: "D",
      township,
      village: "次渠村",
      site: "test site",
      declaredOn,
      items: list,
    };
    if (caseBreak !== undefined) declaration[caseBreak.field] = caseBreak.value;
    return declaration;
  });

const declarationsArb = fc
  .array(fc.tuple(declarationArb, fc.boolean()), { minLength: 1, maxLength: 6 })
  .map((entries) =>
    entries.map(([declaration, sameId], index) => ({ ...declaration, id: sameId && index > 0 ? "D-0" : `D-${index}` })),
  );

describe("the fast evaluator of structure clearance is the rules", () => {
  // Red-green: in land-clearing-fee/fast.ts, approving the larger of declared and surveyed (`> 0` for `< 0` in
  // `smaller`) fails this property after about 10 runs.
  test.prop([declarationsArb, clearanceRulesArb, fc.boolean()], { numRuns: 300 })(
    "identical documents (outcomes to the fen, totals, errors) on random declarations and rule sets",
    (inputs, ruleSet, skipInvalid) => expectSame(inputs, ruleSet, skipInvalid),
  );

  it("takes the declarations it should (the property above would pass if it declined them all)", () => {
    const ruleSet = ruleSetWith({}, {});
    const declaration = {
      kind: "structure-clearance",
      id: "D",
      township: "台湖镇",
      village: "次渠村",
      site: "test site",
      declaredOn: "2016-09-01",
      items: [
        { id: "1", structureType: "simple", quantity: "12.345", survey: { structureType: "simple", quantity: "12.3" } },
      ],
    };
    const kernel = programme(structureClearance).entry("structure-clearance")?.kernel(ruleSet);
    expect(kernel?.run(declaration, false)).toMatchObject({ id: "D", municipal: 0 });
    expect(kernel?.run({ ...declaration, extra: 1 }, false)).toBeUndefined();
    expect(
      programme(extendDomain(structureClearance, {})).entry("structure-clearance")?.kernel(ruleSet),
    ).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Enterprise exits.

const scaleArb = fc.oneof(
  fc.tuple(decimalArb(4, 2), decimalArb(3, 2), decimalArb(4, 2)).map(([threshold, rate, second]) => ({
    type: "marginal-rate",
    brackets: [
      { threshold: "0", rate },
      { threshold: (BigInt(threshold.split(".")[0] as string) + 1n).toString(), rate: second },
    ],
  })),
  fc.tuple(decimalArb(4, 0), decimalArb(6, 2)).map(([threshold, amount]) => ({
    type: "single-amount",
    brackets: [
      { threshold: "0", amount: "0" },
      { threshold: (BigInt(threshold) + 1n).toString(), amount },
    ],
  })),
  fc.tuple(decimalArb(3, 3)).map(([rate]) => ({ type: "single-rate", brackets: [{ threshold: "0", rate }] })),
);

const enterpriseRulesArb = fc
  .record({
    ratePerTce: fc.oneof(decimalArb(4, 2), fc.constant("100")),
    later: fc.option(decimalArb(4, 3), { nil: undefined }),
    perTonne: decimalArb(5, 2),
    min: fc.constantFrom("500000", "0", "123456.789"),
    max: fc.constantFrom("3000000", "999999.995", "90071992547409.93"),
    supplementRate: fc.oneof(decimalArb(3, 3), fc.constantFrom("0.7", "0.333333")),
    whole: fc.oneof(decimalArb(6, 3), fc.constant("600000")),
    process: fc.oneof(decimalArb(6, 3), fc.constant("150000")),
    taxScale: scaleArb,
    employeeScale: scaleArb,
    landScale: scaleArb,
    rounding: roundingArb,
  })
  .map((r) =>
    ruleSetWith(
      {
        ...TEST_PARAMETERS,
        "reward.municipal.ratePerTce":
          r.later === undefined
            ? r.ratePerTce
            : {
                values: [
                  { from: "2000-01-01", value: r.ratePerTce },
                  { from: "2017-01-01", value: r.later },
                ],
              },
        "reward.municipal.ratePerTonne": {
          so2: r.perTonne,
          nox: r.perTonne,
          cod: "1000",
          ammoniaNitrogen: r.perTonne,
          vocs: "0.5",
          particulates: r.perTonne,
        },
        "reward.municipal.min": r.min,
        "reward.municipal.max": r.max,
        "reward.district.supplementRate": r.supplementRate,
        "reward.small.cap": { whole: r.whole, process: r.process },
        "reward.small.taxScale": r.taxScale as never,
        "reward.small.employeeScale": r.employeeScale as never,
        "reward.small.landScale": r.landScale as never,
      },
      { rounding: r.rounding },
    ),
  );

const exitArb = fc
  .tuple(
    exitInputArb,
    fc.option(
      fc.record({
        field: fc.constantFrom(
          "energySavedTce",
          "landAreaM2",
          "municipalAssessedAmount",
          "employees",
          "exitMode",
          "township",
          "leadingGroupDecision",
          "extra",
          "pollutantsReducedTonnes",
          "priorYearTax",
          "acceptance",
        ),
        value: fc.oneof(brokenScalarArb, hugeArb, fc.constantFrom<unknown>({ so2: "1", tin: "2" }, { vat: "-1" }, {})),
      }),
      { freq: 3, nil: undefined },
    ),
  )
  .map(([input, change]) => (change === undefined ? input : { ...input, [change.field]: change.value }));

const exitsArb = fc
  .array(fc.tuple(exitArb, fc.boolean()), { minLength: 1, maxLength: 10 })
  .map((entries) =>
    entries.map(([input, sameId], index) => ({ ...input, id: sameId && index > 0 ? "E-0" : `E-${index}` })),
  );

describe("the fast evaluator of enterprise rewards is the rules", () => {
  it("starts counting afresh", () => {
    taken.valid = 0;
    taken.fast = 0;
  });

  // Red-green: in enterprise-reward/fast.ts, computing the supplement on the unrounded standard
  // (`municipal.standard` for `municipal.rounded`) fails this property after about 150 runs.
  test.prop([exitsArb, enterpriseRulesArb, fc.boolean()], { numRuns: 300 })(
    "identical documents (outcomes to the fen, totals, errors) on random exits and rule sets",
    (inputs, ruleSet, skipInvalid) => expectSame(inputs, ruleSet, skipInvalid),
  );

  it("the property's valid exits went mostly through the fast evaluator", () => {
    expect(taken.valid).toBeGreaterThan(100);
    // A share of random cases, not a fixed count: about 0.6–0.7 of them, seed by seed (0.594 seen once).
    expect(taken.fast / taken.valid).toBeGreaterThan(0.5);
  });
});
