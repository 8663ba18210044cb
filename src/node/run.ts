import { InvalidInputError } from "../errors/index.js";
import packageJson from "../../package.json";
import { AUDIT_HELP, runAudit } from "./commands/audit.js";
import { BUDGET_HELP, runBudget } from "./commands/budget.js";
import { COMPARE_HELP, runCompare } from "./commands/compare.js";
import { COMPUTE_HELP, runCompute } from "./commands/compute.js";
import { DEMO_HELP, runDemo } from "./commands/demo.js";
import { RULES_DIFF_HELP, runRulesDiff } from "./commands/rules-diff.js";
import { RULES_HELP, runRules } from "./commands/rules.js";
import { SCHEMA_HELP, runSchema } from "./commands/schema.js";
import { TEMPLATE_HELP, runTemplate } from "./commands/template.js";
import { VERIFY_HELP, runVerify } from "./commands/verify.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "./io.js";

type Command = { readonly run: (args: readonly string[], io: CliIo) => Promise<number>; readonly help: string; readonly summary: string };

const COMMANDS: { readonly [name: string]: Command } = {
  compute: { run: runCompute, help: COMPUTE_HELP, summary: "compute cases: who is owed how much, by which payer, and why" },
  verify: { run: (args, io) => runVerify([...args], io), help: VERIFY_HELP, summary: "the housing commission's item-by-item verification sheet (核定) of land-clearing declarations" },
  audit: { run: runAudit, help: AUDIT_HELP, summary: "recompute every case and diff it against the payment ledger (underpaid, overpaid, unpaid, …)" },
  budget: { run: runBudget, help: BUDGET_HELP, summary: "roll up what is owed by township, payer, track, year; with --cap a fen-exact pro-rata allocation" },
  compare: { run: runCompare, help: COMPARE_HELP, summary: "what-if: the change between two rule sets, per case and attributed to each parameter" },
  demo: { run: runDemo, help: DEMO_HELP, summary: "compute, verify and audit the synthetic sample district (examples/tongzhou-2016)" },
  rules: { run: (args, io) => (args[0] === "diff" ? runRulesDiff(args.slice(1), io) : runRules(args, io)), help: `${RULES_HELP}\n\n${RULES_DIFF_HELP}`, summary: "print the resolved rule set (every value dated, cited, with its status)" },
  template: { run: runTemplate, help: TEMPLATE_HELP, summary: "write a blank CSV/XLSX sheet to fill in for a case kind or the ledger (headers in English and 中文)" },
  schema: { run: runSchema, help: SCHEMA_HELP, summary: "print the JSON Schema of a case kind, a ledger row or a rule set" },
};

const HELP = () => `exitfund ${packageJson.version} — the money of an industry-exit programme, exact and explained

Usage: exitfund <command> [options]     exitfund <command> --help

Commands:
${Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`).join("\n")}

Exit status: 0 ok; 1 findings that need attention; 2 bad input or usage (every problem listed on stderr).
Data goes to stdout, messages to stderr.`;

/** Runs the CLI with `argv` (without node and the script) and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${HELP()}\n`);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${packageJson.version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(`exitfund: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")} (see exitfund --help)\n`);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof UsageError) return reportInputError(error, io, name);
    throw error;
  }
}

/** The process's streams as a `CliIo`. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() };
}
