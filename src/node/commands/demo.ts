import { access, mkdir, stat } from "node:fs/promises";
import { nodeSha256 } from "../sha256.js";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DISCREPANCY_TYPES, auditOutcomes, parseLedger, type AuditDocument } from "../../audit/index.js";
import { summarize, computeBatch, type ComputeDocument } from "../../batch/compute.js";
import { echoText } from "../../errors/echo.js";
import { InvalidInputError } from "../../errors/index.js";
import { toChineseCapital } from "../../money/capital.js";
import { Dec, ZERO } from "../../money/decimal.js";
import { formatAmount, formatWan } from "../../money/format.js";
import { toMoneyString } from "../../money/round.js";
import type { RuleSet } from "../../parameters/types.js";
import type { ClearanceDetail } from "../../rules/land-clearing-fee/types.js";
import type { Outcome } from "../../rules/default.js";
import type { Amounts, OutcomeBase } from "../../trace/types.js";
import { EXIT, IoError, UsageError, type CliIo } from "../io.js";
import { resultsWorkbookBytes } from "../formats/resultsXlsx.js";
import { jsonText, openOut, publishAll, reasonOf, refuseOutputOverInput, syncFolder, type OutFile } from "../output.js";
import { casesOfJson, parseJsonText, readText } from "../read.js";
import { loadRulesOption } from "../rules-option.js";
import { fitText, makeTable, viewOf, type TableView } from "../table.js";
import { findingName } from "../labels.js";
import { DISCREPANCY_LABELS } from "../../audit/labels.js";
import { verificationWorkbookBytes } from "../xlsx/verifySheet.js";
import { defaultProgramme } from "../../rules/default.js";
import { reportPage } from "./report.js";
import { optionInputs, parseCommand } from "./args.js";
import { withoutTraces } from "./compute.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

type CaseKind = Outcome["kind"];

/** The sample district's folder, relative to the package root. */
export const SAMPLE_FOLDER = join("examples", "tongzhou-2016");

/** `exitfund demo --help` in each language. */
export const DEMO_HELP: Said = {
  en: `exitfund demo [--out-dir <dir>] [--rules <file|id>] [--xlsx]

Computes the SYNTHETIC sample district examples/tongzhou-2016/ (2,776 enterprise exits, 300 land-clearing
declarations, 120 village compensations, one township transfer per township, and a payment ledger with
planted discrepancies) and prints:
  - the totals by township and payer, in yuan and 万元, the grand total in 大写;
  - the verification (核定) of the land-clearing declarations: findings by code, declared vs approved;
  - the audit of the ledger: discrepancies by type, owed, paid and the difference.
Writes results.json (the compute document, without traces), verification.json, audit.json and
report.html (the page of exitfund report: totals, charts, verification, audit, every case; docs/report.md)
to --out-dir (default out/, relative to the working directory).
--rules      a bundled rule-set id or a rule-set JSON file (default tongzhou-2016)
--xlsx       also write results.xlsx and verification.xlsx (the housing commission's workbook of all
             300 declarations); the XLSX engine takes several seconds more for them
The data are invented, and the rule set's illustrative values are placeholders, not official figures.
Exit status: 0 done; 2 bad usage or a rule set the sample does not compute under.
  exitfund demo
  exitfund demo --out-dir /tmp/demo --xlsx`,
  zh: HELP_ZH.demo,
};

/**
 * 演示 · `exitfund demo` — computes, verifies and audits the synthetic sample district, prints a summary
 * and writes the documents under `--out-dir`.
 *
 * @remarks Exit 0 whenever the sample computes (its findings and planted discrepancies are the point of the
 * demo, not failures); 2 for bad usage, a missing sample folder, or a rule set under which the sample is invalid.
 * @example await runDemo(["--out-dir", "out"], io) // 0
 */
