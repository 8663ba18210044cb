// The functions of exitfund/node as a program calls them: each refuses a wrong call shape (a file name that is
// no text, options that are no options, a document that is not what compute/audit/budget give, an io without
// streams) with InvalidInputError naming the argument (issue 10) — never a TypeError from deep inside. The CLI
// calls the unchecked functions with what it built itself.
import type { AuditDocument } from "../audit/types.js";
import type { BudgetDimension, BudgetDocument } from "../batch/budget.js";
import { BUDGET_DIMENSIONS } from "../batch/budget.js";
import type { ComputeDocument } from "../batch/compute.js";
import {
  BOOLEAN_OPTION,
  COUNT_OPTION,
  FUNCTION_OPTION,
  isPlainObject,
  refuse,
  type OptionCheck,
} from "../errors/arguments.js";
import { InvalidInputError } from "../errors/index.js";
import { listOf, objectArgument, optionsOf, reading, textArgument } from "../errors/shapes.js";
import { checkRounding } from "../money/round.js";
import type { Rounding } from "../money/decimal.js";
import { isLoaded } from "../parameters/load.js";
import type { RuleSet } from "../parameters/types.js";
import type { Outcome } from "../rules/default.js";
import { isProgramme, type Programme } from "../rules/programme.js";
import * as api from "./api.js";
import * as fixtures from "./fixtures.js";
import * as results from "./formats/results.js";
import * as resultsXlsx from "./formats/resultsXlsx.js";
import * as template from "./formats/template.js";
import type { CliIo } from "./io.js";
import { LIMITS } from "./limits.js";
import * as run from "./run.js";
import * as audit from "./xlsx/auditReport.js";
import * as budget from "./xlsx/budgetReport.js";
import * as verify from "./xlsx/verifySheet.js";

