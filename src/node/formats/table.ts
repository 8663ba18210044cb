import { ISSUE_LIMIT, SUGGEST_LIMIT, echo, echoText } from "../../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { Dec } from "../../money/decimal.js";
import type { Programme } from "../../rules/programme.js";
import { readCell, type CellContext } from "./cells.js";
import {
  KIND_COLUMN,
  LAYOUTS,
  caseLayoutsOf,
  columnLetter,
  columnOfHeader,
  layoutOf,
  templateHeader,
  type Column,
  type Layout,
} from "./columns.js";
import { UNREADABLE, type CaseSource, type SourceIssue } from "./source.js";

/** One row of a sheet as read: its 1-based number and its cells (CSV texts or exceljs cell values). */
export interface RawRow {
  readonly number: number;
  readonly cells: readonly unknown[];
}

/** A sheet (or a CSV file) as read, before its headers are understood. */
export interface RawTable extends CellContext {
  /** The file as the user named it. */
  readonly file: string;
  /** The sheet's name (XLSX only). */
  readonly sheet?: string;
  /** Its non-empty rows, the header row first. */
  readonly rows: readonly RawRow[];
}

/** A column found in a table: where it is, and what it is. */
interface Placed {
  readonly index: number;
  readonly column: Column;
}

/** A table whose headers were understood. */
interface Mapped {
  readonly prefix: string;
  readonly layout: Layout;
  readonly placed: readonly Placed[];
  readonly byKey: ReadonlyMap<string, Placed>;
  readonly data: readonly RawRow[];
  readonly context: CellContext;
  /** The column of the template's example flag, if the table has one. */
  readonly example?: number;
  readonly sheet?: string;
}

/** Where a record of the source came from. */
interface Place {
  readonly table: Mapped;
  readonly row: number;
  readonly listRows: readonly number[];
}

/** Something said about a file that is not an error: a sheet that was not read, and why. */
export interface Notice {
  readonly where: string;
  readonly message: string;
  readonly zh: string;
}

/** What one table gives: its records' columns, problems that stop the file, or why it holds no records. */
type TableResult = Mapped | { readonly issues: InputIssue[] } | { readonly notice: Notice };

const issue = (path: string, code: string, message: string, zh: string): InputIssue => ({ path, code, message, zh });

/**
 * The cases (or ledger rows) of some tables, each table laid out as docs/files.md says. The kind of a
 * table is given (`ledger`), or taken from the sheet's name, its `kind` column, or its columns. A sheet that
 * holds no records of a known kind is named in a notice; a file that holds none at all is refused.
 *
 * @throws InvalidInputError listing every header problem of every table (an unknown or missing column, a
 * value without a header, a kind it cannot tell), or saying that the file holds no records. With `programme`,
 * its kinds and the columns of the fields its domains add are read too.
 */
export function tableSource(
  tables: readonly RawTable[],
  format: "csv" | "xlsx",
  kind?: Layout["kind"],
  notices: readonly Notice[] = [],
  file: string = tables[0]?.file ?? "",
  programme?: Programme,
): CaseSource {
  const fatal: InputIssue[] = [];
  const said: Notice[] = [...notices];
  const mapped: Mapped[] = [];
  for (const table of tables) {
    const result = mapTable(table, kind, programme);
    if ("issues" in result) fatal.push(...result.issues);
    else if ("notice" in result) said.push(result.notice);
    else mapped.push(result);
  }
  if (fatal.length > 0) throw new InvalidInputError(fatal);
  const cases: unknown[] = [];
  const issues: SourceIssue[] = [];
  const places: Place[] = [];
  for (const table of mapped) {
    const before = cases.length;
    for (const group of groups(table)) {
      const built = buildRecord(table, group, cases.length);
      cases.push(built.value);
      issues.push(...built.issues);
      places.push({ table, row: group[0]?.number ?? 0, listRows: built.listRows });
    }
    if (cases.length === before)
      said.push({
        where: table.prefix,
        message: `holds no ${table.layout.kind === "ledger" ? "payment rows" : "cases"}: it has a header row but no rows of values below it`,
        zh: "只有表头，没有数据行",
      });
  }
  if (cases.length === 0) throw noRecords(file, kind, said);
  return {
    format,
    cases,
    issues,
    where: (index, path) => whereIn(places[index], path),
    notices: said.map((notice) => `${notice.where}: ${notice.message}`),
    places: places.map((place) => ({
      row: place.row,
      ...(place.table.sheet === undefined ? {} : { sheet: place.table.sheet }),
    })),
  };
}

