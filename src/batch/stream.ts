import { refuse } from "../errors/arguments.js";
import { digestOf, inputHasher, receiptFor, type Receipt } from "../receipt/receipt.js";
import { describeValue, describeValueZh, ISSUE_LIMIT } from "../errors/echo.js";
import { InvalidInputError } from "../errors/index.js";
import { ZERO, type Dec } from "../money/decimal.js";
import { allInForce } from "../parameters/lookup.js";
import type { RuleSet } from "../parameters/types.js";
import type { RuleSetInput } from "../rule-sets/index.js";
import type { DefaultProgramme, Outcome } from "../rules/default.js";
import type { CaseFacts } from "../rules/domain.js";
import { computeCase, parseCase } from "../rules/evaluate.js";
import type { CompiledDomain, OutcomeOf, Programme } from "../rules/programme.js";
import { parseArgument, TotalledOutcomeSchema } from "../schemas/outcome.js";
import type { OutcomeBase } from "../trace/types.js";
import { confirmRepeats, exactIds, idDigests, type IdDigests, type RepeatSuspect } from "./ids.js";
import { unitTotals, type Units } from "./totals.js";
import {
  batchPath,
  computeProblems,
  duplicateIdIssue,
  idOf,
  kernels,
  optionsOf,
  resolveOptions,
  roundingArgument,
  totalsOf,
  withCrossCheck,
  type FastEntry,
  type BatchOptions,
  type CaseError,
  type ComputeOptions,
  type Totalled,
  type Totals,
} from "./compute.js";

/** A source of cases that can be read again: each call starts again from the first case. */
export type CaseSource = () => AsyncIterable<unknown> | Iterable<unknown>;

/** One case as a source gives it: its value, or why it could not be read; `at` locates it (a line, an index). */
export type SourceRecord =
  | { readonly at: number; readonly value: unknown; readonly error?: undefined }
  | { readonly at: number; readonly value?: undefined; readonly error: string };

/** A report of one pass over a stream: `tick` per case, `done` at the end. */
export interface PassProgress {
  tick(): void;
  done(): void;
}

/** Options of a stream: those of a batch, and how its problems are placed and reported. */
export interface StreamOptions<P extends Programme = Programme> extends BatchOptions<P> {
  /** At most this many problems are kept and listed; the rest are counted (default {@link MAX_LISTED_ERRORS}). */
  readonly maxErrors?: number;
  /** Where the field `path` of the case at `at` is, for messages (default `[at].path`). */
  readonly where?: (at: number, path: string) => string;
  /** How "also at …" names the case at `at` (default `[at]`). */
  readonly name?: (at: number) => string;
  /** A progress report for each pass ("checking", "collecting", "computing") over `total` cases (0: not known). */
  readonly progress?: (pass: string, total: number) => PassProgress;
  /** Called once, before the first outcome, with every problem found (and how many more were not kept). */
  readonly onErrors?: (errors: readonly CaseError[], omitted: number) => void;
}

/** A stream whose cases were checked: its problems, and the outcomes to compute. */
export interface CheckedStream<O extends OutcomeBase = OutcomeBase> {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly errors: readonly CaseError[];
  /** Problems found beyond `maxErrors`, counted only. */
  readonly omitted: number;
  /** Cases read. */
  readonly count: number;
  /** Cases that will be computed. */
  readonly computable: number;
  /** The computing pass: each outcome, cross-checked, in input order (throws when there are errors and not `skipInvalid`). */
  outcomes(): AsyncGenerator<O>;
  /** The totals of the outcomes yielded so far. */
  totals(): Totals;
  /** The receipt of the outcomes yielded (call once, after the last): its input hash is of their cases, in order. */
  receipt(): Receipt;
}

/** At most this many problems are kept (and listed); the rest are counted. */
export const MAX_LISTED_ERRORS = ISSUE_LIMIT;

const NO_PROGRESS: PassProgress = { tick: () => undefined, done: () => undefined };

/**
 * The checking passes over a re-readable stream of cases, in bounded memory: the first validates every case
 * (schema, repeated ids — only the ids are kept —, rule-set checks, and whether the rule set covers its date);
 * when a domain cross-checks its cases against others (transfers against the enterprise exits they list), a
 * second collects those few cases. `outcomes()` is the computing pass.
 */
