import { makeTable } from "../table.js";
import { PARAMETERS, type ParameterName } from "../../parameters/catalog.js";
import { ruleSetMarkdown } from "../../parameters/doc.js";
import type { RuleSet } from "../../parameters/types.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { emit, jsonText } from "../output.js";
import { loadRulesOption } from "../rules-option.js";
import { parseCommand } from "./args.js";

export const RULES_HELP = `exitfund rules [--rules <file|id>] [--format json|table|md] [--out <file>]

Prints the resolved rule set (default tongzhou-2016): with --format json exactly in the rule-set
format (every parameter with status, source and dated values; extends already applied); with
--format table one line per parameter with its latest value, date and status; with --format md the
rule-set catalogue (every illustrative value listed first, a table per domain, the sources).
Illustrative values are placeholders, never official figures.
  exitfund rules --format json > tongzhou-2016.json
  exitfund rules --rules my-district.json`;

export async function runRules(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { rules: "string", format: "string", out: "string" },
    RULES_HELP,
    io,
  );
  if (values.help === true) return EXIT.ok;
  if (positionals.length > 0)
    throw new UsageError(`rules takes no argument, got "${positionals[0]}" (did you mean --rules ${positionals[0]}?)`);
  const ruleSet = await loadRulesOption(values.rules as string | undefined, io);
  const format = (values.format as string | undefined) ?? (io.stdout.isTTY === true ? "table" : "json");
  if (format === "json") await emit(io, jsonText(ruleSet.json), values.out as string | undefined);
  else if (format === "table") await emit(io, rulesTable(ruleSet), values.out as string | undefined);
  else if (format === "md") await emit(io, ruleSetMarkdown(ruleSet), values.out as string | undefined);
  else throw new UsageError(`--format must be json, table or md, got "${format}"`);
  return EXIT.ok;
}

function rulesTable(ruleSet: RuleSet): string {
  const table = makeTable({
    head: ["parameter", "label", "value (latest)", "from", "status", "source"],
    wordWrap: true,
    colWidths: [34, 30, 44, 12, 14, 8],
  });
  for (const [name, parameter] of Object.entries(ruleSet.json.parameters)) {
    const latest = parameter.values.at(-1);
    const spec = PARAMETERS[name as ParameterName];
    const status = latest?.status ?? parameter.status;
    table.push([
      name,
      spec?.label ?? "",
      JSON.stringify(latest?.value ?? null),
      latest?.from ?? "",
      status === "illustrative" ? "ILLUSTRATIVE" : status,
      latest?.source ?? parameter.source,
    ]);
  }
  const illustrative = Object.entries(ruleSet.json.parameters).filter(
    ([, p]) => (p.values.at(-1)?.status ?? p.status) === "illustrative",
  ).length;
  return `${ruleSet.title}\n${ruleSet.id} v${ruleSet.version}, valid from ${ruleSet.validFrom}; rounding ${ruleSet.rounding.mode} to ${ruleSet.rounding.scale} decimals\n${illustrative} parameter(s) are ILLUSTRATIVE placeholders, not official figures.\n${table.toString()}\n`;
}
