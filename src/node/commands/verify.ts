import { verify } from "../../batch/verify.js";
import type { ComputeDocument } from "../../batch/compute.js";
import { echoText } from "../../errors/echo.js";
import { InvalidInputError } from "../../errors/index.js";
import { ZERO } from "../../money/decimal.js";
import { formatAmount } from "../../money/format.js";
import { toMoneyString } from "../../money/round.js";
import type { RuleSet } from "../../parameters/types.js";
import { ruleSets } from "../../rule-sets/index.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emit, emitJson } from "../output.js";
import { checkSource, readCaseSource, type ReadOptions } from "../read.js";
import { loadMapOption } from "../map-option.js";
import { limitsOf } from "../limits.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { fitText, makeTable, viewOf, type TableView } from "../table.js";
import { findingName } from "../labels.js";
import { ILLUSTRATIVE_NOTE_ZH, capitalOf, declarationView, type DeclarationView } from "../xlsx/verificationView.js";
import { verificationWorkbookBytes } from "../xlsx/verifySheet.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";
import { withoutTraces } from "./compute.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

const FORMATS = ["json", "table", "xlsx"] as const;
type Format = (typeof FORMATS)[number];

/** `exitfund verify --help`. */
/** `exitfund verify --help` in each language. */
export const VERIFY_HELP: Said = {
  en: `Usage: exitfund verify <declarations> [--format json|table|xlsx] [--out <file>] [--rules <file|id>] [--programme <module>] [--map <file>] [--explain]

The housing commission's verification sheet (区住房城乡建设委 腾地经费核定表) of townships'
land-clearing fee declarations (structure-clearance cases): item by item, declared and
approved structure type, quantity and fee, with findings, and the totals the district
finance bureau pays each township in full (足额).

  <declarations>      structure-clearance cases: .json (an array, or { "cases": [...] }), .ndjson,
                      .csv or .xlsx (the template, or a township's own sheet: every data sheet; title,
                      序号, 合计 and 填表人 rows skipped with a note), or - for standard input (any of
                      these, told from what it holds)
  --map <file>        a mapping (.json or .xlsx) of a sheet's own headers and names of values onto the
                      clearance layout (docs/files.md, "Mappings")
  --format json       the compute document (results, totals, errors); the default when
                      standard output is not a terminal
  --format table      one table per declaration with its totals and the approved total in
                      大写; the default on a terminal
  --format xlsx       the workbook (--out, or stdout redirected to a file): 汇总 first, then one
                      printable sheet per declaration
  --out <file>        write to <file> instead of standard output
  --rules <id|file>   a bundled rule set (${Object.keys(ruleSets).join(", ")}) or a rule-set JSON file
                      (default tongzhou-2016)
  --programme <file>  an ES module whose default export is a programme (exitfund/rules): a district's
                      extensions (docs/extending.md); --rules then names a rule set that values them
  --explain           include each outcome's trace in the JSON
  -h, --help          show this help

Exit status: 0 every item verified clean, 1 findings that need attention, 2 bad input or usage.

Examples:
  exitfund verify examples/verify/declarations.json --format xlsx --out 核定表.xlsx
  exitfund verify 台湖镇申报.xlsx --format xlsx > 核定表.xlsx`,
  zh: HELP_ZH.verify,
};

/**
 * 核定 · `exitfund verify` — the verification of structure-clearance declarations as JSON, a table or a workbook.
 *
 * @remarks Exit 0 when no item has a finding, 1 when some do, 2 for bad input or usage (every problem on stderr).
 * @example await runVerify(["examples/verify/declarations.json", "--format", "json"], io) // 1
 */
export async function runVerify(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(
      args,
      { format: "string", out: "string", rules: "string", programme: "string", explain: "boolean", map: "string" },
      VERIFY_HELP,
      io,
    );
    if (values.help === true) return EXIT.ok;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError("verify takes one <declarations> file (or - for standard input)", {
        code: "one-input",
        zh: "verify 只接受一个 <declarations> 申报文件（或 - 表示标准输入）",
      });
    const out = values.out as string | undefined;
    const format = outputFormat("verify", values.format as string | undefined, out, FORMATS, io);
    await checkOutput(io, out, format, [{ role: "<declarations>", file }, ...optionInputs(values)]);
    const { programme, ruleSet } = await loadProgrammeAndRules(values, io);
    const mapping = await loadMapOption(values, io, { programme, ruleSet });
    const declarations = await readDeclarations(file, io, {
      ruleSet,
      programme,
      ...(mapping === undefined ? {} : { mapping }),
    });
    if (declarations.length === 0)
      throw new InvalidInputError([
        {
          path: file,
          code: "no-cases",
          message: "holds no declarations; give at least one structure-clearance case",
          zh: "文件中没有申报；请至少给出一份腾地经费申报",
        },
      ]);
    const document = verify(declarations, { ruleSet, programme });
    if (format === "json") await emitJson(io, values.explain === true ? document : withoutTraces(document), out);
    else await emit(io, await render(document, ruleSet, format, limitsOf(io).xlsxCellsWritten, viewOf(io)), out);
    return document.results.some((outcome) => outcome.findings.length > 0) ? EXIT.findings : EXIT.ok;
  } catch (error) {
    return reportInputError(error, io, "verify");
  }
}

