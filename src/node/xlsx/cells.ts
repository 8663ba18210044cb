import { type AddWorksheetOptions, type Cell, type CellValue, type Font, type Row, type Worksheet } from "./engine.js";
import { dec } from "../../money/decimal.js";

/**
 * The cell helpers every workbook is written with: money and figures as number cells in a fixed font, text in
 * 宋体, headers, borders, merges the layout pass knows about. A printed sheet then goes through
 * `finishSheet` (layout.ts), which names every cell's font and sizes every row to its text.
 */

/** Money as Excel shows it: thousands separators, two decimals. */
export const MONEY_FORMAT = "#,##0.00";
/** 单价 · a rate: thousands separators, two to four decimals. */
export const RATE_FORMAT = "#,##0.00##";
/** 万元 · exact to the yuan. */
export const WAN_FORMAT = "#,##0.0000";
/** A quantity (㎡, 米, 项) as given, with thousands separators. */
export const QUANTITY_FORMAT = "#,##0.####";
/** A count (项数, 件数). */
export const COUNT_FORMAT = "#,##0";

/** 宋体 (SimSun) for every text of a printed sheet; GB2312 charset so Excel and WPS pick the Chinese face. */
export const TEXT_FONT = { name: "宋体", charset: 134, family: 3 } as const;
/** A fixed-pitch font for figures (metric-compatible Liberation Mono where Courier New is missing). */
export const FIGURE_FONT = { name: "Courier New", family: 3 } as const;
/** 五号 · the body size of Chinese official forms, in points. */
export const BODY_SIZE = 10.5;

// Excel keeps 15 significant digits; amounts at the fen are exact as numbers below 10^13 (ecosystem §1.8).
const NUMBER_LIMIT = dec("1e13");

/** Cells holding figures (number cells, and exact amounts too large for a double): written in the figure font. */
const FIGURES = new WeakSet<Cell>();

/** True for a cell written as a figure (see {@link numberCell}). */
export function isFigure(cell: Cell): boolean {
  return FIGURES.has(cell) || typeof cell.value === "number";
}

/**
 * A number cell when the value survives Excel's doubles (|x| < 10^13 and ≤ 15 significant digits), else the
 * exact text; right-aligned with `format`, in the figure font. Every workbook writes money through this one check.
 */
export function numberCell(cell: Cell, value: string, format: string = MONEY_FORMAT): void {
  const exact = dec(value);
  const fits = exact.abs().lt(NUMBER_LIMIT) && exact.precision(true) <= 15;
  cell.value = fits ? Number(value) : value; // the one conversion to a double, for Excel, checked exact above
  cell.numFmt = format;
  cell.alignment = { horizontal: "right", vertical: "middle" };
  FIGURES.add(cell);
}

/** A money cell (`#,##0.00`). */
export function moneyCell(cell: Cell, value: string): void {
  numberCell(cell, value, MONEY_FORMAT);
}

/** An exact decimal string kept as text beside its rounded figure (hidden columns), in the figure font. */
export function exactCell(cell: Cell, value: string): void {
  cell.value = value;
  cell.alignment = { horizontal: "right", vertical: "middle" };
  FIGURES.add(cell);
}

/** A count (`#,##0`), centred. */
export function countCell(cell: Cell, value: number): void {
  cell.value = value;
  cell.numFmt = COUNT_FORMAT;
  cell.alignment = { horizontal: "center", vertical: "middle" };
  FIGURES.add(cell);
}

/** A text cell: left-aligned with a one-character indent (or as given), wrapped, vertically centred. */
export function textCell(
  cell: Cell,
  value: string,
  options: { readonly horizontal?: "left" | "center" | "right"; readonly indent?: number } = {},
): void {
  cell.value = value;
  cell.alignment = {
    horizontal: options.horizontal ?? "left",
    vertical: "middle",
    wrapText: true,
    ...((options.horizontal ?? "left") === "left" ? { indent: options.indent ?? 1 } : {}),
  };
}

/** Whether each row is a yes/no: 是 or 否, never 1/0 or TRUE/FALSE. */
export function yesNo(value: boolean): string {
  return value ? "是" : "否";
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

/** A merged range of a sheet, as the layout pass reads it. */
export interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const MERGES = new WeakMap<Worksheet, Merge[]>();

/** Merges a range (and records it, so rows can be sized to the text of the merged cell). */
export function merge(sheet: Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (bottom === top && right === left) return;
  sheet.mergeCells(top, left, bottom, right);
  const list = MERGES.get(sheet) ?? [];
  list.push({ top, left, bottom, right });
  MERGES.set(sheet, list);
}

/** The merges made with {@link merge}. */
export function mergesOf(sheet: Worksheet): readonly Merge[] {
  return MERGES.get(sheet) ?? [];
}

/** The sheet's title in A1, merged across `width` columns. */
export function title(sheet: Worksheet, text: string, width: number): void {
  const cell = sheet.getCell("A1");
  cell.value = text;
  cell.font = { bold: true, size: 16 };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  merge(sheet, 1, 1, 1, width);
}

/** A line of text across `width` columns (merged), e.g. the rule set or a note under a table. */
export function line(
  sheet: Worksheet,
  rowNumber: number,
  text: string | CellValue,
  width: number,
  font?: Partial<Font>,
): void {
  const cell = sheet.getCell(rowNumber, 1);
  cell.value = text;
  cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
  if (font !== undefined) cell.font = font;
  merge(sheet, rowNumber, 1, rowNumber, width);
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
export function border(sheet: Worksheet, fromRow: number, toRow: number, columns: number, fromColumn = 1): void {
  for (let r = fromRow; r <= toRow; r += 1) {
    for (let c = fromColumn; c <= columns; c += 1) {
      sheet.getCell(r, c).border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    }
  }
}

/** Bold text in every written cell of a row (fonts are completed by the layout pass). */
export function bold(row: Row, columns: number): void {
  for (let c = 1; c <= columns; c += 1) {
    const cell = row.getCell(c);
    cell.font = { ...cell.font, bold: true };
  }
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
