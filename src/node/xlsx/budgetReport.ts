import { newWorkbook, type Workbook, type Worksheet } from "./engine.js";
import type { BudgetAllocation, BudgetDimension, BudgetDocument, BudgetKey } from "../../batch/budget.js";
import { capitalOf } from "./verificationView.js";
import { ZERO, dec, type Rounding } from "../../money/decimal.js";
import { formatAmount } from "../../money/format.js";
import { defaultProgramme } from "../../rules/default.js";
import type { Programme } from "../../rules/programme.js";
import type { ParamUse } from "../../parameters/status.js";
import { totalsRow } from "./auditReport.js";
import { WAN_FORMAT, border, header, line, moneyCell, numberCell, setColumns, textCell, title } from "./cells.js";
import { finishSheet, printSetup } from "./layout.js";
import { budgetLineWords, kindWords, payerWords } from "./words.js";
import { ruleSetText } from "./verifySheet.js";
import { refuseLargeWorkbook, workbookBytes } from "./bytes.js";
import { signWorkbook } from "./receiptSheet.js";

/** Sheet names of the budget workbook. */
export const BUDGET_SHEETS = { groups: "预算汇总", allocation: "额度分配", shares: "分配明细" } as const;

/** Column headers of each grouping dimension. */
export const DIMENSION_HEADERS: { readonly [D in BudgetDimension]: string } = {
  township: "乡镇",
  payer: "付款方",
  track: "预算科目",
  year: "年度",
};

/** The title of the budget workbook's sheets. */
export const BUDGET_TITLE = "产业调整退出资金预算";

const HEADER_ROW = 4;

/** Options of {@link budgetWorkbookBytes}. */
export interface BudgetWorkbookOptions {
  /** The most cells written in memory (the CLI's limit). */
  readonly maxCells?: number;
  /** The programme whose labels name budget lines and kinds (default `defaultProgramme`). */
  readonly programme?: Programme;
}

/**
 * 预算汇总表 · the budget workbook, printable: the groups with their total (元, 万元 and 大写); with a cap, the
 * allocation by group (应付, 分配, 缺口) saying which kinds were paid in full, and the share of every case.
 *
 * @remarks Chinese only: payers, budget lines and kinds in words. Amounts are number cells `#,##0.00` (元) and
 * `#,##0.0000` (万元, exact to the yuan); each total row is the sum of its rows, and Σ allocated = min(cap, owed).
 * A4 portrait (landscape when four dimensions are grouped by), fit to width, header rows repeated, `第 N 页 共 M 页`.
 * @example const bytes = await budgetWorkbookBytes(document, ["township", "payer"], ruleSet.rounding);
 */
export async function budgetWorkbookBytes(
  document: BudgetDocument,
  by: readonly BudgetDimension[],
  rounding: Rounding,
  options: BudgetWorkbookOptions = {},
): Promise<Uint8Array> {
  const shares = document.allocation?.shares.length ?? 0;
  const groups = document.allocation?.groups.length ?? 0;
  refuseLargeWorkbook(
    document.groups.length * (by.length + 3) + groups * (by.length + 3) + shares * 5,
    Math.max(document.groups.length, groups, shares) + 12,
    options.maxCells,
  );
  const workbook = budgetWorkbook(document, by, rounding, options.programme);
  if (document.receipt !== undefined)
    signWorkbook(workbook, document.receipt, { kind: "budget", totals: { total: document.total } });
  return await workbookBytes(workbook);
}

/** The budget workbook (see {@link budgetWorkbookBytes}). */
export function budgetWorkbook(
  document: BudgetDocument,
  by: readonly BudgetDimension[],
  rounding: Rounding,
  programme: Programme = defaultProgramme,
): Workbook {
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  writeGroups(workbook.addWorksheet(BUDGET_SHEETS.groups), document, by, rounding, programme);
  const allocation = document.allocation;
  if (allocation !== undefined) {
    writeAllocation(workbook.addWorksheet(BUDGET_SHEETS.allocation), document, allocation, by, rounding, programme);
    writeShares(workbook.addWorksheet(BUDGET_SHEETS.shares), document, allocation, rounding, programme);
  }
  return workbook;
}

