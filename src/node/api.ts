import type { RuleSet } from "../parameters/types.js";
import { ledgerWithPlaces } from "../audit/audit.js";
import type { LedgerPlace } from "../audit/types.js";
import type { LedgerRow } from "../schemas/cases.js";
import type { NdjsonRecord } from "./formats/ndjson.js";
import type { CaseSource } from "./formats/source.js";
import type { CliIo } from "./io.js";
import type { Limits } from "./limits.js";
import * as read from "./read.js";

/**
 * The file readers of `exitfund/node` for programs: plain options with defaults, no CLI streams. The CLI's
 * commands read through the same functions (src/node/read.ts), so a program reads a file exactly as
 * `exitfund compute` does and gets the same errors.
 */

/** Where and how a file is read. Every option has a default. */
export interface ReadOptions {
  /** The folder a relative file name is resolved against (default `process.cwd()`). */
  readonly cwd?: string;
  /** Where `-` reads JSON from (default `process.stdin`). */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  /**
   * Called with each notice about the file that is not an error: a sheet that was not read and why, hidden
   * rows that were (the CLI prints them on stderr). Default: notices are dropped.
   */
  readonly onNotice?: (notice: string) => void;
  /** Smaller limits than docs/files.md states (a service capping what one request may read). */
  readonly limits?: Partial<Limits>;
}

/** Options of {@link readCases}. */
export interface ReadCasesOptions extends ReadOptions {
  /** With a rule set, the checks that need one are made too (structure types the rule set prices). */
  readonly ruleSet?: RuleSet;
}

const NOTE = "exitfund: note: ";

/** The options as the readers' io: no output, notices to `onNotice`. */
function ioOf(options: ReadOptions): CliIo {
  const notice = options.onNotice;
  return {
    cwd: options.cwd ?? process.cwd(),
    stdin: options.stdin ?? process.stdin,
    stdout: { write: () => true },
    stderr: {
      write: (chunk) => {
        if (notice === undefined) return true;
        for (const line of chunk.split("\n"))
          if (line.startsWith(NOTE)) notice(line.slice(NOTE.length));
          else if (line !== "") notice(line);
        return true;
      },
    },
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  };
}

/**
 * Reads the cases of a file: `.json` (an array, or `{ "cases": [...] }`), `.ndjson`, `.csv` (UTF-8,
 * GB18030 or UTF-16) or `.xlsx` (every visible data sheet), or `-` for standard input (any of these). The cases
 * of every format are validated here, so every problem names where it is in the file (`cases.xlsx ›
 * enterprise-exit › row 7 › 节能量（吨标煤） (column K)`, `cases.ndjson › line 7 › exitMode`, `cases.json › entry 7
 * › exitMode`, entries counted from 1).
 *
 * @example
 * ```ts
 * import { computeBatch } from "exitfund";
 * import { readCases } from "exitfund/node";
 * const result = computeBatch(await readCases("cases.xlsx", { cwd: "/data/2016" }));
 * ```
 * @throws InvalidInputError listing every problem of the file (a code for each).
 * @throws UsageError for a missing file, a folder, an unknown extension, or a file larger than the limits.
 * @throws IoError when the file exists but cannot be read.
 */
export async function readCases(file: string, options: ReadCasesOptions = {}): Promise<unknown[]> {
  return await read.readCases(file, ioOf(options), options.ruleSet === undefined ? {} : { ruleSet: options.ruleSet });
}

/**
 * Reads the cases of a file (see {@link readCases}) without validating them, with where each field came from
 * (`where(index, path)`) and the problems of cells that could not be read.
 *
 * @throws InvalidInputError, UsageError or IoError as {@link readCases}.
 */
export async function readCaseSource(file: string, options: ReadOptions = {}): Promise<CaseSource> {
  return await read.readCaseSource(file, ioOf(options));
}

/**
 * The lines of a `.ndjson` file of cases, one at a time and in bounded memory whatever the file's size:
 * `{ line, value }` (parsed, not yet validated) or `{ line, error }` for a line that cannot be read.
 *
 * @throws UsageError for a missing file or a folder; IoError when reading fails.
 */
export async function* readCasesStream(file: string, options: ReadOptions = {}): AsyncGenerator<NdjsonRecord> {
  yield* read.readCasesStream(file, ioOf(options));
}

/**
 * Reads a payment ledger: `.json` (an array of rows, or `{ "ledger": [...] }`), `.csv` or `.xlsx` (columns
 * caseId 案件编号, payer 付款方, amount 金额（元）, paidOn 支付日期, voucher 凭证号), every row validated.
 *
 * The rows are returned frozen, with a `places` property (not an element) saying where each row is in the
 * file — its Excel row number (header row = 1) and sheet for CSV and XLSX, its index for JSON — which
 * `audit(cases, ledger)` reads, so a discrepancy's `rows` are the ones the auditor finds in the file.
 *
 * @throws InvalidInputError listing every problem, by row and column for CSV and XLSX.
 * @throws UsageError or IoError as {@link readCases}.
 */
export async function readLedger(
  file: string,
  options: ReadOptions = {},
): Promise<readonly LedgerRow[] & { readonly places: readonly LedgerPlace[] }> {
  const { rows, places } = await read.readLedgerSource(file, ioOf(options));
  return ledgerWithPlaces(rows, places);
}
