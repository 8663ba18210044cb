import { newWorkbook, type Cell, type Row, type Workbook, type Worksheet } from "./engine.js";
import type { ComputeDocument } from "../../batch/compute.js";
import { DEFAULT_ROUNDING, ZERO, type Rounding } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import {
  DECLARED_BASIS_ZH,
  ILLUSTRATIVE_NOTE_ZH,
  capitalOf,
  declarationView,
  type DeclarationView,
  type ItemView,
} from "./verificationView.js";
import { border, header, moneyCell, numberCell, setColumns, sheetOptions, title } from "./cells.js";
import { refuseLargeWorkbook, workbookBytes } from "./bytes.js";

/** Title of each declaration's sheet. */
export const SHEET_TITLE = "区住房城乡建设委 腾地经费核定表";
/** Title of the summary sheet. */
export const SUMMARY_TITLE = "区住房城乡建设委 腾地经费核定汇总表";
/** Name of the summary sheet (always the first). */
export const SUMMARY_SHEET = "汇总";

/** Labels of the totals rows of a declaration sheet (column A), so readers can find them. */
export const TOTAL_LABELS = {
  declared: "申报金额合计",
  approved: "核定金额合计",
  difference: "差额（核定－申报）",
  declaredCapital: "申报金额（大写）",
  approvedCapital: "核定金额（大写）",
  grandTotal: "合计",
} as const;

const RATE_FORMAT = "#,##0.00##";
const HEADER_ROW = 6;
const MAX_SHEET_NAME = 31;

/** Columns of a declaration sheet; the last five are hidden and hold the exact decimal strings. */
const ITEM_COLUMNS = [
  { header: "序号", width: 6 },
  { header: "编号", width: 12 },
  { header: "申报结构类型", width: 24 },
  { header: "申报数量", width: 11 },
  { header: "核定结构类型", width: 24 },
  { header: "核定数量", width: 11 },
  { header: "单位", width: 6 },
  { header: "单价(元)", width: 11 },
  { header: "核定金额(元)", width: 15 },
  { header: "申报金额(元)", width: 15 },
  { header: "申报金额来源", width: 12 },
  { header: "问题", width: 44 },
  { header: "申报数量(精确值)", width: 14, hidden: true },
  { header: "核定数量(精确值)", width: 14, hidden: true },
  { header: "单价(精确值)", width: 14, hidden: true },
  { header: "核定金额(精确值)", width: 16, hidden: true },
  { header: "申报金额(精确值)", width: 16, hidden: true },
] as const;
const LAST_VISIBLE = 12;
/** Column of the figure of a totals row, and of its exact string. */
const TOTAL_VALUE_COLUMN = 9;
const TOTAL_EXACT_COLUMN = 16;

const SUMMARY_COLUMNS = [
  { header: "申报编号", width: 18 },
  { header: "乡镇", width: 10 },
  { header: "村", width: 10 },
  { header: "地块", width: 24 },
  { header: "申报日期", width: 12 },
  { header: "项数", width: 6 },
  { header: "问题数", width: 7 },
  { header: "申报金额(元)", width: 15 },
  { header: "核定金额(元)", width: 15 },
  { header: "差额(元)", width: 15 },
  { header: "核定金额（大写）", width: 40 },
  { header: "申报金额(精确值)", width: 16, hidden: true },
  { header: "核定金额(精确值)", width: 16, hidden: true },
  { header: "差额(精确值)", width: 16, hidden: true },
] as const;

/** What the sheets say about the rule set. */
export interface RuleSetLabel {
  readonly id: string;
  readonly version: string;
  readonly title?: string;
  /** The rule set's rounding: the grand total is shown at its scale (default 2). */
  readonly rounding?: Rounding;
}

/**
 * 核定表 · verification workbook — the housing commission's sheet of a `verify` document as XLSX bytes.
 *
 * @remarks
 * A summary sheet (汇总, first) with one row per declaration and a grand total, then one sheet per
 * declaration: title, township, village, site, declared date, rule set, the illustrative-rates notice
 * when the basis is illustrative, one row per item, declared/approved/difference totals as number cells
 * (`#,##0.00`) with their exact decimal strings in hidden columns, both totals in 人民币大写, and lines
 * for the verifier's signature and the date. Printed A4 landscape, fit to width, header row repeated.
 * @example const bytes = await verificationWorkbookBytes(document, { id: "tongzhou-2016", version: "1" });
 */
export async function verificationWorkbookBytes(
  document: ComputeDocument,
  ruleSet: RuleSetLabel,
  options: { readonly maxCells?: number } = {},
): Promise<Uint8Array> {
  const items = document.results.reduce(
    (n, outcome) => n + ((outcome.detail as { items?: unknown[] } | undefined)?.items?.length ?? 0),
    0,
  );
  refuseLargeWorkbook(items * 14 + document.results.length * 40, items + 20, options.maxCells);
  const workbook = verificationWorkbook(document.results.map(declarationView), ruleSet);
  return await workbookBytes(workbook);
}

