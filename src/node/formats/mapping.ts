import * as z from "zod";
import { describeValue, describeValueZh, echo, knownList } from "../../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { keyNames } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import { defaultRuleSet } from "../../rule-sets/index.js";
import type { Programme } from "../../rules/programme.js";
import { zodIssues } from "../../schemas/issues.js";
import { nameKey } from "../../vocabulary.js";
import { valueNames } from "./cells.js";
import { LAYOUTS, caseLayoutsOf, layoutOf, matchHeader, type Column, type Layout } from "./columns.js";
import type { CaseSource } from "./source.js";
import { tableSource, type RawTable, type TableMapping } from "./table.js";

/**
 * 映射 · a finance system's export mapped onto exitfund's columns (`audit --ledger-map`, `compute --map`;
 * docs/files.md, "Ledgers from finance systems"): which header fills which field, and what its names of values
 * mean. Written as JSON, or as a workbook with a 列 sheet (表头 → 字段) and a 取值 sheet (字段, 原值 → 取值).
 */
export const MappingSchema = z.strictObject({
  $schema: z.string().optional(),
  note: z.string().optional(),
  kind: z
    .string({ error: 'must be the kind the mapped sheets hold, e.g. "ledger" or "structure-clearance"' })
    .optional(),
  columns: z.record(
    z.string(),
    z.union([z.string(), z.null()], {
      error: 'must name the field the column fills (e.g. "caseId" or "案件编号"), or be null for a column not read',
    }),
    { error: 'must be an object { "<the export\'s header>": "<field>" }' },
  ),
  values: z
    .record(
      z.string(),
      z.record(z.string(), z.string({ error: 'must be the value meant, e.g. "municipal"' }), {
        error: 'must be an object { "<the export\'s name>": "<value>" }',
      }),
      { error: 'must be an object { "<field>": { "<the export\'s name>": "<value>" } }' },
    )
    .optional(),
});

/** A mapping as written, before it is checked against a layout. */
export type MappingJson = z.output<typeof MappingSchema>;

/** One entry of a mapping, with where it was written (a JSON path, or a sheet's row and column). */
interface Entry {
  readonly text: string;
  readonly target: string | null;
  readonly where: string;
  readonly field?: string;
}

const issue = (path: string, code: string, message: string, zh: string): InputIssue => ({ path, code, message, zh });

/** The layout a mapping applies to: the one given (`ledger` for `--ledger-map`), else the mapping's `kind`. */
function layoutFor(
  kind: string | undefined,
  given: Layout | undefined,
  programme: Programme | undefined,
  where: string,
): { layout?: Layout; issues: InputIssue[] } {
  if (given !== undefined) {
    if (kind !== undefined && kind !== given.kind)
      return {
        issues: [
          issue(
            where,
            "mapping-kind",
            `maps sheets of ${echo(kind)}, but it is given for ${given.kind} (--ledger-map maps a ledger; --map the cases)`,
            `映射的类型为 ${echo(kind)}，但用于 ${given.zhName}`,
          ),
        ],
      };
    return { layout: given, issues: [] };
  }
  if (kind === undefined) return { issues: [] };
  const layout = layoutOf(kind, programme);
  if (layout !== undefined && kind !== "ledger") return { layout, issues: [] };
  const kinds = caseLayoutsOf(programme).map((one) => one.kind);
  return {
    issues: [
      issue(
        where,
        "unknown-kind",
        `names no kind of case ${echo(kind)}; known: ${knownList(kinds)}`,
        `案件类型 ${echo(kind)} 不存在；可用：${knownList(kinds, undefined, "、")}`,
      ),
    ],
  };
}

/** The column a mapping's target names in `layout` (its key, or any header the layout reads it by). */
function columnNamed(layout: Layout, target: string): Column | undefined {
  const byKey = layout.columns.find((column) => column.key === target);
  if (byKey !== undefined) return byKey;
  const match = matchHeader(layout, target);
  return match !== undefined && "column" in match ? match.column : undefined;
}

/**
 * A mapping checked against its layout: every target names a field, every value a value of its field (for the
 * fields whose values are a rule set's table keys, such as structure types, the rule set's keys). Every
 * problem is listed at once, where it was written.
 */
