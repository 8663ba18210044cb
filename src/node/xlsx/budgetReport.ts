import { newWorkbook, type Workbook, type Worksheet } from "./engine.js";
import { PAYER_LABELS } from "../../audit/labels.js";
import type { BudgetDimension, BudgetDocument } from "../../batch/budget.js";
import { ZERO, dec, type Rounding } from "../../money/decimal.js";
import { totalsRow } from "./auditReport.js";
import { WAN_FORMAT, border, header, moneyCell, numberCell, setColumns, title } from "./cells.js";
import { refuseLargeWorkbook, workbookBytes } from "./bytes.js";

/** Sheet names of the budget workbook. */
export const BUDGET_SHEETS = { groups: "预算汇总 budget", allocation: "额度分配 allocation" } as const;

/** Column headers of each grouping dimension. */
export const DIMENSION_HEADERS: { readonly [D in BudgetDimension]: string } = {
  township: "乡镇 township",
  payer: "付款方 payer",
  track: "类别 track",
  year: "年度 year",
};

const HEADER_ROW = 4;

/**
 * 预算汇总表 · the budget workbook: the groups with a total row (元 and 万元), and with a cap the allocation by case.
 *
 * @remarks Amounts are number cells `#,##0.00` (元) and `#,##0.0000` (万元, exact to the yuan); the
 * total row is the sum of the groups, and Σ allocated = min(cap, owed).
 * @example const bytes = await budgetWorkbookBytes(document, ["township", "payer"], ruleSet.rounding);
 */
export async function budgetWorkbookBytes(
  document: BudgetDocument,
  by: readonly BudgetDimension[],
  rounding: Rounding,
  options: { readonly maxCells?: number } = {},
): Promise<Uint8Array> {
  const shares = document.allocation?.shares.length ?? 0;
  refuseLargeWorkbook(
    document.groups.length * (by.length + 3) + shares * 5,
    Math.max(document.groups.length, shares) + 10,
    options.maxCells,
  );
  return await workbookBytes(budgetWorkbook(document, by, rounding));
}

/** The budget workbook (see {@link budgetWorkbookBytes}). */
export function budgetWorkbook(document: BudgetDocument, by: readonly BudgetDimension[], rounding: Rounding): Workbook {
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const subtitle = `规则集 rule set: ${document.ruleSet.id} v${document.ruleSet.version}　单位：元 (yuan) / 万元`;
  writeGroups(workbook.addWorksheet(BUDGET_SHEETS.groups), document, by, subtitle, rounding);
  if (document.allocation !== undefined)
    writeAllocation(workbook.addWorksheet(BUDGET_SHEETS.allocation), document.allocation, subtitle, rounding);
  return workbook;
}

function writeGroups(
  sheet: Worksheet,
  document: BudgetDocument,
  by: readonly BudgetDimension[],
  subtitle: string,
  rounding: Rounding,
): void {
  const columns = [
    ...by.map((dimension) => ({ header: DIMENSION_HEADERS[dimension], width: 18 })),
    { header: "金额(元) amount", width: 18 },
    { header: "金额(万元)", width: 14 },
  ];
  setColumns(sheet, columns);
  title(sheet, "产业调整退出资金 预算汇总表 · budget roll-up", columns.length);
  sheet.getCell("A2").value = subtitle;
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  const amountColumn = by.length + 1;
  document.groups.forEach((group, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    by.forEach((dimension, offset) => {
      const value = group.key[dimension];
      row.getCell(1 + offset).value =
        dimension === "payer" && value !== undefined
          ? `${PAYER_LABELS[value as "municipal" | "district"]} ${String(value)}`
          : (value ?? "");
    });
    moneyCell(row.getCell(amountColumn), group.amount);
    numberCell(row.getCell(amountColumn + 1), wan(group.amount), WAN_FORMAT);
  });
  const last = HEADER_ROW + document.groups.length + 1;
  const total = document.groups.reduce((acc, group) => acc.plus(group.amount), ZERO);
  totalsRow(sheet, last, "合计", Math.max(1, by.length), [[amountColumn, total]], rounding);
  numberCell(sheet.getRow(last).getCell(amountColumn + 1), wan(document.total), WAN_FORMAT);
  border(sheet, HEADER_ROW, last, columns.length);
}

function writeAllocation(
  sheet: Worksheet,
  allocation: NonNullable<BudgetDocument["allocation"]>,
  subtitle: string,
  rounding: Rounding,
): void {
  const columns = [
    { header: "案件编号 case", width: 18 },
    { header: "应付 owed", width: 18 },
    { header: "分配 allocated", width: 18 },
    { header: "尾差 extra fen", width: 12 },
  ];
  setColumns(sheet, columns);
  title(
    sheet,
    `额度分配 · ${PAYER_LABELS[allocation.payer]} (${allocation.payer}) cap ${allocation.cap}, pro rata, largest remainder`,
    columns.length,
  );
  sheet.getCell("A2").value =
    `${subtitle}　额度 cap ${allocation.cap}　应付 owed ${allocation.owed}　分配 allocated ${allocation.allocated}`;
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  const extra = new Set(allocation.remainder);
  allocation.shares.forEach((share, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    row.getCell(1).value = share.caseId;
    moneyCell(row.getCell(2), share.owed);
    moneyCell(row.getCell(3), share.allocated);
    row.getCell(4).value = extra.has(share.caseId)
      ? `+${dec(1).dividedBy(dec(10).pow(rounding.scale)).toFixed(rounding.scale)}`
      : "";
  });
  const last = HEADER_ROW + allocation.shares.length + 1;
  totalsRow(
    sheet,
    last,
    "合计",
    1,
    [
      [2, dec(allocation.owed)],
      [3, dec(allocation.allocated)],
    ],
    rounding,
  );
  border(sheet, HEADER_ROW, last, columns.length);
}

/** Yuan in 万元, exact (6 decimals hold every fen). */
function wan(amount: string): string {
  return dec(amount).dividedBy(10_000).toFixed(6);
}