/** A file with no records: exit 2 (never "0.00 owed"), with what each table lacked. */
function noRecords(file: string, kind: Layout["kind"] | undefined, notices: readonly Notice[]): InvalidInputError {
  const what = kind === "ledger" ? "payment rows" : "cases";
  return new InvalidInputError([
    issue(
      file,
      "no-cases",
      `holds no ${what}: nothing would be computed, so nothing is (a truncated export or the wrong file would otherwise read as "nothing owed")`,
      kind === "ledger"
        ? "没有付款记录：不作计算"
        : "没有任何案件：不作计算（否则被截断的导出或选错的文件会显示为“应付 0.00”）",
    ),
    ...notices.map((notice) => ({ path: notice.where, code: "not-read", message: notice.message, zh: notice.zh })),
  ]);
}

function prefixOf(table: RawTable): string {
  return table.sheet === undefined ? table.file : `${table.file} › ${echoText(table.sheet, 40)}`;
}

function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object" && "richText" in cell)
    return (cell as { richText: { text: string }[] }).richText
      .map((run) => run.text)
      .join("")
      .trim();
  return String(cell).trim();
}

function mapTable(table: RawTable, given: Layout["kind"] | undefined, programme: Programme | undefined): TableResult {
  const [header, ...data] = table.rows;
  const prefix = prefixOf(table);
  const sheet = table.sheet !== undefined;
  if (header === undefined)
    return sheet
      ? { notice: { where: prefix, message: "is empty", zh: "是空表" } }
      : {
          issues: [
            issue(prefix, "empty-file", "is empty: it has no header row and no rows", "是空文件：没有表头也没有数据"),
          ],
        };
  const headers = header.cells.map(headerText);
  const kind = given ?? kindOf(table, headers, data, caseLayoutsOf(programme));
  if (typeof kind === "object")
    return sheet
      ? {
          notice: {
            where: prefix,
            message: `not read: it holds no cases of a known kind (${kind.problem})`,
            zh: `未读取：不含已知类型的案件`,
          },
        }
      : {
          issues: [
            issue(prefix, "unknown-kind", kind.problem, "无法判断表中案件的类型：请加“类型”列，或按类型命名工作表"),
          ],
        };
  const layout = layoutOf(kind, programme);
  if (layout === undefined)
    return {
      issues: [
        issue(
          prefix,
          "unknown-kind",
          `holds ${kind} cases, which the programme does not compute`,
          `表中为 ${kind} 案件，本方案不计算该类型`,
        ),
      ],
    };
  if (sheet && given !== undefined && !mostlyOf(layout, headers))
    return {
      notice: {
        where: prefix,
        message: `not read: its header row does not name the columns of ${layout.kind === "ledger" ? "a payment ledger" : kind} (${layout.columns
          .filter((column) => column.required)
          .map((column) => column.zh)
          .join("、")})`,
        zh: "未读取：表头不是付款台账的列",
      },
    };
  const where = (index: number, text?: string) =>
    `${prefix} › row ${header.number} › ${text === undefined ? "" : `"${echoText(text)}" `}(column ${columnLetter(index)})`;
  const { placed, byKey, example, issues } = placeColumns(layout, headers, where);
  issues.push(...valuesWithoutHeader(prefix, headers, data));
  const listUsed = placed.some((p) => p.column.perRow) || layout.list === "items";
  for (const column of layout.columns) {
    if (column.required && !byKey.has(column.key) && (!column.perRow || listUsed)) {
      issues.push(
        issue(
          `${prefix} › row ${header.number}`,
          "missing-column",
          `lacks the required column ${column.key} (${column.zh}); add a column headed "${templateHeader(column)}"`,
          `缺少必填列 ${column.zh}（${column.key}）：请添加表头为 “${templateHeader(column)}” 的列`,
        ),
      );
    }
  }
  return issues.length > 0
    ? { issues }
    : {
        prefix,
        layout,
        placed,
        byKey,
        data,
        context: table.date1904 === true ? { date1904: true } : {},
        ...(example === undefined ? {} : { example }),
        ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
      };
}