function keyWords(key: BudgetKey, dimension: BudgetDimension, programme: Programme): string {
  if (dimension === "payer") return key.payer === undefined ? "" : payerWords(key.payer);
  if (dimension === "track") return key.track === undefined ? "" : budgetLineWords(programme, key.track);
  if (dimension === "year") return key.year === undefined ? "" : `${key.year} 年`;
  return key.township ?? "";
}

function dimensionColumns(by: readonly BudgetDimension[]) {
  return by.map((dimension) => ({
    header: DIMENSION_HEADERS[dimension],
    width: dimension === "track" ? 27 : dimension === "township" ? 15 : 10,
  }));
}

function basisLine(sheet: Worksheet, document: BudgetDocument, width: number, extra = ""): void {
  line(sheet, 2, `参数依据：${ruleSetText(document.ruleSet)}　　金额单位：元${extra}`, width);
}

function pageSetup(sheet: Worksheet, document: BudgetDocument, what: string, wide: boolean): void {
  printSetup(sheet, {
    orientation: wide ? "landscape" : "portrait",
    titleRows: [HEADER_ROW, HEADER_ROW],
    header: `${BUDGET_TITLE}　${what}　规则集 ${document.ruleSet.id} 第 ${document.ruleSet.version} 版`,
  });
  finishSheet(sheet);
}

function writeGroups(
  sheet: Worksheet,
  document: BudgetDocument,
  by: readonly BudgetDimension[],
  rounding: Rounding,
  programme: Programme,
): void {
  const columns = [...dimensionColumns(by), { header: "金额（元）", width: 18 }, { header: "金额（万元）", width: 15 }];
  const last = columns.length;
  setColumns(sheet, columns);
  title(sheet, `${BUDGET_TITLE}汇总表`, last);
  basisLine(sheet, document, last, "；万元保留四位小数（精确到元）");
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  const amountColumn = by.length + 1;
  document.groups.forEach((group, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    by.forEach((dimension, offset) => textCell(row.getCell(1 + offset), keyWords(group.key, dimension, programme)));
    moneyCell(row.getCell(amountColumn), group.amount);
    numberCell(row.getCell(amountColumn + 1), wan(group.amount), WAN_FORMAT);
  });
  const total = HEADER_ROW + document.groups.length + 1;
  const sum = document.groups.reduce((acc, group) => acc.plus(group.amount), ZERO);
  totalsRow(sheet, total, "合计", Math.max(1, by.length), [[amountColumn, sum]], rounding);
  numberCell(sheet.getRow(total).getCell(amountColumn + 1), wan(document.total), WAN_FORMAT);
  border(sheet, HEADER_ROW, total, last);
  line(sheet, total + 1, `合计（大写）：${capitalOf(document.total)}`, last, { bold: true });
  pageSetup(sheet, document, "汇总表", by.length >= 4);
}

