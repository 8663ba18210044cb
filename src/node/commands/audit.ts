import { auditOutcomes, parseAuditInput } from "../../audit/audit.js";
import { DISCREPANCY_LABELS, PAYER_LABELS, STATUS_LABELS } from "../../audit/labels.js";
import type { AuditDocument, AuditInput, AuditOptions, Discrepancy, DiscrepancyType } from "../../audit/types.js";
import { explain, type Lang } from "../../rules/explain.js";
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
import { fitText, makeTable, viewOf, type TableView } from "../table.js";
import { auditWorkbookBytes, ledgerRowsText } from "../xlsx/auditReport.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";
import { selectCases } from "./caseSelection.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

const FORMATS = ["json", "table", "xlsx"] as const;

/** `exitfund audit --help`. */
/** `exitfund audit --help` in each language. */
export const AUDIT_HELP: Said = {
  en: `Usage: exitfund audit <cases> --ledger <file> [--ledger-map <file>] [--map <file>] [--tolerance <money>] [--rules <file|id>] [--programme <module>] [--format json|table|xlsx] [--out <file>] [--explain] [--case <id>]... [--lang en|zh]

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
  --explain           after the discrepancies, each discrepancy in words and then its case's explanation:
                      every figure with its arithmetic, parameters and conditions (table; json adds
                      "explanations": [{ caseId, discrepancies, text }])
  --case <id>         explain just this case (repeatable), discrepant or not; implies --explain; an
                      unknown id is an error naming it, with the closest ids
  --lang en|zh        language of the explanations (default: the locale's)

Discrepancy types: underpaid, overpaid, unpaid, paid-not-owed, duplicate-payment, wrong-payer,
unknown-case; difference = paid − owed. Of several rows for one case and payer, the earliest is the
payment and each later one a duplicate-payment (owed 0), so Σ difference = Σ paid − Σ owed.
Exit status: 0 the ledger matches, 1 discrepancies found, 2 bad input or usage (every problem listed).

Example:
  exitfund audit examples/tongzhou-2016/cases.json --ledger examples/tongzhou-2016/ledger.json --format table`,
  zh: HELP_ZH.audit,
};

/**
 * 审计 · `exitfund audit` — the audit of a payment ledger against the cases, as JSON, a table or a workbook.
 *
 * @remarks Exit 0 when the ledger matches, 1 when any discrepancy is reported, 2 for bad input or usage.
 * @example await runAudit(["cases.json", "--ledger", "ledger.json"], io) // 1
 */
