import type { Rounding } from "../money/decimal.js";
import { toMoneyString } from "../money/round.js";
import type { Parameter } from "../parameters/handles.js";
import type { ParamUse } from "../parameters/status.js";
import type { IsoDate } from "../parameters/types.js";
import type { Dec } from "../money/decimal.js";
import { step } from "../trace/build.js";
import type { Finding, Reason, TraceStep } from "../trace/types.js";

/**
 * 可追溯的值 · a traced value — a rule's value with everything that explains it: the trace steps that computed
 * it, the reasons that decided it, and the findings that need a person's attention.
 *
 * @remarks Plain, read-only data. The combinators below never drop a step, a reason or a finding.
 * @category rules
 */
export interface Traced<T> {
  readonly value: T;
  readonly steps: readonly TraceStep[];
  readonly reasons: readonly Reason[];
  readonly findings: readonly Finding[];
}

/**
 * How a rule reads a parameter: the value in force on the case's date, or with `key` one cell of a table
 * (cited as `name.key`). Never a silent 0: a parameter with no value in force throws a `RuleSetError`.
 */
export interface Read {
  <T>(parameter: Parameter<T>): T;
  <T extends object, K extends keyof T & string>(parameter: Parameter<T>, key: K): T[K];
}

/** A value in force with the citation a trace step records for it. */
export interface Cited<T> {
  readonly value: T;
  readonly use: ParamUse;
}

/**
 * 计算环境 · context — the rule set as it stands on the case's selecting date.
 *
 * @remarks
 * `on` is the date that selects every parameter value (exitCompletedOn, declaredOn, clearedOn, or 31 December
 * before a fiscal year); `rounding` is the rule set's; `read` gives a value in force; `cite(rule)` the rule
 * set's citation of a rule, or "no clause given" when it has none (never another rule set's clause). `trace`
 * is false when the caller asked for outcomes without traces (`compute(…, { trace: false })`): figures then
 * record no step. `cited` is `read` with the citation, for combinators that build steps.
 * @category rules
 */
export interface Context {
  /** The rule set's identity, for messages. */
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly on: IsoDate;
  readonly rounding: Rounding;
  readonly trace: boolean;
  readonly read: Read;
  cited<T>(parameter: Parameter<T>, key?: string): Cited<unknown>;
  cite(rule: string): string;
}

/**
 * 规则 · rule — one signature for every rule, sub-rule and district extension: facts and a context in, a traced value out.
 * @category rules
 */
export type Rule<F, T> = (facts: F, ctx: Context) => Traced<T>;

const NONE: readonly never[] = Object.freeze([]);

/** `a` then `b`, without copying when either is empty. */
function concat<T>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...a, ...b];
}

/**
 * 值 · of — a value with nothing to explain yet; optionally the reasons, findings (or steps) that go with it.
 * @example of(ZERO) // { value: ZERO, steps: [], reasons: [], findings: [] }
 * @category rules
 */
export function of<T>(
  value: T,
  log: {
    readonly steps?: readonly TraceStep[];
    readonly reasons?: readonly Reason[];
    readonly findings?: readonly Finding[];
  } = {},
): Traced<T> {
  return { value, steps: log.steps ?? NONE, reasons: log.reasons ?? NONE, findings: log.findings ?? NONE };
}

/**
 * 接续 · chain — the rule that follows `first`, given its value; the steps, reasons and findings of both, first's first.
 * @example chain(districtSupplement(facts, ctx), (amount) => of({ district: amount }))
 * @category rules
 */
export function chain<A, B>(first: Traced<A>, next: (value: A) => Traced<B>): Traced<B> {
  const second = next(first.value);
  return {
    value: second.value,
    steps: concat(first.steps, second.steps),
    reasons: concat(first.reasons, second.reasons),
    findings: concat(first.findings, second.findings),
  };
}

/**
 * 合并 · all — several traced values as one: a record (or a list) of their values, with all their steps, reasons
 * and findings in the order given.
 * @example all({ tax: taxComponent(facts, ctx), land: landComponent(facts, ctx) }).value.tax
 * @category rules
 */
