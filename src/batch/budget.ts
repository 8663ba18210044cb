import type { Receipt } from "../receipt/receipt.js";
import { InvalidInputError, assertInvariant, type InputIssue } from "../errors/index.js";
import { allocateWithLog } from "../money/allocate.js";
import { DEFAULT_ROUNDING, ZERO, dec, sum, type Dec, type Rounding } from "../money/decimal.js";
import {
  denseListArgument,
  isPlainObject,
  keyPath,
  optionsArgument,
  refuse,
  type OptionCheck,
} from "../errors/arguments.js";
import { describeValue, describeValueZh } from "../errors/echo.js";
import { toDecimal } from "../money/parse.js";
import { checkRounding, toMoneyString } from "../money/round.js";
import { defaultRuleSet } from "../rule-sets/index.js";
import { defaultProgramme } from "../rules/default.js";
import type { CaseFacts } from "../rules/domain.js";
import { parseCase } from "../rules/evaluate.js";
import { PROGRAMME_OPTION, type Programme } from "../rules/programme.js";
import { BudgetedOutcomeSchema, parseArgument } from "../schemas/outcome.js";
import { MoneySchema, show } from "../schemas/scalars.js";
import type { OutcomeBase, Payer } from "../trace/types.js";
import { formatAmount } from "../money/format.js";
import { COMPILED, compiledParameter, valueInForce } from "../parameters/lookup.js";
import type { ParamUse } from "../parameters/status.js";
import type { RuleSet } from "../parameters/types.js";
import { computeBatch, OUTCOMES, refusePastTheFen, resolveOptions, type RuleSetInput } from "./compute.js";

/** The dimensions a budget groups by. */
export const BUDGET_DIMENSIONS = ["township", "payer", "track", "year"] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

/**
 * The budget line of a group: an enterprise exit's track, or for the other kinds the kind itself (each is
 * its own budget line: land-clearing fees, village compensation, township transfers); each domain says.
 */
export type BudgetTrack = string;

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
  /** The case's kind (those of `fullKinds` are paid in full). */
  readonly kind: string;
  readonly owed: string;
  readonly allocated: string;
}

/** 分组分配 · a group of a capped allocation (one per `by` group of the cases the payer owes). */
export interface AllocationGroup {
  readonly key: BudgetKey;
  readonly owed: string;
  readonly allocated: string;
  /** 缺口 · owed − allocated. */
  readonly shortfall: string;
}

/**
 * A capped allocation: min(cap, owed) to the cases `payer` owes, fen-exact. The cases of `fullKinds` (足额) are
 * paid in full first; the rest share what remains pro rata (largest remainder); `remainder` lists the cases that
 * received an extra fen, in input order. `groups` rolls the shares up by the budget's `by` groups. When the cap
 * cannot pay the full kinds in full, they share the whole cap pro rata, the other kinds get nothing, and
 * `warnings` says so (`cap-below-full-kinds`, with the amount they need).
 */
export interface BudgetAllocation {
  readonly cap: string;
  readonly payer: Payer;
  readonly owed: string;
  readonly allocated: string;
  /** The kinds paid in full before the others share the remainder (as given, or the rule set's). */
  readonly fullKinds: readonly string[];
  /** One per group of the budget's `by` dimensions, in the budget's order; Σ allocated = `allocated`. */
  readonly groups: readonly AllocationGroup[];
  readonly shares: readonly AllocationShare[];
  readonly remainder: readonly string[];
  /** Present only when there is one: what the allocation could not do as the rule set wants (zh and en). */
  readonly warnings?: readonly BudgetWarning[];
}

/**
 * A capped allocation that is made, but not as the rule set wants: `cap-below-full-kinds` — the cap is below what
 * the kinds paid in full (足额) are owed, so even they are pro-rated. `needed` is what paying them in full takes.
 */
export interface BudgetWarning {
  readonly code: "cap-below-full-kinds";
  readonly needed: string;
  readonly message: string;
  readonly zh: string;
  /**
   * The rule set's `paidInFull` values that make those kinds paid in full (status, source, clause: 《实施方案》
   * 四(十四)3 in the bundled rule set); absent when no full kind is paid in full by the rule set (only by choice).
   */
  readonly basis?: readonly ParamUse[];
}

