import {
  BOOLEAN_OPTION,
  COUNT_OPTION,
  denseListArgument,
  FUNCTION_OPTION,
  isPlainObject,
  listArgument,
  optionsArgument,
  refuse,
  type OptionCheck,
} from "../errors/arguments.js";
import { describeValue, describeValueZh, echo, echoText } from "../errors/echo.js";
import { InvalidInputError, isInvalidInputError, isRuleSetError, type InputIssue } from "../errors/index.js";
import { Dec, ZERO, type Rounding } from "../money/decimal.js";
import { checkRounding, toMoneyString } from "../money/round.js";
import { isLoaded } from "../parameters/load.js";
import type { RuleSet } from "../parameters/types.js";
import { defaultRuleSet, resolveRuleSetInput, type RuleSetInput } from "../rule-sets/index.js";
import { createContext } from "../rules/context.js";
import { defaultProgramme, type DefaultProgramme, type Outcome } from "../rules/default.js";
import type { CaseFacts } from "../rules/domain.js";
import { computeCase, parseCase as parseCaseOf } from "../rules/evaluate.js";
import { PROGRAMME_OPTION, type CompiledDomain, type OutcomeOf, type Programme } from "../rules/programme.js";
import { parseArgument, TotalledOutcomeSchema } from "../schemas/outcome.js";
import type { Amounts, OutcomeBase } from "../trace/types.js";
import { CANONICAL, type BuiltInKernel, type FastCase, type FastKernel } from "../rules/fast.js";
import { unitTotals } from "./totals.js";
import {
  digestOf,
  inputHasher,
  inputSha256,
  receiptFor,
  type Receipt,
  type Sha256Factory,
} from "../receipt/receipt.js";

export type { RuleSetInput } from "../rule-sets/index.js";

/** Which rule set and programme to compute with, and whether to keep traces. */
export interface ComputeOptions<P extends Programme = Programme> {
  /** A loaded rule set, a bundled id, or rule-set JSON (loaded for the programme). Default `tongzhou-2016`. */
  readonly ruleSet?: RuleSetInput;
  /** The domains to compute with (default `defaultProgramme`). */
  readonly programme?: P;
  /** false: outcomes without trace steps (`trace: []`), otherwise identical; faster. Default true. */
  readonly trace?: boolean;
}

