import {
  BUDGET_DIMENSIONS,
  budgetOfCases,
  type BudgetAllocation,
  type BudgetDimension,
  type BudgetDocument,
  type BudgetKey,
} from "../../batch/budget.js";
import { echoText } from "../../errors/echo.js";
import { ZERO, dec } from "../../money/decimal.js";
import { defaultProgramme } from "../../rules/default.js";
import type { Programme } from "../../rules/programme.js";
import { PAYER_LABELS } from "../../audit/labels.js";
import { formatAmount, formatWan } from "../../money/format.js";
import type { Payer } from "../../trace/types.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emit, emitJson } from "../output.js";
import { readCases } from "../read.js";
import { loadMapOption } from "../map-option.js";
import { limitsOf } from "../limits.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { fitText, makeTable, viewOf, type TableView } from "../table.js";
import { kindName, trackName } from "../labels.js";
import type { Lang } from "../lang.js";
import { budgetWorkbookBytes } from "../xlsx/budgetReport.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";
import { HELP_ZH } from "../help-zh.js";
import { BUDGET_WITH, sayLine, type Said } from "../messages.js";

const FORMATS = ["json", "table", "xlsx"] as const;

/** `exitfund budget --help`. */
/** `exitfund budget --help` in each language. */
export const BUDGET_HELP: Said = {
  en: `Usage: exitfund budget <cases> [--by township,payer,track,year] [--cap <money> --payer municipal|district [--full-kinds <kinds>]] [--verbose] [--rules <file|id>] [--programme <module>] [--format json|table|xlsx] [--out <file>]

The budget roll-up of the amounts owed (《实施方案》四(十四): the district finance bureau funds and
accounts for the district exit fund), and with a cap a fen-exact pro-rata allocation.

  <cases>             the cases: .json (an array, or { "cases": [...] }), .ndjson, .csv or .xlsx (every
                      data sheet; docs/files.md), or - for JSON on standard input
  --by <dimensions>   group by any of township, payer, track, year, comma-separated (default township).
                      payer splits each case into its municipal and district parts (zero parts
                      omitted); track is an enterprise's track, or the kind for the other cases; year
                      is that of exitCompletedOn, declaredOn, clearedOn, or a transfer's fiscalYear
  --cap <money>       the money available to --payer: min(cap, owed) goes to the cases that payer
  --payer <payer>     owes: the --full-kinds are paid in full first, the rest share what remains
                      pro rata (largest remainder, ties to the earlier case; the cases that got an
                      extra fen are counted, and listed under remainder); shown by every --by group
                      (owed, allocated, shortfall). A cap below the full kinds' total is shared by
                      them pro rata, the other kinds get 0, and a warning says what paying them in
                      full needs (allocation.warnings: cap-below-full-kinds; exit 0)
  --full-kinds <kinds>  the kinds paid in full (足额) under the cap, comma-separated, e.g.
                      structure-clearance,village-compensation; none: --full-kinds ""; default the
                      kinds the rule set pays in full (clearance.paidInFull: land-clearing fees,
                      《实施方案》四(十四)3)
  --verbose           with --cap: list every case's share and which got an extra fen
  --rules <id|file>   a bundled rule set or a rule-set JSON file (default tongzhou-2016)
  --programme <file>  an ES module whose default export is a programme (exitfund/rules): a district's
                      extensions (docs/extending.md); --rules then names a rule set that values them
  --format json       { ruleSet, groups: [{ key, amount }], total, allocation?: { cap, payer, owed,
                      allocated, fullKinds, groups: [{ key, owed, allocated, shortfall }], shares,
                      remainder, warnings? } }; the default when
                      standard output is not a terminal
  --format table      the groups in 元 and 万元 with the total, and the allocation; the default on a terminal
  --format xlsx       a workbook (--out, or stdout to a file) to print: the groups, and the allocation
                      by group and by case
  --out <file>        write to <file> instead of standard output

Exit status: 0 done, 2 bad input or usage (every problem listed).

Example:
  exitfund budget examples/tongzhou-2016/cases.json --by township,payer --cap 5000000 --payer district`,
  zh: HELP_ZH.budget,
};

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
        "full-kinds": "string",
        verbose: "boolean",
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
      throw new UsageError("budget takes one <cases> file (or - for standard input)", {
        code: "one-input",
        zh: "budget 只接受一个 <cases> 案件文件（或 - 表示标准输入）",
      });
    const by = parseBy(values.by as string | undefined);
    const cap = values.cap as string | undefined;
    const payer = values.payer as string | undefined;
    if ((cap === undefined) !== (payer === undefined))
      throw new UsageError("--cap and --payer go together: --cap <money> --payer municipal|district", {
        code: "cap-needs-payer",
        zh: "--cap 与 --payer 须同时给出：--cap <金额> --payer municipal|district（市级或区级）",
      });
    if (payer !== undefined && payer !== "municipal" && payer !== "district")
      throw new UsageError(`--payer must be municipal or district; got "${echoText(payer)}"`, {
        code: "bad-payer",
        zh: `--payer 须为 municipal（市级）或 district（区级），收到 "${echoText(payer)}"`,
      });
    const fullKinds = parseKinds(values["full-kinds"] as string | undefined);
    if (fullKinds !== undefined && cap === undefined)
      throw new UsageError("--full-kinds needs --cap and --payer: kinds are paid in full only under a cap", {
        code: "full-kinds-needs-cap",
        zh: "--full-kinds 须与 --cap 和 --payer 同用：仅在限额分配时才有足额拨付",
      });
    const verbose = values.verbose === true;
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
      ...(fullKinds === undefined ? {} : { fullKinds }),
    });
    if (document.allocation !== undefined)
      io.stderr.write(allocationNotice(document.allocation, programme, io.lang ?? "en"));
    if (format === "json") await emitJson(io, document, out);
    else
      await emit(
        io,
        format === "table"
          ? budgetTable(document, by, { verbose, programme, view: viewOf(io) })
          : await budgetWorkbookBytes(document, by, ruleSet.rounding, {
              maxCells: limitsOf(io).xlsxCellsWritten,
              programme,
            }),
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
    throw new UsageError(`--by needs one or more of ${BUDGET_DIMENSIONS.join(", ")}, comma-separated`, {
      code: "bad-by",
      zh: `--by 须为以下一个或多个维度，以逗号分隔：${BUDGET_DIMENSIONS.join("、")}`,
    });
  for (const dimension of dimensions) {
    if (!(BUDGET_DIMENSIONS as readonly string[]).includes(dimension))
      throw new UsageError(`--by: unknown dimension "${echoText(dimension)}"; use ${BUDGET_DIMENSIONS.join(", ")}`, {
        code: "bad-by",
        zh: `--by：未知的汇总维度 "${echoText(dimension)}"；可用：${BUDGET_DIMENSIONS.join("、")}`,
      });
    if (dimensions.indexOf(dimension) !== dimensions.lastIndexOf(dimension))
      throw new UsageError(`--by: "${echoText(dimension)}" is given twice`, {
        code: "bad-by",
        zh: `--by：汇总维度 "${echoText(dimension)}" 重复`,
      });
  }
  return dimensions as BudgetDimension[];
}

