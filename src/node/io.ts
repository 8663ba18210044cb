import { ISSUE_LIMIT, echoText } from "../errors/echo.js";
import { isInvalidInputError, type InputIssue } from "../errors/index.js";
import type { CliEnv, Lang } from "./lang.js";
import type { Limits } from "./limits.js";

/** Where a CLI command reads and writes: process streams in the bin, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(chunk: string | Uint8Array): unknown; readonly isTTY?: boolean };
  readonly stderr: {
    write(chunk: string): unknown;
    readonly isTTY?: boolean;
    /** Writes terminal controls as they are (the progress bar's `\r`); `write` escapes them. */
    readonly writeControl?: (chunk: string) => unknown;
  };
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly cwd: string;
  /** Smaller limits than docs/files.md states (tests); the bin never sets them. */
  readonly limits?: Partial<Limits>;
  /** The environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, `COLUMNS`); none (tests) means English, no width limit. */
  readonly env?: CliEnv;
  /** The terminal's width in columns (`process.stdout.columns`); tables are fitted to it. */
  readonly columns?: number;
  /** The language of every text for people: `--lang`, else the locale's (set by `runCli`). */
  readonly lang?: Lang;
  /** When worker threads are used and how a file is cut for them (tests make both small); the bin never sets it. */
  readonly parallel?: {
    /** A file at least this large is split across threads. */
    readonly fromBytes?: number;
    /** The most lines of a block. */
    readonly blockLines?: number;
    /** About the most bytes of a block. */
    readonly blockBytes?: number;
  };
  /** Whether `--lang` was given (the report page opens in Chinese unless `--lang en` asks otherwise). */
  readonly langGiven?: boolean;
}

/**
 * Exit status of the CLI (docs/cli.md): 0 ok, 1 findings that need attention, 2 bad input or usage, 74 a read
 * or write failed (sysexits EX_IOERR), 130/143 interrupted by SIGINT/SIGTERM (128 + signal), 70 only for a bug.
 */
export const EXIT = {
  ok: 0,
  findings: 1,
  badInput: 2,
  internal: 70,
  io: 74,
  interrupted: 130,
  terminated: 143,
} as const;

/** A message's stable code for programs and its text in Chinese (the English text is the message). */
export interface ErrorCode {
  readonly code?: string;
  readonly zh?: string;
}

/** A problem the CLI reports in one line: its message in English, the same in Chinese, and a stable code. */
export abstract class CliError extends Error {
  readonly code: string;
  readonly zh: string | undefined;
  constructor(message: string, said: ErrorCode, fallbackCode: string) {
    super(message);
    this.code = said.code ?? fallbackCode;
    this.zh = said.zh;
  }
}

/** Wrong command-line usage: exit 2 with the message and a pointer to `--help`. */
export class UsageError extends CliError {
  override readonly name = "UsageError";
  constructor(message: string, said: ErrorCode = {}) {
    super(message, said, "usage");
  }
}

/** A file or stream that could not be read or written although the command was right: exit 74. */
export class IoError extends CliError {
  override readonly name = "IoError";
  constructor(message: string, said: ErrorCode = {}) {
    super(message, said, "io-error");
  }
}

/** Characters of one problem line on stderr (its place and its text each), as docs/files.md §8 states. */
export const PROBLEM_LINE_CHARACTERS = 1_000;

