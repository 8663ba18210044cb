import { readFile, stat } from "node:fs/promises";
import { extname, isAbsolute, relative, resolve } from "node:path";
import type * as z from "zod/mini";
import { duplicateIdIssue, type CaseError } from "../batch/compute.js";
import { echoText } from "../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../errors/index.js";
import { Dec } from "../money/decimal.js";
import { checkDecimal } from "../money/parse.js";
import type { RuleSet } from "../parameters/types.js";
import { defaultRuleSet } from "../rule-sets/index.js";
import { defaultProgramme } from "../rules/default.js";
import { parseCase } from "../rules/evaluate.js";
import { isProgramme, type Programme } from "../rules/programme.js";
import { LedgerRowSchema, type LedgerRow } from "../schemas/cases.js";
import { zodIssues } from "../schemas/issues.js";
import { LAYOUTS } from "./formats/columns.js";
import { csvTable } from "./formats/csv.js";
import { parseJson } from "./formats/json.js";
import { mappingOfJson, mappingOfTables, type MappingOptions } from "./formats/mapping.js";
import {
  countedNdjsonSource,
  ndjsonBytesSource,
  ndjsonRecords,
  ndjsonSource,
  type NdjsonRecord,
} from "./formats/ndjson.js";
import {
  UNREADABLE as UNREADABLE_KEY,
  atEntries,
  groupByColumn,
  idOf,
  jsonSource,
  locateErrors,
  type CaseSource,
  type Notice,
} from "./formats/source.js";
import { recordCount, tableSource, type RawTable, type TableMapping } from "./formats/table.js";
import { decodeUtf8, utf16Of } from "./formats/text.js";
import { readWorkbook } from "./formats/xlsx.js";
import { looksLikeOle, looksLikeZip } from "./formats/zip.js";
import { IoError, UsageError, placeText, type CliIo } from "./io.js";
import { bytesText, limitsOf } from "./limits.js";
import { noteInputRead, reasonOf } from "./output.js";

/**
 * The readers of every input file, layered: bytes (read whole, within the size limit, or streamed) → text
 * (strict decoding) → rows of cells at their Excel coordinates, or JSON values (no key twice) → typed values
 * and cases. Every problem found on the way is an input error naming where it is.
 */

/** Reads all of standard input, within the limit of what is read in memory. */
export async function readStdin(io: CliIo): Promise<Uint8Array> {
  const limit = limitsOf(io).memoryFileBytes;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    size += bytes.length;
    if (size > limit) throw tooLarge("(stdin)", size, limit, "more than");
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** The formats a file is read as. */
export type InputFormat = "json" | "ndjson" | "csv" | "xlsx";

/**
 * The format of bytes read from standard input, from what they hold: a zip is a workbook; text whose first
 * character is `[` is JSON; lines each holding one object are NDJSON (one object with `cases` or `ledger` is a JSON
 * document); anything else is CSV (UTF-8, GB18030 or UTF-16, as a CSV file is read).
 *
 * @throws UsageError for an encrypted workbook or an old `.xls`, which cannot be read from anywhere.
 */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  if (looksLikeZip(bytes)) return "xlsx";
  if (looksLikeOle(bytes))
    throw new UsageError(
      "standard input holds a password-protected workbook or an old .xls file, which cannot be read: remove the password and save it as .xlsx",
      { code: "stdin-xls", zh: "标准输入中是加密工作簿或旧版 .xls 文件，无法读取：请取消密码并另存为 .xlsx" },
    );
  // UTF-16 text is told by what it holds too, so that JSON or NDJSON in it is refused by name, not read as CSV.
  const utf16 = utf16Of(bytes);
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : bom ? 2 : 0;
  const window = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.byteLength - start, 1 << 20));
  const head = (utf16 === undefined ? window.toString("utf8") : new TextDecoder(utf16).decode(window)).trimStart();
  if (head.startsWith("[")) return "json";
  if (!head.startsWith("{")) return "csv";
  const lines = head.split(/\r?\n/).filter((line) => line.trim() !== "");
  const complete = bytes.byteLength - start <= 1 << 20 ? lines : lines.slice(0, -1);
  if (complete.length > 1 && complete.every((line) => /^\s*\{.*\}\s*$/.test(line))) return "ndjson";
  if (complete.length === 1) {
    try {
      const value = JSON.parse(complete[0] ?? "") as unknown;
      const document = typeof value === "object" && value !== null && ("cases" in value || "ledger" in value);
      return document ? "json" : "ndjson";
    } catch {
      return "json";
    }
  }
  return "json";
}

