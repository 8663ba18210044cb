import { ISSUE_LIMIT, SUGGEST_LIMIT, echo, echoText } from "../../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { Dec } from "../../money/decimal.js";
import { formatAmount } from "../../money/format.js";
import { keyNames } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import { defaultRuleSet } from "../../rule-sets/index.js";
import type { Programme } from "../../rules/programme.js";
import { nameKey } from "../../vocabulary.js";
import { readCell, valueNames, type CellContext, type Form, type ValueNames } from "./cells.js";
import {
  KIND_COLUMN,
  LAYOUTS,
  caseLayoutsOf,
  columnLetter,
  isExampleId,
  layoutOf,
  matchHeader,
  templateHeader,
  type Column,
  type HeaderMapping,
  type HeaderMatch,
  type Ignored,
  type Layout,
} from "./columns.js";
import { UNREADABLE, type CaseSource, type Notice, type SourceIssue } from "./source.js";

export type { Notice } from "./source.js";

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
  /** Merges down one column over several rows, whose value fills the cells below it (XLSX only). */
  readonly fills?: readonly MergeFill[];
  /** A notes sheet (说明, lists, XLSX only): skipped, unless it holds case rows (then refused, never dropped). */
  readonly notes?: boolean;
}

/** A merge down one column: its 0-based column and its first and last 1-based rows. */
export interface MergeFill {
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * An explicit mapping of a finance system's sheet onto a layout (`--map`, `--ledger-map`; docs/files.md):
 * its headers, and its names of values, by the field they fill.
 */
export interface TableMapping {
  /** Headers (as `nameKey` compares them) → the field they fill, or null for a column not read. */
  readonly columns: HeaderMapping;
  /** By field: names of values (as `nameKey` compares them) → the value. */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The kind the mapped sheets hold, when the mapping says. */
  readonly kind?: string;
}

/** How the tables of a file are read. */
export interface TableOptions {
  readonly format: "csv" | "xlsx";
  /** The layout every table holds (the ledger's); otherwise each table's kind is told from its sheet or columns. */
  readonly layout?: Layout;
  /** Notices about the file found before (sheets not read). */
  readonly notices?: readonly Notice[];
  /** The file as the user named it (for a file that holds no records). */
  readonly file?: string;
  /** Its kinds and the columns of the fields its domains add are read too. */
  readonly programme?: Programme;
  /** The rule set whose table keys (structure types) and their aliases are read (default tongzhou-2016). */
  readonly ruleSet?: RuleSet;
  /** A finance system's headers and names of values, mapped onto the layout. */
  readonly mapping?: TableMapping;
}

/** A column found in a table: where it is, what it is, and the names its values are read by. */
interface Placed {
  readonly index: number;
  readonly column: Column;
  readonly names?: ValueNames;
}

/** A table whose headers were understood. */
interface Mapped {
  readonly prefix: string;
  readonly layout: Layout;
  readonly placed: readonly Placed[];
  readonly byKey: ReadonlyMap<string, Placed>;
  readonly header: RawRow;
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

/** What one table gives: its records' columns, problems that stop the file, or why it holds no records. */
type TableResult =
  | { readonly mapped: Mapped; readonly notices: readonly Notice[] }
  | { readonly issues: InputIssue[] }
  | { readonly notice: Notice }
  | { readonly skipped: true };

const issue = (path: string, code: string, message: string, zh: string): InputIssue => ({ path, code, message, zh });

/** How many rows above the header a sheet may have (titles, the unit line, a date line) before the header is looked for no more. */
const HEADER_SEARCH = 12;
/** How far down a header below {@link HEADER_SEARCH} is still found (and refused) in a sheet that is not read otherwise. */
const LOW_HEADER_SEARCH = 1_000;

/**
 * The cases (or ledger rows) of some tables, each table laid out as docs/files.md says. The kind of a
 * table is given (`ledger`), or taken from the sheet's name, its `kind` column, or its columns. The header row
 * is the first row that names the layout's columns: title rows above it are skipped, and so are total rows
 * (合计, 小计), signature lines (填表人：) and columns that hold no field (序号, 备注) — each said in a notice, with
 * every figure read in a form the contract does not write (`1,234.50`, `１２３`), per column. A sheet that holds
 * no records of a known kind is named in a notice; a file that holds none at all is refused.
 *
 * @throws InvalidInputError listing every header problem of every table (an unknown or missing column, a
 * value without a header, a kind it cannot tell, a unit a header contradicts), or saying that the file holds
 * no records. With `programme`, its kinds and the columns of the fields its domains add are read too.
 */
export function tableSource(tables: readonly RawTable[], options: TableOptions): CaseSource {
  const fatal: InputIssue[] = [];
  const said: Notice[] = [...(options.notices ?? [])];
  const mapped: Mapped[] = [];
  for (const table of tables) {
    const result = mapTable(table, options);
    if ("skipped" in result) continue;
    if ("issues" in result) fatal.push(...result.issues);
    else if ("notice" in result) said.push(result.notice);
    else {
      mapped.push(result.mapped);
      said.push(...result.notices);
    }
  }
  if (fatal.length > 0) throw new InvalidInputError(fatal);
  const cases: unknown[] = [];
  const issues: SourceIssue[] = [];
  const places: Place[] = [];
  for (const table of mapped) {
    const before = cases.length;
    const { rows, notices } = dataRows(table);
    said.push(...notices);
    const forms = new Map<number, Map<Form, number>>();
    for (const group of groups(table, rows)) {
      const built = buildRecord(table, group, cases.length, forms);
      cases.push(built.value);
      issues.push(...built.issues);
      places.push({ table, row: group[0]?.number ?? 0, listRows: built.listRows });
    }
    said.push(...formNotices(table, forms));
    if (cases.length === before)
      said.push({
        where: table.prefix,
        code: "no-rows",
        message: `holds no ${table.layout.kind === "ledger" ? "payment rows" : "cases"}: it has a header row but no rows of values below it`,
        zh: "只有表头，没有数据行",
      });
  }
  if (cases.length === 0) throw noRecords(options.file ?? tables[0]?.file ?? "", options.layout?.kind, said);
  return {
    format: options.format,
    cases,
    issues,
    where: (index, path) => whereIn(places[index], path),
    notices: said,
    places: places.map((place) => ({
      row: place.row,
      ...(place.table.sheet === undefined ? {} : { sheet: place.table.sheet }),
    })),
  };
}

/**
 * How many records {@link tableSource} builds from `tables`, counted without building them (a ledger over the
 * in-memory limit is refused before a million row objects are made); undefined when a table has a problem
 * that `tableSource` reports first.
 */
export function recordCount(tables: readonly RawTable[], options: TableOptions): number | undefined {
  let count = 0;
  for (const table of tables) {
    const result = mapTable(table, options);
    if ("skipped" in result) continue;
    if ("issues" in result) return undefined;
    if ("notice" in result) continue;
    count += groups(result.mapped, dataRows(result.mapped).rows).length;
  }
  return count;
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
    ...notices
      .filter((notice) => notice.code === undefined || notice.code === "not-read" || notice.code === "no-rows")
      .map((notice) => ({ path: notice.where, code: "not-read", message: notice.message, zh: notice.zh })),
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
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** The layouts a table may hold: the one given, or the programme's case kinds. */
function candidateLayouts(options: TableOptions): readonly Layout[] {
  if (options.layout !== undefined) return [options.layout];
  const kind = options.mapping?.kind;
  const named = kind === undefined ? undefined : layoutOf(kind, options.programme);
  return named === undefined ? caseLayoutsOf(options.programme) : [named];
}

/** How many of a row's headers name something of `layout` (a column, a column not read, the example flag). */
function known(layout: Layout, headers: readonly string[], mapping: HeaderMapping | undefined): number {
  return headers.filter((text) => text !== "" && matchHeader(layout, text, mapping) !== undefined).length;
}

/**
 * The header row: the first of the table's first rows most of whose cells (and at least two, or its only one) name
 * columns of one of the layouts; rows above it are titles. Without such a row, the first row (whose unknown headers
 * are then said).
 */
function headerRow(rows: readonly RawRow[], layouts: readonly Layout[], mapping: HeaderMapping | undefined): number {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH); index += 1) {
    const headers = (rows[index]?.cells ?? []).map(headerText);
    const filled = headers.filter((text) => text !== "").length;
    const best = Math.max(0, ...layouts.map((layout) => known(layout, headers, mapping)));
    if ((best >= 2 || (best === 1 && filled === 1)) && best * 2 > filled) return index;
  }
  return 0;
}

function mapTable(table: RawTable, options: TableOptions): TableResult {
  const prefix = prefixOf(table);
  const sheet = table.sheet !== undefined;
  const mapping = options.mapping?.columns;
  if (table.rows.length === 0)
    return sheet
      ? { notice: { where: prefix, code: "not-read", message: "is empty", zh: "是空表" } }
      : {
          issues: [
            issue(prefix, "empty-file", "is empty: it has no header row and no rows", "是空文件：没有表头也没有数据"),
          ],
        };
  const layouts = candidateLayouts(options);
  const at = headerRow(table.rows, layouts, mapping);
  const header = table.rows[at] as RawRow;
  const data = table.rows.slice(at + 1);
  const titles = table.rows.slice(0, at);
  const headers = header.cells.map(headerText);
  const given = options.layout?.kind ?? options.mapping?.kind;
  const kind = given ?? kindOf(table, headers, data, caseLayoutsOf(options.programme), mapping);
  // Looked for only where the sheet would not be read otherwise: it scans every row.
  const low = () => headerBelowSearch(table.rows, layouts, mapping);
  if (table.notes === true) {
    const named = typeof kind === "string" ? (options.layout ?? layoutOf(kind, options.programme)) : undefined;
    const held =
      named !== undefined && data.some(isFilledRow) && mostlyOf(named, headers, mapping)
        ? { layout: named, rows: data.filter(isFilledRow).length }
        : (heldRows(table.rows, named === undefined ? layouts : [named], mapping) ?? low());
    if (held === undefined) return { skipped: true };
    const { layout, rows } = held;
    return {
      issues: [
        issue(
          prefix,
          "notes-sheet-holds-cases",
          `is a notes sheet (by its name), but it holds ${rows} row${rows === 1 ? "" : "s"} under a header of ${layout.kind === "ledger" ? "a payment ledger" : layout.zhName}: notes sheets are not read, so move the rows to a sheet of their own (or rename this one)`,
          `按名称是说明表，但表头下有 ${rows} 行${layout.kind === "ledger" ? "台账" : layout.zhName}记录：说明表不会被读取，请把这些行移到单独的工作表（或为本表改名）`,
        ),
      ],
    };
  }
  const notRead =
    typeof kind === "object" || (options.layout !== undefined && !mostlyOf(options.layout, headers, mapping));
  const below = notRead ? low() : undefined;
  if (below !== undefined) return { issues: [headerTooLow(prefix, below)] };
  if (typeof kind === "object")
    return sheet
      ? {
          notice: {
            where: prefix,
            code: "not-read",
            message: `not read: it holds no cases of a known kind (${kind.problem})`,
            zh: `未读取：不含已知类型的案件`,
          },
        }
      : {
          issues: [
            issue(prefix, "unknown-kind", kind.problem, "无法判断表中案件的类型：请加“类型”列，或按类型命名工作表"),
          ],
        };
  const layout = options.layout ?? layoutOf(kind, options.programme);
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
  if (sheet && options.layout !== undefined && !mostlyOf(layout, headers, mapping))
    return {
      notice: {
        where: prefix,
        code: "not-read",
        message: `not read: its header row does not name the columns of ${layout.kind === "ledger" ? "a payment ledger" : layout.zhName} (${layout.columns
          .filter((candidate) => candidate.required)
          .map((candidate) => candidate.zh)
          .join("、")})`,
        zh: `未读取：表头不是${layout.zhName}的列`,
      },
    };
  const where = (index: number, text?: string) =>
    `${prefix} › row ${header.number} › ${text === undefined ? "" : `"${echoText(text)}" `}(column ${columnLetter(index)})`;
  const placement = placeColumns(layout, headers, where, options);
  const { placed, byKey, example, issues } = placement;
  for (const row of data) {
    const kind = rowKind(row, layout, byKey);
    if (kind !== undefined) SKIPPED.set(row, kind);
  }
  issues.push(...valuesWithoutHeader(prefix, headers, data));
  issues.push(...mergedAmounts(prefix, layout, placed, table.fills ?? []));
  const listUsed = placed.some((p) => p.column.perRow) || layout.list === "items";
  for (const wanted of layout.columns) {
    if (wanted.required && !byKey.has(wanted.key) && (!wanted.perRow || listUsed)) {
      issues.push(
        issue(
          `${prefix} › row ${header.number}`,
          "missing-column",
          `lacks the required column ${wanted.key} (${wanted.zh}); add a column headed "${templateHeader(wanted)}"${titleHint(titles, header)}`,
          `缺少必填列 ${wanted.zh}（${wanted.key}）：请添加表头为 “${templateHeader(wanted)}” 的列`,
        ),
      );
    }
  }
  if (issues.length > 0) return { issues };
  const notices = [...titleNotices(prefix, titles, header), ...placement.notices];
  return {
    mapped: {
      prefix,
      layout,
      placed,
      byKey,
      header,
      data,
      context: table.date1904 === true ? { date1904: true } : {},
      ...(example === undefined ? {} : { example }),
      ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
    },
    notices,
  };
}

/**
 * A header row of one of the layouts below the rows searched for the header (HEADER_SEARCH), with rows of values
 * under it: its table would otherwise be "not read" (a notice) and its records dropped.
 */
function headerBelowSearch(
  rows: readonly RawRow[],
  layouts: readonly Layout[],
  mapping: HeaderMapping | undefined,
): { layout: Layout; rows: number; row: number } | undefined {
  for (let index = HEADER_SEARCH; index < Math.min(rows.length, LOW_HEADER_SEARCH); index += 1) {
    const headers = (rows[index]?.cells ?? []).map(headerText);
    const filled = headers.filter((text) => text !== "").length;
    if (filled < 2) continue;
    const layout = layouts.find((candidate) => {
      const count = known(candidate, headers, mapping);
      return count >= 2 && count * 2 > filled;
    });
    if (layout === undefined) continue;
    const below = rows.slice(index + 1).filter(isFilledRow).length;
    if (below > 0) return { layout, rows: below, row: rows[index]?.number ?? index + 1 };
  }
  return undefined;
}

function headerTooLow(prefix: string, low: { layout: Layout; rows: number; row: number }): InputIssue {
  const what = low.layout.kind === "ledger" ? "a payment ledger" : low.layout.zhName;
  const zhWhat = low.layout.kind === "ledger" ? "台账" : low.layout.zhName;
  return issue(
    prefix,
    "header-too-low",
    `holds ${low.rows} row${low.rows === 1 ? "" : "s"} under a header of ${what} on row ${low.row}, but the header row must be one of the first ${HEADER_SEARCH} rows (the rows above it are read as a title): delete title or blank rows above it so that its rows are read, not dropped`,
    `第 ${low.row} 行是${zhWhat}的表头，其下有 ${low.rows} 行记录，但表头须在前 ${HEADER_SEARCH} 行之内（其上各行视为标题）：请删去表头上方的标题行或空行，使这些记录得以读取，而不是被略去`,
  );
}

/** A row's text as a notice quotes it: its cells joined, cut short. */
function rowText(row: RawRow): string {
  return echoText(
    row.cells
      .map(headerText)
      .filter((text) => text !== "")
      .join(" "),
    60,
  );
}

/** The rows above the header row, said once: a title is not data, and nothing in it is read. */
function titleNotices(prefix: string, titles: readonly RawRow[], header: RawRow): Notice[] {
  if (titles.length === 0) return [];
  const rows = titles.map((row) => row.number);
  const list = rows.length === 1 ? `row ${rows[0]}` : `rows ${rows[0]}–${rows[rows.length - 1]}`;
  const quoted = titles.map((row) => `"${rowText(row)}"`).join(", ");
  return [
    {
      where: prefix,
      code: "title-rows",
      message: `${list} (${quoted}) above the header row ${header.number}: read as the sheet's title, not as data`,
      zh: `第 ${rows.join("、")} 行（${quoted}）在表头（第 ${header.number} 行）之上：视为表格标题，不作数据读取`,
    },
  ];
}

/** When columns are missing and the first row is not the header, what the header row was taken to be. */
function titleHint(titles: readonly RawRow[], header: RawRow): string {
  return titles.length === 0 ? "" : ` (row ${header.number} was taken as the header row, the rows above as a title)`;
}

/**
 * A notes sheet's rows of records: the first of its first rows that names at least two distinct columns of one of
 * the layouts (however many other headers it has, and wherever it stands below a title), with filled rows below it.
 * A notes sheet's own lines name one column each (`B 企业编号 id …`), so they are not taken for a header.
 */
function heldRows(
  rows: readonly RawRow[],
  layouts: readonly Layout[],
  mapping: HeaderMapping | undefined,
): { layout: Layout; rows: number } | undefined {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH); index += 1) {
    const headers = (rows[index]?.cells ?? []).map(headerText).filter((text) => text !== "");
    const below = rows.slice(index + 1).filter(isFilledRow).length;
    if (below === 0) return undefined;
    for (const layout of layouts) {
      const columns = new Set(
        headers.flatMap((text) => {
          const match = matchHeader(layout, text, mapping);
          return match !== undefined && "column" in match ? [match.column.key] : [];
        }),
      );
      if (columns.size >= 2) return { layout, rows: below };
    }
  }
  return undefined;
}