/** Options of a batch: `skipInvalid` computes the valid cases; `onProgress(done, total)` is called every few hundred cases. */
export interface BatchOptions<P extends Programme = Programme> extends ComputeOptions<P> {
  readonly skipInvalid?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The SHA-256 the receipt is hashed with (default: the core's, in TypeScript). `exitfund/node`'s `nodeSha256`
   * (node:crypto) gives the same digest several times faster; one that does not give SHA-256 is refused.
   */
  readonly sha256?: Sha256Factory;
}

const RULE_SET_KEYS = ["id", "version", "title", "validFrom", "sources", "parameters", "extends", "rules", "$schema"];

export const RULE_SET_OPTION: OptionCheck = Object.freeze({
  accepts: 'a rule set: a loaded one, a bundled id such as "tongzhou-2016", or rule-set JSON',
  zh: "规则集：已加载的规则集、内置规则集编号（如 tongzhou-2016）或规则集 JSON",
  test: (value: unknown) => typeof value === "string" || (typeof value === "object" && value !== null),
});

/** The options of compute, computeBatch and computeStream, and what each accepts. */
const OPTION_CHECKS = Object.freeze({
  ruleSet: RULE_SET_OPTION,
  programme: PROGRAMME_OPTION,
  trace: BOOLEAN_OPTION,
  skipInvalid: BOOLEAN_OPTION,
  onProgress: FUNCTION_OPTION,
  sha256: FUNCTION_OPTION,
  maxErrors: COUNT_OPTION,
  where: FUNCTION_OPTION,
  name: FUNCTION_OPTION,
  progress: FUNCTION_OPTION,
  onErrors: FUNCTION_OPTION,
});

/**
 * The options a caller gave as the second argument: a rule set (a loaded one, a bundled id, rule-set JSON — as
 * before) or options. An object with a key of rule-set JSON is a rule set; any other plain object is options, and
 * a key that is no option, or a value an option does not take, is refused (a typo must not silently change a
 * result); anything else (null, a number, a list, a function) is refused as no rule set and no options.
 */
export function optionsOf<P extends Programme>(
  given: RuleSetInput | BatchOptions<P> | undefined,
  extra?: BatchOptions<P>,
): BatchOptions<P> {
  const more = optionsArgument(extra, "options", OPTION_CHECKS) as BatchOptions<P>;
  if (given === undefined) return more;
  if (typeof given === "string" || isLoaded(given)) return { ...more, ruleSet: given };
  if (!isPlainObject(given))
    refuse(
      "options",
      "not-options",
      `must be a rule set (a loaded one, a bundled id such as "tongzhou-2016", or rule-set JSON) or options { ${Object.keys(OPTION_CHECKS).join(", ")} }; got ${describeValue(given)}`,
      `应为规则集（已加载的规则集、内置规则集编号或规则集 JSON）或选项对象；实际为 ${describeValueZh(given)}`,
    );
  if (RULE_SET_KEYS.some((key) => Object.hasOwn(given, key))) return { ...more, ruleSet: given };
  return { ...(optionsArgument(given, "options", OPTION_CHECKS) as BatchOptions<P>), ...more };
}

/** The rule set, programme and trace flag of resolved options. */
export interface Resolved {
  readonly ruleSet: RuleSet;
  readonly programme: Programme;
  readonly trace: boolean;
}

/** Resolves options: the programme (default), and the rule set loaded for it. */
export function resolveOptions(options: ComputeOptions): Resolved {
  const programme = options.programme ?? defaultProgramme;
  return { programme, ruleSet: resolveRuleSetInput(options.ruleSet, programme), trace: options.trace !== false };
}

/** An input problem of one case in a batch. */
export interface CaseError {
  readonly index: number;
  readonly id?: string;
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly zh?: string;
  readonly label?: string;
}

/** Totals of a batch by payer, and by township (docs/cli.md, "compute"). */
export interface Totals extends Amounts {
  readonly byTownship: { readonly [township: string]: Amounts };
}

/** The JSON document of `exitfund compute`. */
export interface ComputeDocument<O extends OutcomeBase = OutcomeBase> {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly results: readonly O[];
  readonly totals: Totals;
  readonly errors: readonly CaseError[];
  /** What ties the document to its rules and facts: the input hash is of the cases in `results`, in order. */
  readonly receipt: Receipt;
}

/**
 * The problems of computing a valid case (a rule set with no value in force on the case's date is a problem
 * of that date field), as issues with paths relative to the case; rethrows anything else.
 */
export function computeProblems(entry: CompiledDomain, error: unknown, ruleSet: RuleSet): InputIssue[] {
  if (!isInvalidInputError(error)) throw error;
  if (!isRuleSetError(error)) return [...error.issues];
  return error.issues.map((issue) => ({
    path: entry.domain.dateField,
    code: issue.code,
    message: `rule set "${ruleSet.id}" ${issue.path}: ${issue.message}`,
    ...(issue.zh === undefined ? {} : { zh: `规则集"${ruleSet.id}":${issue.zh}` }),
  }));
}

/** `[3].exitMode`: an issue's path inside the batch. */
export function batchPath(index: number, path: string): string {
  return `[${index}]${path === "" || path.startsWith("[") ? "" : "."}${path}`;
}

/** The message of a case id used twice in a batch. */
export function duplicateIdIssue(id: string, path: string, also: string): InputIssue {
  return {
    path,
    code: "duplicate-id",
    message: `id (编号) "${echoText(id)}" is used twice in the batch (also at ${also}); case ids must be unique`,
    zh: `编号"${echoText(id)}"重复（另见 ${also}）`,
    label: "编号",
  };
}

/**
 * 计算 · compute — the outcomes of one case or a batch, in input order.
 *
 * @remarks Every case is validated first; any invalid case (or a duplicate id) throws `InvalidInputError`
 * listing every problem with its index and field path, and nothing is computed. The second argument is a rule
 * set (a loaded one, a bundled id, or JSON) or `{ ruleSet, programme, trace }`.
 * @example compute({ kind: "enterprise-exit", ... }) // Outcome
 * @example compute(cases, { ruleSet: changpingRules, programme: changping })
 */
export function compute(
  cases: readonly unknown[],
  ruleSet?: RuleSetInput | ComputeOptions<DefaultProgramme>,
): Outcome[];
export function compute<P extends Programme>(cases: readonly unknown[], options: ComputeOptions<P>): OutcomeOf<P>[];
export function compute(cases: unknown, ruleSet?: RuleSetInput | ComputeOptions<DefaultProgramme>): Outcome;
export function compute<P extends Programme>(cases: unknown, options: ComputeOptions<P>): OutcomeOf<P>;
export function compute(cases: unknown, options?: RuleSetInput | ComputeOptions): OutcomeBase | OutcomeBase[] {
  const single = !Array.isArray(cases);
  const document = computeBatch(single ? [cases] : (cases as readonly unknown[]), optionsOf(options));
  if (document.errors.length > 0) {
    throw new InvalidInputError(
      document.errors.map(({ index: _index, id: _id, ...issue }) => ({
        ...issue,
        // One case's own issues are at its fields; one about the whole value is at `case` (a path is never empty).
        path: single ? issue.path.replace(/^\[0\]\.?/, "") || "case" : issue.path,
      })),
    );
  }
  return single ? (document.results[0] as OutcomeBase) : [...document.results];
}

const PROGRESS_EVERY = 256;

/** What a batch is a list of, for the messages of its call shape. */
export const CASES = Object.freeze({ en: "cases", zh: "案件" });

/**
 * The `compute` document of a batch: results in input order (cross-checked), totals, and errors.
 * Without `skipInvalid`, any error leaves `results` empty (invalid input writes no results).
 */
export function computeBatch(
  inputs: readonly unknown[],
  ruleSet?: RuleSetInput | BatchOptions<DefaultProgramme>,
  options?: BatchOptions<DefaultProgramme>,
): ComputeDocument<Outcome>;
export function computeBatch<P extends Programme>(
  inputs: readonly unknown[],
  options: BatchOptions<P>,
): ComputeDocument<OutcomeOf<P> & OutcomeBase>;
export function computeBatch(
  inputs: readonly unknown[],
  given?: RuleSetInput | BatchOptions,
  extra?: BatchOptions,
): ComputeDocument<OutcomeBase> {
  const list = listArgument(inputs, "cases", CASES);
  const options = optionsOf(given, extra);
  const resolved = resolveOptions(options);
  const { ruleSet, trace } = resolved;
  const digest = digestOf(options.sha256);
  const { errors, valid } = validated(list, resolved, true);
  const computed: Computed[] = [];
  for (const one of valid) {
    if (options.onProgress !== undefined && computed.length % PROGRESS_EVERY === 0)
      options.onProgress(computed.length, valid.length);
    if (one.fast !== undefined) {
      computed.push({ ...one, outcome: one.fast.outcome as OutcomeBase });
      continue;
    }
    try {
      computed.push({ ...one, outcome: computeCase(one.entry, one.facts, ruleSet, trace) });
    } catch (error) {
      for (const issue of computeProblems(one.entry, error, ruleSet))
        errors.push({ index: one.index, id: one.facts.id, ...issue, path: batchPath(one.index, issue.path) });
    }
  }
  options.onProgress?.(computed.length, valid.length);
  errors.sort((a, b) => a.index - b.index);
  const keep = errors.length === 0 || options.skipInvalid === true;
  const results = keep ? crossChecked(computed, ruleSet) : [];
  const totals = unitTotals(ruleSet.rounding);
  results.forEach((outcome, index) => {
    const fast = (computed[index] as Computed).fast;
    if (fast !== undefined) totals.add(fast.township, fast.municipal, fast.district);
    else totals.addAmounts(outcome.township, outcome.amounts);
  });
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    results,
    totals: totals.totals(),
    errors,
    receipt: receiptFor(ruleSet, resolved.programme, casesSha256(keep ? computed : [], digest)),
  };
}

