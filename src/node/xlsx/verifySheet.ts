import { newWorkbook, type Row, type Workbook, type Worksheet } from "./engine.js";
import type { ComputeDocument } from "../../batch/compute.js";
import { DEFAULT_ROUNDING, ZERO, type Rounding } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import { weakestStatus } from "../../parameters/status.js";
import type { Status } from "../../trace/types.js";
import {
  DECLARED_BASIS_ZH,
  ILLUSTRATIVE_NOTE_ZH,
  capitalOf,
  declarationView,
  type DeclarationView,
  type ItemView,
} from "./verificationView.js";
import {
  QUANTITY_FORMAT,
  RATE_FORMAT,
  border,
  bold,
  countCell,
  exactCell,
  header,
  line,
  merge,
  moneyCell,
  numberCell,
  setColumns,
  textCell,
  title,
} from "./cells.js";
import { finishSheet, printSetup, signOff, type SignBox } from "./layout.js";
import { STATUS_WORDS, titleWords } from "./words.js";
import { refuseLargeWorkbook, workbookBytes } from "./bytes.js";
import { computeFigures, signWorkbook } from "./receiptSheet.js";

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

/**
 * 签字盖章栏 · the sign-off of a 核定表 (each declaration and the 汇总): the declaring township's seal and the
 * commission's, then the verifier's, the reviewer's and the head's signatures, each with its date.
 */
export function verificationSignOff(declaredBy: string): readonly (readonly SignBox[])[] {
  return [
    [
      { label: "申报单位（盖章）", seal: true, value: declaredBy },
      { label: "核定单位（盖章）", seal: true },
    ],
    [{ label: "核定人（签字）" }, { label: "复核人（签字）" }, { label: "负责人（签字）" }],
  ];
}

const HEADER_ROW = 6;
const MAX_SHEET_NAME = 31;

/** Columns of a declaration sheet; the last five are hidden and hold the exact decimal strings. */
const ITEM_COLUMNS = [
  { header: "序号", width: 5.5 },
  { header: "编号", width: 12 },
  { header: "申报结构类型", width: 14.5 },
  { header: "申报数量", width: 11 },
  { header: "核定结构类型", width: 14.5 },
  { header: "核定数量", width: 11 },
  { header: "单位", width: 6 },
  { header: "单价（元）", width: 11 },
  { header: "核定金额（元）", width: 17 },
  { header: "申报金额（元）", width: 17 },
  { header: "申报金额来源", width: 12 },
  { header: "问题", width: 42 },
  { header: "申报数量（精确值）", width: 14, hidden: true },
  { header: "核定数量（精确值）", width: 14, hidden: true },
  { header: "单价（精确值）", width: 14, hidden: true },
  { header: "核定金额（精确值）", width: 16, hidden: true },
  { header: "申报金额（精确值）", width: 16, hidden: true },
] as const;
const LAST_VISIBLE = 12;
/** Column of the figure of a totals row, and of its exact string. */
const TOTAL_VALUE_COLUMN = 9;
const TOTAL_EXACT_COLUMN = 16;

const SUMMARY_HEADER_ROW = 5;
const SUMMARY_COLUMNS = [
  { header: "序号", width: 5.5 },
  { header: "申报编号", width: 17 },
  { header: "乡镇", width: 11 },
  { header: "村", width: 11 },
  { header: "地块", width: 20 },
  { header: "申报日期", width: 12 },
  { header: "项数", width: 6 },
  { header: "问题数", width: 7 },
  { header: "申报金额（元）", width: 17 },
  { header: "核定金额（元）", width: 17 },
  { header: "差额（元）", width: 16 },
  { header: "核定金额（大写）", width: 36 },
  { header: "申报金额（精确值）", width: 16, hidden: true },
  { header: "核定金额（精确值）", width: 16, hidden: true },
  { header: "差额（精确值）", width: 16, hidden: true },
] as const;
const SUMMARY_LAST_VISIBLE = 12;

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
 * A summary sheet (汇总, first) with one row per declaration, a grand total and its 大写, then one sheet per
 * declaration: title, township, village, site, declared date, rule set, the illustrative-rates notice when the
 * basis is illustrative, one row per item (findings in Chinese, each on its line), declared/approved/difference
 * totals as number cells (`#,##0.00`) with their exact decimal strings in hidden columns, both totals in
 * 人民币大写, and a sign-off block: 申报单位（盖章）, 核定单位（盖章）, 核定人, 复核人, 负责人, each with a date
 * (the 汇总 sheet has the same block). Chinese only; text in 宋体, figures in a fixed font. Printed A4
 * landscape, fit to width, header rows repeated, the declaration id in the page header and `第 N 页 共 M 页` in
 * the footer. `ruleSet` defaults to the document's.
 * @example const bytes = await verificationWorkbookBytes(document, { id: "tongzhou-2016", version: "1" });
 */
