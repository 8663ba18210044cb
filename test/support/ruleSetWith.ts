import { loadRuleSet } from "../../src/rule-sets/index.js";
import type { ParameterValueJson, RuleSet } from "../../src/parameters/types.js";
import type { Status } from "../../src/trace/types.js";

/** A test parameter: one value from 2000-01-01, or a list of dated values. */
export type TestParameter =
  | ParameterValueJson
  | {
      readonly values: readonly {
        readonly from: string;
        readonly value: ParameterValueJson;
        readonly status?: Status;
        readonly clause?: string;
      }[];
      readonly status?: Status;
    };

function isDated(value: TestParameter): value is Extract<TestParameter, { values: unknown }> {
  return (
    typeof value === "object" &&
    value !== null &&
    "values" in value &&
    Array.isArray((value as { values: unknown }).values)
  );
}

/**
 * A rule set for tests: the bundled `tongzhou-2016` with the given parameters replaced by round,
 * test-only numbers (status `illustrative` unless given, source "T", in force from 2000-01-01), so
 * rule tests keep working when the bundled illustrative figures change.
 */
export function ruleSetWith(
  parameters: { readonly [name: string]: TestParameter },
  options: { rounding?: { scale: number; mode: "half-up" | "half-even" | "down" } } = {},
): RuleSet {
  const overrides = Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => [
      name,
      isDated(value)
        ? { status: value.status ?? "illustrative", source: "T", values: value.values }
        : { status: "illustrative", source: "T", values: [{ from: "2000-01-01", value }] },
    ]),
  );
  return loadRuleSet({
    id: "test",
    version: "t",
    title: "test rule set",
    validFrom: "2000-01-01",
    extends: "tongzhou-2016",
    ...(options.rounding === undefined ? {} : { rounding: options.rounding }),
    sources: [{ id: "T", title: "test-only numbers", issuedOn: "2000-01-01", status: "illustrative" }],
    parameters: overrides,
  });
}
