import {
  newWorkbook,
  type Cell,
  type CellValue,
  type DataValidation,
  type Workbook,
  type Worksheet,
} from "../xlsx/engine.js";
import { aliasesOf, compiledParameter } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import type { Programme } from "../../rules/programme.js";
import { BOM, csvLines } from "./csv.js";
import {
  BOOLEAN_VALUES,
  EXAMPLE_HEADER,
  EXAMPLE_ID_PREFIX,
  EXAMPLE_MARK,
  columnLetter,
  layoutOf,
  templateHeader,
  type Column,
  type ColumnValue,
  type Layout,
} from "./columns.js";
import { displayWidth, wrappedHeight } from "./text-width.js";
import { UsageError } from "../io.js";
import { own } from "../own.js";
import { workbookBytes } from "../xlsx/bytes.js";
import { sheetOptions } from "../xlsx/cells.js";

/** What `exitfund template` makes a sheet for: a case kind, or the payment ledger. */
/** The kinds with a template: the built-in case kinds and the ledger. */
export type TemplateKind =
  | "enterprise-exit"
  | "structure-clearance"
  | "village-compensation"
  | "township-transfer"
  | "ledger";

/** Rows a template prepares with dropdowns and formats. */
export const TEMPLATE_ROWS = 1000;
const NOTES = "说明";
/** The sheet that holds the dropdowns' lists (hidden; readers never read it). */
export const LISTS_SHEET = "lists";

/**
 * Column A of every template: the example flag. The example rows carry {@link EXAMPLE_MARK} there, so the
 * reader refuses them until they are deleted; the layout's columns follow from column B.
 */
export const TEMPLATE_FIRST_COLUMN = 2;

/**
 * The example of each template (synthetic, valid), flagged 示例 in column A and marked again by its id (the
 * ledger's, by its case id), which starts with {@link EXAMPLE_ID_PREFIX}: the reader refuses a fresh template, and
 * one whose flag column is cleared or deleted; it reads it back as exactly this, but for the id, once the flag is
 * cleared and the id replaced (the ids of items, leases and exited enterprises are left as they are).
 */
export const TEMPLATE_EXAMPLES: { readonly [kind in TemplateKind]: { readonly [key: string]: unknown } } = {
  "enterprise-exit": {
    kind: "enterprise-exit",
    id: `${EXAMPLE_ID_PREFIX}E-2016-0001`,
    name: "示例建材厂 (synthetic)",
    township: "台湖镇",
    exitMode: "whole",
    scale: "above",
    exitCompletedOn: "2016-10-31",
    licensed: true,
    acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
    municipalOutcome: "granted",
    recommendedByDistrict: true,
    energySavedTce: "2000",
    pollutantsReducedTonnes: { so2: "12.5", nox: "3" },
    priorYearTax: { vat: "150000", corporateIncome: "50000" },
    employees: 40,
    landAreaM2: "3000",
    region: "north",
  },
  "structure-clearance": {
    kind: "structure-clearance",
    id: `${EXAMPLE_ID_PREFIX}C-2016-0001`,
    township: "张家湾镇",
    village: "示例村",
    site: "示例地块 (synthetic)",
    declaredOn: "2016-09-01",
    items: [
      {
        id: "1",
        structureType: "brick-concrete",
        quantity: "120",
        declaredAmount: "7200",
        survey: { structureType: "brick-concrete", quantity: "118.5" },
      },
      {
        id: "2",
        structureType: "enclosure-wall",
        quantity: "50.5",
        builtOn: "2012-05-01",
        survey: { structureType: "enclosure-wall", quantity: "50.5" },
      },
    ],
  },
  "village-compensation": {
    kind: "village-compensation",
    id: `${EXAMPLE_ID_PREFIX}V-2016-0001`,
    township: "宋庄镇",
    village: "示例村",
    zoneType: "industrial-compound",
    clearedOn: "2016-11-30",
    landAreaMu: "30",
    leases: [
      { id: "L1", tenant: "示例租户甲", landAreaMu: "10", annualRent: "200000", leaseEndsOn: "2019-11-30" },
      { id: "L2", tenant: "示例租户乙", landAreaMu: "5", annualRent: "80000", leaseEndsOn: "2017-05-31" },
    ],
  },
  "township-transfer": {
    kind: "township-transfer",
    id: `${EXAMPLE_ID_PREFIX}T-2017-台湖镇`,
    township: "台湖镇",
    fiscalYear: 2017,
    priorYearRevenue: "50000000",
    exitedEnterprises: [
      { id: "E-2016-0001", priorYearTax: { vat: "150000", corporateIncome: "50000" }, priorYearOutput: "8000000" },
      { id: "E-2016-0002", priorYearTax: { vat: "20000" } },
    ],
  },
  ledger: {
    caseId: `${EXAMPLE_ID_PREFIX}E-2016-0001`,
    payer: "municipal",
    amount: "840000.00",
    paidOn: "2016-12-20",
    voucher: "记-2016-12-0031",
  },
};