function isFilledRow(row: RawRow): boolean {
  return row.cells.some(isFilled);
}

/** More than half of a sheet's headers are columns of `layout` (a sheet of another kind is not read as it). */
function mostlyOf(layout: Layout, headers: readonly string[], mapping: HeaderMapping | undefined): boolean {
  const present = headers.filter((text) => text !== "");
  return known(layout, headers, mapping) > present.length / 2;
}

/** A value in a column with no header (an empty header cell, or past the last one) is never dropped silently. */
function valuesWithoutHeader(prefix: string, headers: readonly string[], data: readonly RawRow[]): InputIssue[] {
  const found: InputIssue[] = [];
  for (const row of data) {
    for (let index = 0; index < row.cells.length && found.length < ISSUE_LIMIT; index += 1) {
      if ((headers[index] ?? "") !== "" || !isFilled(row.cells[index])) continue;
      if (isSkipped(row)) continue;
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

const IGNORED_TEXT: { readonly [reason in Ignored["ignored"]]: { readonly en: string; readonly zh: string } } = {
  remarks: { en: "remarks", zh: "备注" },
  "row-number": { en: "a row number", zh: "序号" },
  description: { en: "a description", zh: "摘要" },
  "mapped-away": { en: "mapped to no field by the mapping", zh: "映射文件指定不读取" },
};

/** The layout's column under each header, and the names its values are read by; an unknown or repeated header is an issue. */
/**
 * A merge down a column fills every cell below it, which is right for a case's own columns (its id over its item
 * rows) and for names and dates, but would invent money where each row is its own figure: an amount or a
 * quantity of an item, a lease or an exited enterprise, or any amount of a payment ledger (one merged 金额 over
 * two payments would pay both). Such a merge is refused with its range named.
 */
function mergedAmounts(
  prefix: string,
  layout: Layout,
  placed: readonly Placed[],
  fills: readonly MergeFill[],
): InputIssue[] {
  const byIndex = new Map(placed.map((entry) => [entry.index, entry.column]));
  return fills.flatMap((fill) => {
    const column = byIndex.get(fill.column);
    if (column === undefined || (column.type !== "money" && column.type !== "quantity")) return [];
    if (!column.perRow && layout.kind !== "ledger") return [];
    const range = `${columnLetter(fill.column)}${fill.top}:${columnLetter(fill.column)}${fill.bottom}`;
    const each = layout.kind === "ledger" ? "payment" : "entry";
    const eachZh = layout.kind === "ledger" ? "每笔付款" : "每一行";
    return [
      issue(
        `${prefix} › ${range}`,
        "merged-amount",
        `merges one ${column.key} (${column.zh}) over rows ${fill.top}–${fill.bottom}, but each row is its own ${each}: which row the figure belongs to cannot be told, and filling it into every row would count it ${fill.bottom - fill.top + 1} times; unmerge the cells and give each row its own figure`,
        `${range} 把 ${column.zh} 合并到第 ${fill.top}–${fill.bottom} 行，但${eachZh}各有自己的金额：无法判断属于哪一行，填入每一行又会重复计算 ${fill.bottom - fill.top + 1} 次；请取消合并，逐行填写`,
      ),
    ];
  });
}

function placeColumns(
  layout: Layout,
  headers: readonly string[],
  where: (index: number, text?: string) => string,
  options: TableOptions,
): {
  placed: Placed[];
  byKey: Map<string, Placed>;
  example: number | undefined;
  issues: InputIssue[];
  notices: Notice[];
} {
  const placed: Placed[] = [];
  const byKey = new Map<string, Placed>();
  const issues: InputIssue[] = [];
  const notices: Notice[] = [];
  let example: number | undefined;
  headers.forEach((text, index) => {
    if (text === "") return;
    const match: HeaderMatch = matchHeader(layout, text, options.mapping?.columns);
    if (match !== undefined && "ignored" in match) {
      const reason = IGNORED_TEXT[match.ignored];
      notices.push({
        where: where(index, text),
        code: "column-not-read",
        message: `is ${reason.en}: not read`,
        zh: `为${reason.zh}列：不读取`,
      });
      return;
    }
    if (match !== undefined && "example" in match) {
      example = index;
      return;
    }
    if (match !== undefined && "wrongUnit" in match) {
      issues.push(
        issue(
          where(index, text),
          "header-unit",
          `is in ${match.unit}, but the column ${match.wrongUnit.key} (${match.wrongUnit.zh}) is read in ${unitOf(match.wrongUnit)}: convert the column to ${unitOf(match.wrongUnit)} and head it "${match.wrongUnit.zh}", or the figures would be read ${match.unit === "万元" ? "10,000 times too small" : "in the wrong unit"}`,
          `单位为${match.unit}，而 ${match.wrongUnit.zh} 按${unitOf(match.wrongUnit)}读取：请将该列换算为${unitOf(match.wrongUnit)}，表头写为“${match.wrongUnit.zh}”，否则数值会按错误的单位读取`,
        ),
      );
      return;
    }
    const column = match?.column;
    const twice = column === undefined ? undefined : byKey.get(column.key);
    if (column === undefined) {
      issues.push(
        issue(
          where(index, text),
          "not-a-column",
          `is not a column of ${layout.kind}${suggestion(layout, text)}; the columns are listed in the template's 说明 sheet and in docs/files.md${options.mapping === undefined ? "" : " (the mapping names no field for it)"}`,
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
      const names = namesFor(column, options);
      const one = { index, column, ...(names === undefined ? {} : { names }) };
      byKey.set(column.key, one);
      placed.push(one);
    }
  });
  return { placed, byKey, example, issues, notices };
}

function unitOf(column: Column): string {
  return column.unit !== "" ? column.unit : (/\(([^()]*)\)$/.exec(column.zh)?.[1] ?? "");
}

/** The names an enumerated column's values are read by: its own, the rule set's keys and aliases, the mapping's. */
function namesFor(column: Column, options: TableOptions): ValueNames | undefined {
  if (column.type !== "enum" && column.type !== "structure-type" && column.type !== "boolean") return undefined;
  const extra = new Map<string, string>();
  if (column.keysOf !== undefined)
    for (const [name, key] of keyNames(options.ruleSet ?? defaultRuleSet, column.keysOf)) extra.set(name, key);
  const mapped = options.mapping?.values.get(column.key);
  if (mapped === undefined && extra.size === 0) return undefined;
  const names = valueNames(column, extra);
  if (mapped === undefined) return names;
  // The mapping's names win: it says what this finance system means by them.
  const merged = new Map(names);
  for (const [name, value] of mapped) merged.set(name, value);
  return merged;
}

function suggestion(layout: Layout, text: string): string {
  if (text.length > SUGGEST_LIMIT) return "";
  const lower = text.toLowerCase();
  const close = layout.columns.find(
    (candidate) =>
      candidate.key.toLowerCase().includes(lower) ||
      lower.includes(candidate.key.toLowerCase()) ||
      candidate.zh.includes(text),
  );
  return close === undefined ? "" : ` (did you mean ${templateHeader(close)}?)`;
}

/** The kind of a table: its sheet's name, else its `kind` column, else the only kind whose columns it has. */
function kindOf(
  table: RawTable,
  headers: readonly string[],
  data: readonly RawRow[],
  layouts: readonly Layout[],
  mapping: HeaderMapping | undefined,
): Layout["kind"] | { problem: string } {
  const named = layouts.find(
    (layout) =>
      table.sheet !== undefined && (table.sheet.trim() === layout.kind || table.sheet.trim() === layout.zhName),
  );
  if (named !== undefined) return named.kind;
  const isKind = (text: string) => {
    const match = matchHeader(LAYOUTS["enterprise-exit"], text, mapping);
    return match !== undefined && "column" in match && match.column === KIND_COLUMN;
  };
  const kindIndex = headers.findIndex(isKind);
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
    const [one] = kinds;
    if (one !== undefined) return one;
  }
  const present = headers.filter((text) => {
    if (text === "") return false;
    const match = matchHeader(LAYOUTS["enterprise-exit"], text, mapping);
    return match === undefined || !("example" in match || "ignored" in match);
  });
  const matched = layouts.map((layout) => ({
    layout,
    count: present.filter((text) => matchHeader(layout, text, mapping) !== undefined).length,
  }));
  const complete = (layout: Layout) =>
    layout.columns.every(
      (wanted) =>
        !wanted.required ||
        wanted.perRow ||
        present.some((text) => {
          const match = matchHeader(layout, text, mapping);
          return match !== undefined && "column" in match && match.column === wanted;
        }),
    );
  const all = matched.filter((entry) => entry.count === present.length && present.length > 0);
  const full = all.filter(({ layout }) => complete(layout));
  const best = Math.max(...matched.map((entry) => entry.count));
  const closest = matched.filter((entry) => entry.count === best && best > present.length / 2);
  for (const candidates of [all, full, closest])
    if (candidates.length === 1 && candidates[0] !== undefined) return candidates[0].layout.kind;
  return {
    problem:
      "cannot tell which kind of case it holds: add a kind (类型) column, name the sheet after the kind (enterprise-exit, structure-clearance, village-compensation, township-transfer), or start from `exitfund template <kind>`",
  };
}

/** Rows that are read as no record, and why. */
const SKIPPED = new WeakMap<RawRow, "total" | "subtotal" | "footer">();

function isSkipped(row: RawRow): boolean {
  return SKIPPED.has(row);
}

/** The label of a total row: 合计, 总计, 小计, 本页合计, 台湖镇小计, … */
const TOTAL = /^(合计|总计|共计|总合计|本页合计|累计|total|grandtotal|sum)[:：]?$|合计[:：]?$|总计[:：]?$/;
const SUBTOTAL = /^(小计|本页小计|subtotal)[:：]?$|小计[:：]?$/;
/** A signature or note line below a table: 填表人：, 审核人：, 制表日期：, 注：… */
const FOOTER =
  /^(填表人|填报人|制表人|制表|审核人|审核|审批人|复核人|复核|负责人|单位负责人|分管领导|主管领导|经办人|联系人|联系电话|电话|填报单位|填表单位|填报日期|填表日期|制表日期|日期|单位\(盖章\)|\(盖章\)|盖章|签字|注|说明|备注)[:：]/;

/** What a row is when its record's id is empty: a total, a subtotal, a footer line, or a record. */
function rowKind(
  row: RawRow,
  layout: Layout,
  byKey: ReadonlyMap<string, Placed>,
): "total" | "subtotal" | "footer" | undefined {
  const idColumn = byKey.get(layout.kind === "ledger" ? "caseId" : "id");
  const texts = row.cells
    .map((cell, index) => ({ index, text: typeof cell === "string" ? nameKey(cell) : "" }))
    .filter((cell) => cell.text !== "");
  const id = idColumn === undefined ? undefined : row.cells[idColumn.index];
  const idText = typeof id === "string" ? nameKey(id) : "";
  const idFilled = isFilled(id);
  if (idFilled && !TOTAL.test(idText) && !SUBTOTAL.test(idText) && !FOOTER.test(idText)) return undefined;
  if (texts.some((cell) => SUBTOTAL.test(cell.text))) return "subtotal";
  if (texts.some((cell) => TOTAL.test(cell.text))) return "total";
  const filled = row.cells.filter(isFilled).length;
  if (filled > 0 && texts.length === filled && texts.every((cell) => FOOTER.test(cell.text))) return "footer";
  return undefined;
}

/**
 * The rows that hold records: without the total rows (合计, 小计) and the signature lines below a table, each said
 * in a notice — a total row with whether its amounts equal the sum of the rows it totals.
 */
function dataRows(table: Mapped): { rows: RawRow[]; notices: Notice[] } {
  const rows: RawRow[] = [];
  const notices: Notice[] = [];
  const footers: number[] = [];
  let sinceSubtotal: RawRow[] = [];
  for (const row of table.data) {
    const kind = SKIPPED.get(row);
    if (kind === undefined) {
      rows.push(row);
      sinceSubtotal.push(row);
      continue;
    }
    if (kind === "footer") footers.push(row.number);
    else {
      notices.push(totalNotice(table, row, kind, kind === "subtotal" ? sinceSubtotal : rows));
      if (kind === "subtotal") sinceSubtotal = [];
    }
  }
  if (footers.length > 0)
    notices.push({
      where: table.prefix,
      code: "footer-rows",
      message: `row${footers.length === 1 ? "" : "s"} ${footers.join(", ")} (signature and note lines such as 填表人：) not read as data`,
      zh: `第 ${footers.join("、")} 行为签字、备注等表尾行（如“填表人：”）：不作数据读取`,
    });
  return { rows, notices };
}

/** A total row said: not read, and whether each amount it shows equals the sum of the rows it totals. */
function totalNotice(table: Mapped, row: RawRow, kind: "total" | "subtotal", above: readonly RawRow[]): Notice {
  const label = kind === "total" ? "合计" : "小计";
  const checks: { en: string; zh: string }[] = [];
  for (const placed of table.placed) {
    if (placed.column.type !== "money" || (table.layout.list !== undefined && !placed.column.perRow)) continue;
    const shown = readCell(row.cells[placed.index], placed.column, table.context);
    if (shown?.ok !== true || !isDecimal(shown.value)) continue;
    let sum = new Dec(0);
    for (const data of above) {
      const cell = readCell(data.cells[placed.index], placed.column, table.context);
      if (cell?.ok === true && isDecimal(cell.value)) sum = sum.plus(cell.value as string);
    }
    const total = new Dec(shown.value as string);
    const name = `${placed.column.zh} ${formatAmount(total.toFixed())}`;
    checks.push(
      total.equals(sum)
        ? { en: `its ${name} equals the sum of the rows`, zh: `${name} 与各行之和相符` }
        : {
            en: `its ${name} does NOT equal the sum of the rows, ${formatAmount(sum.toFixed())}: check for a missing, extra or changed row`,
            zh: `${name} 与各行之和 ${formatAmount(sum.toFixed())} 不符：请检查是否缺行、多行或数值有改动`,
          },
    );
  }
  return {
    where: `${table.prefix} › row ${row.number}`,
    code: kind === "total" ? "total-row" : "subtotal-row",
    message: `is a ${kind} row (${label}): not read as a record${checks.length === 0 ? "" : `; ${checks.map((check) => check.en).join("; ")}`}`,
    zh: `为${label}行：不作数据读取${checks.length === 0 ? "" : `；${checks.map((check) => check.zh).join("；")}`}`,
  };
}

function isDecimal(value: unknown): boolean {
  return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value);
}

/**
 * The rows of each record: one row each, or for a kind with a list the rows that share an id, in order;
 * a row whose id is empty continues the case of the row above.
 */
function groups(table: Mapped, data: readonly RawRow[]): RawRow[][] {
  const rows = data.filter(
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

/**
 * A value of the column's type, used only to check the rest of a case whose cell could not be read (so a bad cell
 * does not hide the problems of the case's other rows); the case itself is never computed.
 */
function placeholderOf(column: Column): unknown {
  switch (column.type) {
    case "money":
    case "quantity":
      return "0";
    case "count":
      return 0;
    case "year":
      return 2000;
    case "date":
      return "2000-01-01";
    case "boolean":
      return false;
    case "enum":
      return column.values?.[0]?.value ?? "?";
    case "text":
    case "structure-type":
      return "?";
  }
}

/** One case (or ledger row) from its rows; every cell that cannot be read is an issue, and the record is marked. */
function buildRecord(
  table: Mapped,
  rows: readonly RawRow[],
  index: number,
  forms: Map<number, Map<Form, number>>,
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
      const context = placed.names === undefined ? table.context : { ...table.context, names: placed.names };
      const cell = readCell(row.cells[placed.index], column, context);
      if (cell === undefined) continue;
      // A list entry's field is its path inside the entry (`survey.quantity` of `items.survey.quantity`).
      const field = column.perRow ? column.key.slice(column.key.indexOf(".") + 1) : column.key;
      entryUsed ||= column.perRow;
      let problem: { message: string; zh?: string; code?: string } | undefined;
      let disagreement = false;
      if (!cell.ok) problem = cell;
      else {
        count(forms, placed.index, cell.forms);
        if (column.perRow) setPath(entry, field, cell.value);
        else {
          problem = ownValue(layout, value, firstRows, column, row.number, cell.value);
          disagreement = problem !== undefined && column.key !== "kind";
        }
      }
      if (problem === undefined) continue;
      const path = column.perRow ? `${layout.list ?? ""}[${entries.length}].${field}` : field;
      issues.push({
        index,
        path,
        where: `${table.prefix} › row ${row.number} › ${column.zh} (column ${columnLetter(placed.index)})`,
        message: problem.message,
        ...(problem.zh === undefined ? {} : { zh: problem.zh }),
        ...(problem.code === undefined ? {} : { code: problem.code }),
        ...(disagreement ? { replacesSchemaIssue: false } : { placeholder: placeholderOf(column) }),
      });
    }
    if (entryUsed) {
      for (const object of layout.alwaysObjects ?? []) if (entry[object] === undefined) entry[object] = {};
      entries.push(entry);
      listRows.push(row.number);
    }
  }
  if (layout.list !== undefined) value[layout.list] = entries;
  const exampleIssue = templateExample(table, rows, firstRows, index);
  if (exampleIssue !== undefined) issues.push(exampleIssue);
  if (issues.length > 0) value[UNREADABLE] = true;
  return { value, issues, listRows };
}

/**
 * The record is the template's example: a row flagged in its 示例 column, or an id (a ledger row's case id) that
 * starts with 示例 (`示例-E-2016-0001`), which still marks the example once the flag column is cleared or deleted.
 * Said once per record, at the flag when there is one (with the id, when it marks the example too), else at the id.
 */
function templateExample(
  table: Mapped,
  rows: readonly RawRow[],
  firstRows: ReadonlyMap<string, { row: number; value: unknown }>,
  index: number,
): SourceIssue | undefined {
  const { example, layout } = table;
  const flagged = example === undefined ? undefined : rows.find((row) => isFilled(row.cells[example]));
  const idKey = layout.kind === "ledger" ? "caseId" : "id";
  const idPlaced = table.byKey.get(idKey);
  const id = firstRows.get(idKey);
  const marked =
    idPlaced !== undefined && id !== undefined && typeof id.value === "string" && isExampleId(id.value)
      ? { row: id.row, value: id.value, column: idPlaced }
      : undefined;
  const what =
    layout.kind === "ledger"
      ? {
          en: "payment",
          zh: "付款记录",
          id: "case id",
          a: "a case id",
          idZh: "案件编号",
          own: "the id of the case it pays",
          ownZh: "填写所付案件的编号",
        }
      : {
          en: "case",
          zh: "案件",
          id: "id",
          a: "an id",
          idZh: "编号",
          own: "an id of its own",
          ownZh: "改用自己的编号",
        };
  const then = {
    en: "delete the example rows, then fill in your own below the header (nothing is computed until they are gone)",
    zh: "请删除示例行，再在表头下填写自己的数据（删除前不作任何计算）",
  };
  if (flagged !== undefined && example !== undefined) {
    const also =
      marked === undefined
        ? { en: "", zh: "" }
        : {
            en: `; its ${marked.column.column.key} ${echo(marked.value)} in column ${columnLetter(marked.column.index)} marks it too`,
            zh: `；${columnLetter(marked.column.index)} 列${marked.column.column.zh} ${echo(marked.value)} 也以“示例”开头`,
          };
    return {
      index,
      path: "",
      where: `${table.prefix} › row ${flagged.number} › 示例 (column ${columnLetter(example)})`,
      code: "template-example",
      message: `is the template's example (marked 示例${also.en}), not a real ${what.en}: ${then.en}`,
      zh: `这是模板自带的示例行（标有“示例”${also.zh}），不是真实${what.zh}：${then.zh}`,
    };
  }
  if (marked === undefined) return undefined;
  const { column, index: at } = marked.column;
  return {
    index,
    path: "",
    where: `${table.prefix} › row ${marked.row} › ${column.zh} (column ${columnLetter(at)})`,
    code: "template-example",
    message: `is ${echo(marked.value)}, the ${what.id} of the template's example (${what.a} that starts with 示例 marks it, even with its 示例 flag cleared or its column deleted), not a real ${what.en}: ${then.en}; a row kept as a real ${what.en} needs ${what.own}`,
    zh: `为 ${echo(marked.value)}，是模板自带示例的${what.idZh}（以“示例”开头的${what.idZh}即标明示例行，即使“示例”列已清空或删除），不是真实${what.zh}：${then.zh}；改作真实${what.zh}的行须${what.ownZh}`,
  };
}

function count(forms: Map<number, Map<Form, number>>, column: number, found: readonly Form[] | undefined): void {
  if (found === undefined) return;
  const counts = forms.get(column) ?? new Map<Form, number>();
  for (const form of found) counts.set(form, (counts.get(form) ?? 0) + 1);
  forms.set(column, counts);
}

const FORM_TEXT: { readonly [form in Form]: { readonly en: string; readonly zh: string } } = {
  thousands: { en: "with thousands separators (1,234.50)", zh: "带千分位分隔符（1,234.50）" },
  "full-width": { en: "in full-width characters (１２３．５)", zh: "为全角字符（１２３．５）" },
  currency: { en: "with ¥ or 元", zh: "带 ¥ 或“元”" },
  percent: { en: "as percentages (70% → 0.7)", zh: "为百分数（70% 即 0.7）" },
  "compact-date": { en: "as dates without separators (20160701)", zh: "为无分隔符的日期（20160701）" },
  "time-dropped": { en: "as dates with a time of day, which is dropped", zh: "为带时刻的日期（时刻不计）" },
  unit: { en: "with the unit after the figure (2017年)", zh: "数字后带单位（2017年）" },
};

/** One notice per column whose cells were written in forms the contract does not write, with how many of each. */
function formNotices(table: Mapped, forms: ReadonlyMap<number, ReadonlyMap<Form, number>>): Notice[] {
  return [...forms]
    .sort(([a], [b]) => a - b)
    .map(([index, counts]) => {
      const column = table.placed.find((placed) => placed.index === index)?.column;
      const parts = [...counts].map(([form, n]) => ({ n, text: FORM_TEXT[form] }));
      return {
        where: `${table.prefix} › ${column?.zh ?? ""} (column ${columnLetter(index)})`,
        code: "values-normalised",
        message: `${parts.map((part, at) => `${part.n.toLocaleString("en-US")}${at === 0 ? ` cell${part.n === 1 ? "" : "s"}` : ""} ${part.text.en}`).join(", ")}: read as ${column?.type === "date" ? "the dates they show" : "the figures they show"}`,
        zh: `${parts.map((part) => `${part.n} 个单元格${part.text.zh}`).join("，")}：已按所示${column?.type === "date" ? "日期" : "数值"}读取`,
      };
    });
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
): { message: string; zh: string; code: string } | undefined {
  if (column.key === "kind")
    return cell === layout.kind
      ? undefined
      : {
          code: "kind-mismatch",
          message: `is ${echo(cell)}, but this sheet holds ${layout.kind} cases: put each kind on its own sheet or in its own file`,
          zh: `为 ${echo(cell)}，而本表为 ${layout.zhName}：不同类型请分表或分文件`,
        };
  const first = firstRows.get(column.key);
  if (first === undefined) {
    firstRows.set(column.key, { row, value: cell });
    setPath(value, column.key, cell);
    return undefined;
  }
  if (sameValue(first.value, cell)) return undefined;
  return {
    code: "rows-disagree",
    message: `is ${echo(cell)} here but ${echo(first.value)} in row ${first.row} of the same case ${echo(value.id)}: the case's own columns must be the same on each of its rows (or left empty after its first row)`,
    zh: `此处为 ${echo(cell)}，而同一案件 ${echo(value.id)} 第 ${first.row} 行为 ${echo(first.value)}：案件本身的各列在各行须相同（或在第一行之后留空）`,
  };
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
