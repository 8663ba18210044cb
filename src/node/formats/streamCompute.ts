import { computeParsed, parseCase, type CaseError } from "../../batch/compute.js";
import { runningTotals } from "../../batch/stream.js";
import { ISSUE_LIMIT, echoText } from "../../errors/echo.js";
import { InvalidInputError } from "../../errors/index.js";
import type { RuleSet } from "../../parameters/types.js";
import { crossCheckTransfers } from "../../rules/township-transfer/crossCheck.js";
import type { Case, EnterpriseExit } from "../../schemas/cases.js";
import type { Outcome } from "../../trace/types.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { limitsOf } from "../limits.js";
import type { Progress } from "../progress.js";
import { readCasesStream } from "../read.js";
import { ndjsonWhere } from "./ndjson.js";
import { outcomeLine, resultCsvRow, resultsCsvHeader, summaryLine, totalsText } from "./results.js";
import { csvLines } from "./csv.js";
import { openSink, type Sink } from "./sink.js";
import { idOf } from "./source.js";

/** The most characters of one problem's path or message on stderr (a message that quotes input at length is cut). */
export const MESSAGE_LIMIT = 1000;

/** At most this many problems are kept (and listed, on stderr and in the last line); the rest are counted. */
export const MAX_LISTED_ERRORS = ISSUE_LIMIT;

export interface StreamComputeOptions {
  /** The `.ndjson` file as the user named it. */
  readonly file: string;
  readonly ruleSet: RuleSet;
  readonly format: "ndjson" | "csv";
  readonly explain: boolean;
  readonly skipInvalid: boolean;
  readonly out: string | undefined;
  /** A progress report for a pass over `total` cases (0: not known yet). */
  readonly progress: (label: string, total: number) => Progress;
}

/** What the checking pass learnt: problems, how many cases, and the enterprise ids that transfers list. */
interface Checked {
  readonly errors: CaseError[];
  omitted: number;
  readonly invalid: Set<number>;
  count: number;
  readonly listed: Set<string>;
}

/**
 * `compute` of an NDJSON file in bounded memory: a first pass validates every line (schema, repeated ids
 * — only the ids are kept — and whether the rule set covers each case's date); only when nothing is
 * wrong (or with `--skip-invalid`) a second pass computes each case and writes its outcome at once,
 * keeping running totals. Transfers are cross-checked against the enterprise exits they list: the few
 * enterprises listed are collected in an extra pass first.
 *
 * @returns the exit status: 0 computed, 1 cases were skipped, 2 invalid input (nothing written).
 */
