import { echo, knownList } from "../../errors/echo.js";
import { Dec } from "../../money/decimal.js";
import { nameKey } from "../../vocabulary.js";
import { BOOLEAN_VALUES, type Column } from "./columns.js";

/**
 * How a cell was written when it was not written as the contract writes it, but read all the same because its
 * meaning is certain: thousands separators (`1,234.50`), full-width digits or punctuation (`１２３．５`), a currency
 * sign or 元 (`¥1250`, `1250元`), a percentage for a rate (`70%`), a compact date (`20160701`), a date with a time
 * of day. Each is said in a notice per column, so nothing is decoded silently.
 */
export type Form = "thousands" | "full-width" | "currency" | "percent" | "compact-date" | "time-dropped" | "unit";

/** What a cell holds for its field: nothing (the field is absent), a value (and how it was written), or why it cannot be read. */
export type CellResult =
  | { readonly ok: true; readonly value: unknown; readonly forms?: readonly Form[] }
  | { readonly ok: false; readonly message: string; readonly zh: string; readonly code: string }
  | undefined;

/** The value each name of an enumerated column stands for, or the values when a name stands for several. */
export type ValueNames = ReadonlyMap<string, string | readonly string[]>;

/** Reading options of the workbook a cell comes from. */
export interface CellContext {
  /** The workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  readonly date1904?: boolean;
  /** The names an enumerated column's values are read by (see {@link valueNames}); default: its own values'. */
  readonly names?: ValueNames;
  /** A decimal may be written as a percentage (`70%` → 0.7): the cell holds a rate or share. */
  readonly rate?: boolean;
}

const EXCEL_DIGITS = 15;
const MS_PER_DAY = 86_400_000;
const LAST_SERIAL = 2_958_465; // 9999-12-31

const fail = (code: string, message: string, zh: string): CellResult => ({ ok: false, code, message, zh });

/**
 * Full-width forms mapped to what they show, and nothing else: U+FF01–FF5E (full-width digits `０–９`, `．`, `，`,
 * `＋`, `－`, `％`, letters …) to ASCII, the ideographic space to a space, `￥` to `¥`. Not NFKC, which also reads a
 * superscript, a circled digit or a fraction as digits (`2000²` → `20002`): a silent wrong number.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\uffe5]/g, (character) => {
    const code = character.charCodeAt(0);
    return code === 0x3000 ? " " : code === 0xffe5 ? "¥" : String.fromCharCode(code - 0xfee0);
  });
}

/**
 * The first character of `text` that NFKC would change and {@link foldWidth} does not (a superscript ², a subscript
 * ₂, a circled ①, a fraction ½, a Roman numeral Ⅻ, a ligature …), or undefined. Spaces are left to the readers.
 */
export function compatibilityCharacter(text: string): string | undefined {
  for (const character of foldWidth(text))
    if (!/\s/.test(character) && character.normalize("NFKC") !== character) return character;
  return undefined;
}

const codePoint = (character: string): string =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** A figure, date or named value holding a compatibility character is refused: it is not a plain digit or letter. */
function compatibilityForm(character: string): CellResult {
  return fail(
    "compatibility-form",
    `holds ${echo(character)} (${codePoint(character)}), a superscript, subscript, circled, fraction or similar form, not a plain digit or letter: write the value with plain characters (0–9, or full-width ０–９)`,
    `含有 ${echo(character)}（${codePoint(character)}），是上标、下标、带圈、分数等特殊字符，不是普通数字或字母：请用普通字符填写（0–9 或全角 ０–９）`,
  );
}
const ok = (value: unknown, forms: readonly Form[] = []): CellResult =>
  forms.length === 0 ? { ok: true, value } : { ok: true, value, forms };

/**
 * The names each value of `column` is read by: its key, its Chinese and English names, its aliases, each half of a
 * name written with a slash (钢混/框架 → 钢混, 框架), and `extra` (the rule set's keys of the table the values are
 * keys of, and their aliases; a `--map` file's values), all compared as `nameKey` compares them. A name that stands
 * for two values is kept with both, so that a cell holding it is refused as ambiguous rather than guessed.
 */
export function valueNames(column: Column, extra: ReadonlyMap<string, string> = new Map()): ValueNames {
  const found = new Map<string, Set<string>>();
  const add = (name: string, value: string) => {
    const key = nameKey(name);
    if (key === "") return;
    const values = found.get(key) ?? new Set<string>();
    values.add(value);
    found.set(key, values);
  };
  const values = column.type === "boolean" ? BOOLEAN_VALUES : (column.values ?? []);
  for (const { value, zh, en, aliases } of values) {
    for (const name of [value, zh, en, ...aliases, ...(zh.includes("/") ? zh.split("/") : [])]) add(name, value);
  }
  for (const [name, value] of extra) add(name, value);
  const names = new Map<string, string | readonly string[]>();
  for (const [name, set] of found) names.set(name, set.size === 1 ? [...set][0]! : [...set]);
  return names;
}