async function render(
  document: ComputeDocument,
  ruleSet: RuleSet,
  format: Exclude<Format, "json">,
  maxCells: number,
  view: TableView,
): Promise<string | Uint8Array> {
  switch (format) {
    case "table":
      return verificationTables(document, ruleSet, view);
    case "xlsx":
      return verificationWorkbookBytes(
        document,
        { id: ruleSet.id, version: ruleSet.version, title: ruleSet.titles.zh, rounding: ruleSet.rounding },
        { maxCells },
      );
  }
}

/** The terminal rendering: one item table per declaration with totals and 大写, then a summary when there are several. */
export function verificationTables(
  document: ComputeDocument,
  ruleSet: RuleSet,
  view: TableView = { lang: "en" },
): string {
  const zh = view.lang === "zh";
  const views = document.results.map(declarationView);
  const lines: string[] = [
    zh
      ? `区住房城乡建设委 腾地经费核定表 —— ${ruleSet.titles.zh}，规则集 ${ruleSet.id} 第 ${ruleSet.version} 版；金额单位：元`
      : `区住房城乡建设委 腾地经费核定表 · land-clearing fee verification — rule set ${ruleSet.id} v${ruleSet.version} (${ruleSet.titles.en})`,
  ];
  if (views.some((declaration) => declaration.basis === "illustrative"))
    lines.push(
      ILLUSTRATIVE_NOTE_ZH,
      ...(zh
        ? []
        : ["Note: the unit rates and cut-off date are illustrative placeholders, not the official standard."]),
    );
  for (const declaration of views) lines.push("", ...declarationTable(declaration, view));
  if (views.length > 1) lines.push("", ...summaryTable(views, ruleSet, view));
  return `${fitText(lines.join("\n"), view.width)}\n`;
}

const VERIFY_HEADS = {
  zh: ["序号", "编号", "申报类型", "申报数量", "核定类型", "核定数量", "单位", "单价", "核定金额", "申报金额", "问题"],
  en: [
    "#",
    "编号\nid",
    "申报类型\ndeclared",
    "申报数量\nqty",
    "核定类型\napproved",
    "核定数量\nqty",
    "单位\nunit",
    "单价\nrate",
    "核定金额\nfee",
    "申报金额\ndeclared",
    "问题\nfindings",
  ],
} as const;

function declarationTable(declaration: DeclarationView, view: TableView): string[] {
  const zh = view.lang === "zh";
  const table = makeTable(
    {
      head: [...VERIFY_HEADS[view.lang]],
      colAligns: ["right", "left", "left", "right", "left", "right", "left", "right", "right", "right", "left"],
    },
    view.width,
  );
  for (const item of declaration.items) {
    table.push([
      String(item.no),
      item.id,
      zh ? item.declaredTypeZh : typeCell(item.declaredTypeZh, item.declaredType),
      item.declaredQuantity,
      zh ? item.approvedTypeZh : typeCell(item.approvedTypeZh, item.approvedType),
      item.approvedQuantity,
      item.unitZh,
      item.rate,
      formatAmount(item.fee),
      `${formatAmount(item.declared)}${item.declaredFromRates ? "*" : ""}`,
      item.findings.length === 0 ? "—" : item.findings.map((f) => (zh ? findingName(f.code, "zh") : f.code)).join("\n"),
    ]);
  }
  const totals = makeTable({ colAligns: ["left", "right"] }, view.width);
  totals.push(
    [zh ? "申报合计" : "申报合计 declared", formatAmount(declaration.totals.declared)],
    [zh ? "核定合计" : "核定合计 approved", formatAmount(declaration.totals.approved)],
    [zh ? "差额（核定 − 申报）" : "差额 difference (approved − declared)", formatAmount(declaration.totals.difference)],
    ["核定金额大写", capitalOf(declaration.totals.approved)],
  );
  const findings = declaration.items.flatMap((item) =>
    item.findings.map((f) =>
      zh ? `  ${item.id} ${findingName(f.code, "zh")}：${f.zh}` : `  ${item.id} ${f.code}: ${f.zh}\n      ${f.en}`,
    ),
  );
  return [
    `■ ${declaration.id}`,
    zh
      ? `乡镇：${declaration.township}   村：${declaration.village}   地块：${declaration.site}   申报日期：${declaration.declaredOn}`
      : `乡镇 township: ${declaration.township}   村 village: ${declaration.village}   地块 site: ${declaration.site}   申报日期 declared on: ${declaration.declaredOn}`,
    table.toString(),
    ...(declaration.items.some((item) => item.declaredFromRates)
      ? [
          zh
            ? "* 未填申报金额：按申报类型和数量乘以单价测算"
            : "* no declared amount given: the declared quantity at the rate of the declared type (按申报类型和数量测算)",
        ]
      : []),
    totals.toString(),
    ...(findings.length === 0
      ? [zh ? "问题：无" : "问题 findings: none — 无"]
      : [zh ? `问题（${findings.length} 项）：` : `问题 findings (${findings.length}):`, ...findings]),
  ];
}