/**
 * 回执 · receipt — the receipt `computeBatch` gives these cases (all valid, as computed) under these options:
 * exitfund version, programme, rule set (id, version, SHA-256 of its canonical JSON) and SHA-256 of the cases'
 * canonical JSON. It validates nothing: give it the cases a document was computed from.
 * @example receiptOf(cases, { ruleSet: "tongzhou-2016" }).input.sha256
 */
export function receiptOf(
  inputs: readonly unknown[],
  options?: RuleSetInput | Pick<ComputeOptions, "ruleSet" | "programme">,
): Receipt {
  const list = denseListArgument(inputs, "cases", CASES);
  const resolved = resolveOptions(optionsOf(options as RuleSetInput | BatchOptions | undefined));
  return receiptFor(resolved.ruleSet, resolved.programme, inputSha256(list));
}

/** The totals document of a batch: `computeBatch`'s totals and errors, without its results. */
export interface TotalsDocument {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly totals: Totals;
  readonly errors: readonly CaseError[];
  /** The receipt `computeBatch` gives the same cases and options. */
  readonly receipt: Receipt;
}

/**
 * 只算合计 · totals only — exactly the totals and errors `computeBatch` gives for the same cases and options, with
 * no outcome made: the fast path keeps each case's amounts as integer fen (no reason, finding, detail or string
 * per case), and a case it does not take is computed by the rules without trace. For budgets and what-ifs over
 * a whole programme. Without `skipInvalid`, any error leaves the totals at zero, as `computeBatch` does.
 * @example computeTotals(cases, { ruleSet }).totals.byTownship["台湖镇"]
 */
