import { auditOutcomes, parseAuditInput } from "../../audit/audit.js";
import { DISCREPANCY_LABELS, PAYER_LABELS, STATUS_LABELS } from "../../audit/labels.js";
import type { AuditDocument, AuditInput, AuditOptions } from "../../audit/types.js";
import { echoText } from "../../errors/echo.js";
import { InvalidInputError, isInvalidInputError, type InputIssue } from "../../errors/index.js";
import type { RuleSet } from "../../parameters/types.js";
import { computeBatch } from "../../batch/compute.js";
import type { Programme } from "../../rules/programme.js";
import type { OutcomeBase } from "../../trace/types.js";
import { formatAmount } from "../../money/format.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emit, emitJson } from "../output.js";
import { readCases, readLedgerSource } from "../read.js";
import { loadLedgerMapOption, loadMapOption } from "../map-option.js";
import type { TableMapping } from "../formats/table.js";
import { limitsOf } from "../limits.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { makeTable } from "../table.js";
import { auditWorkbookBytes, ledgerRowsText } from "../xlsx/auditReport.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";

const FORMATS = ["json", "table", "xlsx"] as const;

/** `exitfund audit --help`. */
export const AUDIT_HELP = `Usage: exitfund audit <cases> --ledger <file> [--ledger-map <file>] [--map <file>] [--tolerance <money>] [--rules <file|id>] [--programme <module>] [--format json|table|xlsx] [--out <file>]

Audits the payment ledger (拨付台账) against the cases: every case is recomputed with the rule set
and compared, payer by payer, with the rows paid for it (《实施方案》四(十七): the audit bureau
supervises how the exit funds are used).

  <cases>             the cases: .json (an array, or { "cases": [...] }), .ndjson, .csv, .xlsx, or -
                      for standard input (any of these, told from what it holds)
  --ledger <file>     the payment ledger: rows { caseId, payer (municipal|district), amount, paidOn,
                      voucher? } as .json (an array, or { "ledger": [...] }), .csv or .xlsx (or -); a
                      finance system's export is read as it is: 项目编号, 资金来源 (市级资金, 区级资金),
                      借方金额 (less 贷方金额), 日期 (2016/7/1, 2016年7月1日), 凭证字号; a title row, a
                      合计 row and amounts such as "411,840.07" are read (docs/files.md)
  --ledger-map <file> a mapping (.json or .xlsx) of the export's own headers and names of values onto
                      the ledger's, when they are not the common ones: { "columns": { "项目代号":
                      "caseId", … }, "values": { "payer": { "上级资金": "municipal" } } }
  --map <file>        the same for the sheets of <cases>
  --tolerance <money> an amount difference at most this large is not a discrepancy (default 0);
                      paid-not-owed, duplicate-payment, wrong-payer and unknown-case are always reported
  --rules <id|file>   a bundled rule set or a rule-set JSON file (default tongzhou-2016)
  --programme <file>  an ES module whose default export is a programme (exitfund/rules): a district's
                      extensions (docs/extending.md); --rules then names a rule set that values them
  --format json       { ruleSet, tolerance, discrepancies, totals, counts, reconciliation }; the default
                      when standard output is not a terminal
  --format table      the discrepancies and the totals; the default on a terminal
  --format xlsx       a workbook (--out, or stdout to a file): discrepancies, reconciliation of every case, and the
                      computation trace of each discrepant case
  --out <file>        write to <file> instead of standard output

Discrepancy types: underpaid, overpaid, unpaid, paid-not-owed, duplicate-payment, wrong-payer,
unknown-case; difference = paid − owed. Of several rows for one case and payer, the earliest is the
payment and each later one a duplicate-payment (owed 0), so Σ difference = Σ paid − Σ owed.
Exit status: 0 the ledger matches, 1 discrepancies found, 2 bad input or usage (every problem listed).

Example:
  exitfund audit examples/tongzhou-2016/cases.json --ledger examples/tongzhou-2016/ledger.json --format table`;