/** The JSON document of `exitfund budget` (docs/finance-bureau.md). */
export interface BudgetDocument {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly groups: readonly { readonly key: BudgetKey; readonly amount: string }[];
  readonly total: string;
  readonly allocation?: BudgetAllocation;
  /** The receipt of the cases budgeted, when the budget computed them (`budgetOfCases`, the CLI). */
  readonly receipt?: Receipt;
}

/** Options of {@link budget}. */
export interface BudgetOptions {
  /** Dimensions to group by, in the order the groups are sorted (default `["township"]`). */
  readonly by?: readonly BudgetDimension[];
  /** With `payer`: the money available (yuan, ≥ 0, at most the rounding scale's decimals). */
  readonly cap?: string;
  /** With `cap`: whose budget is capped. */
  readonly payer?: Payer;
  /**
   * With `cap`: the case kinds paid in full before the rest share what remains (e.g. `["structure-clearance"]`;
   * `[]` for none). Default: the kinds whose domain's `paidInFull` parameter is true in the rule set (on its
   * `validFrom`) — land-clearing fees in the bundled one (《实施方案》四(十四)3); the rule set is `ruleSet` when it is a
   * loaded one, the bundled one when the outcomes name it, and otherwise none is paid in full.
   */
  readonly fullKinds?: readonly string[];
  /** Year of each case by id (needed to group by `year`); {@link caseYears} gives it. */
  readonly years?: { readonly [caseId: string]: number };
  /** Rounding of the outcomes' rule set: fixes the unit (the fen) of amounts and of the allocation. Default half-up to 0.01. */
  readonly rounding?: Rounding;
  /** The rule set named in the document (default: the one the first outcome names); a loaded one also gives the default `fullKinds`. */
  readonly ruleSet?: { readonly id: string; readonly version: string } | RuleSet;
  /** The programme whose domains give each outcome's budget line and their order (default `defaultProgramme`). */
  readonly programme?: Programme;
}

const PAYERS: readonly Payer[] = ["municipal", "district"];

/** The budget lines of a programme in order, and the line of an outcome (its kind when the programme lacks it). */
function budgetLines(programme: Programme) {
  const order = programme.domains.flatMap((domain) => domain.budgetLines);
  return {
    rank: (line: string) => {
      const at = order.indexOf(line);
      return at === -1 ? order.length : at;
    },
    of: (outcome: OutcomeBase) => programme.entry(outcome.kind)?.domain.budgetLine(outcome) ?? outcome.kind,
  };
}

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
export function budget(outcomes: readonly OutcomeBase[], options: BudgetOptions = {}): BudgetDocument {
  const list = denseListArgument(outcomes, "outcomes", OUTCOMES).map(
    (outcome, index) => parseArgument(BudgetedOutcomeSchema, outcome, ["outcomes", index]) as unknown as OutcomeBase,
  );
  const checked = budgetOptions(options, BUDGET_OPTIONS);
  refusePastTheFen(list, checked.rounding ?? DEFAULT_ROUNDING);
  return budgetOf(list, checked);
}

