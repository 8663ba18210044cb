import type { AddWorksheetOptions, Cell, Row, Worksheet } from "./engine.js";
import { dec } from "../../money/decimal.js";

/** Money as Excel shows it: thousands separators, two decimals. */
export const MONEY_FORMAT = "#,##0.00";

// Excel keeps 15 significant digits; amounts at the fen are exact as numbers below 10^13 (ecosystem §1.8).
const NUMBER_LIMIT = dec("1e13");

/**
 * A number cell when the value survives Excel's doubles (|x| < 10^13 and ≤ 15 significant digits), else the
 * exact text; right-aligned with `format`. Every workbook writes money through this one check.
 */
export function numberCell(cell: Cell, value: string, format: string = MONEY_FORMAT): void {
  const exact = dec(value);
  const fits = exact.abs().lt(NUMBER_LIMIT) && exact.precision(true) <= 15;
  cell.value = fits ? Number(value) : value; // the one conversion to a double, for Excel, checked exact above
  cell.numFmt = format;
  cell.alignment = { horizontal: "right" };
}

/** A money cell (`#,##0.00`). */
export function moneyCell(cell: Cell, value: string): void {
  numberCell(cell, value, MONEY_FORMAT);
}

/** Page setup of every printed sheet: A4 landscape, fit to the page width, centred, the header row repeated and frozen. */
export function sheetOptions(headerRow: number): Partial<AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ state: "frozen", ySplit: headerRow }],
  };
}

/** Column widths (and hidden columns, which hold exact decimal strings beside rounded figures). */
export function setColumns(
  sheet: Worksheet,
  columns: readonly { readonly width: number; readonly hidden?: boolean }[],
): void {
  columns.forEach((column, index) => {
    const target = sheet.getColumn(index + 1);
    target.width = column.width;
    if (column.hidden === true) target.hidden = true;
  });
}

/** The sheet's title in A1, merged across `width` columns. */
export function title(sheet: Worksheet, text: string, width: number): void {
  const cell = sheet.getCell("A1");
  cell.value = text;
  cell.font = { bold: true, size: 16 };
  cell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 28;
  sheet.mergeCells(1, 1, 1, width);
}

/** A header row: bold, centred, wrapped, shaded. */
export function header(row: Row, labels: readonly string[]): void {
  labels.forEach((label, index) => {
    const cell = row.getCell(index + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
  });
}

/** Thin borders on every cell of a block. */
export function border(sheet: Worksheet, fromRow: number, toRow: number, columns: number): void {
  for (let r = fromRow; r <= toRow; r += 1) {
    for (let c = 1; c <= columns; c += 1) {
      sheet.getCell(r, c).border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    }
  }
}
