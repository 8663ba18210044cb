import { newWorkbook, type Workbook, type Worksheet } from "./engine.js";
import { DISCREPANCY_TYPES, type AuditDocument, type Discrepancy } from "../../audit/types.js";
import { ZERO, dec, type Dec, type Rounding } from "../../money/decimal.js";
import { formatAmount } from "../../money/format.js";
import { toMoneyString } from "../../money/round.js";
import { defaultProgramme } from "../../rules/default.js";
import type { Programme } from "../../rules/programme.js";
import type { OutcomeBase as Outcome } from "../../trace/types.js";
import { bold, border, countCell, header, line, merge, moneyCell, setColumns, textCell, title } from "./cells.js";
import { fieldLine, finishSheet, printSetup } from "./layout.js";
import { TRACE_COLUMNS, traceCells, writeTraceSheet } from "./traceSheet.js";
import { discrepancyWords, kindWords, payerWords, statusWords } from "./words.js";
import { refuseLargeWorkbook, workbookBytes } from "./bytes.js";
import { signWorkbook } from "./receiptSheet.js";

/** Sheet names of the audit workbook. */
export const AUDIT_SHEETS = {
  discrepancies: "差异",
  reconciliation: "核对",
  traces: "计算过程",
} as const;

/** The title every working paper of the audit carries, and the title of each sheet. */
export const AUDIT_TITLE = "产业调整退出资金审计工作底稿";
const SHEET_TITLES = {
  discrepancies: `${AUDIT_TITLE}　差异表`,
  reconciliation: `${AUDIT_TITLE}　逐案核对表`,
  traces: `${AUDIT_TITLE}　差异案件计算过程`,
} as const;

/**
 * The ledger rows of a discrepancy as an auditor looks them up: Excel's row numbers (`5, 9`), with their sheets
 * when the ledger has several (`2016 row 5, 2017 row 9`).
 */
export function ledgerRowsText(discrepancy: Pick<Discrepancy, "rows" | "sheets">): string {
  const rows = discrepancy.rows ?? [];
  const sheets = discrepancy.sheets;
  return rows
    .map((row, index) => (sheets === undefined ? String(row) : `${sheets[index] ?? ""} row ${row}`))
    .join(", ");
}

/** The same in Chinese, for the working papers: `第 5、9 行`, `2016 第 5 行、2017 第 9 行`. */
export function ledgerRowsWords(discrepancy: Pick<Discrepancy, "rows" | "sheets">): string {
  const rows = discrepancy.rows ?? [];
  if (rows.length === 0) return "";
  const sheets = discrepancy.sheets;
  if (sheets === undefined) return `第 ${rows.join("、")} 行`;
  return rows.map((row, index) => `${sheets[index] ?? ""} 第 ${row} 行`).join("、");
}

/** Labels (column A) of the totals rows, so readers can find them. */
export const AUDIT_TOTAL_LABELS = {
  discrepancies: "差异合计",
  cases: "案件合计",
  unknown: "无对应案件的台账行",
  grandTotal: "总计（全部案件及台账行）",
} as const;

const DISCREPANCY_COLUMNS = [
  { header: "序号", width: 5.5 },
  { header: "案件编号", width: 15 },
  { header: "差异类型", width: 17 },
  { header: "付款方", width: 8 },
  { header: "应付（元）", width: 17 },
  { header: "已付（元）", width: 17 },
  { header: "差额（已付−应付）", width: 17 },
  { header: "凭证号", width: 24 },
  { header: "台账行号", width: 16 },
] as const;

const RECONCILIATION_COLUMNS = [
  { header: "案件编号", width: 15 },
  { header: "案件类型", width: 20 },
  { header: "乡镇", width: 12 },
  { header: "应付·市级", width: 16 },
  { header: "应付·区级", width: 16 },
  { header: "应付合计", width: 17 },
  { header: "已付·市级", width: 16 },
  { header: "已付·区级", width: 16 },
  { header: "已付合计", width: 17 },
  { header: "差额（已付−应付）", width: 17 },
  { header: "核对结果", width: 11 },
  { header: "差异类型", width: 18 },
] as const;

