import type ExcelJS from "exceljs";
import { expect } from "vitest";

/**
 * Checks on a printed sheet as exceljs reads it back: every visible cell's font is named (宋体 for text, Courier
 * New for figures), no English word appears but in the data given (ids like `E-1`, `SYN-2016-TH-001`, the rule
 * set's id), and no text is clipped: a cell's text, CJK counted double, fits the width of its column (or merged
 * range) in as many lines as the row's height holds.
 */
export function expectChineseSheet(sheet: ExcelJS.Worksheet, allowed: readonly RegExp[] = []): void {
  const merged = mergedSpans(sheet);
  const problems: string[] = [];
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      if (sheet.getColumn(column).hidden) return;
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = cell.text;
      if (text === "") return;
      const figure = typeof cell.value === "number";
      const font = cell.font?.name;
      if (font !== (figure ? "Courier New" : "宋体")) problems.push(`${cell.address}: font ${String(font)}`);
      const words = [DATA_WORDS, ...allowed].reduce((rest, pattern) => rest.replace(pattern, " "), text);
      if (/[A-Za-z]{2,}/.test(words)) problems.push(`${cell.address}: English in ${JSON.stringify(text)}`);
      const span = merged.get(cell.address) ?? { right: column, bottom: rowNumber };
      let width = 0;
      for (let c = column; c <= span.right; c += 1)
        width += sheet.getColumn(c).hidden ? 0 : (sheet.getColumn(c).width ?? 9);
      let height = 0;
      for (let r = rowNumber; r <= span.bottom; r += 1) height += sheet.getRow(r).height ?? 15;
      const size = cell.font?.size ?? 11;
      const lines = cell.alignment?.wrapText === true ? linesIn(text, width, size) : text.split("\n").length;
      if (cell.alignment?.wrapText !== true && widthOf(text, size) > width)
        problems.push(`${cell.address}: ${JSON.stringify(text)} is wider than its ${width} columns`);
      if (lines * size * 1.2 > height + 0.5)
        problems.push(`${cell.address}: ${lines} lines of ${JSON.stringify(text.slice(0, 40))} in ${height} pt`);
    });
  });
  expect(problems).toEqual([]);
}

// Ids and codes that are data (E-1, C-0032, SYN-2016-TH-001, TZCZ-2017-000343, tongzhou-2016, TH-01), and the
// `(synthetic)` the example data marks its places with.
const DATA_WORDS = /[A-Za-z]+[-_][\w-]*|\b[A-Z]{1,3}\d[\w-]*|\(synthetic\)/g;

function widthOf(text: string, size: number): number {
  let width = 0;
  for (const character of text)
    width += /[\u2e80-\u9fff\uac00-\ud7a3\uff00-\uff60\u3000-\u303f]/.test(character) ? 2 : 1;
  return (width * size) / 10.5;
}

function linesIn(text: string, width: number, size: number): number {
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(widthOf(line, size) / Math.max(1, width - 1))), 0);
}

function mergedSpans(sheet: ExcelJS.Worksheet): Map<string, { right: number; bottom: number }> {
  const spans = new Map<string, { right: number; bottom: number }>();
  const merges = (sheet as unknown as { model: { merges: string[] } }).model.merges;
  for (const range of merges) {
    const [from, to] = range.split(":");
    if (from === undefined || to === undefined) continue;
    const end = sheet.getCell(to);
    spans.set(sheet.getCell(from).address, { right: Number(end.col), bottom: Number(end.row) });
  }
  return spans;
}
