import { echo, knownList } from "../../errors/echo.js";
import { RuleSetError, type InputIssue } from "../../errors/index.js";
import type { AnyParameter } from "../../parameters/handles.js";
import type {
  DatedValueJson,
  ParameterJson,
  ParameterValueJson,
  RuleSet,
  RuleSetJson,
  ScaleJson,
} from "../../parameters/types.js";
import type { Programme } from "../../rules/programme.js";
import { STATUS_LABELS, nameKey } from "../../vocabulary.js";
import { titlesOf } from "../../parameters/title.js";
import { newWorkbook, type DataValidation, type Workbook, type Worksheet } from "../xlsx/engine.js";
import { workbookBytes } from "../xlsx/bytes.js";
import { sheetOptions } from "../xlsx/cells.js";
import { LIMITS, type Limits } from "../limits.js";
import { DECIMAL } from "../../money/parse.js";
import { readCell } from "./cells.js";
import { columnLetter, columnValues, templateHeader, type Column, type Layout } from "./columns.js";
import type { CaseSource, Notice } from "./source.js";
import { tableSource, type RawTable } from "./table.js";
import { wrappedHeight } from "./text-width.js";
import { readWorkbook } from "./xlsx.js";

/**
 * 参数表 · a rule set as a workbook a finance clerk fills in (`exitfund rules template --format xlsx`), and read
 * back wherever `--rules` takes a file (docs/concepts.md, "Parameters from Excel"):
 *
 * - 规则集: the rule set's id, version, title, valid-from date, `extends` and rounding, one row;
 * - 参数: one row per value — a parameter's plain value, each key of a table (`clearance.rates`: one row per
 *   structure type, its unit in the 单位 column), each bracket of a scale (`≥300000`, the scale's type in 单位) —
 *   with its from-date, status, source, clause and note, and a table key's other names (同义词);
 * - 来源: the sources the values cite; 条款: the clause each rule cites;
 * - 说明: how to fill it in, in Chinese.
 *
 * The bundled rule set makes the round trip unchanged: the rows of one dated value carry its citation (the
 * parameter's where it has none of its own), and reading takes the first dated value's citation as the parameter's.
 */

const SHEETS = { ruleSet: "规则集", parameters: "参数", sources: "来源", rules: "条款" } as const;
const NOTES = "说明";
const LISTS = "lists";
/** Rows the dropdowns of the 参数 and 来源 sheets cover beyond the rows written, for a clerk's additions. */
const SPARE_ROWS = 500;
/** The text that stands for null (a value repealed from its date). */
const REPEALED = "废止";
const REPEALED_NAMES = new Set(["废止", "repealed", "null", "（废止）", "(废止)"]);
/** Between the other names of a key in one cell. */
const ALIAS_SEPARATOR = "、";

const text = (key: string, zh: string, required = false): Column => ({
  key,
  zh,
  type: "text",
  unit: "",
  required,
  perRow: false,
});

const STATUS_COLUMN: Column = {
  ...text("status", "状态", true),
  type: "enum",
  values: columnValues(STATUS_LABELS),
};

const ROUNDING_LABELS = {
  "half-up": { zh: "四舍五入", en: "half up", aliases: ["四舍五入法"] },
  "half-even": { zh: "四舍六入五成双", en: "half even", aliases: ["银行家舍入", "银行家舍入法"] },
  down: { zh: "舍去", en: "down", aliases: ["截尾", "直接舍去", "去尾"] },
} as const;

const RULE_SET_LAYOUT: Layout = {
  kind: "rule-set",
  zhName: "规则集",
  columns: [
    text("id", "编号", true),
    text("version", "版本", true),
    text("title", "名称", true),
    text("titleEn", "英文名称"),
    { ...text("validFrom", "生效日期", true), type: "date" },
    text("extends", "继承规则集"),
    { ...text("rounding.scale", "小数位数"), type: "count" },
    { ...text("rounding.mode", "舍入方式"), type: "enum", values: columnValues(ROUNDING_LABELS) },
  ],
};

const PARAMETER_LAYOUT: Layout = {
  kind: "rule-set-parameters",
  zhName: "参数",
  columns: [
    text("name", "参数名", true),
    text("label", "中文名称"),
    text("key", "表格键"),
    text("value", "取值", true),
    text("unit", "单位"),
    { ...text("from", "起始日期", true), type: "date" },
    STATUS_COLUMN,
    text("source", "出处", true),
    text("clause", "条款"),
    text("note", "附注"),
    text("aliases", "同义词"),
  ],
};