/** The bytes of `<file>` (or of standard input for `-`) and the format they are read as. */
async function inputOf(
  file: string,
  io: CliIo,
  what: string,
  formats: string,
): Promise<{ bytes?: Uint8Array; format: InputFormat; name: string }> {
  if (file === "-") {
    const bytes = await readStdin(io);
    return { bytes, format: sniffFormat(bytes), name: "(stdin)" };
  }
  switch (extname(file).toLowerCase()) {
    case ".json":
      return { format: "json", name: file };
    case ".ndjson":
    case ".jsonl":
      return { format: "ndjson", name: file };
    case ".csv":
      return { format: "csv", name: file };
    case ".xlsx":
      return { format: "xlsx", name: file };
    default:
      throw unknownExtension(file, what, formats);
  }
}

/**
 * Parses JSON text strictly (a key given twice in one object is an error), reporting problems as input
 * problems of `file`.
 */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === "")
    throw new InvalidInputError([
      {
        path: file,
        code: "empty-file",
        message: "is empty: it holds no JSON at all",
        zh: "是空文件：没有任何 JSON 内容",
      },
    ]);
  return parseJson(text, file);
}

/**
 * The JSON document of a list of cases or ledger rows, its problems of reading (a key twice, a lone surrogate)
 * at the entry they are in (`file › entry 4 › amount`), as the list's other problems are.
 */
function parseEntries(text: string, file: string, key: "cases" | "ledger"): unknown {
  try {
    return parseJsonText(text, file);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(atEntries(error.issues, file, key));
    throw error;
  }
}

/** The cases of a JSON document: an array, or `{ "cases": [...] }` (and no other key). */
export function casesOfJson(document: unknown, file: string): unknown[] {
  return listOfJson(document, file, "cases");
}

/** Keys a cases or ledger document may have beside its list: a note for people, and a JSON Schema. */
const METADATA_KEYS: ReadonlySet<string> = new Set(["note", "$schema"]);

function listOfJson(document: unknown, file: string, key: "cases" | "ledger"): unknown[] {
  if (Array.isArray(document)) return document;
  if (typeof document === "object" && document !== null && Object.hasOwn(document, key)) {
    const list = (document as { [k: string]: unknown })[key];
    const others = Object.keys(document).filter((name) => name !== key && !METADATA_KEYS.has(name));
    if (Array.isArray(list) && others.length === 0) return list;
    if (Array.isArray(list))
      throw new InvalidInputError(
        others.slice(0, 20).map((name) => ({
          path: `${file} › ${echoText(name)}`,
          code: "unknown-field",
          message: `is not a key of a ${key === "cases" ? "cases" : "ledger"} document: only "${key}" and the metadata keys "note" and "$schema" may stand beside it; a misplaced key would otherwise be ignored silently`,
          zh: `不是该文档的键：与 "${key}" 并列的只能是 "note" 和 "$schema"，否则放错位置的键会被悄悄忽略`,
        })),
      );
  }
  throw new InvalidInputError([
    {
      path: file,
      code: "not-a-list",
      message: `must hold a JSON array of ${key === "cases" ? "cases" : "ledger rows"}, or an object { "${key}": [ ... ] }`,
      zh: `须为${key === "cases" ? "案件" : "付款记录"}的 JSON 数组，或对象 { "${key}": [ ... ] }`,
    },
  ]);
}

const FORMATS =
  '.json (an array or { "cases": [...] }), .ndjson (one case per line), .csv or .xlsx (docs/files.md), or - for standard input (any of these)';

