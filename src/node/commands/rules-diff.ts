import { diffRuleSets, sameValue, type RuleSetDiff } from "../../parameters/diff.js";
import type { ParameterValueJson } from "../../parameters/types.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emit, emitJson } from "../output.js";
import { loadRulesOption } from "../rules-option.js";
import { own } from "../own.js";
import { fitText, makeTable, viewOf, type TableView } from "../table.js";
import { STATUS_LABELS, type Label } from "../../vocabulary.js";
import { rulesDiffWorkbookBytes } from "../xlsx/compareReport.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";
import { loadProgrammeOption } from "../programme-option.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

/** `exitfund rules diff --help`. */
/** `exitfund rules diff --help` in each language. */
export const RULES_DIFF_HELP: Said = {
  en: `Usage: exitfund rules diff <A> <B> [--programme <module>] [--format json|table|xlsx] [--out <file>]

Everything that differs between rule set A and rule set B (each a bundled id or a rule-set JSON file,
compared with "extends" applied): parameters added or removed, and for each dated value (matched by
its from date) the value, status, source and clause as in force; the parameter's own status,
source, clause and note;
sources; and rounding. Decimal strings compare by value ("360" = "360.00").

  --programme <file>  an ES module whose default export is a programme (exitfund/rules): both rule sets are
                      loaded for it (a district's rule set that values its extension's parameters)
  --format json       { a, b, identical, rounding?, sources: [...], parameters: [...] }; the default
                      when standard output is not a terminal
  --format table      one line per difference; the default on a terminal
  --format xlsx       a printable workbook (Chinese): 规则差异, one row per difference, values in words
  --out <file>        write to <file> instead of standard output

Exit status: 0 done (whether or not the rule sets differ: see "identical"), 2 bad input or usage.

Example:
  exitfund rules diff tongzhou-2016 rates+10.json --format table`,
  zh: HELP_ZH["rules-diff"],
};

/**
 * 规则集比较 · `exitfund rules diff <A> <B>` — the differences between two rule sets, as JSON or a table.
 * @remarks `args` are the arguments after `rules diff`.
 * @example await runRulesDiff(["tongzhou-2016", "mine.json"], io) // 0
 */
export async function runRulesDiff(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(
      args,
      { programme: "string", format: "string", out: "string" },
      RULES_DIFF_HELP,
      io,
    );
    if (values.help === true) return EXIT.ok;
    const [fileA, fileB, ...rest] = positionals;
    if (fileA === undefined || fileB === undefined || rest.length > 0)
      throw new UsageError("rules diff takes two rule sets: <A> <B> (bundled ids or rule-set files)", {
        code: "two-rule-sets",
        zh: "rules diff 需要两个规则集：<A> <B>（内置规则集编号或规则集文件）",
      });
    const out = values.out as string | undefined;
    const format = outputFormat(
      "rules diff",
      values.format as string | undefined,
      out,
      ["json", "table", "xlsx"] as const,
      io,
    );
    await checkOutput(io, out, format, [
      { role: "<A>", file: fileA },
      { role: "<B>", file: fileB },
      ...optionInputs(values),
    ]);
    const programme = await loadProgrammeOption(values.programme as string | undefined, io);
    const [a, b] = [await loadRulesOption(fileA, io, programme), await loadRulesOption(fileB, io, programme)];
    const diff = diffRuleSets(a, b);
    if (format === "json") await emitJson(io, diff, out);
    else if (format === "xlsx")
      await emit(io, await rulesDiffWorkbookBytes(diff, { programme, titles: { a: a.titles, b: b.titles } }), out);
    else await emit(io, rulesDiffTable(diff, viewOf(io), { a: a.titles, b: b.titles }), out);
    return EXIT.ok;
  } catch (error) {
    return reportInputError(error, io, "rules diff");
  }
}

/** The fields of a parameter, a value and a source, in Chinese. */
const FIELD_ZH: ReadonlyMap<string, string> = new Map([
  ["value", "值"],
  ["status", "状态"],
  ["source", "来源"],
  ["clause", "条款"],
  ["unit", "单位"],
  ["label", "名称"],
  ["title", "标题"],
  ["url", "网址"],
  ["issuedOn", "发布日期"],
  ["issuer", "发布机关"],
  ["note", "备注"],
]);

const ROUNDING_ZH: ReadonlyMap<string, string> = new Map([
  ["half-up", "四舍五入"],
  ["half-even", "四舍六入五成双"],
  ["down", "舍去"],
]);

function roundingText(rounding: { readonly mode: string; readonly scale: number }, zh: boolean): string {
  return zh
    ? `${ROUNDING_ZH.get(rounding.mode) ?? rounding.mode}到 ${rounding.scale} 位小数`
    : `${rounding.mode} to ${rounding.scale}`;
}

/** The kinds of change, in Chinese. */
const CHANGE_ZH: ReadonlyMap<string, string> = new Map([
  ["changed", "修改"],
  ["added", "新增"],
  ["removed", "删除"],
]);