export async function checkStream(
  records: () => AsyncIterable<SourceRecord>,
  options: StreamOptions = {},
): Promise<CheckedStream> {
  const perCase = streamRecords(options);
  const digest = digestOf(options.sha256);
  const { ruleSet } = perCase;
  const where = options.where ?? ((at: number, path: string) => batchPath(at, path));
  const name = options.name ?? ((at: number) => `[${at}]`);
  const maxErrors = options.maxErrors ?? MAX_LISTED_ERRORS;
  // The first pass, with the ids' digests (bounded memory) or, after a false alarm, with the ids themselves.
  const firstPass = async (ids: IdDigests) => {
    const errors: CaseError[] = [];
    const invalid = new Set<number>();
    const suspects: RepeatSuspect[] = [];
    const needed = new Set<string>();
    let omitted = 0;
    let count = 0;
    const fail = (index: number, id: string | undefined, issue: Omit<CaseError, "index" | "id">) => {
      invalid.add(index);
      if (errors.length >= maxErrors) omitted += 1;
      else errors.push({ index, ...(id === undefined ? {} : { id }), ...issue });
    };
    const checking = options.progress?.("checking", 0) ?? NO_PROGRESS;
    for await (const record of records()) {
      const index = count;
      count += 1;
      checking.tick();
      if (record.error !== undefined) {
        fail(index, undefined, { path: where(record.at, ""), code: "unreadable", message: record.error });
        continue;
      }
      const id = idOf(record.value);
      const first = id === undefined ? undefined : ids.add(id, record.at);
      if (id !== undefined && first !== undefined) {
        suspects.push({ id, at: record.at, first });
        fail(index, id, duplicateIdIssue(id, where(record.at, "id"), name(first)));
      }
      const checked = perCase.check(record.value, (path) => where(record.at, path));
      for (const issue of checked.issues) fail(index, id, issue);
      for (const other of checked.needs) needed.add(other);
    }
    checking.done();
    return { errors, invalid, suspects, needed, omitted, count };
  };
  let pass = await firstPass(idDigests());
  if (!(await confirmRepeats(pass.suspects, (ats) => idsAt(records, ats)))) pass = await firstPass(exactIds());
  const { errors, invalid, needed, omitted, count } = pass;
  const others = needed.size === 0 ? new Map<string, CaseFacts>() : await collect(records, needed, invalid, options);
  const computable = count - invalid.size;
  const running = unitTotals(ruleSet.rounding);
  const hashed = inputHasher(digest);
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    errors,
    omitted,
    count,
    computable,
    totals: () => running.totals(),
    receipt: () => receiptFor(ruleSet, perCase.programme, hashed.hex()),
    async *outcomes() {
      if (errors.length > 0 && options.skipInvalid !== true)
        throw new InvalidInputError(errors.map(({ index: _index, id: _id, ...issue }) => issue));
      const computing = options.progress?.("computing", computable) ?? NO_PROGRESS;
      let index = 0;
      let lastAt = 0;
      for await (const record of records()) {
        // A case more than were checked, or one that no longer passes: the source changed since the check.
        if (index >= count) throw changedWhileRead(where(record.at, ""));
        const skip = invalid.has(index);
        index += 1;
        lastAt = record.at;
        if (skip) continue;
        const computed = perCase.compute(
          record.value,
          (path) => where(record.at, path),
          (id) => others.get(id),
        );
        if (computed.units !== undefined) running.add(computed.outcome.township, ...computed.units);
        else running.addAmounts(computed.outcome.township, computed.outcome.amounts);
        hashed.add(record.value);
        computing.tick();
        yield computed.outcome;
      }
      computing.done();
      if (index !== count) throw changedWhileRead(where(lastAt, ""));
    },
  };
}

/** The ids at the given places of a stream, read again (to confirm the suspects of a digest set). */
async function idsAt(
  records: () => AsyncIterable<SourceRecord>,
  ats: ReadonlySet<number>,
): Promise<ReadonlyMap<number, string>> {
  const found = new Map<number, string>();
  for await (const record of records()) {
    if (!ats.has(record.at) || record.error !== undefined) continue;
    const id = idOf(record.value);
    if (id !== undefined) found.set(record.at, id);
  }
  return found;
}