function unknownExtension(file: string, what: string, formats: string): UsageError {
  if (extname(file).toLowerCase() === ".xls")
    return new UsageError(
      `cannot read "${echoText(file)}": the old .xls format is not read; save it from Excel as .xlsx or CSV UTF-8`,
      { code: "xls", zh: `无法读取 "${echoText(file)}"：不读取旧版 .xls，请在 Excel 中另存为 .xlsx 或 CSV UTF-8` },
    );
  return new UsageError(`cannot read ${what} "${echoText(file)}": give ${formats}`, {
    code: "unknown-extension",
    zh: `无法读取 "${echoText(file)}"：请给出 ${formats}`,
  });
}

/** Says each notice on stderr (a sheet or rows that were not read, and why; values read in another form). */
export function sayNotices(io: CliIo, notices: readonly Notice[] | undefined): void {
  for (const notice of notices ?? [])
    io.stderr.write(
      io.lang === "zh"
        ? `exitfund：注意：${placeText(echoText(notice.where, 1_000), "zh")}：${placeText(notice.zh, "zh")}\n`
        : `exitfund: note: ${echoText(notice.where, 1_000)}: ${notice.message}\n`,
    );
}

/** How a file of cases is read: for which programme and rule set, and through which mapping of a finance system's columns. */
export interface ReadOptions {
  readonly programme?: Programme;
  /** The rule set whose table keys (structure types) and their aliases a sheet is read by (default tongzhou-2016). */
  readonly ruleSet?: RuleSet;
  /** A mapping of a finance system's columns and values onto the layout (`--map`, {@link readMapping}). */
  readonly mapping?: TableMapping;
}

function readOptionsOf(given: Programme | ReadOptions | undefined): ReadOptions {
  if (given === undefined) return {};
  return isProgramme(given) ? { programme: given } : given;
}

/**
 * The cases of `<cases>` with where each field came from: `.json` (an array or `{ "cases": [...] }`),
 * `.ndjson`, `.csv` (UTF-8, GB18030 or UTF-16), `.xlsx` (every visible data sheet), or `-` for JSON on
 * standard input. Cells that cannot be read are listed in `issues` (by file, sheet, row and column); nothing
 * is validated yet. Notices (a sheet that was not read) are said on stderr.
 *
 * @throws InvalidInputError for a file that cannot be read as its format, a sheet whose columns are wrong, or
 * a file that holds no cases.
 * @throws UsageError for a missing file, an unknown extension, or a file larger than the limits.
 * With `programme`, a sheet's columns are those of its kinds and of the fields its domains add.
 */
export async function readCaseSource(file: string, io: CliIo, options?: Programme | ReadOptions): Promise<CaseSource> {
  const source = await caseSource(file, io, readOptionsOf(options));
  sayNotices(io, source.notices);
  return source;
}

/** Refuses, before anything is computed, more cases and entries (or ledger rows) than are computed in memory. */
function refuseTooMany(file: string, entries: number, io: CliIo, ledger = false): void {
  const limit = limitsOf(io).memoryEntries;
  if (entries <= limit) return;
  if (ledger)
    throw new UsageError(
      `cannot audit against "${echoText(file)}" in memory: the ledger holds ${entries.toLocaleString("en-US")} rows, more than the ${limit.toLocaleString("en-US")} read in memory (a ledger is not streamed, whatever its format); split the ledger and the cases alike (by township or year) and audit each part`,
      {
        code: "too-many-cases",
        zh: `无法在内存中读取台账 "${echoText(file)}"：台账有 ${entries} 行，超过内存读取上限 ${limit}（台账不论何种格式都不能流式读取）；请将台账与案件按同样方式（按乡镇或年度）拆分后分别审计`,
      },
    );
  throw new UsageError(
    `cannot compute "${echoText(file)}" in memory: it holds ${entries.toLocaleString("en-US")} cases and list entries (items, leases, exited enterprises) or rows, more than the ${limit.toLocaleString("en-US")} computed in memory; convert the cases to NDJSON (one case per line) and use --format ndjson or csv, which stream, or split the file`,
    {
      code: "too-many-cases",
      zh: `无法在内存中计算 "${echoText(file)}"：案件及其明细（地上物、租赁合同、退出企业）或行数为 ${entries}，超过内存计算上限 ${limit}；请转换为 NDJSON（每行一个案件）并用 --format ndjson 或 csv 流式计算，或拆分文件`,
    },
  );
}

