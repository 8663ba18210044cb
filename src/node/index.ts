// exitfund/node — Node-only: the file readers and writers, and the CLI for embedding.
export { readCases, readCaseSource, readCasesStream, readLedger } from "./api.js";
export type { ReadCasesOptions, ReadOptions } from "./api.js";
export { runCli, processIo } from "./run.js";
export { runFixtures } from "./fixtures.js";
export type {
  FixtureDifference,
  FixtureExpectation,
  FixtureReport,
  FixtureTestResult,
  FixtureValue,
  RunFixturesOptions,
} from "./fixtures.js";
export { resultsCsv, resultsNdjson } from "./formats/results.js";
export { resultsWorkbookBytes } from "./formats/resultsXlsx.js";
export { templateCsv, templateXlsxBytes } from "./formats/template.js";
export { verificationWorkbookBytes } from "./xlsx/verifySheet.js";
export { auditWorkbookBytes, type AuditWorkbookOptions } from "./xlsx/auditReport.js";
export { budgetWorkbookBytes, type BudgetWorkbookOptions } from "./xlsx/budgetReport.js";
export { XLSX_ENGINE } from "./xlsx/engine.js";
export { LIMITS } from "./limits.js";
export type { Limits } from "./limits.js";
export type { CaseSource, Notice, SourceIssue } from "./formats/source.js";
export type { NdjsonRecord } from "./formats/ndjson.js";
export type { CliIo } from "./io.js";
export type { RuleSetLabel } from "./xlsx/verifySheet.js";
export type { TemplateKind } from "./formats/template.js";
// Every error a function of this entry throws; the same classes as exitfund's (one core).
export { CliError, IoError, UsageError } from "./io.js";
export type { ErrorCode } from "./io.js";
export { InvalidInputError, RuleSetError } from "../errors/index.js";
export type { InputIssue } from "../errors/index.js";
