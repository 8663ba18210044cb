import { makeTable } from "../table.js";
import { computeBatch, type ComputeDocument } from "../../batch/compute.js";
import { formatAmount } from "../../money/format.js";
import { explain, type Lang } from "../../trace/explain.js";
import type { Outcome } from "../../trace/types.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { emit, jsonText } from "../output.js";
import { readCases } from "../read.js";
import { loadRulesOption } from "../rules-option.js";
import { parseCommand } from "./args.js";

export const COMPUTE_HELP = `exitfund compute <cases> [--rules <file|id>] [--format json|table] [--out <file>] [--explain] [--lang en|zh] [--skip-invalid]

Computes every case of <cases> (a .json file holding an array or { "cases": [...] }; - reads JSON from
standard input) with the rule set (default tongzhou-2016) and writes one JSON document:
{ ruleSet, results (in input order), totals { municipal, district, total, byTownship }, errors }.
--explain    include each outcome's trace (json), or print each outcome's account (table)
--lang       language of the --explain account in a table: en (default) or zh
--skip-invalid  compute the valid cases and list the invalid ones (exit 1 when any was skipped)
Exit status: 0 computed; 1 cases were skipped; 2 bad input (every problem listed, nothing computed).
  exitfund compute examples/enterprise.json --format table
  cat cases.json | exitfund compute - --explain > results.json`;

export async function runCompute(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { rules: "string", format: "string", out: "string", explain: "boolean", lang: "string", "skip-invalid": "boolean" }, COMPUTE_HELP, io);
  if (values.help === true) return EXIT.ok;
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError("compute takes one <cases> file (or - for standard input)");
  const format = (values.format as string | undefined) ?? (io.stdout.isTTY === true ? "table" : "json");
  if (format !== "json" && format !== "table") throw new UsageError(`--format must be json or table, got "${format}"`);
  const lang = (values.lang as string | undefined) ?? "en";
  if (lang !== "en" && lang !== "zh") throw new UsageError(`--lang must be en or zh, got "${lang}"`);
  const ruleSet = await loadRulesOption(values.rules as string | undefined, io);
  const cases = await readCases(file, io);
  const skipInvalid = values["skip-invalid"] === true;
  const document = computeBatch(cases, ruleSet, { skipInvalid });
  reportErrors(document, io, skipInvalid);
  if (document.errors.length > 0 && !skipInvalid) return EXIT.badInput;
  const explainWanted = values.explain === true;
  const out = values.out as string | undefined;
  if (format === "json") await emit(io, jsonText(explainWanted ? document : withoutTraces(document)), out);
  else await emit(io, computeTable(document, explainWanted ? lang : undefined), out);
  return document.errors.length > 0 ? EXIT.findings : EXIT.ok;
}

function reportErrors(document: ComputeDocument, io: CliIo, skipped: boolean): void {
  if (document.errors.length === 0) return;
  const cases = new Set(document.errors.map((error) => error.index)).size;
  io.stderr.write(`exitfund: ${document.errors.length} problem${document.errors.length === 1 ? "" : "s"} in ${cases} case${cases === 1 ? "" : "s"}${skipped ? " (skipped; the others were computed)" : ", nothing computed"}:\n`);
  for (const error of document.errors) io.stderr.write(`  ${error.path}${error.id === undefined ? "" : ` (${error.id})`}: ${error.message}\n`);
}

/** The compute document without traces (`trace` is included only with --explain). */
export function withoutTraces(document: ComputeDocument): unknown {
  return { ...document, results: document.results.map(({ trace: _trace, ...rest }) => rest) };
}

/** A readable table of results, totals by township, and with `lang` each outcome's account. */
export function computeTable(document: ComputeDocument, lang?: Lang): string {
  const results = makeTable({ head: ["id", "kind", "township", "track / eligible", "municipal", "district", "total", "basis", "findings"], colAligns: ["left", "left", "left", "left", "right", "right", "right", "left", "left"] });
  for (const outcome of document.results) results.push(row(outcome));
  const totals = makeTable({ head: ["township", "municipal", "district", "total"], colAligns: ["left", "right", "right", "right"] });
  for (const [township, amounts] of Object.entries(document.totals.byTownship)) totals.push([township, formatAmount(amounts.municipal), formatAmount(amounts.district), formatAmount(amounts.total)]);
  totals.push(["合计 total", formatAmount(document.totals.municipal), formatAmount(document.totals.district), formatAmount(document.totals.total)]);
  const accounts = lang === undefined ? [] : document.results.map((outcome) => `\n${explain(outcome, { lang })}`);
  const illustrative = document.results.some((outcome) => outcome.basis === "illustrative");
  return [
    `rule set ${document.ruleSet.id} v${document.ruleSet.version}; amounts in yuan`,
    results.toString(),
    totals.toString(),
    ...(illustrative ? ["Note: results marked illustrative use placeholder parameters, not official figures."] : []),
    ...accounts,
    "",
  ].join("\n");
}

function row(outcome: Outcome): string[] {
  return [
    outcome.id,
    outcome.kind,
    outcome.township,
    outcome.track ?? (outcome.eligible ? "eligible" : "not eligible"),
    formatAmount(outcome.amounts.municipal),
    formatAmount(outcome.amounts.district),
    formatAmount(outcome.amounts.total),
    outcome.basis + (outcome.estimate ? " (estimate)" : ""),
    outcome.findings.map((finding) => finding.code).join(", "),
  ];
}
