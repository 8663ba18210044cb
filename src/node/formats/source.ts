import type { CaseError } from "../../batch/compute.js";
import type { InputIssue } from "../../errors/index.js";

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
  /** Where it is in the file: `cases.xlsx › enterprise-exit › row 7 › 节能量（吨标煤） (column K)`. */
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
  /**
   * A value of the field's type that stands in for the unreadable cell when the rest of the case is checked, so
   * that one bad cell does not hide the problems of the case's other cells and rows (the case is never computed).
   */
  readonly placeholder?: unknown;
}

/** Something said about a file that is not an error: a sheet or rows that were not read and why, values read in another form. */
export interface Notice {
  /** Where in the file: `file › sheet`, `… › row 12`, or a header cell. */
  readonly where: string;
  /** What was done, in English. */
  readonly message: string;
  /** The same in Chinese. */
  readonly zh: string;
  /** A stable kebab-case code (`title-rows`, `total-row`, `values-normalised`, `not-read`, …). */
  readonly code?: string;
}

/** The cases of a file, the problems found while reading its cells, and where each field of each case came from. */
export interface CaseSource {
  readonly format: "json" | "ndjson" | "csv" | "xlsx";
  readonly cases: readonly unknown[];
  readonly issues: readonly SourceIssue[];
  /** Where the field at `path` of case `index` is in the file. */
  where(index: number, path: string): string;
  /** Said on stderr, not errors: a sheet that was not read and why, hidden rows that were, rows skipped as titles or totals. */
  readonly notices?: readonly Notice[];
  /** Where each record starts: its row as the user sees it (Excel's row numbers, header row = 1) and sheet. */
  readonly places?: readonly { readonly row: number; readonly sheet?: string }[];
}

/** The source of a JSON array of cases: paths stay as the batch reports them (`[3].items[0].quantity`). */
export function jsonSource(cases: readonly unknown[], file?: string): CaseSource {
  if (file === undefined)
    return {
      format: "json",
      cases,
      issues: [],
      where: (index, path) => `[${index}]${path === "" ? "" : path.startsWith("[") ? path : `.${path}`}`,
    };
  return {
    format: "json",
    cases,
    issues: [],
    where: (index, path) => entryWhere(file, index, path),
    places: cases.map((_, index) => ({ row: index + 1 })),
  };
}

/**
 * Where a field of the entry at 0-based `index` of a JSON file's list is: `cases.json › entry 4 ›
 * items[0].quantity`, the entry counted from 1 as a reader counts them (NDJSON says `line N`, a sheet `row N`).
 */
export function entryWhere(file: string, index: number, path: string): string {
  return `${file} › entry ${index + 1}${path === "" ? "" : ` › ${path.replace(/^\./, "")}`}`;
}

/**
 * `issues` of a JSON file's list (`file › [3].amount`, `file › cases[3].amount`, as the JSON reader names
 * them) at the entry they are in: `file › entry 4 › amount`.
 */
export function atEntries(issues: readonly InputIssue[], file: string, key: string): InputIssue[] {
  const prefix = `${file} › `;
  return issues.map((issue) => {
    if (!issue.path.startsWith(prefix)) return issue;
    const inner = issue.path.slice(prefix.length);
    const found = /^(?:[A-Za-z]+)?\[(\d+)\](.*)$/.exec(inner);
    if (found === null || !(inner.startsWith("[") || inner.startsWith(`${key}[`))) return issue;
    return { ...issue, path: entryWhere(file, Number(found[1]), found[2] ?? "") };
  });
}

/**
 * The batch's errors with each path replaced by where the field is in the file, merged with the
 * problems found while reading cells (which replace the schema's complaint about the same field).
 */
export function locateErrors(source: CaseSource, errors: readonly CaseError[]): CaseError[] {
  // JSON cases keep the batch's paths (`[3].items[0].quantity`, as the library and serve say them).
  if (source.format === "json" && source.places === undefined) return [...errors];
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
      /[（(]另见 \[(\d+)\][）)]/,
      (_, other: string) => `（另见 ${source.where(Number(other), "id")}）`,
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

/** Problems of one column beyond this many are said once, with the rows they are on. */
export const GROUP_AFTER = 5;

const LOCATED = /^(.*?) › row (\d+) › (.+)$/;

/** Row numbers as short runs: `2–40, 45, 50–52`, at most `max` runs, then how many more rows (in English and Chinese). */
function runsOf(rows: readonly number[], max = 10): { en: string; zh: string } {
  const runs: [number, number][] = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  const shown = runs.slice(0, max).map(([from, to]) => (from === to ? String(from) : `${from}–${to}`));
  const rest = runs.slice(max).reduce((sum, [from, to]) => sum + to - from + 1, 0);
  return rest === 0
    ? { en: shown.join(", "), zh: shown.join("、") }
    : { en: `${shown.join(", ")} and ${rest} more`, zh: `${shown.join("、")} 及另外 ${rest} 行` };
}

/**
 * The same problem in many rows of one column, said once: more than {@link GROUP_AFTER} problems with one code in
 * one column of one sheet become one problem naming the column, how many rows, which rows, and the first row's
 * message — never thousands of identical lines ("column K: 3,058 cells …").
 */
export function groupByColumn(errors: readonly CaseError[]): CaseError[] {
  const groups = new Map<string, { first: CaseError; rows: number[]; at: number }>();
  errors.forEach((error, at) => {
    const found = LOCATED.exec(error.path);
    if (found === null) return;
    const key = `${found[1]}|${found[3]}|${error.code}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { first: error, rows: [Number(found[2])], at });
    else group.rows.push(Number(found[2]));
  });
  const grouped = new Map<string, CaseError>();
  for (const [key, { first, rows }] of groups) {
    if (rows.length <= GROUP_AFTER) continue;
    const found = LOCATED.exec(first.path);
    const runs = runsOf(rows);
    grouped.set(key, {
      ...first,
      path: `${found?.[1] ?? ""} › ${found?.[3] ?? ""}`,
      message: `${rows.length.toLocaleString("en-US")} rows (${runs.en}) have this problem; the first, row ${found?.[2] ?? ""}: ${first.message}`,
      ...(first.zh === undefined
        ? {}
        : { zh: `共 ${rows.length} 行（${runs.zh}）有此问题；首见第 ${found?.[2] ?? ""} 行：${first.zh}` }),
    });
  }
  if (grouped.size === 0) return [...errors];
  const said = new Set<string>();
  return errors.flatMap((error) => {
    const found = LOCATED.exec(error.path);
    const key = found === null ? undefined : `${found[1]}|${found[3]}|${error.code}`;
    const group = key === undefined ? undefined : grouped.get(key);
    if (group === undefined || key === undefined) return [error];
    if (said.has(key)) return [];
    said.add(key);
    return [group];
  });
}
