import { CHOSEN_ORDER_NOTE, compare, type AmountsChange, type CompareDocument } from "../../batch/compare.js";
import { formatAmount } from "../../money/format.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emit, emitJson } from "../output.js";
import { readCases } from "../read.js";
import { loadMapOption } from "../map-option.js";
import { loadProgrammeOption } from "../programme-option.js";
import { loadRulesOption } from "../rules-option.js";
import { fitText, makeTable, viewOf, type TableView } from "../table.js";
import { kindName, trackName } from "../labels.js";
import type { Programme } from "../../rules/programme.js";
import { echoText } from "../../errors/echo.js";
import { scaleRuleSet, type ScaleChange } from "../../batch/whatif.js";
import { compareWorkbookBytes } from "../xlsx/compareReport.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

/** `exitfund compare --help`. */
/** `exitfund compare --help` in each language. */
export const COMPARE_HELP: Said = {
  en: `Usage: exitfund compare <cases> --rules <A> (--against <B> | --scale <param>=<factor>[,…]) [--order <param,…>] [--programme <module>] [--format json|table|xlsx] [--out <file>]

What-if: computes every case under rule set A and rule set B and shows the change (B − A) by case,
by township, by payer and by kind, and attributes the total change to each parameter that differs.

  <cases>             the cases: .json (an array, or { "cases": [...] }), .ndjson, .csv or .xlsx (every
                      data sheet; docs/files.md), or - for JSON on standard input
  --rules <A>         the rule set to start from: a bundled id or a rule-set JSON file
  --against <B>       the rule set to compare with (e.g. a file that "extends": "tongzhou-2016" and
                      raises one rate)
  --scale <changes>   a what-if without retyping a table: B is A (or --against B) with these parameters’
                      amounts multiplied, comma-separated: clearance.rates=+10%, reward.small.cap.whole=1.2,
                      village.perMu=-5% (a factor 1.1, 110%, +10% or -5%; a parameter, or one key of its table;
                      every dated value; scale brackets' rates and amounts, never thresholds). The scaled values
                      are marked illustrative and B gets its own id (<id>+scale)
  --order <params>    the attribution order: these differing parameters (or rounding) first, in this
                      order, comma-separated; the others after them, alphabetically (rounding last)
  --programme <file>  an ES module whose default export is a programme (exitfund/rules): both rule sets
                      are loaded for it (docs/extending.md)
  --map <file>        a mapping (.json or .xlsx) of a sheet's own headers and names of values onto the layout
                      (docs/files.md, "Mappings")
  --format json       { ruleSets, cases, totals { a, b, delta, byTownship, byKind }, attribution }; the
                      default when standard output is not a terminal
  --format table      the cases that change, the totals and the attribution; the default on a terminal
  --format xlsx       a printable workbook (Chinese): 对比汇总 (by payer, township and kind), 参数归因, 变化明细
  --out <file>        write to <file> instead of standard output

Attribution: starting from A, each differing parameter is taken from B one at a time, alphabetically
(rounding last) or as --order says; its part is the total after its step minus the total before. The parts add up to the
total change exactly; where parameters interact (caps, floors, track thresholds) the order matters,
and attribution.order says which was used.
Exit status: 0 done, 2 bad input or usage (every problem listed).

Example:
  exitfund compare examples/tongzhou-2016/cases.json --rules tongzhou-2016 --against rates+10.json --format table
  exitfund compare examples/tongzhou-2016/cases.json --rules tongzhou-2016 --scale clearance.rates=+10% --format xlsx --out what-if.xlsx`,
  zh: HELP_ZH.compare,
};

/**
 * 测算对比 · `exitfund compare` — a what-if between two rule sets, as JSON or a table.
 * @example await runCompare(["cases.json", "--rules", "tongzhou-2016", "--against", "mine.json"], io) // 0
 */