/** The workbook of some declaration views (summary first). */
export function verificationWorkbook(declarations: readonly DeclarationView[], ruleSet: RuleSetLabel): Workbook {
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase(), "history"]);
  const summary = workbook.addWorksheet(SUMMARY_SHEET, sheetOptions(4));
  const names = declarations.map((declaration) => uniqueSheetName(declaration.id, taken));
  writeSummary(summary, declarations, names, ruleSet);
  declarations.forEach((declaration, index) =>
    writeDeclaration(
      workbook.addWorksheet(names[index] ?? declaration.id, sheetOptions(HEADER_ROW)),
      declaration,
      ruleSet,
    ),
  );
  return workbook;
}

/**
 * A worksheet name Excel accepts, made from `wanted`: none of `[ ] : * ? / \`, no leading or trailing
 * apostrophe, at most 31 characters, unique (case-insensitively) among `taken`, which it joins.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const cleaned =
    wanted
      .replace(/[[\]:*?/\\\u0000-\u001F\u007F]/g, "_")
      .replace(/^'+|'+$/g, "")
      .trim() || "申报";
  for (let attempt = 1; ; attempt += 1) {
    const suffix = attempt === 1 ? "" : `~${attempt}`;
    const name = `${truncate(cleaned, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "")}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** At most `length` UTF-16 units, never splitting a surrogate pair. */
function truncate(text: string, length: number): string {
  let out = "";
  for (const character of text) {
    if (out.length + character.length > length) break;
    out += character;
  }
  return out;
}

function writeSummary(
  sheet: Worksheet,
  declarations: readonly DeclarationView[],
  names: readonly string[],
  ruleSet: RuleSetLabel,
): void {
  setColumns(sheet, SUMMARY_COLUMNS);
  title(sheet, SUMMARY_TITLE, 11);
  sheet.getCell("A2").value = `规则集：${ruleSetText(ruleSet)}　申报数：${declarations.length}`;
  if (declarations.some((d) => d.basis === "illustrative")) notice(sheet.getCell("A3"));
  header(
    sheet.getRow(4),
    SUMMARY_COLUMNS.map((c) => c.header),
  );
  let declared = ZERO;
  let approved = ZERO;
  declarations.forEach((d, index) => {
    const row = sheet.getRow(5 + index);
    row.getCell(1).value = { text: d.id, hyperlink: `#'${names[index] ?? d.id}'!A1` };
    [d.township, d.village, d.site, d.declaredOn].forEach((text, offset) => (row.getCell(2 + offset).value = text));
    row.getCell(6).value = d.items.length;
    row.getCell(7).value = d.findingCount;
    summaryFigures(row, d.totals);
    declared = declared.plus(d.totals.declared);
    approved = approved.plus(d.totals.approved);
  });
  const total = sheet.getRow(5 + declarations.length);
  total.getCell(1).value = TOTAL_LABELS.grandTotal;
  total.getCell(6).value = declarations.reduce((n, d) => n + d.items.length, 0);
  total.getCell(7).value = declarations.reduce((n, d) => n + d.findingCount, 0);
  const rounding = ruleSet.rounding ?? DEFAULT_ROUNDING;
  summaryFigures(total, {
    declared: toMoneyString(declared, rounding),
    approved: toMoneyString(approved, rounding),
    difference: toMoneyString(approved.minus(declared), rounding),
  });
  total.font = { bold: true };
  border(sheet, 4, 5 + declarations.length, 11);
}

function summaryFigures(row: Row, totals: DeclarationView["totals"]): void {
  moneyCell(row.getCell(8), totals.declared);
  moneyCell(row.getCell(9), totals.approved);
  moneyCell(row.getCell(10), totals.difference);
  row.getCell(11).value = capitalOf(totals.approved);
  [totals.declared, totals.approved, totals.difference].forEach(
    (exact, offset) => (row.getCell(12 + offset).value = exact),
  );
}

function writeDeclaration(sheet: Worksheet, d: DeclarationView, ruleSet: RuleSetLabel): void {
  setColumns(sheet, ITEM_COLUMNS);
  title(sheet, SHEET_TITLE, LAST_VISIBLE);
  // Each heading line is one merged cell, so no label or value is cut by a narrow column.
  line(sheet, 2, [
    ["申报编号", d.id],
    ["申报日期", d.declaredOn],
    ["乡镇", d.township],
    ["村", d.village],
  ]);
  line(sheet, 3, [
    ["地块", d.site],
    ["规则集", ruleSetText(ruleSet)],
  ]);
  if (d.basis === "illustrative") notice(sheet.getCell("A4"));
  else sheet.getCell("A4").value = `参数依据：${d.basis === "official" ? "官方（official）" : "公开报道（reported）"}`;
  sheet.mergeCells(4, 1, 4, LAST_VISIBLE);
  header(
    sheet.getRow(HEADER_ROW),
    ITEM_COLUMNS.map((c) => c.header),
  );
  d.items.forEach((item, index) => itemRow(sheet.getRow(HEADER_ROW + 1 + index), item));
  const last = HEADER_ROW + d.items.length;
  border(sheet, HEADER_ROW, last, LAST_VISIBLE);
  writeTotals(sheet, d, last + 1);
}