/** The layout and example of a kind of the programme (a kind of its own has no example). */
function templateOf(
  kind: string,
  programme: Programme | undefined,
): { layout: Layout; example: { readonly [key: string]: unknown } } {
  const found = layoutOf(kind, programme);
  if (found === undefined)
    throw new UsageError(`no template for "${kind}": the programme computes no such kind`, {
      code: "unknown-template",
      zh: `没有 "${kind}" 的模板：本方案不计算该类型`,
    });
  const example = Object.hasOwn(TEMPLATE_EXAMPLES, kind) ? TEMPLATE_EXAMPLES[kind as TemplateKind] : { kind };
  // A finance system's credit column is read from its exports, never asked for in a template.
  const layout = { ...found, columns: found.columns.filter((column) => column.key !== "credit") };
  return { layout, example };
}

/**
 * The rows of the flat layout of one case (or ledger row): field path → value. A kind with a list gives
 * one row per entry with the case's own fields repeated (one row when the list is empty).
 */
export function flattenCase(layout: Layout, value: { readonly [key: string]: unknown }): { [key: string]: unknown }[] {
  const own = layout.columns.filter((column) => !column.perRow);
  const base = Object.fromEntries(own.flatMap((column) => present(column.key, valueAt(value, column.key))));
  const entries =
    layout.list === undefined ? [] : ((value[layout.list] as readonly { [key: string]: unknown }[] | undefined) ?? []);
  if (entries.length === 0) return [base];
  const prefix = `${layout.list ?? ""}.`;
  return entries.map((entry) => ({
    ...base,
    ...Object.fromEntries(
      layout.columns
        .filter((column) => column.perRow)
        .flatMap((column) => present(column.key, valueAt(entry, column.key.slice(prefix.length)))),
    ),
  }));
}

const present = (key: string, value: unknown): [string, unknown][] => (value === undefined ? [] : [[key, value]]);

function valueAt(value: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        typeof node === "object" && node !== null ? (node as { [key: string]: unknown })[part] : undefined,
      value,
    );
}

/** The structure types of the rule set's latest `clearance.rates` (the dropdown of a clearance template). */
export function structureTypes(ruleSet: RuleSet): string[] {
  const values = compiledParameter(ruleSet, "clearance.rates")?.values ?? [];
  const latest = values.findLast((entry) => entry.value !== null)?.value;
  return typeof latest === "object" && latest !== null ? Object.keys(latest) : [];
}

/**
 * The values a column's dropdown offers, with their names: its own values, or for a column of a table's keys (the
 * structure types) the keys of the rule set's latest value, each named by the domain (砖混) or, for a district's own
 * key, by the first alias the rule set gives it.
 */
export function choicesOf(column: Column, ruleSet: RuleSet, kind?: string): readonly ColumnValue[] {
  if (column.type === "boolean") return BOOLEAN_VALUES;
  if (column.key === "kind" && kind !== undefined) return (column.values ?? []).filter((value) => value.value === kind);
  if (column.keysOf === undefined || column.type !== "structure-type") return column.values ?? [];
  const aliases = aliasesOf(ruleSet, column.keysOf);
  const labels = new Map((column.values ?? []).map((value) => [value.value, value]));
  return structureTypes(ruleSet).map((key) => {
    const named = labels.get(key);
    const others = own(aliases, key) ?? [];
    return {
      value: key,
      zh: named?.zh ?? others[0] ?? "",
      en: named?.en ?? key,
      aliases: others.filter((alias) => alias !== named?.zh),
    };
  });
}

