import { Dec } from "../../money/decimal.js";
import { STRUCTURE_TYPE_ALIASES, type Column } from "./columns.js";

/** What a cell holds for its field: nothing (the field is absent), a value, or why it cannot be read. */
export type CellResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string }
  | undefined;

/** Reading options of the workbook a cell comes from. */
export interface CellContext {
  /** The workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  readonly date1904?: boolean;
}

const EXCEL_DIGITS = 15;
const MS_PER_DAY = 86_400_000;
const LAST_SERIAL = 2_958_465; // 9999-12-31
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["false", false],
  ["是", true],
  ["否", false],
  ["yes", true],
  ["no", false],
  ["1", true],
  ["0", false],
]);

const fail = (message: string): CellResult => ({ ok: false, message });
const ok = (value: unknown): CellResult => ({ ok: true, value });

/**
 * The value of one cell (a CSV text or an exceljs cell value) for `column`, converted as docs/files.md
 * says: text trimmed, booleans from true/false, 是/否, yes/no, 1/0 and Excel booleans, figures from text
 * or from number cells of at most 15 significant digits, dates from YYYY-MM-DD (or Y/M/D) text, date
 * cells and 1900-system serial numbers, enumerations by value or Chinese alias. Empty → undefined.
 */
export function readCell(raw: unknown, column: Column, context: CellContext = {}): CellResult {
  const cell = unwrap(raw);
  if (typeof cell === "object" && cell !== null && "error" in cell) return fail(cell.error);
  const value = typeof cell === "string" ? unquote(cell.trim()) : cell;
  if (value === undefined || value === null || value === "") return undefined;
  switch (column.type) {
    case "text":
      return typeof value === "number" ? figure(value) : value instanceof Date ? dateCell(value) : ok(String(value));
    case "money":
    case "quantity":
      return typeof value === "number"
        ? figure(value)
        : typeof value === "string"
          ? ok(value)
          : fail(`is ${describe(value)}; a figure is expected, e.g. 1250.50`);
    case "count":
    case "year":
      if (typeof value === "string") return ok(/^\d{1,15}$/.test(value) ? Number(value) : value);
      return typeof value === "number" ? ok(value) : fail(`is ${describe(value)}; a whole number is expected`);
    case "date":
      return dateValue(value, context);
    case "boolean":
      return booleanValue(value);
    case "enum":
      return enumValue(value, column);
    case "structure-type":
      return typeof value === "string"
        ? ok(structureType(value))
        : fail(`is ${describe(value)}; a structure type such as brick-concrete (砖混) is expected`);
  }
}

/**
 * A structure type as written: a Chinese name (after NFKC, without spaces) gives its key; an English key is
 * taken case-insensitively (rule-set keys are kebab-case, so `Brick-Concrete` is `brick-concrete`).
 */
function structureType(text: string): string {
  const name = text.normalize("NFKC").replace(/\s+/g, "");
  const alias = STRUCTURE_TYPE_ALIASES.get(name);
  if (alias !== undefined) return alias;
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(name) ? name.toLowerCase() : text;
}

/** The plain value of an exceljs cell value: a formula's saved result, rich text joined, a hyperlink's text. */
function unwrap(raw: unknown): string | number | boolean | Date | null | undefined | { error: string } {
  if (raw === null || raw === undefined || typeof raw !== "object" || raw instanceof Date)
    return raw as string | number | boolean | Date | null | undefined;
  if ("formula" in raw || "sharedFormula" in raw) {
    const result = (raw as { result?: unknown }).result;
    if (result === undefined)
      return { error: "is a formula with no saved result: open the file in Excel and save it, or paste the values" };
    return unwrap(result);
  }
  if ("richText" in raw) return (raw as { richText: { text: string }[] }).richText.map((run) => run.text).join("");
  if ("text" in raw) return unwrap((raw as { text: unknown }).text);
  if ("error" in raw)
    return { error: `shows the Excel error ${String((raw as { error: unknown }).error)}; put a value in the cell` };
  return { error: "holds something that is not a value (an embedded object?)" };
}

/** Our CSV writer prefixes `'` to text that Excel would run as a formula; the reader takes it off again. */
function unquote(text: string): string {
  return /^'(?=[\s\u00A0\u3000\u200B-\u200D\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/.test(text)
    ? text.slice(1)
    : text;
}

function describe(value: unknown): string {
  if (value instanceof Date) return "a date cell";
  if (typeof value === "boolean") return `the Excel boolean ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return `the number ${String(value)}`;
  return `"${String(value)}"`;
}

/**
 * The exact decimal string of a number cell. Excel keeps 15 significant digits, so a number with more
 * (a formula's binary residue such as 0.30000000000000004, or a long id) cannot be trusted.
 */
export function figure(value: number): CellResult {
  if (!Number.isFinite(value)) return fail(`is the number ${String(value)}; a figure is expected`);
  const shortest = String(value);
  const digits = shortest.split(/e/i)[0]?.replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "") ?? "";
  if (digits.length > EXCEL_DIGITS) {
    return fail(
      `is a number cell holding ${shortest}, more than ${EXCEL_DIGITS} significant digits, which Excel cannot store exactly: type the value as text (format the cell as 文本/Text)`,
    );
  }
  return ok(/e/i.test(shortest) ? new Dec(shortest).toFixed() : shortest);
}

function booleanValue(value: string | number | boolean | Date): CellResult {
  if (typeof value === "boolean") return ok(value);
  const found = BOOLEANS.get(String(value).toLowerCase());
  if (found !== undefined && !(value instanceof Date)) return ok(found);
  return fail(`is ${describe(value)}; write 是 or 否 (also accepted: TRUE/FALSE, true/false, yes/no, 1/0)`);
}

function enumValue(value: string | number | boolean | Date, column: Column): CellResult {
  const values = column.values ?? [];
  const text = String(value);
  const found = values.find(([key, zh]) => key === text || zh === text || key.toLowerCase() === text.toLowerCase());
  if (found !== undefined && typeof value === "string") return ok(found[0]);
  const accepted = values.map(([key, zh]) => (zh === "" ? key : `${key} (${zh})`)).join(", ");
  return fail(`is ${describe(value)}; must be one of ${accepted}`);
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function dateValue(value: string | number | boolean | Date, context: CellContext): CellResult {
  if (value instanceof Date) return dateCell(value);
  if (typeof value === "number") return serialDate(value, context);
  if (typeof value === "string") {
    const match = DATE_TEXT.exec(value);
    if (match !== null) return ok(`${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`);
    if (/^\d{1,7}$/.test(value)) return serialDate(Number(value), context);
  }
  return fail(`is ${describe(value)}, not a date: write YYYY-MM-DD (e.g. 2016-11-01) or use a date cell`);
}

/** A date cell: exceljs gives the day at 00:00 UTC, so the UTC parts are the calendar day Excel shows. */
function dateCell(date: Date): CellResult {
  if (Number.isNaN(date.getTime())) return fail("is a date cell that holds no valid date");
  return ok(date.toISOString().slice(0, 10));
}

/**
 * The date of an Excel serial number (a date typed into a cell formatted as a number, or a CSV saved so).
 * In the 1900 system serial 1 is 1900-01-01 and serial 60 is 29 February 1900, a day that never was
 * (Lotus 1-2-3's leap-year bug, kept by Excel): serials from 61 on count from 1899-12-30. A time of day
 * (the fraction) is dropped.
 */
export function serialDate(serial: number, context: CellContext = {}): CellResult {
  const day = Math.floor(serial);
  const first = context.date1904 === true ? 0 : 1;
  if (!Number.isFinite(serial) || day < first || day > LAST_SERIAL)
    return fail(`is the number ${String(serial)}, not a date serial number: write YYYY-MM-DD (e.g. 2016-11-01)`);
  if (context.date1904 !== true && day === 60)
    return fail(
      "is the serial number 60, 29 February 1900, a day that did not exist (an Excel leap-year bug): write the date as YYYY-MM-DD",
    );
  const epoch =
    context.date1904 === true ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return ok(new Date(epoch + day * MS_PER_DAY).toISOString().slice(0, 10));
}
