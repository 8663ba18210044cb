import { fitText, makeTable, viewOf, type TableView } from "../table.js";
import { STATUS_LABELS } from "../../vocabulary.js";
import { echoText } from "../../errors/echo.js";
import type { RuleSet } from "../../parameters/types.js";
import type { RoundingMode } from "../../money/decimal.js";
import { ruleSetMarkdown } from "../../rule-sets/doc.js";
import type { Programme } from "../../rules/programme.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { emit, emitJson } from "../output.js";
import { loadProgrammeOption } from "../programme-option.js";
import { loadRulesOption } from "../rules-option.js";
import { ruleSetXlsxBytes } from "../formats/ruleSetWorkbook.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";
import type { Json } from "../../trace/types.js";
import { chineseOnly, englishOnly, valueWords } from "../xlsx/words.js";

/** `exitfund rules --help` in each language. */
export const RULES_HELP: Said = {
  en: `exitfund rules [--rules <file|id>] [--programme <module>] [--format json|table|md] [--out <file>]

Prints the resolved rule set (default tongzhou-2016): with --format json exactly in the rule-set
format (every parameter with status, source and dated values; extends already applied); with
--format table one line per parameter with its latest value, date and status; with --format md the
rule-set catalogue (every illustrative value listed first, per domain its parameters and its rules with
the clause each cites, the sources). With --programme, the rule set is checked against the programme's
parameters and rules (docs/extending.md).
Illustrative values are placeholders, never official figures.
  exitfund rules --format json > tongzhou-2016.json
  exitfund rules --rules my-district.json`,
  zh: HELP_ZH.rules,
};

/** `exitfund rules template --help` in each language. */
export const RULES_TEMPLATE_HELP: Said = {
  en: `exitfund rules template [--rules <file|id>] [--programme <module>] [--format xlsx|json] --out <file>

Writes the rule set (default tongzhou-2016; with --rules, that one resolved) as a parameter workbook a
finance clerk fills in (docs/concepts.md, "Parameters from Excel"): a 规则集 sheet (id, version, title,
valid from, rounding), a 参数 sheet with one row per value (参数名, 中文名称, 表格键, 取值, 单位, 起始日期,
状态, 出处, 条款, 附注, 同义词; dropdowns for 状态 and 出处), a 来源 sheet of sources, a 条款 sheet of the
clause each rule cites, and a 说明 sheet in Chinese. Give the filled workbook wherever --rules takes a file
(--rules 参数.xlsx): every problem is named by sheet, row and column. Change its id first: a bundled id is
refused for a rule set read from a file. --format json writes the same rule set as JSON.
  exitfund rules template --format xlsx --out 参数.xlsx
  exitfund compare cases.xlsx --rules tongzhou-2016 --against 参数.xlsx`,
  zh: HELP_ZH["rules-template"],
};

/** `exitfund rules template`: the rule set as a workbook to fill in. */
async function runRulesTemplate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { rules: "string", programme: "string", format: "string", out: "string" },
    RULES_TEMPLATE_HELP,
    io,
  );
  if (values.help === true) return EXIT.ok;
  if (positionals.length > 0) {
    const first = echoText(positionals[0] ?? "");
    throw new UsageError(`rules template takes no argument, got "${first}"`, {
      code: "unexpected-argument",
      zh: `rules template 不接受参数，收到 "${first}"`,
    });
  }
  const out = values.out as string | undefined;
  const format = outputFormat(
    "rules template",
    (values.format as string | undefined) ?? "xlsx",
    out,
    ["xlsx", "json"] as const,
    io,
  );
  await checkOutput(io, out, format, optionInputs(values));
  const programme = await loadProgrammeOption(values.programme as string | undefined, io);
  const ruleSet = await loadRulesOption(values.rules as string | undefined, io, programme);
  if (format === "json") await emitJson(io, ruleSet.toJSON(), out);
  else await emit(io, await ruleSetXlsxBytes(ruleSet, programme), out);
  return EXIT.ok;
}