/** Cases and their list entries, as they will be computed. */
function entriesOf(cases: readonly unknown[]): number {
  let count = cases.length;
  for (const value of cases) {
    if (typeof value !== "object" || value === null) continue;
    for (const list of ["items", "leases", "exitedEnterprises"]) {
      const entries = Object.hasOwn(value, list) ? (value as { [key: string]: unknown })[list] : undefined;
      if (Array.isArray(entries)) count += entries.length;
    }
  }
  return count;
}

async function caseSource(file: string, io: CliIo, options: ReadOptions): Promise<CaseSource> {
  const source = await rawCaseSource(file, io, options);
  refuseTooMany(file, entriesOf(source.cases), io);
  return source;
}

function rowsOf(tables: readonly { readonly rows: readonly unknown[] }[]): number {
  return tables.reduce((count, table) => count + table.rows.length, 0);
}

async function rawCaseSource(file: string, io: CliIo, options: ReadOptions): Promise<CaseSource> {
  const input = await inputOf(file, io, "the cases", FORMATS);
  const { name } = input;
  const bytes = async () => input.bytes ?? (await readBytes(file, io));
  if (options.mapping !== undefined && (input.format === "json" || input.format === "ndjson"))
    throw mappingNeedsSheet("--map", name);
  const sheets = { programme: options.programme, ruleSet: options.ruleSet, mapping: options.mapping, file: name };
  switch (input.format) {
    case "json":
      return jsonSource(casesOfJson(parseEntries(decodeUtf8(await bytes(), name), name, "cases"), name), name);
    case "ndjson": {
      const limits = limitsOf(io);
      const source =
        input.bytes !== undefined
          ? ndjsonBytesSource(input.bytes, name, limits.ndjsonLineBytes)
          : await ndjsonSource(await existingPath(file, io), file, limits.ndjsonLineBytes, limits.memoryEntries);
      if (source.cases.length === 0) throw noLines(name);
      return source;
    }
    case "csv": {
      const table = csvTable(await bytes(), name);
      refuseTooMany(name, table.rows.length, io);
      return tableSource([table], { format: "csv", ...defined(sheets) });
    }
    case "xlsx": {
      const workbook = await readWorkbook(await bytes(), name, limitsOf(io));
      refuseTooMany(name, rowsOf(workbook.tables), io);
      return tableSource(workbook.tables, { format: "xlsx", notices: workbook.notices, ...defined(sheets) });
    }
  }
}

/** The entries of an object whose value is not undefined (options passed on as given). */
function defined<T extends object>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function mappingNeedsSheet(option: string, file: string): UsageError {
  return new UsageError(
    `${option} maps the columns of a sheet (CSV or XLSX), but "${echoText(file)}" is JSON, whose fields are named by the contract: leave out ${option}`,
    {
      code: "mapping-needs-sheet",
      zh: `${option} 用于映射表格（CSV 或 XLSX）的列，而 "${echoText(file)}" 是 JSON，其字段由数据契约规定：请去掉 ${option}`,
    },
  );
}

/**
 * An NDJSON file without a line (empty, blank lines only, a BOM only): "holds no cases", on every path that reads
 * one; a ledger is named as the ledger.
 */
export function noLines(file: string, ledger = false): InvalidInputError {
  return new InvalidInputError([
    {
      path: file,
      code: "no-cases",
      message: ledger
        ? 'holds no cases: the ledger (--ledger) has no line with a payment (an empty export or the wrong file would otherwise read as "nothing paid")'
        : 'holds no cases: it has no line with a case (an empty export or the wrong file would otherwise read as "nothing owed")',
      zh: ledger ? "没有任何案件：台账（--ledger）中没有一行付款记录" : "没有任何案件：文件中没有一行案件",
    },
  ]);
}

/**
 * Reads `<cases>` (see {@link readCaseSource}). The cases of every format are validated here, so that every
 * problem is reported where it is in the file (`cases.xlsx › enterprise-exit › row 7 › 节能量（吨标煤） (column K)`,
 * `cases.ndjson › line 7 › exitMode`, `cases.json › entry 7 › exitMode`, entries counted from 1 as the ledger's
 * are): with `ruleSet`, also the checks that need one (structure types).
 *
 * @throws InvalidInputError listing every problem of the file.
 */
