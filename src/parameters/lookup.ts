import { RuleSetError } from "../errors/index.js";
import type { CompiledParameter, CompiledValue, InForce, IsoDate, RuleCitationJson, RuleSet } from "./types.js";

/** Where a loaded rule set keeps its compiled parameters and citations (a registered symbol, so every copy of the package finds them). */
export const COMPILED: unique symbol = Symbol.for("exitfund.RuleSet.compiled") as never;

/** What a loaded rule set holds beyond its public face: every parameter compiled, and each rule's citation. */
export interface CompiledRuleSet {
  /** By parameter name (a null-prototype record). */
  readonly parameters: { readonly [name: string]: CompiledParameter };
  /** By rule name (a null-prototype record). */
  readonly rules: { readonly [rule: string]: RuleCitationJson };
  /** `{ id, version }`, the rule set as a context and an outcome name it. */
  readonly identity: { readonly id: string; readonly version: string };
}

/** The compiled parameters and citations of a loaded rule set. */
export function compiledOf(ruleSet: RuleSet): CompiledRuleSet {
  const compiled = (ruleSet as { readonly [COMPILED]?: CompiledRuleSet })[COMPILED];
  if (compiled === undefined)
    throw new RuleSetError([
      {
        path: "ruleSet",
        code: "not-a-rule-set",
        message: "is not a loaded rule set: load its JSON with loadRuleSet(json, { programme })",
        zh: "不是已加载的规则集",
      },
    ]);
  return compiled;
}

/** The compiled parameter `name`, or undefined when the rule set does not value it. */
export function compiledParameter(ruleSet: RuleSet, name: string): CompiledParameter | undefined {
  const parameters = compiledOf(ruleSet).parameters;
  return Object.hasOwn(parameters, name) ? parameters[name] : undefined;
}

/**
 * 现行有效值 · value in force — the value of parameter `name` on `on`: the last dated value whose `from` ≤ `on`.
 *
 * @remarks
 * ISO date strings compare as dates. A date before the first value, or after a `null` that repealed
 * the parameter, is an error that names the parameter and the date — never a silent zero.
 */
export function valueInForce<T = unknown>(ruleSet: RuleSet, name: string, on: IsoDate): CompiledValue<T> & InForce<T> {
  return valueIn(compiledOf(ruleSet).parameters, ruleSet, name, on) as CompiledValue<T> & InForce<T>;
}

/** {@link valueInForce} in the compiled parameters of `ruleSet` (a context looks them up once per case). */
export function valueIn(
  parameters: CompiledRuleSet["parameters"],
  ruleSet: RuleSet,
  name: string,
  on: IsoDate,
): CompiledValue<unknown> & InForce<unknown> {
  const parameter = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
  if (parameter === undefined)
    throw new RuleSetError(
      [
        {
          path: `parameters["${name}"]`,
          code: "missing-parameter",
          message: `is missing from rule set "${ruleSet.id}"; a rule reads it: its domain must declare it`,
          zh: `规则集缺少参数 ${name}`,
        },
      ],
      `rule set "${ruleSet.id}": ${name} is missing`,
    );
  const entry = lastFrom(parameter.values, on);
  if (entry === undefined || entry.value === null) {
    const first = parameter.values[0]?.from ?? "never";
    const message =
      entry === undefined
        ? `has no value in force on ${on} (its first value is from ${first})`
        : `was repealed from ${entry.from} and has no value in force on ${on}`;
    const zh =
      entry === undefined
        ? `在 ${on} 没有有效值（最早的值自 ${first} 起）`
        : `自 ${entry.from} 起已废止，在 ${on} 没有有效值`;
    throw new RuleSetError(
      [{ path: `parameters["${name}"]`, code: "no-value-in-force", message, zh: `参数 ${name} ${zh}` }],
      `rule set "${ruleSet.id}": ${name} ${message}`,
    );
  }
  // Compiled values carry their name and citation, so the value in force is returned as is (no object per lookup).
  return entry as CompiledValue<unknown> & InForce<unknown>;
}

/** The last value whose `from` ≤ `on` (ISO dates compare as strings), or undefined. */
function lastFrom<V extends { readonly from: IsoDate }>(values: readonly V[], on: IsoDate): V | undefined {
  for (let index = values.length - 1; index >= 0; index -= 1) {
    const value = values[index];
    if (value !== undefined && value.from <= on) return value;
  }
  return undefined;
}

/** True when every parameter named has a value in force on `on` (no error is made). */
export function allInForce(ruleSet: RuleSet, names: Iterable<string>, on: IsoDate): boolean {
  for (const name of names) {
    const values = compiledParameter(ruleSet, name)?.values;
    const entry = values === undefined ? undefined : lastFrom(values, on);
    if (entry === undefined || entry.value === null) return false;
  }
  return true;
}

/**
 * The keys of table parameter `name` by every name a sheet may write them with: each key, and each alias the rule
 * set gives it (names compared as `nameKey` does). Empty when the rule set does not value the parameter.
 */
export function keyNames(ruleSet: RuleSet, name: string): ReadonlyMap<string, string> {
  return compiledParameter(ruleSet, name)?.aliases ?? new Map();
}

/** The aliases rule set gives each key of table parameter `name`, as written (for templates and messages). */
export function aliasesOf(ruleSet: RuleSet, name: string): { readonly [key: string]: readonly string[] } {
  const json = ruleSet.toJSON().parameters;
  return (Object.hasOwn(json, name) ? json[name]?.aliases : undefined) ?? {};
}

/** The citation the rule set gives `rule`, or undefined. */
export function citationOf(ruleSet: RuleSet, rule: string): RuleCitationJson | undefined {
  const rules = compiledOf(ruleSet).rules;
  return Object.hasOwn(rules, rule) ? rules[rule] : undefined;
}

export { weakestStatus } from "./status.js";
