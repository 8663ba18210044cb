import { InvalidInputError, assertInvariant, type InputIssue } from "../errors/index.js";
import { allocateWithLog } from "../money/allocate.js";
import { DEFAULT_ROUNDING, ZERO, dec, type Dec, type Rounding } from "../money/decimal.js";
import { toMoneyString } from "../money/round.js";
import { defaultRuleSet } from "../rule-sets/index.js";
import { CaseSchema, type Case } from "../schemas/cases.js";
import { MoneySchema } from "../schemas/scalars.js";
import type { CaseKind, Outcome, Payer, Track } from "../trace/types.js";
import { computeBatch, resolveRuleSetInput, type RuleSetInput } from "./compute.js";

/** The dimensions a budget groups by. */
export const BUDGET_DIMENSIONS = ["township", "payer", "track", "year"] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

/**
 * The track of a group: an enterprise exit's track, or for the other kinds the kind itself (each is
 * its own budget line: land-clearing fees, village compensation, township transfers).
 */
export type BudgetTrack = Track | Exclude<CaseKind, "enterprise-exit">;

/** A group's key: the values of the dimensions grouped by, and only those. */
export interface BudgetKey {
  readonly township?: string;
  readonly payer?: Payer;
  readonly track?: BudgetTrack;
  readonly year?: number;
}

/** A pro-rata share of a capped allocation. */
export interface AllocationShare {
  readonly caseId: string;
  readonly owed: string;
  readonly allocated: string;
}

/**
 * A capped allocation: min(cap, owed) split pro rata among the cases `payer` owes, fen-exact
 * (largest remainder); `remainder` lists the cases that received an extra fen, in input order.
 */
export interface BudgetAllocation {
  readonly cap: string;
  readonly payer: Payer;
  readonly owed: string;
  readonly allocated: string;
  readonly shares: readonly AllocationShare[];
  readonly remainder: readonly string[];
}

/** The JSON document of `exitfund budget` (DESIGN §6). */
export interface BudgetDocument {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly groups: readonly { readonly key: BudgetKey; readonly amount: string }[];
  readonly total: string;
  readonly allocation?: BudgetAllocation;
}

/** Options of {@link budget}. */
export interface BudgetOptions {
  /** Dimensions to group by, in the order the groups are sorted (default `["township"]`). */
  readonly by?: readonly BudgetDimension[];
  /** With `payer`: the money available (yuan, ≥ 0, at most the rounding scale's decimals). */
  readonly cap?: string;
  /** With `cap`: whose budget is capped. */
  readonly payer?: Payer;
  /** Year of each case by id (needed to group by `year`); {@link caseYears} gives it. */
  readonly years?: { readonly [caseId: string]: number };
  /** Rounding of the outcomes' rule set: fixes the unit (the fen) of amounts and of the allocation. Default half-up to 0.01. */
  readonly rounding?: Rounding;
  /** The rule set named in the document (default: the one the first outcome names). */
  readonly ruleSet?: { readonly id: string; readonly version: string };
}

const PAYERS: readonly Payer[] = ["municipal", "district"];
const TRACK_ORDER: readonly BudgetTrack[] = [
  "municipal",
  "district-supplement",
  "district-small",
  "none",
  "structure-clearance",
  "village-compensation",
  "township-transfer",
];

/**
 * 预算汇总 · budget roll-up — the amounts owed grouped by township, payer, track and/or year, and with a cap a fen-exact allocation.
 *
 * @remarks
 * 《实施方案》四(十四)2: the district finance bureau sets up the district exit fund and accounts for it.
 * Grouping by payer splits each outcome into its municipal and district parts (zero parts omitted);
 * without it a group's amount is the outcomes' totals. Σ groups = total, checked on every run.
 * With `cap` C and `payer` P: min(C, Σ owed by P) is split pro rata among the cases P owes, in input
 * order, by the largest-remainder method (ties to the earlier case), so Σ allocated = min(C, owed)
 * exactly, each share is within one fen of its exact value and none exceeds what is owed.
 *
 * @throws InvalidInputError for an unknown or repeated dimension, `year` without `years`, a cap without a payer (or the reverse), or a bad cap.
 * @example
 * budget(outcomes, { by: ["township", "payer"], cap: "1000000", payer: "district" });
 * @category batch
 */