/** One record of a stream checked, or computed, as `checkStream` does (the worker threads of the CLI do the same). */
export interface StreamRecords {
  readonly ruleSet: RuleSet;
  readonly programme: Programme;
  /**
   * The problems of one case (a repeated id aside: that needs the other cases), at the paths `where` gives,
   * and the ids of the cases it is cross-checked against.
   */
  check(
    value: unknown,
    where: (path: string) => string,
  ): { readonly issues: readonly Omit<CaseError, "index" | "id">[]; readonly needs: readonly string[] };
  /**
   * The outcome of a case that passed `check`, cross-checked against `others`; with its amounts in units of the
   * rounding scale when the fast path computed it. Throws `changed-while-read` should the case no longer pass.
   */
  compute(
    value: unknown,
    where: (path: string) => string,
    others: (id: string) => CaseFacts | undefined,
  ): { readonly outcome: OutcomeBase; readonly units?: readonly [Units, Units] };
}

/** How each record of a stream is checked and computed with `options` (its rule set, programme and traces). */
export function streamRecords(options: ComputeOptions): StreamRecords {
  const { ruleSet, programme, trace } = resolveOptions(options);
  const fastOf = fastKernels(programme, ruleSet, trace);
  const covered = new Set<string>();
  const none: readonly string[] = Object.freeze([]);
  return {
    ruleSet,
    programme,
    check(value, where) {
      // The fast path takes only valid cases on dates its rule set covers: nothing more to check.
      if (fastOf(value)?.kernel.run(value, false) !== undefined) return { issues: none as [], needs: none };
      const parsed = parseCase(programme, value, ruleSet);
      if (!parsed.ok)
        return { issues: parsed.issues.map((issue) => ({ ...issue, path: where(issue.path) })), needs: none };
      return {
        issues: coverageIssues(parsed.entry, parsed.value, ruleSet, covered).map((issue) => ({
          ...issue,
          path: where(issue.path),
        })),
        needs: parsed.entry.domain.crossCheck?.needs(parsed.value) ?? none,
      };
    },
    compute(value, where, others) {
      const fast = fastOf(value)?.kernel.run(value, true);
      if (fast !== undefined) return { outcome: fast.outcome as OutcomeBase, units: [fast.municipal, fast.district] };
      const parsed = parseCase(programme, value, ruleSet);
      if (!parsed.ok) throw changedWhileRead(where(""));
      const outcome = withCrossCheck(
        parsed.entry,
        parsed.value,
        computeLocated(parsed.entry, parsed.value, ruleSet, trace, where),
        others,
        ruleSet,
      );
      return { outcome };
    },
  };
}

/**
 * The fast kernel of a case's domain when traces are off and the domain cross-checks nothing (a cross-check
 * needs the parsed facts of every case, which the reference path keeps).
 */
function fastKernels(
  programme: Programme,
  ruleSet: RuleSet,
  trace: boolean,
): (input: unknown) => FastEntry | undefined {
  if (trace) return () => undefined;
  const of = kernels(programme, ruleSet);
  return (input) => {
    const found = of(input);
    return found === undefined || found.entry.domain.crossCheck !== undefined ? undefined : found;
  };
}

/** The source read in the computing pass is not the one checked: it was changed (or replaced) meanwhile. */
export function changedWhileRead(path: string): InvalidInputError {
  return new InvalidInputError([
    {
      path,
      code: "changed-while-read",
      message:
        "the cases changed while they were being read (they differ from what the checking pass read): run again once they are no longer being written to",
      zh: "读取期间案件被修改（与校验时读到的内容不同）：请在不再写入后重新运行",
    },
  ]);
}

/**
 * The problems computing the case would raise (a date the rule set has no value for). A case is computed here
 * (without a trace) unless a case of the same kind and date already was on a date where every parameter of the
 * domain is in force; the outcome is dropped — the computing pass computes it again.
 */
function coverageIssues(entry: CompiledDomain, facts: CaseFacts, ruleSet: RuleSet, covered: Set<string>) {
  const date = entry.domain.date(facts);
  const key = `${entry.domain.kind}|${date}`;
  if (covered.has(key)) return [];
  try {
    computeCase(entry, facts, ruleSet, false);
  } catch (error) {
    return computeProblems(entry, error, ruleSet);
  }
  if (
    allInForce(
      ruleSet,
      entry.domain.parameters.map((handle) => handle.name),
      date,
    )
  )
    covered.add(key);
  return [];
}