/** More than half of a sheet's headers are columns of `layout` (a sheet of another kind is not read as it). */
function mostlyOf(layout: Layout, headers: readonly string[]): boolean {
  const present = headers.filter((text) => text !== "");
  const known = present.filter((text) => columnOfHeader(layout, text) !== undefined).length;
  return known > present.length / 2;
}

/** A value in a column with no header (an empty header cell, or past the last one) is never dropped silently. */
function valuesWithoutHeader(prefix: string, headers: readonly string[], data: readonly RawRow[]): InputIssue[] {
  const found: InputIssue[] = [];
  for (const row of data) {
    for (let index = 0; index < row.cells.length && found.length < ISSUE_LIMIT; index += 1) {
      if ((headers[index] ?? "") !== "" || !isFilled(row.cells[index])) continue;
      found.push(
        issue(
          `${prefix} › row ${row.number} › column ${columnLetter(index)}`,
          "value-without-header",
          "has a value but no header: give the column a header of the layout (docs/files.md), or delete the value",
          `有值但没有表头：请为该列加上表头（见 docs/files.md），或删除该值`,
        ),
      );
    }
  }
  return found;
}

/** The layout's column under each header; an unknown or repeated header is an issue. */
function placeColumns(
  layout: Layout,
  headers: readonly string[],
  where: (index: number, text?: string) => string,
): { placed: Placed[]; byKey: Map<string, Placed>; example: number | undefined; issues: InputIssue[] } {
  const placed: Placed[] = [];
  const byKey = new Map<string, Placed>();
  const issues: InputIssue[] = [];
  let example: number | undefined;
  headers.forEach((text, index) => {
    if (text === "") return;
    const column = columnOfHeader(layout, text);
    if (column === "ignored") return;
    if (column === "example") {
      example = index;
      return;
    }
    const twice = column === undefined ? undefined : byKey.get(column.key);
    if (column === undefined) {
      issues.push(
        issue(
          where(index, text),
          "not-a-column",
          `is not a column of ${layout.kind}${suggestion(layout, text)}; the columns are listed in the template's 说明 sheet and in docs/files.md`,
          `不是 ${layout.zhName} 的列；各列见模板的“说明”表和 docs/files.md`,
        ),
      );
    } else if (twice !== undefined) {
      issues.push(
        issue(
          where(index, text),
          "column-twice",
          `names the column ${templateHeader(twice.column)} again (also column ${columnLetter(twice.index)})`,
          `与第 ${columnLetter(twice.index)} 列重复：${templateHeader(twice.column)}`,
        ),
      );
    } else {
      byKey.set(column.key, { index, column });
      placed.push({ index, column });
    }
  });
  return { placed, byKey, example, issues };
}

function suggestion(layout: Layout, text: string): string {
  if (text.length > SUGGEST_LIMIT) return "";
  const lower = text.toLowerCase();
  const close = layout.columns.find(
    (column) =>
      column.key.toLowerCase().includes(lower) || lower.includes(column.key.toLowerCase()) || column.zh.includes(text),
  );
  return close === undefined ? "" : ` (did you mean ${templateHeader(close)}?)`;
}

