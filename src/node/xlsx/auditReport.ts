import { newWorkbook, type Row, type Workbook, type Worksheet } from "./engine.js";
import { DISCREPANCY_LABELS, PAYER_LABELS, STATUS_LABELS } from "../../audit/labels.js";
import type { AuditDocument, Discrepancy } from "../../audit/types.js";
import { ZERO, dec, type Dec, type Rounding } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import type { Json, OutcomeBase as Outcome, TraceStep } from "../../trace/types.js";
import { border, header, moneyCell, setColumns, sheetOptions, title } from "./cells.js";
import { refuseLargeWorkbook, workbookBytes } from "./bytes.js";

/** Sheet names of the audit workbook. */
export const AUDIT_SHEETS = {
  discrepancies: "差异 discrepancies",
  reconciliation: "核对 reconciliation",
  traces: "计算过程 traces",
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

/** Labels (column A) of the totals rows, so readers can find them. */
export const AUDIT_TOTAL_LABELS = {
  discrepancies: "差异合计 total of the discrepancies",
  cases: "案件合计 total of the cases",
  unknown: "无对应案件的台账行 rows of unknown cases",
  grandTotal: "总计 total (all cases, all ledger rows)",
} as const;

const HEADER_ROW = 4;

const DISCREPANCY_COLUMNS = [
  { header: "序号 no.", width: 7 },
  { header: "案件编号 case", width: 16 },
  { header: "类型 type", width: 26 },
  { header: "付款方 payer", width: 14 },
  { header: "应付 owed", width: 16 },
  { header: "已付 paid", width: 16 },
  { header: "差额 difference (paid − owed)", width: 18 },
  { header: "凭证 vouchers", width: 22 },
  { header: "台账行 ledger rows", width: 14 },
] as const;

const RECONCILIATION_COLUMNS = [
  { header: "案件编号 case", width: 16 },
  { header: "类别 kind", width: 20 },
  { header: "乡镇 township", width: 12 },
  { header: "应付·市级 owed municipal", width: 16 },
  { header: "应付·区级 owed district", width: 16 },
  { header: "应付合计 owed", width: 16 },
  { header: "已付·市级 paid municipal", width: 16 },
  { header: "已付·区级 paid district", width: 16 },
  { header: "已付合计 paid", width: 16 },
  { header: "差额 difference", width: 16 },
  { header: "状态 status", width: 18 },
  { header: "差异类型 types", width: 30 },
] as const;

const TRACE_COLUMNS = [
  { header: "案件编号 case", width: 16 },
  { header: "规则 rule", width: 34 },
  { header: "条款 clause", width: 30 },
  { header: "参数 parameters (name, from, value, status)", width: 60 },
  { header: "输入 inputs", width: 50 },
  { header: "结果 value", width: 18 },
] as const;

/**
 * 审计工作簿 · the audit workbook: discrepancies, the reconciliation of every case, and the traces of the discrepant cases.
 *
 * @remarks
 * Sheet 1 lists each discrepancy with a totals row; sheet 2 every case (owed and paid by payer, its
 * status) with totals that tie out to the audit totals (cases + unknown-case rows = total); sheet 3
 * the computation trace of every case with a discrepancy, grouped by case (one sheet for all of them,
 * so a ledger with hundreds of discrepant cases stays one readable, filterable sheet). Amounts are
 * number cells formatted `#,##0.00`.
 * @example const bytes = await auditWorkbookBytes(document, outcomes, ruleSet.rounding);
 */
export async function auditWorkbookBytes(
  document: AuditDocument,
  outcomes: readonly Outcome[],
  rounding: Rounding,
  options: { readonly maxCells?: number } = {},
): Promise<Uint8Array> {
  const discrepant = new Set(document.discrepancies.map((discrepancy) => discrepancy.caseId));
  const steps = outcomes.reduce((n, outcome) => n + (discrepant.has(outcome.id) ? outcome.trace.length + 1 : 0), 0);
  refuseLargeWorkbook(
    document.discrepancies.length * DISCREPANCY_COLUMNS.length + document.reconciliation.length * 14 + steps * 8,
    Math.max(document.discrepancies.length, document.reconciliation.length, steps) + 10,
    options.maxCells,
  );
  return await workbookBytes(auditWorkbook(document, outcomes, rounding));
}

/** The audit workbook (see {@link auditWorkbookBytes}). */
export function auditWorkbook(document: AuditDocument, outcomes: readonly Outcome[], rounding: Rounding): Workbook {
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const subtitle = `规则集 rule set: ${document.ruleSet.id} v${document.ruleSet.version}　容差 tolerance: ${document.tolerance}　单位：元 (yuan)　差额 = 已付 − 应付`;
  writeDiscrepancies(
    workbook.addWorksheet(AUDIT_SHEETS.discrepancies, sheetOptions(HEADER_ROW)),
    document,
    subtitle,
    rounding,
  );
  writeReconciliation(
    workbook.addWorksheet(AUDIT_SHEETS.reconciliation, sheetOptions(HEADER_ROW)),
    document,
    subtitle,
    rounding,
  );
  const discrepant = new Set(document.discrepancies.map((discrepancy) => discrepancy.caseId));
  writeTraces(
    workbook.addWorksheet(AUDIT_SHEETS.traces, sheetOptions(HEADER_ROW)),
    outcomes.filter((outcome) => discrepant.has(outcome.id)),
    subtitle,
  );
  return workbook;
}

function writeDiscrepancies(sheet: Worksheet, document: AuditDocument, subtitle: string, rounding: Rounding): void {
  setColumns(sheet, DISCREPANCY_COLUMNS);
  title(
    sheet,
    "产业调整退出资金审计 差异表 · audit against the payment ledger: discrepancies",
    DISCREPANCY_COLUMNS.length,
  );
  sheet.getCell("A2").value = subtitle;
  header(
    sheet.getRow(HEADER_ROW),
    DISCREPANCY_COLUMNS.map((column) => column.header),
  );
  let owed = ZERO;
  let paid = ZERO;
  document.discrepancies.forEach((discrepancy, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    row.getCell(1).value = index + 1;
    row.getCell(2).value = discrepancy.caseId;
    row.getCell(3).value = `${DISCREPANCY_LABELS[discrepancy.type].zh} ${discrepancy.type}`;
    row.getCell(4).value = `${PAYER_LABELS[discrepancy.payer]} ${discrepancy.payer}`;
    moneyCell(row.getCell(5), discrepancy.owed);
    moneyCell(row.getCell(6), discrepancy.paid);
    moneyCell(row.getCell(7), discrepancy.difference);
    row.getCell(8).value = (discrepancy.vouchers ?? []).join(", ");
    row.getCell(9).value = ledgerRowsText(discrepancy);
    owed = owed.plus(discrepancy.owed);
    paid = paid.plus(discrepancy.paid);
  });
  const last = HEADER_ROW + document.discrepancies.length + 1;
  totalsRow(
    sheet.getRow(last),
    AUDIT_TOTAL_LABELS.discrepancies,
    [
      [5, owed],
      [6, paid],
      [7, paid.minus(owed)],
    ],
    rounding,
  );
  border(sheet, HEADER_ROW, last, DISCREPANCY_COLUMNS.length);
  const counts = Object.entries(document.counts)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${type} ${count}`);
  sheet.getCell(last + 2, 1).value =
    document.discrepancies.length === 0 ? "无差异 no discrepancy" : `按类型 by type: ${counts.join("; ")}`;
}

function writeReconciliation(sheet: Worksheet, document: AuditDocument, subtitle: string, rounding: Rounding): void {
  setColumns(sheet, RECONCILIATION_COLUMNS);
  title(sheet, "产业调整退出资金审计 核对表 · reconciliation of every case", RECONCILIATION_COLUMNS.length);
  sheet.getCell("A2").value = subtitle;
  header(
    sheet.getRow(HEADER_ROW),
    RECONCILIATION_COLUMNS.map((column) => column.header),
  );
  const sums = { owedMunicipal: ZERO, owedDistrict: ZERO, paidMunicipal: ZERO, paidDistrict: ZERO };
  document.reconciliation.forEach((entry, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    row.getCell(1).value = entry.caseId;
    row.getCell(2).value = entry.kind;
    row.getCell(3).value = entry.township;
    [
      entry.owed.municipal,
      entry.owed.district,
      entry.owed.total,
      entry.paid.municipal,
      entry.paid.district,
      entry.paid.total,
      entry.difference.total,
    ].forEach((amount, offset) => moneyCell(row.getCell(4 + offset), amount));
    row.getCell(11).value = `${STATUS_LABELS[entry.status].zh} ${entry.status}`;
    row.getCell(12).value = entry.types.join(", ");
    sums.owedMunicipal = sums.owedMunicipal.plus(entry.owed.municipal);
    sums.owedDistrict = sums.owedDistrict.plus(entry.owed.district);
    sums.paidMunicipal = sums.paidMunicipal.plus(entry.paid.municipal);
    sums.paidDistrict = sums.paidDistrict.plus(entry.paid.district);
  });
  const first = HEADER_ROW + document.reconciliation.length + 1;
  const owed = sums.owedMunicipal.plus(sums.owedDistrict);
  const paid = sums.paidMunicipal.plus(sums.paidDistrict);
  totalsRow(
    sheet.getRow(first),
    AUDIT_TOTAL_LABELS.cases,
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
    sheet.getRow(first + 1),
    AUDIT_TOTAL_LABELS.unknown,
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
    sheet.getRow(first + 2),
    AUDIT_TOTAL_LABELS.grandTotal,
    [
      [6, dec(document.totals.owed)],
      [9, dec(document.totals.paid)],
      [10, dec(document.totals.difference)],
    ],
    rounding,
  );
  border(sheet, HEADER_ROW, first + 2, RECONCILIATION_COLUMNS.length);
}

function writeTraces(sheet: Worksheet, outcomes: readonly Outcome[], subtitle: string): void {
  setColumns(sheet, TRACE_COLUMNS);
  title(sheet, "差异案件的计算过程 · how each discrepant case was computed", TRACE_COLUMNS.length);
  sheet.getCell("A2").value = subtitle;
  header(
    sheet.getRow(HEADER_ROW),
    TRACE_COLUMNS.map((column) => column.header),
  );
  let at = HEADER_ROW + 1;
  for (const outcome of outcomes) {
    const heading = sheet.getRow(at);
    heading.getCell(1).value = outcome.id;
    heading.getCell(2).value =
      `${outcome.kind} · ${outcome.township}${outcome.track === undefined ? "" : ` · track ${outcome.track}`} · 市级 ${outcome.amounts.municipal} · 区级 ${outcome.amounts.district} · 合计 ${outcome.amounts.total} · basis ${outcome.basis}`;
    heading.font = { bold: true };
    heading.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    sheet.mergeCells(at, 2, at, TRACE_COLUMNS.length);
    at += 1;
    for (const step of outcome.trace) {
      traceRow(sheet.getRow(at), outcome.id, step);
      at += 1;
    }
  }
  if (outcomes.length === 0) sheet.getCell(at, 1).value = "无差异案件 no discrepant case";
}

function traceRow(row: Row, caseId: string, step: TraceStep): void {
  row.getCell(1).value = caseId;
  row.getCell(2).value = step.rule;
  row.getCell(3).value = step.clause;
  row.getCell(4).value = step.params
    .map((use) => `${use.name} (from ${use.from}) = ${jsonText(use.value)} [${use.status}]`)
    .join("\n");
  row.getCell(5).value = Object.entries(step.inputs)
    .map(([name, value]) => `${name} = ${jsonText(value)}`)
    .join("\n");
  row.getCell(6).value = jsonText(step.value);
  row.getCell(6).alignment = { horizontal: "right", vertical: "top" };
  for (const column of [2, 3, 4, 5]) row.getCell(column).alignment = { wrapText: true, vertical: "top" };
}

function jsonText(value: Json): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A bold totals row: the label in column A, sums at the given columns. */
export function totalsRow(
  row: Row,
  label: string,
  figures: readonly (readonly [number, Dec])[],
  rounding: Rounding,
): void {
  row.getCell(1).value = label;
  for (const [column, amount] of figures) moneyCell(row.getCell(column), toMoneyString(amount, rounding));
  row.font = { bold: true };
}
