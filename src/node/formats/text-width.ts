import { isWide } from "../xlsx/layout.js";

/**
 * How wide text shows in a spreadsheet column or a terminal: a CJK character (or a full-width form, or one a CJK
 * font draws wide: `isWide` of the sheets' layout) takes two cells, any other character one. Enough to size a column so that its Chinese header is not cut off.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * The height (points) a row needs for its wrapped cells to show whole: each cell's lines at its column's width
 * (Excel's width units, about one Latin character), the tallest cell's at 15 points a line, capped at Excel's 409.
 * Written explicitly, since neither Excel nor LibreOffice grows a row for text a program wrote.
 */
export function wrappedHeight(cells: readonly unknown[], widths: readonly number[], lineHeight = 15): number {
  let lines = 1;
  cells.forEach((cell, index) => {
    const width = Math.max(1, (widths[index] ?? 10) - 1);
    const text = cell === undefined || cell === null ? "" : String(cell);
    const count = text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
    lines = Math.max(lines, count);
  });
  return Math.min(MAX_ROW_HEIGHT, lines * lineHeight + 3);
}