export async function runDemo(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { "out-dir": "string", rules: "string", xlsx: "boolean" },
    DEMO_HELP,
    io,
  );
  if (values.help === true) return EXIT.ok;
  if (positionals.length > 0)
    throw new UsageError(
      `demo takes no file arguments (it reads ${SAMPLE_FOLDER}); got ${positionals.map((p) => `"${echoText(p)}"`).join(", ")}`,
      {
        code: "no-argument",
        zh: `demo 不接受文件参数（它读取 ${SAMPLE_FOLDER}），收到 ${positionals.map((p) => `"${echoText(p)}"`).join("、")}`,
      },
    );
  const outDir = (values["out-dir"] as string | undefined) ?? "out";
  const xlsx = values.xlsx === true;
  const folder = await findSampleFolder(io.cwd);
  await refuseOutputOverInput(
    io,
    documentNames(xlsx).map((name) => join(resolve(io.cwd, outDir), name)),
    [
      { role: "(the sample cases)", file: join(folder, "cases.json") },
      { role: "(the sample ledger)", file: join(folder, "ledger.json") },
      ...optionInputs(values),
    ],
  );
  const ruleSet = await loadRulesOption(values.rules as string | undefined, io);
  const sample = await readSample(folder, io);
  const document = computeBatch(sample.cases, { ruleSet, sha256: nodeSha256 });
  if (document.errors.length > 0) throw sampleInvalid(document, ruleSet);
  const verification = verificationOf(document, ruleSet);
  const audited = auditOf(document, sample.ledger, ruleSet);
  const page = reportPage({ ruleSet, programme: defaultProgramme, document, cases: sample.cases, audit: audited });
  const files = [
    ...(await documentFiles(document, verification, audited, ruleSet, xlsx)),
    ["report.html", page] as const,
  ];
  const written = await writeDocuments(io, outDir, files);
  io.stdout.write(
    report(
      {
        ruleSet,
        folder: relativeTo(io.cwd, folder),
        document,
        verification,
        audited,
        ledgerRows: sample.ledger.length,
        written,
        xlsx,
      },
      viewOf(io),
    ),
  );
  return EXIT.ok;
}

/** The sample does not compute under this rule set: the first problems, and how many there are. */
function sampleInvalid(document: ComputeDocument, ruleSet: RuleSet): InvalidInputError {
  const shown = document.errors
    .slice(0, 20)
    .map(({ path, code, message }) => ({ path: `cases.json ${path}`, code, message }));
  const more = document.errors.length - shown.length;
  return new InvalidInputError([
    ...shown,
    ...(more > 0
      ? [
          {
            path: "cases.json",
            code: "more-problems",
            message: `… and ${more} more problems under rule set ${ruleSet.id}`,
            zh: `……另有 ${more} 个问题（规则集 ${ruleSet.id}）`,
          },
        ]
      : []),
  ]);
}