/**
 * 审计 · `exitfund audit` — the audit of a payment ledger against the cases, as JSON, a table or a workbook.
 *
 * @remarks Exit 0 when the ledger matches, 1 when any discrepancy is reported, 2 for bad input or usage.
 * @example await runAudit(["cases.json", "--ledger", "ledger.json"], io) // 1
 */
export async function runAudit(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(
      args,
      {
        ledger: "string",
        tolerance: "string",
        rules: "string",
        programme: "string",
        format: "string",
        out: "string",
        map: "string",
        "ledger-map": "string",
      },
      AUDIT_HELP,
      io,
    );
    if (values.help === true) return EXIT.ok;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError("audit takes one <cases> file (or - for standard input)");
    const ledgerFile = values.ledger as string | undefined;
    if (ledgerFile === undefined) throw new UsageError("audit needs --ledger <file>: the payment ledger to audit");
    const out = values.out as string | undefined;
    const format = outputFormat("audit", values.format as string | undefined, out, FORMATS, io);
    await checkOutput(io, out, format, [{ role: "<cases>", file }, ...optionInputs(values)]);
    const { programme, ruleSet } = await loadProgrammeAndRules(values, io);
    const tolerance = values.tolerance as string | undefined;
    const decimals = tolerance === undefined ? 0 : (/\.(\d+)$/.exec(tolerance)?.[1]?.length ?? 0);
    if (tolerance !== undefined && decimals > ruleSet.rounding.scale)
      throw new UsageError(
        `--tolerance ${echoText(tolerance)} has ${decimals} decimals, but amounts are rounded to ${ruleSet.rounding.scale}: give at most ${ruleSet.rounding.scale} (a finer tolerance would be reported as another than the one applied)`,
        {
          code: "tolerance-decimals",
          zh: `--tolerance ${echoText(tolerance)} 有 ${decimals} 位小数，而金额保留 ${ruleSet.rounding.scale} 位：请最多给 ${ruleSet.rounding.scale} 位小数`,
        },
      );
    if (file === "-" && ledgerFile === "-")
      throw new UsageError("audit reads standard input once: give <cases> or --ledger as a file", {
        code: "stdin-twice",
        zh: "标准输入只能读取一次：请以文件给出 <cases> 或 --ledger",
      });
    const maps = {
      cases: await loadMapOption(values, io, { programme, ruleSet }),
      ledger: await loadLedgerMapOption(values, io),
    };
    const input = await readAuditInput(
      file,
      ledgerFile,
      { ruleSet, programme, ...(tolerance === undefined ? {} : { tolerance }) },
      io,
      maps,
    );
    const document = auditOutcomes(input);
    if (format === "json") await emitJson(io, document, out);
    else
      await emit(
        io,
        format === "table"
          ? auditTable(document)
          : await auditWorkbookBytes(document, tracedOutcomes(document, input), input.ruleSet.rounding, {
              maxCells: limitsOf(io).xlsxCellsWritten,
              programme,
            }),
        out,
      );
    return document.discrepancies.length > 0 ? EXIT.findings : EXIT.ok;
  } catch (error) {
    return reportInputError(error, io, "audit");
  }
}

/**
 * Reads the cases and the ledger and validates them together, so that the problems of both files
 * (and of the tolerance) are listed at once.
 */
