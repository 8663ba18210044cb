import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { CaseError } from "../batch/compute.js";
import { parseCase } from "../batch/compute.js";
import { InvalidInputError } from "../errors/index.js";
import type { RuleSet } from "../parameters/types.js";
import { CaseSchema, LedgerRowSchema, type LedgerRow } from "../schemas/cases.js";
import { zodIssues } from "../schemas/issues.js";
import { csvTable } from "./formats/csv.js";
import { ndjsonRecords, ndjsonSource, type NdjsonRecord } from "./formats/ndjson.js";
import { idOf, jsonSource, locateErrors, type CaseSource } from "./formats/source.js";
import { tableSource } from "./formats/table.js";
import { xlsxTables } from "./formats/xlsx.js";
import { UsageError, type CliIo } from "./io.js";

/** Reads all of standard input as text. */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
  chunks.push(decoder.decode());
  return chunks.join("");
}

/** Parses JSON text, reporting a syntax error as an input problem of `file`. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InvalidInputError([{ path: file, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}

/** The cases of a JSON document: an array, or `{ "cases": [...] }`. */
export function casesOfJson(document: unknown, file: string): unknown[] {
  return listOfJson(document, file, "cases");
}

function listOfJson(document: unknown, file: string, key: "cases" | "ledger"): unknown[] {
  if (Array.isArray(document)) return document;
  if (
    typeof document === "object" &&
    document !== null &&
    key in document &&
    Array.isArray((document as { [k: string]: unknown })[key])
  ) {
    return (document as { [k: string]: unknown[] })[key] ?? [];
  }
  throw new InvalidInputError([
    {
      path: file,
      message: `must hold a JSON array of ${key === "cases" ? "cases" : "ledger rows"}, or an object { "${key}": [ ... ] }`,
    },
  ]);
}

const FORMATS =
  '.json (an array or { "cases": [...] }), .ndjson (one case per line), .csv or .xlsx (docs/files.md), or - for JSON on standard input';

/**
 * The cases of `<cases>` with where each field came from: `.json` (an array or `{ "cases": [...] }`),
 * `.ndjson`, `.csv` (UTF-8 or GB18030), `.xlsx`, or `-` for JSON on standard input. Cells that cannot
 * be read are listed in `issues` (by file, sheet, row and column); nothing is validated yet.
 *
 * @throws InvalidInputError for a file that cannot be read as its format, or a sheet whose columns are wrong.
 * @throws UsageError for a missing file or an unknown extension.
 */
export async function readCaseSource(file: string, io: CliIo): Promise<CaseSource> {
  if (file === "-") return jsonSource(casesOfJson(parseJsonText(await readStdin(io), "(stdin)"), "(stdin)"));
  switch (extname(file).toLowerCase()) {
    case ".json":
      return jsonSource(casesOfJson(parseJsonText(await readText(file, io), file), file));
    case ".ndjson":
    case ".jsonl":
      return ndjsonSource(await existingPath(file, io), file);
    case ".csv":
      return tableSource([csvTable(await readBytes(file, io), file)], "csv");
    case ".xlsx":
      return tableSource(await xlsxTables(await readBytes(file, io), file), "xlsx");
    case ".xls":
      throw new UsageError(
        `cannot read "${file}": the old .xls format is not read; save it from Excel as .xlsx or CSV UTF-8`,
      );
    default:
      throw new UsageError(`cannot read "${file}": give ${FORMATS}`);
  }
}

/**
 * Reads `<cases>` (see {@link readCaseSource}). Cases of a `.ndjson`, `.csv` or `.xlsx` file are
 * validated here, so that every problem is reported where it is in the file (`cases.xlsx › enterprise-exit
 * › row 7 › 节能量(吨标煤) (column K)`): with `ruleSet`, also the checks that need one (structure types).
 * A `.json` file is returned as it is: the batch reports its problems by index and field path.
 *
 * @throws InvalidInputError listing every problem of the file.
 */
export async function readCases(
  file: string,
  io: CliIo,
  options: { readonly ruleSet?: RuleSet } = {},
): Promise<unknown[]> {
  const source = await readCaseSource(file, io);
  if (source.format === "json") return [...source.cases];
  const errors = checkSource(source, options.ruleSet);
  if (errors.length > 0) throw new InvalidInputError(errors.map(({ path, message }) => ({ path, message })));
  return [...source.cases];
}

