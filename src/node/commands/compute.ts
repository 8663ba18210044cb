import { ISSUE_LIMIT } from "../../errors/echo.js";
import { nodeSha256 } from "../sha256.js";
import { fitText, makeTable, tableWidth } from "../table.js";
import { findingName } from "../labels.js";
import { STATUSES, STATUS_LABELS } from "../../vocabulary.js";
import { TRACK_LABELS, type Track } from "../../vocabulary.js";
import { computeBatch, type CaseError, type ComputeDocument } from "../../batch/compute.js";
import { formatAmount } from "../../money/format.js";
import { explain, type Lang } from "../../rules/explain.js";
import type { Programme } from "../../rules/programme.js";
import type { RuleSet } from "../../parameters/types.js";
import type { OutcomeBase } from "../../trace/types.js";
import { outcomeLine, resultsCsvHeader, resultsCsvRows, summaryLine, totalsText } from "../formats/results.js";
import { writeJson } from "../formats/jsonWrite.js";
import { resultsWorkbookBytes } from "../formats/resultsXlsx.js";
import { groupByColumn, locateErrors } from "../formats/source.js";
import { reportErrors, streamCompute } from "../formats/streamCompute.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { emitWith } from "../output.js";
import { limitsOf } from "../limits.js";
import { createProgress } from "../progress.js";
import { checkSource, readCaseSource } from "../read.js";
import { loadMapOption } from "../map-option.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { threadsOption } from "../parallel.js";
import { checkOutput, optionInputs, outputFormat, parseCommand } from "./args.js";
import { selectCases } from "./caseSelection.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

/** `exitfund compute --help` in each language. */
export const COMPUTE_HELP: Said = {
  en: `exitfund compute <cases> [--rules <file|id>] [--programme <module>] [--format json|ndjson|csv|xlsx|table] [--out <file>] [--explain] [--case <id>]... [--lang en|zh] [--skip-invalid] [--progress] [--threads N]

Computes every case of <cases> with the rule set (default tongzhou-2016). <cases> is a .json file (an array
or { "cases": [...] }), .ndjson (one case per line), .csv or .xlsx (the flat layout of docs/files.md, as
"exitfund template <kind>" writes it), or - for standard input (JSON, NDJSON, CSV or XLSX, told from
what it holds). Sheets may have title rows above the header, 序号 and 备注 columns, 合计/小计 rows and
signature lines below (each skipped with a note), amounts as 1,234.50, ¥1250 or １２３, and Chinese names
for every value (是/否, 整体退出, 砖混结构).
--format   json (default when stdout is not a terminal): { ruleSet, results (in input order), totals
             { municipal, district, total, byTownship }, errors }
           ndjson: one outcome per line, then { "ruleSet", "totals", "errors" } on the last line
           csv: one row per outcome (UTF-8 with BOM, amounts as exact decimals); totals go to stderr
           xlsx: a workbook (results, totals by township with 人民币大写, the trace with --explain); --out (or stdout to a file)
           table (default on a terminal): a readable table
           Without --format, the extension of --out chooses (.json, .ndjson, .csv, .xlsx).
--programme     an ES module whose default export (or export "programme") is a programme built with
                exitfund/rules: a district's extensions (docs/extending.md); --rules names a rule set for it
--explain       include each outcome's trace (json, ndjson, xlsx), or print each outcome's account (table)
--case <id>     explain just this case (repeatable: --case A --case B); implies --explain: the table prints
                only these cases' accounts, json/ndjson/xlsx carry only their traces; an unknown id is an error
--lang          language of the table and of the --explain account: zh or en (default: the locale's)
--skip-invalid  compute the valid cases and list the invalid ones (exit 1 when any was skipped)
--threads N     worker threads for a large .ndjson streamed (default 1; 2 for both cores of a
                2-core machine); the output is the same byte for byte, the memory higher
--progress      report progress on stderr even when it is not a terminal (on a terminal a bar appears
                by itself when a streamed batch runs longer than a second)
--map <file>    a mapping (.json or .xlsx) of a sheet's own headers and names of values onto the layout,
                for sheets kept in another system's columns (docs/files.md, "Mappings")
A .ndjson file with --format ndjson, csv or json streams in bounded memory: a first pass checks every line,
a second computes and writes each outcome at once (docs/files.md, "Streaming"); transfers are still
cross-checked against the enterprise exits they list.
Invalid input: every problem is listed on stderr by file, sheet, row and column (or line, or index and
field path), and nothing is written. Exit status: 0 computed; 1 cases were skipped; 2 bad input.
  exitfund compute cases.xlsx --out results.xlsx
  exitfund compute district.ndjson --format csv --out results.csv
  cat cases.json | exitfund compute - --explain > results.json
  exitfund compute 台湖镇.xlsx --format xlsx > 结果.xlsx
  exitfund compute cases.json --case E-2016-0009 --lang zh`,
  zh: HELP_ZH.compute,
};