export function budget(outcomes: readonly Outcome[], options: BudgetOptions = {}): BudgetDocument {
  const by = options.by ?? ["township"];
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  const cap = checkOptions(by, options, outcomes, rounding);
  const money = (value: Dec) => toMoneyString(value, rounding);
  const sums = new Map<string, { key: BudgetKey; amount: Dec }>();
  for (const outcome of outcomes) {
    for (const [payer, amount] of partsOf(outcome, by.includes("payer"))) {
      const key = keyOf(outcome, payer, by, options.years);
      const id = JSON.stringify(key);
      sums.set(id, { key, amount: (sums.get(id)?.amount ?? ZERO).plus(amount) });
    }
  }
  const groups = [...sums.values()].sort((a, b) => compareKeys(a.key, b.key, by));
  const total = outcomes.reduce((acc, outcome) => acc.plus(dec(outcome.amounts.total)), ZERO);
  const grouped = groups.reduce((acc, group) => acc.plus(group.amount), ZERO);
  assertInvariant(grouped.eq(total), `budget: Σ groups ${grouped.toString()} ≠ total ${total.toString()}`);
  const first = outcomes[0];
  return {
    ruleSet: options.ruleSet ?? first?.ruleSet ?? { id: defaultRuleSet.id, version: defaultRuleSet.version },
    groups: groups.map((group) => ({ key: group.key, amount: money(group.amount) })),
    total: money(total),
    ...(cap === undefined || options.payer === undefined
      ? {}
      : { allocation: allocateCap(outcomes, cap, options.payer, rounding) }),
  };
}

/**
 * The budget of cases: computes them with the rule set (whose rounding it uses) and reads each case's year.
 *
 * @throws InvalidInputError listing every invalid case, or a bad option.
 * @category batch
 */
export function budgetOfCases(
  cases: readonly unknown[],
  options: Omit<BudgetOptions, "years" | "rounding" | "ruleSet"> & { readonly ruleSet?: RuleSetInput } = {},
): BudgetDocument {
  const ruleSet = resolveRuleSetInput(options.ruleSet);
  const document = computeBatch(cases, ruleSet);
  if (document.errors.length > 0)
    throw new InvalidInputError(document.errors.map((error) => ({ path: error.path, message: error.message })));
  const parsed = cases.map((input) => CaseSchema.parse(input));
  const { ruleSet: _ruleSet, ...rest } = options;
  return budget(document.results, {
    ...rest,
    years: caseYears(parsed),
    rounding: ruleSet.rounding,
    ruleSet: document.ruleSet,
  });
}

/**
 * 年度 · budget year of each case, by id: the year of `exitCompletedOn`, `declaredOn` or `clearedOn`, or a transfer's `fiscalYear`.
 * @category batch
 */
export function caseYears(cases: readonly Case[]): { [caseId: string]: number } {
  return Object.fromEntries(cases.map((facts) => [facts.id, yearOf(facts)]));
}

function yearOf(facts: Case): number {
  switch (facts.kind) {
    case "enterprise-exit":
      return Number(facts.exitCompletedOn.slice(0, 4));
    case "structure-clearance":
      return Number(facts.declaredOn.slice(0, 4));
    case "village-compensation":
      return Number(facts.clearedOn.slice(0, 4));
    case "township-transfer":
      return facts.fiscalYear;
  }
}

/** The amounts an outcome puts in the budget: its total, or by payer its non-zero parts. */
function partsOf(outcome: Outcome, byPayer: boolean): [Payer | undefined, Dec][] {
  if (!byPayer) return [[undefined, dec(outcome.amounts.total)]];
  return PAYERS.map((payer): [Payer, Dec] => [payer, dec(outcome.amounts[payer])]).filter(
    ([, amount]) => !amount.isZero(),
  );
}

function keyOf(
  outcome: Outcome,
  payer: Payer | undefined,
  by: readonly BudgetDimension[],
  years: BudgetOptions["years"],
): BudgetKey {
  const key: { township?: string; payer?: Payer; track?: BudgetTrack; year?: number } = {};
  for (const dimension of by) {
    if (dimension === "township") key.township = outcome.township;
    else if (dimension === "payer" && payer !== undefined) key.payer = payer;
    else if (dimension === "track") key.track = outcome.track ?? (outcome.kind as BudgetTrack);
    else if (dimension === "year") {
      const year = years?.[outcome.id];
      if (year === undefined)
        throw new InvalidInputError([
          {
            path: "years",
            message: `gives no year for case "${outcome.id}"; grouping by year needs every case's year (caseYears(cases))`,
          },
        ]);
      key.year = year;
    }
  }
  return key;
}

