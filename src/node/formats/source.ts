import type { CaseError } from "../../batch/compute.js";

/**
 * A key added to a case whose cells could not all be read: the schema refuses the unknown key, so the
 * case is invalid even when the unreadable field is optional; the issue it raises is not shown.
 */
export const UNREADABLE = "(unreadable cells)";

/** A problem found while reading a file, tied to one case (or ledger row) and a field path in it. */
export interface SourceIssue {
  readonly index: number;
  /** Path relative to the case (`items[2].quantity`); "" for the whole record. */
  readonly path: string;
  /** Where it is in the file: `cases.xlsx › enterprise-exit › row 7 › 节能量(吨标煤) (column K)`. */
  readonly where: string;
  readonly message: string;
  /** A stable kebab-case code (`not-a-column`, `template-example`, …) and the message in Chinese. */
  readonly code?: string;
  readonly zh?: string;
  /**
   * False when the cell was read but disagrees with the case's first row: the case keeps the first row's
   * value, so the schema's own complaint about that value (say, not a date) is still shown.
   */
  readonly replacesSchemaIssue?: boolean;
}

/** The cases of a file, the problems found while reading its cells, and where each field of each case came from. */
export interface CaseSource {
  readonly format: "json" | "ndjson" | "csv" | "xlsx";
  readonly cases: readonly unknown[];
  readonly issues: readonly SourceIssue[];
  /** Where the field at `path` of case `index` is in the file. */
  where(index: number, path: string): string;
  /** Said on stderr, not errors: a sheet that was not read and why, hidden rows that were. */
  readonly notices?: readonly string[];
  /** Where each record starts: its row as the user sees it (Excel's row numbers, header row = 1) and sheet. */
  readonly places?: readonly { readonly row: number; readonly sheet?: string }[];
}

/** The source of a JSON array of cases: paths stay as the batch reports them (`[3].items[0].quantity`). */
export function jsonSource(cases: readonly unknown[]): CaseSource {
  return {
    format: "json",
    cases,
    issues: [],
    where: (index, path) => `[${index}]${path === "" ? "" : path.startsWith("[") ? path : `.${path}`}`,
  };
}

/**
 * The batch's errors with each path replaced by where the field is in the file, merged with the
 * problems found while reading cells (which replace the schema's complaint about the same field).
 */
export function locateErrors(source: CaseSource, errors: readonly CaseError[]): CaseError[] {
  if (source.format === "json") return [...errors];
  const cellPaths = new Set(
    source.issues.filter((issue) => issue.replacesSchemaIssue !== false).map((issue) => `${issue.index}|${issue.path}`),
  );
  const located = errors.flatMap((error): CaseError[] => {
    const path = error.path.replace(/^\[\d+\]\.?/, "");
    if (
      path.includes(JSON.stringify(UNREADABLE)) ||
      cellPaths.has(`${error.index}|${path}`) ||
      cellPaths.has(`${error.index}|`)
    )
      return [];
    const message = error.message.replace(
      /\(also at \[(\d+)\]\)/,
      (_, other: string) => `(also at ${source.where(Number(other), "id")})`,
    );
    const zh = error.zh?.replace(
      /\(另见 \[(\d+)\]\)/,
      (_, other: string) => `(另见 ${source.where(Number(other), "id")})`,
    );
    return [{ ...error, path: source.where(error.index, path), message, ...(zh === undefined ? {} : { zh }) }];
  });
  const read = source.issues.map((issue): CaseError => {
    const id = idOf(source.cases[issue.index]);
    return {
      index: issue.index,
      ...(id === undefined ? {} : { id }),
      path: issue.where,
      code: issue.code ?? "unreadable-cell",
      message: issue.message,
      ...(issue.zh === undefined ? {} : { zh: issue.zh }),
    };
  });
  return [...read, ...located].sort((a, b) => a.index - b.index);
}

/** The id of a case as written (when it is a string). */
export function idOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("id" in value)) return undefined;
  const id = (value as { id: unknown }).id;
  return typeof id === "string" ? id : undefined;
}