export function computeTotals(
  inputs: readonly unknown[],
  options: RuleSetInput | Omit<BatchOptions, "trace" | "onProgress"> = {},
): TotalsDocument {
  const given = optionsOf(options);
  const resolved = { ...resolveOptions(given), trace: false };
  const digest = digestOf(given.sha256);
  const { ruleSet } = resolved;
  const { errors, valid } = validated(listArgument(inputs, "cases", CASES), resolved, false);
  const totals = unitTotals(ruleSet.rounding);
  const computed: Evaluated[] = [];
  for (const one of valid) {
    if (one.fast !== undefined) {
      totals.add(one.fast.township, one.fast.municipal, one.fast.district);
      computed.push(one);
      continue;
    }
    try {
      const outcome = computeCase(one.entry, one.facts, ruleSet, false);
      totals.addAmounts(outcome.township, outcome.amounts);
      computed.push(one);
    } catch (error) {
      for (const issue of computeProblems(one.entry, error, ruleSet))
        errors.push({ index: one.index, id: one.facts.id, ...issue, path: batchPath(one.index, issue.path) });
    }
  }
  errors.sort((a, b) => a.index - b.index);
  const keep = errors.length === 0 || given.skipInvalid === true;
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    totals: (keep ? totals : unitTotals(ruleSet.rounding)).totals(),
    errors,
    receipt: receiptFor(ruleSet, resolved.programme, casesSha256(keep ? computed : [], digest)),
  };
}

/**
 * {@link inputSha256} of the cases computed, in order: a case the fast path took is written by its kernel's
 * canonical writer (the same text, from what its validator proved), any other by the general one.
 */
function casesSha256(computed: readonly Evaluated[], digest: Sha256Factory): string {
  const hasher = inputHasher(digest);
  const writers = new Map<FastKernel, ((input: unknown) => string | undefined) | undefined>();
  for (const one of computed) {
    const kernel = one.kernel;
    if (kernel !== undefined && !writers.has(kernel)) writers.set(kernel, (kernel as BuiltInKernel)[CANONICAL]?.());
    const text = kernel === undefined ? undefined : writers.get(kernel)?.(one.input);
    if (text === undefined) hasher.add(one.input);
    else hasher.addCanonical(text);
  }
  return hasher.hex();
}

/**
 * Every case validated (the fast path's check, or zod's parse with every problem), duplicate ids found; each
 * valid case computed by the fast path when it takes it (with its outcome when `outcomes`), else parsed for the
 * reference path.
 */
function validated(
  inputs: readonly unknown[],
  { ruleSet, programme, trace }: Resolved,
  outcomes: boolean,
): { errors: CaseError[]; valid: Evaluated[] } {
  const errors: CaseError[] = [];
  const valid: Evaluated[] = [];
  const firstIndexOfId = new Map<string, number>();
  const fastKernel = trace ? undefined : kernels(programme, ruleSet);
  // A loop over every index, so a hole of a sparse array is a missing case, not skipped.
  for (let index = 0; index < inputs.length; index += 1) {
    const input = inputs[index];
    const id = idOf(input);
    let first: number | undefined;
    if (id !== undefined) {
      first = firstIndexOfId.get(id);
      if (first !== undefined) errors.push({ index, id, ...duplicateIdIssue(id, `[${index}].id`, `[${first}]`) });
      else firstIndexOfId.set(id, index);
    }
    const fast = fastKernel?.(input);
    const done = fast?.kernel.run(input, outcomes);
    if (fast !== undefined && done !== undefined) {
      if (first === undefined) valid.push({ index, entry: fast.entry, input, fast: done, kernel: fast.kernel });
      continue;
    }
    const parsed = parseCaseOf(programme, input, ruleSet, index);
    if (!parsed.ok)
      errors.push(...parsed.issues.map((issue) => ({ index, ...(id === undefined ? {} : { id }), ...issue })));
    else if (firstIndexOfId.get(parsed.value.id) === index)
      valid.push({ index, entry: parsed.entry, input, facts: parsed.value });
  }
  return { errors, valid };
}

