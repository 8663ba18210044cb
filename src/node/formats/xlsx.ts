import { isUtf8 } from "node:buffer";
import { echo, echoText } from "../../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { LIMITS, bytesText, type Limits } from "../limits.js";
import { serialDate } from "./cells.js";
import { textProblems } from "./csv.js";
import { columnLetter } from "./columns.js";
import type { Notice } from "./source.js";
import type { MergeFill, RawRow, RawTable } from "./table.js";
import { attribute, attributeIn, decodeEntities, elementText, nextTag, type Tag } from "./xml.js";
import { ZipError, inflateEntry, inflateEntryChunks, looksLikeOle, zipEntries, type ZipEntry } from "./zip.js";

/**
 * `.xlsx` bytes → sheets of cells at their Excel coordinates, read from the file's own XML (no spreadsheet
 * engine in between), so that what is read is exactly what Excel shows:
 * - the zip directory is checked before anything is inflated (a zip bomb fails at once, in little memory);
 * - the shared strings and every sheet are inflated as a stream and parsed a run of whole rows at a time, so a
 *   sheet's XML is never held whole (a 100,000-row sheet costs its rows, not its XML);
 * - a merge fills the cells below it only when it lies in one column; a merge across columns keeps its value
 *   in its top-left cell alone;
 * - a shared-string cell whose string does not exist is an error naming the cell;
 * - dates are Excel's own (the 1900 and 1904 systems, the phantom 29 February 1900 refused);
 * - every visible sheet is returned; hidden sheets are named in a notice and not read.
 */

/** Sheets that are never read as data: a template's notes and lists. */
export const NOTES_SHEETS: ReadonlySet<string> = new Set(["说明", "填表说明", "notes", "readme", "lists"]);

/** The visible data sheets of a workbook, and notices about the sheets that were not read. */
export interface Workbook {
  readonly tables: readonly RawTable[];
  readonly notices: readonly Notice[];
}

const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "/officeDocument";
const WORKSHEET = "/worksheet";
const SHARED_STRINGS = "/sharedStrings";
const STYLES = "/styles";

// Built-in number formats that show a date or a time (ECMA-376 18.8.30, and the zh-CN ones 27–36, 50–58).
const DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A number format shows a date when it has date letters outside quotes and brackets (as Excel and exceljs judge). */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

function problem(path: string, code: string, message: string, zh: string): InputIssue {
  return { path, code, message, zh };
}

/** A workbook that cannot be read at all, with what to do. */
function unreadable(file: string, code: string, message: string, zh: string): InvalidInputError {
  return new InvalidInputError([problem(file, code, message, zh)]);
}

const RESAVE = 'save it again from Excel as "Excel 工作簿 (*.xlsx)"';
const RESAVE_ZH = "请在 Excel 中另存为 “Excel 工作簿 (*.xlsx)”";

/**
 * The sheets of XLSX bytes.
 *
 * @throws InvalidInputError for bytes that are not a readable workbook, a workbook larger than the limits
 * once inflated (checked before inflating), a sheet with too many rows, or cells that refer to shared strings
 * the workbook does not have — every such cell listed.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  limits: Limits = LIMITS,
  options: ReadWorkbookOptions = {},
): Promise<Workbook> {
  try {
    return await workbookOf(bytes, file, limits, options);
  } catch (error) {
    if (error instanceof InvalidInputError || !(error instanceof Error) || error instanceof RangeError) throw error;
    // The XML of a part does not parse (a tag not closed): the file is damaged, not a bug.
    throw unreadable(
      file,
      "xlsx-damaged",
      `is damaged: its XML does not parse (${echoText(error.message, 80)}); ${RESAVE}`,
      `文件已损坏：其 XML 无法解析；${RESAVE_ZH}`,
    );
  }
}

/** How a workbook is read. */
export interface ReadWorkbookOptions {
  /**
   * `"as-written"` for a workbook exitfund wrote, read back (a results workbook's receipt): its text is what the
   * library was given, control characters and all. By default a cell holding a control character, or a row
   * repeating the header row, is an input problem ({@link textProblems}).
   */
  readonly text?: "as-written";
}