const TEXT_OPTION: OptionCheck = { accepts: "a text", zh: "文本", test: (value) => typeof value === "string" };
const PROGRAMME_OPTION: OptionCheck = {
  accepts: "a programme (made by programme(...) of exitfund/rules)",
  zh: "方案（由 exitfund/rules 的 programme(...) 创建）",
  test: isProgramme,
};
const RULE_SET_OPTION: OptionCheck = {
  accepts: "a loaded rule set (loadRuleSet or ruleSets[id])",
  zh: "已加载的规则集（loadRuleSet 或 ruleSets[id]）",
  test: isLoaded,
};
const ITERABLE_OPTION: OptionCheck = {
  accepts: "an async iterable of text or bytes (a readable stream)",
  zh: "文本或字节的异步可迭代对象（可读流）",
  test: (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function",
};
const LIMITS_OPTION: OptionCheck = {
  accepts: `an object of limits { ${Object.keys(LIMITS).join(", ")} }, each a whole number ≥ 0`,
  zh: `限额对象 { ${Object.keys(LIMITS).join(", ")} }，每项为大于等于 0 的整数`,
  test: (value) =>
    isPlainObject(value) &&
    Object.keys(value).every(
      (key) => Object.hasOwn(LIMITS, key) && (value[key] === undefined || COUNT_OPTION.test(value[key])),
    ),
};
const READ_OPTIONS = { cwd: TEXT_OPTION, stdin: ITERABLE_OPTION, onNotice: FUNCTION_OPTION, limits: LIMITS_OPTION };

/** The file argument and the options of a reader, checked. */
function readArguments(file: unknown, options: unknown, extra: { readonly [option: string]: OptionCheck } = {}): void {
  textArgument(file, "file", "the file's name (or - for standard input)", "文件名（或 - 表示标准输入）");
  optionsOf(options, "options", { ...READ_OPTIONS, ...extra });
}

/** `readCases`, its call shape checked. */
export async function readCases(file: string, options: api.ReadCasesOptions = {}): Promise<unknown[]> {
  readArguments(file, options, { ruleSet: RULE_SET_OPTION });
  return await api.readCases(file, options);
}

/** `readCaseSource`, its call shape checked. */
export async function readCaseSource(file: string, options: api.ReadOptions = {}) {
  readArguments(file, options);
  return await api.readCaseSource(file, options);
}

/** `readCasesStream`, its call shape checked. */
export async function* readCasesStream(file: string, options: api.ReadOptions = {}) {
  readArguments(file, options);
  yield* api.readCasesStream(file, options);
}

/** `readLedger`, its call shape checked. */
export async function readLedger(file: string, options: api.ReadOptions = {}) {
  readArguments(file, options);
  return await api.readLedger(file, options);
}

/** `runFixtures`, its call shape checked. */
export async function runFixtures(
  patterns: readonly string[],
  options: fixtures.RunFixturesOptions = {},
): Promise<fixtures.FixtureReport> {
  listOf(patterns, "patterns", {
    en: "fixture files or folders (texts)",
    zh: "测试用例文件或文件夹（文本）",
  }).forEach((pattern, index) =>
    textArgument(pattern, `patterns[${index}]`, "a fixture file or folder", "测试用例文件或文件夹"),
  );
  optionsOf(options, "options", { cwd: TEXT_OPTION });
  return await fixtures.runFixtures(patterns, options);
}

/** `io` is a CliIo: stdout and stderr with write, stdin an async iterable, cwd a text. */
function ioArgument(io: unknown): void {
  const en = "the CLI's io { stdout, stderr, stdin, cwd, limits? } (processIo() gives the process's)";
  const zh = "命令行的 io { stdout, stderr, stdin, cwd, limits? }（processIo() 给出本进程的）";
  const given = objectArgument(io, "io", en, zh);
  const wrong = reading("io", () => {
    for (const name of ["stdout", "stderr"]) {
      const stream = given[name] as { write?: unknown } | null | undefined;
      if (typeof stream !== "object" || stream === null || typeof stream.write !== "function") return `${name}.write`;
    }
    if (!ITERABLE_OPTION.test(given.stdin)) return "stdin";
    if (typeof given.cwd !== "string") return "cwd";
    if (given.limits !== undefined && !LIMITS_OPTION.test(given.limits)) return "limits";
    return undefined;
  });
  if (wrong !== undefined)
    refuse(`io.${wrong}`, "not-an-io", `is missing or wrong: io must be ${en}`, `缺失或有误：io 应为${zh}`);
}

/** `runCli`, its call shape checked. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  listOf(argv, "argv", {
    en: "arguments (texts, without node and the script)",
    zh: "参数（文本，不含 node 与脚本）",
  }).forEach((argument, index) => textArgument(argument, `argv[${index}]`, "an argument", "参数"));
  ioArgument(io);
  return await run.runCli(argv, io);
}

const COMPUTE_EN = "a compute document { ruleSet, results, totals, errors } (what computeBatch gives)";
const COMPUTE_ZH = "计算结果文档 { ruleSet, results, totals, errors }（computeBatch 的结果）";

/** `value` has an object at each of `objects` and a list at each of `lists`, or it is refused at `path`. */
function documentArgument(
  value: unknown,
  path: string,
  en: string,
  zh: string,
  objects: readonly string[],
  lists: readonly string[],
): void {
  const document = objectArgument(value, path, en, zh);
  const wrong = reading(path, () => {
    for (const name of objects)
      if (typeof document[name] !== "object" || document[name] === null || Array.isArray(document[name])) return name;
    for (const name of lists) if (!Array.isArray(document[name])) return name;
    return undefined;
  });
  if (wrong !== undefined)
    refuse(
      `${path}.${wrong}`,
      "not-a-document",
      `is missing or wrong: ${path} must be ${en}`,
      `缺失或有误：${path} 应为${zh}`,
    );
}

function computeDocument(value: unknown): void {
  documentArgument(value, "document", COMPUTE_EN, COMPUTE_ZH, ["ruleSet", "totals"], ["results", "errors"]);
}

/** A writer's fault from a document it cannot write: the document is not what the library gives. */
async function writing<T>(what: string, zh: string, write: () => Promise<T> | T): Promise<T> {
  try {
    return await write();
  } catch (error) {
    return notADocument(error, what, zh);
  }
}

function writingSync<T>(what: string, zh: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    return notADocument(error, what, zh);
  }
}