/** What a dropdown shows for a value: its Chinese name, or its key when it has none. */
function shown(choice: ColumnValue): string {
  return choice.zh === "" ? choice.value : choice.zh;
}

/** The CSV template of a kind: UTF-8 with a BOM (so Excel shows the Chinese), the headers, the flagged example rows. */
export function templateCsv(kind: string, programme?: Programme): string {
  const { layout, example } = templateOf(kind, programme);
  const rows = flattenCase(layout, example).map((row) => [
    EXAMPLE_MARK,
    ...layout.columns.map((column) => csvCell(row[column.key])),
  ]);
  return BOM + csvLines([[EXAMPLE_HEADER, ...layout.columns.map(templateHeader)], ...rows]);
}

function csvCell(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** The width of column A, the example flag: its mark wraps on three lines (`示例 example：` whole on the first). */
const FLAG_WIDTH = 16;
/** Fill of the example rows: a pale red, so no one takes them for data. */
const EXAMPLE_FILL: NonNullable<Cell["fill"]> = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE9E7" } };
/** The font every template cell is set in: 宋体 for the Chinese, as government sheets print. */
const FONT = { name: "宋体", size: 11 } as const;

/**
 * The XLSX template of a kind: a sheet named after the kind that prints (A4 landscape, fitted to the width, the
 * header row repeated on every page and frozen; headers `key / 中文` wrapped, columns wide enough for them); the
 * example rows flagged 示例 in column A and shaded; on every enumerated column a dropdown of Chinese names (是/否,
 * 整体退出/环节退出, 砖混 …) whose alert is a warning, so a clerk may also type a synonym the reader accepts; text
 * format on ids, money and quantities so Excel keeps the exact decimals; a date format on dates; and a 说明 sheet in
 * Chinese describing each column, what it accepts and its values.
 */
export function templateWorkbook(kind: string, ruleSet: RuleSet, programme?: Programme): Workbook {
  const { layout, example } = templateOf(kind, programme);
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const sheet = workbook.addWorksheet(kind, sheetOptions(1));
  sheet.pageSetup.printTitlesRow = "1:1";
  const notes = workbook.addWorksheet(NOTES);
  const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const first = TEMPLATE_FIRST_COLUMN;
  const examples = flattenCase(layout, example);
  let listColumn = 0;
  layout.columns.forEach((column, index) => {
    const choices = choicesOf(column, ruleSet, kind);
    // Wide enough for the example's values too: its id (示例-C-2016-0001) is what marks it once column A is gone.
    const shown = examples.flatMap((values) =>
      values[column.key] === undefined ? [] : [exampleText(exampleValue(column, values[column.key], ruleSet, kind))],
    );
    prepareColumn(sheet, column, index + first - 1, choices, shown, () => (listColumn += 1), listSheet);
  });
  const header = sheet.getRow(1);
  header.getCell(1).value = EXAMPLE_HEADER;
  sheet.getColumn(1).width = FLAG_WIDTH;
  layout.columns.forEach((column, index) => (header.getCell(index + first).value = templateHeader(column)));
  header.font = { ...FONT, bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.height = 48;
  examples.forEach((values, offset) => {
    const row = sheet.getRow(2 + offset);
    row.getCell(1).value = EXAMPLE_MARK;
    row.getCell(1).font = { ...FONT, color: { argb: "FFC00000" }, bold: true };
    row.getCell(1).alignment = { wrapText: true, vertical: "middle" };
    row.height = wrappedHeight([EXAMPLE_MARK], [FLAG_WIDTH]);
    layout.columns.forEach((column, index) => {
      const value = values[column.key];
      const cell = row.getCell(index + first);
      if (value !== undefined) cell.value = exampleValue(column, value, ruleSet, kind);
      cell.fill = EXAMPLE_FILL;
    });
    row.getCell(1).fill = EXAMPLE_FILL;
  });
  writeNotes(notes, layout, ruleSet, kind);
  return workbook;
}

/** The XLSX bytes of a kind's template. */
export async function templateXlsxBytes(kind: string, ruleSet: RuleSet, programme?: Programme): Promise<Uint8Array> {
  return await workbookBytes(templateWorkbook(kind, ruleSet, programme));
}

/** A value of the flat layout as an exceljs cell value: dates as date cells, the rest as they are (money as text). */
export function xlsxValue(column: Column, value: unknown): CellValue {
  if (column.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  return value as CellValue;
}

/** A value of the example as a clerk would fill it in: an enumerated value by its Chinese name (是, 整体退出, 砖混). */
function exampleValue(column: Column, value: unknown, ruleSet: RuleSet, kind: string): CellValue {
  const choices = choicesOf(column, ruleSet, kind);
  const key = typeof value === "boolean" ? String(value) : value;
  const choice = choices.find((candidate) => candidate.value === key);
  return choice === undefined ? xlsxValue(column, value) : shown(choice);
}

/** An example cell's text as a sheet shows it: a date cell as `2016-10-31`. */
function exampleText(value: CellValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/**
 * A column's width in Excel's units (about one per Latin character, two per Chinese one) for its wrapped header,
 * its dropdown's values (with room for the arrow) and the example's values.
 */
function widthOf(column: Column, choices: readonly ColumnValue[], examples: readonly string[]): number {
  const header = Math.max(displayWidth(`${column.key} /`), displayWidth(column.zh));
  const values = Math.max(0, ...choices.map((choice) => displayWidth(shown(choice))));
  const example = Math.max(0, ...examples.map(displayWidth));
  return Math.min(34, Math.max(10, header + 2, values + 4, example + 2));
}

function prepareColumn(
  sheet: Worksheet,
  column: Column,
  index: number,
  choices: readonly ColumnValue[],
  examples: readonly string[],
  nextList: () => number,
  lists: Worksheet,
): void {
  const target = sheet.getColumn(index + 1);
  target.width = widthOf(column, choices, examples);
  target.font = FONT;
  const format = FORMATS[column.type];
  if (format !== undefined) target.numFmt = format;
  if (choices.length === 0) return;
  const list = nextList();
  choices.forEach((choice, row) => (lists.getCell(row + 1, list).value = shown(choice)));
  const letter = columnLetter(list - 1);
  const range = `${columnLetter(index)}2:${columnLetter(index)}${TEMPLATE_ROWS + 1}`;
  // The engine has worksheet.dataValidations (one rule for a whole range) but its exceljs-compatible typings omit it.
  (sheet as unknown as { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations.add(
    range,
    {
      type: "list",
      allowBlank: true,
      formulae: [`${LISTS_SHEET}!$${letter}$1:$${letter}$${choices.length}`],
      showErrorMessage: true,
      // A warning, not Excel's "stop": a clerk may keep a synonym the reader accepts (砖混结构, 是, TRUE …).
      errorStyle: "warning",
      errorTitle: column.zh.slice(0, 32),
      error: cut(`请从下拉列表中选择；也可填写下列写法之一：${synonyms(choices)}。确认保留请选“是”。`, 225),
      showInputMessage: true,
      promptTitle: column.zh.slice(0, 32),
      prompt: cut(`可选：${choices.map(shown).join("、")}`, 250),
    },
  );
}

/** The other ways each choice may be written, for a validation message. */
function synonyms(choices: readonly ColumnValue[]): string {
  return choices
    .flatMap((choice) => [choice.value, ...choice.aliases].filter((name) => name !== shown(choice)))
    .join("、");
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const FORMATS: { readonly [type in Column["type"]]?: string } = {
  text: "@",
  money: "@",
  quantity: "@",
  date: "yyyy-mm-dd",
  count: "0",
  year: "0",
};

const ACCEPTS: { readonly [type in Column["type"]]: string } = {
  text: "文本",
  money: "金额（元）：如 1250.50；可带千分位（1,250.50）、全角数字、¥ 或“元”；不要填万元",
  quantity: "数量：如 120.5；可带千分位或全角数字；单位见“单位”列",
  date: "日期：2016-11-01、2016/11/1、2016年11月1日、20161101，或 Excel 日期单元格",
  boolean: "是/否（也接受 TRUE/FALSE、yes/no、1/0、√/×）",
  count: "整数（≥ 0），如 35",
  year: "年份，如 2017 或 2017年",
  enum: "下拉列表中的取值，或其同义写法、英文值",
  "structure-type": "结构类型：下拉列表中的取值，或其同义写法（规则集 clearance.rates 的类型）",
};

const NOTES_TITLE_FONT = { ...FONT, bold: true, size: 14 } as const;

function writeNotes(sheet: Worksheet, layout: Layout, ruleSet: RuleSet, kind: string): void {
  const listName = layout.list === "items" ? "地上物" : layout.list === "leases" ? "租赁合同" : "退出企业";
  const ledger = layout.kind === "ledger";
  const id = ledger ? "案件编号" : "编号";
  const lines = [
    `${layout.zhName}填报模板 · 填表说明（exitfund template ${layout.kind}）`,
    layout.list === undefined
      ? "1. 每行填写一条记录；空单元格表示该项未填写。"
      : `1. 每个${listName}填一行；编号相同的各行属于同一案件，案件本身的各列在各行须相同（或在第一行之后留空、合并单元格）。`,
    "2. 有下拉列表的列：请从列表中选择中文取值；也可直接输入“可选值”列中的同义写法或英文值（Excel 提示时选“是”保留）。",
    "3. 金额和数量请按文本填写，以免 Excel 改变小数；可带千分位（1,234.50）、全角数字或“元”，读取时按所示数值计算。不要以万元填写。",
    "4. 日期可写 2016-11-01、2016/11/1、2016年11月1日，或使用日期单元格。",
    "5. 表头可写英文列名、中文表头或二者。表头上方可有标题行，表格下方可有合计、小计行和填表人、审核人等签字行：读取时跳过并提示。“序号”“备注”列不读取。",
    `6. A 列“示例”标出模板自带的示例行（红底），示例的${id}也以“示例-”开头：请先删除示例行再填写，否则整个文件不予计算（只删去 A 列不行：${id}以“示例”开头的行同样不予读取）。若要把示例行改作真实数据，请清空其 A 列并改用${ledger ? "所付案件的编号" : "自己的编号"}。`,
    "7. 一个工作簿可有多个工作表（如每个乡镇一个），每个工作表都会读取；工作表名可为类型名（如“腾地经费”）。",
    "读取规则详见 docs/files.md。English: the columns below; docs/files.md describes every rule.",
  ];
  const widths = [6, 30, 28, 10, 8, 44, 60];
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  const across = [widths.reduce((sum, width) => sum + width, 0)];
  lines.forEach((text, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = text;
    cell.font = index === 0 ? NOTES_TITLE_FONT : FONT;
    sheet.mergeCells(index + 1, 1, index + 1, 7);
    cell.alignment = { wrapText: true, vertical: "middle" };
    sheet.getRow(index + 1).height = index === 0 ? 24 : wrappedHeight([text], across);
  });
  const headerRow = lines.length + 2;
  const header = sheet.getRow(headerRow);
  ["列", "中文表头", "英文列名", "单位", "必填", "填写要求", "可选值（及同义写法）"].forEach(
    (text, index) => (header.getCell(index + 1).value = text),
  );
  header.font = { ...FONT, bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  Object.assign(sheet.pageSetup, sheetOptions(headerRow).pageSetup);
  const exampleRow = sheet.getRow(headerRow + 1);
  exampleRow.values = [
    "A",
    "示例",
    "example",
    "",
    "否",
    `模板示例行的标记；有此标记的行不予读取，请删除示例行。示例的${id}也以“示例-”开头，${id}以“示例”开头的行同样不予读取`,
    "",
  ];
  exampleRow.alignment = { wrapText: true, vertical: "top" };
  exampleRow.font = FONT;
  exampleRow.height = wrappedHeight(exampleRow.values as unknown[], [0, ...widths]);
  layout.columns.forEach((column, index) => {
    const values = choicesOf(column, ruleSet, kind);
    const row = sheet.getRow(headerRow + 2 + index);
    row.values = [
      columnLetter(index + TEMPLATE_FIRST_COLUMN - 1),
      column.zh,
      column.key,
      column.unit,
      requiredText(layout, column),
      ACCEPTS[column.type],
      values
        .map((choice) => {
          const others = [choice.value, ...choice.aliases].filter((name) => name !== shown(choice));
          return others.length === 0 ? shown(choice) : `${shown(choice)}（${others.join("、")}）`;
        })
        .join("；"),
    ];
    row.alignment = { wrapText: true, vertical: "top" };
    row.font = FONT;
    row.height = wrappedHeight(row.values as unknown[], [0, ...widths]);
  });
}

function requiredText(layout: Layout, column: Column): string {
  if (!column.required) return "否";
  return column.perRow && layout.list !== "items" ? "有明细行时必填" : "是";
}