/** `--full-kinds a,b`: the kinds, `[]` for `--full-kinds ""`, undefined when not given. */
function parseKinds(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

const DIMENSION_NAMES: { readonly [D in BudgetDimension]: string } = {
  township: "乡镇",
  payer: "付款方",
  track: "路径",
  year: "年度",
};

/** The stderr notice of a capped run: which kinds were paid in full, what the rest shared, the extra fen counted. */
export function allocationNotice(
  allocation: BudgetAllocation,
  programme: Programme = defaultProgramme,
  lang: Lang = "en",
): string {
  const full = allocation.shares.filter((share) => allocation.fullKinds.includes(share.kind));
  const fullSum = full.reduce((acc, share) => acc.plus(share.allocated), ZERO);
  const extra = allocation.remainder.length;
  const rest = formatAmount(dec(allocation.allocated).minus(fullSum).toString());
  const said = BUDGET_WITH.allocation({
    payer: { zh: PAYER_LABELS[allocation.payer], en: allocation.payer },
    cap: formatAmount(allocation.cap),
    owed: formatAmount(allocation.owed),
    fullKinds: {
      zh: allocation.fullKinds.map((kind) => kindName(kind, "zh", programme)),
      en: [...allocation.fullKinds],
    },
    fullCases: full.length,
    fullSum: formatAmount(fullSum.toString()),
    rest,
    extra,
    ...shortSaid(allocation),
  });
  return sayLine(said, lang);
}

/** The allocation's warning (the cap cannot pay the full kinds in full), as a notice says it. */
function shortSaid(allocation: BudgetAllocation): { short?: Said } {
  const warning = allocation.warnings?.[0];
  return warning === undefined ? {} : { short: { zh: warning.zh, en: warning.message } };
}

/** The groups (元 and 万元) with their total, and the allocation when there is one, in `view`'s language and width. */
export function budgetTable(
  document: BudgetDocument,
  by: readonly BudgetDimension[],
  options: { readonly verbose?: boolean; readonly programme?: Programme; readonly view?: TableView } = {},
): string {
  const view = options.view ?? { lang: "en" };
  const zh = view.lang === "zh";
  const programme = options.programme ?? defaultProgramme;
  const heads = by.map((dimension) => (zh ? DIMENSION_NAMES[dimension] : dimension));
  const totalLabel = zh ? "合计" : "合计 total";
  const groups = makeTable(
    {
      head: [...heads, zh ? "金额（元）" : "amount 元", "万元"],
      colAligns: [...by.map(() => "left" as const), "right", "right"],
    },
    view.width,
  );
  for (const group of document.groups) {
    groups.push([
      ...by.map((dimension) => keyText(group.key, dimension, view.lang, programme)),
      formatAmount(group.amount),
      formatWan(group.amount, { decimals: 4 }),
    ]);
  }
  groups.push([
    ...by.map((_, index) => (index === 0 ? totalLabel : "")),
    formatAmount(document.total),
    formatWan(document.total, { decimals: 4 }),
  ]);
  const lines = [
    zh
      ? `规则集 ${document.ruleSet.id} 第 ${document.ruleSet.version} 版；按${by.map((dimension) => DIMENSION_NAMES[dimension]).join("、")}汇总；金额单位：元；万元保留 4 位小数（到元）`
      : `rule set ${document.ruleSet.id} v${document.ruleSet.version}; by ${by.join(", ")}; amounts in yuan; 万元 rounded to 4 decimals (to the yuan)`,
    groups.toString(),
  ];
  const allocation = document.allocation;
  if (allocation !== undefined) {
    const rolled = makeTable(
      {
        head: [...heads, ...(zh ? ["应付", "分配", "缺口"] : ["owed 应付", "allocated 分配", "shortfall 缺口"])],
        colAligns: [...by.map(() => "left" as const), "right", "right", "right"],
      },
      view.width,
    );
    for (const group of allocation.groups)
      rolled.push([
        ...by.map((dimension) => keyText(group.key, dimension, view.lang, programme)),
        formatAmount(group.owed),
        formatAmount(group.allocated),
        formatAmount(group.shortfall),
      ]);
    rolled.push([
      ...by.map((_, index) => (index === 0 ? totalLabel : "")),
      formatAmount(allocation.owed),
      formatAmount(allocation.allocated),
      formatAmount(dec(allocation.owed).minus(allocation.allocated).toString()),
    ]);
    const extra = allocation.remainder.length;
    if (zh) {
      const kinds = allocation.fullKinds.map((kind) => kindName(kind, "zh", programme)).join("、");
      const full =
        allocation.warnings !== undefined
          ? `限额不足以足额拨付${kinds}：这些个案按比例分配全部限额，其余为零`
          : allocation.fullKinds.length === 0
            ? "没有足额优先支付的类别；其余按比例分配"
            : `先足额支付：${kinds}；其余按比例分配`;
      lines.push(
        `分配：${PAYER_LABELS[allocation.payer]}上限 ${formatAmount(allocation.cap)} 元，应付 ${formatAmount(allocation.owed)} 元 → 分配 ${formatAmount(allocation.allocated)} 元；${full}（最大余额法：${extra} 个个案多分 1 分${extra === 0 || options.verbose === true ? "" : "；--verbose 列出"}）`,
        ...(allocation.warnings ?? []).map((warning) => `注意：${warning.zh}`),
        rolled.toString(),
      );
    } else {
      const kinds = allocation.fullKinds
        .map((kind) => `${kind} ${programme.entry(kind)?.domain.labels.zh ?? ""}`.trim())
        .join(", ");
      const full =
        allocation.warnings !== undefined
          ? `the cap is short of the kinds paid in full (足额: ${kinds}): they share the whole cap pro rata, the rest get nothing`
          : allocation.fullKinds.length === 0
            ? "no kind paid in full; the rest pro rata"
            : `paid in full first (足额): ${kinds}; the rest pro rata`;
      lines.push(
        `allocation: ${allocation.payer} cap ${formatAmount(allocation.cap)} for ${formatAmount(allocation.owed)} owed → ${formatAmount(allocation.allocated)} allocated; ${full} (largest remainder: ${extra} case${extra === 1 ? "" : "s"} got an extra fen${extra === 0 || options.verbose === true ? "" : "; --verbose lists them"})`,
        ...(allocation.warnings ?? []).map((warning) => `warning: ${warning.message}`),
        rolled.toString(),
      );
    }
    if (options.verbose === true) {
      const extraCases = new Set(allocation.remainder);
      const unit = oneUnit(allocation.cap);
      const shares = makeTable(
        {
          head: zh ? ["案件", "类别", "应付", "分配", "多分"] : ["case", "kind", "owed", "allocated", "extra fen"],
          colAligns: ["left", "left", "right", "right", "left"],
        },
        view.width,
      );
      for (const share of allocation.shares)
        shares.push([
          share.caseId,
          kindName(share.kind, view.lang, programme),
          formatAmount(share.owed),
          formatAmount(share.allocated),
          extraCases.has(share.caseId) ? unit : "",
        ]);
      lines.push(shares.toString());
    }
  }
  return fitText([...lines, ""].join("\n"), view.width);
}

function keyText(key: BudgetKey, dimension: BudgetDimension, lang: Lang, programme: Programme): string {
  if (dimension === "payer" && key.payer !== undefined)
    return lang === "zh" ? PAYER_LABELS[key.payer] : `${key.payer} ${PAYER_LABELS[key.payer]}`;
  if (dimension === "track" && typeof key.track === "string") return trackName(key.track, lang, programme);
  return String(key[dimension] ?? "");
}

/** One unit of an amount's last decimal place: "+0.01" for "30000000.00", "+1" for "300". */
function oneUnit(amount: string): string {
  const scale = (amount.split(".")[1] ?? "").length;
  return scale === 0 ? "+1" : `+0.${"0".repeat(scale - 1)}1`;
}