/** Options of {@link auditWorkbookBytes}. */
export interface AuditWorkbookOptions {
  /** The most cells written in memory (the CLI's limit). */
  readonly maxCells?: number;
  /** The programme whose texts name kinds, tracks, rules and parameters (default `defaultProgramme`). */
  readonly programme?: Programme;
}

/**
 * 审计工作底稿 · the audit workbook: discrepancies, the reconciliation of every case, and the traces of the
 * discrepant cases, as working papers an auditor files.
 *
 * @remarks
 * Each sheet carries the working-paper heading (被审计事项, 索引号, 编制人, 复核人 and their dates, the rule set and
 * tolerance), Chinese column headers, and prints A4 landscape, fit to width, headers repeated, `第 N 页 共 M 页`.
 * Sheet 1 lists each discrepancy (type, payer, owed, paid, difference, vouchers, ledger rows) with a totals row
 * and the count by type; sheet 2 every case (owed and paid by payer, its result) with totals that tie out to
 * the audit totals (cases + unknown-case rows = total); sheet 3 the computation of every case with a
 * discrepancy, step by step in Chinese. Amounts are number cells `#,##0.00` in a fixed font; no English code.
 * @example const bytes = await auditWorkbookBytes(document, outcomes, ruleSet.rounding);
 */
export async function auditWorkbookBytes(
  document: AuditDocument,
  outcomes: readonly Outcome[],
  rounding: Rounding,
  options: AuditWorkbookOptions = {},
): Promise<Uint8Array> {
  const discrepant = new Set(document.discrepancies.map((discrepancy) => discrepancy.caseId));
  const traced = outcomes.filter((outcome) => discrepant.has(outcome.id));
  refuseLargeWorkbook(
    document.discrepancies.length * DISCREPANCY_COLUMNS.length +
      document.reconciliation.length * RECONCILIATION_COLUMNS.length +
      traceCells(traced),
    Math.max(document.discrepancies.length, document.reconciliation.length, traceCells(traced) / TRACE_COLUMNS.length) +
      20,
    options.maxCells,
  );
  const workbook = auditWorkbook(document, outcomes, rounding, options.programme);
  signWorkbook(workbook, document.receipt, {
    kind: "audit",
    cases: document.reconciliation.map((entry) => ({ id: entry.caseId, ...entry.owed })),
    totals: { total: document.totals.owed },
  });
  return await workbookBytes(workbook);
}

/** The audit workbook (see {@link auditWorkbookBytes}). */
export function auditWorkbook(
  document: AuditDocument,
  outcomes: readonly Outcome[],
  rounding: Rounding,
  programme: Programme = defaultProgramme,
): Workbook {
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  writeDiscrepancies(workbook.addWorksheet(AUDIT_SHEETS.discrepancies), document, rounding);
  writeReconciliation(workbook.addWorksheet(AUDIT_SHEETS.reconciliation), document, rounding, programme);
  const discrepant = new Set(document.discrepancies.map((discrepancy) => discrepancy.caseId));
  writeTraceSheet(
    workbook.addWorksheet(AUDIT_SHEETS.traces),
    outcomes.filter((outcome) => discrepant.has(outcome.id)),
    programme,
    {
      title: SHEET_TITLES.traces,
      top: (sheet, last) => workingPaperHeading(sheet, last, document, "差异案件逐步计算过程"),
      pageHeader: pageHeader(document, SHEET_TITLES.traces),
    },
  );
  return workbook;
}

/**
 * 底稿表头 · the heading of a working paper (rows 2 to 4): what is audited and its index number, the basis and
 * tolerance, who prepared and who reviewed it with their dates; returns the row of the table's header (6).
 */
