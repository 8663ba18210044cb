import type ExcelJS from "exceljs";
import { dec } from "../../money/decimal.js";

/** Money as Excel shows it: thousands separators, two decimals. */
export const MONEY_FORMAT = "#,##0.00";

// Excel keeps 15 significant digits; amounts at the fen are exact as numbers below 10^13 (ecosystem §1.8).
const NUMBER_LIMIT = dec("1e13");

/**
 * A number cell when the value survives Excel's doubles (|x| < 10^13 and ≤ 15 significant digits), else the
 * exact text; right-aligned with `format`. Every workbook writes money through this one check.
 */
export function numberCell(cell: ExcelJS.Cell, value: string, format: string = MONEY_FORMAT): void {
  const exact = dec(value);
  const fits = exact.abs().lt(NUMBER_LIMIT) && exact.precision(true) <= 15;
  cell.value = fits ? Number(value) : value; // the one conversion to a double, for Excel, checked exact above
  cell.numFmt = format;
  cell.alignment = { horizontal: "right" };
}

/** A money cell (`#,##0.00`). */
export function moneyCell(cell: ExcelJS.Cell, value: string): void {
  numberCell(cell, value, MONEY_FORMAT);
}
