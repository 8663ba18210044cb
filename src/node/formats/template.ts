import { newWorkbook, type CellValue, type DataValidation, type Workbook, type Worksheet } from "../xlsx/engine.js";
import { compiledParameter } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import type { Programme } from "../../rules/programme.js";
import { STRUCTURE_TYPE_LABELS } from "../../rules/land-clearing-fee/messages.js";
import { BOM, csvLines } from "./csv.js";
import {
  EXAMPLE_HEADER,
  EXAMPLE_MARK,
  columnLetter,
  layoutOf,
  templateHeader,
  type Column,
  type Layout,
} from "./columns.js";
import { UsageError } from "../io.js";
import { own } from "../own.js";
import { workbookBytes } from "../xlsx/bytes.js";

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

/**
 * Column A of every template: the example flag. The example rows carry {@link EXAMPLE_MARK} there, so the
 * reader refuses them until they are deleted; the layout's columns follow from column B.
 */
export const TEMPLATE_FIRST_COLUMN = 2;

/**
 * The example of each template (synthetic, valid), flagged 示例 in column A: the reader refuses a fresh
 * template, and reads it back as exactly this once the flag is cleared.
 */
export const TEMPLATE_EXAMPLES: { readonly [kind in TemplateKind]: { readonly [key: string]: unknown } } = {
  "enterprise-exit": {
    kind: "enterprise-exit",
    id: "E-2016-0001",
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
    id: "C-2016-0001",
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
    id: "V-2016-0001",
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
    id: "T-2017-台湖镇",
    township: "台湖镇",
    fiscalYear: 2017,
    priorYearRevenue: "50000000",
    exitedEnterprises: [
      { id: "E-2016-0001", priorYearTax: { vat: "150000", corporateIncome: "50000" }, priorYearOutput: "8000000" },
      { id: "E-2016-0002", priorYearTax: { vat: "20000" } },
    ],
  },
  ledger: {
    caseId: "E-2016-0001",
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
  const layout = layoutOf(kind, programme);
  if (layout === undefined)
    throw new UsageError(`no template for "${kind}": the programme computes no such kind`, {
      code: "unknown-template",
      zh: `没有 "${kind}" 的模板：本方案不计算该类型`,
    });
  const example = Object.hasOwn(TEMPLATE_EXAMPLES, kind) ? TEMPLATE_EXAMPLES[kind as TemplateKind] : { kind };
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

/**
 * The XLSX template of a kind: a sheet named after the kind (headers `key / 中文`, frozen; the example
 * rows; a dropdown on every enumerated column; text format on ids, money and quantities so Excel keeps
 * the exact decimals; a date format on dates) and a 说明 sheet describing each column.
 */
export function templateWorkbook(kind: string, ruleSet: RuleSet, programme?: Programme): Workbook {
  const { layout, example } = templateOf(kind, programme);
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const sheet = workbook.addWorksheet(kind, { views: [{ state: "frozen", ySplit: 1 }] });
  const types = structureTypes(ruleSet);
  const first = TEMPLATE_FIRST_COLUMN;
  layout.columns.forEach((column, index) =>
    prepareColumn(sheet, column, index + first - 1, column.key === "kind" ? [kind] : types),
  );
  const header = sheet.getRow(1);
  header.getCell(1).value = EXAMPLE_HEADER;
  sheet.getColumn(1).width = 40;
  layout.columns.forEach((column, index) => (header.getCell(index + first).value = templateHeader(column)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  header.height = 36;
  flattenCase(layout, example).forEach((values, offset) => {
    const row = sheet.getRow(2 + offset);
    row.getCell(1).value = EXAMPLE_MARK;
    row.getCell(1).font = { color: { argb: "FFC00000" }, bold: true };
    layout.columns.forEach((column, index) => {
      const value = values[column.key];
      if (value !== undefined) row.getCell(index + first).value = xlsxValue(column, value);
    });
  });
  writeNotes(workbook.addWorksheet(NOTES), layout, types);
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

function prepareColumn(sheet: Worksheet, column: Column, index: number, choices: readonly string[]): void {
  const target = sheet.getColumn(index + 1);
  target.width = Math.min(36, Math.max(12, templateHeader(column).length + 2));
  const format = FORMATS[column.type];
  if (format !== undefined) target.numFmt = format;
  const list = dropdown(column, choices);
  if (list === undefined) return;
  const range = `${columnLetter(index)}2:${columnLetter(index)}${TEMPLATE_ROWS + 1}`;
  // The engine has worksheet.dataValidations (one rule for a whole range) but its exceljs-compatible typings omit it.
  (sheet as unknown as { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations.add(
    range,
    {
      type: "list",
      allowBlank: true,
      formulae: [`"${list.join(",")}"`],
      showErrorMessage: true,
      errorTitle: column.zh,
      error: `请选择 ${list.join(" / ")}`.slice(0, 225),
    },
  );
}

const FORMATS: { readonly [type in Column["type"]]?: string } = {
  text: "@",
  money: "@",
  quantity: "@",
  date: "yyyy-mm-dd",
  count: "0",
  year: "0",
};

/** The values of a column's dropdown (`choices`: the structure types, or the sheet's kind); none when the list would exceed Excel's 255 characters. */
function dropdown(column: Column, choices: readonly string[]): readonly string[] | undefined {
  const list =
    column.type === "boolean"
      ? ["TRUE", "FALSE"]
      : column.type === "structure-type" || column.key === "kind"
        ? choices
        : column.values?.map(([key]) => key);
  return list === undefined || list.length === 0 || list.join(",").length > 253 ? undefined : list;
}

const ACCEPTS: { readonly [type in Column["type"]]: string } = {
  text: "文本 text",
  money: "金额（元），小数文本，如 1250.50；不写千分位和 ¥ / decimal text in yuan",
  quantity: "数量，小数文本，如 120.5 / decimal text",
  date: "日期 YYYY-MM-DD，或 Excel 日期单元格 / a date",
  boolean: "是/否（也接受 TRUE/FALSE、yes/no、1/0）",
  count: "整数 ≥ 0 / whole number",
  year: "年份，如 2017 / a year",
  enum: "下列值之一（英文值或中文名）/ one of the values",
  "structure-type": "结构类型：规则集 clearance.rates 的类型（英文值或中文名）",
};

function writeNotes(sheet: Worksheet, layout: Layout, types: readonly string[]): void {
  sheet.getColumn(1).width = 8;
  [36, 26, 10, 8, 50, 60].forEach((width, index) => (sheet.getColumn(index + 2).width = width));
  const lines = [
    `${layout.zhName}（${layout.kind}）填表说明 — exitfund template`,
    layout.list === undefined
      ? "每行一条记录。空单元格表示该项未填写。/ One row per record; an empty cell leaves the field out."
      : `每个${layout.list === "items" ? "地上物" : layout.list === "leases" ? "租赁合同" : "退出企业"}一行；同一编号的各行属于同一案件，案件本身的各列须相同（或在第一行之后留空）。/ One row per ${layout.list} entry; rows with the same id are one case.`,
    "金额和数量请用文本格式填写，以免 Excel 改变小数。Excel 数字单元格最多保留 15 位有效数字。",
    "表头可写英文列名、中文表头或二者（英文 / 中文）。The sheet name, or the kind column, gives the kind.",
    "A 列“示例”标出模板自带的示例行：请先删除示例行再填写，否则整个文件不予计算。Column A flags the example rows: delete them before you fill in the sheet; a file that still holds them is refused.",
  ];
  lines.forEach((text, index) => (sheet.getCell(index + 1, 1).value = text));
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const headerRow = lines.length + 2;
  const header = sheet.getRow(headerRow);
  ["列 column", "英文列名 header", "中文表头", "单位 unit", "必填 required", "接受 accepts", "可选值 values"].forEach(
    (text, index) => (header.getCell(index + 1).value = text),
  );
  header.font = { bold: true };
  sheet.getRow(headerRow + 1).values = [
    "A",
    "example",
    "示例",
    "",
    "否",
    "模板示例行的标记；有此标记的行不予读取，请删除示例行 / marks the template's example rows, which are refused: delete them",
    "",
  ];
  sheet.getRow(headerRow + 1).alignment = { wrapText: true, vertical: "top" };
  layout.columns.forEach((column, index) => {
    const values =
      column.type === "structure-type"
        ? types.map((type) => [type, own(STRUCTURE_TYPE_LABELS, type) ?? ""] as const)
        : (column.values ?? []);
    const row = sheet.getRow(headerRow + 2 + index);
    row.values = [
      columnLetter(index + TEMPLATE_FIRST_COLUMN - 1),
      column.key,
      column.zh,
      column.unit,
      requiredText(layout, column),
      ACCEPTS[column.type],
      values.map(([key, zh]) => (zh === "" ? key : `${key} ${zh}`)).join("；"),
    ];
    row.alignment = { wrapText: true, vertical: "top" };
  });
}

function requiredText(layout: Layout, column: Column): string {
  if (!column.required) return "否";
  return column.perRow && layout.list !== "items" ? "有明细行时必填" : "是";
}