/** One row per difference: what, from date, field, A, B. */
export function rulesDiffTable(
  diff: RuleSetDiff,
  view: TableView = { lang: "en" },
  titles?: { readonly a: Label; readonly b: Label },
): string {
  const zh = view.lang === "zh";
  const named = (side: "a" | "b") =>
    titles === undefined ? "" : zh ? `${titles[side].zh}，` : ` (${titles[side].en})`;
  const heading = zh
    ? `A = ${named("a")}${diff.a.id} 第 ${diff.a.version} 版；B = ${named("b")}${diff.b.id} 第 ${diff.b.version} 版`
    : `A = ${diff.a.id} v${diff.a.version}${named("a")}; B = ${diff.b.id} v${diff.b.version}${named("b")}`;
  if (diff.identical)
    return `${fitText(heading, view.width)}\n${zh ? "两套规则完全相同。" : "The rule sets are identical."}\n`;
  const change = (name: string) => (zh ? (CHANGE_ZH.get(name) ?? name) : name);
  const all = zh ? "（全部）" : "(all)";
  const source = (id: string) => (zh ? `出处 ${id}` : `source ${id}`);
  // zh: a field by its Chinese name (value.brick-concrete → 值.brick-concrete: the key is the table's own), a status in words.
  const fieldName = (name: string) => {
    if (!zh) return name;
    const [head = "", ...rest] = name.split(".");
    return [FIELD_ZH.get(head) ?? head, ...rest].join(".");
  };
  const cell = (name: string, value: string) =>
    zh && name === "status" && Object.hasOwn(STATUS_LABELS, value)
      ? STATUS_LABELS[value as keyof typeof STATUS_LABELS].zh
      : value;
  const table = makeTable(
    {
      head: zh
        ? ["参数／出处", "生效日期", "变化", "字段", "A", "B"]
        : ["parameter / source", "from", "change", "field", "A", "B"],
    },
    // Off a terminal the table keeps the width it always had, so a long value wraps instead of running on.
    view.width ?? 160,
  );
  if (diff.rounding !== undefined)
    table.push([
      zh ? "取整" : "rounding",
      "",
      change("changed"),
      "",
      roundingText(diff.rounding.a, zh),
      roundingText(diff.rounding.b, zh),
    ]);
  for (const parameter of diff.parameters) {
    if (parameter.change !== "changed") table.push([parameter.name, "", change(parameter.change), "", "", ""]);
    for (const field of parameter.fields)
      table.push([
        parameter.name,
        all,
        change("changed"),
        fieldName(field.field),
        cell(field.field, short(field.a ?? "—")),
        cell(field.field, short(field.b ?? "—")),
      ]);
    for (const value of parameter.values) {
      for (const field of value.fields) {
        const rows =
          field === "value"
            ? valueRows(value.a?.value, value.b?.value)
            : [[field, text(value.a?.[field]), text(value.b?.[field])]];
        for (const [label, a, b] of rows)
          table.push([
            parameter.name,
            value.from,
            change(value.change),
            fieldName(label ?? field),
            cell(field, a ?? "—"),
            cell(field, b ?? "—"),
          ]);
      }
    }
  }
  for (const entry of diff.sources) {
    if (entry.change !== "changed")
      table.push([source(entry.id), "", change(entry.change), "", entry.a?.title ?? "", entry.b?.title ?? ""]);
    for (const field of entry.fields)
      table.push([
        source(entry.id),
        "",
        change("changed"),
        fieldName(field),
        String(entry.a?.[field as keyof typeof entry.a] ?? "—"),
        String(entry.b?.[field as keyof typeof entry.b] ?? "—"),
      ]);
  }
  return `${fitText(heading, view.width)}\n${table.toString()}\n`;
}

/** A table value differs key by key: one row per key whose cell differs (a rate shown as "60 per m2"); any other value in one row. */
function valueRows(a: ParameterValueJson | undefined, b: ParameterValueJson | undefined): string[][] {
  if (!isTable(a) && !isTable(b)) return [["value", text(a), text(b)]];
  const cellsA = isTable(a) ? a : {};
  const cellsB = isTable(b) ? b : {};
  const keys = [...new Set([...Object.keys(cellsA), ...Object.keys(cellsB)])];
  return keys
    .filter(
      (key) =>
        own(cellsA, key) === undefined ||
        own(cellsB, key) === undefined ||
        !sameValue(own(cellsA, key) as ParameterValueJson, own(cellsB, key) as ParameterValueJson),
    )
    .map((key) => [`value.${key}`, cellText(own(cellsA, key)), cellText(own(cellsB, key))]);
}

type Table = { readonly [key: string]: string | boolean | { readonly unit: string; readonly rate: string } };

function isTable(value: ParameterValueJson | undefined): value is Table {
  return typeof value === "object" && value !== null && !("brackets" in value);
}

function cellText(cell: Table[string] | undefined): string {
  if (cell === undefined) return "—";
  return typeof cell === "object" ? `${cell.rate} per ${cell.unit}` : String(cell);
}

function text(value: ParameterValueJson | undefined): string {
  if (value === undefined) return "—";
  return short(typeof value === "string" ? value : JSON.stringify(value));
}

/** Long notes and tables cut to a few lines of the table (the JSON has them whole). */
function short(value: string): string {
  const characters = [...value];
  return characters.length > 100 ? `${characters.slice(0, 99).join("")}…` : value;
}