const FORMATS = ["json", "ndjson", "csv", "xlsx", "table"] as const;
type Format = (typeof FORMATS)[number];

/** `exitfund compute`: reads cases, computes them, writes the results in the chosen format (see COMPUTE_HELP). */
export async function runCompute(args: readonly string[], io: CliIo): Promise<number> {
  const options = {
    rules: "string",
    programme: "string",
    format: "string",
    out: "string",
    explain: "boolean",
    "skip-invalid": "boolean",
    progress: "boolean",
    map: "string",
    threads: "string",
    case: "strings",
  } as const;
  const { values, positionals, lists } = parseCommand(args, options, COMPUTE_HELP, io);
  if (values.help === true) return EXIT.ok;
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    throw new UsageError("compute takes one <cases> file (or - for standard input)", {
      code: "one-input",
      zh: "compute 只接受一个 <cases> 案件文件（或 - 表示标准输入）",
    });
  const out = values.out as string | undefined;
  const format = outputFormat("compute", values.format as string | undefined, out, FORMATS, io);
  const lang = io.lang ?? "en";
  await checkOutput(io, out, format, [{ role: "<cases>", file }, ...optionInputs(values)]);
  const { programme, ruleSet } = await loadProgrammeAndRules(values, io);
  const wantedCases = lists.case ?? [];
  const explainWanted = values.explain === true || wantedCases.length > 0;
  const skipInvalid = values["skip-invalid"] === true;
  const threads = threadsOption(values.threads as string | undefined);
  // --case picks cases out of the whole file: it is read at once, not streamed.
  if (
    wantedCases.length === 0 &&
    /\.(ndjson|jsonl)$/i.test(file) &&
    (format === "ndjson" || format === "csv" || format === "json")
  ) {
    const progress = (label: string, total: number) =>
      createProgress({ stream: io.stderr, total, label, lang, force: values.progress === true });
    const given = { rules: values.rules as string | undefined, programme: values.programme as string | undefined };
    return streamCompute(
      { file, ruleSet, programme, format, explain: explainWanted, skipInvalid, out, progress, threads, values: given },
      io,
    );
  }
  const mapping = await loadMapOption(values, io, { programme, ruleSet });
  const source = await readCaseSource(file, io, { programme, ruleSet, ...(mapping === undefined ? {} : { mapping }) });
  // A cell that cannot be read makes its case invalid; checking the source finds every other problem too.
  const sourceErrors = source.issues.length > 0 ? checkSource(source, ruleSet, programme) : undefined;
  const bar = createProgress({
    stream: io.stderr,
    total: source.cases.length,
    label: "computing",
    lang,
    force: values.progress === true,
  });
  let reported = 0;
  const computed = computeBatch(source.cases, {
    ruleSet,
    programme,
    // A trace only when one is shown (--explain, --case): each costs kilobytes, and the fast path makes none.
    trace: explainWanted,
    skipInvalid,
    sha256: nodeSha256,
    onProgress: (done) => {
      bar.tick(done - reported);
      reported = done;
    },
  });
  bar.done();
  const document: ComputeDocument = {
    ...computed,
    errors: sourceErrors ?? groupByColumn(locateErrors(source, computed.errors)),
  };
  reportErrors(document.errors, io, skipInvalid);
  if (document.errors.length > 0 && !skipInvalid) return EXIT.badInput;
  const selected =
    wantedCases.length === 0
      ? undefined
      : selectCases(
          wantedCases,
          document.results.map((outcome) => outcome.id),
        );
  const produce = await render(selected === undefined ? document : tracesOf(document, selected), format, {
    explain: explainWanted,
    lang,
    width: tableWidth(io),
    title: ruleSet.titles.zh,
    maxCells: limitsOf(io).xlsxCellsWritten,
    programme,
    ruleSet,
    ...(selected === undefined ? {} : { selected }),
  });
  await emitWith(io, out, produce);
  if (format === "csv") io.stderr.write(totalsText(document.totals, document.results.length, io.lang));
  return document.errors.length > 0 ? EXIT.findings : EXIT.ok;
}

type Put = (chunk: string | Uint8Array) => Promise<void>;

