import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { InvalidInputError } from "../../errors/index.js";
import type { RawRow, RawTable } from "./table.js";

/** Byte-order mark: written first so Excel opens UTF-8 CSV (and Chinese text) correctly. */
export const BOM = "\uFEFF";

/**
 * The text of a CSV file: UTF-8 (with or without a BOM), else GB18030, the code page Chinese Excel
 * uses for "CSV (逗号分隔)". Bytes that are not valid UTF-8 are taken as GB18030.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The rows of a CSV file (numbered as Excel numbers them when it opens the file; empty rows left out). */
export function csvTable(bytes: Uint8Array, file: string): RawTable {
  let records: string[][];
  try {
    records = parse(decodeText(bytes).text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new InvalidInputError([{ path: file, message: `is not a valid CSV file: ${(error as Error).message}` }]);
  }
  const rows: RawRow[] = [];
  records.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== "")) rows.push({ number: index + 1, cells });
  });
  return { file, rows };
}

/**
 * Text that Excel would not run as a formula: a leading `=`, `+`, `@`, tab or carriage return — or a
 * `-` that does not start a number — gets a `'` in front (ecosystem §1.8). Negative amounts are left alone.
 */
export function safeText(text: string): string {
  if (/^[=+@\t\r]/.test(text) || (text.startsWith("-") && !/^-\d+(\.\d+)?$/.test(text))) return `'${text}`;
  return text;
}

/** CSV lines (CRLF, quoted where needed) of rows of plain strings. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { record_delimiter: "windows" });
}
