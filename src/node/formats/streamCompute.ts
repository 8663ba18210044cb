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
import { alsoAt, ndjsonRecords, ndjsonWhere } from "./ndjson.js";
import {
  documentTail,
  outcomeItem,
  outcomeLine,
  resultCsvRow,
  resultsCsvHeader,
  summaryLine,
  totalsText,
} from "./results.js";
import { listWriter } from "./jsonWrite.js";
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
  /** json: the document `compute --format json` writes in memory, byte for byte, its results written as they come. */
  readonly format: "ndjson" | "csv" | "json";
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
      async (errors, omitted, invalid) => {
        const listed = options.format === "json" ? await asInMemory(errors, options.file, path, io) : errors;
        reportErrors(listed, io, options.skipInvalid, omitted, options.format === "json" ? invalid : undefined);
        return listed;
      },
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
    name: (line) => alsoAt(options.file, options.format, line),
    progress: (pass, total) => options.progress(pass, total),
    sha256: nodeSha256,
  });
  if (checked.count === 0 && checked.errors.length === 0) throw noLines(options.file);
  // A JSON document says what the in-memory one said: the readers' own codes, and how many cases are invalid.
  const json = options.format === "json" ? listWriter({ ruleSet: checked.ruleSet }, "results") : undefined;
  const errors = json === undefined ? checked.errors : await asInMemory(checked.errors, options.file, path, io);
  const invalid = json === undefined ? undefined : checked.count - checked.computable;
  reportErrors(errors, io, options.skipInvalid, checked.omitted, invalid);
  if (errors.length > 0 && !options.skipInvalid) return EXIT.badInput;
  const sink = await openSink(io, options.out);
  const csv = options.format === "csv";
  let written = 0;
  try {
    if (csv) await sink.write(resultsCsvHeader());
    if (json !== undefined) await sink.write(json.head);
    try {
      for await (const outcome of checked.outcomes()) {
        await sink.write(
          csv
            ? csvLines([resultCsvRow(outcome)])
            : json !== undefined
              ? json.items(outcomeItem(outcome, options.explain))
              : outcomeLine(outcome, options.explain),
        );
        written += 1;
      }
    } catch (error) {
      if (!isInvalidInputError(error)) throw error;
      throw foundWhileWriting(error);
    }
    const totals = checked.totals();
    if (json !== undefined)
      await sink.write(json.tail(documentTail(totals, errors, checked.receipt(), checked.omitted)));
    else if (!csv)
      await sink.write(summaryLine(checked.ruleSet, totals, checked.errors, checked.receipt(), checked.omitted));
    await sink.close();
    // The totals only once the results are written whole: a failed write must not print them first.
    if (csv) io.stderr.write(totalsText(totals, written, io.lang));
    if (options.out !== undefined && options.out !== "-") sayWritten(io, options.out, written);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return errors.length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * The problems of a streamed file as the in-memory reader words them, for `--format json`, whose document (and
 * stderr) stays what `compute` wrote before it streamed: a line that cannot be read keeps its reader's code and
 * Chinese (the stream says `unreadable`), and a line that holds no object is placed at the line, not at `› case`.
 * Reads the file again only when a listed problem is one of these.
 */
export async function asInMemory(
  errors: readonly CaseError[],
  file: string,
  path: string,
  io: CliIo,
): Promise<readonly CaseError[]> {
  const prefix = `${file} › line `;
  const lineOf = (error: CaseError) => {
    if (!error.path.startsWith(prefix)) return undefined;
    const rest = error.path.slice(prefix.length);
    if (error.code === "unreadable" && /^\d+$/.test(rest)) return Number(rest);
    const whole = /^(\d+) › case$/.exec(rest);
    return whole === null ? undefined : Number(whole[1]);
  };
  const lines = new Set(errors.map(lineOf).filter((line) => line !== undefined));
  if (lines.size === 0) return errors;
  const records = new Map<number, { code?: string | undefined; zh?: string; object: boolean }>();
  for await (const record of ndjsonRecords(path, file, limitsOf(io).ndjsonLineBytes)) {
    if (!lines.has(record.line)) continue;
    const { value } = record;
    records.set(
      record.line,
      record.error === undefined
        ? { object: typeof value === "object" && value !== null && !Array.isArray(value) }
        : { code: record.code, ...(record.zh === undefined ? {} : { zh: record.zh }), object: false },
    );
  }
  return errors.map((error) => {
    const line = lineOf(error);
    const record = line === undefined ? undefined : records.get(line);
    if (line === undefined || record === undefined) return error;
    if (error.code !== "unreadable") return record.object ? error : { ...error, path: ndjsonWhere(file, line, "") };
    const { zh: _zh, ...rest } = error;
    return {
      ...rest,
      code: record.code ?? "unreadable-cell",
      message: error.message,
      ...(record.zh === undefined ? {} : { zh: record.zh }),
    };
  });
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
export function reportErrors(
  errors: readonly CaseError[],
  io: CliIo,
  skipped: boolean,
  omitted = 0,
  invalidCases?: number,
): void {
  if (errors.length === 0) return;
  const cases = invalidCases ?? new Set(errors.map((error) => error.index)).size;
  const counted = omitted > 0 && invalidCases === undefined;
  const problems = errors.length + omitted;
  const zh = io.lang === "zh";
  const head = zh
    ? `exitfund：${counted ? "至少 " : ""}${cases} 个个案中有 ${problems} 处问题${skipped ? "（已跳过，其余个案已计算）" : "，未作任何计算"}：`
    : `exitfund: ${problems} problem${problems === 1 ? "" : "s"} in ${counted ? "at least " : ""}${cases} case${cases === 1 ? "" : "s"}${skipped ? " (skipped; the others were computed)" : ", nothing computed"}:`;
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
