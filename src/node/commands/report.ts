import { auditOutcomes } from "../../audit/audit.js";
import { nodeSha256 } from "../sha256.js";
import { parseLedger } from "../../audit/ledger.js";
import { computeBatch } from "../../batch/compute.js";
import { echoText } from "../../errors/echo.js";
import { InvalidInputError, isInvalidInputError, type InputIssue } from "../../errors/index.js";
import { ZERO, type Rounding } from "../../money/decimal.js";
import type { LedgerRow } from "../../schemas/cases.js";
import type { Payer } from "../../trace/types.js";
import { locateErrors } from "../formats/source.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emit, refuseOutputOverInput } from "../output.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { readCaseSource, readLedgerSource, type LedgerSource } from "../read.js";
import { CASE_LIMIT, factsOf, reportData, type ReportOptions } from "../report/build.js";
import { reportHtml } from "../report/page.js";
import { formatOfExtension, optionInputs, parseCommand } from "./args.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

/** `exitfund report --help`. */
/** `exitfund report --help` in each language. */
export const REPORT_HELP: Said = {
  en: `Usage: exitfund report <cases> [--ledger <file>] [--cap <money> [--payer district|municipal]] [--rules <file|id>] [--programme <module>] [--case-limit <n>] --out <report.html>

报告 · one self-contained HTML page for the finance bureau's directors (docs/report.md): the programme totals
by payer, township, kind and year (tables and bar charts), the split by track, the verification of the
land-clearing declarations (declared vs approved by township, findings by type), the audit of the ledger
(with --ledger), the allocation under a cap (with --cap), the rule set with every illustrative value listed
first, each total in figures and 大写, and every case with its explanation (中文, English switch) in a
searchable table. It loads nothing (no network: a strict Content-Security-Policy, inline SVG charts), opens
offline and prints on A4 (a page per section, headers repeated, page numbers).
单页 HTML 报告：资金汇总（按付款方、乡镇、类别、年度，表格与柱状图）、按资金渠道、腾地经费核定、资金审计
（--ledger）、预算分配（--cap）、规则集（示例值单列）、合计金额附大写、每个案件及其说明（中文，可切换英文），
可离线打开，可在 A4 纸上打印。

  <cases>             the cases: .json (an array, or { "cases": [...] }), .ndjson, .csv or .xlsx, or -
                      for JSON on standard input
  --ledger <file>     the payment ledger (.json, .csv or .xlsx, as for exitfund audit): adds the audit
  --cap <money>       the money available to --payer: adds the allocation of exitfund budget --cap
  --payer <payer>     whose budget --cap limits: district (default) or municipal
  --rules <id|file>   a bundled rule set or a rule-set JSON file (default tongzhou-2016)
  --programme <file>  an ES module whose default export is a programme (exitfund/rules): a district's
                      extensions (docs/extending.md); --rules then names a rule set that values them
  --case-limit <n>    list at most n cases with their explanations (default ${CASE_LIMIT}); the page says
                      how many more there are — every total still counts every case
  --out <file>        the page to write (.html); without it, standard output when it is not a terminal
  --lang zh|en        the language the page opens in (a switch on the page changes it): zh unless --lang en

Exit status: 0 written, 2 bad input or usage (every problem listed; nothing is written), 74 cannot write.

Example:
  exitfund report examples/tongzhou-2016/cases.json --ledger examples/tongzhou-2016/ledger.json --cap 800000000 --out report.html`,
  zh: HELP_ZH.report,
};

/**
 * 报告 · `exitfund report` — the directors' HTML page over the documents of compute, verify, audit and budget.
 * @example await runReport(["cases.json", "--out", "report.html"], io) // 0
 */