const SOURCE_LAYOUT: Layout = {
  kind: "rule-set-sources",
  zhName: "来源",
  columns: [
    text("id", "编号", true),
    text("title", "名称", true),
    text("issuedOn", "发布日期", true),
    text("url", "网址"),
    STATUS_COLUMN,
  ],
};

const RULE_LAYOUT: Layout = {
  kind: "rule-set-rules",
  zhName: "条款",
  columns: [text("rule", "规则", true), text("source", "出处", true), text("clause", "条款", true)],
};

/** The units a rate table's cell may be in, by the names a sheet writes them with. */
const RATE_UNITS: ReadonlyMap<string, "m2" | "m" | "item"> = new Map([
  ...["m2", "㎡", "平方米", "平米", "元/㎡", "元/m2"].map((name) => [nameKey(name), "m2"] as const),
  ...["m", "米", "延米", "元/米", "元/m"].map((name) => [nameKey(name), "m"] as const),
  ...["item", "项", "个", "处", "座", "元/项", "元/个"].map((name) => [nameKey(name), "item"] as const),
]);
const RATE_UNIT_SHOWN = { m2: "m2", m: "m", item: "item" } as const;
const SCALE_TYPES = ["marginal-rate", "single-amount", "single-rate"] as const;

/** The Chinese part of a handle's label (`市级奖励上限 municipal reward cap` → `市级奖励上限`). */
function chineseLabel(label: string): string {
  const match = /^(.*?[^\x00-\x7F][^A-Za-z]*?)\s+[A-Za-z]/.exec(label);
  return (match?.[1] ?? label).trim();
}

function unitShown(unit: string): string {
  return unit === "share" ? "比例 share" : unit;
}

/** One row of the 参数 sheet. */
interface ParameterRow {
  readonly name: string;
  readonly label: string;
  readonly key: string;
  readonly value: string;
  readonly unit: string;
  readonly from: string;
  readonly status: string;
  readonly source: string;
  readonly clause: string;
  readonly note: string;
  readonly aliases: string;
}

/** The rows of one parameter: each dated value's cells, with its citation (the parameter's where it has none). */
function parameterRows(name: string, parameter: ParameterJson, handle: AnyParameter | undefined): ParameterRow[] {
  const aliased = new Set<string>();
  const rows: ParameterRow[] = [];
  for (const dated of parameter.values) {
    const cite = {
      status: STATUS_LABELS[dated.status ?? parameter.status].zh,
      source: dated.source ?? parameter.source,
      clause: dated.clause ?? parameter.clause ?? "",
      note: dated.note ?? parameter.note ?? "",
    };
    const base = { name, label: handle === undefined ? "" : chineseLabel(handle.label), from: dated.from, ...cite };
    const plainUnit = handle === undefined ? "" : unitShown(handle.unit);
    for (const cell of cellsOf(dated.value, plainUnit)) {
      let aliases = "";
      if (cell.key !== "" && !aliased.has(cell.key) && parameter.aliases !== undefined) {
        aliased.add(cell.key);
        aliases =
          (Object.hasOwn(parameter.aliases, cell.key) ? parameter.aliases[cell.key] : undefined)?.join(
            ALIAS_SEPARATOR,
          ) ?? "";
      }
      rows.push({ ...base, ...cell, aliases });
    }
  }
  return rows;
}

/** A value as rows: one for a plain value, one per key of a table, one per bracket of a scale. */
function cellsOf(value: ParameterValueJson, unit: string): { key: string; value: string; unit: string }[] {
  if (value === null) return [{ key: "", value: REPEALED, unit }];
  if (typeof value === "string") return [{ key: "", value, unit }];
  if (typeof value === "boolean") return [{ key: "", value: value ? "是" : "否", unit }];
  if (isScale(value))
    return value.brackets.map((bracket) => ({
      key: `≥${bracket.threshold}`,
      value: (value.type === "single-amount" ? bracket.amount : bracket.rate) ?? bracket.rate ?? bracket.amount ?? "",
      unit: value.type,
    }));
  return Object.entries(value).map(([key, cell]) =>
    typeof cell === "object"
      ? { key, value: cell.rate, unit: cell.unit }
      : { key, value: typeof cell === "boolean" ? (cell ? "是" : "否") : cell, unit },
  );
}

function isScale(value: ParameterValueJson): value is ScaleJson {
  return typeof value === "object" && value !== null && "brackets" in value && Array.isArray(value.brackets);
}

const FONT = { name: "宋体", size: 11 } as const;