async function workbookOf(
  bytes: Uint8Array,
  file: string,
  limits: Limits,
  options: ReadWorkbookOptions,
): Promise<Workbook> {
  if (looksLikeOle(bytes))
    throw unreadable(
      file,
      "xlsx-encrypted-or-xls",
      "is a password-protected workbook or an old .xls file, which cannot be read: remove the password (文件 › 信息 › 保护工作簿) and save it as .xlsx",
      "是加密的工作簿或旧版 .xls 文件，无法读取：请取消密码（文件 › 信息 › 保护工作簿）并另存为 .xlsx",
    );
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    throw unreadable(
      file,
      "not-xlsx",
      `is not a readable .xlsx workbook: it ${(error as Error).message}; ${RESAVE}`,
      `不是可读取的 .xlsx 工作簿；${RESAVE_ZH}`,
    );
  }
  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const part = (name: string): ZipEntry | undefined => byName.get(name.toLowerCase());
  const read = (entry: ZipEntry): string => partText(bytes, entry, file);

  const rootRels = part("_rels/.rels");
  const workbookName =
    (rootRels === undefined
      ? undefined
      : relationships(read(rootRels), "").find((r) => r.type.endsWith(MAIN))?.target) ?? "xl/workbook.xml";
  const workbookEntry = part(workbookName);
  if (workbookEntry === undefined)
    throw unreadable(
      file,
      "not-xlsx",
      `is not an .xlsx workbook (it has no workbook part); ${RESAVE}`,
      `不是 .xlsx 工作簿；${RESAVE_ZH}`,
    );
  const folder = workbookName.includes("/") ? workbookName.slice(0, workbookName.lastIndexOf("/") + 1) : "";
  const workbookRelsEntry = part(`${folder}_rels/${workbookName.slice(folder.length)}.rels`);
  const rels = workbookRelsEntry === undefined ? [] : relationships(read(workbookRelsEntry), folder);
  const workbook = workbookXml(read(workbookEntry));
  const target = (type: string) => rels.find((r) => r.type.endsWith(type))?.target;

  const notices: Notice[] = [];
  const wanted: { name: string; entry: ZipEntry; notes: boolean }[] = [];
  for (const sheet of workbook.sheets) {
    const shown = echoText(sheet.name, 40);
    const relation = rels.find((r) => r.id === sheet.relationship);
    const isWorksheet = relation === undefined || relation.type.endsWith(WORKSHEET);
    const targetName = relation !== undefined && isWorksheet ? relation.target : undefined;
    const entry = targetName === undefined ? undefined : part(targetName);
    if (sheet.state !== "visible") {
      notices.push(
        sheet.state === "veryHidden"
          ? {
              where: `${file} › ${shown}`,
              code: "not-read",
              message:
                "not read: the sheet is very hidden, which Excel's Unhide does not list (only the VBA editor, Alt+F11, can set its Visible property back to -1 xlSheetVisible); make it visible to have it read, or delete it",
              zh: "未读取：该工作表为“深度隐藏”，Excel 的“取消隐藏”不会列出它（只能在 VBA 编辑器 Alt+F11 中把其 Visible 属性改回 -1 xlSheetVisible）；改为可见后才会读取，或删除该表",
            }
          : {
              where: `${file} › ${shown}`,
              code: "not-read",
              message: "not read: the sheet is hidden (unhide it in Excel to have it read, or delete it)",
              zh: "未读取：该工作表已隐藏（在 Excel 中取消隐藏后才会读取，或删除该表）",
            },
      );
      continue;
    }
    if (!isWorksheet) {
      const [en, zh] = otherSheetKind(relation.type);
      notices.push({
        where: `${file} › ${shown}`,
        code: "not-read",
        message: `not read: it is ${en}, not a worksheet`,
        zh: `未读取：这是${zh}，不是工作表`,
      });
      continue;
    }
    if (entry === undefined)
      throw unreadable(
        `${file} › ${shown}`,
        "xlsx-damaged",
        `is a sheet whose part (${echoText(targetName ?? "no relationship", 60)}) is missing from the workbook: the file is damaged, and its rows would be lost; ${RESAVE}`,
        `工作表的数据部分（${echoText(targetName ?? "无关联", 60)}）在工作簿中缺失：文件已损坏，其中的行会丢失；${RESAVE_ZH}`,
      );
    // A notes sheet (说明, lists) is read too: the case readers skip it unless it holds case rows, which are refused.
    wanted.push({ name: sheet.name, entry, notes: NOTES_SHEETS.has(sheet.name.trim().toLowerCase()) });
  }
  const stringsEntry = part(target(SHARED_STRINGS) ?? `${folder}sharedStrings.xml`);
  const stylesEntry = part(target(STYLES) ?? `${folder}styles.xml`);
  checkSize(file, wanted, [stringsEntry, stylesEntry], limits);

  const strings = stringsEntry === undefined ? undefined : await sharedStrings(partTexts(bytes, stringsEntry, file));
  const dateStyles = stylesEntry === undefined ? [] : dateStylesOf(read(stylesEntry));
  const issues: InputIssue[] = [];
  const budget = { cellsLeft: limits.xlsxCellsRead };
  const tables: RawTable[] = [];
  for (const { name, entry, notes } of wanted) {
    const context: SheetContext = {
      file,
      sheet: name,
      strings,
      dateStyles,
      date1904: workbook.date1904,
      maxRows: limits.sheetRows,
      cellsLeft: budget.cellsLeft,
      maxCells: limits.xlsxCellsRead,
    };
    const reader = sheetReader(context);
    for await (const rows of wholeElements(partTexts(bytes, entry, file), "row")) {
      reader.read(rows);
      if (reader.stopped()) break; // the file is refused: the rest of the sheet changes nothing
    }
    const sheet = reader.finish();
    budget.cellsLeft = context.cellsLeft;
    issues.push(...sheet.issues);
    if (options.text !== "as-written") issues.push(...textProblems(sheet.rows, `${file} › ${echoText(name, 40)} › `));
    notices.push(...sheet.notices);
    tables.push({
      file,
      sheet: name,
      rows: sheet.rows,
      ...(notes ? { notes: true } : {}),
      ...(sheet.fills.length === 0 ? {} : { fills: sheet.fills }),
      ...(workbook.date1904 ? { date1904: true } : {}),
    });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return { tables, notices };
}

