import { checkStream, type SourceRecord } from "../../batch/stream.js";
import { nodeSha256 } from "../sha256.js";
import type { CaseError } from "../../batch/compute.js";
import { ISSUE_LIMIT, echoText } from "../../errors/echo.js";
import { isInvalidInputError } from "../../errors/index.js";
import { foundWhileWriting, sayWritten } from "../output.js";
import type { RuleSet } from "../../parameters/types.js";
import type { Programme } from "../../rules/programme.js";
import { EXIT, UsageError, placeText, type CliIo } from "../io.js";
import { limitsOf } from "../limits.js";
import type { Progress } from "../progress.js";
import { existingPath, noLines, readCasesStream } from "../read.js";
import { parallelStreamCompute, workersFor } from "../parallel.js";
import { ndjsonWhere } from "./ndjson.js";
import { outcomeLine, resultCsvRow, resultsCsvHeader, summaryLine, totalsText } from "./results.js";
import { csvLines } from "./csv.js";
import { openSink } from "./sink.js";

export { MAX_LISTED_ERRORS } from "../../batch/stream.js";

/** The most characters of one problem's path or message on stderr (a message that quotes input at length is cut). */
export const MESSAGE_LIMIT = 1000;

export interface StreamComputeOptions {
  /** The `.ndjson` file as the user named it. */
  readonly file: string;
  readonly ruleSet: RuleSet;
  readonly programme?: Programme;
  readonly format: "ndjson" | "csv";
  readonly explain: boolean;
  readonly skipInvalid: boolean;
  readonly out: string | undefined;
  /** A progress report for a pass over `total` cases (0: not known yet). */
  readonly progress: (label: string, total: number) => Progress;
  /** `--threads`: at most this many worker threads compute a file large enough (1: the main thread only). */
  readonly threads?: number;
  /** `--rules` and `--programme` as given, for the worker threads to load the same. */
  readonly values?: { readonly rules?: string | undefined; readonly programme?: string | undefined };
}

/**
 * `compute` of an NDJSON file in bounded memory: the core `checkStream` reads the file as often as it needs
 * (a checking pass, a pass collecting the enterprise exits that transfers list, the computing pass); this
 * writes each outcome as it comes and the totals at the end. Nothing is written when a case is invalid
 * (unless --skip-invalid).
 *
 * @returns the exit status: 0 computed, 1 cases were skipped, 2 invalid input (nothing written).
 */
export async function streamCompute(options: StreamComputeOptions, io: CliIo): Promise<number> {
  const maxCases = limitsOf(io).streamedCases;
  const path = await existingPath(options.file, io);
  const workers = await workersFor(path, options.threads ?? 1, io);
  if (workers > 0) {
    const status = await parallelStreamCompute(
      options,
      path,
      workers,
      io,
      (errors, omitted) => reportErrors(errors, io, options.skipInvalid, omitted),
      (max) => tooManyCases(options.file, max),
    );
    // undefined: cases are cross-checked against others, which one thread does (nothing was written).
    if (status !== undefined) return status;
  }
  const records = async function* (): AsyncGenerator<SourceRecord> {
    let count = 0;
    for await (const record of readCasesStream(options.file, io)) {
      count += 1;
      if (count > maxCases) throw tooManyCases(options.file, maxCases);
      yield record.error === undefined
        ? { at: record.line, value: record.value }
        : { at: record.line, error: record.error };
    }
  };
  const checked = await checkStream(records, {
    ruleSet: options.ruleSet,
    ...(options.programme === undefined ? {} : { programme: options.programme }),
    trace: options.explain,
    skipInvalid: options.skipInvalid,
    where: (line, path) => ndjsonWhere(options.file, line, path),
    name: (line) => `line ${line}`,
    progress: (pass, total) => options.progress(pass, total),
    sha256: nodeSha256,
  });
  if (checked.count === 0 && checked.errors.length === 0) throw noLines(options.file);
  reportErrors(checked.errors, io, options.skipInvalid, checked.omitted);
  if (checked.errors.length > 0 && !options.skipInvalid) return EXIT.badInput;
  const sink = await openSink(io, options.out);
  const csv = options.format === "csv";
  let written = 0;
  try {
    if (csv) await sink.write(resultsCsvHeader());
    try {
      for await (const outcome of checked.outcomes()) {
        await sink.write(csv ? csvLines([resultCsvRow(outcome)]) : outcomeLine(outcome, options.explain));
        written += 1;
      }
    } catch (error) {
      if (!isInvalidInputError(error)) throw error;
      throw foundWhileWriting(error);
    }
    const totals = checked.totals();
    if (!csv)
      await sink.write(summaryLine(checked.ruleSet, totals, checked.errors, checked.receipt(), checked.omitted));
    await sink.close();
    // The totals only once the results are written whole: a failed write must not print them first.
    if (csv) io.stderr.write(totalsText(totals, written, io.lang));
    if (options.out !== undefined && options.out !== "-") sayWritten(io, options.out, written);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return checked.errors.length > 0 ? EXIT.findings : EXIT.ok;
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

/**
 * Lists a batch's problems on stderr — skipped (the others were computed) or, without --skip-invalid,
 * nothing computed — at most {@link ISSUE_LIMIT} of them, then how many more there are.
 */
export function reportErrors(errors: readonly CaseError[], io: CliIo, skipped: boolean, omitted = 0): void {
  if (errors.length === 0) return;
  const cases = new Set(errors.map((error) => error.index)).size;
  const problems = errors.length + omitted;
  const zh = io.lang === "zh";
  const head = zh
    ? `exitfund：${omitted > 0 ? "至少 " : ""}${cases} 个个案中有 ${problems} 处问题${skipped ? "（已跳过，其余个案已计算）" : "，未作任何计算"}：`
    : `exitfund: ${problems} problem${problems === 1 ? "" : "s"} in ${omitted > 0 ? "at least " : ""}${cases} case${cases === 1 ? "" : "s"}${skipped ? " (skipped; the others were computed)" : ", nothing computed"}:`;
  const lines = [
    head,
    ...errors.slice(0, ISSUE_LIMIT).map((error) => {
      const text = zh && error.zh !== undefined ? placeText(error.zh, "zh") : error.message;
      return `  ${placeText(echoText(error.path, MESSAGE_LIMIT), io.lang)}${error.id === undefined ? "" : zh ? `（${echoText(error.id)}）` : ` (${echoText(error.id)})`}${zh ? "：" : ": "}${echoText(text, MESSAGE_LIMIT)}`;
    }),
  ];
  const more = problems - Math.min(errors.length, ISSUE_LIMIT);
  if (more > 0)
    lines.push(
      zh
        ? `  …… 另有 ${more} 处问题未列出（共 ${problems} 处）`
        : `  … and ${more} more problems not listed (${problems} in all)`,
    );
  io.stderr.write(`${lines.join("\n")}\n`);
}
