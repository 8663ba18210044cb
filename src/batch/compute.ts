import { InvalidInputError, RuleSetError, type InputIssue } from "../errors/index.js";
import { Dec, ZERO } from "../money/decimal.js";
import { toMoneyString } from "../money/round.js";
import type { RuleSet } from "../parameters/types.js";
import { bundledRuleSet, defaultRuleSet, loadRuleSet } from "../rule-sets/index.js";
import { domainOf } from "../rules/index.js";
import { crossCheckTransfers } from "../rules/township-transfer/crossCheck.js";
import { CaseSchema, type Case } from "../schemas/cases.js";
import { zodIssues } from "../schemas/issues.js";
import type { Amounts, Outcome } from "../trace/types.js";

/** A rule set, a bundled id, or rule-set JSON. */
export type RuleSetInput = RuleSet | string | object;

/** Resolves what a caller passed as a rule set (default `tongzhou-2016`). */
export function resolveRuleSetInput(input: RuleSetInput | undefined): RuleSet {
  if (input === undefined) return defaultRuleSet;
  if (typeof input === "string") {
    const found = bundledRuleSet(input);
    if (found === undefined)
      throw new InvalidInputError([
        { path: "ruleSet", message: `no bundled rule set "${input}"; known: tongzhou-2016` },
      ]);
    return found;
  }
  if ("compiled" in input && "json" in input) return input as RuleSet;
  return loadRuleSet(input);
}

/** The field of each case kind whose date selects the parameters. */
const DATE_FIELD: { readonly [K in Case["kind"]]: string } = {
  "enterprise-exit": "exitCompletedOn",
  "structure-clearance": "declaredOn",
  "village-compensation": "clearedOn",
  "township-transfer": "fiscalYear",
};

/** An input problem of one case in a batch. */
export interface CaseError {
  readonly index: number;
  readonly id?: string;
  readonly path: string;
  readonly message: string;
}

/** Totals of a batch by payer, and by township (DESIGN §6). */
export interface Totals extends Amounts {
  readonly byTownship: { readonly [township: string]: Amounts };
}

/** The JSON document of `exitfund compute` (DESIGN §6). */
export interface ComputeDocument {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly results: readonly Outcome[];
  readonly totals: Totals;
  readonly errors: readonly CaseError[];
}

/**
 * Parses one case and runs the checks that need the rule set; `index` prefixes paths in a batch.
 * Returns the parsed case or its problems — never both.
 */
export function parseCase(
  input: unknown,
  ruleSet: RuleSet,
  index?: number,
): { ok: true; value: Case } | { ok: false; issues: InputIssue[] } {
  const prefix = index === undefined ? [] : [index];
  const parsed = CaseSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error.issues, prefix) };
  const facts = parsed.data;
  const extra = domainOf(facts).checkCase?.(facts, ruleSet) ?? [];
  if (extra.length > 0)
    return {
      ok: false,
      issues: extra.map((issue) => ({
        ...issue,
        path: index === undefined ? issue.path : `[${index}]${issue.path.startsWith("[") ? "" : "."}${issue.path}`,
      })),
    };
  return { ok: true, value: facts };
}

/** Computes one parsed case; a date with no parameter in force surfaces as an input problem of that case. */
export function computeParsed(facts: Case, ruleSet: RuleSet): Outcome {
  return domainOf(facts).compute(facts, ruleSet);
}

/**
 * 计算 · compute — the outcomes of one case or a batch, in input order.
 *
 * @remarks Every case is validated first; any invalid case (or a duplicate id) throws `InvalidInputError`
 * listing every problem with its index and field path, and nothing is computed.
 * @example compute({ kind: "enterprise-exit", ... }) // Outcome
 */
export function compute(cases: readonly unknown[], ruleSet?: RuleSetInput): Outcome[];
export function compute(cases: unknown, ruleSet?: RuleSetInput): Outcome;
export function compute(cases: unknown, ruleSet?: RuleSetInput): Outcome | Outcome[] {
  const rules = resolveRuleSetInput(ruleSet);
  const single = !Array.isArray(cases);
  const document = computeBatch(single ? [cases] : (cases as readonly unknown[]), rules);
  if (document.errors.length > 0) {
    throw new InvalidInputError(
      document.errors.map((error) => ({
        path: single ? error.path.replace(/^\[0\]\.?/, "") : error.path,
        message: error.message,
      })),
    );
  }
  return single ? (document.results[0] as Outcome) : [...document.results];
}

