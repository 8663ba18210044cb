import { inputSha256, receiptFor, type Receipt } from "../receipt/receipt.js";
import { knownList } from "../errors/echo.js";
import { listArgument, optionsArgument, type OptionCheck } from "../errors/arguments.js";
import { InvalidInputError, assertInvariant, type InputIssue } from "../errors/index.js";
import { show } from "../schemas/scalars.js";
import { ZERO, dec, type Dec, type Rounding } from "../money/decimal.js";
import { toMoneyString } from "../money/round.js";
import { diffRuleSets, parametersChangingAmounts } from "../parameters/diff.js";
import type { RuleSet, RuleSetJson, SourceJson } from "../parameters/types.js";
import { loadWith, resolveRuleSetInput } from "../rule-sets/index.js";
import { defaultProgramme } from "../rules/default.js";
import { PROGRAMME_OPTION, type Programme } from "../rules/programme.js";
import type { Amounts, CaseKind, OutcomeBase } from "../trace/types.js";
import { CASES, computeBatch, type RuleSetInput } from "./compute.js";

/** Owed under A, under B, and the change (B − A), by payer. */
export interface AmountsChange {
  readonly a: Amounts;
  readonly b: Amounts;
  readonly delta: Amounts;
}

/** One case of a what-if. `track` is given for enterprise exits. */
export interface CaseChange extends AmountsChange {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly township: string;
  readonly track?: { readonly a: string; readonly b: string };
}

/** One step of the attribution: the batch total before and after taking `parameter` from B, and its part (after − before). */
export interface AttributionStep {
  readonly parameter: string;
  readonly before: Amounts;
  readonly after: Amounts;
  readonly part: Amounts;
}

/** The JSON document of `exitfund compare`. */
export interface CompareDocument {
  readonly ruleSets: {
    readonly a: { readonly id: string; readonly version: string };
    readonly b: { readonly id: string; readonly version: string };
  };
  readonly cases: readonly CaseChange[];
  readonly totals: AmountsChange & {
    readonly byTownship: { readonly [township: string]: AmountsChange };
    readonly byKind: { readonly [kind: string]: AmountsChange };
  };
  readonly attribution: {
    readonly order: readonly string[];
    readonly note: string;
    readonly steps: readonly AttributionStep[];
    readonly total: Amounts;
  };
  /** The receipt of the cases under rule set A (the base). */
  readonly receipt: Receipt;
  /** The receipt of the same cases under rule set B. */
  readonly receiptB: Receipt;
}

const ORDER_OPTION: OptionCheck = Object.freeze({
  accepts: "a list of parameter names",
  zh: "参数名称的列表",
  test: (value: unknown) => Array.isArray(value) && value.every((name) => typeof name === "string"),
});

/** What the attribution says about its order. */
export const ATTRIBUTION_NOTE =
  "Each parameter that differs is taken from B one at a time, in the order given (alphabetical by name, rounding last); its part is the batch total after its step minus the total before. The parts add up exactly to the total change, but where parameters interact (a cap, a floor, a track threshold) another order can split the change differently.";

/** What the attribution says when the order was chosen (`compare(…, { order })`, `--order`). */
export const CHOSEN_ORDER_NOTE =
  "Each parameter that differs is taken from B one at a time: first those named in the order chosen, then the others alphabetically by name (rounding last unless named); its part is the batch total after its step minus the total before. The parts add up exactly to the total change, but where parameters interact (a cap, a floor, a track threshold) another order can split the change differently.";

/** Options of {@link compare}. */
export interface CompareOptions {
  /** The domains to compute with (default `defaultProgramme`). */
  readonly programme?: Programme;
  /**
   * The attribution order: parameters that differ (or `rounding`), taken from B first in this order; the
   * others follow alphabetically (rounding last). A name that does not differ is an input error.
   */
  readonly order?: readonly string[];
}

/**
 * 测算对比 · what-if comparison — every case under rule sets A and B, the change by case, township, payer and kind, and its attribution to each parameter that differs.
 *
 * @remarks
 * The attribution starts from A and takes the parameters that differ (values or dates) from B one at
 * a time, alphabetically by name, then `rounding` if it differs; each parameter's part is the batch
 * total after its step minus the total before, so the parts telescope to B − A exactly (checked, as
 * is that the last step reproduces B). Interactions make the order matter: `options.order` chooses it (the
 * named parameters first, the others after them as before), and `attribution.order` says which was used.
 * @throws InvalidInputError when a case is invalid under A, under B, or at an intermediate step.
 * @example
 * compare(cases, "tongzhou-2016", { ...raisedRates, extends: "tongzhou-2016" }).attribution.steps;
 * @category batch
 */