export async function streamCompute(options: StreamComputeOptions, io: CliIo): Promise<number> {
  const checked = await checkPass(options, io);
  reportErrors(checked.errors, io, options.skipInvalid, checked.omitted);
  if (checked.errors.length > 0 && !options.skipInvalid) return EXIT.badInput;
  const exits = checked.listed.size === 0 ? new Map<string, EnterpriseExit>() : await listedExits(options, io, checked);
  const sink = await openSink(io, options.out);
  try {
    const count = await computePass(options, io, checked, exits, sink);
    await sink.close();
    if (options.out !== undefined && options.out !== "-")
      io.stderr.write(`exitfund: wrote ${options.out} (${count} result${count === 1 ? "" : "s"})\n`);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return checked.errors.length > 0 ? EXIT.findings : EXIT.ok;
}

/** The file read in the computing pass is not the one checked: it was changed (or replaced) meanwhile. */
function changedWhileRead(file: string, line: number): InvalidInputError {
  return new InvalidInputError([
    {
      path: ndjsonWhere(file, line, ""),
      code: "changed-while-read",
      message:
        "the file changed while it was being read (it differs from what the checking pass read): nothing was written; run again once it is no longer being written to",
      zh: "读取期间文件被修改（与校验时读到的内容不同）：未写入任何内容；请在文件不再被写入后重新运行",
    },
  ]);
}

/** More cases than one streamed file may hold: the checking pass keeps each id (about 300 bytes a case). */
function tooManyCases(file: string, max: number): UsageError {
  return new UsageError(
    `"${echoText(file)}" holds more than ${max.toLocaleString("en-US")} cases, the most one streamed file may hold (each id is kept to find repeated ones): split it into several files`,
    {
      code: "too-many-cases",
      zh: `"${echoText(file)}" 的案件超过 ${max.toLocaleString("en-US")} 个（单个流式文件的上限）：请拆分为多个文件`,
    },
  );
}

async function checkPass(options: StreamComputeOptions, io: CliIo): Promise<Checked> {
  const checked: Checked = { errors: [], omitted: 0, invalid: new Set(), count: 0, listed: new Set() };
  const lineOfId = new Map<string, number>();
  const covered = new Set<string>();
  const progress = options.progress("checking", 0);
  const maxCases = limitsOf(io).streamedCases;
  const fail = (index: number, id: string | undefined, path: string, message: string) => {
    checked.invalid.add(index);
    if (checked.errors.length >= MAX_LISTED_ERRORS) checked.omitted += 1;
    else checked.errors.push({ index, ...(id === undefined ? {} : { id }), path, message });
  };
  for await (const record of readCasesStream(options.file, io)) {
    const index = checked.count;
    checked.count += 1;
    if (checked.count > maxCases) throw tooManyCases(options.file, maxCases);
    progress.tick();
    const where = (path: string) => ndjsonWhere(options.file, record.line, path);
    if (record.error !== undefined) {
      fail(index, undefined, where(""), record.error);
      continue;
    }
    const id = idOf(record.value);
    const first = id === undefined ? undefined : lineOfId.get(id);
    if (id !== undefined && first !== undefined)
      fail(
        index,
        id,
        where("id"),
        `id (编号) "${echoText(id)}" is used twice in the batch (also at line ${first}); case ids must be unique`,
      );
    else if (id !== undefined) lineOfId.set(id, record.line);
    const parsed = parseCase(record.value, options.ruleSet);
    if (!parsed.ok) {
      for (const issue of parsed.issues) fail(index, id, where(issue.path), issue.message);
      continue;
    }
    for (const issue of coverageIssues(parsed.value, options.ruleSet, covered))
      fail(index, id, where(issue.path), issue.message);
    if (parsed.value.kind === "township-transfer")
      for (const enterprise of parsed.value.exitedEnterprises) checked.listed.add(enterprise.id);
  }
  progress.done();
  return checked;
}

/**
 * Problems computing the case would raise (a date the rule set has no value for). A case is computed
 * here unless a case of the same kind and date already computed on a date where every parameter is in
 * force; the outcome is dropped — the second pass computes it again.
 */
function coverageIssues(facts: Case, ruleSet: RuleSet, covered: Set<string>): { path: string; message: string }[] {
  const date = selectingDate(facts);
  const key = `${facts.kind}|${date}`;
  if (covered.has(key)) return [];
  try {
    computeParsed(facts, ruleSet);
  } catch (error) {
    if (error instanceof InvalidInputError)
      return error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    throw error;
  }
  if (allInForce(ruleSet, date)) covered.add(key);
  return [];
}

/** The date that selects a case's parameter values (DESIGN §6). */
function selectingDate(facts: Case): string {
  switch (facts.kind) {
    case "enterprise-exit":
      return facts.exitCompletedOn;
    case "structure-clearance":
      return facts.declaredOn;
    case "village-compensation":
      return facts.clearedOn;
    case "township-transfer":
      return `${facts.fiscalYear - 1}-12-31`;
  }
}

function allInForce(ruleSet: RuleSet, date: string): boolean {
  return Object.values(ruleSet.compiled).every((parameter) => {
    const entry = parameter.values.findLast((candidate) => candidate.from <= date);
    return entry !== undefined && entry.value !== null;
  });
}

/** The enterprise exits that transfers list (valid, first occurrence), collected in one more pass. */
async function listedExits(
  options: StreamComputeOptions,
  io: CliIo,
  checked: Checked,
): Promise<Map<string, EnterpriseExit>> {
  const exits = new Map<string, EnterpriseExit>();
  let index = 0;
  for await (const record of readCasesStream(options.file, io)) {
    const id = idOf(record.value);
    const wanted = id !== undefined && checked.listed.has(id) && !exits.has(id) && !checked.invalid.has(index);
    index += 1;
    if (!wanted || (record.value as { kind?: unknown }).kind !== "enterprise-exit") continue;
    const parsed = parseCase(record.value, options.ruleSet);
    if (parsed.ok && parsed.value.kind === "enterprise-exit") exits.set(parsed.value.id, parsed.value);
  }
  return exits;
}

async function computePass(
  options: StreamComputeOptions,
  io: CliIo,
  checked: Checked,
  exits: ReadonlyMap<string, EnterpriseExit>,
  sink: Sink,
): Promise<number> {
  const totals = runningTotals(options.ruleSet);
  const progress = options.progress("computing", checked.count - checked.invalid.size);
  const csv = options.format === "csv";
  if (csv) await sink.write(resultsCsvHeader());
  let index = 0;
  let written = 0;
  for await (const record of readCasesStream(options.file, io)) {
    const skip = checked.invalid.has(index);
    index += 1;
    if (skip) continue;
    const parsed = parseCase(record.value, options.ruleSet);
    if (!parsed.ok) throw changedWhileRead(options.file, record.line);
    const outcome = withCrossCheck(parsed.value, computeLocated(parsed.value, options, record.line), exits);
    totals.add(outcome);
    await sink.write(csv ? csvLines([resultCsvRow(outcome)]) : outcomeLine(outcome, options.explain));
    written += 1;
    progress.tick();
  }
  progress.done();
  if (index !== checked.count) throw changedWhileRead(options.file, index);
  const result = totals.totals();
  if (csv) io.stderr.write(totalsText(result, written));
  else
    await sink.write(
      summaryLine(
        { id: options.ruleSet.id, version: options.ruleSet.version },
        result,
        checked.errors,
        checked.omitted,
      ),
    );
  return written;
}

/** Computes a case that passed the check; should the rule set still fail it, the problem names its line. */
function computeLocated(facts: Case, options: StreamComputeOptions, line: number): Outcome {
  try {
    return computeParsed(facts, options.ruleSet);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(
      error.issues.map((issue) => ({
        path: ndjsonWhere(options.file, line, issue.path),
        message: `${issue.message} (found while writing: the output was removed)`,
      })),
    );
  }
}

function withCrossCheck(facts: Case, outcome: Outcome, exits: ReadonlyMap<string, EnterpriseExit>): Outcome {
  if (facts.kind !== "township-transfer") return outcome;
  const listed = facts.exitedEnterprises.flatMap((enterprise) => exits.get(enterprise.id) ?? []);
  return crossCheckTransfers([...listed, facts], [outcome])[0] ?? outcome;
}

/**
 * Lists a batch's problems on stderr — skipped (the others were computed) or, without --skip-invalid,
 * nothing computed — at most {@link ISSUE_LIMIT} of them, then how many more there are.
 */
export function reportErrors(errors: readonly CaseError[], io: CliIo, skipped: boolean, omitted = 0): void {
  if (errors.length === 0) return;
  const cases = new Set(errors.map((error) => error.index)).size;
  const problems = errors.length + omitted;
  const lines = [
    `exitfund: ${problems} problem${problems === 1 ? "" : "s"} in ${omitted > 0 ? "at least " : ""}${cases} case${cases === 1 ? "" : "s"}${skipped ? " (skipped; the others were computed)" : ", nothing computed"}:`,
    ...errors
      .slice(0, ISSUE_LIMIT)
      .map(
        (error) =>
          `  ${echoText(error.path, MESSAGE_LIMIT)}${error.id === undefined ? "" : ` (${echoText(error.id)})`}: ${echoText(error.message, MESSAGE_LIMIT)}`,
      ),
  ];
  const more = problems - Math.min(errors.length, ISSUE_LIMIT);
  if (more > 0) lines.push(`  … and ${more} more problems not listed (共 ${problems} 处)`);
  io.stderr.write(`${lines.join("\n")}\n`);
}
