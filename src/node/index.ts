// exitfund/node — Node-only: the CLI entry and the file readers/writers.
export { runCli, processIo } from "./run.js";
export { readCases, readCaseSource, readCasesStream, readLedger } from "./read.js";
export { resultsCsv, resultsNdjson } from "./formats/results.js";
export { resultsWorkbookBytes } from "./formats/resultsXlsx.js";
export { templateCsv, templateXlsxBytes } from "./formats/template.js";
export { verificationWorkbookBytes } from "./xlsx/verifySheet.js";
export { auditWorkbookBytes } from "./xlsx/auditReport.js";
export { budgetWorkbookBytes } from "./xlsx/budgetReport.js";
export type { CliIo } from "./io.js";