export async function runCompare(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(
      args,
      {
        rules: "string",
        against: "string",
        order: "string",
        scale: "string",
        programme: "string",
        format: "string",
        out: "string",
        map: "string",
      },
      COMPARE_HELP,
      io,
    );
    if (values.help === true) return EXIT.ok;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError("compare takes one <cases> file (or - for standard input)", {
        code: "one-input",
        zh: "compare 只接受一个 <cases> 案件文件（或 - 表示标准输入）",
      });
    const rulesA = values.rules as string | undefined;
    const rulesB = values.against as string | undefined;
    const scale = values.scale as string | undefined;
    if (rulesA === undefined || (rulesB === undefined && scale === undefined))
      throw new UsageError(
        "compare needs --rules <A> and --against <B> (bundled ids or rule-set files), or --rules <A> and --scale <param>=<factor>",
        {
          code: "compare-needs-rules",
          zh: "compare 需要 --rules <A> 和 --against <B>（内置编号或规则集文件），或 --rules <A> 和 --scale <参数>=<系数>",
        },
      );
    const changes = scale === undefined ? undefined : parseScaleOption(scale);
    const out = values.out as string | undefined;
    const format = outputFormat(
      "compare",
      values.format as string | undefined,
      out,
      ["json", "table", "xlsx"] as const,
      io,
    );
    await checkOutput(io, out, format, [{ role: "<cases>", file }, ...optionInputs(values)]);
    const programme = await loadProgrammeOption(values.programme as string | undefined, io);
    const a = await loadRulesOption(rulesA, io, programme);
    const against = rulesB === undefined ? a : await loadRulesOption(rulesB, io, programme);
    const b = changes === undefined ? against : scaleRuleSet(against, changes, { programme });
    const mapping = await loadMapOption(values, io, { programme, ruleSet: a });
    const cases = await readCases(file, io, { ruleSet: a, programme, ...(mapping === undefined ? {} : { mapping }) });
    const order = values.order as string | undefined;
    const document = compare(cases, a, b, {
      programme,
      ...(order === undefined
        ? {}
        : {
            order: order
              .split(",")
              .map((name) => name.trim())
              .filter((name) => name !== ""),
          }),
    });
    if (format === "json") await emitJson(io, document, out);
    else if (format === "xlsx")
      await emit(io, await compareWorkbookBytes(document, { programme, rounding: a.rounding }), out);
    else await emit(io, compareTable(document, viewOf(io), programme), out);
    return EXIT.ok;
  } catch (error) {
    return reportInputError(error, io, "compare");
  }
}

/**
 * The changes of `--scale a=1.1,b=+10%`, each `<parameter>=<factor>`; a piece without `=` is a usage error
 * (the names and factors themselves are checked by `scaleRuleSet`, every problem listed).
 */
export function parseScaleOption(text: string): ScaleChange[] {
  const pieces = text
    .split(",")
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
  const bad = pieces.find((piece) => !/^[^=]+=[^=]+$/.test(piece));
  if (pieces.length === 0 || bad !== undefined)
    throw new UsageError(
      `--scale takes <parameter>=<factor>, comma-separated (clearance.rates=+10%,village.perMu=1.05); got "${echoText(bad ?? text)}"`,
      {
        code: "scale-option",
        zh: `--scale 应为 <参数>=<系数>，以逗号分隔（如 clearance.rates=+10%,village.perMu=1.05）；收到 "${echoText(bad ?? text)}"`,
      },
    );
  return pieces.map((piece) => {
    const at = piece.indexOf("=");
    return { parameter: piece.slice(0, at).trim(), factor: piece.slice(at + 1).trim() };
  });
}

/** The compare table's texts in each language. */
const COMPARE_TEXTS = {
  zh: {
    cases: ["案件", "乡镇", "路径 A → B", "应付 A", "应付 B", "Δ 市级", "Δ 区级", "Δ 合计"],
    municipal: "市级",
    district: "区级",
    total: "合计",
    township: "乡镇",
    kind: "类别",
    steps: ["序号", "参数", "调整前合计", "调整后合计", "归因"],
    sum: "各项归因之和 = 合计变化",
    heading: (a: string, b: string) => `A = ${a}；B = ${b}；金额单位：元；Δ = B − A`,
    none: "没有个案发生变化。",
    unchanged: (n: number) => `（另有 ${n} 个个案未变化，未列出）`,
    noAttribution: "归因：影响金额的参数没有差异。",
    attribution: (order: string) => `归因（顺序：${order}）：`,
    note: (chosen: boolean) =>
      chosen
        ? "注：逐个把不同的参数换成 B 的值：先按所选顺序，其余按名称字母顺序（取整规则除非点名，否则最后）；每项归因为换入后合计减换入前合计。各项之和恰等于合计变化，但参数相互影响（上限、下限、路径门槛）时，换一种顺序各项可能不同。"
        : "注：逐个把不同的参数换成 B 的值（按名称字母顺序，取整规则最后）；每项归因为换入后合计减换入前合计。各项之和恰等于合计变化，但参数相互影响（上限、下限、路径门槛）时，换一种顺序（--order）各项可能不同。",
  },
  en: {
    cases: ["case", "township", "track A → B", "owed A", "owed B", "Δ municipal", "Δ district", "Δ total"],
    municipal: "municipal 市级",
    district: "district 区级",
    total: "total 合计",
    township: "township",
    kind: "kind",
    steps: ["#", "parameter", "total before", "total after", "part"],
    sum: "Σ parts = total change",
    heading: (a: string, b: string) => `A = ${a}; B = ${b}; amounts in yuan; Δ = B − A`,
    none: "No case changes.",
    unchanged: (n: number) => `(${n} case${n === 1 ? "" : "s"} unchanged, not shown)`,
    noAttribution: "Attribution: no parameter that changes an amount differs.",
    attribution: (order: string) => `Attribution (order: ${order}):`,
    note: undefined,
  },
} as const;