/** A valid case of a batch: computed by the fast path (`fast`), or parsed for the reference path (`facts`). */
type Evaluated =
  | {
      readonly index: number;
      readonly entry: CompiledDomain;
      readonly input: unknown;
      readonly fast: FastCase;
      readonly kernel: FastKernel;
      readonly facts?: undefined;
    }
  | {
      readonly index: number;
      readonly entry: CompiledDomain;
      readonly input: unknown;
      readonly facts: CaseFacts;
      readonly fast?: undefined;
      readonly kernel?: undefined;
    };

/** A computed case of a batch. */
type Computed = Evaluated & { readonly outcome: OutcomeBase };

/** A case's domain and the fast kernel that computes it. */
export interface FastEntry {
  readonly entry: CompiledDomain;
  readonly kernel: FastKernel;
}

/**
 * The fast kernel of each case's domain for a rule set (by the case's kind), or undefined when its domain has
 * none: the reference path computes it.
 */
export function kernels(programme: Programme, ruleSet: RuleSet): (input: unknown) => FastEntry | undefined {
  const byKind = new Map<string, FastEntry | null>();
  return (input) => {
    if (typeof input !== "object" || input === null) return undefined;
    const kind = (input as { kind?: unknown }).kind;
    if (typeof kind !== "string") return undefined;
    let found = byKind.get(kind);
    if (found === undefined) {
      const entry = programme.entry(kind);
      const kernel = entry?.kernel(ruleSet);
      found = entry === undefined || kernel === undefined ? null : { entry, kernel };
      byKind.set(kind, found);
    }
    return found ?? undefined;
  };
}

/** The facts of a case the fast path computed, as its schema gives them (only cross-checks need them). */
export function factsOf(entry: CompiledDomain, input: unknown): CaseFacts {
  return entry.schema.parse(input) as CaseFacts;
}

/** The outcomes, each with the findings of its domain's cross-check against the other valid cases of the batch. */
function crossChecked(computed: readonly Computed[], ruleSet: RuleSet): OutcomeBase[] {
  if (!computed.some(({ entry }) => entry.domain.crossCheck !== undefined)) return computed.map((c) => c.outcome);
  const byId = new Map<string, { one: Computed; facts?: CaseFacts }>(computed.map((one) => [one.outcome.id, { one }]));
  const other = (id: string): CaseFacts | undefined => {
    const found = byId.get(id);
    if (found === undefined) return undefined;
    found.facts ??= found.one.facts ?? factsOf(found.one.entry, found.one.input);
    return found.facts;
  };
  return computed.map((one) =>
    one.entry.domain.crossCheck === undefined
      ? one.outcome
      : withCrossCheck(one.entry, one.facts ?? factsOf(one.entry, one.input), one.outcome, other, ruleSet),
  );
}

/** One outcome with the findings of its domain's cross-check (the same outcome when there are none). */
export function withCrossCheck(
  entry: CompiledDomain,
  facts: CaseFacts,
  outcome: OutcomeBase,
  other: (id: string) => CaseFacts | undefined,
  ruleSet: RuleSet,
): OutcomeBase {
  const check = entry.domain.crossCheck;
  if (check === undefined) return outcome;
  const { ctx } = createContext(ruleSet, entry.domain.date(facts), false);
  const extra = check.check(facts, outcome, other, ctx);
  return extra.length === 0 ? outcome : { ...outcome, findings: [...outcome.findings, ...extra] };
}

/** The id of a case as written (when it is a string). */
export function idOf(input: unknown): string | undefined {
  if (typeof input !== "object" || input === null || !("id" in input)) return undefined;
  const id = (input as { id: unknown }).id;
  return typeof id === "string" ? id : undefined;
}