export async function verificationWorkbookBytes(
  document: ComputeDocument,
  ruleSet: RuleSetLabel = document.ruleSet,
  options: { readonly maxCells?: number } = {},
): Promise<Uint8Array> {
  const items = document.results.reduce(
    (n, outcome) => n + ((outcome.detail as { items?: unknown[] } | undefined)?.items?.length ?? 0),
    0,
  );
  refuseLargeWorkbook(items * 14 + document.results.length * 60, items + 30, options.maxCells);
  const workbook = verificationWorkbook(document.results.map(declarationView), ruleSet);
  signWorkbook(workbook, document.receipt, computeFigures(document, "verify"));
  return await workbookBytes(workbook);
}

/** The workbook of some declaration views (summary first). */
export function verificationWorkbook(declarations: readonly DeclarationView[], ruleSet: RuleSetLabel): Workbook {
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase(), "history"]);
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  const names = declarations.map((declaration) => uniqueSheetName(declaration.id, taken));
  writeSummary(summary, declarations, names, ruleSet);
  declarations.forEach((declaration, index) =>
    writeDeclaration(workbook.addWorksheet(names[index] ?? declaration.id), declaration, ruleSet),
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
  title(sheet, SUMMARY_TITLE, SUMMARY_LAST_VISIBLE);
  line(
    sheet,
    2,
    `参数依据：${ruleSetText(ruleSet)}　　申报数：${declarations.length}　　金额单位：元`,
    SUMMARY_LAST_VISIBLE,
  );
  basisLine(sheet, 3, weakestStatus(declarations.map((d) => d.basis)), SUMMARY_LAST_VISIBLE);
  header(
    sheet.getRow(SUMMARY_HEADER_ROW),
    SUMMARY_COLUMNS.map((c) => c.header),
  );
  let declared = ZERO;
  let approved = ZERO;
  declarations.forEach((d, index) => {
    const row = sheet.getRow(SUMMARY_HEADER_ROW + 1 + index);
    countCell(row.getCell(1), index + 1);
    row.getCell(2).value = { text: d.id, hyperlink: `#'${names[index] ?? d.id}'!A1` };
    row.getCell(2).alignment = { horizontal: "left", vertical: "middle", wrapText: true, indent: 1 };
    [d.township, d.village, d.site].forEach((text, offset) => textCell(row.getCell(3 + offset), text));
    textCell(row.getCell(6), d.declaredOn, { horizontal: "center" });
    countCell(row.getCell(7), d.items.length);
    countCell(row.getCell(8), d.findingCount);
    summaryFigures(row, d.totals);
    declared = declared.plus(d.totals.declared);
    approved = approved.plus(d.totals.approved);
  });
  const totalRow = SUMMARY_HEADER_ROW + 1 + declarations.length;
  const total = sheet.getRow(totalRow);
  textCell(total.getCell(1), TOTAL_LABELS.grandTotal, { horizontal: "center" });
  merge(sheet, totalRow, 1, totalRow, 6);
  countCell(
    total.getCell(7),
    declarations.reduce((n, d) => n + d.items.length, 0),
  );
  countCell(
    total.getCell(8),
    declarations.reduce((n, d) => n + d.findingCount, 0),
  );
  const rounding = ruleSet.rounding ?? DEFAULT_ROUNDING;
  const totals = {
    declared: toMoneyString(declared, rounding),
    approved: toMoneyString(approved, rounding),
    difference: toMoneyString(approved.minus(declared), rounding),
  };
  summaryFigures(total, totals);
  bold(total, SUMMARY_LAST_VISIBLE);
  border(sheet, SUMMARY_HEADER_ROW, totalRow, SUMMARY_LAST_VISIBLE);
  line(sheet, totalRow + 1, `申报金额合计（大写）：${capitalOf(totals.declared)}`, SUMMARY_LAST_VISIBLE);
  line(sheet, totalRow + 2, `核定金额合计（大写）：${capitalOf(totals.approved)}`, SUMMARY_LAST_VISIBLE, {
    bold: true,
  });
  const townships = [...new Set(declarations.map((d) => d.township))];
  signOff(
    sheet,
    totalRow + 4,
    SUMMARY_LAST_VISIBLE,
    verificationSignOff(townships.length <= 3 ? townships.join("、") : ""),
  );
  printSetup(sheet, {
    orientation: "landscape",
    titleRows: [SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW],
    header: `${SUMMARY_TITLE}　申报 ${declarations.length} 份`,
  });
  finishSheet(sheet);
}