function checkedMapping(
  kind: string | undefined,
  columns: readonly Entry[],
  values: readonly Entry[],
  options: MappingOptions,
  where: string,
): TableMapping {
  const found = layoutFor(kind, options.layout, options.programme, where);
  const issues = [...found.issues];
  const layouts = found.layout === undefined ? caseLayoutsOf(options.programme) : [found.layout];
  const columnTargets = new Map<string, string | null>();
  for (const entry of columns) {
    if (entry.target === null) {
      columnTargets.set(nameKey(entry.text), null);
      continue;
    }
    const target = entry.target;
    const column = layouts.map((layout) => columnNamed(layout, target)).find((one) => one !== undefined);
    if (column === undefined) {
      const keys = layouts.flatMap((layout) => layout.columns.map((one) => one.key));
      issues.push(
        issue(
          entry.where,
          "mapping-unknown-field",
          `names no field ${echo(target)}${found.layout === undefined ? "" : ` of ${found.layout.kind}`}; the fields: ${knownList([...new Set(keys)])}`,
          `字段 ${echo(target)} 不存在；可用字段：${knownList([...new Set(keys)], undefined, "、")}`,
        ),
      );
    } else columnTargets.set(nameKey(entry.text), column.key);
  }
  const valueTargets = new Map<string, Map<string, string>>();
  for (const entry of values) {
    const field = entry.field ?? "";
    const column = layouts.map((layout) => columnNamed(layout, field)).find((one) => one !== undefined);
    if (
      column === undefined ||
      !(column.type === "enum" || column.type === "boolean" || column.type === "structure-type")
    ) {
      issues.push(
        issue(
          entry.where,
          "mapping-not-enumerated",
          column === undefined
            ? `names no field ${echo(field)}`
            : `${column.key} (${column.zh}) takes any value, not one of a list: only enumerated fields (payer, exitMode, structure types, …) have values to map`,
          column === undefined ? `字段 ${echo(field)} 不存在` : `${column.zh} 不是有固定取值的列，无须映射取值`,
        ),
      );
      continue;
    }
    const value = valueOf(column, entry.target ?? "", options.ruleSet ?? defaultRuleSet);
    if (value === undefined) {
      const accepted = acceptedValues(column, options.ruleSet ?? defaultRuleSet);
      issues.push(
        issue(
          entry.where,
          "mapping-unknown-value",
          `maps ${echo(entry.text)} to ${echo(entry.target)}, which is no value of ${column.key} (${column.zh}); the values: ${knownList(accepted)}`,
          `将 ${echo(entry.text)} 映射为 ${echo(entry.target)}，但它不是 ${column.zh} 的取值；可用取值：${knownList(accepted, undefined, "、")}`,
        ),
      );
      continue;
    }
    const names = valueTargets.get(column.key) ?? new Map<string, string>();
    names.set(nameKey(entry.text), value);
    valueTargets.set(column.key, names);
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return {
    columns: columnTargets,
    values: valueTargets,
    ...(found.layout === undefined || found.layout.kind === "ledger" ? {} : { kind: found.layout.kind }),
  };
}

/** The value a mapping's target names in `column` (its value, or any of its names), or undefined. */
function valueOf(column: Column, target: string, ruleSet: RuleSet): string | undefined {
  const extra = column.keysOf === undefined ? new Map<string, string>() : keyNames(ruleSet, column.keysOf);
  const found = valueNames(column, extra).get(nameKey(target));
  if (typeof found !== "string") return undefined;
  return found;
}

function acceptedValues(column: Column, ruleSet: RuleSet): string[] {
  if (column.type === "boolean") return ["true (是)", "false (否)"];
  if (column.keysOf !== undefined && column.type === "structure-type")
    return [...new Set(keyNames(ruleSet, column.keysOf).values())];
  return (column.values ?? []).map(({ value, zh }) => (zh === "" ? value : `${value} (${zh})`));
}

/** What a mapping is checked against. */
export interface MappingOptions {
  /** The layout it maps onto (the ledger's for `--ledger-map`); otherwise its `kind`, or every case kind. */
  readonly layout?: Layout;
  readonly programme?: Programme;
  /** The rule set whose table keys (structure types) a value may name. */
  readonly ruleSet?: RuleSet;
}

/**
 * A mapping from its JSON: validated by {@link MappingSchema}, then against the layout.
 *
 * @throws InvalidInputError listing every problem at its JSON path (`map.json › columns["借方金额"]`).
 */
export function mappingOfJson(json: unknown, file: string, options: MappingOptions = {}): TableMapping {
  const parsed = MappingSchema.safeParse(json, { reportInput: true });
  if (!parsed.success)
    throw new InvalidInputError(
      zodIssues(parsed.error.issues, [], undefined, MappingSchema).map((one) => ({
        ...one,
        path: `${file}${one.path === "" ? "" : ` › ${one.path}`}`,
      })),
    );
  const { kind } = parsed.data;
  const key = (text: string) => JSON.stringify(text.slice(0, 60));
  // The entries as written: zod's records skip a key "__proto__" (neither checked nor kept), and a header or a name
  // of a value is data, so a "__proto__" is mapped (or refused) like any other.
  const raw = json as { readonly columns: object; readonly values?: object };
  const columns = ownEntries(
    raw.columns,
    `${file} › columns`,
    (target) => typeof target === "string" || target === null,
  );
  const values = ownEntries(raw.values ?? {}, `${file} › values`, isRecordObject).map(
    ([field, names]) =>
      [
        field,
        ownEntries(names as object, `${file} › values[${key(field)}]`, (target) => typeof target === "string"),
      ] as const,
  );
  return checkedMapping(
    kind,
    columns.map(([text, target]) => ({
      text,
      target: target as string | null,
      where: `${file} › columns[${key(text)}]`,
    })),
    values.flatMap(([field, names]) =>
      names.map(([text, target]) => ({
        text,
        target: target as string,
        field,
        where: `${file} › values[${key(field)}][${key(text)}]`,
      })),
    ),
    options,
    file,
  );
}

function isRecordObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The own entries of a record the schema checked, a key "__proto__" among them (which the schema skips): its value is
 * checked here, and refused as the schema refuses any other of the wrong type.
 */
function ownEntries(record: object, where: string, valid: (value: unknown) => boolean): [string, unknown][] {
  const entries = Object.entries(record);
  const wrong = entries.find(([text, value]) => text === "__proto__" && !valid(value));
  if (wrong !== undefined)
    throw new InvalidInputError([
      {
        path: `${where}["__proto__"]`,
        code: "wrong-type",
        message: `is ${describeValue(wrong[1])}, which a mapping does not take here (see docs/files.md, "mappings")`,
        zh: `为${describeValueZh(wrong[1])}，映射此处不接受（见 docs/files.md “映射”）`,
      },
    ]);
  return entries;
}

/** The sheet of a mapping workbook that names its columns: 表头 (the export's header) → 字段 (the field it fills). */
export const MAPPING_COLUMNS_LAYOUT: Layout = {
  kind: "mapping-columns",
  zhName: "列",
  columns: [
    { key: "header", zh: "表头", type: "text", unit: "", required: true, perRow: false, names: ["原表头", "导出表头"] },
    { key: "field", zh: "字段", type: "text", unit: "", required: false, perRow: false, names: ["对应字段", "映射为"] },
  ],
};

/** The sheet of a mapping workbook that names values: 字段, 原值 (the export's name) → 取值 (the value meant). */
export const MAPPING_VALUES_LAYOUT: Layout = {
  kind: "mapping-values",
  zhName: "取值",
  columns: [
    { key: "field", zh: "字段", type: "text", unit: "", required: true, perRow: false },
    { key: "name", zh: "原值", type: "text", unit: "", required: true, perRow: false, names: ["导出取值"] },
    { key: "value", zh: "取值", type: "text", unit: "", required: true, perRow: false, names: ["映射为", "对应取值"] },
  ],
};

/** The sheet of a mapping workbook that names the kind: one cell under 类型. */
const MAPPING_KIND_SHEETS = new Set(["类型", "kind"]);

/**
 * A mapping from a workbook: sheet 列 (or `columns`) with 表头 and 字段 — an empty 字段 for a column not read —,
 * optionally sheet 取值 (or `values`) with 字段, 原值 and 取值, and optionally a cell A2 of sheet 类型 with the kind.
 * Read with the case sheets' readers, so every problem is named at its cell.
 *
 * @throws InvalidInputError listing every problem by sheet, row and column.
 */
export function mappingOfTables(tables: readonly RawTable[], file: string, options: MappingOptions = {}): TableMapping {
  const named = (names: readonly string[]) =>
    tables.find((table) => table.sheet !== undefined && names.includes(table.sheet.trim().toLowerCase()));
  const columnsTable = named(["列", "columns"]);
  if (columnsTable === undefined)
    throw new InvalidInputError([
      issue(
        file,
        "mapping-no-columns",
        "has no sheet 列 (or columns) naming which header fills which field: add one with the columns 表头 and 字段",
        "缺少“列”工作表：请添加含“表头”“字段”两列的工作表",
      ),
    ]);
  const read = (table: RawTable, layout: Layout): CaseSource => tableSource([table], { format: "xlsx", layout, file });
  const columns = entriesOf(read(columnsTable, MAPPING_COLUMNS_LAYOUT), (record) => ({
    text: String(record.header ?? ""),
    target: typeof record.field === "string" ? record.field : null,
  }));
  const valuesTable = named(["取值", "values"]);
  const values =
    valuesTable === undefined
      ? []
      : entriesOf(read(valuesTable, MAPPING_VALUES_LAYOUT), (record) => ({
          text: String(record.name ?? ""),
          target: String(record.value ?? ""),
          field: String(record.field ?? ""),
        }));
  const kindCell = tables.find((table) => table.sheet !== undefined && MAPPING_KIND_SHEETS.has(table.sheet.trim()))
    ?.rows[1]?.cells[0];
  return checkedMapping(
    typeof kindCell === "string" && kindCell.trim() !== "" ? kindCell.trim() : undefined,
    columns,
    values,
    options,
    file,
  );
}

/** The entries of a mapping sheet, each with where it is (its 字段 or 取值 cell, where a problem of it is said). */
function entriesOf(
  source: CaseSource,
  entry: (record: { readonly [key: string]: unknown }) => Omit<Entry, "where">,
): Entry[] {
  if (source.issues.length > 0)
    throw new InvalidInputError(
      source.issues.map((one) => ({
        path: one.where,
        code: one.code ?? "unreadable-cell",
        message: one.message,
        ...(one.zh === undefined ? {} : { zh: one.zh }),
      })),
    );
  return source.cases.map((record, index) => {
    const made = entry(record as { readonly [key: string]: unknown });
    return { ...made, where: source.where(index, made.field === undefined ? "field" : "value") };
  });
}

/** The layout of a ledger, for `--ledger-map`. */
export const LEDGER_LAYOUT: Layout = LAYOUTS.ledger;