/** What a sheet that is not a worksheet is, by its relationship type: a chart sheet, a dialog sheet, a macro sheet. */
function otherSheetKind(type: string): readonly [string, string] {
  const kind = type.slice(type.lastIndexOf("/") + 1).toLowerCase();
  if (kind === "chartsheet") return ["a chart sheet", "图表工作表"];
  if (kind === "dialogsheet") return ["a dialog sheet (Excel 5 dialog)", "对话框工作表"];
  if (kind.endsWith("macrosheet")) return ["a macro sheet (Excel 4 macros)", "宏表（Excel 4 宏）"];
  return [`a sheet of another kind (${echoText(kind, 40)})`, `其他类型的表（${echoText(kind, 40)}）`];
}

/** Refuses, before inflating anything, a workbook whose parts to read would inflate past the limit. */
function checkSize(
  file: string,
  sheets: readonly { name: string; entry: ZipEntry }[],
  others: readonly (ZipEntry | undefined)[],
  limits: Limits,
): void {
  const parts = [...sheets.map((sheet) => sheet.entry), ...others.filter((entry) => entry !== undefined)];
  const total = parts.reduce((sum, entry) => sum + entry.size, 0);
  if (total <= limits.xlsxUncompressedBytes) return;
  const largest = [...sheets].sort((a, b) => b.entry.size - a.entry.size)[0];
  const which =
    largest === undefined ? "" : ` (sheet ${echoText(largest.name, 40)} alone is ${bytesText(largest.entry.size)})`;
  throw unreadable(
    file,
    "xlsx-too-large",
    `is ${bytesText(total)} once uncompressed${which}, more than the ${bytesText(limits.xlsxUncompressedBytes)} read: split it into several workbooks, or save each sheet as CSV or the cases as NDJSON`,
    `解压后为 ${bytesText(total)}，超过可读取的 ${bytesText(limits.xlsxUncompressedBytes)}：请拆分为多个工作簿，或将各工作表另存为 CSV（或把案件转为 NDJSON）`,
  );
}

/** A zip error as the input error of the workbook it was found in. */
function zipProblem(error: ZipError, file: string): InvalidInputError {
  return error.reason === "encrypted"
    ? unreadable(
        file,
        "xlsx-encrypted-or-xls",
        `is encrypted: remove the password and save it again`,
        "已加密：请取消密码后重新保存",
      )
    : unreadable(file, "xlsx-damaged", `is damaged: it ${error.message}; ${RESAVE}`, `文件已损坏；${RESAVE_ZH}`);
}

function notUtf8(file: string, entry: ZipEntry): InvalidInputError {
  return unreadable(
    file,
    "xlsx-damaged",
    `is damaged: its part ${echoText(entry.name)} is not UTF-8 text; ${RESAVE}`,
    `文件已损坏；${RESAVE_ZH}`,
  );
}

/** The text of a small part: inflated (within its declared size) and decoded as UTF-8 (or UTF-16 with its BOM). */
function partText(bytes: Uint8Array, entry: ZipEntry, file: string): string {
  let data: Buffer;
  try {
    data = inflateEntry(bytes, entry);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    throw zipProblem(error, file);
  }
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  if (!isUtf8(data)) throw notUtf8(file, entry);
  return data.toString("utf8").replace(/^\uFEFF/, "");
}

/**
 * The text of a large part (the shared strings, a sheet) in pieces as it inflates, decoded as {@link partText}
 * decodes it (a character split between two chunks is decoded whole). The last piece comes only once the
 * part's size and checksum were checked.
 */
async function* partTexts(bytes: Uint8Array, entry: ZipEntry, file: string): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  try {
    for await (const chunk of inflateEntryChunks(bytes, entry)) {
      let piece: Uint8Array = chunk;
      if (decoder === undefined) {
        const bom =
          piece[0] === 0xff && piece[1] === 0xfe
            ? "utf-16le"
            : piece[0] === 0xfe && piece[1] === 0xff
              ? "utf-16be"
              : undefined;
        decoder = bom === undefined ? new TextDecoder("utf-8", { fatal: true }) : new TextDecoder(bom);
        if (bom !== undefined) piece = piece.subarray(2);
      }
      const text = decoder.decode(piece, { stream: true });
      if (text !== "") yield text;
    }
    const rest = decoder?.decode() ?? "";
    if (rest !== "") yield rest;
  } catch (error) {
    if (error instanceof ZipError) throw zipProblem(error, file);
    if (error instanceof TypeError && (error as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA")
      throw notUtf8(file, entry);
    throw error;
  }
}

/**
 * Text in pieces → runs of whole `name` elements: each run ends just after a closing `</name>` (any
 * namespace prefix), so a run is parsed on its own and a row or string is never cut; what follows the last
 * one (a sheet's merges) is the last run.
 */
export async function* wholeElements(texts: AsyncIterable<string>, name: string): AsyncGenerator<string> {
  let pending = "";
  for await (const text of texts) {
    pending += text;
    const cut = afterLastClose(pending, name);
    if (cut > 0) {
      yield pending.slice(0, cut);
      pending = pending.slice(cut);
    }
  }
  if (pending !== "") yield pending;
}

/** The index just after the last `</name>` or `</prefix:name>` of `text`, or -1 when it has none. */
function afterLastClose(text: string, name: string): number {
  const tail = `${name}>`;
  for (let at = text.lastIndexOf(tail); at > 0; at = text.lastIndexOf(tail, at - 1)) {
    let before = at - 1;
    if (text.charCodeAt(before) === 0x3a) {
      before -= 1;
      while (before > 0 && /[\w.-]/.test(text.charAt(before))) before -= 1;
    }
    if (text.charCodeAt(before) === 0x2f && text.charCodeAt(before - 1) === 0x3c) return at + tail.length;
  }
  return -1;
}

/**
 * A copy of `text` that does not keep alive the run of XML it was cut from: V8 slices share their parent
 * string, and one kept cell would otherwise keep a whole 64 KB run of the sheet.
 */
function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, "utf16le").toString("utf16le");
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part's name in the zip. */
  readonly target: string;
}