function summaryFigures(row: Row, totals: DeclarationView["totals"]): void {
  moneyCell(row.getCell(9), totals.declared);
  moneyCell(row.getCell(10), totals.approved);
  moneyCell(row.getCell(11), totals.difference);
  textCell(row.getCell(12), capitalOf(totals.approved));
  [totals.declared, totals.approved, totals.difference].forEach((exact, offset) =>
    exactCell(row.getCell(13 + offset), exact),
  );
}

function writeDeclaration(sheet: Worksheet, d: DeclarationView, ruleSet: RuleSetLabel): void {
  setColumns(sheet, ITEM_COLUMNS);
  title(sheet, SHEET_TITLE, LAST_VISIBLE);
  fields(sheet, 2, [
    ["申报编号", d.id],
    ["申报日期", d.declaredOn],
    ["乡镇", d.township],
    ["村", d.village],
  ]);
  fields(sheet, 3, [
    ["地块", d.site],
    ["参数依据", ruleSetText(ruleSet)],
  ]);
  basisLine(sheet, 4, d.basis, LAST_VISIBLE);
  const unit = sheet.getCell(5, 1);
  unit.value = "金额单位：元；数量单位见“单位”栏";
  unit.alignment = { horizontal: "right", vertical: "middle" };
  merge(sheet, 5, 1, 5, LAST_VISIBLE);
  header(
    sheet.getRow(HEADER_ROW),
    ITEM_COLUMNS.map((c) => c.header),
  );
  d.items.forEach((item, index) => itemRow(sheet.getRow(HEADER_ROW + 1 + index), item));
  const last = HEADER_ROW + d.items.length;
  border(sheet, HEADER_ROW, last, LAST_VISIBLE);
  const after = writeTotals(sheet, d, last + 1);
  signOff(sheet, after + 1, LAST_VISIBLE, verificationSignOff(d.township));
  printSetup(sheet, {
    orientation: "landscape",
    titleRows: [HEADER_ROW, HEADER_ROW],
    header: `申报编号：${d.id}　${d.township} ${d.village} ${d.site}`,
    footerLeft: SHEET_TITLE,
  });
  finishSheet(sheet);
}

/** ① … ⑳, then (21), (22) …: each finding of an item on its own line. */
function numbered(index: number, count: number): string {
  if (count === 1) return "";
  return index < 20 ? String.fromCodePoint(0x2460 + index) : `(${index + 1})`;
}

