import type { Rounding } from "../money/decimal.js";
import { Dec } from "../money/decimal.js";
import { DECIMAL } from "../money/parse.js";
import { loadedRuleSetArgument } from "./load.js";
import { compiledParameter } from "./lookup.js";
import type { Status } from "./status.js";
import type { CompiledValue, ParameterValueJson, RuleSet, SourceJson } from "./types.js";

/** How an entry differs between rule set A and rule set B. */
export type Change = "added" | "removed" | "changed";

/** A dated value with its effective citation (the parameter's status, source, clause and note unless the value overrides them). */
export interface DatedValueView {
  readonly value: ParameterValueJson;
  readonly status: Status;
  readonly source: string;
  readonly clause?: string;
  readonly note?: string;
}

/** The fields of a dated value that are compared (notes are compared once, on the parameter). */
export type ValueField = "value" | "status" | "source" | "clause";

/** A dated value (matched by its `from` date) that differs: only in A (`removed`), only in B (`added`), or in some fields. */
export interface ValueDiff {
  readonly from: string;
  readonly change: Change;
  readonly fields: readonly ValueField[];
  readonly a?: DatedValueView;
  readonly b?: DatedValueView;
}

/** A parameter-level field that differs (as written, before values override it). */
export interface FieldDiff {
  readonly field: "status" | "source" | "clause" | "note";
  readonly a?: string;
  readonly b?: string;
}

/** A parameter that differs: added in B, removed in B, or changed (parameter fields and dated values). */
export interface ParameterDiff {
  readonly name: string;
  readonly change: Change;
  readonly fields: readonly FieldDiff[];
  readonly values: readonly ValueDiff[];
}

/** A source (by id) that differs. */
export interface SourceDiff {
  readonly id: string;
  readonly change: Change;
  readonly fields: readonly string[];
  readonly a?: SourceJson;
  readonly b?: SourceJson;
}

/** Everything that differs between two resolved rule sets (`extends` applied). */
export interface RuleSetDiff {
  readonly a: { readonly id: string; readonly version: string };
  readonly b: { readonly id: string; readonly version: string };
  readonly identical: boolean;
  readonly rounding?: { readonly a: Rounding; readonly b: Rounding };
  readonly sources: readonly SourceDiff[];
  readonly parameters: readonly ParameterDiff[];
}

const VALUE_FIELDS: readonly ValueField[] = ["value", "status", "source", "clause"];
const PARAMETER_FIELDS = ["status", "source", "clause", "note"] as const;
const SOURCE_FIELDS = ["title", "issuedOn", "url", "status"] as const;

/**
 * 规则集比较 · rule-set diff — every parameter, dated value, source and rounding that differs between A and B.
 *
 * @remarks
 * Both rule sets are compared as resolved (`extends` applied). Dated values are matched by their
 * `from` date; a value's status, source and clause are compared as in force (inherited from the
 * parameter unless the value gives its own); notes are compared on the parameter only, as written.
 * Decimal strings compare by value ("360" = "360.00"), tables regardless of key order. Parameters, values and sources are listed in name, date and id order.
 * @example
 * diffRuleSets(ruleSets["tongzhou-2016"], mine).parameters.map((p) => p.name); // ["clearance.rates"]
 * @category parameters
 */
export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetDiff {
  loadedRuleSetArgument(a, "a");
  loadedRuleSetArgument(b, "b");
  const names = [...new Set([...Object.keys(a.toJSON().parameters), ...Object.keys(b.toJSON().parameters)])].sort();
  const parameters = names.flatMap((name) => {
    const diff = diffParameter(name, a, b);
    return diff === undefined ? [] : [diff];
  });
  const sources = diffSources(a.toJSON().sources, b.toJSON().sources);
  const roundingDiffers = a.rounding.scale !== b.rounding.scale || a.rounding.mode !== b.rounding.mode;
  return {
    a: { id: a.id, version: a.version },
    b: { id: b.id, version: b.version },
    identical: parameters.length === 0 && sources.length === 0 && !roundingDiffers,
    ...(roundingDiffers ? { rounding: { a: a.rounding, b: b.rounding } } : {}),
    sources,
    parameters,
  };
}