export async function readCases(file: string, io: CliIo, options: ReadOptions = {}): Promise<unknown[]> {
  const source = await readCaseSource(file, io, options);
  const errors = checkSource(source, options.ruleSet, options.programme);
  if (errors.length > 0) throw new InvalidInputError(errors.map(issueOf));
  return [...source.cases];
}

function issueOf(error: CaseError): InputIssue {
  const { index: _index, id: _id, ...issue } = error;
  return issue;
}

/**
 * Every problem of a source's cases without computing them: unreadable cells, the schema, repeated ids,
 * and with `ruleSet` the checks that need one — each located in the file. A case with a cell that cannot be read
 * is checked with a stand-in value there, so its other cells and rows are checked too (one bad cell does not hide
 * the rest of the file's problems); problems the stand-in causes are left out, and the case is never computed.
 * Repeated problems of one column are said once, with their rows.
 */
export function checkSource(
  source: CaseSource,
  ruleSet?: RuleSet,
  programme: Programme = defaultProgramme,
): CaseError[] {
  const errors: CaseError[] = [];
  const firstIndexOfId = new Map<string, number>();
  const unreadable = new Map<number, { path: string; placeholder: unknown }[]>();
  for (const one of source.issues)
    if (one.placeholder !== undefined)
      unreadable.set(one.index, [
        ...(unreadable.get(one.index) ?? []),
        { path: one.path, placeholder: one.placeholder },
      ]);
  source.cases.forEach((input, index) => {
    const id = idOf(input);
    const first = id === undefined ? undefined : firstIndexOfId.get(id);
    if (id !== undefined && first !== undefined)
      errors.push({ index, id, ...duplicateIdIssue(id, `[${index}].id`, `[${first}]`) });
    else if (id !== undefined) firstIndexOfId.set(id, index);
    for (const issue of caseIssues(input, index, ruleSet, programme, unreadable.get(index)))
      errors.push({ index, ...(id === undefined ? {} : { id }), ...issue });
  });
  return groupByColumn(locateErrors(source, errors));
}

function caseIssues(
  input: unknown,
  index: number,
  ruleSet: RuleSet | undefined,
  programme: Programme,
  unreadable: readonly { path: string; placeholder: unknown }[] | undefined,
) {
  if (unreadable !== undefined && ruleSet !== undefined) {
    const checked = withStandIns(input, unreadable, programme);
    if (checked !== undefined) {
      const parsed = parseCase(programme, checked, ruleSet, index);
      return parsed.ok ? [] : parsed.issues.filter((issue) => !touches(issue.path, unreadable));
    }
  }
  const parsed = parseCase(programme, input, ruleSet ?? defaultRuleSet, index);
  if (parsed.ok || ruleSet !== undefined) return parsed.ok ? [] : parsed.issues;
  // Without a rule set only the schema is checked: the rule set's own checks (structure types) are left out.
  const schema = programme.entry((input as { kind?: unknown })?.kind as string)?.schema;
  return schema === undefined ? parsed.issues : schemaIssues(schema, input, index, programme);
}

/**
 * A copy of a case with a stand-in value at each unreadable cell, or undefined when the unreadable cell is the
 * date that selects the rule set's values (every check would then be made on the wrong date).
 */
function withStandIns(
  input: unknown,
  unreadable: readonly { path: string; placeholder: unknown }[],
  programme: Programme,
): unknown {
  if (typeof input !== "object" || input === null) return undefined;
  const dateField = programme.entry(String((input as { kind?: unknown }).kind))?.domain.dateField;
  if (unreadable.some((one) => one.path === dateField)) return undefined;
  const copy = structuredClone(input) as { [key: string]: unknown };
  delete copy[UNREADABLE_KEY];
  for (const { path, placeholder } of unreadable) setAt(copy, path, placeholder);
  return copy;
}

/** Sets the value at a case path (`items[2].survey.quantity`, `acceptance.staffResettled`). */
function setAt(target: { [key: string]: unknown }, path: string, value: unknown): void {
  const parts = path.split(/\.|\[(\d+)\]\.?/).filter((part) => part !== undefined && part !== "");
  let node: { [key: string]: unknown } = target;
  parts.slice(0, -1).forEach((part) => {
    const next = node[part];
    node = typeof next === "object" && next !== null ? (next as { [key: string]: unknown }) : (node[part] = {});
  });
  const last = parts[parts.length - 1];
  if (last !== undefined) node[last] = value;
}