/** A writer's TypeError or DecimalError, refused as `not-a-document`; any other error thrown on unchanged. */
function notADocument(error: unknown, what: string, zh: string): never {
  if (error instanceof InvalidInputError || !(error instanceof TypeError || /DecimalError/.test(String(error))))
    throw error;
  return refuse(
    "document",
    "not-a-document",
    `cannot be written: it is not ${what} as the library gives it (a field is missing or of the wrong type)`,
    `无法写出：不是本库给出的${zh}（字段缺失或类型有误）`,
  );
}

/** `resultsCsv`, its call shape checked. */
export function resultsCsv(document: ComputeDocument): string {
  computeDocument(document);
  return writingSync(COMPUTE_EN, COMPUTE_ZH, () => results.resultsCsv(document));
}

/** `resultsNdjson`, its call shape checked. */
export function resultsNdjson(document: ComputeDocument, explain: boolean): string {
  computeDocument(document);
  if (typeof explain !== "boolean")
    refuse(
      "explain",
      "wrong-type",
      "must be true or false (whether each line carries its trace)",
      "应为 true 或 false（每行是否带计算过程）",
    );
  return writingSync(COMPUTE_EN, COMPUTE_ZH, () => results.resultsNdjson(document, explain));
}

/** `resultsWorkbookBytes`, its call shape checked. */
export async function resultsWorkbookBytes(
  document: ComputeDocument,
  options: { readonly explain?: boolean; readonly title?: string; readonly maxCells?: number } = {},
): Promise<Uint8Array> {
  computeDocument(document);
  optionsOf(options, "options", { explain: BOOLEAN_OPTION, title: TEXT_OPTION, maxCells: COUNT_OPTION });
  return await writing(COMPUTE_EN, COMPUTE_ZH, () => resultsXlsx.resultsWorkbookBytes(document, options));
}

const KIND_EN =
  "a case kind (enterprise-exit, structure-clearance, village-compensation, township-transfer, or a kind of the programme)";
const KIND_ZH =
  "案件类型（enterprise-exit、structure-clearance、village-compensation、township-transfer 或方案中的类型）";

function programmeArgument(programme: unknown): void {
  if (programme !== undefined && !isProgramme(programme))
    refuse("programme", "not-a-programme", `must be ${PROGRAMME_OPTION.accepts}`, `应为${PROGRAMME_OPTION.zh}`);
}

/** `templateCsv`, its call shape checked. */
export function templateCsv(kind: template.TemplateKind | string, programme?: Programme): string {
  textArgument(kind, "kind", KIND_EN, KIND_ZH);
  programmeArgument(programme);
  return template.templateCsv(kind, programme);
}

/** `templateXlsxBytes`, its call shape checked. */
export async function templateXlsxBytes(kind: string, ruleSet: RuleSet, programme?: Programme): Promise<Uint8Array> {
  textArgument(kind, "kind", KIND_EN, KIND_ZH);
  if (!isLoaded(ruleSet))
    refuse("ruleSet", "not-a-rule-set", `must be ${RULE_SET_OPTION.accepts}`, `应为${RULE_SET_OPTION.zh}`);
  programmeArgument(programme);
  return await template.templateXlsxBytes(kind, ruleSet, programme);
}