/**
 * Every problem of a source's cases without computing them: unreadable cells, the schema, repeated ids,
 * and with `ruleSet` the checks that need one — each located in the file.
 */
export function checkSource(source: CaseSource, ruleSet?: RuleSet): CaseError[] {
  const errors: CaseError[] = [];
  const firstIndexOfId = new Map<string, number>();
  source.cases.forEach((input, index) => {
    const id = idOf(input);
    const first = id === undefined ? undefined : firstIndexOfId.get(id);
    if (id !== undefined && first !== undefined)
      errors.push({
        index,
        id,
        path: `[${index}].id`,
        message: `id (编号) "${id}" is used twice in the batch (also at [${first}]); case ids must be unique`,
      });
    else if (id !== undefined) firstIndexOfId.set(id, index);
    for (const issue of caseIssues(input, index, ruleSet))
      errors.push({ index, ...(id === undefined ? {} : { id }), ...issue });
  });
  return locateErrors(source, errors);
}

function caseIssues(input: unknown, index: number, ruleSet: RuleSet | undefined): { path: string; message: string }[] {
  if (ruleSet !== undefined) {
    const parsed = parseCase(input, ruleSet, index);
    return parsed.ok ? [] : parsed.issues;
  }
  const parsed = CaseSchema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : zodIssues(parsed.error.issues, [index]);
}

/**
 * The lines of a `.ndjson` file of cases, one at a time: `{ line, value }` (the parsed JSON, not yet
 * validated) or `{ line, error }` for a line that is not JSON. Memory stays bounded whatever the size.
 */
export async function* readCasesStream(file: string, io: CliIo): AsyncGenerator<NdjsonRecord> {
  yield* ndjsonRecords(await existingPath(file, io));
}

/**
 * Reads a payment ledger: `.json` (an array of rows, or `{ "ledger": [...] }`), `.csv` or `.xlsx`
 * (columns caseId 案件编号, payer 付款方, amount 金额(元), paidOn 支付日期, voucher 凭证号), each row
 * validated by the ledger-row schema.
 *
 * @throws InvalidInputError listing every problem, by row and column for CSV and XLSX.
 */
export async function readLedger(file: string, io: CliIo): Promise<LedgerRow[]> {
  const extension = extname(file).toLowerCase();
  let source: CaseSource;
  if (extension === ".json" || file === "-") {
    const text = file === "-" ? await readStdin(io) : await readText(file, io);
    const rows = listOfJson(parseJsonText(text, file), file, "ledger");
    source = {
      ...jsonSource(rows),
      format: "ndjson",
      where: (index, path) => `${file} › [${index}]${path === "" ? "" : `.${path}`}`,
    };
  } else if (extension === ".csv") source = tableSource([csvTable(await readBytes(file, io), file)], "csv", "ledger");
  else if (extension === ".xlsx")
    source = tableSource(await xlsxTables(await readBytes(file, io), file, { all: true }), "xlsx", "ledger");
  else throw new UsageError(`cannot read the ledger "${file}": give a .json, .csv or .xlsx file`);
  const rows: LedgerRow[] = [];
  const errors: CaseError[] = [];
  source.cases.forEach((row, index) => {
    const parsed = LedgerRowSchema.safeParse(row, { reportInput: true });
    if (parsed.success) rows.push(parsed.data);
    else errors.push(...zodIssues(parsed.error.issues, [index]).map((issue) => ({ index, ...issue })));
  });
  const located = locateErrors(source, errors);
  if (located.length > 0) throw new InvalidInputError(located.map(({ path, message }) => ({ path, message })));
  return rows;
}

/** Reads a text file relative to the CLI's working directory; a missing file is a usage error (exit 2). */
export async function readText(file: string, io: CliIo): Promise<string> {
  return new TextDecoder().decode(await readBytes(file, io));
}

/** Reads a file's bytes relative to the CLI's working directory; a missing file is a usage error (exit 2). */
export async function readBytes(file: string, io: CliIo): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (error) {
    throw cannotRead(file, error);
  }
}

/** The absolute path of an existing file (a missing one is a usage error). */
async function existingPath(file: string, io: CliIo): Promise<string> {
  const path = resolve(io.cwd, file);
  try {
    await stat(path);
  } catch (error) {
    throw cannotRead(file, error);
  }
  return path;
}

function cannotRead(file: string, error: unknown): UsageError {
  return new UsageError(
    `cannot read "${file}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
  );
}