function itemRow(row: Row, item: ItemView): void {
  row.getCell(1).value = item.no;
  row.getCell(2).value = item.id;
  row.getCell(3).value =
    `${item.declaredTypeZh}${item.declaredTypeZh === item.declaredType ? "" : ` ${item.declaredType}`}`;
  quantityCell(row.getCell(4), item.declaredQuantity);
  row.getCell(5).value =
    `${item.approvedTypeZh}${item.approvedTypeZh === item.approvedType ? "" : ` ${item.approvedType}`}`;
  quantityCell(row.getCell(6), item.approvedQuantity);
  row.getCell(7).value = item.unitZh;
  numberCell(row.getCell(8), item.rate, RATE_FORMAT);
  moneyCell(row.getCell(9), item.fee);
  moneyCell(row.getCell(10), item.declared);
  row.getCell(11).value = item.declaredFromRates ? "按单价测算" : "申报";
  row.getCell(12).value = item.findings.map((f) => `${f.code} ${f.zh}`).join("\n");
  row.getCell(12).alignment = { wrapText: true, vertical: "top" };
  // Excel does not grow a row for wrapped text it did not lay out itself: about 30 CJK characters fit a line of the 问题 column.
  const lines = item.findings.reduce((n, f) => n + Math.ceil((f.code.length / 2 + f.zh.length + 1) / 30), 0);
  if (lines > 1) row.height = lines * 15;
  [item.declaredQuantity, item.approvedQuantity, item.rate, item.fee, item.declared].forEach(
    (exact, offset) => (row.getCell(13 + offset).value = exact),
  );
}

function writeTotals(sheet: Worksheet, d: DeclarationView, first: number): void {
  const figures: readonly [string, string][] = [
    [TOTAL_LABELS.declared, d.totals.declared],
    [TOTAL_LABELS.approved, d.totals.approved],
    [TOTAL_LABELS.difference, d.totals.difference],
  ];
  figures.forEach(([label, amount], offset) => {
    const row = sheet.getRow(first + offset);
    totalLabel(sheet, row, label);
    moneyCell(row.getCell(TOTAL_VALUE_COLUMN), amount);
    row.getCell(TOTAL_EXACT_COLUMN).value = amount;
    row.font = { bold: true };
  });
  const capitals: readonly [string, string][] = [
    [TOTAL_LABELS.declaredCapital, d.totals.declared],
    [TOTAL_LABELS.approvedCapital, d.totals.approved],
  ];
  capitals.forEach(([label, amount], offset) => {
    const row = sheet.getRow(first + 3 + offset);
    totalLabel(sheet, row, label);
    row.getCell(TOTAL_VALUE_COLUMN).value = capitalOf(amount);
    sheet.mergeCells(row.number, TOTAL_VALUE_COLUMN, row.number, LAST_VISIBLE);
  });
  border(sheet, first, first + 4, LAST_VISIBLE);
  sheet.getCell(first + 5, 1).value =
    `申报合计口径：${DECLARED_BASIS_ZH[d.declaredBasis]}。核定金额合计为各项核定金额之和；差额 = 核定 − 申报。`;
  sheet.mergeCells(first + 5, 1, first + 5, LAST_VISIBLE);
  const signature = sheet.getRow(first + 7);
  signature.getCell(1).value = "核定人（签字）：";
  sheet.mergeCells(signature.number, 1, signature.number, 2);
  signature.getCell(3).value = "____________________";
  signature.getCell(8).value = "日期：";
  signature.getCell(9).value = "______年____月____日";
  signature.height = 30;
  signature.alignment = { vertical: "bottom" };
}

function totalLabel(sheet: Worksheet, row: Row, label: string): void {
  row.getCell(1).value = label;
  row.getCell(1).alignment = { horizontal: "right" };
  sheet.mergeCells(row.number, 1, row.number, TOTAL_VALUE_COLUMN - 1);
}

function notice(cell: Cell): void {
  cell.value = ILLUSTRATIVE_NOTE_ZH;
  cell.font = { bold: true, color: { argb: "FFC00000" } };
}

function line(sheet: Worksheet, rowNumber: number, pairs: readonly (readonly [string, string])[]): void {
  const cell = sheet.getCell(rowNumber, 1);
  cell.value = {
    richText: pairs.flatMap(([label, value], index) => [
      { text: `${index === 0 ? "" : "　　"}${label}：`, font: { bold: true } },
      { text: value },
    ]),
  };
  cell.alignment = { horizontal: "left", vertical: "middle" };
  sheet.mergeCells(rowNumber, 1, rowNumber, LAST_VISIBLE);
}

function ruleSetText(ruleSet: RuleSetLabel): string {
  return `${ruleSet.id} v${ruleSet.version}${ruleSet.title === undefined ? "" : `（${ruleSet.title}）`}`;
}

function quantityCell(cell: Cell, value: string): void {
  numberCell(cell, value, "General");
}
