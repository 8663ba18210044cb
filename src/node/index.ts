// exitfund/node — Node-only: the file readers and writers, and the CLI for embedding.
export { readCases, readCaseSource, readCasesStream, readLedger } from "./checked.js";
export type { ReadCasesOptions, ReadOptions } from "./api.js";
export type { LedgerPlace } from "../audit/types.js";
export { runCli, processIo, runFixtures } from "./checked.js";
export type {
  FixtureDifference,
  FixtureExpectation,
  FixtureReport,
  FixtureTestResult,
  FixtureValue,
  RunFixturesOptions,
} from "./fixtures.js";
export {
  auditWorkbookBytes,
  budgetWorkbookBytes,
  resultsCsv,
  resultsNdjson,
  resultsWorkbookBytes,
  templateCsv,
  templateXlsxBytes,
  verificationWorkbookBytes,
} from "./checked.js";
export type { AuditWorkbookOptions } from "./xlsx/auditReport.js";
export type { BudgetWorkbookOptions } from "./xlsx/budgetReport.js";
export { XLSX_ENGINE } from "./xlsx/engine.js";
export { nodeSha256 } from "./sha256.js";
export type { Sha256 } from "../receipt/sha256.js";
export { LIMITS } from "./limits.js";
export type { Limits } from "./limits.js";
export type { CaseSource, Notice, SourceIssue } from "./formats/source.js";
export type { NdjsonRecord } from "./formats/ndjson.js";
export type { CliIo } from "./io.js";
export type { CliEnv, Lang } from "./lang.js";
export type { RuleSetLabel } from "./xlsx/verifySheet.js";
export type { TemplateKind } from "./formats/template.js";
// Every error a function of this entry throws; the same classes as exitfund's (one core).
export { CliError, IoError, UsageError } from "./io.js";
export type { ErrorCode } from "./io.js";
export { InvalidInputError, RuleSetError } from "../errors/index.js";
export type { InputIssue } from "../errors/index.js";
