import ExcelJS from "exceljs";
import { InvalidInputError } from "../../errors/index.js";
import { CASE_LAYOUTS } from "./columns.js";
import type { RawRow, RawTable } from "./table.js";

/** Sheets that are never read as data: a template's notes and lists. */
export const NOTES_SHEETS: ReadonlySet<string> = new Set(["说明", "填表说明", "notes", "readme", "lists"]);

/** The workbook of XLSX bytes (a file that is not one is an input problem of `file`). */
export async function loadWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InvalidInputError([
      {
        path: file,
        message: `is not a readable .xlsx workbook (${(error as Error).message}); save it from Excel as "Excel 工作簿 (*.xlsx)"`,
      },
    ]);
  }
  return workbook;
}

/**
 * The data sheets of a workbook: every visible sheet named after a case kind (English or Chinese),
 * in workbook order; else the first visible sheet that is not a notes sheet. With `all`, every
 * visible sheet that is not a notes sheet (the ledger reader reads them all).
 */
export function dataSheets(workbook: ExcelJS.Workbook, all = false): ExcelJS.Worksheet[] {
  const visible = workbook.worksheets.filter(
    (sheet) => sheet.state === "visible" && !NOTES_SHEETS.has(sheet.name.trim().toLowerCase()),
  );
  if (all) return visible;
  const named = visible.filter((sheet) =>
    CASE_LAYOUTS.some((layout) => sheet.name.trim() === layout.kind || sheet.name.trim() === layout.zhName),
  );
  return named.length > 0 ? named : visible.slice(0, 1);
}

/** The rows of a sheet: exceljs cell values (merged cells give the merged value in every cell). */
export function sheetTable(sheet: ExcelJS.Worksheet, file: string, date1904: boolean): RawTable {
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as unknown[];
    if (!values.some((value) => value !== null && value !== undefined && value !== "")) return;
    rows.push({
      number,
      cells: Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => values[index + 1]),
    });
  });
  return { file, sheet: sheet.name, rows, ...(date1904 ? { date1904 } : {}) };
}

/** The data tables of XLSX bytes. */
export async function xlsxTables(
  bytes: Uint8Array,
  file: string,
  options: { all?: boolean } = {},
): Promise<RawTable[]> {
  const workbook = await loadWorkbook(bytes, file);
  const date1904 = (workbook.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  const sheets = dataSheets(workbook, options.all === true);
  if (sheets.length === 0)
    throw new InvalidInputError([
      { path: file, message: "has no sheet with data (notes sheets such as 说明 are not read)" },
    ]);
  return sheets.map((sheet) => sheetTable(sheet, file, date1904));
}