/** The sample folder: searched upwards from this module (the repository or the installed package), then from the working directory. */
async function findSampleFolder(cwd: string): Promise<string> {
  const starts = [moduleDirectory(), cwd].filter((start): start is string => start !== undefined);
  for (const start of starts) {
    let directory = resolve(start);
    for (let depth = 0; depth < 8; depth += 1) {
      const candidate = join(directory, SAMPLE_FOLDER);
      if (await exists(join(candidate, "cases.json"))) return candidate;
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  throw new UsageError(
    `cannot find the sample district ${SAMPLE_FOLDER}/cases.json next to exitfund or above ${echoText(cwd, 200)}; run the demo from the exitfund repository (npm run examples regenerates it)`,
    {
      code: "no-sample",
      zh: `在 exitfund 旁边或 ${echoText(cwd, 200)} 之上找不到示例区县 ${SAMPLE_FOLDER}/cases.json：请在 exitfund 代码库中运行 demo（npm run examples 可重新生成）`,
    },
  );
}

function moduleDirectory(): string | undefined {
  // import.meta.url is empty in a CommonJS build: the working directory is searched instead.
  const url = (import.meta as { url?: string }).url;
  return typeof url === "string" && url.startsWith("file:") ? dirname(fileURLToPath(url)) : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The cases and the ledger rows of the sample (the ledger is an array or `{ "ledger": [...] }`). */
async function readSample(folder: string, io: CliIo): Promise<{ cases: unknown[]; ledger: unknown[] }> {
  const casesFile = join(folder, "cases.json");
  const ledgerFile = join(folder, "ledger.json");
  const cases = casesOfJson(parseJsonText(await readText(casesFile, io), casesFile), casesFile);
  const ledgerJson = parseJsonText(await readText(ledgerFile, io), ledgerFile);
  const ledger = Array.isArray(ledgerJson) ? ledgerJson : (ledgerJson as { ledger?: unknown }).ledger;
  if (!Array.isArray(ledger))
    throw new InvalidInputError([
      {
        path: ledgerFile,
        code: "not-a-list",
        message: 'must hold an array of ledger rows, or { "ledger": [...] }',
        zh: '应为台账行的数组，或 { "ledger": [...] }',
      },
    ]);
  return { cases, ledger };
}

/**
 * The verify document of the sample's clearance declarations: their outcomes (already computed) and totals.
 * Its receipt is the whole sample's: the 核定表 is computed from cases.json, and the input hash is always of
 * the input file's cases (verify-receipt checks the declarations among them).
 */
function verificationOf(document: ComputeDocument, ruleSet: RuleSet): ComputeDocument {
  const results = document.results.filter((outcome) => outcome.kind === "structure-clearance");
  return {
    ruleSet: document.ruleSet,
    results,
    totals: summarize(results, ruleSet),
    errors: [],
    receipt: document.receipt,
  };
}

/** The audit of the ledger against the outcomes already computed (the same as `audit(cases, ledger)` without computing twice). */
function auditOf(document: ComputeDocument, ledger: readonly unknown[], ruleSet: RuleSet): AuditDocument {
  const rows = parseLedger(ledger, ruleSet.rounding);
  if (!rows.ok)
    throw new InvalidInputError(rows.issues.map((issue) => ({ ...issue, path: `ledger.json ${issue.path}` })));
  return auditOutcomes({
    ruleSet,
    outcomes: document.results,
    ledger: rows.rows,
    tolerance: ZERO,
    receipt: document.receipt,
  });
}

/** The names of the files the demo writes. */
function documentNames(xlsx: boolean): string[] {
  return [
    "results.json",
    "verification.json",
    "audit.json",
    "report.html",
    ...(xlsx ? ["results.xlsx", "verification.xlsx"] : []),
  ];
}

/** The files the demo writes, by name. The workbooks take the XLSX engine several seconds for 15,000 items, so they are opt-in. */
async function documentFiles(
  document: ComputeDocument,
  verification: ComputeDocument,
  audited: AuditDocument,
  ruleSet: RuleSet,
  xlsx: boolean,
): Promise<[string, string | Uint8Array][]> {
  const files: [string, string | Uint8Array][] = [
    ["results.json", jsonText(withoutTraces(document))],
    ["verification.json", jsonText(withoutTraces(verification))],
    ["audit.json", jsonText(audited)],
  ];
  if (xlsx) {
    files.push([
      "results.xlsx",
      await resultsWorkbookBytes(document, {
        title: `${ruleSet.id} v${ruleSet.version} · 示例数据 SYNTHETIC sample district`,
      }),
    ]);
    files.push([
      "verification.xlsx",
      await verificationWorkbookBytes(verification, {
        id: ruleSet.id,
        version: ruleSet.version,
        title: ruleSet.titles.zh,
        rounding: ruleSet.rounding,
      }),
    ]);
  }
  return files;
}

/**
 * `mkdir -p`, a folder at a time. Node's `mkdir(…, { recursive: true })` loops forever where a folder cannot be made
 * although its parent exists (`mkdir /proc/x` answers ENOENT, `/proc` EEXIST, and so on again): here a second
 * ENOENT after the parent was made is the answer.
 */
async function makeFolder(directory: string): Promise<void> {
  try {
    await mkdir(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      if (!(await stat(directory)).isDirectory()) throw error;
      return;
    }
    const parent = dirname(directory);
    if (code !== "ENOENT" || parent === directory) throw error;
    await makeFolder(parent);
    await mkdir(directory).catch(async (again: unknown) => {
      if ((again as NodeJS.ErrnoException).code !== "EEXIST" || !(await stat(directory)).isDirectory()) throw again;
    });
  }
}

async function writeDocuments(
  io: CliIo,
  outDir: string,
  files: readonly (readonly [string, string | Uint8Array])[],
): Promise<string[]> {
  const directory = resolve(io.cwd, outDir);
  try {
    await makeFolder(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = reasonOf(error);
    if (code === "ENOTDIR" || code === "EEXIST")
      throw new UsageError(`--out-dir "${echoText(outDir)}" is not a folder (a file is in its way)`, {
        code: "out-dir-not-folder",
        zh: `--out-dir "${echoText(outDir)}" 不是文件夹（路径上有同名文件）`,
      });
    throw new IoError(`cannot create the folder --out-dir "${echoText(outDir)}": ${reason.en}`, {
      code: "cannot-write",
      zh: `无法创建文件夹 --out-dir "${echoText(outDir)}"：${reason.zh}`,
    });
  }
  // All the files or none: each is written whole to a temporary file, and only when every one is ready are they
  // renamed into place, in one synchronous step, so a failure or a signal leaves the previous run's files as they
  // were, never some of this run's files beside some of the last one's.
  const staged: OutFile[] = [];
  try {
    for (const [name, content] of files) {
      const file = await openOut(io, join(directory, name));
      staged.push(file);
      await file.write(content);
      await file.ready();
    }
  } catch (error) {
    for (const file of staged) await file.abort();
    throw error;
  }
  await publishAll(staged);
  await syncFolder(directory);
  return files.map(([name]) => relativeTo(io.cwd, join(directory, name)));
}

function relativeTo(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown === "" || shown.startsWith("..") ? path : shown;
}

interface Report {
  readonly ruleSet: RuleSet;
  readonly folder: string;
  readonly document: ComputeDocument;
  readonly verification: ComputeDocument;
  readonly audited: AuditDocument;
  readonly ledgerRows: number;
  readonly written: readonly string[];
  readonly xlsx: boolean;
}

/** The text the demo prints, in `view`'s language and fitted to its width. */
function report(r: Report, view: TableView): string {
  const zh = view.lang === "zh";
  return fitText(
    [
      ...header(r, view),
      "",
      ...totalsSection(r.document, r.ruleSet, view),
      "",
      ...verificationSection(r.verification, r.ruleSet, view),
      "",
      ...auditSection(r.audited, r.ledgerRows, r.folder, view),
      "",
      zh ? "已写出的文件：" : "Files written:",
      ...r.written.map((file) => `  ${file}`),
      ...(r.xlsx
        ? []
        : [
            zh
              ? "  （加 --xlsx 另写出工作簿 results.xlsx 和 verification.xlsx）"
              : "  (add --xlsx for the workbooks results.xlsx and verification.xlsx)",
          ]),
      "",
      zh ? "下一步：" : "Next:",
      `  exitfund audit ${join(r.folder, "cases.json")} --ledger ${join(r.folder, "ledger.json")} --format table`,
      `  exitfund verify ${join(r.folder, "clearance.json")} --format xlsx --out ${zh ? "核定表" : "verification-sheet"}.xlsx`,
      `  exitfund compute ${join(r.folder, "transfers.json")} --format table --explain`,
      "",
    ].join("\n"),
    view.width,
  );
}

/** Tables without a rule between every row. */
const COMPACT = { compact: true, head: [], border: [] };

const KIND_LABELS: { readonly [K in CaseKind]: { readonly zh: string; readonly en: string } } = {
  "enterprise-exit": { zh: "企业奖励", en: "enterprise rewards" },
  "structure-clearance": { zh: "腾地经费", en: "land-clearing fees" },
  "village-compensation": { zh: "村集体补偿", en: "village compensation" },
  "township-transfer": { zh: "转移支付", en: "township transfers" },
};

function header(r: Report, view: TableView): string[] {
  const parameters = Object.values(r.ruleSet.toJSON().parameters);
  const illustrative = parameters.filter((parameter) => parameter.status === "illustrative").length;
  const kinds = countBy(r.document.results, (outcome) => outcome.kind);
  const items = r.verification.results.reduce((n, outcome) => n + clearanceDetail(outcome).items.length, 0);
  if (view.lang === "zh")
    return [
      "exitfund 演示 —— 通州区 2016 示例区",
      `示例数据（虚构）：${r.folder} 中的每家企业、地块、村和每笔支付都是编造的。`,
      `规则集 ${r.ruleSet.id} 第 ${r.ruleSet.version} 版：${parameters.length} 个参数中有 ${illustrative} 个为示例值——`,
      "是占位数字，并非官方标准——所以下面的金额只用来说明方法，不代表真实应得金额。",
      "",
      `个案：企业退出 ${count(kinds.get("enterprise-exit"))} 个 · 腾地申报 ${count(kinds.get("structure-clearance"))} 份（地上物 ${count(items)} 项）· ` +
        `村集体补偿 ${count(kinds.get("village-compensation"))} 个 · 乡镇转移支付 ${count(kinds.get("township-transfer"))} 个`,
    ];
  return [
    "exitfund demo — the Tongzhou 2016 sample district",
    `SYNTHETIC DATA: every firm, site, village and payment in ${r.folder} is invented.`,
    `Rule set ${r.ruleSet.id} v${r.ruleSet.version} (${r.ruleSet.titles.en}): ${illustrative} of ${parameters.length} parameters are illustrative —`,
    "placeholders, not official figures — so the amounts below illustrate the method, not real entitlements.",
    "",
    `Cases: ${count(kinds.get("enterprise-exit"))} enterprise exits · ${count(kinds.get("structure-clearance"))} land-clearing declarations (${count(items)} items) · ` +
      `${count(kinds.get("village-compensation"))} village compensations · ${count(kinds.get("township-transfer"))} township transfers`,
  ];
}

function totalsSection(document: ComputeDocument, ruleSet: RuleSet, view: TableView): string[] {
  const zh = view.lang === "zh";
  const amountsHead = zh ? ["市级", "区级", "合计", "万元"] : ["municipal", "district", "total", "10,000 yuan"];
  const aligns = ["left", "right", "right", "right", "right"] as const;
  const byTownship = makeTable(
    { head: [zh ? "乡镇" : "township", ...amountsHead], colAligns: [...aligns], style: COMPACT },
    view.width,
  );
  const townships = Object.entries(document.totals.byTownship).sort(([, a], [, b]) =>
    new Dec(b.total).comparedTo(a.total),
  );
  for (const [township, amounts] of townships) byTownship.push(amountRow(township, amounts));
  byTownship.push(amountRow(zh ? "合计" : "total", document.totals));
  const byKind = makeTable(
    { head: [zh ? "类别" : "kind", ...amountsHead], colAligns: [...aligns], style: COMPACT },
    view.width,
  );
  for (const kind of Object.keys(KIND_LABELS) as CaseKind[]) {
    byKind.push(
      amountRow(
        KIND_LABELS[kind][view.lang],
        summarize(
          document.results.filter((outcome) => outcome.kind === kind),
          ruleSet,
        ),
      ),
    );
  }
  const estimates = document.results.filter((outcome) => outcome.estimate);
  const capital = toChineseCapital(document.totals.total, { prefix: "人民币" });
  if (zh)
    return [
      "1. 资金汇总（按乡镇和付款方，单位：元）",
      byTownship.toString(),
      byKind.toString(),
      `总计：¥${formatAmount(document.totals.total)}（${formatWan(document.totals.total)}）`,
      `大写：${capital}`,
      ...(estimates.length === 0 ? [] : [`${estimates.length} 个市级奖励尚待市里批准：其金额为估算。`]),
    ];
  return [
    "1. Totals by township and payer (yuan)",
    byTownship.toString(),
    byKind.toString(),
    `Grand total: ¥${formatAmount(document.totals.total)} (${formatWan(document.totals.total).replace("万元", "")} × 10,000 yuan)`,
    ...(estimates.length === 0
      ? []
      : [`${estimates.length} municipal reward(s) are still pending in the city: their amounts are estimates.`]),
  ];
}

function amountRow(label: string, amounts: Amounts): string[] {
  return [
    label,
    formatAmount(amounts.municipal),
    formatAmount(amounts.district),
    formatAmount(amounts.total),
    formatWan(amounts.total).replace("万元", ""),
  ];
}

function verificationSection(verification: ComputeDocument, ruleSet: RuleSet, view: TableView): string[] {
  const zh = view.lang === "zh";
  const details = verification.results.map(clearanceDetail);
  const items = details.flatMap((detail) => detail.items);
  const findings = countBy(
    items.flatMap((item) => item.findings),
    (code) => code,
  );
  const table = makeTable(
    {
      head: zh ? ["问题", "项数"] : ["finding", "", "items"],
      colAligns: zh ? ["left", "right"] : ["left", "left", "right"],
      style: COMPACT,
    },
    view.width,
  );
  for (const [code, n] of [...findings.entries()].sort(([, a], [, b]) => b - a))
    table.push(zh ? [findingName(code, "zh"), count(n)] : [code, findingName(code, "en"), count(n)]);
  const declared = details.reduce((sum, detail) => sum.plus(detail.totals.declared), ZERO);
  const approved = details.reduce((sum, detail) => sum.plus(detail.totals.approved), ZERO);
  const money = (value: Dec) => toMoneyString(value, ruleSet.rounding);
  const wan = (value: Dec) => (zh ? formatWan(money(value)) : formatWan(money(value)).replace("万元", " × 10,000"));
  const totals = makeTable({ colAligns: ["left", "right", "right"], style: COMPACT }, view.width);
  totals.push([zh ? "申报" : "declared", formatAmount(money(declared)), wan(declared)]);
  totals.push([zh ? "核定" : "approved", formatAmount(money(approved)), wan(approved)]);
  totals.push([
    zh ? "差额（核定 − 申报）" : "difference (approved − declared)",
    formatAmount(money(approved.minus(declared))),
    wan(approved.minus(declared)),
  ]);
  const flagged = items.filter((item) => item.findings.length > 0).length;
  const capital = toChineseCapital(money(approved), { prefix: "人民币" });
  return [
    zh ? "2. 腾地经费核定" : "2. Verification of the land-clearing declarations",
    zh
      ? `申报 ${count(verification.results.length)} 份，地上物 ${count(items.length)} 项；有问题的 ${count(flagged)} 项（无问题 ${count(items.length - flagged)} 项）`
      : `${count(verification.results.length)} declarations, ${count(items.length)} items; ${count(flagged)} items with findings (${count(items.length - flagged)} verified clean)`,
    table.toString(),
    totals.toString(),
    ...(zh ? [`核定金额大写：${capital}`] : []),
  ];
}

function auditSection(audited: AuditDocument, ledgerRows: number, folder: string, view: TableView): string[] {
  const zh = view.lang === "zh";
  const table = makeTable(
    {
      head: zh ? ["差异", "笔数", "应付", "已付", "差额"] : ["discrepancy", "", "lines", "owed", "paid", "difference"],
      colAligns: zh
        ? ["left", "right", "right", "right", "right"]
        : ["left", "left", "right", "right", "right", "right"],
      style: COMPACT,
    },
    view.width,
  );
  for (const type of DISCREPANCY_TYPES) {
    const lines = audited.discrepancies.filter((discrepancy) => discrepancy.type === type);
    if (lines.length === 0) continue;
    const total = (pick: (line: (typeof lines)[number]) => string) =>
      formatAmount(lines.reduce((sum, line) => sum.plus(pick(line)), ZERO));
    table.push([
      ...(zh ? [DISCREPANCY_LABELS[type].zh] : [type, DISCREPANCY_LABELS[type].en]),
      String(lines.length),
      total((l) => l.owed),
      total((l) => l.paid),
      total((l) => l.difference),
    ]);
  }
  const cases = new Set(audited.discrepancies.map((discrepancy) => discrepancy.caseId)).size;
  const owed = formatAmount(audited.totals.owed);
  const paid = formatAmount(audited.totals.paid);
  const difference = formatAmount(audited.totals.difference);
  if (zh)
    return [
      "3. 资金审计（支付台账）",
      `${join(folder, "ledger.json")}：支付记录 ${count(ledgerRows)} 行；${cases} 个个案有差异 ${audited.discrepancies.length} 条（容差 ${audited.tolerance} 元）`,
      ...(audited.discrepancies.length === 0 ? ["无差异：每个个案都按应付金额足额支付。"] : [table.toString()]),
      `应付 ${owed} · 已付 ${paid} · 差额（已付 − 应付）${difference}`,
      `示例台账按应付金额支付每个个案，只有每类差异各故意埋入两条（${join(folder, "planted-discrepancies.json")}）。`,
    ];
  return [
    "3. Audit of the payment ledger",
    `${join(folder, "ledger.json")}: ${count(ledgerRows)} payment rows; ${audited.discrepancies.length} discrepancy lines on ${cases} cases (tolerance ${audited.tolerance})`,
    ...(audited.discrepancies.length === 0
      ? ["No discrepancies: every case was paid exactly what it is owed."]
      : [table.toString()]),
    `Owed ${owed} · paid ${paid} · difference (paid − owed) ${difference}`,
    `The sample ledger pays every case what it is owed, except two discrepancies of each kind planted on purpose (${join(folder, "planted-discrepancies.json")}).`,
  ];
}

function clearanceDetail(outcome: OutcomeBase): ClearanceDetail {
  return outcome.detail as ClearanceDetail;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function count(n: number | undefined): string {
  return (n ?? 0).toLocaleString("en");
}