function compareKeys(a: BudgetKey, b: BudgetKey, by: readonly BudgetDimension[]): number {
  for (const dimension of by) {
    const order =
      dimension === "township"
        ? compareText(a.township ?? "", b.township ?? "")
        : dimension === "payer"
          ? PAYERS.indexOf(a.payer ?? "municipal") - PAYERS.indexOf(b.payer ?? "municipal")
          : dimension === "track"
            ? TRACK_ORDER.indexOf(a.track ?? "none") - TRACK_ORDER.indexOf(b.track ?? "none")
            : (a.year ?? 0) - (b.year ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}

/** Validates the options; returns the cap when one is given. */
function checkOptions(
  by: readonly BudgetDimension[],
  options: BudgetOptions,
  outcomes: readonly Outcome[],
  rounding: Rounding,
): Dec | undefined {
  const issues: InputIssue[] = [];
  by.forEach((dimension, index) => {
    if (!(BUDGET_DIMENSIONS as readonly string[]).includes(dimension))
      issues.push({
        path: `by[${index}]`,
        message: `must be one of ${BUDGET_DIMENSIONS.join(", ")}; got ${JSON.stringify(dimension)}`,
      });
    else if (by.indexOf(dimension) !== index)
      issues.push({ path: `by[${index}]`, message: `"${dimension}" is given twice` });
  });
  if (by.includes("year") && options.years === undefined && outcomes.length > 0)
    issues.push({
      path: "years",
      message: "grouping by year needs each case's year: pass years (caseYears(cases)) or use budgetOfCases",
    });
  if ((options.cap === undefined) !== (options.payer === undefined))
    issues.push({
      path: options.cap === undefined ? "cap" : "payer",
      message: "a capped allocation needs both cap (the money available) and payer (municipal or district)",
    });
  if (options.payer !== undefined && !PAYERS.includes(options.payer))
    issues.push({ path: "payer", message: `must be municipal or district; got ${JSON.stringify(options.payer)}` });
  let cap: Dec | undefined;
  if (options.cap !== undefined) {
    const parsed = MoneySchema.safeParse(options.cap);
    if (!parsed.success)
      issues.push({
        path: "cap",
        message: `must be an amount in yuan ≥ 0, e.g. "5000000"; got ${JSON.stringify(options.cap)}`,
      });
    else if (dec(parsed.data).decimalPlaces() > rounding.scale)
      issues.push({
        path: "cap",
        message: `has more than ${rounding.scale} decimals; give the money available to the fen`,
      });
    else cap = dec(parsed.data);
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return cap;
}

/**
 * 按比例分配 · capped allocation — min(cap, owed by `payer`) split pro rata among the cases that payer owes (input order).
 * @category batch
 */
export function allocateCap(
  outcomes: readonly Outcome[],
  cap: Dec,
  payer: Payer,
  rounding: Rounding = DEFAULT_ROUNDING,
): BudgetAllocation {
  const money = (value: Dec) => toMoneyString(value, rounding);
  const owing = outcomes.filter((outcome) => dec(outcome.amounts[payer]).gt(0));
  const weights = owing.map((outcome) => dec(outcome.amounts[payer]));
  const owed = weights.reduce((acc, weight) => acc.plus(weight), ZERO);
  const available = cap.lt(owed) ? cap : owed;
  const { parts, extraUnits } = allocateWithLog(available, weights, rounding);
  const allocated = parts.reduce((acc, part) => acc.plus(part), ZERO);
  assertInvariant(
    allocated.eq(available),
    `budget: Σ allocated ${allocated.toString()} ≠ min(cap, owed) ${available.toString()}`,
  );
  parts.forEach((part, index) =>
    assertInvariant(
      part.lte(weights[index] ?? ZERO),
      `budget: share of ${owing[index]?.id ?? index} exceeds what is owed`,
    ),
  );
  return {
    cap: money(cap),
    payer,
    owed: money(owed),
    allocated: money(allocated),
    shares: owing.map((outcome, index) => ({
      caseId: outcome.id,
      owed: outcome.amounts[payer],
      allocated: money(parts[index] ?? ZERO),
    })),
    remainder: extraUnits.map((index) => owing[index]?.id ?? ""),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