/** Where a place's words may stand: after the start, a `›` or an "(also at"; before a `›`, the end or a bracket. */
const BEFORE = String.raw`(^|› |[(（]另见 |[(（]also at )`;
const AFTER = String.raw`(?=$| ›|[)）；;：:,，、])`;
const PLACE_WORDS: readonly (readonly [RegExp, string])[] = [
  [new RegExp(`${BEFORE}row (\\d+)${AFTER}`, "g"), "$1第 $2 行"],
  [new RegExp(`${BEFORE}line (\\d+)${AFTER}`, "g"), "$1第 $2 行"],
  [new RegExp(`${BEFORE}entry (\\d+)${AFTER}`, "g"), "$1第 $2 条"],
  [new RegExp(`${BEFORE}column ([A-Z]{1,3})${AFTER}`, "g"), "$1$2 列"],
  [/ \(column ([A-Z]{1,3})\)(?=$| ›|[)）；;：:,，、])/g, "（$1 列）"],
  [/(^|› )rows ([\d–, ]+?)(?=$| ›)/g, "$1第 $2 行"],
  [/\(stdin\)/g, "（标准输入）"],
];

/**
 * A place in a file (`cases.xlsx › 台湖镇 › row 7 › 节能量（吨标煤） (column K)`, `big.ndjson › line 12`,
 * `ledger.json › entry 4 › amount`) in the words of `lang`: in Chinese `第 7 行`, `（K 列）`, `第 12 行`, `第 4 条`,
 * so that a Chinese message holds no English words. The file, sheet and field names are left as they are;
 * the `path` of an issue (data, in JSON output) keeps its English form.
 */
export function placeText(place: string, lang: Lang = "en"): string {
  if (lang !== "zh") return place;
  return PLACE_WORDS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), place);
}

/** `issues` as stderr lines: at most {@link ISSUE_LIMIT}, then how many more there are. */
export function issueLines(issues: readonly InputIssue[], limit: number = ISSUE_LIMIT, lang: Lang = "en"): string[] {
  const lines = issues.slice(0, limit).map((issue) => {
    const where =
      issue.path === ""
        ? lang === "zh"
          ? "（输入）"
          : "(input)"
        : placeText(echoText(issue.path, PROBLEM_LINE_CHARACTERS), lang);
    const label = lang === "zh" && issue.label !== undefined ? `（${echoText(issue.label, 200)}）` : "";
    const text = lang === "zh" && issue.zh !== undefined ? placeText(issue.zh, lang) : issue.message;
    return `  ${where}${label}${lang === "zh" ? "：" : ": "}${echoText(text, PROBLEM_LINE_CHARACTERS)}`;
  });
  if (issues.length > limit)
    lines.push(
      lang === "zh"
        ? `  …… 另有 ${issues.length - limit} 处问题未列出（共 ${issues.length} 处）`
        : `  … and ${issues.length - limit} more problems not listed (${issues.length} in all)`,
    );
  return lines;
}

/**
 * Prints an input error (each issue on its own line, at most {@link ISSUE_LIMIT}), a usage error or an I/O
 * error to stderr and returns its exit status (2, 2, 74). Anything else is rethrown (a bug).
 */
export function reportInputError(error: unknown, io: CliIo, where?: string): number {
  const zh = io.lang === "zh";
  const prefix = where === undefined ? "" : zh ? `${where}：` : `${where}: `;
  if (isInvalidInputError(error)) {
    const count = error.issues.length;
    io.stderr.write(
      [
        zh
          ? `exitfund：${prefix}${count} 处问题，未作任何计算：`
          : `exitfund: ${prefix}${count} problem${count === 1 ? "" : "s"}, nothing computed:`,
        ...issueLines(error.issues, ISSUE_LIMIT, io.lang),
        "",
      ].join("\n"),
    );
    return EXIT.badInput;
  }
  const text = (cliError: CliError) => (zh && cliError.zh !== undefined ? cliError.zh : cliError.message);
  if (error instanceof UsageError) {
    io.stderr.write(
      zh
        ? `exitfund：${text(error)}\n（参见 exitfund --help）\n`
        : `exitfund: ${error.message}\n(see exitfund --help)\n`,
    );
    return EXIT.badInput;
  }
  if (error instanceof IoError) {
    io.stderr.write(`exitfund${zh ? "：" : ": "}${text(error)}\n`);
    return EXIT.io;
  }
  throw error;
}