function itemRow(row: Row, item: ItemView): void {
  countCell(row.getCell(1), item.no);
  textCell(row.getCell(2), item.id);
  textCell(row.getCell(3), item.declaredTypeZh);
  numberCell(row.getCell(4), item.declaredQuantity, QUANTITY_FORMAT);
  textCell(row.getCell(5), item.approvedTypeZh);
  numberCell(row.getCell(6), item.approvedQuantity, QUANTITY_FORMAT);
  textCell(row.getCell(7), item.unitZh, { horizontal: "center" });
  numberCell(row.getCell(8), item.rate, RATE_FORMAT);
  moneyCell(row.getCell(9), item.fee);
  moneyCell(row.getCell(10), item.declared);
  textCell(row.getCell(11), item.declaredFromRates ? "按单价测算" : "申报", { horizontal: "center" });
  textCell(
    row.getCell(12),
    item.findings.length === 0
      ? "—"
      : item.findings.map((f, index) => `${numbered(index, item.findings.length)}${f.zh}`).join("\n"),
    { horizontal: item.findings.length === 0 ? "center" : "left" },
  );
  if (item.findings.length > 0) row.getCell(12).alignment = { ...row.getCell(12).alignment, vertical: "top" };
  [item.declaredQuantity, item.approvedQuantity, item.rate, item.fee, item.declared].forEach((exact, offset) =>
    exactCell(row.getCell(13 + offset), exact),
  );
}

/** The totals, their 大写 and the note on the declared total; returns the row after them. */
function writeTotals(sheet: Worksheet, d: DeclarationView, first: number): number {
  const figures: readonly [string, string][] = [
    [TOTAL_LABELS.declared, d.totals.declared],
    [TOTAL_LABELS.approved, d.totals.approved],
    [TOTAL_LABELS.difference, d.totals.difference],
  ];
  figures.forEach(([label, amount], offset) => {
    const row = sheet.getRow(first + offset);
    totalLabel(sheet, row, label);
    moneyCell(row.getCell(TOTAL_VALUE_COLUMN), amount);
    merge(sheet, row.number, TOTAL_VALUE_COLUMN + 1, row.number, LAST_VISIBLE);
    exactCell(row.getCell(TOTAL_EXACT_COLUMN), amount);
    bold(row, LAST_VISIBLE);
  });
  const capitals: readonly [string, string][] = [
    [TOTAL_LABELS.declaredCapital, d.totals.declared],
    [TOTAL_LABELS.approvedCapital, d.totals.approved],
  ];
  capitals.forEach(([label, amount], offset) => {
    const row = sheet.getRow(first + 3 + offset);
    totalLabel(sheet, row, label);
    textCell(row.getCell(TOTAL_VALUE_COLUMN), capitalOf(amount));
    merge(sheet, row.number, TOTAL_VALUE_COLUMN, row.number, LAST_VISIBLE);
    if (label === TOTAL_LABELS.approvedCapital) bold(row, LAST_VISIBLE);
  });
  border(sheet, first, first + 4, LAST_VISIBLE);
  line(
    sheet,
    first + 5,
    `说明：申报合计口径为${DECLARED_BASIS_ZH[d.declaredBasis]}；核定金额合计为各项核定金额之和；差额 = 核定 − 申报。`,
    LAST_VISIBLE,
  );
  return first + 6;
}

function totalLabel(sheet: Worksheet, row: Row, label: string): void {
  textCell(row.getCell(1), label, { horizontal: "right" });
  merge(sheet, row.number, 1, row.number, TOTAL_VALUE_COLUMN - 1);
}

/** 参数依据 · the illustrative notice in red, or the standing of the parameters. */
function basisLine(sheet: Worksheet, rowNumber: number, basis: Status, width: number): void {
  if (basis === "illustrative")
    line(sheet, rowNumber, ILLUSTRATIVE_NOTE_ZH, width, { bold: true, color: { argb: "FFC00000" } });
  else line(sheet, rowNumber, `参数依据的性质：${STATUS_WORDS[basis]}`, width);
}

function fields(sheet: Worksheet, rowNumber: number, pairs: readonly (readonly [string, string])[]): void {
  line(
    sheet,
    rowNumber,
    {
      richText: pairs.flatMap(([label, value], index) => [
        { text: `${index === 0 ? "" : "　　"}${label}：`, font: { bold: true } },
        { text: value },
      ]),
    },
    LAST_VISIBLE,
  );
}

/** The rule set as a Chinese sheet names it: its title's Chinese, its id and version. */
export function ruleSetText(ruleSet: RuleSetLabel): string {
  const named = ruleSet.title === undefined ? "" : `${titleWords(ruleSet.title)}，`;
  return `${named}规则集 ${ruleSet.id} 第 ${ruleSet.version} 版`;
}
