import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { ISSUE_LIMIT, echoText } from "../../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { columnLetter } from "./columns.js";
import type { RawRow, RawTable } from "./table.js";
import { CONTROL, controlProblem, decodeCsv } from "./text.js";

/** Byte-order mark: written first so Excel opens UTF-8 CSV (and Chinese text) correctly. */
export const BOM = "\uFEFF";

/**
 * The rows of a CSV file (numbered as Excel numbers them when it opens the file; empty rows left out),
 * decoded strictly (docs/files.md, "Encodings"). Excel's "Unicode 文本" (UTF-16) is tab-separated.
 *
 * @throws InvalidInputError for mixed or unknown encodings and for text that is not CSV.
 */
export function csvTable(bytes: Uint8Array, file: string): RawTable {
  const { text, encoding } = decodeCsv(bytes, file);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = encoding.startsWith("utf-16") && firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, delimiter }) as string[][];
  } catch (error) {
    throw new InvalidInputError([
      {
        path: file,
        code: "not-csv",
        message: `is not a valid CSV file: ${echoText((error as Error).message, 160)}`,
        zh: "不是有效的 CSV 文件",
      },
    ]);
  }
  const rows: RawRow[] = [];
  records.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== "")) rows.push({ number: index + 1, cells });
  });
  const problems = [...otherSeparator(rows, file, delimiter), ...textProblems(rows, `${file} › `)];
  if (problems.length > 0) throw new InvalidInputError(problems.slice(0, ISSUE_LIMIT));
  return { file, rows };
}

/**
 * A CSV whose header row is one cell holding `;` or tab separators: written under a list separator other than the
 * comma (Excel in many locales writes `;`, "Text (Tab delimited)" tabs). Read with commas it would be one column
 * whose header names no field, so it is refused by what it is, before its columns are looked at.
 */
function otherSeparator(rows: readonly RawRow[], file: string, delimiter: string): InputIssue[] {
  const first = rows[0];
  if (delimiter !== "," || first === undefined) return [];
  const filled = first.cells.filter((cell): cell is string => typeof cell === "string" && cell.trim() !== "");
  const only = filled.length === 1 ? (filled[0] ?? "") : "";
  const separator = [";", "\t", "|"].find((candidate) => only.split(candidate).length >= 3);
  if (separator === undefined) return [];
  const named = separator === "\t" ? "tabs" : `"${separator}"`;
  return [
    {
      path: `${file} › row ${first.number}`,
      code: "not-comma-separated",
      message: `is separated by ${named}, not commas (as Excel writes CSV under some list-separator settings): save it again from Excel as "CSV UTF-8 (comma delimited)", or save the sheet as .xlsx`,
      zh: `以${separator === "\t" ? "制表符" : ` "${separator}" `}分隔，而不是逗号（某些列表分隔符设置下 Excel 会这样写）：请在 Excel 中另存为 “CSV UTF-8（逗号分隔）”，或另存为 .xlsx`,
    },
  ];
}

/**
 * The problems of the text of a sheet's cells (CSV or XLSX): a cell holding a control character (see
 * {@link CONTROL}) at its row and column, and a row that repeats the header row (two exports joined together:
 * its cells would be read as a case's values), said once for the row.
 */
export function textProblems(rows: readonly RawRow[], prefix: string): InputIssue[] {
  const problems: InputIssue[] = [];
  for (const row of rows)
    row.cells.forEach((cell, column) => {
      const found = typeof cell === "string" ? CONTROL.exec(cell) : null;
      if (found === null || problems.length >= ISSUE_LIMIT) return;
      const { message, zh } = controlProblem(found[0]);
      problems.push({
        path: `${prefix}row ${row.number} › column ${columnLetter(column)}`,
        code: "control-character",
        message,
        zh,
      });
    });
  const header = rows.find(
    (row) => row.cells.filter((cell) => typeof cell === "string" && cell.trim() !== "").length >= 3,
  );
  if (header === undefined) return problems;
  const key = (row: RawRow) =>
    row.cells
      .map((cell) => (typeof cell === "string" ? cell.trim() : String(cell ?? "")))
      .join("\u0000")
      .replace(/\u0000+$/, "");
  const shown = key(header);
  for (const row of rows)
    if (row.number > header.number && key(row) === shown && problems.length < ISSUE_LIMIT)
      problems.push({
        path: `${prefix}row ${row.number}`,
        code: "header-repeated",
        message: `repeats the header row (row ${header.number}): two exports joined together? Its cells would be read as a case's values; remove the row`,
        zh: `重复了表头行（第 ${header.number} 行）：是否拼接了两份导出？该行会被当作案件数据读取，请删除该行`,
      });
  return problems;
}

// What starts a formula in Excel, LibreOffice or WPS: = + - @, tab, CR, LF, and every form NFKC reads as one of the
// signs (full-width ＝ ＋ － ＠, small ﹦ ﹢ ﹣ ﹫, superscript ⁼ ⁺, subscript ₌ ₊, ⩵ ⩶, ﬩).
const SIGNS =
  "=+@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B\\u207A\\u207C\\u208A\\u208C\\u2A75\\u2A76\\uFB29";
const TRIGGER = new RegExp(`^[\\-${SIGNS}\\t\\r\\n]`);
// What a spreadsheet may skip before a formula: spaces (also no-break and full-width), zero-width characters.
const LEADING = /^[\s\u00A0\u3000\u200B-\u200D\u2060\uFEFF]+/;
// A list separator (or line break) followed by a trigger: under another list separator (`;` in many locales,
// tab) the text after it is a cell of its own. The spaces skipped after it are never separators themselves (a tab
// is one), and a `-` after it is left alone only when a number runs from it to the end of the text: under `\t`,
// `-1|` is a cell of its own, and not a number.
const SPLIT_TRIGGER = new RegExp(
  `([,;\\t|\\r\\n])((?:(?![\\t\\r\\n])[\\s\\u00A0\\u3000\\u200B-\\u200D\\u2060\\uFEFF])*)(?=[${SIGNS}]|-(?!\\d+(?:\\.\\d+)?$))`,
  "g",
);
const NUMBER = /^-\d+(\.\d+)?$/;

/**
 * Text that no spreadsheet would run as a formula, whatever its list separator (ecosystem §1.8, OWASP CSV
 * injection): a `'` goes before a leading `=`, `+`, `@`, tab, CR or LF (or the full-width `＝ ＋ － ＠`), before a
 * `-` that does not start a number, and before such a character that follows a list separator inside the
 * text (`;=1+1` opens as two cells in a `;` locale). Negative amounts like `-12.50` are left alone.
 */
export function safeText(text: string): string {
  const start = text.replace(LEADING, "");
  let safe = text;
  if (TRIGGER.test(start) && !NUMBER.test(start)) safe = `'${text}`;
  return safe.includes(",") || safe.includes(";") || /[\t|\r\n]/.test(safe)
    ? safe.replace(SPLIT_TRIGGER, "$1$2'")
    : safe;
}

/**
 * CSV lines (CRLF, quoted where needed) of rows of plain strings. A cell holding a lone CR or LF is quoted too
 * (csv-stringify quotes only the CRLF it writes once a record delimiter is given), so a name with a line
 * break never splits its row in two.
 */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { record_delimiter: "windows", quote_record_delimiter: true });
}
