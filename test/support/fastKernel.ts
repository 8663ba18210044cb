import { Decimal } from "decimal.js";
import { expect } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import type { RuleSet } from "../../src/parameters/types.js";
import { extendDomain, type AnyDomain } from "../../src/rules/domain.js";
import { programme } from "../../src/rules/programme.js";
import type { OutcomeBase } from "../../src/trace/types.js";

/** Units of the rounding scale (fen at scale 2) of a money text. */
const units = (text: string, ruleSet: RuleSet) =>
  new Decimal(text).times(new Decimal(10).pow(ruleSet.rounding.scale)).toNumber();

/**
 * Case-by-case checks of a domain's fast kernel against its rules (the same domain extended by nothing, which has
 * no fast path): `taken` demands that the kernel take the case, that its outcome be the rules' (traces off) and that
 * its amounts-only run agree, in units of the rounding scale; `declined` that it hand the case back, with and
 * without an outcome asked for. `dateField` is the case field that selects the parameters.
 */
export function kernelChecks(domain: AnyDomain, dateField: string, defaultRules: RuleSet) {
  const fast = programme(domain);
  const byRules = programme(extendDomain(domain, {}));
  const kernelOf = (ruleSet: RuleSet) => {
    const kernel = fast.entry(domain.kind)?.kernel(ruleSet);
    if (kernel === undefined) throw new Error(`${domain.kind} has no fast kernel`);
    return kernel;
  };
  const reference = (input: unknown, ruleSet: RuleSet = defaultRules) =>
    computeBatch([input], { ruleSet, programme: byRules, trace: false });

  function taken(input: { readonly [field: string]: unknown }, ruleSet: RuleSet = defaultRules): OutcomeBase {
    const kernel = kernelOf(ruleSet);
    const document = reference(input, ruleSet);
    expect(document.errors).toEqual([]);
    const outcome = document.results[0]!;
    const withOutcome = kernel.run(input, true);
    expect(withOutcome).toBeDefined();
    expect(withOutcome?.outcome).toEqual(outcome);
    const track = (outcome as { track?: string }).track;
    const amounts = {
      id: input.id,
      township: input.township,
      date: input[dateField],
      municipal: units(outcome.amounts.municipal, ruleSet),
      district: units(outcome.amounts.district, ruleSet),
      ...(track === undefined ? {} : { track }),
    };
    expect(kernel.run(input, false)).toEqual(amounts);
    expect({ ...withOutcome, outcome: undefined }).toEqual({ ...amounts, outcome: undefined });
    return outcome;
  }

  function declined(input: unknown, ruleSet: RuleSet = defaultRules): void {
    const kernel = kernelOf(ruleSet);
    expect(kernel.run(input, true)).toBeUndefined();
    expect(kernel.run(input, false)).toBeUndefined();
  }

  return { taken, declined, reference };
}