/** The relationships of a `.rels` part; targets resolved against `folder` (the folder of the part they belong to). */
function relationships(xml: string, folder: string): Relationship[] {
  const found: Relationship[] = [];
  for (let tag = nextTag(xml, 0); tag !== undefined; tag = nextTag(xml, tag.end)) {
    if (tag.closing || tag.name !== "Relationship") continue;
    const id = attribute(tag.attributes, "Id") ?? "";
    const type = attribute(tag.attributes, "Type") ?? "";
    const target = attribute(tag.attributes, "Target") ?? "";
    if (attribute(tag.attributes, "TargetMode") === "External") continue;
    found.push({ id, type: type.replace(RELATIONSHIP, ""), target: resolvePart(folder, target) });
  }
  return found;
}

/** A relationship target as a part name: `/xl/worksheets/sheet1.xml` or `worksheets/sheet1.xml` relative to `xl/`. */
function resolvePart(folder: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `${folder}${target}`;
  const parts: string[] = [];
  for (const piece of path.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

interface SheetEntry {
  readonly name: string;
  readonly state: string;
  readonly relationship: string;
}

function workbookXml(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for (let tag = nextTag(xml, 0); tag !== undefined; tag = nextTag(xml, tag.end)) {
    if (tag.closing) continue;
    if (tag.name === "workbookPr") {
      const value = attribute(tag.attributes, "date1904");
      date1904 = value === "1" || value === "true";
    } else if (tag.name === "sheet")
      sheets.push({
        name: attribute(tag.attributes, "name") ?? "",
        state: attribute(tag.attributes, "state") ?? "visible",
        relationship: attribute(tag.attributes, "id") ?? "",
      });
  }
  return { sheets, date1904 };
}

/** Half of a surrogate pair with no other half: Excel's `_xD800_` decodes to one, and it is no character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Excel's escape of characters XML cannot hold (`_x000D_`), and of a literal `_x…_` (`_x005F_`). */
export function decodeExcelEscapes(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/** The text of an `<si>` or `<is>` element: its `<t>` and the `<t>` of its runs, without phonetic runs (`<rPh>`). */
function stringItem(xml: string, open: Tag): { text: string; end: number } {
  if (open.empty) return { text: "", end: open.end };
  let text = "";
  let phonetic = 0;
  let at = open.end;
  for (;;) {
    const tag = nextTag(xml, at);
    if (tag === undefined) throw new Error(`unclosed <${open.name}>`);
    if (tag.closing && tag.name === open.name) return { text: decodeExcelEscapes(text), end: tag.end };
    if (tag.name === "rPh") phonetic += tag.closing ? -1 : tag.empty ? 0 : 1;
    if (tag.name === "t" && !tag.closing) {
      const inner = elementText(xml, tag);
      if (phonetic === 0) text += inner.text;
      at = inner.end;
      continue;
    }
    at = tag.end;
  }
}

/** The shared strings, parsed a run of whole `<si>` at a time. */
async function sharedStrings(texts: AsyncIterable<string>): Promise<string[]> {
  const strings: string[] = [];
  for await (const xml of wholeElements(texts, "si")) {
    let at = 0;
    for (let tag = nextTag(xml, at); tag !== undefined; tag = nextTag(xml, at)) {
      if (tag.name === "si" && !tag.closing) {
        const item = stringItem(xml, tag);
        strings.push(detached(item.text));
        at = item.end;
      } else at = tag.end;
    }
  }
  return strings;
}

/** For each cell style (the `s` of a cell: an index into `<cellXfs>`), whether its number format shows a date. */
function dateStylesOf(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const formats: number[] = [];
  for (let tag = nextTag(xml, 0); tag !== undefined; tag = nextTag(xml, tag.end)) {
    if (tag.name === "numFmt" && !tag.closing)
      custom.set(Number(attribute(tag.attributes, "numFmtId")), attribute(tag.attributes, "formatCode") ?? "");
    else if (tag.name === "cellXfs") inCellXfs = !tag.closing && !tag.empty;
    else if (tag.name === "xf" && inCellXfs && !tag.closing)
      formats.push(Number(attribute(tag.attributes, "numFmtId") ?? "0"));
  }
  for (const id of formats) {
    const code = custom.get(id);
    styles.push(code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code));
  }
  return styles;
}

/** The 0-based column and 1-based row of a cell reference (`AE12`), or undefined when it is not one. */
function cellRef(ref: string): { column: number; row: number } | undefined {
  let column = 0;
  let at = 0;
  for (; at < ref.length; at += 1) {
    const code = ref.charCodeAt(at) & ~0x20; // upper case
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
  }
  const row = Number(ref.slice(at));
  if (at === 0 || at > 3 || !Number.isInteger(row) || row < 1) return undefined;
  return { column: column - 1, row };
}

interface SheetContext {
  readonly file: string;
  readonly sheet: string;
  readonly strings: readonly string[] | undefined;
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly maxRows: number;
  /** Cells with a value this workbook may still hold (shared by its sheets), of `maxCells`. */
  cellsLeft: number;
  readonly maxCells: number;
}

/** Excel's last column, XFD. */
const LAST_COLUMN = 16_383;

/** A date-formatted number as the date Excel shows (a day at midnight UTC), or the number when it shows no real day. */
function dateOfSerial(serial: number, date1904: boolean): Date | number {
  const day = serialDate(serial, date1904 ? { date1904: true } : {});
  return day?.ok === true ? new Date(`${String(day.value)}T00:00:00Z`) : serial;
}

/** What a cell's XML holds, filled in place for each cell (no allocation per cell). */
interface CellParts {
  v: string | undefined;
  inline: string | undefined;
  formula: boolean;
}

/** A cell whose shared string does not exist: the caller names the cell. */
const MISSING = Symbol("missing shared string");

/**
 * The rows of a worksheet part: non-empty rows at their own numbers, each cell at its column; merges applied
 * (vertical merges within one column fill down, every other cell of a merge left empty). The common tags
 * (`<row>`, `<c>`, `<v>`) are read in place; anything else goes through the general tokenizer.
 */
function sheetReader(context: SheetContext): {
  /** Reads a run of the sheet's XML that ends between two tags (never inside a `<c>`). */
  read(xml: string): void;
  /** Whether reading stopped: too many rows or cells, or a cell past the last column (the file is refused). */
  stopped(): boolean;
  finish(): { rows: RawRow[]; issues: InputIssue[]; notices: Notice[]; fills: MergeFill[] };
} {
  const where = `${context.file} › ${echoText(context.sheet, 40)}`;
  const rows: { number: number; cells: unknown[] }[] = [];
  const issues: InputIssue[] = [];
  const merges: string[] = [];
  const hidden: number[] = [];
  const parts: CellParts = { v: undefined, inline: undefined, formula: false };
  let row: { number: number; cells: unknown[] } | undefined;
  let lastRow = 0;
  let column = 0;
  let tooMany = false;
  let stop: InputIssue | undefined;
  const finishRow = () => {
    if (row !== undefined && row.cells.some(isFilled)) {
      if (rows.length >= context.maxRows) tooMany = true;
      else rows.push({ number: row.number, cells: Array.from(row.cells) });
    }
    row = undefined;
  };
  const startRow = (given: string | undefined, hiddenValue: string | undefined) => {
    finishRow();
    const number = Number(given);
    const numbered = given !== undefined && Number.isInteger(number) && number > 0;
    if (numbered && number <= lastRow && stop === undefined)
      stop = problem(
        `${where} › row ${number}`,
        "xlsx-damaged",
        `is given twice (or after row ${lastRow}) in the sheet's XML, which Excel never writes: the file is damaged, and its cells are not merged; ${RESAVE}`,
        `在工作表的 XML 中出现两次（或排在第 ${lastRow} 行之后），Excel 不会这样写：文件已损坏，不会合并其单元格；${RESAVE_ZH}`,
      );
    lastRow = numbered ? number : lastRow + 1;
    row = { number: lastRow, cells: [] };
    column = 0;
    if (hiddenValue === "1" || hiddenValue === "true") hidden.push(lastRow);
  };
  const takeCell = (ref: string | undefined, type: string | undefined, style: string | undefined) => {
    if (row === undefined) return;
    const place = ref === undefined ? undefined : cellRef(ref);
    if (place !== undefined) {
      if (place.column < column && stop === undefined)
        stop = problem(
          `${where} › row ${row.number} › column ${columnLetter(place.column)}`,
          "xlsx-damaged",
          `is given twice (or after column ${columnLetter(column - 1)}) in the sheet's XML, which Excel never writes: the file is damaged, and its values are not merged; ${RESAVE}`,
          `在工作表的 XML 中出现两次（或排在 ${columnLetter(column - 1)} 列之后），Excel 不会这样写：文件已损坏，不会合并其值；${RESAVE_ZH}`,
        );
      column = place.column;
    }
    const value = cellValue(parts, type, style, context);
    if (value === MISSING)
      issues.push(
        problem(
          `${where} › row ${row.number} › column ${columnLetter(column)}`,
          "shared-string-missing",
          missingString(parts.v ?? "", context.strings),
          "该单元格引用的共享字符串不存在：文件已损坏，请在 Excel 中重新保存",
        ),
      );
    else if (isDamaged(value))
      issues.push(
        problem(
          `${where} › row ${row.number} › column ${columnLetter(column)}`,
          "damaged-cell",
          `holds ${echoText(value.damaged.v, 20)}, which a ${value.damaged.type === "b" ? "boolean" : value.damaged.type === "d" ? "date (a day that exists, YYYY-MM-DD)" : "number"} cell cannot hold (Excel never writes it): the file is damaged; ${RESAVE}`,
          `单元格中保存的 ${echoText(value.damaged.v, 20)} 不是${value.damaged.type === "b" ? "布尔" : value.damaged.type === "d" ? "日期（须为存在的日期 YYYY-MM-DD）" : "数字"}单元格可有的值（Excel 不会这样写）：文件已损坏，请在 Excel 中重新保存`,
        ),
      );
    else if (typeof value === "string" && value.includes("\uFFFD"))
      issues.push(
        problem(
          `${where} › row ${row.number} › column ${columnLetter(column)}`,
          "replacement-character",
          "holds the replacement character U+FFFD (�), which a wrong decoding leaves where a character was lost: the text is damaged; type it again from the original",
          "单元格中有替换字符 U+FFFD（�）：这是错误解码留下的，原字符已丢失；请按原件重新填写",
        ),
      );
    else if (typeof value === "string" && LONE_SURROGATE.test(value))
      issues.push(
        problem(
          `${where} › row ${row.number} › column ${columnLetter(column)}`,
          "not-unicode",
          "holds half of a surrogate pair (written as Excel's escape _xD800_ … _xDFFF_), which is not a character: no file can store it (it would be written as U+FFFD), so the text is damaged; type it again from the original",
          "单元格中有不成对的代理项（Excel 转义 _xD800_ … _xDFFF_），不是有效字符，无法写入文件：文本已损坏，请按原件重新填写",
        ),
      );
    else if (value !== undefined) {
      if (column > LAST_COLUMN)
        stop = problem(
          `${where} › row ${row.number}`,
          "xlsx-damaged",
          `has a cell past Excel's last column XFD: the file is damaged; ${RESAVE}`,
          `有单元格超出 Excel 的最后一列 XFD：文件已损坏；${RESAVE_ZH}`,
        );
      else if ((context.cellsLeft -= 1) < 0)
        stop = problem(
          where,
          "too-many-cells",
          `holds more cells with values than are read from one workbook (${context.maxCells.toLocaleString("en-US")} at most): split it into several workbooks, or save the cases as NDJSON, which streams`,
          `有值的单元格超过单个工作簿可读取的上限：请拆分工作簿，或将案件转为可流式处理的 NDJSON`,
        );
      else row.cells[column] = typeof value === "string" && type !== "s" ? detached(value) : value;
    }
    column += 1;
  };
  const read = (xml: string) => {
    let at = 0;
    while (!tooMany && stop === undefined) {
      const lt = xml.indexOf("<", at);
      if (lt < 0) break;
      // The usual forms, unprefixed: <c r="A1" s="1" t="s"> and <row r="1" …>.
      if (xml.charCodeAt(lt + 1) === 0x63 && (xml.charCodeAt(lt + 2) === 0x20 || xml.charCodeAt(lt + 2) === 0x3e)) {
        const gt = xml.indexOf(">", lt);
        if (gt < 0) throw new Error("unclosed <c>");
        const empty = xml.charCodeAt(gt - 1) === 0x2f;
        const ref = attributeIn(xml, lt + 2, gt, "r");
        const type = attributeIn(xml, lt + 2, gt, "t");
        const style = attributeIn(xml, lt + 2, gt, "s");
        at = empty ? gt + 1 : cellXml(xml, gt + 1, parts);
        if (empty) {
          parts.v = undefined;
          parts.inline = undefined;
          parts.formula = false;
        }
        takeCell(ref, type, style);
        continue;
      }
      const tag = nextTag(xml, lt);
      if (tag === undefined) break;
      at = tag.end;
      if (tag.name === "row") {
        if (tag.closing) finishRow();
        else {
          startRow(attribute(tag.attributes, "r"), attribute(tag.attributes, "hidden"));
          if (tag.empty) finishRow();
        }
      } else if (tag.name === "c" && !tag.closing) {
        at = tag.empty ? tag.end : cellXml(xml, tag.end, parts);
        if (tag.empty) {
          parts.v = undefined;
          parts.inline = undefined;
          parts.formula = false;
        }
        takeCell(attribute(tag.attributes, "r"), attribute(tag.attributes, "t"), attribute(tag.attributes, "s"));
      } else if (tag.name === "mergeCell" && !tag.closing) {
        const ref = attribute(tag.attributes, "ref");
        if (ref !== undefined) merges.push(ref);
      }
    }
  };
  const finish = () => {
    finishRow();
    if (stop !== undefined) issues.push(stop);
    if (tooMany)
      issues.push(
        problem(
          where,
          "too-many-rows",
          `has more than ${context.maxRows.toLocaleString("en-US")} rows with values, the most one sheet may hold here: split it into several sheets or files, or save the cases as NDJSON, which streams`,
          `有值的行超过 ${context.maxRows.toLocaleString("en-US")} 行：请拆分为多个工作表或文件，或将案件转为可流式处理的 NDJSON`,
        ),
      );
    const { fills, unreadable, overlapping } = applyMerges(rows, merges);
    if (overlapping !== undefined)
      issues.push(
        problem(
          where,
          "xlsx-damaged",
          `has merged ranges ${echo(overlapping[0])} and ${echo(overlapping[1])} that overlap, which Excel never writes: the file is damaged (which value a cell shows cannot be told); ${RESAVE}`,
          `合并单元格区域 ${echo(overlapping[0])} 与 ${echo(overlapping[1])} 相互重叠（Excel 不会这样保存）：文件已损坏（无法确定单元格显示的值）；${RESAVE_ZH}`,
        ),
      );
    if (unreadable.length > 0)
      issues.push(
        problem(
          where,
          "xlsx-damaged",
          `has a merged range ${echo(unreadable[0])} that names no range of cells: the file is damaged (the values under the merge cannot be told); ${RESAVE}`,
          `合并单元格区域 ${echo(unreadable[0])} 不是有效的单元格区域：文件已损坏（无法确定合并区域内的值）；${RESAVE_ZH}`,
        ),
      );
    const numbers = new Set(rows.map((candidate) => candidate.number));
    const hiddenWithData = hidden.filter((number) => numbers.has(number));
    const listed = `${hiddenWithData.slice(0, 5).join(", ")}${hiddenWithData.length > 5 ? ", …" : ""}`;
    const notices: Notice[] =
      hiddenWithData.length === 0
        ? []
        : [
            {
              where,
              code: "hidden-rows",
              message: `${hiddenWithData.length} hidden row${hiddenWithData.length === 1 ? "" : "s"} (${listed}) read like the others`,
              zh: `${hiddenWithData.length} 个隐藏行（${listed}）与其他行一样被读取`,
            },
          ];
    return { rows, issues, notices, fills };
  };
  return { read, stopped: () => tooMany || stop !== undefined, finish };
}

function missingString(v: string, strings: readonly string[] | undefined): string {
  const has =
    strings === undefined
      ? "does not have (it has no shared strings at all)"
      : `does not have (it has ${strings.length})`;
  if (v.trim() === "") return `is a shared-string cell that names no string: the file is damaged; ${RESAVE}`;
  if (!/^\d+$/.test(v))
    return `is a shared-string cell holding ${echo(v, 20)} where the index of a string (digits) belongs: the file is damaged; ${RESAVE}`;
  return `refers to shared string ${echoText(v, 20)}, which the workbook ${has}: the file is damaged; ${RESAVE}`;
}

function isFilled(cell: unknown): boolean {
  return cell !== undefined && cell !== null && !(typeof cell === "string" && cell.trim() === "");
}

/**
 * Reads the content of one `<c>` from `from` (just after its start tag) into `parts`: its `<v>`, its inline
 * string, whether it has a formula. Returns the index after `</c>`.
 */
function cellXml(xml: string, from: number, parts: CellParts): number {
  parts.v = undefined;
  parts.inline = undefined;
  parts.formula = false;
  let at = from;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) throw new Error("unclosed <c>");
    if (xml.startsWith("</c>", lt)) return lt + 4;
    if (xml.startsWith("<v>", lt)) {
      const close = xml.indexOf("<", lt + 3);
      if (close > 0 && xml.startsWith("</v>", close)) {
        const raw = xml.slice(lt + 3, close);
        parts.v = raw.includes("&") ? decodeEntities(raw) : raw;
        at = close + 4;
        continue;
      }
    }
    const tag = nextTag(xml, lt);
    if (tag === undefined) throw new Error("unclosed <c>");
    if (tag.closing && tag.name === "c") return tag.end;
    if (!tag.closing && tag.name === "v") {
      const inner = elementText(xml, tag);
      parts.v = inner.text;
      at = inner.end;
    } else if (!tag.closing && tag.name === "is") {
      const item = stringItem(xml, tag);
      parts.inline = item.text;
      at = item.end;
    } else if (!tag.closing && tag.name === "f") {
      parts.formula = true;
      at = tag.empty ? tag.end : elementText(xml, tag).end;
    } else at = tag.end;
  }
}

