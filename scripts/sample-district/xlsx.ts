import { newWorkbook } from "../../src/node/xlsx/engine.js";
import { LAYOUTS, templateHeader, type Layout } from "../../src/node/formats/columns.js";
import { flattenCase, xlsxValue } from "../../src/node/formats/template.js";

/** A fixed timestamp for the workbook's properties, so that the same data give the same bytes. */
const STAMP = new Date("2018-01-01T00:00:00Z");

/** One data sheet: the records of one layout (a case kind, or the ledger). */
export interface SheetData {
  readonly layout: Layout["kind"];
  readonly records: readonly object[];
}

/**
 * The workbook of some records in the flat layout the file readers read (src/node/formats/columns.ts,
 * docs/files.md): a 说明 sheet with the note first (readers skip it), then one sheet per layout named after
 * the kind, headers `key / 中文`, one row per record — or per item, lease or exited enterprise.
 */
export async function flatWorkbookBytes(note: string, sheets: readonly SheetData[]): Promise<Uint8Array> {
  const workbook = newWorkbook();
  workbook.creator = "exitfund scripts/generate-examples.ts";
  workbook.created = STAMP;
  workbook.modified = STAMP;
  const notes = workbook.addWorksheet("说明");
  notes.getColumn(1).width = 120;
  notes.getCell(1, 1).value = note;
  notes.getCell(1, 1).alignment = { wrapText: true, vertical: "top" };
  notes.getRow(1).height = 60;
  for (const { layout: kind, records } of sheets) {
    const layout = LAYOUTS[kind as keyof typeof LAYOUTS];
    const sheet = workbook.addWorksheet(kind, { views: [{ state: "frozen", ySplit: 1 }] });
    layout.columns.forEach((column, index) => {
      const target = sheet.getColumn(index + 1);
      target.width = Math.min(30, Math.max(10, templateHeader(column).length));
      if (column.type === "date") target.numFmt = "yyyy-mm-dd";
      else if (column.type === "money" || column.type === "quantity" || column.type === "text") target.numFmt = "@";
    });
    sheet.addRow(layout.columns.map(templateHeader)).font = { bold: true };
    for (const record of records) {
      for (const values of flattenCase(layout, record as { readonly [key: string]: unknown }))
        sheet.addRow(
          layout.columns.map((column) =>
            values[column.key] === undefined ? null : xlsxValue(column, values[column.key]),
          ),
        );
    }
  }
  return withFixedZipTimes(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** DOS time and date of 2018-01-01 00:00:00, the timestamp every zip entry gets. */
const DOS_TIME = 0;
const DOS_DATE = ((2018 - 1980) << 9) | (1 << 5) | 1;

/**
 * The zip (an .xlsx) with every entry's modification time set to {@link DOS_DATE}: the zip writer stamps
 * entries with the current time, which is the only thing that differs between two runs. Patches the
 * central directory and each local header it points to; the entries carry no extra timestamp fields.
 */
export function withFixedZipTimes(zip: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip: no central directory entry at ${at}`);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`zip: no local header at ${local}`);
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}