/** The kind of a table: its sheet's name, else its `kind` column, else the only kind whose columns it has. */
function kindOf(
  table: RawTable,
  headers: readonly string[],
  data: readonly RawRow[],
  layouts: readonly Layout[],
): Layout["kind"] | { problem: string } {
  const named = layouts.find(
    (layout) =>
      table.sheet !== undefined && (table.sheet.trim() === layout.kind || table.sheet.trim() === layout.zhName),
  );
  if (named !== undefined) return named.kind;
  const kindIndex = headers.findIndex((text) => columnOfHeader(LAYOUTS["enterprise-exit"], text) === KIND_COLUMN);
  if (kindIndex >= 0) {
    const kinds = new Set(
      data
        .map((row) => readCell(row.cells[kindIndex], KIND_COLUMN))
        .flatMap((cell) => (cell?.ok === true ? [cell.value as Layout["kind"]] : [])),
    );
    if (kinds.size > 1)
      return {
        problem: `holds cases of several kinds (${[...kinds].join(", ")}) in its kind (类型) column: put each kind on its own sheet (named after the kind) or in its own file`,
      };
    const [only] = kinds;
    if (only !== undefined) return only;
  }
  const present = headers.filter(
    (text) => text !== "" && columnOfHeader(LAYOUTS["enterprise-exit"], text) !== "example",
  );
  const matched = layouts.map((layout) => ({
    layout,
    count: present.filter((text) => columnOfHeader(layout, text) !== undefined).length,
  }));
  const known = matched.filter((entry) => entry.count === present.length && present.length > 0);
  const complete = known.filter(({ layout }) =>
    layout.columns.every(
      (column) => !column.required || column.perRow || present.some((text) => columnOfHeader(layout, text) === column),
    ),
  );
  const best = Math.max(...matched.map((entry) => entry.count));
  const closest = matched.filter((entry) => entry.count === best && best > present.length / 2);
  for (const candidates of [known, complete, closest])
    if (candidates.length === 1 && candidates[0] !== undefined) return candidates[0].layout.kind;
  return {
    problem:
      "cannot tell which kind of case it holds: add a kind (类型) column, name the sheet after the kind (enterprise-exit, structure-clearance, village-compensation, township-transfer), or start from `exitfund template <kind>`",
  };
}

/**
 * The rows of each record: one row each, or for a kind with a list the rows that share an id, in order;
 * a row whose id is empty continues the case of the row above.
 */
function groups(table: Mapped): RawRow[][] {
  const rows = table.data.filter(
    (row) =>
      table.placed.some((p) => isFilled(row.cells[p.index])) ||
      (table.example !== undefined && isFilled(row.cells[table.example])),
  );
  const id = table.byKey.get("id");
  if (table.layout.list === undefined || id === undefined) return rows.map((row) => [row]);
  const byId = new Map<string, RawRow[]>();
  const out: RawRow[][] = [];
  let last: RawRow[] | undefined;
  for (const row of rows) {
    const cell = readCell(row.cells[id.index], id.column);
    const key = cell?.ok === true ? String(cell.value) : undefined;
    // A row without an id continues the case above it (its own columns left empty, or merged).
    const group = key === undefined ? (cell === undefined ? last : undefined) : byId.get(key);
    if (group !== undefined) group.push(row);
    else {
      const fresh = [row];
      if (key !== undefined) byId.set(key, fresh);
      out.push(fresh);
    }
    last = group ?? out[out.length - 1];
  }
  return out;
}

function isFilled(cell: unknown): boolean {
  return cell !== null && cell !== undefined && !(typeof cell === "string" && cell.trim() === "");
}