/** A number as OOXML stores it in `<v>` (xsd:double; INF and NaN are Excel's #NUM!): never hex, padded or `1_000`. */
const XML_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell whose stored value its type cannot hold (`<v>0x10</v>`, a boolean `2`): the file is damaged. */
interface Damaged {
  readonly damaged: { readonly type: string; readonly v: string };
}
function damaged(type: string, v: string): Damaged {
  return { damaged: { type, v } };
}
function isDamaged(value: unknown): value is Damaged {
  return typeof value === "object" && value !== null && Object.hasOwn(value, "damaged");
}

const ISO_DATE_CELL = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The day of a `t="d"` cell (an ISO 8601 date, perhaps with a time): the calendar day written, at 00:00 UTC, as
 * every date cell is given, whatever the time zone the reader runs in (`new Date("2016-11-01T00:00:00")` is local
 * time: a day early east of UTC). A day that does not exist (2016-02-30) is undefined, never rolled over.
 */
function isoDateCell(v: string): Date | undefined {
  const match = ISO_DATE_CELL.exec(v.trim());
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}

/** A cell's value as the readers take it (text, number, boolean, Date, an Excel error, a formula without result). */
function cellValue(
  cell: CellParts,
  type: string | undefined,
  style: string | undefined,
  context: SheetContext,
): unknown {
  const { v } = cell;
  switch (type) {
    case "s": {
      if (v === undefined) return cell.formula ? { formula: true, result: undefined } : MISSING;
      // An index is written in decimal digits (Excel never writes 0x1, 1e0 or " 0"): anything else is damage.
      const index = /^\d{1,9}$/.test(v) ? Number(v) : -1;
      const strings = context.strings;
      if (index < 0 || strings === undefined || index >= strings.length) return MISSING;
      return strings[index];
    }
    case "inlineStr":
      return cell.inline ?? decodeExcelEscapes(v ?? "");
    case "str":
      if (v === undefined && cell.formula) return { formula: true, result: undefined };
      return decodeExcelEscapes(v ?? "");
    case "b":
      if (v === undefined) return cell.formula ? { formula: true, result: undefined } : undefined;
      if (v === "1" || v === "true") return true;
      if (v === "0" || v === "false") return false;
      return damaged("b", v);
    case "e":
      return { error: v ?? "#VALUE!" };
    case "d": {
      if (v === undefined) return undefined;
      return isoDateCell(v) ?? damaged("d", v);
    }
    default: {
      if (v === undefined || v.trim() === "") return cell.formula ? { formula: true, result: undefined } : undefined;
      if (/^(?:[+-]?INF|NaN)$/.test(v)) return { error: `#NUM! (${echoText(v, 20)})` };
      if (!XML_NUMBER.test(v)) return damaged(type ?? "n", v);
      const number = Number(v);
      if (!Number.isFinite(number)) return { error: `#NUM! (${echoText(v, 20)})` };
      const styleIndex = style === undefined ? 0 : Number(style);
      return context.dateStyles[styleIndex] === true ? dateOfSerial(number, context.date1904) : number;
    }
  }
}