/** `verificationWorkbookBytes`, its call shape checked. */
export async function verificationWorkbookBytes(
  document: ComputeDocument,
  ruleSet?: verify.RuleSetLabel,
  options: { readonly maxCells?: number } = {},
): Promise<Uint8Array> {
  computeDocument(document);
  const label = ruleSet === undefined ? document.ruleSet : ruleSet;
  const given = objectArgument(
    label,
    "ruleSet",
    "the rule set's label { id, version, title?, rounding? }",
    "规则集标识 { id, version, title?, rounding? }",
  );
  if (typeof given.id !== "string" || typeof given.version !== "string")
    refuse(
      "ruleSet",
      "not-a-rule-set",
      "must name the rule set: { id, version } are texts",
      "应标明规则集：{ id, version } 为文本",
    );
  if (given.rounding !== undefined) checkRounding(given.rounding as Rounding, "ruleSet.rounding");
  optionsOf(options, "options", { maxCells: COUNT_OPTION });
  return await writing(COMPUTE_EN, COMPUTE_ZH, () => verify.verificationWorkbookBytes(document, label, options));
}

/** The outcomes argument: a list of outcomes (objects). */
function outcomesArgument(outcomes: unknown): void {
  listOf(outcomes, "outcomes", { en: "outcomes", zh: "计算结果" }).forEach((outcome, index) =>
    objectArgument(outcome, `outcomes[${index}]`, "an outcome (what compute gives)", "计算结果（compute 的结果）"),
  );
}

const AUDIT_EN =
  "an audit document { ruleSet, tolerance, discrepancies, totals, counts, reconciliation } (what audit gives)";
const AUDIT_ZH = "审计结果文档 { ruleSet, tolerance, discrepancies, totals, counts, reconciliation }（audit 的结果）";

/** `auditWorkbookBytes`, its call shape checked. */
export async function auditWorkbookBytes(
  document: AuditDocument,
  outcomes: readonly Outcome[],
  rounding: Rounding,
  options: audit.AuditWorkbookOptions = {},
): Promise<Uint8Array> {
  documentArgument(
    document,
    "document",
    AUDIT_EN,
    AUDIT_ZH,
    ["ruleSet", "totals", "counts"],
    ["discrepancies", "reconciliation"],
  );
  outcomesArgument(outcomes);
  reading("rounding", () => checkRounding(rounding, "rounding"));
  optionsOf(options, "options", { maxCells: COUNT_OPTION, programme: PROGRAMME_OPTION });
  return await writing(AUDIT_EN, AUDIT_ZH, () => audit.auditWorkbookBytes(document, outcomes, rounding, options));
}

const BUDGET_EN = "a budget document { ruleSet, groups, total, allocation? } (what budget gives)";
const BUDGET_ZH = "预算文档 { ruleSet, groups, total, allocation? }（budget 的结果）";

/** `budgetWorkbookBytes`, its call shape checked. */
export async function budgetWorkbookBytes(
  document: BudgetDocument,
  by: readonly BudgetDimension[],
  rounding: Rounding,
  options: budget.BudgetWorkbookOptions = {},
): Promise<Uint8Array> {
  documentArgument(document, "document", BUDGET_EN, BUDGET_ZH, ["ruleSet"], ["groups"]);
  listOf(by, "by", { en: "dimensions", zh: "分组维度" }).forEach((dimension, index) => {
    if (!(BUDGET_DIMENSIONS as readonly unknown[]).includes(dimension))
      refuse(
        `by[${index}]`,
        "invalid-value",
        `must be one of ${BUDGET_DIMENSIONS.join(", ")}`,
        `应为以下之一：${BUDGET_DIMENSIONS.join("、")}`,
      );
  });
  reading("rounding", () => checkRounding(rounding, "rounding"));
  optionsOf(options, "options", { maxCells: COUNT_OPTION, programme: PROGRAMME_OPTION });
  return await writing(BUDGET_EN, BUDGET_ZH, () => budget.budgetWorkbookBytes(document, by, rounding, options));
}

/** `processIo`: takes no argument. */
export const processIo: () => CliIo = run.processIo;