/** A problem of the checked copy caused by a stand-in: at an unreadable cell, or in the list entry that holds one. */
function touches(path: string, unreadable: readonly { path: string }[]): boolean {
  const relative = path.replace(/^\[\d+\]\.?/, "");
  return unreadable.some((one) => {
    if (relative === one.path || relative === "") return true;
    const entry = /^(items|leases|exitedEnterprises)\[\d+\]/.exec(one.path)?.[0];
    return entry !== undefined && relative.startsWith(entry);
  });
}

function schemaIssues(schema: z.ZodMiniType, input: unknown, index: number, programme: Programme) {
  const checked = schema.safeParse(input, { reportInput: true });
  return checked.success ? [] : zodIssues(checked.error.issues, [index], programme.fieldLabel, schema);
}

/**
 * The lines of a `.ndjson` file of cases, one at a time: `{ line, value }` (the parsed JSON, not yet
 * validated) or `{ line, error }` for a line that cannot be read (not UTF-8, not JSON, a key twice, too long).
 * Memory stays bounded whatever the size.
 */
export async function* readCasesStream(file: string, io: CliIo): AsyncGenerator<NdjsonRecord> {
  yield* ndjsonRecords(await existingPath(file, io), file, limitsOf(io).ndjsonLineBytes);
}

/** A payment ledger as read: its rows, and where each is in its file (for the audit's `rows`). */
export interface LedgerSource {
  readonly rows: LedgerRow[];
  /**
   * Where each row is: its Excel row number (CSV, XLSX; header row = 1), its line (NDJSON) or its entry
   * counted from 1 (JSON), and its sheet.
   */
  readonly places: readonly { readonly row: number; readonly sheet?: string }[];
}

/** How a ledger is read: through a mapping of a finance system's columns and values (`--ledger-map`). */
export interface LedgerReadOptions {
  readonly mapping?: TableMapping;
}

/**
 * Reads a payment ledger (see {@link readLedger}) with where each row is in its file.
 *
 * @throws InvalidInputError listing every problem, by row and column for CSV and XLSX.
 */
export async function readLedgerSource(
  file: string,
  io: CliIo,
  options: LedgerReadOptions = {},
): Promise<LedgerSource> {
  const input = await inputOf(file, io, "the ledger", "a .json, .csv or .xlsx file, or - for standard input");
  const { name } = input;
  const bytes = async () => input.bytes ?? (await readBytes(file, io));
  if (options.mapping !== undefined && (input.format === "json" || input.format === "ndjson"))
    throw mappingNeedsSheet("--ledger-map", name);
  const sheets = { layout: LAYOUTS.ledger, file: name, ...defined({ mapping: options.mapping }) };
  let source: CaseSource;
  if (input.format === "json")
    source = jsonSource(
      listOfJson(parseEntries(decodeUtf8(await bytes(), name), name, "ledger"), name, "ledger"),
      name,
    );
  else if (input.format === "ndjson") {
    // One row a line, each read as a line of cases is (not UTF-8, not JSON, a key twice: refused at its line).
    // From a file, rows past the limit are counted, not kept: a ledger too large is refused in bounded memory.
    const { ndjsonLineBytes, memoryEntries } = limitsOf(io);
    if (input.bytes === undefined) {
      const path = await sizedPath(file, io);
      const counted = await countedNdjsonSource(path, name, ndjsonLineBytes, memoryEntries);
      await noteInputRead(io, file, path);
      refuseTooMany(name, counted.count, io, true);
      source = counted.source;
    } else source = ndjsonBytesSource(input.bytes, name, ndjsonLineBytes);
    if (source.cases.length === 0) throw noLines(name, true);
  } else {
    const workbook =
      input.format === "csv"
        ? { tables: [csvTable(await bytes(), name)], notices: undefined }
        : await readWorkbook(await bytes(), name, limitsOf(io));
    const options = {
      format: input.format,
      ...(workbook.notices === undefined ? {} : { notices: workbook.notices }),
      ...sheets,
    };
    // Counted before the rows are built: a ledger over the limit is refused without making an object a row.
    const tables: readonly RawTable[] = workbook.tables;
    const rows = tables.reduce<number>((sum, table) => sum + table.rows.length, 0);
    const count = rows > limitsOf(io).memoryEntries ? recordCount(tables, options) : undefined;
    if (count !== undefined) refuseTooMany(name, count, io, true);
    source = tableSource(workbook.tables, options);
  }
  refuseTooMany(name, source.cases.length, io, true);
  const credits = source.format === "json" || source.format === "ndjson" ? [] : applyCredits(source);
  sayNotices(io, [...(source.notices ?? []), ...creditNotice(source, credits)]);
  const rows: LedgerRow[] = [];
  const errors: CaseError[] = [];
  source.cases.forEach((row, index) => {
    const parsed = LedgerRowSchema.safeParse(row, { reportInput: true });
    if (parsed.success) rows.push(parsed.data);
    else
      errors.push(
        ...zodIssues(parsed.error.issues, [index], undefined, LedgerRowSchema).map((issue) => ({ index, ...issue })),
      );
  });
  const located = groupByColumn(locateErrors(source, errors));
  if (located.length > 0) throw new InvalidInputError(located.map(issueOf));
  return { rows, places: source.places ?? rows.map((_, index) => ({ row: index })) };
}