function typeCell(zh: string, key: string): string {
  return zh === key ? key : `${zh}\n${key}`;
}

function summaryTable(views: readonly DeclarationView[], ruleSet: RuleSet, view: TableView): string[] {
  const zh = view.lang === "zh";
  const table = makeTable(
    {
      head: zh
        ? ["申报编号", "乡镇", "项数", "问题", "申报", "核定", "差额"]
        : [
            "申报编号 id",
            "乡镇 township",
            "项数 items",
            "问题 findings",
            "申报 declared",
            "核定 approved",
            "差额 difference",
          ],
      colAligns: ["left", "left", "right", "right", "right", "right", "right"],
    },
    view.width,
  );
  let declared = ZERO;
  let approved = ZERO;
  for (const declaration of views) {
    table.push([
      declaration.id,
      declaration.township,
      String(declaration.items.length),
      String(declaration.findingCount),
      formatAmount(declaration.totals.declared),
      formatAmount(declaration.totals.approved),
      formatAmount(declaration.totals.difference),
    ]);
    declared = declared.plus(declaration.totals.declared);
    approved = approved.plus(declaration.totals.approved);
  }
  const approvedTotal = toMoneyString(approved, ruleSet.rounding);
  table.push([
    zh ? "合计" : "合计 total",
    "",
    String(views.reduce((n, v) => n + v.items.length, 0)),
    String(views.reduce((n, v) => n + v.findingCount, 0)),
    formatAmount(toMoneyString(declared, ruleSet.rounding)),
    formatAmount(approvedTotal),
    formatAmount(toMoneyString(approved.minus(declared), ruleSet.rounding)),
  ]);
  return [
    zh ? "汇总" : "汇总 summary",
    table.toString(),
    zh
      ? `核定金额合计大写：${capitalOf(approvedTotal)}`
      : `核定金额合计大写 approved total: ${capitalOf(approvedTotal)}`,
  ];
}

/**
 * The declarations of `file`, every problem of it at once, each where it is in the file: those of any case
 * (as {@link readCases} finds them) and a case of another kind than structure-clearance, which verify does not take.
 *
 * @throws InvalidInputError listing every problem.
 */
async function readDeclarations(file: string, io: CliIo, options: ReadOptions): Promise<unknown[]> {
  const source = await readCaseSource(file, io, options);
  const errors = checkSource(source, options.ruleSet, options.programme);
  const kindAt = new Set(errors.filter((error) => /(?:^| › )kind(?: |$)/.test(error.path)).map((error) => error.index));
  source.cases.forEach((declaration, index) => {
    const kind =
      typeof declaration === "object" && declaration !== null ? (declaration as { kind?: unknown }).kind : undefined;
    if (kind === "structure-clearance" || kindAt.has(index)) return;
    errors.push({
      index,
      path: source.where(index, "kind"),
      code: "not-a-declaration",
      message: `verify takes structure-clearance declarations only (腾地经费申报); got ${typeof kind === "string" ? `"${echoText(kind)}"` : "another kind"}`,
      zh: "核定只接受腾地经费申报（structure-clearance）",
    });
  });
  if (errors.length > 0)
    throw new InvalidInputError(
      errors.sort((a, b) => a.index - b.index).map(({ index: _index, id: _id, ...issue }) => issue),
    );
  return [...source.cases];
}
