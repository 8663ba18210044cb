import fc from "fast-check";
import { CATALOGUE_INDUSTRIES, EXEMPT_CATEGORIES, MUNICIPAL_OUTCOMES } from "../../../src/schemas/cases.js";
import { POLLUTANTS } from "../../../src/vocabulary.js";

/** A decimal string: a whole part up to `maxWhole` and 0–`maxDecimals` decimals ("1234", "0.5", "17.000250"). */
export function decimalStringArb(maxWhole: number, maxDecimals: number): fc.Arbitrary<string> {
  return fc
    .record({
      whole: fc.integer({ min: 0, max: maxWhole }),
      decimals: fc.integer({ min: 0, max: maxDecimals }),
      digits: fc.integer({ min: 0, max: 999_999 }),
    })
    .map(({ whole, decimals, digits }) =>
      decimals === 0 ? `${whole}` : `${whole}.${String(digits).padStart(6, "0").slice(0, decimals)}`,
    );
}

/** The value one time in `1 + absentWeight`, otherwise undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, absentWeight: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary, weight: 1 }, { arbitrary: fc.constant(undefined), weight: absentWeight });
}

/** Mostly true: most exits in a batch are licensed and accepted, so every track is visited often. */
const mostlyTrue = fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 });

const isoDateArb = fc
  .date({ min: new Date("2016-01-01T00:00:00Z"), max: new Date("2018-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Energy saved: small firms (under the floor at 100 元/tce) and large ones (over the cap), up to 6 decimals. */
export const energyArb = fc.oneof(decimalStringArb(6_000, 6), decimalStringArb(40_000, 6));

/** The municipal assessed amount: random, or one of the band's edges at the test numbers. */
const assessedArb = fc.oneof(
  { arbitrary: decimalStringArb(4_000_000, 3), weight: 4 },
  { arbitrary: fc.constantFrom("500000", "499999.99", "3000000", "3000000.01", "1000000.05", "1234567.89"), weight: 1 },
);

const pollutantsArb = fc.record(
  Object.fromEntries(POLLUTANTS.map((p) => [p, decimalStringArb(300, 4)])) as {
    [P in (typeof POLLUTANTS)[number]]: fc.Arbitrary<string>;
  },
  { requiredKeys: [] },
);

const taxArb = fc.record(
  {
    vat: decimalStringArb(400_000, 2),
    corporateIncome: decimalStringArb(200_000, 2),
    other: decimalStringArb(50_000, 2),
  },
  { requiredKeys: [] },
);

const exemptionArb = sometimes(
  fc.record(
    {
      exemptCategory: fc.constantFrom(...EXEMPT_CATEGORIES),
      leadingGroupDecision: fc.constantFrom("pending", "exit", "retain"),
    },
    { requiredKeys: ["exemptCategory"] },
  ),
  5,
);

/**
 * An arbitrary valid `enterprise-exit` case as JSON input (the schema accepts it as is). About half the cases
 * are blocked; the rest spread over the three reward tracks, on both sides of the floor and the cap.
 * `id` is "E" and is replaced by callers that need unique ids.
 */
export const exitInputArb = fc
  .record({
    township: fc.constantFrom("台湖镇", "张家湾镇", "宋庄镇"),
    exitMode: fc.constantFrom("whole", "process"),
    scale: fc.constantFrom("above", "below"),
    exitCompletedOn: isoDateArb,
    licensed: mostlyTrue,
    acceptance: fc.record({
      equipmentRemoved: mostlyTrue,
      licenceChangedOrCancelled: mostlyTrue,
      staffResettled: mostlyTrue,
    }),
    municipalOutcome: fc.constantFrom(...MUNICIPAL_OUTCOMES),
    recommendedByDistrict: fc.boolean(),
    energySavedTce: energyArb,
    pollutantsReducedTonnes: fc.option(pollutantsArb, { nil: undefined }),
    priorYearTax: fc.option(taxArb, { nil: undefined }),
    employees: fc.integer({ min: 0, max: 300 }),
    landAreaM2: decimalStringArb(30_000, 2),
    municipalAssessedAmount: sometimes(assessedArb, 2),
    region: fc.option(fc.constantFrom("north", "south"), { nil: undefined }),
    catalogueIndustry: sometimes(fc.constantFrom(...CATALOGUE_INDUSTRIES), 4),
    exemption: exemptionArb,
  })
  .map(({ exemption, ...fields }) => {
    const input: { [field: string]: unknown } = {
      kind: "enterprise-exit",
      id: "E",
      name: "某厂",
      ...fields,
      ...(exemption ?? {}),
    };
    for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
    return input;
  });

/** A batch of valid cases with unique ids E-0, E-1, … */
export const exitBatchArb = fc
  .array(exitInputArb, { minLength: 1, maxLength: 15 })
  .map((inputs) => inputs.map((input, index) => ({ ...input, id: `E-${index}` })));

const ACCEPTED_EXIT = {
  licensed: true,
  acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
};

/** The case made rewardable: licensed, accepted, no exempt category waiting, a catalogue industry exiting whole. */
function unblock(input: { readonly [field: string]: unknown }): { [field: string]: unknown } {
  const { exemptCategory: _category, leadingGroupDecision: _decision, ...rest } = input;
  return { ...rest, ...ACCEPTED_EXIT, ...(rest["catalogueIndustry"] === undefined ? {} : { exitMode: "whole" }) };
}

/** Cases aimed at one track (a track property checks many cases of its track, not a few among the blocked). */
export const aimedInputArb = {
  municipal: fc
    .tuple(exitInputArb, fc.constantFrom("granted", "pending"))
    .map(([input, municipalOutcome]) => ({ ...unblock(input), scale: "above", municipalOutcome })),
  "district-supplement": fc
    .tuple(exitInputArb, fc.constantFrom("not-granted", "not-applied"))
    .map(([input, municipalOutcome]) => ({ ...unblock(input), recommendedByDistrict: true, municipalOutcome })),
  "district-small": exitInputArb.map((input) => ({
    ...unblock(input),
    recommendedByDistrict: false,
    municipalOutcome: "not-applied",
  })),
} as const;