export function all<const R extends { readonly [name: string]: Traced<unknown> }>(
  parts: R,
): Traced<{ readonly [K in keyof R]: R[K]["value"] }>;
export function all<T>(parts: readonly Traced<T>[]): Traced<readonly T[]>;
export function all(parts: readonly Traced<unknown>[] | { readonly [name: string]: Traced<unknown> }): Traced<unknown> {
  const list = Array.isArray(parts) ? (parts as readonly Traced<unknown>[]) : Object.values(parts);
  let steps: readonly TraceStep[] = NONE;
  let reasons: readonly Reason[] = NONE;
  let findings: readonly Finding[] = NONE;
  for (const part of list) {
    steps = concat(steps, part.steps);
    reasons = concat(reasons, part.reasons);
    findings = concat(findings, part.findings);
  }
  let value: unknown;
  if (Array.isArray(parts)) value = list.map((part) => part.value);
  else {
    const record: { [name: string]: unknown } = {};
    for (const name of Object.keys(parts)) record[name] = (parts as { [name: string]: Traced<unknown> })[name]?.value;
    value = record;
  }
  return { value, steps, reasons, findings };
}

/** How a figure records its step: its inputs (by default none) and how its value is shown (by default as JSON). */
export interface FigureOptions<F, T> {
  readonly inputs?: (facts: F, value: T, ctx: Context) => { readonly [key: string]: unknown };
  readonly show?: (value: T, ctx: Context) => unknown;
}

/**
 * 数额 · figure — a rule that computes one value and records it as one trace step, citing the rule set's clause
 * for `rule` and every parameter `compute` read (each once, in the order read).
 *
 * @remarks
 * `compute(facts, read, ctx)` reads parameters only through `read`, so the step cannot forget one and the
 * outcome's `basis` is the weakest status it read. Without traces (`ctx.trace` false) no step is made and
 * `inputs` is never called.
 * @example
 * const earlyExitBonus = figure("changping.earlyExitBonus", (total: Dec, read, ctx) =>
 *   roundMoney(total.times(read(bonusRate)), ctx.rounding), { show: asMoney });
 * @category rules
 */
export function figure<F, T>(
  rule: string,
  compute: (facts: F, read: Read, ctx: Context) => T,
  options: FigureOptions<F, T> = {},
): Rule<F, T> {
  return (facts, ctx) => {
    if (!ctx.trace) return { value: compute(facts, ctx.read, ctx), steps: NONE, reasons: NONE, findings: NONE };
    const uses: ParamUse[] = [];
    const read = ((parameter: Parameter<unknown>, key?: string) => {
      const found = ctx.cited(parameter, key);
      if (!uses.includes(found.use)) uses.push(found.use);
      return found.value;
    }) as Read;
    const value = compute(facts, read, ctx);
    const inputs = options.inputs?.(facts, value, ctx) ?? {};
    const shown = options.show === undefined ? value : options.show(value, ctx);
    // An outcome keeps its steps: give each the exact-size list of what it read, not the growing one.
    return { value, steps: [step(rule, ctx.cite(rule), uses.slice(), inputs, shown)], reasons: NONE, findings: NONE };
  };
}

/**
 * 例外 · exception — Catala's exception: when `applies` gives a reason, `special` replaces `base` (which is then
 * not evaluated) and the reason, first, says why.
 * @example exception(districtSupplement, (facts) => facts.catalogueIndustry === "casting" ? keyIndustry : undefined, keyIndustrySupplement)
 * @category rules
 */
export function exception<F, T>(
  base: Rule<F, T>,
  applies: (facts: F, ctx: Context) => Reason | undefined,
  special: Rule<F, T>,
): Rule<F, T> {
  return (facts, ctx) => {
    const why = applies(facts, ctx);
    if (why === undefined) return base(facts, ctx);
    const replaced = special(facts, ctx);
    return { ...replaced, reasons: [why, ...replaced.reasons] };
  };
}

/**
 * A figure's money shown at the rule set's rounding (`"700000.00"`), for `FigureOptions.show`.
 * @category rules
 */
export function asMoney(value: Dec, ctx: Context): string {
  return toMoneyString(value, ctx.rounding);
}