const OWN_NAMES = new WeakMap<Column, ValueNames>();
function ownNames(column: Column): ValueNames {
  let names = OWN_NAMES.get(column);
  if (names === undefined) OWN_NAMES.set(column, (names = valueNames(column)));
  return names;
}

/**
 * The value of one cell (a CSV text or an exceljs cell value) for `column`, converted as docs/files.md
 * says: text trimmed, booleans from 是/否 (and TRUE/FALSE, yes/no, 1/0, √/×, Excel booleans), figures from text
 * as Chinese sheets write them or from number cells of at most 15 significant digits, dates from YYYY-MM-DD
 * (or Y/M/D, 年月日, YYYYMMDD) text, date cells and 1900-system serial numbers, enumerations by any of their
 * names. Empty → undefined.
 */
export function readCell(raw: unknown, column: Column, context: CellContext = {}): CellResult {
  const cell = unwrap(raw);
  if (typeof cell === "object" && cell !== null && "error" in cell) return fail(cell.code, cell.error, cell.zh);
  const value = typeof cell === "string" ? unquote(cell.trim()) : cell;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string" && column.type !== "text" && column.type !== "structure-type") {
    const odd = compatibilityCharacter(value);
    if (odd !== undefined) return compatibilityForm(odd);
  }
  switch (column.type) {
    case "text":
      return typeof value === "number" ? figure(value) : value instanceof Date ? dateCell(value) : ok(String(value));
    case "money":
    case "quantity":
      return typeof value === "number"
        ? figure(value)
        : typeof value === "string"
          ? decimalText(value, column, context.rate === true)
          : fail(
              "not-a-decimal",
              `is ${describe(value)}; a figure is expected, e.g. 1250.50`,
              `是${describeZh(value)}；应为数字，如 1250.50`,
            );
    case "count":
    case "year":
      return wholeNumber(value, column);
    case "date":
      return dateValue(value, context);
    case "boolean":
      return typeof value === "boolean" ? ok(value) : named(value, column, context.names ?? ownNames(column));
    case "enum":
      return named(value, column, context.names ?? ownNames(column));
    case "structure-type":
      return typeof value === "string"
        ? keyName(value, context.names ?? ownNames(column))
        : fail(
            "not-a-structure-type",
            `is ${describe(value)}; a structure type such as 砖混 (brick-concrete) is expected`,
            `是${describeZh(value)}；应为结构类型，如 砖混`,
          );
  }
}

/**
 * A structure type as written: any of its names gives its key (砖混, 砖混结构, Brick-Concrete → brick-concrete); an
 * unknown name is kept as written, so the rule set's check names it with the types known on the case's date.
 */
function keyName(text: string, names: ValueNames): CellResult {
  const found = names.get(nameKey(text));
  if (typeof found === "string") return ok(found);
  if (found !== undefined) return ambiguous(text, found);
  return ok(text);
}

/** The value an enumerated (or boolean) cell names, or why it names none. */
function named(value: string | number | boolean | Date, column: Column, names: ValueNames): CellResult {
  if (value instanceof Date) return notOneOf(value, column);
  const text = typeof value === "boolean" ? String(value) : String(value);
  const found = names.get(nameKey(text));
  if (found === undefined || (typeof value === "number" && column.type !== "boolean")) return notOneOf(value, column);
  if (typeof found !== "string") return ambiguous(text, found);
  const result = column.type === "boolean" ? found === "true" : found;
  return ok(result, text !== foldWidth(text) ? ["full-width"] : []);
}

function ambiguous(text: string, values: readonly string[]): CellResult {
  return fail(
    "ambiguous-name",
    `is ${echo(text)}, a name of several values (${values.join(", ")}): write one of their own names`,
    `${echo(text)} 同时是多个取值（${values.join("、")}）的名称：请写明其中之一`,
  );
}

function notOneOf(value: string | number | boolean | Date, column: Column): CellResult {
  if (column.type === "boolean")
    return fail(
      "not-a-boolean",
      `is ${describe(value)}; write 是 or 否 (also accepted: TRUE/FALSE, true/false, yes/no, 1/0, √/×)`,
      `是${describeZh(value)}；请填写“是”或“否”（也接受 TRUE/FALSE、yes/no、1/0、√/×）`,
    );
  const values = column.values ?? [];
  const accepted = knownList(values.map(({ value: key, zh }) => (zh === "" ? key : `${zh} (${key})`)));
  const acceptedZh = knownList(
    values.map(({ value: key, zh }) => (zh === "" ? key : zh)),
    undefined,
    "、",
  );
  return fail(
    "not-an-allowed-value",
    `is ${describe(value)}; must be one of ${accepted}`,
    `是${describeZh(value)}；应为以下之一：${acceptedZh}`,
  );
}

