import type { CellValue, Workbook } from "./engine.js";
import { UsageError } from "../io.js";
import { zipEntries } from "../formats/zip.js";
import { LIMITS } from "../limits.js";

/**
 * Every workbook exitfund writes goes through {@link workbookBytes}: the same document gives the same bytes
 * whatever the clock, time zone or locale (a reviewer can diff them, a build can reproduce them), and text is
 * stored so that Excel shows exactly the characters computed.
 */

/**
 * The date every workbook carries: `SOURCE_DATE_EPOCH` (whole seconds) when set, else 1980-01-01 00:00 UTC (the zip
 * epoch). A value set but not such a date a zip can hold (1980–2107) is refused, as reproducible-builds.org asks:
 * ignored, it would date the workbook otherwise than the user said without a word. Empty counts as unset.
 */
export function fixedDate(env: { readonly [name: string]: string | undefined } = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch === undefined || epoch === "") return new Date(Date.UTC(1980, 0, 1));
  const date = /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  if (date !== undefined && date.getUTCFullYear() >= 1980 && date.getUTCFullYear() <= 2107) return date;
  const shown = JSON.stringify(epoch.slice(0, 40));
  throw new UsageError(
    `SOURCE_DATE_EPOCH is ${shown}: it must be whole seconds since 1970-01-01 UTC for a date from 1980 to 2107 (the dates an .xlsx can hold), e.g. 1500000000; unset it to date workbooks 1980-01-01`,
    {
      code: "invalid-source-date-epoch",
      zh: `SOURCE_DATE_EPOCH 为 ${shown}：应为自 1970-01-01 UTC 起的整秒数，且日期在 1980 年至 2107 年之间（.xlsx 能记录的日期），如 1500000000；如不需要，请取消该变量，工作簿日期即为 1980-01-01`,
    },
  );
}

// What XML 1.0 cannot hold (so the engine would drop it), and text Excel would read as one of its `_xHHHH_` escapes.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/g;

/**
 * Text as an `.xlsx` stores it (ECMA-376 22.9.2.19 ST_Xstring): a control character as `_x0001_`, and a
 * literal `_x0041_` with its underscore escaped (`_x005F_x0041_`), so Excel shows the text as it was.
 */
export function storableText(text: string): string {
  UNSTORABLE.lastIndex = 0;
  if (!UNSTORABLE.test(text)) return text;
  return text.replace(UNSTORABLE, (found) =>
    found.length === 1
      ? `_x${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
      : `_x005F_${found.slice(1)}`,
  );
}

/** The most characters an Excel cell holds. */
export const EXCEL_CELL_CHARACTERS = 32_767;
/** The most rows an Excel sheet holds. */
export const EXCEL_ROWS = 1_048_576;

function storableValue(value: CellValue): CellValue {
  if (typeof value === "string") return storableText(value);
  if (typeof value === "object" && value !== null && "text" in value && typeof value.text === "string")
    return { ...value, text: storableText(value.text) } as CellValue;
  if (typeof value === "object" && value !== null && "richText" in value)
    return { richText: value.richText.map((run) => ({ ...run, text: storableText(run.text) })) };
  return value;
}

function tooLong(sheet: string, address: string, length: number): UsageError {
  return new UsageError(
    `the workbook cannot hold the text of ${sheet} › ${address}: it has ${length.toLocaleString("en-US")} characters, more than the ${EXCEL_CELL_CHARACTERS.toLocaleString("en-US")} an Excel cell holds; use --format json or csv`,
    {
      code: "xlsx-cell-too-long",
      zh: `工作簿无法容纳 ${sheet} › ${address} 的文本：共 ${length} 个字符，超过 Excel 单元格上限 ${EXCEL_CELL_CHARACTERS}；请改用 --format json 或 csv`,
    },
  );
}

/**
 * Refuses, before a workbook is built, one that would not fit: more rows in a sheet than Excel holds, or more
 * cells than fit in memory (the XLSX engine keeps about 1 KB per cell).
 *
 * @throws UsageError saying what to write instead.
 */
export function refuseLargeWorkbook(cells: number, rows: number, limit: number = LIMITS.xlsxCellsWritten): void {
  if (rows > EXCEL_ROWS)
    throw new UsageError(
      `the workbook would need ${rows.toLocaleString("en-US")} rows in one sheet, more than the ${EXCEL_ROWS.toLocaleString("en-US")} Excel holds: use --format csv or ndjson (or leave out --explain)`,
      {
        code: "xlsx-too-many-rows",
        zh: `工作簿的一个工作表需要 ${rows} 行，超过 Excel 上限 ${EXCEL_ROWS} 行：请改用 --format csv 或 ndjson（或去掉 --explain）`,
      },
    );
  if (cells > limit)
    throw new UsageError(
      `the workbook would have about ${cells.toLocaleString("en-US")} cells, more than the ${limit.toLocaleString("en-US")} written in memory: use --format csv or ndjson, which stream (or leave out --explain), or split the cases`,
      {
        code: "xlsx-too-large",
        zh: `工作簿约有 ${cells} 个单元格，超过可写入的 ${limit} 个：请改用可流式输出的 --format csv 或 ndjson（或去掉 --explain），或拆分案件`,
      },
    );
}

/**
 * The bytes of a workbook, deterministic: its dates are {@link fixedDate}, every zip entry carries that date,
 * and text is stored as {@link storableText}.
 *
 * @throws UsageError for a text longer than an Excel cell holds.
 */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  const date = fixedDate();
  workbook.created = date;
  workbook.modified = date;
  workbook.lastPrinted = undefined as unknown as Date;
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        const stored = storableValue(value);
        const text = typeof stored === "string" ? stored : undefined;
        if (text !== undefined && text.length > EXCEL_CELL_CHARACTERS)
          throw tooLong(sheet.name, cell.address, text.length);
        if (stored !== value) cell.value = stored;
      }),
    ),
  );
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return fixZipDates(bytes, date);
}

/** The date and time of a zip entry (MS-DOS format, two-second resolution), from the UTC parts of `date`. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The zip with every entry dated `date`, in its local header and in the central directory (JSZip stamps the local time of writing). */
export function fixZipDates(bytes: Uint8Array, date: Date): Uint8Array {
  const { time, day } = dosDateTime(date);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of zipEntries(bytes)) {
    view.setUint16(entry.headerOffset + 10, time, true);
    view.setUint16(entry.headerOffset + 12, day, true);
    view.setUint16(entry.centralOffset + 12, time, true);
    view.setUint16(entry.centralOffset + 14, day, true);
  }
  return bytes;
}
