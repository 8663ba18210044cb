import { isRuleSetError } from "../errors/index.js";
import type { AnyParameter } from "../parameters/handles.js";
import { compiledParameter, valueInForce } from "../parameters/lookup.js";
import { weakestStatus, type Status } from "../parameters/status.js";
import type { CompiledValue, IsoDate, RuleSet } from "../parameters/types.js";
import type { OutcomeBase } from "../trace/types.js";
import type { AnyDomain } from "./domain.js";

/**
 * 快速求值 · the fast path: a second evaluator of a domain's rules, in scaled integers, for outcomes without a
 * trace. It computes exactly what the domain's payment rule computes — the same amounts to the fen, the same
 * reasons, findings and detail (built by the rule's own builders) — or declines, and the case goes to the
 * reference path (zod, decimal.js, the traced rules): for input the schema refuses (zod then writes every
 * message), for a figure past 2^53, for a date the rule set does not cover. An equivalence property runs both
 * on random cases and rule sets. A domain extended with `extendDomain` has no fast path unless the extension
 * gives one: an extension never gets the base domain's arithmetic silently.
 */

/** What the fast path computed for one case: its amounts in units of the rounding scale (fen at scale 2). */
export interface FastCase {
  readonly id: string;
  readonly township: string;
  /** The date that selected the parameters (the domain's `date`). */
  readonly date: IsoDate;
  /** Safe integers of units at the rule set's rounding scale. */
  readonly municipal: number;
  readonly district: number;
  /** The track, where the domain has tracks. */
  readonly track?: string;
  /** The outcome without trace, when it was asked for: identical to the reference path's with `trace: false`. */
  readonly outcome?: OutcomeBase;
}

/** A domain's fast evaluator for one rule set. */
export interface FastKernel {
  /**
   * The case validated and computed, with its outcome when `outcome` is true; undefined when the fast path
   * does not take it (the reference path then validates and computes it, and reports any problem).
   */
  run(input: unknown, outcome: boolean): FastCase | undefined;
}

/**
 * The key of a built-in kernel's canonical JSON writer ({@link BuiltInKernel}): a symbol that is not exported from
 * the package, so that only exitfund's own kernels can offer one, and a receipt never depends on a third party's
 * code writing canonical JSON.
 */
export const CANONICAL: unique symbol = Symbol("exitfund canonical JSON writer");

/** A kernel of exitfund's own domains. */
export interface BuiltInKernel extends FastKernel {
  /**
   * A writer of the canonical JSON (`canonicalJson`, src/receipt/canonical.ts) of inputs that `run` took, for the
   * cases at hand (a batch), written from what `run` proved of them (their keys, and that every value is a string,
   * number or boolean): the same text, faster. Undefined, from this or from the writer, when it cannot vouch for
   * the text (then the general writer writes it).
   */
  readonly [CANONICAL]?: () => ((input: unknown) => string | undefined) | undefined;
}

/**
 * 快速求值器 · a domain's fast evaluator: compiles a rule set into a kernel (parameters in scaled integers per
 * effective date), or gives undefined when it has no fast form of that rule set.
 * @category rules
 */
export interface FastEvaluator {
  /** True only for the domain whose rules it evaluates (never for an extension of it, unless made for it). */
  covers(domain: AnyDomain): boolean;
  compile(ruleSet: RuleSet, domain: AnyDomain): FastKernel | undefined;
}

/** The values of a domain's parameters in force on one date: what a kernel compiles once per effective date. */
export interface InForceValues {
  /** The compiled value of a parameter (its typed value, status and citation), or undefined when none is in force. */
  get(parameter: AnyParameter): CompiledValue<unknown> | undefined;
  /**
   * The weakest status among the values in force of the parameters named (the outcome's `basis` when the
   * computation reads exactly those). A parameter with no value in force on the date (not yet, or repealed)
   * contributes nothing: a computation that reads it cannot be made on that date (`get` gives undefined, the kernel
   * declines, and the reference path refuses with `no-value-in-force`). Undefined when none of those named has a
   * value in force (naming none included): never `official` for want of a value.
   */
  basis(...parameters: readonly AnyParameter[]): Status | undefined;
}

/**
 * The compiled form of a rule set for each span of dates in which no parameter of `parameters` changes value:
 * `build` runs once per span (on its first day), lazily, and may give undefined (that span has no fast form).
 * `at(date)` is the form in force on `date` (undefined before the first value).
 */
export function byEffectiveDate<K>(
  ruleSet: RuleSet,
  parameters: readonly AnyParameter[],
  build: (values: InForceValues) => K | undefined,
): (date: IsoDate) => K | undefined {
  const starts = [
    ...new Set(
      parameters.flatMap((handle) => compiledParameter(ruleSet, handle.name)?.values.map((v) => v.from) ?? []),
    ),
  ].sort();
  const built: (K | undefined)[] = [];
  const done: boolean[] = [];
  const form = (span: number): K | undefined => {
    if (done[span] !== true) {
      done[span] = true;
      built[span] = build(inForceOn(ruleSet, starts[span - 1] as IsoDate));
    }
    return built[span];
  };
  return (date) => {
    // Few spans (a value changes a few times in a programme): the last start on or before the date.
    for (let span = starts.length; span > 0; span -= 1) if ((starts[span - 1] as IsoDate) <= date) return form(span);
    return undefined;
  };
}

function inForceOn(ruleSet: RuleSet, on: IsoDate): InForceValues {
  const get = (parameter: AnyParameter): CompiledValue<unknown> | undefined => {
    try {
      return valueInForce(ruleSet, parameter.name, on);
    } catch (error) {
      if (isRuleSetError(error)) return undefined;
      throw error;
    }
  };
  return {
    get,
    basis: (...parameters) => {
      const statuses = parameters.flatMap((parameter) => get(parameter)?.status ?? []);
      return statuses.length === 0 ? undefined : weakestStatus(statuses);
    },
  };
}

/**
 * The kernels of a domain's fast evaluator, one per rule set, compiled on first use (rule sets are frozen, so a
 * kernel is never stale); undefined when the domain has none that covers it.
 */
export function kernelsOf(domain: AnyDomain): ((ruleSet: RuleSet) => FastKernel | undefined) | undefined {
  const fast = domain.fast;
  if (fast === undefined || !fast.covers(domain)) return undefined;
  const kernels = new WeakMap<RuleSet, FastKernel | null>();
  return (ruleSet) => {
    let kernel = kernels.get(ruleSet);
    if (kernel === undefined) {
      kernel = fast.compile(ruleSet, domain) ?? null;
      kernels.set(ruleSet, kernel);
    }
    return kernel ?? undefined;
  };
}