/**
 * 合计 · totals — by payer and by township: sums of the amounts the outcomes show, at the rule set's rounding.
 *
 * @remarks Townships are keys of `byTownship` in code-point order; any name is kept, `__proto__` too. Each
 * outcome needs its `township` and its `amounts.municipal` and `amounts.district`, decimal strings (or decimals
 * of exitfund), never JS numbers.
 * @throws InvalidInputError naming the outcome and field that is missing or not an amount.
 */
export function summarize(
  outcomes: readonly Pick<OutcomeBase, "township" | "amounts">[],
  ruleSet: RuleSet | { readonly rounding: Rounding } = defaultRuleSet,
): Totals {
  const list = denseListArgument(outcomes, "outcomes", OUTCOMES);
  const checked = list.map((outcome, index) => parseArgument(TotalledOutcomeSchema, outcome, ["outcomes", index]));
  const rounding = roundingArgument(ruleSet);
  refusePastTheFen(checked, rounding);
  return totalsOf(checked, rounding);
}

/**
 * Refuses outcomes given to a total (`summarize`, `budget`) whose amounts have more decimals than the rounding
 * keeps: summed and rounded, the part past the fen would vanish without a word. Outcomes exitfund computed never
 * have one.
 */
export function refusePastTheFen(
  outcomes: readonly { readonly amounts: { readonly municipal: unknown; readonly district: unknown } }[],
  rounding: Rounding,
): void {
  const issues: InputIssue[] = [];
  outcomes.forEach((outcome, index) => {
    for (const part of ["municipal", "district", "total"] as const) {
      const value = (outcome.amounts as { readonly [key: string]: unknown })[part];
      const amount = value instanceof Dec ? value : typeof value === "string" ? new Dec(value) : undefined;
      if (amount === undefined || amount.decimalPlaces() <= rounding.scale || issues.length >= 200) continue;
      issues.push({
        path: `outcomes[${index}].amounts.${part}`,
        code: "too-many-decimals",
        message: `is ${echo(String(value))}, with more decimals than the ${rounding.scale} amounts are rounded to: a total would round the rest away without a word; give the amount as computed, to the fen (outcomes of a rule set that rounds finer need its rounding: summarize's rule set, budget's options.rounding)`,
        zh: `为 ${echo(String(value))}，小数位多于金额保留的 ${rounding.scale} 位：合计时多出的部分会被悄然舍去；请给出计算所得、精确到分的金额（舍入更细的规则集所得结果，须传入其舍入设置：summarize 的规则集、budget 的 options.rounding）`,
      });
    }
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
}

/** What a list of outcomes is, for the messages of a call shape. */
export const OUTCOMES = Object.freeze({ en: "outcomes", zh: "结果" });

/** The rounding of a rule set or of `{ rounding }`, checked. */
export function roundingArgument(ruleSet: unknown, path = "ruleSet"): Rounding {
  if (typeof ruleSet !== "object" || ruleSet === null || !("rounding" in ruleSet))
    refuse(
      path,
      "not-a-rule-set",
      `must be a loaded rule set or { rounding: { scale, mode } }; got ${describeValue(ruleSet)}`,
      `应为已加载的规则集或 { rounding: { scale, mode } }；实际为 ${describeValueZh(ruleSet)}`,
    );
  const { rounding } = ruleSet as { readonly rounding: Rounding };
  checkRounding(rounding, `${path}.rounding`);
  return rounding;
}

/** What a total reads of an outcome. */
export interface Totalled {
  readonly township: string;
  readonly amounts: { readonly municipal: string; readonly district: string };
}

/** {@link summarize} of outcomes the library made (unchecked). */
export function totalsOf(outcomes: readonly Totalled[], rounding: Rounding): Totals {
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
    municipal: toMoneyString(m, rounding),
    district: toMoneyString(d, rounding),
    total: toMoneyString(m.plus(d), rounding),
  });
  // Object.fromEntries defines each township as an own key, so a name like "__proto__" is a township, not a prototype.
  const townships = Object.fromEntries(
    [...byTownship.keys()].sort().map((township) => {
      const row = byTownship.get(township) ?? { municipal: ZERO, district: ZERO };
      return [township, show(row.municipal, row.district)];
    }),
  );
  return { ...show(municipal, district), byTownship: townships };
}