function workingPaperHeading(sheet: Worksheet, last: number, document: AuditDocument, what: string): number {
  fieldLine(sheet, 2, last, [
    { label: "被审计事项", value: `产业调整退出资金拨付　${what}`, weight: 2 },
    { label: "索引号" },
  ]);
  fieldLine(sheet, 3, last, [
    { label: "规则集", value: `${document.ruleSet.id} 第 ${document.ruleSet.version} 版`, weight: 2 },
    { label: "容差", value: `${formatAmount(document.tolerance)} 元` },
  ]);
  fieldLine(sheet, 4, last, [
    { label: "编制人", value: `　　　　　　　　日期：${DATE_BLANK}` },
    { label: "复核人", value: `　　　　　　　　日期：${DATE_BLANK}` },
  ]);
  const unit = sheet.getCell(5, 1);
  unit.value = "金额单位：元；差额 = 已付 − 应付";
  unit.alignment = { horizontal: "right", vertical: "middle" };
  merge(sheet, 5, 1, 5, last);
  return 6;
}

/** Room to write a date by hand. */
const DATE_BLANK = "　　　年　　月　　日";

function pageHeader(document: AuditDocument, sheetTitle: string): string {
  return `${sheetTitle}　规则集 ${document.ruleSet.id} 第 ${document.ruleSet.version} 版`;
}

function writeDiscrepancies(sheet: Worksheet, document: AuditDocument, rounding: Rounding): void {
  const last = DISCREPANCY_COLUMNS.length;
  setColumns(sheet, DISCREPANCY_COLUMNS);
  title(sheet, SHEET_TITLES.discrepancies, last);
  const headerRow = workingPaperHeading(sheet, last, document, "与拨付台账的差异");
  header(
    sheet.getRow(headerRow),
    DISCREPANCY_COLUMNS.map((column) => column.header),
  );
  let owed = ZERO;
  let paid = ZERO;
  document.discrepancies.forEach((discrepancy, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    countCell(row.getCell(1), index + 1);
    textCell(row.getCell(2), discrepancy.caseId);
    textCell(row.getCell(3), discrepancyWords(discrepancy.type));
    textCell(row.getCell(4), payerWords(discrepancy.payer), { horizontal: "center" });
    moneyCell(row.getCell(5), discrepancy.owed);
    moneyCell(row.getCell(6), discrepancy.paid);
    moneyCell(row.getCell(7), discrepancy.difference);
    textCell(row.getCell(8), (discrepancy.vouchers ?? []).join("、"));
    textCell(row.getCell(9), ledgerRowsWords(discrepancy));
    owed = owed.plus(discrepancy.owed);
    paid = paid.plus(discrepancy.paid);
  });
  const total = headerRow + document.discrepancies.length + 1;
  totalsRow(
    sheet,
    total,
    AUDIT_TOTAL_LABELS.discrepancies,
    4,
    [
      [5, owed],
      [6, paid],
      [7, paid.minus(owed)],
    ],
    rounding,
  );
  merge(sheet, total, 8, total, last);
  border(sheet, headerRow, total, last);
  const counts = DISCREPANCY_TYPES.filter((type) => (document.counts[type] ?? 0) > 0).map(
    (type) => `${discrepancyWords(type)} ${document.counts[type] ?? 0} 项`,
  );
  line(sheet, total + 1, document.discrepancies.length === 0 ? "无差异。" : `按差异类型：${counts.join("；")}。`, last);
  printSetup(sheet, {
    orientation: "landscape",
    titleRows: [headerRow, headerRow],
    header: pageHeader(document, SHEET_TITLES.discrepancies),
  });
  finishSheet(sheet);
}