/** A range `A2:B4` as 0-based columns and 1-based rows. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [first = "", second = first] = ref.replaceAll("$", "").split(":");
  const a = cellRef(first);
  const b = cellRef(second);
  if (a === undefined || b === undefined) return undefined;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

/**
 * The first two merged ranges that share a cell (Excel never writes such a sheet), by a sweep over the ranges in
 * row order: only the ranges still open at a range's top row are compared with it.
 */
function firstOverlap(merges: readonly string[]): readonly [string, string] | undefined {
  const ranges = merges.flatMap((ref) => {
    const range = rangeOf(ref);
    return range === undefined ? [] : [{ ref, ...range }];
  });
  ranges.sort((a, b) => a.top - b.top);
  let open: typeof ranges = [];
  for (const range of ranges) {
    open = open.filter((other) => other.bottom >= range.top);
    const other = open.find((one) => one.left <= range.right && range.left <= one.right);
    if (other !== undefined) return [other.ref, range.ref];
    open.push(range);
  }
  return undefined;
}

/**
 * Merges as Excel shows them: the value belongs to the top-left cell. A merge within one column (a case's id
 * over its item rows) gives it to every cell below; any other cell of a merge is empty, whatever the file holds.
 */
function applyMerges(
  rows: readonly { number: number; cells: unknown[] }[],
  merges: readonly string[],
): { fills: MergeFill[]; unreadable: string[]; overlapping?: readonly [string, string] } {
  const fills: MergeFill[] = [];
  const unreadable: string[] = [];
  if (merges.length === 0) return { fills, unreadable };
  const overlapping = firstOverlap(merges);
  if (overlapping !== undefined) return { fills, unreadable, overlapping };
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  for (const ref of merges) {
    const range = rangeOf(ref);
    // Skipped, the merge would let the values the file stores under its hidden cells be read.
    if (range === undefined) {
      unreadable.push(ref);
      continue;
    }
    const value = byNumber.get(range.top)?.cells[range.left];
    const vertical = range.left === range.right;
    if (vertical && range.bottom > range.top && isFilled(value))
      fills.push({ column: range.left, top: range.top, bottom: range.bottom });
    for (let number = range.top; number <= range.bottom; number += 1) {
      const row = byNumber.get(number);
      if (row === undefined) continue;
      for (let column = range.left; column <= range.right; column += 1) {
        if (number === range.top && column === range.left) continue;
        row.cells[column] = vertical ? value : undefined;
      }
    }
  }
  return { fills, unreadable };
}
