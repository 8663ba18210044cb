import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { InvalidInputError, type InputIssue } from "../../../src/errors/index.js";
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
