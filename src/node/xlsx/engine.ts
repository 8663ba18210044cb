import { createRequire } from "node:module";
import type * as Engine from "@cj-tech-master/excelts";
import { UsageError } from "../io.js";

/**
 * The XLSX engine, behind one module: every workbook exitfund writes is built with the engine's exceljs-style
 * API through the types and {@link newWorkbook} here, so changing the engine is one import in this file.
 *
 * The engine is loaded on first use, never at start-up: `exitfund --version` or `exitfund compute x.json`
 * do not pay for it, and it is an optional dependency, so a browser app that installs exitfund without it
 * (`npm install --omit=optional`) still gets the whole core and every command but the XLSX writers.
 */

/** The npm package of the engine, as a user installs it. */
export const XLSX_ENGINE = "@cj-tech-master/excelts";

export type Workbook = Engine.Workbook;
export type Worksheet = Engine.Worksheet;
export type Row = Engine.Row;
export type Cell = Engine.Cell;
export type CellValue = Engine.CellValue;
export type DataValidation = Engine.DataValidation;
export type AddWorksheetOptions = Engine.AddWorksheetOptions;
export type Font = Engine.Font;
export type HeaderFooter = Engine.HeaderFooter;

type EngineModule = typeof Engine;

let loaded: EngineModule | undefined;

/** The engine's module, loaded on first use and kept (synchronously, so a workbook is still built in one call). */
export function xlsxEngine(): EngineModule {
  loaded ??= loadEngine(createRequire(import.meta.url));
  return loaded;
}

/**
 * The engine's module as `load` (Node's `require`) gives it.
 *
 * @throws UsageError (exit 2) naming the package to install when it is not installed.
 */
export function loadEngine(load: (name: string) => unknown): EngineModule {
  let engine: unknown;
  try {
    engine = load(XLSX_ENGINE);
  } catch (error) {
    if (!isMissing(error)) throw error;
    throw new UsageError(
      `writing .xlsx needs the package ${XLSX_ENGINE}, which is not installed (an optional dependency of exitfund): run \`npm install ${XLSX_ENGINE}\`, or write --format csv or json`,
      {
        code: "xlsx-engine-missing",
        zh: `写出 .xlsx 需要未安装的软件包 ${XLSX_ENGINE}（exitfund 的可选依赖）：请运行 \`npm install ${XLSX_ENGINE}\`，或改用 --format csv 或 json`,
      },
    );
  }
  const module = engine as EngineModule & { default?: EngineModule };
  return typeof module.Workbook === "function" ? module : (module.default ?? module);
}

function isMissing(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") &&
    typeof message === "string" &&
    message.includes(`'${XLSX_ENGINE}'`)
  );
}

/** A new, empty workbook of the engine (loaded now if it was not yet). */
export function newWorkbook(): Workbook {
  return new (xlsxEngine().Workbook)();
}