/**
 * A finance system's 贷方金额 (credit, a reversal) subtracted from the row's amount, exactly: the ledger's `amount`
 * is what was paid less what was taken back. Returns the rows that had a credit.
 */
function applyCredits(source: CaseSource): number[] {
  const credited: number[] = [];
  source.cases.forEach((row, index) => {
    if (typeof row !== "object" || row === null || !Object.hasOwn(row, "credit")) return;
    const record = row as { [key: string]: unknown };
    const credit = checkDecimal(record.credit, { what: "money" });
    const debit =
      record.amount === undefined
        ? { ok: true as const, value: "0" }
        : checkDecimal(record.amount, { allowNegative: true });
    if (!credit.ok || !debit.ok) return; // left as it is: the schema names the field that is not a figure
    record.amount = new Dec(debit.value).minus(credit.value).toFixed();
    delete record.credit;
    credited.push(index);
  });
  return credited;
}

function creditNotice(source: CaseSource, credited: readonly number[]): Notice[] {
  if (credited.length === 0) return [];
  const rows = credited.map((index) => source.places?.[index]?.row ?? index);
  const shown = `${rows.slice(0, 10).join(", ")}${rows.length > 10 ? `, … (${rows.length} in all)` : ""}`;
  return [
    {
      where: source.where(credited[0] ?? 0, "credit").replace(/ › row \d+/, ""),
      code: "credit-subtracted",
      message: `the credit (贷方金额) of rows ${shown} is subtracted from their amount: a credit takes a payment back`,
      zh: `第 ${rows.slice(0, 10).join("、")}${rows.length > 10 ? " 等" : ""} 行的贷方金额已从金额中减去（贷方为冲回的付款）`,
    },
  ];
}

/**
 * Reads a payment ledger: `.json` (an array of rows, or `{ "ledger": [...] }`), `.csv` or `.xlsx`
 * (columns caseId 案件编号, payer 付款方, amount 金额（元）, paidOn 支付日期, voucher 凭证号; every ledger sheet
 * of a workbook), each row validated by the ledger-row schema.
 *
 * @throws InvalidInputError listing every problem, by row and column for CSV and XLSX.
 */
export async function readLedger(file: string, io: CliIo, options: LedgerReadOptions = {}): Promise<LedgerRow[]> {
  return (await readLedgerSource(file, io, options)).rows;
}

/**
 * Reads a mapping of a finance system's columns and values (`--ledger-map`, `--map`): a `.json` file
 * (`{ "columns": { "借方金额": "amount", … }, "values": { "payer": { "市级资金": "municipal" } } }`) or a
 * workbook with a 列 sheet (表头, 字段) and a 取值 sheet (字段, 原值, 取值), validated like any input.
 *
 * @throws InvalidInputError listing every problem at its JSON path or cell.
 */