/** A sheet with a header row (`key / 中文`, bold, wrapped, frozen, repeated when printed) and rows of text. */
function tableSheet(
  workbook: Workbook,
  name: string,
  layout: Layout,
  widths: readonly number[],
  rows: readonly (readonly (string | number)[])[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, sheetOptions(1));
  const header = sheet.getRow(1);
  layout.columns.forEach((column, index) => {
    header.getCell(index + 1).value = templateHeader(column);
    const target = sheet.getColumn(index + 1);
    target.width = widths[index] ?? 14;
    target.font = FONT;
    // Text, so Excel keeps a rate as typed (0.70, 1200) and never turns a date or a long figure into a number.
    if (column.type !== "count") target.numFmt = "@";
  });
  header.font = { ...FONT, bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.height = 36;
  rows.forEach((values, offset) => {
    const row = sheet.getRow(2 + offset);
    values.forEach((value, index) => (row.getCell(index + 1).value = value));
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = wrappedHeight(values, widths);
  });
  return sheet;
}

function addList(sheet: Worksheet, range: string, formula: string, title: string, prompt: string): void {
  // The engine has worksheet.dataValidations (one rule for a whole range) but its exceljs-compatible typings omit it.
  (sheet as unknown as { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations.add(
    range,
    {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: title,
      error: prompt,
      showInputMessage: true,
      promptTitle: title,
      prompt,
    },
  );
}

/**
 * The workbook of a rule set (see the module's comment): `ruleSet` resolved (its `extends` applied), every value
 * of every parameter, each labelled with the programme's name for it.
 */
export function ruleSetWorkbook(ruleSet: RuleSet, programme: Programme): Workbook {
  const json = ruleSet.toJSON();
  const handles = new Map(programme.parameters.map((handle) => [handle.name, handle]));
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const notes = workbook.addWorksheet(NOTES);
  tableSheet(
    workbook,
    SHEETS.ruleSet,
    RULE_SET_LAYOUT,
    [22, 8, 44, 40, 14, 16, 10, 16],
    [
      [
        json.id,
        json.version,
        typeof json.title === "string" ? json.title : json.title.zh,
        typeof json.title === "string" ? "" : json.title.en,
        json.validFrom,
        json.extends ?? "",
        json.rounding?.scale ?? "",
        json.rounding === undefined ? "" : ROUNDING_LABELS[json.rounding.mode].zh,
      ],
    ],
  );
  const rows = Object.entries(json.parameters).flatMap(([name, parameter]) =>
    parameterRows(name, parameter, handles.get(name)),
  );
  const parameters = tableSheet(
    workbook,
    SHEETS.parameters,
    PARAMETER_LAYOUT,
    [30, 24, 22, 14, 14, 12, 10, 8, 30, 50, 30],
    rows.map((row) => [
      row.name,
      row.label,
      row.key,
      row.value,
      row.unit,
      row.from,
      row.status,
      row.source,
      row.clause,
      row.note,
      row.aliases,
    ]),
  );
  const sources = tableSheet(
    workbook,
    SHEETS.sources,
    SOURCE_LAYOUT,
    [8, 80, 16, 40, 10],
    json.sources.map((source) => [
      source.id,
      source.title,
      source.issuedOn,
      source.url ?? "",
      STATUS_LABELS[source.status].zh,
    ]),
  );
  tableSheet(
    workbook,
    SHEETS.rules,
    RULE_LAYOUT,
    [40, 8, 80],
    Object.entries(json.rules ?? {}).map(([rule, citation]) => [rule, citation.source, citation.clause]),
  );
  const lists = workbook.addWorksheet(LISTS, { state: "hidden" });
  Object.values(STATUS_LABELS).forEach((label, index) => (lists.getCell(index + 1, 1).value = label.zh));
  const statusList = `${LISTS}!$A$1:$A$${Object.keys(STATUS_LABELS).length}`;
  const statusPrompt = "官方：正式文件的数值；公开报道：媒体等报道的数值；示例值：占位，不是正式数值";
  const lastParameterRow = rows.length + 1 + SPARE_ROWS;
  const statusLetter = columnLetter(PARAMETER_LAYOUT.columns.indexOf(STATUS_COLUMN));
  const sourceLetter = columnLetter(PARAMETER_LAYOUT.columns.findIndex((column) => column.key === "source"));
  addList(parameters, `${statusLetter}2:${statusLetter}${lastParameterRow}`, statusList, "状态", statusPrompt);
  addList(
    parameters,
    `${sourceLetter}2:${sourceLetter}${lastParameterRow}`,
    `'${SHEETS.sources}'!$A$2:$A$${json.sources.length + 1 + SPARE_ROWS}`,
    "出处",
    "来源表中的编号；新的出处请先加到“来源”表",
  );
  const sourceStatus = columnLetter(SOURCE_LAYOUT.columns.indexOf(STATUS_COLUMN));
  addList(
    sources,
    `${sourceStatus}2:${sourceStatus}${json.sources.length + 1 + SPARE_ROWS}`,
    statusList,
    "状态",
    statusPrompt,
  );
  writeNotes(notes, json);
  return workbook;
}

function writeNotes(sheet: Worksheet, json: RuleSetJson): void {
  const lines = [
    `参数表 · ${titlesOf(json.title).zh}`,
    "本工作簿是规则集（各项标准、比例、期限及其出处）的表格形式，可用 exitfund 的 --rules 参数.xlsx 直接读取。",
    "1. “规则集”表：请先把编号（id）改为本地的编号（如 tongzhou-2016-local），并改版本；内置规则集的编号不能沿用。",
    "2. “参数”表每行一个取值：参数名、表格键（如结构类型 brick-concrete，或累进表的起点 ≥300000）、取值、单位、起始日期、状态、出处、条款、附注。",
    "3. 提供实际数值的方法：改“取值”，并把“状态”改为“官方”（正式文件）或“公开报道”，“出处”填“来源”表中的编号，“条款”填文件条款。",
    "4. 同一参数、同一起始日期的各行是一个取值，须有相同的状态、出处、条款和附注；要从某日起改用新值，请为该参数的每个键另加一组起始日期为该日的行。",
    "5. 取值可写 1,234.50、全角数字，比例可写 70%；是/否；日期写 2016-06-14 或 2016年6月14日；“废止”表示自该日起不再适用。",
    "6. “单位”列对按面积/长度/项计价的标准（m2、m、item）和累进表的类型（marginal-rate 等）是取值的一部分，其他行仅供参考。",
    "7. “同义词”列：表格键的其他写法（如 砖混结构、砖混房），用“、”分隔；读取案件表时也接受这些写法。",
    "8. 新的出处请先加到“来源”表（编号、名称、发布日期、网址、状态）。“条款”表列出各计算规则引用的条款。",
    "读取时每个有问题的单元格都会按工作表、行、列列出。详见 docs/concepts.md（Parameters from Excel）。",
  ];
  sheet.getColumn(1).width = 120;
  lines.forEach((line, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = line;
    cell.font = index === 0 ? { ...FONT, bold: true, size: 14 } : FONT;
    cell.alignment = { wrapText: true, vertical: "middle" };
    sheet.getRow(index + 1).height = index === 0 ? 24 : wrappedHeight([line], [120]);
  });
  Object.assign(sheet.pageSetup, sheetOptions(1).pageSetup);
}

/** The bytes of {@link ruleSetWorkbook}. */
export async function ruleSetXlsxBytes(ruleSet: RuleSet, programme: Programme): Promise<Uint8Array> {
  return await workbookBytes(ruleSetWorkbook(ruleSet, programme));
}

/** A rule set read from a workbook: its JSON, where each of its paths was written, and what was said. */
export interface RuleSetOfWorkbook {
  readonly json: RuleSetJson;
  /** The cell a path of the rule set's JSON (`parameters["clearance.rates"].values[0].value.brick-concrete`) came from. */
  readonly where: (path: string) => string | undefined;
  readonly notices: readonly Notice[];
}

const issue = (path: string, code: string, message: string, zh: string): InputIssue => ({ path, code, message, zh });

/** The sheets of the workbook by the name each is read as. */
function sheetsOf(tables: readonly RawTable[]): Map<keyof typeof SHEETS, RawTable> {
  const found = new Map<keyof typeof SHEETS, RawTable>();
  const names: { readonly [name: string]: keyof typeof SHEETS } = {
    [nameKey(SHEETS.ruleSet)]: "ruleSet",
    "rule-set": "ruleSet",
    ruleset: "ruleSet",
    [nameKey(SHEETS.parameters)]: "parameters",
    parameters: "parameters",
    [nameKey(SHEETS.sources)]: "sources",
    sources: "sources",
    [nameKey(SHEETS.rules)]: "rules",
    rules: "rules",
  };
  for (const table of tables) {
    const key = nameKey(table.sheet ?? "");
    if (Object.hasOwn(names, key)) found.set(names[key] as keyof typeof SHEETS, table);
  }
  return found;
}

/** The records of one sheet of the workbook (title rows, 序号 and 合计 rows skipped as in case sheets). */
function recordsOf(
  table: RawTable | undefined,
  layout: Layout,
  file: string,
  issues: InputIssue[],
  notices: Notice[],
): { source: CaseSource; records: { [key: string]: unknown }[] } | undefined {
  // A sheet with its header only (a rule set without rule citations): no records, not a file without any.
  if (table === undefined || table.rows.length <= 1) return undefined;
  let source: CaseSource;
  try {
    source = tableSource([table], { format: "xlsx", layout, file });
  } catch (error) {
    if (error instanceof RuleSetError || !(error instanceof Error) || !("issues" in error)) throw error;
    issues.push(...(error as { issues: InputIssue[] }).issues);
    return undefined;
  }
  notices.push(...(source.notices ?? []));
  for (const one of source.issues)
    issues.push({
      path: one.where,
      code: one.code ?? "bad-cell",
      message: one.message,
      ...(one.zh === undefined ? {} : { zh: one.zh }),
    });
  const records = source.cases.map((record) => {
    const { kind: _kind, ...rest } = record as { [key: string]: unknown };
    return rest;
  });
  return { source, records };
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * The rule set a workbook holds (see the module's comment), checked cell by cell: every value read as its
 * parameter's kind says (a decimal as Chinese sheets write it, a share as 70%, 是/否, a date), the rows of one
 * dated value citing alike. The JSON is then loaded as any rule set is, its problems named by cell.
 *
 * @throws RuleSetError listing every problem by sheet, row and column.
 */
export async function ruleSetOfWorkbook(
  bytes: Uint8Array,
  file: string,
  programme: Programme,
  limits: Limits = LIMITS,
): Promise<RuleSetOfWorkbook> {
  const workbook = await readWorkbook(bytes, file, limits);
  const sheets = sheetsOf(workbook.tables);
  const issues: InputIssue[] = [];
  const notices: Notice[] = [];
  const places = new Map<string, string>();
  const missing = (sheet: string, en: string) =>
    issue(
      `${file}`,
      "missing-sheet",
      `has no sheet named ${sheet} (${en}): write the workbook with \`exitfund rules template --format xlsx\` and fill it in`,
      `缺少“${sheet}”工作表：请用 exitfund rules template --format xlsx 生成参数表后填写`,
    );
  const head = recordsOf(sheets.get("ruleSet"), RULE_SET_LAYOUT, file, issues, notices);
  const parameterSheet = recordsOf(sheets.get("parameters"), PARAMETER_LAYOUT, file, issues, notices);
  const sourceSheet = recordsOf(sheets.get("sources"), SOURCE_LAYOUT, file, issues, notices);
  const ruleSheet = recordsOf(sheets.get("rules"), RULE_LAYOUT, file, issues, notices);
  if (!sheets.has("ruleSet")) issues.push(missing(SHEETS.ruleSet, "the rule set's id, version, title"));
  if (!sheets.has("parameters")) issues.push(missing(SHEETS.parameters, "one row per value"));
  if (!sheets.has("sources")) issues.push(missing(SHEETS.sources, "the sources the values cite"));

  const json: { [key: string]: unknown } = {};
  if (head !== undefined) {
    if (head.records.length > 1)
      issues.push(
        issue(
          head.source.where(1, "id"),
          "several-rule-sets",
          "is a second rule set: the 规则集 sheet holds one row, the rule set's",
          "“规则集”表只能有一行",
        ),
      );
    const record = head.records[0] ?? {};
    for (const field of ["id", "version", "title", "validFrom", "extends"])
      if (record[field] !== undefined) {
        json[field] = record[field];
        places.set(field, head.source.where(0, field));
      }
    // 英文名称 makes the title one in each language: 名称 the Chinese, 英文名称 the English.
    if (record.titleEn !== undefined) {
      json.title = { zh: record.title, en: record.titleEn };
      places.set("title.zh", head.source.where(0, "title"));
      places.set("title.en", head.source.where(0, "titleEn"));
    }
    const rounding = record.rounding as { scale?: unknown; mode?: unknown } | undefined;
    if (rounding !== undefined) {
      json.rounding = rounding;
      places.set("rounding", head.source.where(0, "rounding.scale"));
      places.set("rounding.mode", head.source.where(0, "rounding.mode"));
    }
  }
  if (sourceSheet !== undefined) {
    json.sources = sourceSheet.records.map((record, index) => {
      places.set(`sources[${index}]`, sourceSheet.source.where(index, "id"));
      for (const field of ["id", "title", "issuedOn", "url", "status"])
        places.set(`sources[${index}].${field}`, sourceSheet.source.where(index, field));
      return record;
    });
  }
  if (ruleSheet !== undefined) {
    const rules: { [rule: string]: unknown } = Object.create(null) as { [rule: string]: unknown };
    ruleSheet.records.forEach((record, index) => {
      const rule = str(record.rule) ?? "";
      const path = `rules[${JSON.stringify(rule.slice(0, 60))}]`;
      places.set(path, ruleSheet.source.where(index, "rule"));
      places.set(`${path}.source`, ruleSheet.source.where(index, "source"));
      places.set(`${path}.clause`, ruleSheet.source.where(index, "clause"));
      if (Object.hasOwn(rules, rule))
        issues.push(
          issue(
            ruleSheet.source.where(index, "rule"),
            "rule-twice",
            `${echo(rule)} is cited twice: keep one row per rule`,
            `规则 ${echo(rule)} 出现两次：每条规则只写一行`,
          ),
        );
      rules[rule] = { source: record.source, clause: record.clause };
    });
    json.rules = { ...rules };
  }
  if (parameterSheet !== undefined) {
    const handles = new Map(programme.parameters.map((handle) => [handle.name, handle]));
    json.parameters = parametersOf(parameterSheet.records, parameterSheet.source, handles, places, issues);
  }
  if (issues.length > 0) throw new RuleSetError(issues);
  const where = (path: string): string | undefined => {
    for (let end = path.length; end > 0; end -= 1) {
      if (end < path.length && !/[.[]/.test(path.charAt(end))) continue;
      const found = places.get(path.slice(0, end));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return { json: json as unknown as RuleSetJson, where, notices };
}

/** One dated value of a parameter as its rows give it. */
interface DatedRows {
  readonly from: string;
  readonly rows: { readonly record: { [key: string]: unknown }; readonly index: number }[];
}

function parametersOf(
  records: readonly { [key: string]: unknown }[],
  source: CaseSource,
  handles: ReadonlyMap<string, AnyParameter>,
  places: Map<string, string>,
  issues: InputIssue[],
): { [name: string]: ParameterJson } {
  // By parameter, in the order first met; within it, by from-date, in the order first met.
  const byName = new Map<string, Map<string, DatedRows>>();
  records.forEach((record, index) => {
    const name = str(record.name);
    const from = str(record.from);
    if (name === undefined || from === undefined) return;
    const dated = byName.get(name) ?? new Map<string, DatedRows>();
    byName.set(name, dated);
    const group = dated.get(from) ?? { from, rows: [] };
    dated.set(from, group);
    group.rows.push({ record, index });
  });
  const parameters: { [name: string]: ParameterJson } = Object.create(null) as { [name: string]: ParameterJson };
  for (const [name, dated] of byName) {
    const path = `parameters[${JSON.stringify(name.slice(0, 80))}]`;
    const groups = [...dated.values()];
    const first = groups[0]?.rows[0];
    if (first === undefined) continue;
    places.set(path, source.where(first.index, "name"));
    const citationOf = (group: DatedRows) => {
      const { record, index } = group.rows[0] as DatedRows["rows"][number];
      const shown = (row: { [key: string]: unknown }, field: string) => {
        const value = row[field];
        return field === "status" && typeof value === "string" && Object.hasOwn(STATUS_LABELS, value)
          ? STATUS_LABELS[value as keyof typeof STATUS_LABELS].zh
          : String(value ?? "");
      };
      for (const other of group.rows.slice(1))
        for (const field of ["status", "source", "clause", "note"] as const)
          if ((other.record[field] ?? "") !== (record[field] ?? ""))
            issues.push(
              issue(
                source.where(other.index, field),
                "citation-differs",
                `is ${echo(shown(other.record, field))}, but row ${rowOf(source, index)} of the same value (${name} from ${group.from}) has ${echo(shown(record, field))}: a rule set cites a dated value as a whole, so its rows share status, source, clause and note (to give one key a new figure, add rows for every key with a new from-date)`,
                `为 ${echo(shown(other.record, field))}，而同一取值（${name}，自 ${group.from} 起）的第 ${rowOf(source, index)} 行为 ${echo(shown(record, field))}：同一取值的各行须有相同的状态、出处、条款和附注（要改某一键的数值，请以新的起始日期为每个键另加一组行）`,
              ),
            );
      return {
        status: record.status as ParameterJson["status"],
        source: str(record.source) ?? "",
        clause: str(record.clause),
        note: str(record.note),
        index,
      };
    };
    const top = citationOf(groups[0] as DatedRows);
    for (const field of ["status", "source", "clause", "note"] as const)
      places.set(`${path}.${field}`, source.where(top.index, field));
    const handle = handles.get(name);
    const aliases: { [key: string]: string[] } = {};
    const values: DatedValueJson[] = groups.map((group, at) => {
      const valuePath = `${path}.values[${at}]`;
      const own = at === 0 ? top : citationOf(group);
      const head = group.rows[0] as DatedRows["rows"][number];
      places.set(valuePath, source.where(head.index, "from"));
      places.set(`${valuePath}.value`, source.where(head.index, "value"));
      for (const field of ["status", "source", "clause", "note"] as const)
        places.set(`${valuePath}.${field}`, source.where(head.index, field));
      const value = valueOf(name, group, handle, source, valuePath, places, issues);
      for (const { record, index } of group.rows) {
        const key = str(record.key);
        const names = str(record.aliases);
        if (key === undefined || names === undefined) continue;
        places.set(`${path}.aliases[${JSON.stringify(key.slice(0, 60))}]`, source.where(index, "aliases"));
        const list = (aliases[key] ??= []);
        for (const alias of names.split(/[、;；\n]/).map((part) => part.trim()))
          if (alias !== "" && !list.includes(alias)) list.push(alias);
      }
      const differs = <K extends "status" | "source" | "clause" | "note">(field: K) =>
        at > 0 && (own[field] ?? "") !== (top[field] ?? "");
      return {
        from: group.from,
        value,
        ...(differs("status") ? { status: own.status } : {}),
        ...(differs("source") ? { source: own.source } : {}),
        ...(differs("clause") ? { clause: own.clause ?? "" } : {}),
        ...(differs("note") ? { note: own.note ?? "" } : {}),
      };
    });
    parameters[name] = {
      status: top.status,
      source: top.source,
      ...(top.clause === undefined ? {} : { clause: top.clause }),
      ...(top.note === undefined ? {} : { note: top.note }),
      ...(Object.keys(aliases).length === 0 ? {} : { aliases }),
      values,
    };
  }
  return { ...parameters };
}

function rowOf(source: CaseSource, index: number): number {
  return source.places?.[index]?.row ?? index + 1;
}

type Kind = AnyParameter["kind"];

/** The value of one dated value's rows, read as the parameter's kind says (or as the rows look, for a parameter the programme does not declare). */
function valueOf(
  name: string,
  group: DatedRows,
  handle: AnyParameter | undefined,
  source: CaseSource,
  valuePath: string,
  places: Map<string, string>,
  issues: InputIssue[],
): ParameterValueJson {
  const rows = group.rows;
  const keyed = rows.filter(({ record }) => str(record.key) !== undefined);
  const only = rows[0] as DatedRows["rows"][number];
  if (rows.length === 1 && isRepealed(only.record.value)) return null;
  const kind: Kind =
    handle?.kind ??
    (keyed.length === 0
      ? { type: "decimal" }
      : keyed.every(({ record }) => /^(≥|>=)/.test(str(record.key) ?? ""))
        ? { type: "scale" }
        : keyed.some(({ record }) => RATE_UNITS.has(nameKey(str(record.unit) ?? "")))
          ? { type: "rate-table" }
          : { type: "table", cell: "decimal", keys: [] });
  const share = handle?.unit === "share";
  const cellValue = (at: (typeof rows)[number], type: "decimal" | "date" | "boolean", path: string): unknown => {
    places.set(path, source.where(at.index, "value"));
    const raw = at.record.value;
    if (handle === undefined && typeof raw === "string" && !/^[-\d.,，．０-９%％ ]+$/.test(raw)) return raw;
    const cell = readCell(
      raw,
      {
        key: "value",
        zh: "取值",
        type: type === "decimal" ? "quantity" : type,
        unit: "",
        required: true,
        perRow: false,
      },
      { rate: share },
    );
    if (cell === undefined) return undefined;
    if (!cell.ok) {
      issues.push({ path: source.where(at.index, "value"), code: cell.code, message: cell.message, zh: cell.zh });
      return raw;
    }
    if (type === "decimal" && !(typeof cell.value === "string" && DECIMAL.test(cell.value)))
      issues.push(
        issue(
          source.where(at.index, "value"),
          "not-a-decimal",
          `is ${echo(String(raw))}; ${name} takes a figure such as 0.7 or 500000 (1,234.50, full-width digits${share ? " and 70%" : ""} are read too)`,
          `为 ${echo(String(raw))}；${name} 应为数字，如 0.7 或 500000（也可写 1,234.50、全角数字${share ? "或 70%" : ""}）`,
        ),
      );
    return cell.value;
  };
  if (kind.type === "decimal" || kind.type === "date" || kind.type === "boolean") {
    if (rows.length > 1 || keyed.length > 0) {
      const extra = keyed[0] ?? rows[1] ?? only;
      issues.push(
        issue(
          source.where(extra.index, keyed.length > 0 ? "key" : "from"),
          "not-a-table",
          `${name} is one ${kind.type === "decimal" ? "figure" : kind.type}, not a table: give it one row per from-date, with no table key`,
          `${name} 是单个取值而不是表格：每个起始日期只写一行，不填表格键`,
        ),
      );
    }
    return cellValue(only, kind.type, `${valuePath}.value`) as ParameterValueJson;
  }
  if (kind.type === "scale") {
    const types = new Set(rows.map(({ record }) => str(record.unit) ?? ""));
    const type = [...types][0] ?? "";
    if (types.size > 1 || !(SCALE_TYPES as readonly string[]).includes(type))
      issues.push(
        issue(
          source.where(only.index, "unit"),
          "scale-type",
          `is ${echo(type)}: the 单位 of every bracket of ${name} from ${group.from} is the scale's type, one of ${SCALE_TYPES.join(", ")}`,
          `为 ${echo(type)}：${name} 各档的“单位”是累进表的类型，须为 ${SCALE_TYPES.join("、")} 之一，且各档相同`,
        ),
      );
    const brackets = rows.map((at, index) => {
      const key = str(at.record.key) ?? "";
      const thresholdText = key.replace(/^(≥|>=)\s*/, "");
      places.set(`${valuePath}.value.brackets[${index}]`, source.where(at.index, "key"));
      places.set(`${valuePath}.value.brackets[${index}].threshold`, source.where(at.index, "key"));
      const threshold = readCell(thresholdText, {
        key: "key",
        zh: "表格键",
        type: "quantity",
        unit: "",
        required: true,
        perRow: false,
      });
      if (!/^(≥|>=)/.test(key) || threshold === undefined || !threshold.ok)
        issues.push(
          issue(
            source.where(at.index, "key"),
            "not-a-threshold",
            `is ${echo(key)}: a bracket of a scale starts at a threshold written ≥ and the figure, e.g. ≥300000`,
            `为 ${echo(key)}：累进表每档的表格键写为“≥起点”，如 ≥300000`,
          ),
        );
      const field = type === "single-amount" ? "amount" : "rate";
      const figure = cellValue(at, "decimal", `${valuePath}.value.brackets[${index}].${field}`);
      return { threshold: threshold?.ok === true ? (threshold.value as string) : thresholdText, [field]: figure };
    });
    return { type: type as ScaleJson["type"], brackets } as ScaleJson;
  }
  const table: { [key: string]: unknown } = {};
  for (const at of rows) {
    const key = str(at.record.key);
    if (key === undefined) {
      issues.push(
        issue(
          source.where(at.index, "key"),
          "missing-key",
          `is empty: ${name} is a table, so each of its rows names its key${kind.type === "table" && kind.keys.length > 0 ? ` (${knownList(kind.keys)})` : ""}`,
          `为空：${name} 是表格，每行须填表格键${kind.type === "table" && kind.keys.length > 0 ? `（${knownList(kind.keys, undefined, "、")}）` : ""}`,
        ),
      );
      continue;
    }
    const path = `${valuePath}.value.${key}`;
    if (Object.hasOwn(table, key)) {
      issues.push(
        issue(
          source.where(at.index, "key"),
          "key-twice",
          `${echo(key)} is given twice for ${name} from ${group.from}: keep one row per key`,
          `${name}（自 ${group.from} 起）的键 ${echo(key)} 出现两次：每个键只写一行`,
        ),
      );
      continue;
    }
    if (kind.type === "rate-table") {
      const unitText = str(at.record.unit) ?? "";
      const unit = RATE_UNITS.get(nameKey(unitText));
      places.set(`${path}.unit`, source.where(at.index, "unit"));
      if (unit === undefined)
        issues.push(
          issue(
            source.where(at.index, "unit"),
            "rate-unit",
            `is ${echo(unitText)}: a rate of ${name} is per m2 (㎡), m (米) or item (项)`,
            `为 ${echo(unitText)}：${name} 的单位须为 m2（㎡）、m（米）或 item（项）`,
          ),
        );
      table[key] = {
        unit: unit === undefined ? unitText : RATE_UNIT_SHOWN[unit],
        rate: cellValue(at, "decimal", `${path}.rate`),
      };
    } else table[key] = cellValue(at, kind.type === "table" ? kind.cell : "decimal", path);
  }
  return table as ParameterValueJson;
}

function isRepealed(value: unknown): boolean {
  return typeof value === "string" && REPEALED_NAMES.has(value.trim().toLowerCase());
}