/** Options of a batch: `skipInvalid` computes the valid cases; `onProgress(done, total)` is called every few hundred cases. */
export interface BatchOptions {
  readonly skipInvalid?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 256;

/**
 * The `compute` document of a batch: results in input order, totals, and errors.
 * Without `skipInvalid`, any error leaves `results` empty (invalid input writes no results).
 */
export function computeBatch(
  inputs: readonly unknown[],
  ruleSetInput?: RuleSetInput,
  options: BatchOptions = {},
): ComputeDocument {
  const ruleSet = resolveRuleSetInput(ruleSetInput);
  const errors: CaseError[] = [];
  const valid: { index: number; facts: Case }[] = [];
  const firstIndexOfId = new Map<string, number>();
  inputs.forEach((input, index) => {
    const parsed = parseCase(input, ruleSet, index);
    const id = idOf(input);
    if (id !== undefined) {
      const first = firstIndexOfId.get(id);
      if (first !== undefined) {
        errors.push({
          index,
          id,
          path: `[${index}].id`,
          message: `id (编号) "${id}" is used twice in the batch (also at [${first}]); case ids must be unique`,
        });
      } else firstIndexOfId.set(id, index);
    }
    if (!parsed.ok)
      errors.push(...parsed.issues.map((issue) => ({ index, ...(id === undefined ? {} : { id }), ...issue })));
    else if (firstIndexOfId.get(id ?? "") === index) valid.push({ index, facts: parsed.value });
  });
  const computed: Outcome[] = [];
  const computedCases: Case[] = [];
  for (const { index, facts } of valid) {
    if (options.onProgress !== undefined && computed.length % PROGRESS_EVERY === 0)
      options.onProgress(computed.length, valid.length);
    try {
      computed.push(computeParsed(facts, ruleSet));
      computedCases.push(facts);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      // A rule set with no value in force on the case's date is a problem of that date field of the case.
      const field = error instanceof RuleSetError ? DATE_FIELD[facts.kind] : undefined;
      errors.push(
        ...error.issues.map((issue) => ({
          index,
          id: facts.id,
          path: `[${index}]${field !== undefined ? `.${field}` : issue.path === "" ? "" : `.${issue.path}`}`,
          message: field !== undefined ? `rule set "${ruleSet.id}" ${issue.path}: ${issue.message}` : issue.message,
        })),
      );
    }
  }
  options.onProgress?.(computed.length, valid.length);
  errors.sort((a, b) => a.index - b.index);
  const results = errors.length > 0 && options.skipInvalid !== true ? [] : crossCheckTransfers(computedCases, computed);
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    results,
    totals: summarize(results, ruleSet),
    errors,
  };
}

function idOf(input: unknown): string | undefined {
  if (typeof input !== "object" || input === null || !("id" in input)) return undefined;
  const id = (input as { id: unknown }).id;
  return typeof id === "string" ? id : undefined;
}

/** Totals by payer and by township: sums of the amounts the outcomes show. */
export function summarize(outcomes: readonly Outcome[], ruleSet: RuleSet = defaultRuleSet): Totals {
  const byTownship = new Map<string, { municipal: Dec; district: Dec }>();
  let municipal = ZERO;
  let district = ZERO;
  for (const outcome of outcomes) {
    const m = new Dec(outcome.amounts.municipal);
    const d = new Dec(outcome.amounts.district);
    municipal = municipal.plus(m);
    district = district.plus(d);
    const row = byTownship.get(outcome.township) ?? { municipal: ZERO, district: ZERO };
    byTownship.set(outcome.township, { municipal: row.municipal.plus(m), district: row.district.plus(d) });
  }
  const show = (m: Dec, d: Dec): Amounts => ({
    municipal: toMoneyString(m, ruleSet.rounding),
    district: toMoneyString(d, ruleSet.rounding),
    total: toMoneyString(m.plus(d), ruleSet.rounding),
  });
  const townships: { [township: string]: Amounts } = {};
  for (const township of [...byTownship.keys()].sort()) {
    const row = byTownship.get(township);
    if (row !== undefined) townships[township] = show(row.municipal, row.district);
  }
  return { ...show(municipal, district), byTownship: townships };
}