export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(
      args,
      {
        ledger: "string",
        cap: "string",
        payer: "string",
        rules: "string",
        programme: "string",
        "case-limit": "string",
        out: "string",
      },
      REPORT_HELP,
      io,
    );
    if (values.help === true) return EXIT.ok;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError("report takes one <cases> file (or - for standard input)", {
        code: "one-input",
        zh: "report 只接受一个 <cases> 案件文件（或 - 表示标准输入）",
      });
    const out = values.out as string | undefined;
    if ((out === undefined || out === "-") && io.stdout.isTTY === true)
      throw new UsageError("report writes an HTML page: give --out <file>.html", {
        code: "html-needs-out",
        zh: "report 输出 HTML 页面：请给出 --out <文件>.html",
      });
    const cap = capOption(values.cap as string | undefined, values.payer as string | undefined);
    const caseLimit = caseLimitOption(values["case-limit"] as string | undefined);
    await refuseOutputOverInput(io, [out], [{ role: "<cases>", file }, ...optionInputs(values)]);
    const named = formatOfExtension(out);
    if (named !== undefined)
      throw new UsageError(
        `report writes an HTML page, but --out "${echoText(out ?? "")}" ends in the extension of ${named}: give --out <file>.html`,
        {
          code: "html-extension",
          zh: `report 输出 HTML 页面，而 --out "${echoText(out ?? "")}" 的扩展名属于 ${named}：请给出 --out <文件>.html`,
        },
      );
    const { programme, ruleSet } = await loadProgrammeAndRules(values, io);
    const ledgerFile = values.ledger as string | undefined;
    const [source, ledger] = await Promise.allSettled([
      readCaseSource(file, io, programme),
      ledgerFile === undefined ? Promise.resolve(undefined) : readLedgerSource(ledgerFile, io),
    ]);
    const issues: InputIssue[] = [];
    for (const result of [source, ledger])
      if (result.status === "rejected") {
        if (!isInvalidInputError(result.reason)) throw result.reason;
        issues.push(...result.reason.issues);
      }
    const computed =
      source.status === "fulfilled"
        ? computeBatch(source.value.cases, { ruleSet, programme, sha256: nodeSha256 })
        : undefined;
    if (source.status === "fulfilled" && computed !== undefined)
      issues.push(...locateErrors(source.value, computed.errors).map(({ index: _index, id: _id, ...issue }) => issue));
    const rows =
      ledger.status === "fulfilled" && ledger.value !== undefined
        ? ledgerRows(ledger.value, ruleSet.rounding, issues)
        : undefined;
    if (source.status === "fulfilled" && source.value.cases.length === 0)
      issues.push({
        path: file,
        code: "no-cases",
        message: "holds no cases; a report needs at least one",
        zh: "文件中没有案件；报告至少需要一个案件",
      });
    if (issues.length > 0 || source.status === "rejected" || computed === undefined)
      throw new InvalidInputError(issues);
    const audit =
      rows === undefined || ledger.status !== "fulfilled" || ledger.value === undefined
        ? undefined
        : auditOutcomes({
            ruleSet,
            outcomes: computed.results,
            ledger: rows,
            tolerance: ZERO,
            receipt: computed.receipt,
            ledgerPlaces: ledger.value.places,
          });
    const page = reportPage({
      lang: io.langGiven === true && io.lang === "en" ? "en" : "zh",
      ruleSet,
      programme,
      document: computed,
      cases: source.value.cases,
      ...(audit === undefined ? {} : { audit }),
      ...(cap === undefined ? {} : { cap }),
      caseLimit,
    });
    await emit(io, page, out);
    return EXIT.ok;
  } catch (error) {
    return reportInputError(error, io, "report");
  }
}

/**
 * The report page of computed cases (`document` is `computeBatch(cases)`, every case valid), with the audit and the
 * allocation when given: what `exitfund report` writes, and the demo's `report.html`.
 */
export function reportPage(
  options: Omit<ReportOptions, "facts"> & { readonly cases: readonly unknown[]; readonly lang?: "zh" | "en" },
): string {
  const { cases, lang, ...rest } = options;
  return reportHtml(reportData({ ...rest, facts: factsOf(cases, options.programme, options.ruleSet) }), lang);
}

/** The ledger's rows checked against the rule set's rounding (a payment in tenths of a fen is refused). */
function ledgerRows(ledger: LedgerSource, rounding: Rounding, issues: InputIssue[]): LedgerRow[] {
  const parsed = parseLedger(ledger.rows, rounding);
  if (parsed.ok) return parsed.rows;
  issues.push(...parsed.issues);
  return [];
}

function capOption(cap: string | undefined, payer: string | undefined): { amount: string; payer: Payer } | undefined {
  if (cap === undefined) {
    if (payer !== undefined)
      throw new UsageError("--payer goes with --cap: --cap <money> [--payer district|municipal]", {
        code: "payer-without-cap",
        zh: "--payer 须与 --cap 一起使用：--cap <金额> [--payer district|municipal]",
      });
    return undefined;
  }
  if (payer !== undefined && payer !== "municipal" && payer !== "district")
    throw new UsageError(`--payer must be district or municipal; got "${echoText(payer)}"`, {
      code: "bad-payer",
      zh: `--payer 须为 district（区级）或 municipal（市级），收到 "${echoText(payer)}"`,
    });
  return { amount: cap, payer: (payer ?? "district") as Payer };
}

function caseLimitOption(text: string | undefined): number {
  if (text === undefined) return CASE_LIMIT;
  if (!/^\d{1,7}$/.test(text))
    throw new UsageError(`--case-limit must be a whole number of cases from 0 to 9999999; got "${echoText(text)}"`, {
      code: "bad-case-limit",
      zh: `--case-limit 须为 0 至 9999999 的整数；收到 "${echoText(text)}"`,
    });
  return Number(text);
}