/** The cases that change, the totals (by payer, township and kind) and the attribution, in `view`'s language and width. */
export function compareTable(
  document: CompareDocument,
  view: TableView = { lang: "en" },
  programme?: Programme,
): string {
  const { a, b } = document.ruleSets;
  const texts = COMPARE_TEXTS[view.lang];
  const track = (value: string, kind: string) => trackName(value, view.lang, programme, kind);
  const cases = makeTable(
    { head: [...texts.cases], colAligns: ["left", "left", "left", "right", "right", "right", "right", "right"] },
    view.width,
  );
  for (const change of document.cases.filter(isChanged)) {
    cases.push([
      change.caseId,
      change.township,
      change.track === undefined
        ? kindName(change.kind, view.lang, programme)
        : change.track.a === change.track.b
          ? track(change.track.a, change.kind)
          : `${track(change.track.a, change.kind)} → ${track(change.track.b, change.kind)}`,
      formatAmount(change.a.total),
      formatAmount(change.b.total),
      signed(change.delta.municipal),
      signed(change.delta.district),
      signed(change.delta.total),
    ]);
  }
  const totals = makeTable({ head: ["", "A", "B", "Δ"], colAligns: ["left", "right", "right", "right"] }, view.width);
  totals.push(
    ...totalRows(texts.municipal, document.totals, "municipal"),
    ...totalRows(texts.district, document.totals, "district"),
    ...totalRows(texts.total, document.totals, "total"),
  );
  const byTownship = groupTable(texts.township, document.totals.byTownship, view, (key) => key);
  const byKind = groupTable(texts.kind, document.totals.byKind, view, (key) => kindName(key, view.lang, programme));
  const steps = makeTable(
    { head: [...texts.steps], colAligns: ["right", "left", "right", "right", "right"] },
    view.width,
  );
  document.attribution.steps.forEach((step, index) =>
    steps.push([
      String(index + 1),
      step.parameter,
      formatAmount(step.before.total),
      formatAmount(step.after.total),
      signed(step.part.total),
    ]),
  );
  steps.push(["", texts.sum, "", "", signed(document.attribution.total.total)]);
  const unchanged = document.cases.length - document.cases.filter(isChanged).length;
  return fitText(
    [
      texts.heading(`${a.id} v${a.version}`, `${b.id} v${b.version}`),
      document.cases.some(isChanged) ? cases.toString() : texts.none,
      ...(unchanged > 0 && document.cases.some(isChanged) ? [texts.unchanged(unchanged)] : []),
      totals.toString(),
      byTownship,
      byKind,
      document.attribution.steps.length === 0
        ? texts.noAttribution
        : `${texts.attribution(document.attribution.order.join(", "))}\n${steps.toString()}`,
      ...(document.attribution.steps.length > 1
        ? [
            texts.note === undefined
              ? `Note: ${document.attribution.note}`
              : texts.note(document.attribution.note === CHOSEN_ORDER_NOTE),
          ]
        : []),
      "",
    ].join("\n"),
    view.width,
  );
}

function isChanged(change: CompareDocument["cases"][number]): boolean {
  return !isZero(change.delta.municipal) || !isZero(change.delta.district);
}

function isZero(amount: string): boolean {
  return /^-?0(\.0*)?$/.test(amount);
}

function signed(amount: string): string {
  return isZero(amount)
    ? formatAmount(amount)
    : amount.startsWith("-")
      ? formatAmount(amount)
      : `+${formatAmount(amount)}`;
}

function totalRows(label: string, change: AmountsChange, payer: "municipal" | "district" | "total"): string[][] {
  return [[label, formatAmount(change.a[payer]), formatAmount(change.b[payer]), signed(change.delta[payer])]];
}

function groupTable(
  dimension: string,
  groups: { readonly [key: string]: AmountsChange },
  view: TableView,
  name: (key: string) => string,
): string {
  const table = makeTable(
    { head: [dimension, "A", "B", "Δ"], colAligns: ["left", "right", "right", "right"] },
    view.width,
  );
  for (const [key, change] of Object.entries(groups))
    table.push([name(key), formatAmount(change.a.total), formatAmount(change.b.total), signed(change.delta.total)]);
  return table.toString();
}
