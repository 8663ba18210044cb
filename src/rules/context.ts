import { RuleSetError } from "../errors/index.js";
import type { Parameter } from "../parameters/handles.js";
import { compiledOf, valueIn } from "../parameters/lookup.js";
import { type Status, weaker } from "../parameters/status.js";
import type { IsoDate, RuleSet } from "../parameters/types.js";
import { NO_CLAUSE } from "../trace/types.js";
import type { Cited, Context, Read } from "./algebra.js";

/** A context and what it saw: the weakest status of every value read through it (the outcome's `basis`). */
export interface Evaluation {
  readonly ctx: Context;
  basis(): Status;
}

/**
 * The context of one case: the rule set on the case's selecting date `on`. Every value read through it lowers
 * `basis()` to its status, so `basis` is the weakest status the computation read, traced or not.
 */
export function createContext(ruleSet: RuleSet, on: IsoDate, trace: boolean): Evaluation {
  const { parameters, rules, identity } = compiledOf(ruleSet);
  let weakest: Status = "official";
  const cited = <T>(parameter: Parameter<T>, key?: string): Cited<unknown> => {
    const inForce = valueIn(parameters, ruleSet, parameter.name, on);
    weakest = weaker(weakest, inForce.status);
    // A compiled value is its own citation ({ value, use }): no object is made for a whole value.
    if (key === undefined) return inForce as Cited<unknown>;
    const table = inForce.value as { readonly [key: string]: unknown };
    const use = inForce.cells[key];
    if (typeof table !== "object" || table === null || !Object.hasOwn(table, key) || use === undefined)
      throw new RuleSetError([
        {
          path: `parameters["${parameter.name}"]`,
          code: "no-table-entry",
          message: `has no entry ${JSON.stringify(key.slice(0, 60))} in the value in force on ${on}`,
          zh: `参数的有效值中没有该项`,
        },
      ]);
    return { value: table[key], use };
  };
  const read = ((parameter: Parameter<unknown>, key?: string) => cited(parameter, key).value) as Read;
  const ctx: Context = Object.freeze({
    ruleSet: identity,
    on,
    rounding: ruleSet.rounding,
    trace,
    read,
    cited,
    cite: (rule: string) => (Object.hasOwn(rules, rule) ? (rules[rule]?.clause ?? NO_CLAUSE) : NO_CLAUSE),
  });
  return { ctx, basis: () => weakest };
}
