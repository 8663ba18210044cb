// exitfund/node — Node-only: the CLI entry and the file readers/writers.
export { runCli, processIo } from "./run.js";
export { readCases } from "./read.js";
export type { CliIo } from "./io.js";