/**
 * The parameters whose differences can change an amount (a dated value's date or value differs,
 * or the parameter is in one rule set only), alphabetically: what a what-if attributes a change to.
 * @category parameters
 */
export function parametersChangingAmounts(diff: RuleSetDiff): string[] {
  return diff.parameters
    .filter(
      (parameter) =>
        parameter.change !== "changed" ||
        parameter.values.some((value) => value.change !== "changed" || value.fields.includes("value")),
    )
    .map((parameter) => parameter.name)
    .sort();
}

function diffParameter(name: string, a: RuleSet, b: RuleSet): ParameterDiff | undefined {
  const parametersA = a.toJSON().parameters;
  const parametersB = b.toJSON().parameters;
  const inA = Object.hasOwn(parametersA, name) ? parametersA[name] : undefined;
  const inB = Object.hasOwn(parametersB, name) ? parametersB[name] : undefined;
  const valuesA = viewsOf(compiledParameter(a, name)?.values ?? []);
  const valuesB = viewsOf(compiledParameter(b, name)?.values ?? []);
  if (inA === undefined || inB === undefined) {
    const change: Change = inA === undefined ? "added" : "removed";
    const values = [...(inA === undefined ? valuesB : valuesA)].map(
      ([from, view]): ValueDiff => ({
        from,
        change,
        fields: VALUE_FIELDS.filter((field) => view[field] !== undefined),
        ...(inA === undefined ? { b: view } : { a: view }),
      }),
    );
    return { name, change, fields: [], values };
  }
  const fields = PARAMETER_FIELDS.flatMap((field): FieldDiff[] =>
    inA[field] === inB[field] ? [] : [{ field, ...optional("a", inA[field]), ...optional("b", inB[field]) }],
  );
  const dates = [...new Set([...valuesA.keys(), ...valuesB.keys()])].sort();
  const values = dates.flatMap((from): ValueDiff[] => {
    const viewA = valuesA.get(from);
    const viewB = valuesB.get(from);
    if (viewA === undefined)
      return viewB === undefined
        ? []
        : [{ from, change: "added", fields: VALUE_FIELDS.filter((field) => viewB[field] !== undefined), b: viewB }];
    if (viewB === undefined)
      return [
        { from, change: "removed", fields: VALUE_FIELDS.filter((field) => viewA[field] !== undefined), a: viewA },
      ];
    const differing = VALUE_FIELDS.filter((field) =>
      field === "value" ? !sameValue(viewA.value, viewB.value) : viewA[field] !== viewB[field],
    );
    return differing.length === 0 ? [] : [{ from, change: "changed", fields: differing, a: viewA, b: viewB }];
  });
  return fields.length === 0 && values.length === 0 ? undefined : { name, change: "changed", fields, values };
}

function viewsOf(values: readonly CompiledValue<unknown>[]): Map<string, DatedValueView> {
  return new Map(
    values.map((value) => [
      value.from,
      {
        value: value.json,
        status: value.status,
        source: value.source,
        ...optional("clause", value.clause),
        ...optional("note", value.note),
      },
    ]),
  );
}

function diffSources(a: readonly SourceJson[], b: readonly SourceJson[]): SourceDiff[] {
  const byIdA = new Map(a.map((source) => [source.id, source]));
  const byIdB = new Map(b.map((source) => [source.id, source]));
  const ids = [...new Set([...byIdA.keys(), ...byIdB.keys()])].sort();
  return ids.flatMap((id): SourceDiff[] => {
    const sourceA = byIdA.get(id);
    const sourceB = byIdB.get(id);
    if (sourceA === undefined) return sourceB === undefined ? [] : [{ id, change: "added", fields: [], b: sourceB }];
    if (sourceB === undefined) return [{ id, change: "removed", fields: [], a: sourceA }];
    const fields = SOURCE_FIELDS.filter((field) => sourceA[field] !== sourceB[field]);
    return fields.length === 0 ? [] : [{ id, change: "changed", fields, a: sourceA, b: sourceB }];
  });
}

/** Values compare as data: decimal strings by value, tables whatever their key order. */
export function sameValue(a: ParameterValueJson, b: ParameterValueJson): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (typeof value === "string") return DECIMAL.test(value) ? `#${new Dec(value).toString()}` : value;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as { [key: string]: unknown })[key])]),
    );
  }
  return value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