async function readAuditInput(
  file: string,
  ledgerFile: string,
  options: AuditOptions & { readonly ruleSet: RuleSet },
  io: CliIo,
  maps: { readonly cases?: TableMapping | undefined; readonly ledger?: TableMapping | undefined },
): Promise<AuditInput & { readonly cases: readonly unknown[]; readonly programme?: Programme }> {
  const [cases, ledger] = await Promise.allSettled([
    readCases(file, io, {
      ruleSet: options.ruleSet,
      ...(options.programme === undefined ? {} : { programme: options.programme }),
      ...(maps.cases === undefined ? {} : { mapping: maps.cases }),
    }),
    readLedgerSource(ledgerFile, io, maps.ledger === undefined ? {} : { mapping: maps.ledger }),
  ]);
  if (cases.status === "fulfilled" && ledger.status === "fulfilled")
    return {
      ...parseAuditInput(cases.value, ledger.value.rows, options),
      ledgerPlaces: ledger.value.places,
      cases: cases.value,
      ...(options.programme === undefined ? {} : { programme: options.programme }),
    };
  for (const result of [cases, ledger])
    if (result.status === "rejected" && !isInvalidInputError(result.reason)) throw result.reason;
  const issues: InputIssue[] = [];
  if (cases.status === "rejected") issues.push(...(cases.reason as InvalidInputError).issues);
  else issues.push(...problemsOf(() => parseAuditInput(cases.value, [], options)));
  if (ledger.status === "rejected") issues.push(...(ledger.reason as InvalidInputError).issues);
  throw new InvalidInputError(issues);
}

/**
 * The discrepant cases computed again with their traces (the audit computes without them, traces being lazy), in
 * the order of the outcomes, for the workbook's 计算过程 sheet.
 */
function tracedOutcomes(
  document: AuditDocument,
  input: AuditInput & { readonly cases: readonly unknown[]; readonly programme?: Programme },
): readonly OutcomeBase[] {
  const discrepant = new Set(document.discrepancies.map((discrepancy) => discrepancy.caseId));
  const wanted = input.cases.filter((_, index) => discrepant.has(input.outcomes[index]?.id ?? ""));
  return computeBatch(wanted, {
    ruleSet: input.ruleSet,
    ...(input.programme === undefined ? {} : { programme: input.programme }),
  }).results;
}

function problemsOf(run: () => unknown): readonly InputIssue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (isInvalidInputError(error)) return error.issues;
    throw error;
  }
}

/** The discrepancies, totals and counts as text tables. */
export function auditTable(document: AuditDocument): string {
  const discrepancies = makeTable({
    head: ["case", "type", "payer", "owed", "paid", "difference", "vouchers", "rows"],
    colAligns: ["left", "left", "left", "right", "right", "right", "left", "left"],
  });
  for (const d of document.discrepancies) {
    discrepancies.push([
      d.caseId,
      `${d.type} ${DISCREPANCY_LABELS[d.type].zh}`,
      `${d.payer} ${PAYER_LABELS[d.payer]}`,
      formatAmount(d.owed),
      formatAmount(d.paid),
      formatAmount(d.difference),
      (d.vouchers ?? []).join(", "),
      ledgerRowsText(d),
    ]);
  }
  const totals = makeTable({
    head: ["", "owed 应付", "paid 已付", "difference 差额"],
    colAligns: ["left", "right", "right", "right"],
  });
  totals.push([
    "合计 total",
    formatAmount(document.totals.owed),
    formatAmount(document.totals.paid),
    formatAmount(document.totals.difference),
  ]);
  const statuses = (["clean", "within-tolerance", "discrepant"] as const).map(
    (status) =>
      `${STATUS_LABELS[status].en} ${document.reconciliation.filter((entry) => entry.status === status).length}`,
  );
  const counts = Object.entries(document.counts)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${type} ${count}`);
  return [
    `rule set ${document.ruleSet.id} v${document.ruleSet.version}; tolerance ${document.tolerance}; amounts in yuan; difference = paid − owed`,
    document.discrepancies.length === 0 ? "No discrepancy: the ledger matches every case." : discrepancies.toString(),
    totals.toString(),
    `cases: ${document.reconciliation.length} (${statuses.join(", ")})${counts.length === 0 ? "" : `; discrepancies: ${counts.join(", ")}`}`,
    "",
  ].join("\n");
}