export function compare(
  cases: readonly unknown[],
  ruleSetA: RuleSetInput,
  ruleSetB: RuleSetInput,
  options: CompareOptions = {},
): CompareDocument {
  listArgument(cases, "cases", CASES);
  const { programme = defaultProgramme } = optionsArgument(options, "options", {
    programme: PROGRAMME_OPTION,
    order: ORDER_OPTION,
  }) as {
    readonly programme?: Programme;
  };
  const a = resolveRuleSetInput(ruleSetA, programme, "ruleSetA");
  const b = resolveRuleSetInput(ruleSetB, programme, "ruleSetB");
  const outcomesA = outcomesUnder(cases, a, programme, `rule set A (${a.id})`);
  const outcomesB = outcomesUnder(cases, b, programme, `rule set B (${b.id})`);
  const show = (value: Dec) => toMoneyString(value, widest(a.rounding, b.rounding));
  // Every case was computed under both (an invalid one throws), so both receipts hash the same list.
  const input = inputSha256(cases);
  const changes = outcomesA.map((outcomeA, index) => caseChange(outcomeA, outcomesB[index] ?? outcomeA, show));
  return {
    ruleSets: { a: { id: a.id, version: a.version }, b: { id: b.id, version: b.version } },
    cases: changes,
    totals: {
      ...totalChange(changes, show),
      byTownship: groupChanges(changes, (change) => change.township, show),
      byKind: groupChanges(changes, (change) => change.kind, show),
    },
    attribution: attribute(cases, { a, b, programme, chosen: options.order }, outcomesA, outcomesB, show),
    receipt: receiptFor(a, programme, input),
    receiptB: receiptFor(b, programme, input),
  };
}

function attribute(
  cases: readonly unknown[],
  {
    a,
    b,
    programme,
    chosen,
  }: {
    readonly a: RuleSet;
    readonly b: RuleSet;
    readonly programme: Programme;
    readonly chosen?: readonly string[] | undefined;
  },
  outcomesA: readonly OutcomeBase[],
  outcomesB: readonly OutcomeBase[],
  show: (value: Dec) => string,
): CompareDocument["attribution"] {
  const diff = diffRuleSets(a, b);
  const differing = [...parametersChangingAmounts(diff), ...(diff.rounding === undefined ? [] : ["rounding"])];
  const order = chosen === undefined ? differing : chosenOrder(chosen, differing);
  const start = totalsOf(outcomesA);
  const end = totalsOf(outcomesB);
  let json: RuleSetJson = { ...a.toJSON(), sources: unionSources(a.toJSON().sources, b.toJSON().sources) };
  let before = start;
  const steps = order.map((name): AttributionStep => {
    json = name === "rounding" ? { ...json, rounding: b.rounding } : withParameterOf(json, b.toJSON(), name);
    const after = totalsOf(
      outcomesUnder(
        cases,
        // A step keeps A's id (a bundled one, perhaps): it is never shown as a rule set of its own.
        loadWith(json, programme, undefined, true),
        programme,
        `the attribution step "${name}" (A with ${order.slice(0, order.indexOf(name) + 1).join(", ")} from B)`,
      ),
    );
    const step = {
      parameter: name,
      before: showTotals(before, show),
      after: showTotals(after, show),
      part: showTotals(minus(after, before), show),
    };
    before = after;
    return step;
  });
  assertInvariant(
    sameTotals(before, end),
    `compare: after every step the total is ${before.total.toString()}, but B gives ${end.total.toString()}; a difference between the rule sets was not attributed`,
  );
  const parts = steps.reduce(
    (acc, step) =>
      plus(acc, {
        municipal: dec(step.part.municipal),
        district: dec(step.part.district),
        total: dec(step.part.total),
      }),
    { municipal: ZERO, district: ZERO, total: ZERO },
  );
  assertInvariant(
    sameTotals(parts, minus(end, start)),
    `compare: the parts add up to ${parts.total.toString()}, not the change ${minus(end, start).total.toString()}`,
  );
  return {
    order,
    note: chosen === undefined ? ATTRIBUTION_NOTE : CHOSEN_ORDER_NOTE,
    steps,
    total: showTotals(minus(end, start), show),
  };
}

/**
 * The chosen names first (each must differ, once), then the other differing parameters in their default order.
 *
 * @throws InvalidInputError naming every name that does not differ between A and B, or is given twice.
 */