function writeReconciliation(
  sheet: Worksheet,
  document: AuditDocument,
  rounding: Rounding,
  programme: Programme,
): void {
  const last = RECONCILIATION_COLUMNS.length;
  setColumns(sheet, RECONCILIATION_COLUMNS);
  title(sheet, SHEET_TITLES.reconciliation, last);
  const headerRow = workingPaperHeading(sheet, last, document, `逐案核对（${document.reconciliation.length} 件）`);
  header(
    sheet.getRow(headerRow),
    RECONCILIATION_COLUMNS.map((column) => column.header),
  );
  const sums = { owedMunicipal: ZERO, owedDistrict: ZERO, paidMunicipal: ZERO, paidDistrict: ZERO };
  document.reconciliation.forEach((entry, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    textCell(row.getCell(1), entry.caseId);
    textCell(row.getCell(2), kindWords(programme, entry.kind));
    textCell(row.getCell(3), entry.township);
    [
      entry.owed.municipal,
      entry.owed.district,
      entry.owed.total,
      entry.paid.municipal,
      entry.paid.district,
      entry.paid.total,
      entry.difference.total,
    ].forEach((amount, offset) => moneyCell(row.getCell(4 + offset), amount));
    textCell(row.getCell(11), statusWords(entry.status), { horizontal: "center" });
    textCell(row.getCell(12), entry.types.map(discrepancyWords).join("、"));
    sums.owedMunicipal = sums.owedMunicipal.plus(entry.owed.municipal);
    sums.owedDistrict = sums.owedDistrict.plus(entry.owed.district);
    sums.paidMunicipal = sums.paidMunicipal.plus(entry.paid.municipal);
    sums.paidDistrict = sums.paidDistrict.plus(entry.paid.district);
  });
  const first = headerRow + document.reconciliation.length + 1;
  const owed = sums.owedMunicipal.plus(sums.owedDistrict);
  const paid = sums.paidMunicipal.plus(sums.paidDistrict);
  totalsRow(
    sheet,
    first,
    AUDIT_TOTAL_LABELS.cases,
    3,
    [
      [4, sums.owedMunicipal],
      [5, sums.owedDistrict],
      [6, owed],
      [7, sums.paidMunicipal],
      [8, sums.paidDistrict],
      [9, paid],
      [10, paid.minus(owed)],
    ],
    rounding,
  );
  const unknown = document.discrepancies.filter((discrepancy) => discrepancy.type === "unknown-case");
  const unknownMunicipal = unknown.filter((d) => d.payer === "municipal").reduce((acc, d) => acc.plus(d.paid), ZERO);
  const unknownDistrict = unknown.filter((d) => d.payer === "district").reduce((acc, d) => acc.plus(d.paid), ZERO);
  const unknownPaid = unknownMunicipal.plus(unknownDistrict);
  totalsRow(
    sheet,
    first + 1,
    AUDIT_TOTAL_LABELS.unknown,
    3,
    [
      [4, ZERO],
      [5, ZERO],
      [6, ZERO],
      [7, unknownMunicipal],
      [8, unknownDistrict],
      [9, unknownPaid],
      [10, unknownPaid],
    ],
    rounding,
  );
  totalsRow(
    sheet,
    first + 2,
    AUDIT_TOTAL_LABELS.grandTotal,
    3,
    [
      [6, dec(document.totals.owed)],
      [9, dec(document.totals.paid)],
      [10, dec(document.totals.difference)],
    ],
    rounding,
  );
  for (let r = first; r <= first + 2; r += 1) merge(sheet, r, 11, r, last);
  border(sheet, headerRow, first + 2, last);
  printSetup(sheet, {
    orientation: "landscape",
    titleRows: [headerRow, headerRow],
    header: pageHeader(document, SHEET_TITLES.reconciliation),
  });
  finishSheet(sheet);
}

/**
 * A bold totals row: the label in column A, merged over the columns up to `labelColumns` (so it never spills
 * into a figure), sums at the given columns.
 */
export function totalsRow(
  sheet: Worksheet,
  rowNumber: number,
  label: string,
  labelColumns: number,
  figures: readonly (readonly [number, Dec])[],
  rounding: Rounding,
): void {
  const row = sheet.getRow(rowNumber);
  textCell(row.getCell(1), label, { horizontal: "center" });
  merge(sheet, rowNumber, 1, rowNumber, labelColumns);
  for (const [column, amount] of figures) moneyCell(row.getCell(column), toMoneyString(amount, rounding));
  bold(row, Math.max(labelColumns, ...figures.map(([column]) => column)));
}