export async function runAudit(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals, lists } = parseCommand(
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
        explain: "boolean",
        case: "strings",
      },
      AUDIT_HELP,
      io,
    );
    const lang: Lang = io.lang ?? "en";
    const wantedCases = lists.case ?? [];
    const explainWanted = values.explain === true || wantedCases.length > 0;
    if (values.help === true) return EXIT.ok;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError("audit takes one <cases> file (or - for standard input)", {
        code: "one-input",
        zh: "audit 只接受一个 <cases> 案件文件（或 - 表示标准输入）",
      });
    const ledgerFile = values.ledger as string | undefined;
    if (ledgerFile === undefined)
      throw new UsageError("audit needs --ledger <file>: the payment ledger to audit", {
        code: "needs-ledger",
        zh: "audit 需要 --ledger <文件>：待审计的付款台账",
      });
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
    const selected =
      wantedCases.length === 0
        ? undefined
        : selectCases(
            wantedCases,
            input.outcomes.map((outcome) => outcome.id),
          );
    const explanations = explainWanted ? auditExplanations(document, input, lang, programme, selected) : undefined;
    if (format === "json")
      await emitJson(io, explanations === undefined ? document : { ...document, explanations }, out);
    else
      await emit(
        io,
        format === "table"
          ? auditTable(document, viewOf(io)) +
              (explanations === undefined
                ? ""
                : fitText(explanationsText(document, explanations, lang), viewOf(io).width))
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
export async function readAuditInput(
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

/** One case's explanation in an audit: the discrepancies of the case (indices into `discrepancies`) and the text. */
export interface AuditExplanation {
  readonly caseId: string;
  readonly discrepancies: readonly number[];
  readonly text: string;
}

/** A discrepancy in words: `E-2016-0009 区级 多付：应付 600,000.00 元，已付 610,000.00 元，差额 10,000.00 元（凭证 …；台账第 5 行）`. */
export function discrepancyWords(d: Discrepancy, lang: Lang): string {
  const zh = lang === "zh";
  const label = DISCREPANCY_LABELS[d.type][lang];
  const payer = zh ? PAYER_LABELS_ZH[d.payer] : d.payer;
  const where = [
    ...(d.vouchers === undefined || d.vouchers.length === 0
      ? []
      : [`${zh ? "凭证" : "vouchers"} ${d.vouchers.map((voucher) => echoText(voucher)).join(zh ? "、" : ", ")}`]),
    ...(d.rows === undefined || d.rows.length === 0
      ? []
      : [zh ? `台账第 ${ledgerRowsText(d)} 行` : `ledger row(s) ${ledgerRowsText(d)}`]),
  ];
  const amounts = zh
    ? `应付 ${formatAmount(d.owed)} 元，已付 ${formatAmount(d.paid)} 元，差额（已付 − 应付）${formatAmount(d.difference)} 元`
    : `owed ${formatAmount(d.owed)}, paid ${formatAmount(d.paid)}, difference (paid − owed) ${formatAmount(d.difference)} yuan`;
  const tail = where.length === 0 ? "" : zh ? `（${where.join("；")}）` : ` (${where.join("; ")})`;
  return zh
    ? `${d.caseId} ${payer}资金 ${label}：${amounts}${tail}`
    : `${d.caseId} ${payer}: ${label} (${d.type}): ${amounts}${tail}`;
}

const PAYER_LABELS_ZH: { readonly [payer: string]: string } = { municipal: "市级", district: "区级" };

/**
 * The explanations `--explain` (each discrepant case) or `--case` (just those cases) asks for, in the order of the
 * cases; the cases are computed again with their traces.
 */
function auditExplanations(
  document: AuditDocument,
  input: AuditInput & { readonly cases: readonly unknown[]; readonly programme?: Programme },
  lang: Lang,
  programme: Programme | undefined,
  selected: ReadonlySet<string> | undefined,
): readonly AuditExplanation[] {
  const wanted = selected ?? new Set(document.discrepancies.map((discrepancy) => discrepancy.caseId));
  const cases = input.cases.filter((_, index) => wanted.has(input.outcomes[index]?.id ?? ""));
  const traced = computeBatch(cases, {
    ruleSet: input.ruleSet,
    ...(input.programme === undefined ? {} : { programme: input.programme }),
  }).results;
  const explained = traced.map((outcome) => ({
    caseId: outcome.id,
    discrepancies: document.discrepancies.flatMap((d, index) => (d.caseId === outcome.id ? [index] : [])),
    text: explain(outcome, { lang, ruleSet: input.ruleSet, ...(programme === undefined ? {} : { programme }) }),
  }));
  // A ledger row for a case that is not in the file has no computation to explain: it is said so.
  const unknown = selected === undefined ? document.discrepancies.filter((d) => d.type === "unknown-case") : [];
  const seen = new Set<string>();
  const orphans = unknown.flatMap((d) => {
    if (seen.has(d.caseId)) return [];
    seen.add(d.caseId);
    return [
      {
        caseId: d.caseId,
        discrepancies: document.discrepancies.flatMap((other, index) => (other.caseId === d.caseId ? [index] : [])),
        text:
          lang === "zh"
            ? `${d.caseId}：台账中的案件编号不在案件文件中，没有可说明的计算。`
            : `${d.caseId}: the ledger names a case that is not in the cases file; there is no computation to explain.`,
      },
    ];
  });
  return [...explained, ...orphans];
}

/** The explanations as text after the audit table: each case's discrepancies in words, then its explanation. */
function explanationsText(document: AuditDocument, explanations: readonly AuditExplanation[], lang: Lang): string {
  const zh = lang === "zh";
  const blocks = explanations.map((entry) => {
    const said =
      entry.discrepancies.length === 0
        ? [zh ? `${entry.caseId}：台账与计算相符，无差异。` : `${entry.caseId}: the ledger matches the computation.`]
        : entry.discrepancies.flatMap((index) => {
            const d = document.discrepancies[index];
            return d === undefined
              ? []
              : [`${zh ? "差异" : "Discrepancy"} ${index + 1}${zh ? "：" : ": "}${discrepancyWords(d, lang)}`];
          });
    return [...said, "", entry.text].join("\n");
  });
  const title = zh ? "说明（每个差异所涉案件的计算）" : "Explanations (the computation of each discrepancy's case)";
  return blocks.length === 0 ? "" : `\n${title}\n\n${blocks.join("\n\n")}\n`;
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

/** The audit table's texts, in each language (codes only in en; zh names every type, payer and status). */
const AUDIT_TEXTS = {
  zh: {
    head: ["案件", "差异类型", "付款方", "应付", "已付", "差额", "凭证号", "台账行"],
    totals: ["", "应付", "已付", "差额"],
    total: "合计",
    heading: (id: string, version: string, tolerance: string) =>
      `规则集 ${id} 第 ${version} 版；容差 ${tolerance} 元；金额单位：元；差额 = 已付 − 应付`,
    none: "无差异：台账与每个个案相符。",
    counts: (cases: number, statuses: string, counts: string) =>
      `个案 ${cases} 个（${statuses}）${counts === "" ? "" : `；差异：${counts}`}`,
    separator: "，",
  },
  en: {
    head: ["case", "type", "payer", "owed", "paid", "difference", "vouchers", "rows"],
    totals: ["", "owed 应付", "paid 已付", "difference 差额"],
    total: "合计 total",
    heading: (id: string, version: string, tolerance: string) =>
      `rule set ${id} v${version}; tolerance ${tolerance}; amounts in yuan; difference = paid − owed`,
    none: "No discrepancy: the ledger matches every case.",
    counts: (cases: number, statuses: string, counts: string) =>
      `cases: ${cases} (${statuses})${counts === "" ? "" : `; discrepancies: ${counts}`}`,
    separator: ", ",
  },
} as const;

/** The discrepancies, totals and counts as text tables, in `view`'s language and fitted to its width. */
export function auditTable(document: AuditDocument, view: TableView = { lang: "en" }): string {
  const texts = AUDIT_TEXTS[view.lang];
  const zh = view.lang === "zh";
  const discrepancies = makeTable(
    {
      head: [...texts.head],
      colAligns: ["left", "left", "left", "right", "right", "right", "left", "left"],
    },
    view.width,
  );
  for (const d of document.discrepancies) {
    discrepancies.push([
      d.caseId,
      zh ? DISCREPANCY_LABELS[d.type].zh : `${d.type} ${DISCREPANCY_LABELS[d.type].zh}`,
      zh ? PAYER_LABELS[d.payer] : `${d.payer} ${PAYER_LABELS[d.payer]}`,
      formatAmount(d.owed),
      formatAmount(d.paid),
      formatAmount(d.difference),
      (d.vouchers ?? []).join(", "),
      ledgerRowsText(d),
    ]);
  }
  const totals = makeTable({ head: [...texts.totals], colAligns: ["left", "right", "right", "right"] }, view.width);
  totals.push([
    texts.total,
    formatAmount(document.totals.owed),
    formatAmount(document.totals.paid),
    formatAmount(document.totals.difference),
  ]);
  const statuses = (["clean", "within-tolerance", "discrepant"] as const).map(
    (status) =>
      `${STATUS_LABELS[status][view.lang]} ${document.reconciliation.filter((entry) => entry.status === status).length}`,
  );
  const counts = Object.entries(document.counts)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${zh ? DISCREPANCY_LABELS[type as DiscrepancyType].zh : type} ${count}`);
  return fitText(
    [
      texts.heading(document.ruleSet.id, document.ruleSet.version, document.tolerance),
      document.discrepancies.length === 0 ? texts.none : discrepancies.toString(),
      totals.toString(),
      texts.counts(document.reconciliation.length, statuses.join(texts.separator), counts.join(texts.separator)),
      "",
    ].join("\n"),
    view.width,
  );
}
