import { echoText } from "../../errors/echo.js";
import { LAYOUTS } from "../formats/columns.js";
import { templateCsv, templateXlsxBytes, type TemplateKind } from "../formats/template.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { emit } from "../output.js";
import { defaultRuleSet } from "../../rule-sets/index.js";
import { loadProgrammeAndRules, loadProgrammeOption } from "../programme-option.js";
import { checkOutput, formatOfExtension, optionInputs, outputFormat, parseCommand } from "./args.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

const KINDS = Object.keys(LAYOUTS) as TemplateKind[];

/** `exitfund template --help` in each language. */
export const TEMPLATE_HELP: Said = {
  en: `exitfund template <kind> [--format csv|xlsx] [--out <file>] [--rules <file|id>] [--programme <module>]

Writes a blank sheet to fill in for <kind> (${KINDS.join(", ")}): the headers in English
and Chinese ("energySavedTce / 节能量（吨标煤）") and one example (a valid case; a kind with a list — items,
leases, exited enterprises — takes one row per entry, the case's own columns repeated), flagged 示例 in column A
and by its id (示例-E-2016-0001): delete the example rows before filling in, or the file is refused.
\`exitfund compute\` reads the filled sheet back (docs/files.md lists every column, its unit and what it accepts).
--format  csv (default): UTF-8 with a BOM, so Excel shows the Chinese headers
          xlsx: dropdowns on every enumerated column, text format on ids, money and quantities (Excel keeps
          the exact decimals), a date format on dates, a frozen header row, and a 说明 sheet describing
          each column; needs --out (or stdout redirected to a file). Without --format, --out's extension chooses.
--rules   the rule set whose structure types the clearance dropdown lists (default tongzhou-2016)
--programme  a programme module (docs/extending.md): the template has the columns its extensions add
  exitfund template enterprise-exit --format xlsx --out enterprises.xlsx
  exitfund template structure-clearance > clearance.csv`,
  zh: HELP_ZH.template,
};

/** `exitfund template <kind>`: the CSV or XLSX template of a case kind or of the ledger. */
export async function runTemplate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { format: "string", out: "string", rules: "string", programme: "string" },
    TEMPLATE_HELP,
    io,
  );
  if (values.help === true) return EXIT.ok;
  // The rule set only lists the structure types of the clearance dropdown: without --rules, the bundled one
  // serves any programme (a template needs no parameter value).
  const { programme, ruleSet } =
    values.rules === undefined
      ? { programme: await loadProgrammeOption(values.programme as string | undefined, io), ruleSet: defaultRuleSet }
      : await loadProgrammeAndRules(values, io);
  const kinds = [...programme.kinds, "ledger"];
  const kind = positionals[0];
  if (kind === undefined || positionals.length > 1)
    throw new UsageError(`template takes one <kind>: ${kinds.join(", ")}`, {
      code: "template-kind",
      zh: `template 需要一个 <kind>：${kinds.join("、")}`,
    });
  if (!kinds.includes(kind))
    throw new UsageError(`no template for "${echoText(kind)}"; kinds: ${kinds.join(", ")}`, {
      code: "unknown-template",
      zh: `没有 "${echoText(kind)}" 的模板；可用：${kinds.join("、")}`,
    });
  const out = values.out as string | undefined;
  const given = (values.format as string | undefined) ?? (formatOfExtension(out) === "xlsx" ? "xlsx" : "csv");
  const format = outputFormat("template", given, out, ["csv", "xlsx"] as const, io);
  await checkOutput(io, out, format, optionInputs(values));
  const content = format === "csv" ? templateCsv(kind, programme) : await templateXlsxBytes(kind, ruleSet, programme);
  await emit(io, content, out);
  return EXIT.ok;
}
