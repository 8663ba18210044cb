import { BUDGET_DIMENSIONS, budgetOfCases, type BudgetDimension, type BudgetDocument } from "../../batch/budget.js";
import { PAYER_LABELS } from "../../audit/labels.js";
import { formatAmount, formatWan } from "../../money/format.js";
import type { Payer } from "../../trace/types.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emit, emitJson } from "../output.js";
import { readCases } from "../read.js";
import { loadMapOption } from "../map-option.js";
import { limitsOf } from "../limits.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { makeTable } from "../table.js";
import { budgetWorkbookBytes } from "../xlsx/budgetReport.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";

const FORMATS = ["json", "table", "xlsx"] as const;

/** `exitfund budget --help`. */
export const BUDGET_HELP = `Usage: exitfund budget <cases> [--by township,payer,track,year] [--cap <money> --payer municipal|district] [--rules <file|id>] [--programme <module>] [--format json|table|xlsx] [--out <file>]

The budget roll-up of the amounts owed (《实施方案》四(十四): the district finance bureau funds and
accounts for the district exit fund), and with a cap a fen-exact pro-rata allocation.

  <cases>             the cases: .json (an array, or { "cases": [...] }), .ndjson, .csv or .xlsx (every
                      data sheet; docs/files.md), or - for JSON on standard input
  --by <dimensions>   group by any of township, payer, track, year, comma-separated (default township).
                      payer splits each case into its municipal and district parts (zero parts
                      omitted); track is an enterprise's track, or the kind for the other cases; year
                      is that of exitCompletedOn, declaredOn, clearedOn, or a transfer's fiscalYear
  --cap <money>       the money available to --payer: min(cap, owed) is split pro rata among the
  --payer <payer>     cases that payer owes (largest remainder, ties to the earlier case; the cases
                      that got an extra fen are listed under remainder)
  --rules <id|file>   a bundled rule set or a rule-set JSON file (default tongzhou-2016)
  --programme <file>  an ES module whose default export is a programme (exitfund/rules): a district's
                      extensions (docs/extending.md); --rules then names a rule set that values them
  --format json       { ruleSet, groups: [{ key, amount }], total, allocation? }; the default when
                      standard output is not a terminal
  --format table      the groups in 元 and 万元 with the total, and the allocation; the default on a terminal
  --format xlsx       a workbook (--out, or stdout to a file): the groups, and the allocation by case
  --out <file>        write to <file> instead of standard output

Exit status: 0 done, 2 bad input or usage (every problem listed).

Example:
  exitfund budget examples/tongzhou-2016/cases.json --by township,payer --cap 5000000 --payer district`;

/**
 * 预算 · `exitfund budget` — the budget roll-up of cases, and with `--cap` the allocation, as JSON, a table or a workbook.
 * @example await runBudget(["cases.json", "--by", "township,payer"], io) // 0
 */
export async function runBudget(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(
      args,
      {
        by: "string",
        cap: "string",
        payer: "string",
        rules: "string",
        programme: "string",
        format: "string",
        out: "string",
      },
      BUDGET_HELP,
      io,
    );
    if (values.help === true) return EXIT.ok;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError("budget takes one <cases> file (or - for standard input)");
    const by = parseBy(values.by as string | undefined);
    const cap = values.cap as string | undefined;
    const payer = values.payer as string | undefined;
    if ((cap === undefined) !== (payer === undefined))
      throw new UsageError("--cap and --payer go together: --cap <money> --payer municipal|district");
    if (payer !== undefined && payer !== "municipal" && payer !== "district")
      throw new UsageError(`--payer must be municipal or district; got "${payer}"`);
    const out = values.out as string | undefined;
    const format = outputFormat("budget", values.format as string | undefined, out, FORMATS, io);
    await checkOutput(io, out, format, [{ role: "<cases>", file }, ...optionInputs(values)]);
    const { programme, ruleSet } = await loadProgrammeAndRules(values, io);
    const mapping = await loadMapOption(values, io, { programme, ruleSet });
    const cases = await readCases(file, io, { ruleSet, programme, ...(mapping === undefined ? {} : { mapping }) });
    const document = budgetOfCases(cases, {
      programme,
      by,
      ruleSet,
      ...(cap === undefined || payer === undefined ? {} : { cap, payer: payer as Payer }),
    });
    if (format === "json") await emitJson(io, document, out);
    else
      await emit(
        io,
        format === "table"
          ? budgetTable(document, by)
          : await budgetWorkbookBytes(document, by, ruleSet.rounding, { maxCells: limitsOf(io).xlsxCellsWritten }),
        out,
      );
    return EXIT.ok;
  } catch (error) {
    return reportInputError(error, io, "budget");
  }
}