/** {@link budget} of outcomes the library made (unchecked), with checked options. */
function budgetOf(outcomes: readonly OutcomeBase[], options: BudgetOptions): BudgetDocument {
  const by = options.by ?? ["township"];
  const programme = options.programme ?? defaultProgramme;
  const lines = budgetLines(programme);
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  const cap = checkOptions(by, options, outcomes, rounding, programme);
  const money = (value: Dec) => toMoneyString(value, rounding);
  const sums = new Map<string, { key: BudgetKey; amount: Dec }>();
  for (const outcome of outcomes) {
    for (const [payer, amount] of partsOf(outcome, by.includes("payer"))) {
      const key = keyOf(outcome, payer, by, options.years, lines.of);
      const id = JSON.stringify(key);
      sums.set(id, { key, amount: (sums.get(id)?.amount ?? ZERO).plus(amount) });
    }
  }
  const groups = [...sums.values()].sort((a, b) => compareKeys(a.key, b.key, by, lines.rank));
  const total = sum(outcomes.map((outcome) => dec(outcome.amounts.total)));
  const grouped = sum(groups.map((group) => group.amount));
  assertInvariant(grouped.eq(total), `budget: Σ groups ${grouped.toString()} ≠ total ${total.toString()}`);
  const first = outcomes[0];
  const named = options.ruleSet ?? first?.ruleSet ?? defaultRuleSet;
  const ruleSet = { id: named.id, version: named.version };
  return {
    ruleSet,
    groups: groups.map((group) => ({ key: group.key, amount: money(group.amount) })),
    total: money(total),
    ...(cap === undefined || options.payer === undefined
      ? {}
      : {
          allocation: allocateCap(outcomes, cap, options.payer, rounding, {
            fullKinds: options.fullKinds ?? defaultFullKinds(programme, options.ruleSet ?? ruleSet),
            ...citedRuleSet(options.ruleSet ?? ruleSet),
            by,
            ...(options.years === undefined ? {} : { years: options.years }),
            programme,
          }),
        }),
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
  options: Omit<BudgetOptions, "years" | "rounding" | "ruleSet"> & {
    readonly ruleSet?: RuleSetInput;
    readonly programme?: Programme;
  } = {},
): BudgetDocument {
  const { ruleSet: given, programme, ...rest } = budgetOptions(options, CASES_BUDGET_OPTIONS);
  const resolved = resolveOptions({
    ...(given === undefined ? {} : { ruleSet: given }),
    ...(programme === undefined ? {} : { programme }),
  });
  const document = computeBatch(cases, { ruleSet: resolved.ruleSet, programme: resolved.programme });
  if (document.errors.length > 0)
    throw new InvalidInputError(document.errors.map(({ index: _index, id: _id, ...issue }) => issue));
  const parsed = cases.flatMap((input) => {
    const one = parseCase(resolved.programme, input, resolved.ruleSet);
    return one.ok ? [one.value] : [];
  });
  const budgeted = budgetOf(document.results, {
    ...rest,
    programme: resolved.programme,
    years: caseYears(parsed, resolved.programme),
    rounding: resolved.ruleSet.rounding,
    ruleSet: resolved.ruleSet,
  });
  return { ...budgeted, receipt: document.receipt };
}

/**
 * 足额 · the kinds a capped budget pays in full under `ruleSet`: those whose domain's `paidInFull` parameter is
 * true on the rule set's `validFrom` (land-clearing fees in the bundled rule set, 《实施方案》四(十四)3), in the
 * programme's order. A rule set that does not value the parameter pays no kind in full.
 * @category batch
 */
export function fullPaymentKinds(programme: Programme, ruleSet: RuleSet): string[] {
  programmeArgument(programme);
  return programme.domains.flatMap((domain) => {
    const handle = domain.paidInFull;
    if (handle === undefined || compiledParameter(ruleSet, handle.name) === undefined) return [];
    return valueInForce<boolean>(ruleSet, handle.name, ruleSet.validFrom).value === true ? [domain.kind] : [];
  });
}

/** The `paidInFull` values (on the rule set's `validFrom`) that make each of `kinds` paid in full, in `kinds`' order. */
function fullPaymentBasis(programme: Programme, ruleSet: RuleSet, kinds: readonly string[]): ParamUse[] {
  const paid = new Set(fullPaymentKinds(programme, ruleSet));
  return kinds.flatMap((kind) => {
    const handle = paid.has(kind) ? programme.entry(kind)?.domain.paidInFull : undefined;
    return handle === undefined ? [] : [valueInForce<boolean>(ruleSet, handle.name, ruleSet.validFrom).use];
  });
}

/** The rule set whose `paidInFull` values a warning cites: the given one when loaded, the bundled one when named. */
function citedRuleSet(ruleSet: { readonly id: string; readonly version: string } | RuleSet): { ruleSet?: RuleSet } {
  if (COMPILED in ruleSet) return { ruleSet: ruleSet as RuleSet };
  if (ruleSet.id === defaultRuleSet.id && ruleSet.version === defaultRuleSet.version)
    return { ruleSet: defaultRuleSet };
  return {};
}

/** The default `fullKinds`: the given rule set's when it is loaded, the bundled one's when it is named, else none. */
function defaultFullKinds(
  programme: Programme,
  ruleSet: { readonly id: string; readonly version: string } | RuleSet,
): string[] {
  const cited = citedRuleSet(ruleSet).ruleSet;
  return cited === undefined ? [] : fullPaymentKinds(programme, cited);
}

/**
 * 年度 · budget year of each case, by id: the year of its selecting date (`exitCompletedOn`, `declaredOn`,
 * `clearedOn`), or what its domain says (a transfer's `fiscalYear`).
 * @category batch
 */
export function caseYears(
  cases: readonly CaseFacts[],
  programme: Programme = defaultProgramme,
): { [caseId: string]: number } {
  const list = denseListArgument(cases, "cases", { en: "cases", zh: "案件" });
  programmeArgument(programme);
  list.forEach((facts, index) => {
    const { kind, id } = (typeof facts === "object" && facts !== null ? facts : {}) as { kind?: unknown; id?: unknown };
    if (typeof kind !== "string" || typeof id !== "string")
      refuse(
        `cases[${index}]`,
        "not-a-case",
        `must be a case object with a kind and an id; got ${describeValue(facts)}`,
        `应为带有类型（kind）和编号（id）的案件对象；实际为 ${describeValueZh(facts)}`,
      );
  });
  return Object.fromEntries(
    (list as readonly CaseFacts[]).map((facts) => {
      const domain = programme.entry(facts.kind)?.domain;
      const year = domain?.year?.(facts) ?? Number((domain?.date(facts) ?? "").slice(0, 4));
      return [facts.id, year];
    }),
  );
}

/** A programme argument, or refused (`not-a-programme`). */
function programmeArgument(programme: unknown): void {
  if (!PROGRAMME_OPTION.test(programme))
    refuse(
      "programme",
      "not-a-programme",
      `must be ${PROGRAMME_OPTION.accepts}; got ${describeValue(programme)}`,
      `应为${PROGRAMME_OPTION.zh}；实际为 ${describeValueZh(programme)}`,
    );
}

const LIST_OPTION: OptionCheck = Object.freeze({
  accepts: `a list of dimensions (${BUDGET_DIMENSIONS.join(", ")})`,
  zh: `汇总维度的列表（${BUDGET_DIMENSIONS.join("、")}）`,
  test: (value: unknown) => Array.isArray(value),
});
const AMOUNT_OPTION: OptionCheck = Object.freeze({
  accepts:
    'an amount in yuan written as a decimal string such as "5000000" (or a decimal of exitfund), never a JS number',
  zh: '以元计的十进制数字文本，如 "5000000"（不接受 JS 数字）',
  test: (value: unknown) => toDecimal(value) !== undefined,
});
const OBJECT_OPTION: OptionCheck = Object.freeze({
  accepts: "an object",
  zh: "对象",
  test: isPlainObject,
});
const ANY_OPTION: OptionCheck = Object.freeze({ accepts: "", zh: "", test: () => true });
const KINDS_OPTION: OptionCheck = Object.freeze({
  accepts: "a list of case kinds",
  zh: "案件类别的列表",
  test: (value: unknown) => Array.isArray(value),
});
const BUDGET_OPTIONS = Object.freeze({
  by: LIST_OPTION,
  cap: AMOUNT_OPTION,
  payer: ANY_OPTION,
  fullKinds: KINDS_OPTION,
  years: OBJECT_OPTION,
  rounding: OBJECT_OPTION,
  ruleSet: OBJECT_OPTION,
  programme: PROGRAMME_OPTION,
});
const CASES_BUDGET_OPTIONS = Object.freeze({
  by: LIST_OPTION,
  cap: AMOUNT_OPTION,
  payer: ANY_OPTION,
  fullKinds: KINDS_OPTION,
  ruleSet: ANY_OPTION,
  programme: PROGRAMME_OPTION,
});

/** The options of a budget, checked (their values are checked again, with their own messages, by checkOptions). */
function budgetOptions<O extends object>(options: O, checks: { readonly [option: string]: OptionCheck }): O {
  const given = optionsArgument(options, "options", checks) as BudgetOptions;
  if (given.by !== undefined) denseListArgument(given.by, "options.by", { en: "dimensions", zh: "汇总维度" });
  if (given.rounding !== undefined) checkRounding(given.rounding, "options.rounding");
  const years = Object.entries(given.years ?? {}).filter(([, year]) => !Number.isSafeInteger(year));
  if (years.length > 0)
    throw new InvalidInputError(
      years.map(([id, year]) => ({
        path: keyPath("options.years", id),
        code: "not-a-whole-number",
        message: `must be the case's budget year, a whole number such as 2016; got ${describeValue(year)}`,
        zh: `应为案件的预算年度（整数，如 2016）；实际为 ${describeValueZh(year)}`,
      })),
    );
  const cap = given.cap === undefined ? undefined : toDecimal(given.cap);
  return (cap === undefined || typeof given.cap === "string" ? given : { ...given, cap: cap.toFixed() }) as O;
}

/** The amounts an outcome puts in the budget: its total, or by payer its non-zero parts. */
function partsOf(outcome: OutcomeBase, byPayer: boolean): [Payer | undefined, Dec][] {
  if (!byPayer) return [[undefined, dec(outcome.amounts.total)]];
  return PAYERS.map((payer): [Payer, Dec] => [payer, dec(outcome.amounts[payer])]).filter(
    ([, amount]) => !amount.isZero(),
  );
}

function keyOf(
  outcome: OutcomeBase,
  payer: Payer | undefined,
  by: readonly BudgetDimension[],
  years: BudgetOptions["years"],
  lineOf: (outcome: OutcomeBase) => string,
): BudgetKey {
  const key: { township?: string; payer?: Payer; track?: BudgetTrack; year?: number } = {};
  for (const dimension of by) {
    if (dimension === "township") key.township = outcome.township;
    else if (dimension === "payer" && payer !== undefined) key.payer = payer;
    else if (dimension === "track") key.track = lineOf(outcome);
    else if (dimension === "year") {
      const year = years !== undefined && Object.hasOwn(years, outcome.id) ? years[outcome.id] : undefined;
      if (year === undefined)
        throw new InvalidInputError([
          {
            path: "years",
            code: "missing-year",
            message: `gives no year for case ${show(outcome.id)}; grouping by year needs every case's year (caseYears(cases))`,
            zh: "按年度汇总需要每个案件的年度",
          },
        ]);
      key.year = year;
    }
  }
  return key;
}

function compareKeys(
  a: BudgetKey,
  b: BudgetKey,
  by: readonly BudgetDimension[],
  rank: (line: string) => number,
): number {
  for (const dimension of by) {
    const order =
      dimension === "township"
        ? compareText(a.township ?? "", b.township ?? "")
        : dimension === "payer"
          ? PAYERS.indexOf(a.payer ?? "municipal") - PAYERS.indexOf(b.payer ?? "municipal")
          : dimension === "track"
            ? rank(a.track ?? "") - rank(b.track ?? "") || compareText(a.track ?? "", b.track ?? "")
            : (a.year ?? 0) - (b.year ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}

/** Validates the options; returns the cap when one is given. */
function checkOptions(
  by: readonly BudgetDimension[],
  options: BudgetOptions,
  outcomes: readonly OutcomeBase[],
  rounding: Rounding,
  programme: Programme,
): Dec | undefined {
  const issues: InputIssue[] = [];
  (options.fullKinds ?? []).forEach((kind, index, kinds) => {
    if (programme.entry(kind) === undefined)
      issues.push({
        path: `fullKinds[${index}]`,
        code: "unknown-kind",
        message: `must be a case kind of the programme (${programme.domains.map((domain) => domain.kind).join(", ")}); got ${show(kind)}`,
        zh: `足额拨付的类型应为 ${programme.domains.map((domain) => `${domain.kind}（${domain.labels.zh}）`).join("、")} 之一`,
      });
    else if (kinds.indexOf(kind) !== index)
      issues.push({
        path: `fullKinds[${index}]`,
        code: "repeated-kind",
        message: `${show(kind)} is given twice`,
        zh: `足额拨付的类型 ${show(kind)} 重复`,
      });
  });
  if (options.fullKinds !== undefined && options.cap === undefined)
    issues.push({
      path: "fullKinds",
      code: "full-kinds-needs-cap",
      message: "kinds paid in full only matter under a cap: give cap and payer too",
      zh: "足额拨付的类型仅在限额分配时适用：请同时给出限额和付款方",
    });
  by.forEach((dimension, index) => {
    if (!(BUDGET_DIMENSIONS as readonly string[]).includes(dimension))
      issues.push({
        path: `by[${index}]`,
        code: "unknown-dimension",
        message: `must be one of ${BUDGET_DIMENSIONS.join(", ")}; got ${show(dimension)}`,
        zh: `汇总维度应为 ${BUDGET_DIMENSIONS.join("、")} 之一`,
      });
    else if (by.indexOf(dimension) !== index)
      issues.push({
        path: `by[${index}]`,
        code: "repeated-dimension",
        message: `"${dimension}" is given twice`,
        zh: `汇总维度"${dimension}"重复`,
      });
  });
  if (by.includes("year") && options.years === undefined && outcomes.length > 0)
    issues.push({
      path: "years",
      code: "missing-year",
      message: "grouping by year needs each case's year: pass years (caseYears(cases)) or use budgetOfCases",
      zh: "按年度汇总需要每个案件的年度",
    });
  if ((options.cap === undefined) !== (options.payer === undefined))
    issues.push({
      path: options.cap === undefined ? "cap" : "payer",
      code: "cap-needs-payer",
      message: "a capped allocation needs both cap (the money available) and payer (municipal or district)",
      zh: "限额分配须同时给出限额和付款方",
    });
  if (options.payer !== undefined && !PAYERS.includes(options.payer))
    issues.push({
      path: "payer",
      code: "unknown-payer",
      message: `must be municipal or district; got ${show(options.payer)}`,
      zh: "付款方应为 municipal（市级）或 district（区级）",
    });
  let cap: Dec | undefined;
  if (options.cap !== undefined) {
    const parsed = MoneySchema.safeParse(options.cap);
    if (!parsed.success)
      issues.push({
        path: "cap",
        code: "not-a-decimal",
        message: `must be an amount in yuan ≥ 0, e.g. "5000000"; got ${show(options.cap)}`,
        zh: "限额应为以元计、大于等于 0 的金额",
      });
    else if (dec(parsed.data).decimalPlaces() > rounding.scale)
      issues.push({
        path: "cap",
        code: "too-many-decimals",
        message: `has more than ${rounding.scale} decimals; give the money available to the fen`,
        zh: "限额应精确到分",
      });
    else cap = dec(parsed.data);
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return cap;
}

/** Options of {@link allocateCap}. */
export interface AllocateCapOptions {
  /** Kinds paid in full first (default none). */
  readonly fullKinds?: readonly string[];
  /** The budget's dimensions, to roll the shares up into `groups` (default none: one group). */
  readonly by?: readonly BudgetDimension[];
  /** Year of each case by id (for `by` year). */
  readonly years?: { readonly [caseId: string]: number };
  /** The programme whose domains give budget lines and their order (default `defaultProgramme`). */
  readonly programme?: Programme;
  /** The rule set whose `paidInFull` values a `cap-below-full-kinds` warning cites (default none cited). */
  readonly ruleSet?: RuleSet;
}

/**
 * 按比例分配 · capped allocation — min(cap, owed by `payer`) to the cases that payer owes (input order): the kinds
 * of `fullKinds` (足额) paid in full first, the rest sharing what remains pro rata (largest remainder).
 *
 * @remarks Σ allocated = min(cap, owed) exactly; a full kind's case gets exactly what it is owed; every other
 * share is within one fen of its exact share of what remains and never more than owed; `groups` (by `by`) sum
 * to the allocated total. A cap below what the full kinds are owed is still allocated, exactly: the full kinds
 * share the whole cap pro rata (largest remainder), every other case gets 0, and the allocation carries the
 * warning `cap-below-full-kinds` naming the amount that paying them in full needs.
 * @category batch
 */
export function allocateCap(
  outcomes: readonly OutcomeBase[],
  cap: Dec,
  payer: Payer,
  rounding: Rounding = DEFAULT_ROUNDING,
  options: AllocateCapOptions = {},
): BudgetAllocation {
  const money = (value: Dec) => toMoneyString(value, rounding);
  const fullKinds = options.fullKinds ?? [];
  const owing = outcomes.filter((outcome) => dec(outcome.amounts[payer]).gt(0));
  const weights = owing.map((outcome) => dec(outcome.amounts[payer]));
  const owed = sum(weights);
  const available = cap.lt(owed) ? cap : owed;
  const isFull = owing.map((outcome) => fullKinds.includes(outcome.kind));
  const fullOwed = sum(weights.filter((_, index) => isFull[index] === true));
  const short = cap.lt(fullOwed);
  // Pro rata among the other kinds, over what the full kinds leave; when the cap cannot pay the full kinds in
  // full, pro rata among them over the whole cap, and nothing to the others.
  const shared = owing.flatMap((_, index) => ((isFull[index] === true) === short ? [index] : []));
  const { parts: sharedParts, extraUnits } = allocateWithLog(
    short ? cap : available.minus(fullOwed),
    shared.map((index) => weights[index] ?? ZERO),
    rounding,
  );
  const parts = weights.map((weight, index) => (isFull[index] === true && !short ? weight : ZERO));
  shared.forEach((index, at) => (parts[index] = sharedParts[at] ?? ZERO));
  const allocated = sum(parts);
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
    fullKinds: [...fullKinds],
    groups: allocationGroups(owing, weights, parts, payer, options).map((group) => ({
      key: group.key,
      owed: money(group.owed),
      allocated: money(group.allocated),
      shortfall: money(group.owed.minus(group.allocated)),
    })),
    shares: owing.map((outcome, index) => ({
      caseId: outcome.id,
      kind: outcome.kind,
      owed: outcome.amounts[payer],
      allocated: money(parts[index] ?? ZERO),
    })),
    remainder: extraUnits.map((at) => owing[shared[at] ?? -1]?.id ?? ""),
    ...(short
      ? {
          warnings: [
            capBelowFull(cap, money(fullOwed), fullKinds, options.programme ?? defaultProgramme, options.ruleSet),
          ],
        }
      : {}),
  };
}

/** The shares rolled up by the budget's groups, in the budget's order; Σ allocated checked against the parts. */
function allocationGroups(
  owing: readonly OutcomeBase[],
  weights: readonly Dec[],
  parts: readonly Dec[],
  payer: Payer,
  options: AllocateCapOptions,
): { key: BudgetKey; owed: Dec; allocated: Dec }[] {
  const by = options.by ?? [];
  const lines = budgetLines(options.programme ?? defaultProgramme);
  const sums = new Map<string, { key: BudgetKey; owed: Dec; allocated: Dec }>();
  owing.forEach((outcome, index) => {
    const key = keyOf(outcome, payer, by, options.years, lines.of);
    const id = JSON.stringify(key);
    const sum = sums.get(id) ?? { key, owed: ZERO, allocated: ZERO };
    sums.set(id, {
      key,
      owed: sum.owed.plus(weights[index] ?? ZERO),
      allocated: sum.allocated.plus(parts[index] ?? ZERO),
    });
  });
  const groups = [...sums.values()].sort((a, b) => compareKeys(a.key, b.key, by, lines.rank));
  const grouped = sum(groups.map((group) => group.allocated));
  const total = sum(parts);
  assertInvariant(grouped.eq(total), `budget: Σ groups allocated ${grouped.toString()} ≠ ${total.toString()}`);
  return groups;
}

function capBelowFull(
  cap: Dec,
  fullOwed: string,
  fullKinds: readonly string[],
  programme: Programme,
  ruleSet: RuleSet | undefined,
): BudgetWarning {
  const names = fullKinds.map((kind) => programme.entry(kind)?.domain.labels ?? { zh: kind, en: kind });
  const needed = formatAmount(fullOwed);
  const basis = ruleSet === undefined ? [] : fullPaymentBasis(programme, ruleSet, fullKinds);
  const cited = (use: ParamUse, comma: string) =>
    `${use.name}${comma}${use.source}${use.clause === undefined ? "" : ` ${use.clause}`}`;
  const en =
    basis.length === 0 ? "" : `; the rule set pays them in full (${basis.map((use) => cited(use, ", ")).join("; ")})`;
  const zh = basis.length === 0 ? "" : `；规则集规定其足额拨付（${basis.map((use) => cited(use, "，")).join("；")}）`;
  return {
    code: "cap-below-full-kinds",
    needed: fullOwed,
    message: `the cap ${formatAmount(cap.toString())} cannot pay in full the ${needed} owed for the kinds paid in full (${fullKinds.join(", ")}: ${names.map((n) => n.en).join(", ")}): they share the whole cap pro rata and the other kinds get nothing; to pay them in full, raise the cap to at least ${needed}, or pay fewer kinds in full (fullKinds, --full-kinds)${en}`,
    zh: `限额 ${formatAmount(cap.toString())} 元不足以足额拨付${names.map((n) => n.zh).join("、")}所需的 ${needed} 元：这些个案按应付金额比例分配全部限额，其他类型分配为零；如需足额拨付，请将限额提高到至少 ${needed} 元，或减少足额拨付的类型（--full-kinds）${zh}`,
    ...(basis.length === 0 ? {} : { basis }),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