export async function readMapping(file: string, io: CliIo, options: MappingOptions = {}): Promise<TableMapping> {
  const extension = extname(file).toLowerCase();
  if (extension === ".json") return mappingOfJson(parseJsonText(await readText(file, io), file), file, options);
  if (extension === ".xlsx") {
    const workbook = await readWorkbook(await readBytes(file, io), file, limitsOf(io));
    return mappingOfTables(workbook.tables as readonly RawTable[], file, options);
  }
  throw unknownExtension(file, "the mapping", "a .json or .xlsx mapping file (docs/files.md)");
}

/**
 * Reads a UTF-8 text file (JSON) relative to the CLI's working directory; a missing file is a usage error.
 * Messages name the file as `shown` (by default `file`: what the user typed, not the absolute path).
 */
export async function readText(file: string, io: CliIo, shown: string = file): Promise<string> {
  return decodeUtf8(await readBytes(file, io, shown), shown, /\.ya?ml$/i.test(file) ? "YAML" : "JSON");
}

function tooLarge(file: string, size: number, limit: number, word = ""): UsageError {
  const ndjson = /\.(json|csv|xlsx)$/i.test(file) || file === "(stdin)";
  return new UsageError(
    `cannot read "${echoText(file)}": it is ${word === "" ? "" : `${word} `}${bytesText(size)}, more than the ${bytesText(limit)} read into memory${ndjson ? "; convert the cases to NDJSON (one case per line), which streams in bounded memory, or split the file" : ""}`,
    {
      code: "file-too-large",
      zh: `无法读取 "${echoText(file)}"：文件为 ${bytesText(size)}，超过可读入内存的 ${bytesText(limit)}；请转换为可流式处理的 NDJSON（每行一个案件），或拆分文件`,
    },
  );
}

/**
 * Reads a file's bytes relative to the CLI's working directory, within the limit of what is read in memory.
 *
 * @throws UsageError for a missing file, a folder, or a file too large; IoError when reading fails.
 */
export async function readBytes(file: string, io: CliIo, shown: string = file): Promise<Uint8Array> {
  const path = await sizedPath(file, io, shown);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw cannotRead(shown, error);
  }
  await noteInputRead(io, file, path);
  return bytes;
}

/** The path of a file read into memory, refused when it is larger than {@link Limits.memoryFileBytes}. */
async function sizedPath(file: string, io: CliIo, shown: string = file): Promise<string> {
  const path = await existingPath(file, io, shown);
  const limit = limitsOf(io).memoryFileBytes;
  const size = (await stat(path)).size;
  if (size > limit) throw tooLarge(shown, size, limit);
  return path;
}

/**
 * The path of `absolute` as a message shows it: relative to the working directory (`rules/base.json`,
 * `../2016/cases.xlsx`), as the user would type it; the absolute path only when it is on another drive.
 */
export function shownPath(absolute: string, io: Pick<CliIo, "cwd">): string {
  const shown = relative(resolve(io.cwd), absolute);
  return shown === "" ? "." : isAbsolute(shown) ? absolute : shown;
}

/**
 * The absolute path of an existing file (a missing one, or a folder, is a usage error naming it as `shown`,
 * by default `file` as given).
 */
export async function existingPath(file: string, io: CliIo, shown: string = file): Promise<string> {
  const path = resolve(io.cwd, file);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw cannotRead(shown, error);
  }
  if (info.isDirectory())
    throw new UsageError(`cannot read "${echoText(shown)}": it is a folder, not a file`, {
      code: "input-is-folder",
      zh: `无法读取 "${echoText(shown)}"：这是文件夹，不是文件`,
    });
  await noteInputRead(io, file, path);
  return path;
}

function cannotRead(file: string, error: unknown): UsageError | IoError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new UsageError(`cannot read "${echoText(file)}": no such file`, {
      code: "no-such-file",
      zh: `无法读取 "${echoText(file)}"：文件不存在`,
    });
  const reason = reasonOf(error);
  return new IoError(`cannot read "${echoText(file)}": ${reason.en}`, {
    code: "cannot-read",
    zh: `无法读取 "${echoText(file)}"：${reason.zh}`,
  });
}
