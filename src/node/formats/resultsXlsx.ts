import { newWorkbook, type Cell, type Worksheet } from "../xlsx/engine.js";
import type { ComputeDocument } from "../../batch/compute.js";
import { toChineseCapital } from "../../money/capital.js";
import type { Amounts, OutcomeBase as Outcome, TraceStep } from "../../trace/types.js";
import { codes } from "./results.js";
import { moneyCell } from "../xlsx/cells.js";
import { refuseLargeWorkbook, workbookBytes } from "../xlsx/bytes.js";
import { computeFigures, signWorkbook } from "../xlsx/receiptSheet.js";

/** Sheet names of the results workbook. */
export const RESULT_SHEETS = { results: "结果", totals: "合计", trace: "计算过程" } as const;

/** Headers of the results sheet (`key / 中文`, as the templates write them). */
export const RESULT_XLSX_HEADERS = [
  "id / 编号",
  "kind / 类型",
  "township / 乡镇",
  "track / 奖励轨道",
  "eligible / 符合条件",
  "payee / 收款方",
  "municipal / 市级(元)",
  "district / 区级(元)",
  "total / 合计(元)",
  "estimate / 估算",
  "basis / 参数依据",
  "findings / 问题",
  "reasons / 原因",
] as const;

const ILLUSTRATIVE_NOTE =
  "注意：部分结果所用参数为示例值（illustrative），并非官方标准，不得作为拨付依据。Some results use illustrative placeholder parameters, not official figures.";

/**
 * 计算结果表 · results workbook — a compute document as XLSX: results (one row per outcome, amounts
 * as `#,##0.00` number cells), totals by township and payer with 人民币大写, and with `explain` the trace.
 */
export async function resultsWorkbookBytes(
  document: ComputeDocument,
  options: { readonly explain?: boolean; readonly title?: string; readonly maxCells?: number } = {},
): Promise<Uint8Array> {
  const steps = options.explain === true ? document.results.reduce((n, outcome) => n + outcome.trace.length, 0) : 0;
  refuseLargeWorkbook(
    document.results.length * RESULT_XLSX_HEADERS.length +
      steps * 7 +
      Object.keys(document.totals.byTownship).length * 7,
    Math.max(document.results.length, steps) + 1,
    options.maxCells,
  );
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  writeResults(
    workbook.addWorksheet(RESULT_SHEETS.results, { views: [{ state: "frozen", ySplit: 1 }] }),
    document.results,
  );
  writeTotals(workbook.addWorksheet(RESULT_SHEETS.totals), document, options.title);
  if (options.explain === true)
    writeTrace(
      workbook.addWorksheet(RESULT_SHEETS.trace, { views: [{ state: "frozen", ySplit: 1 }] }),
      document.results,
    );
  signWorkbook(workbook, document.receipt, computeFigures(document));
  return await workbookBytes(workbook);
}

/** An amount as a number cell when Excel holds it exactly, else as its exact text. */
export function amountCell(cell: Cell, amount: string): void {
  moneyCell(cell, amount);
}

function headerRow(sheet: Worksheet, row: number, headers: readonly string[], widths: readonly number[]): void {
  headers.forEach((text, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
    sheet.getColumn(index + 1).width = widths[index] ?? 14;
  });
}

function writeResults(sheet: Worksheet, outcomes: readonly Outcome[]): void {
  headerRow(sheet, 1, RESULT_XLSX_HEADERS, [16, 20, 10, 18, 10, 24, 15, 15, 15, 8, 12, 30, 40]);
  outcomes.forEach((outcome, index) => {
    const row = sheet.getRow(2 + index);
    row.values = [
      outcome.id,
      outcome.kind,
      outcome.township,
      outcome.track ?? "",
      outcome.eligible,
      `${outcome.payee.type} ${outcome.payee.id}`,
    ];
    amountCell(row.getCell(7), outcome.amounts.municipal);
    amountCell(row.getCell(8), outcome.amounts.district);
    amountCell(row.getCell(9), outcome.amounts.total);
    row.getCell(10).value = outcome.estimate;
    row.getCell(11).value = outcome.basis;
    row.getCell(12).value = codes(outcome.findings);
    row.getCell(13).value = codes(outcome.reasons);
  });
}

function writeTotals(sheet: Worksheet, document: ComputeDocument, title: string | undefined): void {
  const rule = `${document.ruleSet.id} v${document.ruleSet.version}${title === undefined ? "" : `（${title}）`}`;
  sheet.getCell("A1").value = `合计 totals — 规则集 rule set ${rule}，共 ${document.results.length} 项，金额单位：元`;
  sheet.getCell("A1").font = { bold: true, size: 13 };
  if (document.results.some((outcome) => outcome.basis === "illustrative")) {
    sheet.getCell("A2").value = ILLUSTRATIVE_NOTE;
    sheet.getCell("A2").font = { bold: true, color: { argb: "FFC00000" } };
  }
  const headers = [
    "township / 乡镇",
    "municipal / 市级(元)",
    "市级（大写）",
    "district / 区级(元)",
    "区级（大写）",
    "total / 合计(元)",
    "合计（大写）",
  ];
  headerRow(sheet, 4, headers, [16, 16, 36, 16, 36, 16, 36]);
  const rows: [string, Amounts][] = [...Object.entries(document.totals.byTownship), ["合计 total", document.totals]];
  rows.forEach(([township, amounts], index) => {
    const row = sheet.getRow(5 + index);
    row.getCell(1).value = township;
    (["municipal", "district", "total"] as const).forEach((payer, offset) => {
      amountCell(row.getCell(2 + offset * 2), amounts[payer]);
      row.getCell(3 + offset * 2).value = toChineseCapital(amounts[payer], { prefix: "人民币" });
    });
    if (index === rows.length - 1) row.font = { bold: true };
  });
}

function writeTrace(sheet: Worksheet, outcomes: readonly Outcome[]): void {
  headerRow(
    sheet,
    1,
    [
      "id / 编号",
      "step / 步骤",
      "rule / 规则",
      "clause / 依据条款",
      "parameters / 参数",
      "inputs / 输入",
      "value / 结果",
    ],
    [16, 8, 34, 30, 60, 50, 18],
  );
  let next = 2;
  for (const outcome of outcomes) {
    outcome.trace.forEach((step, index) => {
      sheet.getRow(next).values = [
        outcome.id,
        index + 1,
        step.rule,
        step.clause,
        parameters(step),
        JSON.stringify(step.inputs),
        typeof step.value === "string" ? step.value : JSON.stringify(step.value),
      ];
      next += 1;
    });
  }
}

function parameters(step: TraceStep): string {
  return step.params
    .map(
      (use) =>
        `${use.name}=${typeof use.value === "string" ? use.value : JSON.stringify(use.value)} (${use.status}, from ${use.from})`,
    )
    .join("; ");
}