export async function runRules(args: readonly string[], io: CliIo): Promise<number> {
  if (args[0] === "template") return runRulesTemplate(args.slice(1), io);
  const { values, positionals } = parseCommand(
    args,
    { rules: "string", programme: "string", format: "string", out: "string" },
    RULES_HELP,
    io,
  );
  if (values.help === true) return EXIT.ok;
  if (positionals.length > 0) {
    const first = echoText(positionals[0] ?? "");
    throw new UsageError(`rules takes no argument, got "${first}" (did you mean --rules ${first}?)`, {
      code: "unexpected-argument",
      zh: `rules 不接受参数，收到 "${first}"（是否想用 --rules ${first}？）`,
    });
  }
  const out = values.out as string | undefined;
  const format = outputFormat("rules", values.format as string | undefined, out, ["json", "table", "md"] as const, io);
  await checkOutput(io, out, format, optionInputs(values));
  const programme = await loadProgrammeOption(values.programme as string | undefined, io);
  const ruleSet = await loadRulesOption(values.rules as string | undefined, io, programme);
  if (format === "json") await emitJson(io, ruleSet.toJSON(), out);
  else
    await emit(
      io,
      format === "table" ? rulesTable(ruleSet, programme, viewOf(io)) : ruleSetMarkdown(ruleSet, { programme }),
      out,
    );
  return EXIT.ok;
}

const ROUNDING_ZH: { readonly [mode in RoundingMode]: string } = {
  "half-up": "四舍五入",
  "half-even": "四舍六入五成双",
  down: "舍去",
};

function rulesTable(ruleSet: RuleSet, programme: Programme, view: TableView = { lang: "en" }): string {
  const zh = view.lang === "zh";
  const labels = new Map(programme.parameters.map((handle) => [handle.name, handle.label]));
  // Off a terminal the table keeps the width it always had, so a long value wraps instead of running on.
  const width = view.width ?? 150;
  const table = makeTable(
    {
      head: zh
        ? ["参数", "名称", "值（最新）", "生效日期", "状态", "来源"]
        : ["parameter", "label", "value (latest)", "from", "status", "source"],
    },
    width,
  );
  for (const [name, parameter] of Object.entries(ruleSet.toJSON().parameters)) {
    const latest = parameter.values.at(-1);
    const status = latest?.status ?? parameter.status;
    table.push([
      name,
      zh ? chineseOnly(labels.get(name) ?? "") : englishOnly(labels.get(name) ?? ""),
      // In Chinese a value in words (`钢混框架 80 元/㎡；…`, `超额累进：0 以上 1；…`); in English the JSON itself.
      zh ? valueWords(programme, (latest?.value ?? null) as Json) : JSON.stringify(latest?.value ?? null),
      latest?.from ?? "",
      zh ? STATUS_LABELS[status].zh : status === "illustrative" ? "ILLUSTRATIVE" : status,
      latest?.source ?? parameter.source,
    ]);
  }
  const illustrative = Object.entries(ruleSet.toJSON().parameters).filter(
    ([, p]) => (p.values.at(-1)?.status ?? p.status) === "illustrative",
  ).length;
  const heading = zh
    ? `${ruleSet.titles.zh}\n${ruleSet.id} 第 ${ruleSet.version} 版，自 ${ruleSet.validFrom} 起适用；取整：${ROUNDING_ZH[ruleSet.rounding.mode]}到 ${ruleSet.rounding.scale} 位小数\n${illustrative} 个参数为示例值（占位），并非官方数字。`
    : `${ruleSet.titles.en}\n${ruleSet.id} v${ruleSet.version}, valid from ${ruleSet.validFrom}; rounding ${ruleSet.rounding.mode} to ${ruleSet.rounding.scale} decimals\n${illustrative} parameter(s) are ILLUSTRATIVE placeholders, not official figures.`;
  return `${fitText(heading, width)}\n${table.toString()}\n`;
}