/** The valid cases (first occurrence) whose ids other cases are cross-checked against, collected in one more pass. */
async function collect(
  records: () => AsyncIterable<SourceRecord>,
  needed: ReadonlySet<string>,
  invalid: ReadonlySet<number>,
  options: StreamOptions,
): Promise<Map<string, CaseFacts>> {
  const { ruleSet, programme } = resolveOptions(options);
  const found = new Map<string, CaseFacts>();
  const collecting = options.progress?.("collecting", 0) ?? NO_PROGRESS;
  let index = 0;
  for await (const record of records()) {
    const id = idOf(record.value);
    const wanted = id !== undefined && needed.has(id) && !found.has(id) && !invalid.has(index);
    index += 1;
    collecting.tick();
    if (!wanted) continue;
    const parsed = parseCase(programme, record.value, ruleSet);
    if (parsed.ok) found.set(parsed.value.id, parsed.value);
  }
  collecting.done();
  return found;
}

/** Computes a case that passed the check; should the rule set still fail it, the problem names where it is. */
function computeLocated(
  entry: CompiledDomain,
  facts: CaseFacts,
  ruleSet: RuleSet,
  trace: boolean,
  where: (path: string) => string,
): OutcomeBase {
  try {
    return computeCase(entry, facts, ruleSet, trace);
  } catch (error) {
    throw new InvalidInputError(
      computeProblems(entry, error, ruleSet).map((issue) => ({ ...issue, path: where(issue.path) })),
    );
  }
}

