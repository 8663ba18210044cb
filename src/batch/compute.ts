import { echoText } from "../errors/echo.js";
import { InvalidInputError, isInvalidInputError, isRuleSetError, type InputIssue } from "../errors/index.js";
import { Dec, ZERO, type Rounding } from "../money/decimal.js";
import { toMoneyString } from "../money/round.js";
import { isLoaded } from "../parameters/load.js";
import type { RuleSet } from "../parameters/types.js";
import { defaultRuleSet, resolveRuleSetInput, type RuleSetInput } from "../rule-sets/index.js";
import { createContext } from "../rules/context.js";
import { defaultProgramme, type DefaultProgramme, type Outcome } from "../rules/default.js";
import type { CaseFacts } from "../rules/domain.js";
import { computeCase, parseCase as parseCaseOf } from "../rules/evaluate.js";
import type { CompiledDomain, OutcomeOf, Programme } from "../rules/programme.js";
import type { Amounts, OutcomeBase } from "../trace/types.js";

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
}

const OPTION_KEYS = new Set([
  "ruleSet",
  "programme",
  "trace",
  "skipInvalid",
  "onProgress",
  "maxErrors",
  "where",
  "name",
  "progress",
  "onErrors",
]);
const RULE_SET_KEYS = ["id", "version", "title", "validFrom", "sources", "parameters", "extends", "rules", "$schema"];

/**
 * The options a caller gave as the second argument: a rule set (a loaded one, a bundled id, rule-set JSON — as
 * before) or options. An object with a key of rule-set JSON is a rule set; any other object is options, and a key
 * that is no option is refused (a typo must not silently change a result).
 */
export function optionsOf<P extends Programme>(
  given: RuleSetInput | BatchOptions<P> | undefined,
  extra: BatchOptions<P> = {},
): BatchOptions<P> {
  if (given === undefined) return extra;
  if (typeof given !== "object" || isLoaded(given) || RULE_SET_KEYS.some((key) => Object.hasOwn(given, key)))
    return { ...extra, ruleSet: given as RuleSetInput };
  const unknown = Object.keys(given).filter((key) => !OPTION_KEYS.has(key));
  if (unknown.length > 0)
    throw new InvalidInputError(
      unknown.map((key) => ({
        path: `options.${key}`,
        code: "unknown-option",
        message: `is no option; the options are ${[...OPTION_KEYS].join(", ")} (or pass a rule set)`,
        zh: "不是可用的选项",
      })),
    );
  return { ...(given as BatchOptions<P>), ...extra };
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
    zh: `编号"${echoText(id)}"重复(另见 ${also})`,
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
        path: single ? issue.path.replace(/^\[0\]\.?/, "") : issue.path,
      })),
    );
  }
  return single ? (document.results[0] as OutcomeBase) : [...document.results];
}

const PROGRESS_EVERY = 256;

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
  const options = optionsOf(given, extra);
  const { ruleSet, programme, trace } = resolveOptions(options);
  const errors: CaseError[] = [];
  const valid: { index: number; facts: CaseFacts; entry: CompiledDomain }[] = [];
  const firstIndexOfId = new Map<string, number>();
  inputs.forEach((input, index) => {
    const parsed = parseCaseOf(programme, input, ruleSet, index);
    const id = idOf(input);
    if (id !== undefined) {
      const first = firstIndexOfId.get(id);
      if (first !== undefined) errors.push({ index, id, ...duplicateIdIssue(id, `[${index}].id`, `[${first}]`) });
      else firstIndexOfId.set(id, index);
    }
    if (!parsed.ok)
      errors.push(...parsed.issues.map((issue) => ({ index, ...(id === undefined ? {} : { id }), ...issue })));
    else if (firstIndexOfId.get(parsed.value.id) === index)
      valid.push({ index, facts: parsed.value, entry: parsed.entry });
  });
  const computed: { facts: CaseFacts; entry: CompiledDomain; outcome: OutcomeBase }[] = [];
  for (const { index, facts, entry } of valid) {
    if (options.onProgress !== undefined && computed.length % PROGRESS_EVERY === 0)
      options.onProgress(computed.length, valid.length);
    try {
      computed.push({ facts, entry, outcome: computeCase(entry, facts, ruleSet, trace) });
    } catch (error) {
      for (const issue of computeProblems(entry, error, ruleSet))
        errors.push({ index, id: facts.id, ...issue, path: batchPath(index, issue.path) });
    }
  }
  options.onProgress?.(computed.length, valid.length);
  errors.sort((a, b) => a.index - b.index);
  const results = errors.length > 0 && options.skipInvalid !== true ? [] : crossChecked(computed, ruleSet);
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    results,
    totals: summarize(results, ruleSet),
    errors,
  };
}

/** The outcomes, each with the findings of its domain's cross-check against the other valid cases of the batch. */
function crossChecked(
  computed: readonly { facts: CaseFacts; entry: CompiledDomain; outcome: OutcomeBase }[],
  ruleSet: RuleSet,
): OutcomeBase[] {
  if (!computed.some(({ entry }) => entry.domain.crossCheck !== undefined)) return computed.map((c) => c.outcome);
  const byId = new Map(computed.map(({ facts }) => [facts.id, facts]));
  return computed.map(({ facts, entry, outcome }) =>
    withCrossCheck(entry, facts, outcome, (id) => byId.get(id), ruleSet),
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
 * @remarks Townships are keys of `byTownship` in code-point order; any name is kept, `__proto__` too.
 */
export function summarize(
  outcomes: readonly Pick<OutcomeBase, "township" | "amounts">[],
  ruleSet: RuleSet | { readonly rounding: Rounding } = defaultRuleSet,
): Totals {
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
  // Object.fromEntries defines each township as an own key, so a name like "__proto__" is a township, not a prototype.
  const townships = Object.fromEntries(
    [...byTownship.keys()].sort().map((township) => {
      const row = byTownship.get(township) ?? { municipal: ZERO, district: ZERO };
      return [township, show(row.municipal, row.district)];
    }),
  );
  return { ...show(municipal, district), byTownship: townships };
}