function writeAllocation(
  sheet: Worksheet,
  document: BudgetDocument,
  allocation: BudgetAllocation,
  by: readonly BudgetDimension[],
  rounding: Rounding,
  programme: Programme,
): void {
  const columns = [
    ...dimensionColumns(by),
    { header: "应付（元）", width: 17 },
    { header: "分配（元）", width: 17 },
    { header: "缺口（元）", width: 17 },
  ];
  const last = columns.length;
  setColumns(sheet, columns);
  title(sheet, `${BUDGET_TITLE}额度分配表（${payerWords(allocation.payer)}）`, last);
  const kinds = allocation.fullKinds.map((kind) => kindWords(programme, kind)).join("、");
  const full =
    allocation.warnings !== undefined
      ? `注意：额度不足以足额拨付${kinds}（需 ${formatAmount(allocation.warnings[0]?.needed ?? "0")} 元${cited(allocation.warnings[0]?.basis)}），这些个案按应付金额比例分配全部额度，其余类型分配为零`
      : allocation.fullKinds.length === 0
        ? "无足额拨付类型，全部按比例分配"
        : `${kinds}足额拨付，其余按应付金额比例分配剩余额度`;
  line(
    sheet,
    2,
    `参数依据：${ruleSetText(document.ruleSet)}　　金额单位：元\n额度 ${formatAmount(allocation.cap)} 元，应付 ${formatAmount(allocation.owed)} 元，分配 ${formatAmount(allocation.allocated)} 元；${full}（最大余数法，${allocation.remainder.length} 件多分 1 分）。`,
    last,
  );
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  const first = by.length + 1;
  allocation.groups.forEach((group, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    by.forEach((dimension, offset) => textCell(row.getCell(1 + offset), keyWords(group.key, dimension, programme)));
    moneyCell(row.getCell(first), group.owed);
    moneyCell(row.getCell(first + 1), group.allocated);
    moneyCell(row.getCell(first + 2), group.shortfall);
  });
  const total = HEADER_ROW + allocation.groups.length + 1;
  const owed = dec(allocation.owed);
  const allocated = dec(allocation.allocated);
  totalsRow(
    sheet,
    total,
    "合计",
    Math.max(1, by.length),
    [
      [first, owed],
      [first + 1, allocated],
      [first + 2, owed.minus(allocated)],
    ],
    rounding,
  );
  border(sheet, HEADER_ROW, total, last);
  line(sheet, total + 1, `分配合计（大写）：${capitalOf(allocation.allocated)}`, last, { bold: true });
  pageSetup(sheet, document, "额度分配表", by.length >= 3);
}

function writeShares(
  sheet: Worksheet,
  document: BudgetDocument,
  allocation: BudgetAllocation,
  rounding: Rounding,
  programme: Programme,
): void {
  const columns = [
    { header: "案件编号", width: 17 },
    { header: "案件类型", width: 22 },
    { header: "应付（元）", width: 17 },
    { header: "分配（元）", width: 17 },
    { header: "足额", width: 6 },
    { header: "尾差（元）", width: 10 },
  ];
  const last = columns.length;
  setColumns(sheet, columns);
  title(sheet, `${BUDGET_TITLE}分配明细表（${payerWords(allocation.payer)}）`, last);
  basisLine(sheet, document, last);
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  const extra = new Set(allocation.remainder);
  const unit = dec(1).dividedBy(dec(10).pow(rounding.scale)).toFixed(rounding.scale);
  allocation.shares.forEach((share, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    textCell(row.getCell(1), share.caseId);
    textCell(row.getCell(2), kindWords(programme, share.kind));
    moneyCell(row.getCell(3), share.owed);
    moneyCell(row.getCell(4), share.allocated);
    textCell(row.getCell(5), allocation.fullKinds.includes(share.kind) ? "是" : "否", { horizontal: "center" });
    if (extra.has(share.caseId)) moneyCell(row.getCell(6), unit);
  });
  const total = HEADER_ROW + allocation.shares.length + 1;
  totalsRow(
    sheet,
    total,
    "合计",
    2,
    [
      [3, dec(allocation.owed)],
      [4, dec(allocation.allocated)],
      [6, dec(unit).times(allocation.remainder.length)],
    ],
    rounding,
  );
  border(sheet, HEADER_ROW, total, last);
  pageSetup(sheet, document, "分配明细表", false);
}

/** Yuan in 万元, exact (6 decimals hold every fen). */
function wan(amount: string): string {
  return dec(amount).dividedBy(10_000).toFixed(6);
}

/** The clauses that make the full kinds paid in full, as a sheet cites them: "；依据 S0 《实施方案》四(十四)3". */
function cited(basis: readonly ParamUse[] | undefined): string {
  const clauses = (basis ?? []).map((use) =>
    [use.source, use.clause?.split(/[:：]/)[0]?.trim()].filter((part) => part !== undefined && part !== "").join(" "),
  );
  return clauses.length === 0 ? "" : `；依据 ${clauses.join("、")}`;
}