/** The cases of a source as records, numbered from 0. */
async function* numbered(source: () => AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<SourceRecord> {
  let at = 0;
  for await (const value of sourceArgument(source(), "source()")) {
    yield { at, value };
    at += 1;
  }
}

/**
 * 流式计算 · stream computation — outcomes of a stream of cases, one at a time, in bounded memory, with the same
 * checks, cross-checks and totals as `computeBatch` (and `exitfund compute x.ndjson`).
 *
 * @remarks
 * Give a source that can be read more than once — a function returning an (async) iterable, or an array —
 * and every case is checked before the first outcome: an invalid case throws `InvalidInputError` listing every
 * problem (or, with `skipInvalid`, is skipped and reported to `onErrors`), and transfers are cross-checked
 * against the enterprise exits they list. A one-shot iterable is read once: each case is checked as it
 * arrives (the first problem throws, unless `skipInvalid`), and a case that must be cross-checked against other
 * cases is refused, since that needs a second reading. Totals: `runningTotals`.
 * @example for await (const outcome of computeStream(() => readLines(file), { programme })) write(outcome);
 */
export function computeStream(
  source: CaseSource | Iterable<unknown> | AsyncIterable<unknown>,
  ruleSet?: RuleSetInput | StreamOptions<DefaultProgramme>,
): AsyncGenerator<Outcome>;
export function computeStream<P extends Programme>(
  source: CaseSource | Iterable<unknown> | AsyncIterable<unknown>,
  options: StreamOptions<P>,
): AsyncGenerator<OutcomeOf<P> & OutcomeBase>;
export async function* computeStream(
  source: CaseSource | Iterable<unknown> | AsyncIterable<unknown>,
  given?: RuleSetInput | StreamOptions,
): AsyncGenerator<OutcomeBase> {
  const options = optionsOf(given) as StreamOptions;
  const rereadable = typeof source === "function" ? source : Array.isArray(source) ? () => source : undefined;
  if (rereadable === undefined) {
    yield* onePass(sourceArgument(source, "source"), options);
    return;
  }
  const checked = await checkStream(() => numbered(rereadable), options);
  options.onErrors?.(checked.errors, checked.omitted);
  yield* checked.outcomes();
}

/** `value` as a source of cases: an iterable or async iterable (not a text, whose characters are no cases). */
function sourceArgument(value: unknown, path: string): Iterable<unknown> | AsyncIterable<unknown> {
  const iterable =
    typeof value === "object" &&
    value !== null &&
    (typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function" ||
      typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function");
  if (iterable) return value as Iterable<unknown> | AsyncIterable<unknown>;
  return refuse(
    path,
    "not-a-source",
    `must be a source of cases: an array, an (async) iterable, or a function that returns one each time it is called (to read the cases again); got ${describeValue(value)}`,
    `应为案件来源：数组、（异步）可迭代对象，或每次调用都返回其一的函数；实际为 ${describeValueZh(value)}`,
  );
}

/** A one-shot stream: each case checked as it arrives. */
async function* onePass(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  options: StreamOptions,
): AsyncGenerator<OutcomeBase> {
  const { ruleSet, programme, trace } = resolveOptions(options);
  const fastOf = fastKernels(programme, ruleSet, trace);
  const seen = new Set<string>();
  const errors: CaseError[] = [];
  let index = 0;
  for await (const input of source) {
    const at = index;
    index += 1;
    const id = idOf(input);
    const repeated = id !== undefined && seen.has(id);
    const fast = repeated ? undefined : fastOf(input)?.kernel.run(input, true);
    if (fast !== undefined) {
      seen.add(fast.id);
      yield fast.outcome as OutcomeBase;
      continue;
    }
    const parsed = parseCase(programme, input, ruleSet, at);
    const issues = parsed.ok ? [] : parsed.issues;
    if (repeated) issues.push(duplicateIdIssue(id, `[${at}].id`, "an earlier case of the stream"));
    if (parsed.ok && (parsed.entry.domain.crossCheck?.needs(parsed.value).length ?? 0) > 0)
      issues.push({
        path: `[${at}]`,
        code: "stream-not-rereadable",
        message:
          "is cross-checked against other cases, which needs a second reading: pass a function that reads the cases again",
        zh: "须与其他案件交叉核对，需再次读取：请传入可重复读取的函数",
      });
    if (id !== undefined) seen.add(id);
    if (issues.length > 0 || !parsed.ok) {
      if (options.skipInvalid !== true) throw new InvalidInputError(issues);
      errors.push(...issues.map((issue) => ({ index: at, ...(id === undefined ? {} : { id }), ...issue })));
      continue;
    }
    yield computeLocated(parsed.entry, parsed.value, ruleSet, trace, (path) => batchPath(at, path));
  }
  options.onErrors?.(errors, 0);
}

/** Totals kept while outcomes stream past: `add` each outcome, `totals()` at any time. */
export interface RunningTotals {
  add(outcome: Pick<OutcomeBase, "township" | "amounts">): void;
  totals(): Totals;
}

/**
 * 累计合计 · running totals — the batch totals of a stream of outcomes (by payer and by township) in
 * memory bounded by the number of townships; `totals()` equals `summarize` of all the outcomes added.
 *
 * @example const running = runningTotals(ruleSet); for await (const o of computeStream(read, { ruleSet })) running.add(o); running.totals();
 */
export function runningTotals(ruleSet?: RuleSetInput | { readonly rounding: RuleSet["rounding"] }): RunningTotals {
  const rounding =
    typeof ruleSet === "object" && ruleSet !== null && "rounding" in ruleSet && !("parameters" in ruleSet)
      ? roundingArgument(ruleSet)
      : resolveOptions({ ...(ruleSet === undefined ? {} : { ruleSet: ruleSet as RuleSetInput }) }).ruleSet.rounding;
  const totals = totalsKeeper(rounding);
  return {
    add: (outcome) => {
      totals.add(parseArgument(TotalledOutcomeSchema, outcome, ["outcome"]));
    },
    totals: totals.totals,
  };
}

/** {@link runningTotals} of outcomes the library made (unchecked), at `rounding`. */
export function totalsKeeper(rounding: RuleSet["rounding"]): {
  add(outcome: Totalled): void;
  totals(): Totals;
} {
  const byTownship = new Map<string, { municipal: Dec; district: Dec }>();
  return {
    add(outcome) {
      const sums = byTownship.get(outcome.township) ?? { municipal: ZERO, district: ZERO };
      byTownship.set(outcome.township, {
        municipal: sums.municipal.plus(outcome.amounts.municipal),
        district: sums.district.plus(outcome.amounts.district),
      });
    },
    totals() {
      // One synthetic outcome per township carries its exact sums, so the rounding and layout are totalsOf's own.
      const partials = [...byTownship].map(([township, sums]) => ({
        township,
        amounts: { municipal: sums.municipal.toString(), district: sums.district.toString() },
      }));
      return totalsOf(partials, rounding);
    },
  };
}
