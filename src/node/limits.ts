import { MAX_AMOUNT_DIGITS } from "../money/parse.js";
import { MAX_LIST_ENTRIES } from "../schemas/cases.js";
import { ECHO_LIMIT, ISSUE_LIMIT, KNOWN_LIMIT } from "../errors/echo.js";
import type { CliIo } from "./io.js";

const MiB = 1024 * 1024;

/**
 * What the CLI and the file readers accept before refusing with exit 2 and a message that says what to do
 * (docs/files.md, "Limits"). Each keeps a run inside the memory and time a district's machine has: past
 * them Node would crash or hang instead.
 */
export interface Limits {
  /** A `.json`, `.csv` or `.xlsx` file (or standard input) is read whole into memory: at most this many bytes. */
  readonly memoryFileBytes: number;
  /**
   * Cases and their list entries (items, leases, exited enterprises), or rows of a sheet, computed in memory
   * (every format but a streamed `.ndjson`): each takes 5–10 KB with its outcome and trace.
   */
  readonly memoryEntries: number;
  /** One line of an `.ndjson` file. */
  readonly ndjsonLineBytes: number;
  /** Cases in one streamed `.ndjson` file (the checking pass keeps each id). */
  readonly streamedCases: number;
  /** The parts of an `.xlsx` file once inflated, all together (read from the zip directory before inflating). */
  readonly xlsxUncompressedBytes: number;
  /** Rows of one sheet read. */
  readonly sheetRows: number;
  /** Cells with a value read from one workbook. */
  readonly xlsxCellsRead: number;
  /** Cells of a workbook written (the XLSX engine holds every cell in memory, about 1 KB each). */
  readonly xlsxCellsWritten: number;
}

/** The limits docs/files.md states. */
export const LIMITS: Limits = Object.freeze({
  memoryFileBytes: 128 * MiB,
  memoryEntries: 250_000,
  ndjsonLineBytes: 64 * MiB,
  streamedCases: 5_000_000,
  xlsxUncompressedBytes: 512 * MiB,
  sheetRows: 250_000,
  xlsxCellsRead: 10_000_000,
  xlsxCellsWritten: 2_000_000,
});

/** Limits kept in the core, restated here for docs/files.md. */
export const CORE_LIMITS = Object.freeze({
  amountDigits: MAX_AMOUNT_DIGITS,
  listEntries: MAX_LIST_ENTRIES,
  echoedCharacters: ECHO_LIMIT,
  knownNames: KNOWN_LIMIT,
  listedProblems: ISSUE_LIMIT,
});

/** The limits of a run: {@link LIMITS}, or smaller ones a test gave its io. */
export function limitsOf(io: CliIo): Limits {
  return io.limits === undefined ? LIMITS : { ...LIMITS, ...io.limits };
}

/** A byte count as people read it: `1.5 GB`, `64 MB`, `12 KB`, `800 bytes`. */
export function bytesText(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1)} GB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