/** How the document is written in `format`: in pieces for the text formats, so its size is not bounded by a string's. */
async function render(
  document: ComputeDocument,
  format: Format,
  options: {
    explain: boolean;
    lang: Lang;
    title: string;
    maxCells: number;
    programme: Programme;
    ruleSet: RuleSet;
    selected?: ReadonlySet<string>;
    width?: number | undefined;
  },
): Promise<(put: Put) => Promise<void>> {
  switch (format) {
    case "json": {
      const shown = listedErrors(options.explain ? document : withoutTraces(document), document.errors);
      return (put) => writeJson(put, shown);
    }
    case "ndjson":
      return async (put) => {
        for (const outcome of document.results) await put(outcomeLine(outcome, options.explain));
        const omitted = Math.max(0, document.errors.length - ISSUE_LIMIT);
        await put(
          summaryLine(
            document.ruleSet,
            document.totals,
            document.errors.slice(0, ISSUE_LIMIT),
            document.receipt,
            omitted,
          ),
        );
      };
    case "csv":
      return async (put) => {
        await put(resultsCsvHeader());
        for (let start = 0; start < document.results.length; start += 1000)
          await put(resultsCsvRows(document.results.slice(start, start + 1000)));
      };
    case "xlsx": {
      const bytes = await resultsWorkbookBytes(document, {
        explain: options.explain,
        title: options.title,
        maxCells: options.maxCells,
        programme: options.programme,
      });
      return (put) => put(bytes);
    }
    case "table": {
      const text = computeTable(document, options.explain ? options.lang : undefined, options.programme, {
        lang: options.lang,
        ruleSet: options.ruleSet,
        ...(options.width === undefined ? {} : { width: options.width }),
        ...(options.selected === undefined ? {} : { selected: options.selected }),
      });
      return (put) => put(text);
    }
  }
}

/** A document whose `errors` lists at most {@link ISSUE_LIMIT} problems, then `errorsOmitted` counts the rest. */
export function listedErrors(document: object, errors: readonly CaseError[]): object {
  if (errors.length <= ISSUE_LIMIT) return document;
  return { ...document, errors: errors.slice(0, ISSUE_LIMIT), errorsOmitted: errors.length - ISSUE_LIMIT };
}

/** The document with the traces of the `selected` cases only (`--case`): the others' traces are empty. */
function tracesOf(document: ComputeDocument, selected: ReadonlySet<string>): ComputeDocument {
  return {
    ...document,
    results: document.results.map((outcome) => (selected.has(outcome.id) ? outcome : { ...outcome, trace: [] })),
  };
}

/** The compute document without traces (`trace` is included only with --explain). */
export function withoutTraces(document: ComputeDocument): object {
  return { ...document, results: document.results.map(({ trace: _trace, ...rest }) => rest) };
}

/** The headers of the results and totals tables, in each language. */
const TABLE_TEXTS = {
  zh: {
    results: ["编号", "类别", "乡镇", "路径／是否符合", "市级", "区级", "合计", "依据", "问题"],
    totals: ["乡镇", "市级", "区级", "合计"],
    total: "合计",
    eligible: "符合条件",
    notEligible: "不符合条件",
    estimate: "（估算）",
    basis: Object.fromEntries(STATUSES.map((status) => [status, STATUS_LABELS[status].zh])) as {
      readonly [basis: string]: string;
    },
    heading: (id: string, version: string) => `规则集 ${id} 第 ${version} 版；金额单位：元`,
    illustrative: "注：依据标为“示例值”的结果使用占位参数，并非官方标准。",
    findingsMore: (count: number) => `等 ${count} 项`,
  },
  en: {
    results: ["id", "kind", "township", "track / eligible", "municipal", "district", "total", "basis", "findings"],
    totals: ["township", "municipal", "district", "total"],
    total: "合计 total",
    eligible: "eligible",
    notEligible: "not eligible",
    estimate: " (estimate)",
    basis: {} as { readonly [basis: string]: string },
    heading: (id: string, version: string) => `rule set ${id} v${version}; amounts in yuan`,
    illustrative: "Note: results marked illustrative use placeholder parameters, not official figures.",
    findingsMore: (count: number) => `+${count} more`,
  },
} as const;

/** At most this many finding codes in a table cell; the rest are counted (all are in --format json|xlsx). */
const FINDINGS_SHOWN = 3;

/**
 * A readable table of results, totals by township, and with `lang` each outcome's account; `view` chooses
 * the table's language (headers, kinds and tracks by their Chinese labels in zh) and the width it must fit; with
 * `view.selected` (`--case`) just the accounts of those cases.
 */