function chosenOrder(chosen: readonly string[], differing: readonly string[]): string[] {
  const issues: InputIssue[] = [];
  chosen.forEach((name, index) => {
    if (!differing.includes(name))
      issues.push({
        path: `order[${index}]`,
        code: "not-a-difference",
        message: `${show(name)} is no parameter that differs between A and B; the attribution orders ${differing.length === 0 ? "none (A and B do not differ)" : knownList(differing)}`,
        zh: `${show(name)} 不是两个规则集之间不同的参数；可排序的参数：${differing.length === 0 ? "无" : knownList(differing)}`,
      });
    else if (chosen.indexOf(name) !== index)
      issues.push({
        path: `order[${index}]`,
        code: "repeated-parameter",
        message: `${show(name)} is given twice`,
        zh: `参数 ${show(name)} 重复`,
      });
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return [...chosen, ...differing.filter((name) => !chosen.includes(name))];
}

/** A's rule-set JSON with one parameter as B has it (removed when B lacks it). */
function withParameterOf(json: RuleSetJson, from: RuleSetJson, name: string): RuleSetJson {
  const { [name]: _old, ...others } = json.parameters;
  const taken = from.parameters[name];
  return { ...json, parameters: taken === undefined ? others : { ...others, [name]: taken } };
}

/** A's sources, then those of B that A lacks: every source either side cites. */
function unionSources(a: readonly SourceJson[], b: readonly SourceJson[]): SourceJson[] {
  const ids = new Set(a.map((source) => source.id));
  return [...a, ...b.filter((source) => !ids.has(source.id))];
}

function outcomesUnder(
  cases: readonly unknown[],
  ruleSet: RuleSet,
  programme: Programme,
  under: string,
): readonly OutcomeBase[] {
  const document = computeBatch(cases, { ruleSet, programme, trace: false });
  if (document.errors.length > 0)
    throw new InvalidInputError(
      document.errors.map(({ index: _index, id: _id, ...issue }) => ({
        ...issue,
        message: `under ${under}: ${issue.message}`,
        ...(issue.zh === undefined ? {} : { zh: `按${under}:${issue.zh}` }),
      })),
    );
  return document.results;
}

interface Sums {
  readonly municipal: Dec;
  readonly district: Dec;
  readonly total: Dec;
}

function totalsOf(outcomes: readonly OutcomeBase[]): Sums {
  return outcomes.reduce((acc, outcome) => plus(acc, sumsOf(outcome.amounts)), {
    municipal: ZERO,
    district: ZERO,
    total: ZERO,
  });
}

function sumsOf(amounts: Amounts): Sums {
  return { municipal: dec(amounts.municipal), district: dec(amounts.district), total: dec(amounts.total) };
}

function plus(x: Sums, y: Sums): Sums {
  return {
    municipal: x.municipal.plus(y.municipal),
    district: x.district.plus(y.district),
    total: x.total.plus(y.total),
  };
}

function minus(x: Sums, y: Sums): Sums {
  return {
    municipal: x.municipal.minus(y.municipal),
    district: x.district.minus(y.district),
    total: x.total.minus(y.total),
  };
}

function sameTotals(x: Sums, y: Sums): boolean {
  return x.municipal.eq(y.municipal) && x.district.eq(y.district) && x.total.eq(y.total);
}

function showTotals(sums: Sums, show: (value: Dec) => string): Amounts {
  return { municipal: show(sums.municipal), district: show(sums.district), total: show(sums.total) };
}

function caseChange(outcomeA: OutcomeBase, outcomeB: OutcomeBase, show: (value: Dec) => string): CaseChange {
  assertInvariant(outcomeA.id === outcomeB.id, `compare: case ${outcomeA.id} under A met ${outcomeB.id} under B`);
  const a = sumsOf(outcomeA.amounts);
  const b = sumsOf(outcomeB.amounts);
  return {
    caseId: outcomeA.id,
    kind: outcomeA.kind,
    township: outcomeA.township,
    ...(outcomeA.track === undefined || outcomeB.track === undefined
      ? {}
      : { track: { a: outcomeA.track, b: outcomeB.track } }),
    a: showTotals(a, show),
    b: showTotals(b, show),
    delta: showTotals(minus(b, a), show),
  };
}

function totalChange(changes: readonly CaseChange[], show: (value: Dec) => string): AmountsChange {
  const zero: Sums = { municipal: ZERO, district: ZERO, total: ZERO };
  const a = changes.reduce((acc, change) => plus(acc, sumsOf(change.a)), zero);
  const b = changes.reduce((acc, change) => plus(acc, sumsOf(change.b)), zero);
  return { a: showTotals(a, show), b: showTotals(b, show), delta: showTotals(minus(b, a), show) };
}

function groupChanges(
  changes: readonly CaseChange[],
  keyOf: (change: CaseChange) => string,
  show: (value: Dec) => string,
): { [key: string]: AmountsChange } {
  const keys = [...new Set(changes.map(keyOf))].sort();
  // Object.fromEntries defines each key as its own, so a township named "__proto__" is kept.
  return Object.fromEntries(
    keys.map((key) => [
      key,
      totalChange(
        changes.filter((change) => keyOf(change) === key),
        show,
      ),
    ]),
  );
}

/** The finer of two roundings' scales, so amounts of both rule sets and their differences show exactly. */
function widest(a: Rounding, b: Rounding): Rounding {
  return { scale: Math.max(a.scale, b.scale), mode: "half-up" };
}
