import { computeBatch } from "../../../src/batch/compute.js";
import type { ParameterValueJson, RuleSet } from "../../../src/parameters/types.js";
import type { ClearanceDetail } from "../../../src/rules/land-clearing-fee/index.js";
import type { OutcomeBase as Outcome } from "../../../src/trace/types.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";

/** Round, test-only rates (not the bundled illustrative ones). */
export const TEST_RATES = {
  "brick-concrete": { unit: "m2", rate: "60" },
  "brick-wood": { unit: "m2", rate: "45" },
  "steel-frame": { unit: "m2", rate: "35" },
  "enclosure-wall": { unit: "m", rate: "40" },
  "other-structure": { unit: "item", rate: "1000" },
} as const satisfies ParameterValueJson;

export const CUTOFF = "2016-06-14";

/** The bundled rule set with TEST_RATES, a 2016-06-14 cut-off, and a survey required unless said otherwise. */
export function clearanceRules(
  options: { requireSurvey?: boolean; rounding?: { scale: number; mode: "half-up" | "half-even" | "down" } } = {},
): RuleSet {
  return ruleSetWith(
    {
      "clearance.rates": TEST_RATES,
      "clearance.cutoffDate": CUTOFF,
      "clearance.requireSurvey": options.requireSurvey ?? true,
    },
    options.rounding === undefined ? {} : { rounding: options.rounding },
  );
}

export const RULES = clearanceRules();

export interface ItemInput {
  id?: string;
  structureType: string;
  quantity: string;
  builtOn?: string;
  declaredAmount?: string;
  survey?: { structureType: string; quantity: string };
}

/** A declaration of the given items (ids I1, I2, … unless given). */
export function declaration(items: readonly ItemInput[], extra: { id?: string; declaredOn?: string } = {}) {
  return {
    kind: "structure-clearance",
    id: extra.id ?? "D1",
    township: "台湖镇",
    village: "次渠村",
    site: "test site",
    declaredOn: extra.declaredOn ?? "2016-09-01",
    items: items.map((item, index) => ({ id: item.id ?? `I${index + 1}`, ...item })),
  };
}

/** A surveyed item whose survey agrees with the declaration. */
export function clean(structureType: string, quantity: string, extra: Partial<ItemInput> = {}): ItemInput {
  return { structureType, quantity, survey: { structureType, quantity }, ...extra };
}

/** The outcome of one valid declaration (fails the test on input errors). */
export function verifyOne(input: unknown, ruleSet: RuleSet = RULES): Outcome<string, ClearanceDetail> {
  const document = computeBatch([input], ruleSet);
  if (document.errors.length > 0) throw new Error(`unexpected input errors: ${JSON.stringify(document.errors)}`);
  return document.results[0] as Outcome<string, ClearanceDetail>;
}

/** The input problems of some declarations. */
export function problems(inputs: readonly unknown[], ruleSet: RuleSet = RULES) {
  return computeBatch(inputs, ruleSet).errors;
}