export function computeTable(
  document: ComputeDocument,
  lang?: Lang,
  programme?: Programme,
  view: {
    readonly lang?: Lang;
    readonly width?: number;
    readonly selected?: ReadonlySet<string>;
    /** The rule set the document was computed with: its sources name each parameter's source by title. */
    readonly ruleSet?: RuleSet;
  } = {},
): string {
  const texts = TABLE_TEXTS[view.lang ?? "en"];
  const selected = view.selected;
  const account = (outcome: OutcomeBase) =>
    `\n${explain(outcome, {
      ...(lang === undefined ? {} : { lang }),
      ...(programme === undefined ? {} : { programme }),
      ...(view.ruleSet === undefined ? {} : { ruleSet: view.ruleSet }),
    })}`;
  if (selected !== undefined && lang !== undefined)
    return fitText(
      [
        texts.heading(document.ruleSet.id, document.ruleSet.version),
        ...document.results.filter((outcome) => selected.has(outcome.id)).map(account),
        "",
      ].join("\n"),
      view.width,
    );
  const results = makeTable(
    {
      head: [...texts.results],
      colAligns: ["left", "left", "left", "left", "right", "right", "right", "left", "left"],
    },
    view.width,
  );
  let cut = false;
  for (const outcome of document.results) {
    const cells = row(outcome, view.lang ?? "en", programme);
    cut ||= cells.cut;
    results.push(cells.cells);
  }
  const totals = makeTable({ head: [...texts.totals], colAligns: ["left", "right", "right", "right"] }, view.width);
  for (const [township, amounts] of Object.entries(document.totals.byTownship))
    totals.push([
      township,
      formatAmount(amounts.municipal),
      formatAmount(amounts.district),
      formatAmount(amounts.total),
    ]);
  totals.push([
    texts.total,
    formatAmount(document.totals.municipal),
    formatAmount(document.totals.district),
    formatAmount(document.totals.total),
  ]);
  const accounts = lang === undefined ? [] : document.results.map(account);
  const illustrative = document.results.some((outcome) => outcome.basis === "illustrative");
  const pointer =
    view.lang === "zh"
      ? "问题只列出前几项：完整清单见 `--format json --out <文件>` 或 `--format xlsx --out <文件>.xlsx`。"
      : "Findings are summarised: every one is in --format json --out <file> or --format xlsx --out <file>.xlsx.";
  return fitText(
    [
      texts.heading(document.ruleSet.id, document.ruleSet.version),
      results.toString(),
      totals.toString(),
      ...(illustrative ? [texts.illustrative] : []),
      ...(cut ? [pointer] : []),
      ...accounts,
      "",
    ].join("\n"),
    view.width,
  );
}

function row(outcome: OutcomeBase, lang: Lang, programme?: Programme): { cells: string[]; cut: boolean } {
  const texts = TABLE_TEXTS[lang];
  const zh = lang === "zh";
  const kind = zh ? (programme?.entry(outcome.kind)?.domain.labels.zh ?? outcome.kind) : outcome.kind;
  const track =
    outcome.track === undefined
      ? outcome.eligible
        ? texts.eligible
        : texts.notEligible
      : zh && Object.hasOwn(TRACK_LABELS, outcome.track)
        ? TRACK_LABELS[outcome.track as Track].zh
        : outcome.track;
  // Each finding once with how often it occurs (×2), the first few; the rest counted.
  const counts = new Map<string, number>();
  for (const finding of outcome.findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  const distinct = [...counts].map(([code, n]) => `${findingName(code, lang)}${n > 1 ? ` ×${n}` : ""}`);
  const shown = distinct.slice(0, FINDINGS_SHOWN).join(zh ? "；" : ", ");
  const rest = [...counts.values()].slice(FINDINGS_SHOWN).reduce((sum, n) => sum + n, 0);
  const findings = distinct.length > FINDINGS_SHOWN ? `${shown} ${texts.findingsMore(rest)}` : shown;
  return {
    cells: [
      outcome.id,
      kind,
      outcome.township,
      track,
      formatAmount(outcome.amounts.municipal),
      formatAmount(outcome.amounts.district),
      formatAmount(outcome.amounts.total),
      (Object.hasOwn(texts.basis, outcome.basis) ? texts.basis[outcome.basis] : outcome.basis) +
        (outcome.estimate ? texts.estimate : ""),
      findings,
    ],
    cut: distinct.length > FINDINGS_SHOWN,
  };
}
