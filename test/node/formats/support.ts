import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { InvalidInputError, type InputIssue } from "../../../src/errors/index.js";
import { EXAMPLE_ID_PREFIX } from "../../../src/node/formats/columns.js";
import { TEMPLATE_EXAMPLES, type TemplateKind } from "../../../src/node/formats/template.js";
import type { CliIo } from "../../../src/node/io.js";

/** A fresh temporary directory. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "exitfund-files-"));
}

/** A CLI io whose working directory is `cwd` (output discarded). */
export function ioAt(cwd: string): CliIo {
  return { stdout: { write: () => true }, stderr: { write: () => true }, stdin: (async function* () {})(), cwd };
}

/** Writes a workbook of sheets given as rows of exceljs cell values (row 1 first). */
export async function writeWorkbook(
  path: string,
  sheets: readonly { readonly name: string; readonly rows: readonly (readonly unknown[])[] }[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, index) => {
      cells.forEach((value, column) => {
        if (value !== undefined && value !== null)
          sheet.getCell(index + 1, column + 1).value = value as ExcelJS.CellValue;
      });
    });
  }
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** The issues of the InvalidInputError a promise rejects with (fails the test when it resolves). */
export async function issuesOf(promise: Promise<unknown>): Promise<readonly InputIssue[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

/**
 * A template's example as a clerk who keeps it as a real case reads it: its id (a ledger row's, its case id)
 * replaced by the same id without the `示例-` that marks it as the example.
 */
export function exampleAsCase(kind: TemplateKind): { readonly [key: string]: unknown } {
  const key = kind === "ledger" ? "caseId" : "id";
  const id = String(TEMPLATE_EXAMPLES[kind][key]);
  if (!id.startsWith(EXAMPLE_ID_PREFIX)) throw new Error(`the ${kind} example's ${key} is not marked: ${id}`);
  return { ...TEMPLATE_EXAMPLES[kind], [key]: id.slice(EXAMPLE_ID_PREFIX.length) };
}