function parseBy(text: string | undefined): BudgetDimension[] {
  if (text === undefined) return ["township"];
  const dimensions = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (dimensions.length === 0)
    throw new UsageError(`--by needs one or more of ${BUDGET_DIMENSIONS.join(", ")}, comma-separated`);
  for (const dimension of dimensions) {
    if (!(BUDGET_DIMENSIONS as readonly string[]).includes(dimension))
      throw new UsageError(`--by: unknown dimension "${dimension}"; use ${BUDGET_DIMENSIONS.join(", ")}`);
    if (dimensions.indexOf(dimension) !== dimensions.lastIndexOf(dimension))
      throw new UsageError(`--by: "${dimension}" is given twice`);
  }
  return dimensions as BudgetDimension[];
}

/** The groups (元 and 万元) with their total, and the allocation when there is one. */
export function budgetTable(document: BudgetDocument, by: readonly BudgetDimension[]): string {
  const groups = makeTable({
    head: [...by, "amount 元", "万元"],
    colAligns: [...by.map(() => "left" as const), "right", "right"],
  });
  for (const group of document.groups) {
    groups.push([
      ...by.map((dimension) =>
        dimension === "payer" && group.key.payer !== undefined
          ? `${group.key.payer} ${PAYER_LABELS[group.key.payer]}`
          : String(group.key[dimension] ?? ""),
      ),
      formatAmount(group.amount),
      formatWan(group.amount, { decimals: 4 }),
    ]);
  }
  groups.push([
    ...by.map((_, index) => (index === 0 ? "合计 total" : "")),
    formatAmount(document.total),
    formatWan(document.total, { decimals: 4 }),
  ]);
  const lines = [
    `rule set ${document.ruleSet.id} v${document.ruleSet.version}; by ${by.join(", ")}; amounts in yuan; 万元 rounded to 4 decimals (to the yuan)`,
    groups.toString(),
  ];
  const allocation = document.allocation;
  if (allocation !== undefined) {
    const extra = new Set(allocation.remainder);
    const unit = oneUnit(allocation.cap);
    const shares = makeTable({
      head: ["case", "owed", "allocated", "extra fen"],
      colAligns: ["left", "right", "right", "left"],
    });
    for (const share of allocation.shares)
      shares.push([
        share.caseId,
        formatAmount(share.owed),
        formatAmount(share.allocated),
        extra.has(share.caseId) ? unit : "",
      ]);
    shares.push([
      "合计 total",
      formatAmount(allocation.owed),
      formatAmount(allocation.allocated),
      String(allocation.remainder.length),
    ]);
    lines.push(
      `allocation: ${allocation.payer} cap ${formatAmount(allocation.cap)} for ${formatAmount(allocation.owed)} owed → ${formatAmount(allocation.allocated)} allocated pro rata (largest remainder; extra fen to ${allocation.remainder.length === 0 ? "no case" : allocation.remainder.join(", ")})`,
      shares.toString(),
    );
  }
  return [...lines, ""].join("\n");
}

/** One unit of an amount's last decimal place: "+0.01" for "30000000.00", "+1" for "300". */
function oneUnit(amount: string): string {
  const scale = (amount.split(".")[1] ?? "").length;
  return scale === 0 ? "+1" : `+0.${"0".repeat(scale - 1)}1`;
}