/** The plain value of an exceljs cell value: a formula's saved result, rich text joined, a hyperlink's text. */
function unwrap(
  raw: unknown,
): string | number | boolean | Date | null | undefined | { error: string; zh: string; code: string } {
  if (raw === null || raw === undefined || typeof raw !== "object" || raw instanceof Date)
    return raw as string | number | boolean | Date | null | undefined;
  if ("formula" in raw || "sharedFormula" in raw) {
    const result = (raw as { result?: unknown }).result;
    if (result === undefined)
      return {
        code: "formula-without-result",
        error: "is a formula with no saved result: open the file in Excel and save it, or paste the values",
        zh: "是没有保存计算结果的公式：请在 Excel 中打开并保存，或粘贴为数值",
      };
    return unwrap(result);
  }
  if ("richText" in raw) return (raw as { richText: { text: string }[] }).richText.map((run) => run.text).join("");
  if ("text" in raw) return unwrap((raw as { text: unknown }).text);
  if ("error" in raw) {
    const shown = String((raw as { error: unknown }).error);
    return {
      code: "excel-error",
      error: `shows the Excel error ${shown}; put a value in the cell`,
      zh: `显示 Excel 错误 ${shown}：请填入数值`,
    };
  }
  return {
    code: "not-a-value",
    error: "holds something that is not a value (an embedded object?)",
    zh: "单元格中不是数值（是否嵌入了对象？）",
  };
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
  return echo(String(value));
}

function describeZh(value: unknown): string {
  if (value instanceof Date) return "日期单元格";
  if (typeof value === "boolean") return `Excel 逻辑值 ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return `数字 ${String(value)}`;
  return ` ${echo(String(value))}`;
}

/**
 * The exact decimal string of a number cell. Excel keeps 15 significant digits, so a number with more
 * (a formula's binary residue such as 0.30000000000000004, or a long id) cannot be trusted.
 */
export function figure(value: number): CellResult {
  if (!Number.isFinite(value))
    return fail(
      "not-a-decimal",
      `is the number ${String(value)}; a figure is expected`,
      `是数字 ${String(value)}；应为有效数字`,
    );
  const shortest = String(value);
  const digits = shortest.split(/e/i)[0]?.replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "") ?? "";
  if (digits.length > EXCEL_DIGITS) {
    return fail(
      "too-many-digits",
      `is a number cell holding ${shortest}, more than ${EXCEL_DIGITS} significant digits, which Excel cannot store exactly: type the value as text (format the cell as 文本/Text)`,
      `是数字单元格 ${shortest}，超过 Excel 能精确保存的 ${EXCEL_DIGITS} 位有效数字：请以文本格式填写（单元格格式设为“文本”）`,
    );
  }
  return ok(/e/i.test(shortest) ? new Dec(shortest).toFixed() : shortest);
}

/** Digits grouped by thousands with commas, as Chinese finance sheets write amounts: `1,234,567.89`. */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** The minus signs a sheet may hold that are not full-width forms: U+2212 (−) and U+2013 (–). */
const MINUS = /^[\u2212\u2013]/;

/**
 * A figure written as text, as Chinese sheets write it, and how: full-width forms first (`１２３．５` → `123.5`,
 * `，` → `,`; {@link foldWidth}, not NFKC), then a currency sign before or 元 after an amount (`¥1,250.00`, `1250元`), thousands separators
 * grouped by three (`1,234.50`; `1,5` or `12,34` could be a decimal comma and is refused), a percentage where a
 * rate is read (`70%` → `0.7`). What remains goes to the schema, which says what a decimal is.
 */
function decimalText(text: string, column: Column, rate: boolean): CellResult {
  const forms: Form[] = [];
  let figureText = foldWidth(text).replace(MINUS, "-");
  if (figureText !== text) forms.push("full-width");
  figureText = figureText.replace(/\s+/g, " ").trim();
  if (column.type === "money") {
    const bare = figureText.replace(/^(-?)\s*(¥|rmb|cny|人民币)\s*/i, "$1").replace(/\s*(元|人民币元)$/, "");
    if (bare !== figureText) forms.push("currency");
    figureText = bare;
  }
  if (/%$/.test(figureText)) {
    if (!rate)
      return fail(
        "percent-not-a-rate",
        `is ${echo(text)}, a percentage, but the column holds ${column.type === "money" ? "an amount in yuan" : "a quantity"}, not a rate: write the figure itself`,
        `是百分数 ${echo(text)}，但该列是${column.type === "money" ? "金额（元）" : "数量"}而非比例：请填写数值本身`,
      );
    const number = figureText.slice(0, -1).trim();
    if (!/^\d+(\.\d+)?$/.test(number))
      return fail(
        "not-a-decimal",
        `is ${echo(text)}, not a percentage such as 70%`,
        `是 ${echo(text)}，不是 70% 这样的百分数`,
      );
    return ok(new Dec(number).div(100).toFixed(), [...forms, "percent"]);
  }
  if (figureText.includes(",")) {
    if (!GROUPED.test(figureText))
      return fail(
        "ambiguous-separator",
        `is ${echo(text)}: a comma that does not group digits by thousands (1,234,567.89) could be a decimal comma; write the figure without commas`,
        `为 ${echo(text)}：逗号不是按三位分组的千分位（如 1,234,567.89），可能是小数点，无法确定数值；请去掉逗号后填写`,
      );
    figureText = figureText.replaceAll(",", "");
    forms.push("thousands");
  }
  if (/^\(.*\)$/.test(figureText))
    return fail(
      "bracketed-negative",
      `is ${echo(text)}: brackets may mean a negative amount (an accountant's (1,234.50)) or a note; write -1234.50 for a negative amount`,
      `为 ${echo(text)}：括号可能表示负数，也可能是注释；负数请写为 -1234.50`,
    );
  return ok(figureText, forms);
}