/** One case (or ledger row) from its rows; every cell that cannot be read is an issue, and the record is marked. */
function buildRecord(
  table: Mapped,
  rows: readonly RawRow[],
  index: number,
): { value: { [key: string]: unknown }; issues: SourceIssue[]; listRows: number[] } {
  const { layout } = table;
  const value: { [key: string]: unknown } = layout.kind === "ledger" ? {} : { kind: layout.kind };
  const issues: SourceIssue[] = [];
  const listRows: number[] = [];
  const entries: { [key: string]: unknown }[] = [];
  const firstRows = new Map<string, { row: number; value: unknown }>();
  for (const row of rows) {
    const entry: { [key: string]: unknown } = {};
    let entryUsed = false;
    for (const placed of table.placed) {
      const { column } = placed;
      const cell = readCell(row.cells[placed.index], column, table.context);
      if (cell === undefined) continue;
      // A list entry's field is its path inside the entry (`survey.quantity` of `items.survey.quantity`).
      const field = column.perRow ? column.key.slice(column.key.indexOf(".") + 1) : column.key;
      entryUsed ||= column.perRow;
      let problem: string | undefined;
      let disagreement = false;
      if (!cell.ok) problem = cell.message;
      else if (column.perRow) setPath(entry, field, cell.value);
      else {
        problem = ownValue(layout, value, firstRows, column, row.number, cell.value);
        disagreement = problem !== undefined && column.key !== "kind";
      }
      if (problem === undefined) continue;
      const path = column.perRow ? `${layout.list ?? ""}[${entries.length}].${field}` : field;
      issues.push({
        index,
        path,
        where: `${table.prefix} › row ${row.number} › ${column.zh} (column ${columnLetter(placed.index)})`,
        message: problem,
        ...(disagreement ? { replacesSchemaIssue: false } : {}),
      });
    }
    if (entryUsed) {
      for (const object of layout.alwaysObjects ?? []) if (entry[object] === undefined) entry[object] = {};
      entries.push(entry);
      listRows.push(row.number);
    }
  }
  if (layout.list !== undefined) value[layout.list] = entries;
  const example = table.example;
  const flagged = example === undefined ? undefined : rows.find((row) => isFilled(row.cells[example]));
  if (flagged !== undefined && example !== undefined)
    issues.push({
      index,
      path: "",
      where: `${table.prefix} › row ${flagged.number} › 示例 (column ${columnLetter(example)})`,
      code: "template-example",
      message:
        "is the template's example (marked 示例), not a real case: delete the example rows, then fill in your own below the header (nothing is computed until they are gone)",
      zh: "这是模板自带的示例行（标有“示例”），不是真实案件：请删除示例行，再在表头下填写自己的数据（删除前不作任何计算）",
    });
  if (issues.length > 0) value[UNREADABLE] = true;
  return { value, issues, listRows };
}

/**
 * Sets a case's own field from the first row that has it; a later row of the case must agree (or be
 * empty), and a `kind` cell must name the sheet's kind. Returns the problem, if any.
 */
function ownValue(
  layout: Layout,
  value: { [key: string]: unknown },
  firstRows: Map<string, { row: number; value: unknown }>,
  column: Column,
  row: number,
  cell: unknown,
): string | undefined {
  if (column.key === "kind")
    return cell === layout.kind
      ? undefined
      : `is ${echo(cell)}, but this sheet holds ${layout.kind} cases: put each kind on its own sheet or in its own file`;
  const first = firstRows.get(column.key);
  if (first === undefined) {
    firstRows.set(column.key, { row, value: cell });
    setPath(value, column.key, cell);
    return undefined;
  }
  if (sameValue(first.value, cell)) return undefined;
  return `is ${echo(cell)} here but ${echo(first.value)} in row ${first.row} of the same case ${echo(value.id)}: the case's own columns must be the same on each of its rows (or left empty after its first row)`;
}

function setPath(target: { [key: string]: unknown }, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next === "object" && next !== null) node = next as { [key: string]: unknown };
    else node = node[part] = {};
  }
  node[parts[parts.length - 1] ?? path] = value;
}

/** Two cells of the same field agree: equal values, or equal decimals ("30" and "30.00"). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "string" || typeof b !== "string") return false;
  try {
    return new Dec(a).equals(new Dec(b));
  } catch {
    return false;
  }
}

function whereIn(place: Place | undefined, path: string): string {
  if (place === undefined) return path;
  const list = /^(items|leases|exitedEnterprises)\[(\d+)\](?:\.(.+))?$/.exec(path);
  const row = list === null ? place.row : (place.listRows[Number(list[2])] ?? place.row);
  const key = list === null ? path : list[3] === undefined ? (list[1] ?? "") : `${list[1]}.${list[3]}`;
  const base = `${place.table.prefix} › row ${row}`;
  if (key === "") return base;
  const placed = place.table.byKey.get(key);
  if (placed !== undefined) return `${base} › ${placed.column.zh} (column ${columnLetter(placed.index)})`;
  const column = place.table.layout.columns.find((candidate) => candidate.key === key);
  return column === undefined
    ? `${base} › ${key}`
    : `${base} › ${column.zh} (no such column: add "${templateHeader(column)}")`;
}