/** A count or a year: a whole number, from a number cell or digits (full-width and thousands separators read). */
function wholeNumber(value: string | number | boolean | Date, column: Column): CellResult {
  if (typeof value === "number") return ok(value);
  if (typeof value !== "string")
    return fail(
      "not-a-whole-number",
      `is ${describe(value)}; a whole number is expected`,
      `是${describeZh(value)}；应为整数`,
    );
  const forms: Form[] = [];
  let digits = foldWidth(value).trim();
  if (digits !== value) forms.push("full-width");
  if (GROUPED.test(digits) && !digits.includes(".")) {
    digits = digits.replaceAll(",", "");
    forms.push("thousands");
  }
  if (column.type === "year" && /^\d{4}\s*年(度)?$/.test(digits)) {
    digits = digits.slice(0, 4);
    forms.push("unit");
  }
  return /^\d{1,15}$/.test(digits) ? ok(Number(digits), forms) : ok(value);
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(.+?)[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function dateValue(value: string | number | boolean | Date, context: CellContext): CellResult {
  if (value instanceof Date) return dateCell(value);
  if (typeof value === "number") return serialDate(value, context);
  if (typeof value === "string") {
    const forms: Form[] = [];
    let text = foldWidth(value).trim();
    if (text !== value) forms.push("full-width");
    const timed = DATE_TIME.exec(text);
    if (timed !== null) {
      text = timed[1] ?? text;
      forms.push("time-dropped");
    }
    const match = DATE_TEXT.exec(text);
    if (match !== null) return ok(`${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`, forms);
    const compact = COMPACT_DATE.exec(text);
    if (compact !== null) return ok(`${compact[1]}-${compact[2]}-${compact[3]}`, [...forms, "compact-date"]);
    if (/^\d{1,7}$/.test(text)) return serialDate(Number(text), context);
  }
  return fail(
    "not-a-date",
    `is ${describe(value)}, not a date: write YYYY-MM-DD (e.g. 2016-11-01) or use a date cell`,
    `是${describeZh(value)}，不是日期：请写为 YYYY-MM-DD（如 2016-11-01）或使用日期单元格`,
  );
}

/** A date cell: exceljs gives the day at 00:00 UTC, so the UTC parts are the calendar day Excel shows. */
function dateCell(date: Date): CellResult {
  if (Number.isNaN(date.getTime()))
    return fail("not-a-date", "is a date cell that holds no valid date", "是不含有效日期的日期单元格");
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
    return fail(
      "not-a-date",
      `is the number ${String(serial)}, not a date serial number: write YYYY-MM-DD (e.g. 2016-11-01)`,
      `是数字 ${String(serial)}，不是日期序号：请写为 YYYY-MM-DD（如 2016-11-01）`,
    );
  if (context.date1904 !== true && day === 60)
    return fail(
      "not-a-date",
      "is the serial number 60, 29 February 1900, a day that did not exist (an Excel leap-year bug): write the date as YYYY-MM-DD",
      "是日期序号 60，即 1900 年 2 月 29 日，这一天并不存在（Excel 的闰年错误）：请写为 YYYY-MM-DD",
    );
  const epoch =
    context.date1904 === true ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return ok(new Date(epoch + day * MS_PER_DAY).toISOString().slice(0, 10));
}
