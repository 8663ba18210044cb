import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseDocument } from "yaml";
import * as z from "zod";
import { computeBatch } from "../batch/compute.js";
import { echo, echoText } from "../errors/echo.js";
import { isInvalidInputError, type InputIssue } from "../errors/index.js";
import { Dec } from "../money/decimal.js";
import type { RuleSet } from "../parameters/types.js";
import { checkProgramme } from "../rule-sets/index.js";
import type { Programme } from "../rules/programme.js";
import { zodIssues } from "../schemas/issues.js";
import { MoneySchema } from "../schemas/scalars.js";
import type { OutcomeBase } from "../trace/types.js";
import { CliError, type CliIo } from "./io.js";
import { loadProgrammeOption } from "./programme-option.js";
import { brokenTexts, loneSurrogateIssues } from "./formats/json.js";
import { parseJsonText, readText } from "./read.js";
import { loadRulesOption } from "./rules-option.js";

/**
 * Fixtures: a district's worked examples as files, run against its rule set and programme (`exitfund test`,
 * docs/extending.md §6). A fixture file is JSON (or YAML of the same shape):
 * `{ "rules"?: <file|id>, "programme"?: <module>, "tests": [{ "name", "case", "expect": { "amounts"?, "track"?,
 * "eligible"?, "findings"? } }] }`, with `rules` and `programme` relative to the fixture file.
 */

const FIELD_LABELS: { readonly [field: string]: string } = {
  rules: "规则集",
  programme: "方案模块",
  tests: "测试",
  name: "测试名称",
  case: "案件",
  expect: "预期结果",
  amounts: "金额",
  municipal: "市级金额",
  district: "区级金额",
  total: "合计金额",
  track: "渠道",
  eligible: "是否符合条件",
  findings: "提示代码",
  note: "备注",
};
const label = (field: string) => (Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined);

const ExpectSchema = z.strictObject({
  amounts: z
    .strictObject({
      municipal: z.optional(MoneySchema),
      district: z.optional(MoneySchema),
      total: z.optional(MoneySchema),
    })
    .optional(),
  track: z.string({ error: 'must be a track name, e.g. "municipal"' }).optional(),
  eligible: z.boolean({ error: "must be true or false" }).optional(),
  findings: z
    .array(z.string({ error: 'must be a finding code, e.g. "deadline-missed"' }), {
      error: "must be a list of finding codes (an empty list: no findings)",
    })
    .optional(),
});

const TestSchema = z.strictObject({
  name: z.string({ error: "must be the test's name, a text" }).min(1, "must not be empty"),
  note: z.string().optional(),
  // The case as written (a record would drop a key "__proto__", which compute then could not refuse as unknown).
  case: z.custom<{ readonly [key: string]: unknown }>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    { error: "must be one case, an object as `compute` reads it" },
  ),
  expect: ExpectSchema,
});

const FixtureSchema = z.strictObject({
  $schema: z.string().optional(),
  note: z.string().optional(),
  rules: z.string({ error: "must name a rule-set file or a bundled id" }).min(1).optional(),
  programme: z.string({ error: "must name a programme module" }).min(1).optional(),
  tests: z.array(TestSchema, { error: "must be a list of tests" }).min(1, "must hold at least one test"),
});

/** What a test expects: only the fields given are checked (amounts as canonical decimal strings). */
export interface FixtureExpectation {
  readonly amounts?:
    | {
        readonly municipal?: string | undefined;
        readonly district?: string | undefined;
        readonly total?: string | undefined;
      }
    | undefined;
  readonly track?: string | undefined;
  readonly eligible?: boolean | undefined;
  /** Finding codes, in any order; `[]`: no findings. */
  readonly findings?: readonly string[] | undefined;
}

/** A value in a difference: an amount or track (text), eligible (boolean), finding codes, or null (not given). */
export type FixtureValue = string | boolean | readonly string[] | null;

/** One field a test expected differently from what was computed. */
export interface FixtureDifference {
  /** `amounts.total`, `track`, `eligible` or `findings`. */
  readonly field: string;
  /** What the fixture gives (null: the test expects nothing). */
  readonly expected: FixtureValue;
  /** What was computed (null: the outcome has no such field, e.g. no track). */
  readonly got: FixtureValue;
}

/** The result of one test of a fixture file. */
export interface FixtureTestResult {
  /** The fixture file, as named relative to the working directory. */
  readonly file: string;
  /** The test's `name`. */
  readonly name: string;
  /** Its index in the file's `tests`. */
  readonly index: number;
  /** `error`: the case could not be computed (its problems are in `issues`). */
  readonly status: "passed" | "failed" | "error";
  /** The fields that differ (empty when it passed). */
  readonly differences: readonly FixtureDifference[];
  /** Why the case could not be computed (`status: "error"`), each by file › test › case field. */
  readonly issues: readonly InputIssue[];
  /** What the test would expect to pass, in the fields it checks (all four when it checks none); for `--update`. */
  readonly actual?: FixtureExpectation;
}

/** What {@link runFixtures} found: every test's result, and the problems of fixture files that could not be run. */
export interface FixtureReport {
  /** The fixture files run (the arguments expanded), as named relative to the working directory. */
  readonly files: readonly string[];
  /** Every test of every file that could be run, in order. */
  readonly results: readonly FixtureTestResult[];
  /** Problems of the fixtures themselves (unreadable, malformed, a rule set or programme that cannot load). */
  readonly problems: readonly InputIssue[];
  /** How many tests passed. */
  readonly passed: number;
  /** How many tests computed something other than they expect. */
  readonly failed: number;
  /** Tests whose case could not be computed, plus files that could not be run at all. */
  readonly errors: number;
}

/** Options of {@link runFixtures}. */
export interface RunFixturesOptions {
  /** The folder relative arguments are resolved against (default `process.cwd()`). */
  readonly cwd?: string;
}

/** A fixture file read: its text, format and parsed content. */
export interface FixtureFile {
  readonly file: string;
  readonly path: string;
  readonly format: "json" | "yaml";
  readonly text: string;
}

const FIXTURE_EXTENSIONS = /\.(json|ya?ml)$/i;

/**
 * Runs every test of the fixture files `patterns` name (files, folders — every .json, .yaml and .yml file
 * under them — or globs with `*`, `**` and `?`), each with the rule set and programme its file names. Every
 * test runs, even after a failure; a file that cannot be read or is malformed is listed in `problems`, every
 * problem of it at once, and the other files still run.
 *
 * @example
 * ```ts
 * import { runFixtures } from "exitfund/node";
 * const report = await runFixtures(["examples/changping-2015/fixtures"]);
 * if (report.failed + report.errors > 0) process.exitCode = 1;
 * ```
 */
export async function runFixtures(
  patterns: readonly string[],
  options: RunFixturesOptions = {},
): Promise<FixtureReport> {
  return await runFixturesWith(patterns, quietIo(options.cwd ?? process.cwd()));
}

/** {@link runFixtures} with the CLI's io (its limits and working directory). */
export async function runFixturesWith(patterns: readonly string[], io: CliIo): Promise<FixtureReport> {
  const problems: InputIssue[] = [];
  const files = await expandPatterns(patterns, io, problems);
  const unmatched = problems.length;
  const results: FixtureTestResult[] = [];
  const read = new Map<string, FixtureFile>();
  let broken = 0;
  for (const file of files) {
    const before = problems.length;
    results.push(...(await runFile(file, io, problems, read)));
    if (problems.length > before) broken += 1;
  }
  const count = (status: FixtureTestResult["status"]) => results.filter((result) => result.status === status).length;
  const report: FixtureReport = {
    files,
    results,
    problems,
    passed: count("passed"),
    failed: count("failed"),
    errors: count("error") + broken + unmatched,
  };
  sourcesOfReport.set(report, read);
  return report;
}

/** The text each report's files had when they were run: `--update` edits that text, not a newer one. */
const sourcesOfReport = new WeakMap<FixtureReport, ReadonlyMap<string, FixtureFile>>();

/** The fixture file `file` as it was when `report` ran it. */
export function fixtureOfReport(report: FixtureReport, file: string): FixtureFile | undefined {
  return sourcesOfReport.get(report)?.get(file);
}

/** An io that reads relative to `cwd` and prints nothing. */
function quietIo(cwd: string): CliIo {
  return {
    cwd,
    stdin: (async function* () {})(),
    stdout: { write: () => true },
    stderr: { write: () => true },
  };
}

function problemOf(error: unknown, path: string): InputIssue[] {
  const within = (at: string) =>
    at === "" || at === path ? path : at.startsWith(`${path} › `) ? at : `${path} › ${at}`;
  if (isInvalidInputError(error)) return error.issues.map((issue) => ({ ...issue, path: within(issue.path) }));
  if (error instanceof CliError)
    return [{ path, code: error.code, message: error.message, ...(error.zh === undefined ? {} : { zh: error.zh }) }];
  throw error;
}

/** The fixture files of the arguments, in order, each once (as named relative to the working directory). */
async function expandPatterns(patterns: readonly string[], io: CliIo, problems: InputIssue[]): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of patterns) {
    const matched = /[*?]/.test(pattern) ? await globFiles(pattern, io) : await filesOf(pattern, io);
    if (matched === undefined)
      problems.push({
        path: pattern,
        code: "no-such-file",
        message: `no such file or folder "${echoText(pattern)}"`,
        zh: `没有文件或文件夹 "${echoText(pattern)}"`,
      });
    else if (matched.length === 0)
      problems.push({
        path: pattern,
        code: "no-fixtures",
        message: `"${echoText(pattern)}" names no fixture file (.json, .yaml or .yml)`,
        zh: `"${echoText(pattern)}" 下没有测试文件（.json、.yaml 或 .yml）`,
      });
    for (const file of matched ?? []) if (!found.includes(file)) found.push(file);
  }
  return await distinctFiles(found, io);
}

/**
 * The files, each once: one file named twice — through a symlink, a hard link, `./x/../f.json`, or a folder and
 * a file in it — is run (and `--update`d) once, under the first name given.
 */
async function distinctFiles(files: readonly string[], io: CliIo): Promise<string[]> {
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const file of files) {
    const info = await stat(resolve(io.cwd, file)).catch(() => undefined);
    const identity = info === undefined ? `name ${resolve(io.cwd, file)}` : `${info.dev}:${info.ino}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    distinct.push(file);
  }
  return distinct;
}

/** A file (whatever its extension), or every fixture file under a folder, sorted; undefined when it does not exist. */
async function filesOf(name: string, io: CliIo): Promise<string[] | undefined> {
  const path = resolve(io.cwd, name);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return undefined;
  if (!info.isDirectory()) return [name];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries)
    if (FIXTURE_EXTENSIONS.test(entry.name) && (await isFileEntry(entry))) files.push(shown(io, pathOf(entry)));
  return files.sort();
}

/** A file, or a symlink to a file (a linked fixture is run, never skipped silently). */
async function isFileEntry(entry: Dirent): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return (await stat(pathOf(entry)).catch(() => undefined))?.isFile() === true;
}

/** Files matching a glob (`*` and `?` within a name, `**` across folders), relative to the working directory. */
async function globFiles(pattern: string, io: CliIo): Promise<string[]> {
  const parts = pattern.split(/[/\\]/);
  const fixed = parts.findIndex((part) => /[*?]/.test(part));
  const base = resolve(io.cwd, parts.slice(0, fixed).join("/") || ".");
  const rest = parts.slice(fixed);
  const source = rest
    .map((part) =>
      part === "**"
        ? "(?:.*/)?"
        : `${part
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replaceAll("*", "[^/]*")
            .replaceAll("?", "[^/]")}/`,
    )
    .join("")
    .replace(/\/$/, "");
  const matcher = new RegExp(`^${source}$`);
  const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Dirent[] = [];
  for (const entry of entries) if (await isFileEntry(entry)) files.push(entry);
  return files
    .map(pathOf)
    .filter((path) => matcher.test(relative(base, path).split(sep).join("/")))
    .map((path) => shown(io, path))
    .sort();
}

/** A directory entry's path (`parentPath` from Node 20.12; `path` before it). */
function pathOf(entry: Dirent): string {
  return join(entry.parentPath ?? (entry as { path?: string }).path ?? "", entry.name);
}

function shown(io: CliIo, path: string): string {
  const name = relative(io.cwd, path);
  return name.startsWith("..") ? path : name;
}

/** Reads a fixture file as text (not recorded as an input: `--update` writes it back). */
export async function readFixtureFile(file: string, io: CliIo): Promise<FixtureFile> {
  const text = await readText(file, { ...io });
  return { file, path: resolve(io.cwd, file), format: /\.ya?ml$/i.test(file) ? "yaml" : "json", text };
}

/** The content of a fixture file: JSON strictly (no key twice), YAML with every syntax error listed. */
function parseFixture(fixture: FixtureFile): unknown {
  if (fixture.format === "json") return parseJsonText(fixture.text, fixture.file);
  const document = parseDocument(fixture.text, { uniqueKeys: true });
  if (document.errors.length > 0)
    throw new FixtureProblems(
      document.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at === undefined ? "" : ` › line ${at.line}, column ${at.col}`;
        const what = echoText((error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, ""), 120);
        return {
          path: `${fixture.file}${where}`,
          code: "invalid-yaml",
          message: `is not valid YAML: ${what}`,
          zh: `不是有效的 YAML：${what}`,
        };
      }),
    );
  const content = contentOf(document, fixture.file);
  if (content === null || content === undefined)
    throw new FixtureProblems([
      {
        path: fixture.file,
        code: "empty-file",
        message: "is empty: it holds no YAML at all (a fixture is { tests: [ … ] })",
        zh: "是空文件：没有任何 YAML 内容（测试文件应为 { tests: [ … ] }）",
      },
    ]);
  const broken = brokenTexts(content);
  if (broken.length > 0) throw new FixtureProblems(loneSurrogateIssues(broken, (at) => `${fixture.file} › ${at}`));
  return content;
}

/**
 * A YAML document's value. Aliases that would expand past 100 copies (a "billion laughs" file of a few lines) are
 * refused as invalid YAML, as the parser's other errors are, never thrown on as an internal error.
 */
function contentOf(document: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return refuseYaml(
      file,
      "its aliases (*name) expand to too many copies, or name no anchor (&name)",
      "其别名（*name）展开的副本过多，或没有对应的锚点（&name）",
    );
  }
}

function refuseYaml(file: string, en: string, zh: string): never {
  throw new FixtureProblems([
    { path: file, code: "invalid-yaml", message: `is not valid YAML: ${en}`, zh: `不是有效的 YAML：${zh}` },
  ]);
}

class FixtureProblems extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super("fixture problems");
  }
}

/** The fields each level of a fixture takes, for the message of an unknown one. */
const KNOWN_FIELDS: { readonly [level: string]: readonly string[] } = {
  fixture: ["$schema", "note", "rules", "programme", "tests"],
  test: ["name", "note", "case", "expect"],
  expect: ["amounts", "track", "eligible", "findings"],
  amounts: ["municipal", "district", "total"],
};

function levelOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "fixture";
  if (path.length === 2) return "test";
  return String(path[path.length - 1]);
}

/** The schema's issues as the fixture's problems: `file › "test name" › field`, an unknown field with what is known. */
function schemaIssues(file: string, content: unknown, issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  const tests = (content as { tests?: unknown } | null)?.tests;
  return issues.flatMap((issue): InputIssue[] => {
    if (issue.code === "unrecognized_keys") {
      const known = KNOWN_FIELDS[levelOf(issue.path)] ?? [];
      return issue.keys.map((key) => ({
        path: testPath(file, tests, [...issue.path, key]),
        code: "unknown-field",
        message: `unknown field ${echo(key)}; here a fixture takes ${known.join(", ")} (a typo must not silently skip a check)`,
        zh: `未知字段 ${echo(key)}；此处可用的字段为 ${known.join("、")}`,
      }));
    }
    return zodIssues([issue], [], label).map((one) => ({ ...one, path: testPath(file, tests, issue.path) }));
  });
}

/** The tests' names in paths: `file › "name"` (or `file › tests[3]` before the name is known). */
function testPath(file: string, tests: unknown, segments: readonly PropertyKey[]): string {
  if (segments[0] !== "tests" || typeof segments[1] !== "number") return `${file} › ${formatSegments(segments)}`;
  const test = Array.isArray(tests) ? (tests[segments[1]] as { name?: unknown } | undefined) : undefined;
  const name = typeof test?.name === "string" && test.name !== "" ? echo(test.name) : `tests[${segments[1]}]`;
  const field = formatSegments(segments.slice(2));
  return `${file} › ${name}${field === "" ? "" : ` › ${field}`}`;
}

function formatSegments(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

/** The rule sets and programmes loaded in one run, by resolved path (a folder of fixtures loads each once). */
const loadedOfRun = new WeakMap<CliIo, Map<string, Promise<unknown>>>();

function once<T>(io: CliIo, key: string, load: () => Promise<T>): Promise<T> {
  const cache = loadedOfRun.get(io) ?? new Map<string, Promise<unknown>>();
  loadedOfRun.set(io, cache);
  const known = cache.get(key);
  if (known !== undefined) return known as Promise<T>;
  const loading = load();
  cache.set(key, loading);
  return loading;
}

/** The programme and rule set a fixture names, relative to the fixture's folder. */
async function contextOf(
  fixture: FixtureFile,
  given: { rules?: string | undefined; programme?: string | undefined },
  io: CliIo,
  problems: InputIssue[],
): Promise<{ programme: Programme; ruleSet: RuleSet } | undefined> {
  const here: CliIo = { ...io, cwd: dirname(fixture.path) };
  const programmeKey = given.programme === undefined ? "" : resolve(here.cwd, given.programme);
  let programme: Programme;
  try {
    programme = await once(io, `programme:${programmeKey}`, () => loadProgrammeOption(given.programme, here));
  } catch (error) {
    problems.push(...problemOf(error, `${fixture.file} › programme`));
    return undefined;
  }
  const rulesKey = given.rules === undefined ? "" : resolve(here.cwd, given.rules);
  try {
    const ruleSet = await once(io, `rules:${rulesKey}:${programmeKey}`, async () => {
      const loaded = await loadRulesOption(given.rules, here, programme);
      checkProgramme(loaded, programme);
      return loaded;
    });
    return { programme, ruleSet };
  } catch (error) {
    problems.push(...problemOf(error, `${fixture.file} › rules`));
    return undefined;
  }
}

/** Reads, validates and runs one fixture file; its problems go to `problems`. */
async function runFile(
  file: string,
  io: CliIo,
  problems: InputIssue[],
  read: Map<string, FixtureFile>,
): Promise<FixtureTestResult[]> {
  let fixture: FixtureFile;
  let content: unknown;
  try {
    fixture = await readFixtureFile(file, io);
    read.set(file, fixture);
    content = parseFixture(fixture);
  } catch (error) {
    problems.push(...(error instanceof FixtureProblems ? error.issues : problemOf(error, file)));
    return [];
  }
  const parsed = FixtureSchema.safeParse(content, { reportInput: true });
  if (!parsed.success) {
    problems.push(...schemaIssues(file, content, parsed.error.issues), ...duplicateNames(file, content));
    return [];
  }
  const duplicates = duplicateNames(file, parsed.data);
  if (duplicates.length > 0) {
    problems.push(...duplicates);
    return [];
  }
  const context = await contextOf(fixture, parsed.data, io, problems);
  if (context === undefined) return [];
  return parsed.data.tests.map((test, index) => runTest(file, index, test, context));
}

/** Two tests of one file with the same name cannot be told apart in a report or by `--update`. */
function duplicateNames(file: string, content: unknown): InputIssue[] {
  const tests = (content as { tests?: unknown } | null)?.tests;
  if (!Array.isArray(tests)) return [];
  const seen = new Set<string>();
  const issues: InputIssue[] = [];
  tests.forEach((test: { name?: unknown } | null) => {
    const name = test?.name;
    if (typeof name !== "string") return;
    if (seen.has(name))
      issues.push({
        path: `${file} › ${echo(name)}`,
        code: "duplicate-test-name",
        message: `the test name ${echo(name)} is given twice in this file; give each test its own name`,
        zh: `测试名称 ${echo(name)} 在本文件中重复，请为每个测试另起名称`,
        label: "测试名称",
      });
    seen.add(name);
  });
  return issues;
}

function runTest(
  file: string,
  index: number,
  test: z.output<typeof TestSchema>,
  context: { programme: Programme; ruleSet: RuleSet },
): FixtureTestResult {
  const base = { file, name: test.name, index };
  const document = computeBatch([test.case], { ruleSet: context.ruleSet, programme: context.programme, trace: false });
  const outcome = document.results[0];
  if (document.errors.length > 0 || outcome === undefined)
    return {
      ...base,
      status: "error",
      differences: [],
      issues: document.errors.map(({ path, code, message, zh, label: fieldLabel }) => ({
        path: `${file} › ${echo(test.name)} › case${path.replace(/^\[0\]/, "")}`,
        code,
        message,
        ...(zh === undefined ? {} : { zh }),
        ...(fieldLabel === undefined ? {} : { label: fieldLabel }),
      })),
    };
  const actual = actualOf(test.expect, outcome);
  const differences = Object.keys(test.expect).length === 0 ? nothingExpected(actual) : compare(test.expect, outcome);
  return {
    ...base,
    status: differences.length === 0 ? "passed" : "failed",
    differences,
    issues: [],
    actual,
  };
}

const PAYERS = ["municipal", "district", "total"] as const;

function codesOf(outcome: OutcomeBase): string[] {
  return outcome.findings.map((finding) => finding.code).sort();
}

/** The fields `expect` gives that the outcome does not match; amounts compared as exact decimals. */
function compare(expect: FixtureExpectation, outcome: OutcomeBase): FixtureDifference[] {
  const differences: FixtureDifference[] = [];
  for (const payer of PAYERS) {
    const wanted = expect.amounts?.[payer];
    if (wanted !== undefined && !new Dec(wanted).eq(outcome.amounts[payer]))
      differences.push({ field: `amounts.${payer}`, expected: wanted, got: outcome.amounts[payer] });
  }
  if (expect.track !== undefined && expect.track !== outcome.track)
    differences.push({ field: "track", expected: expect.track, got: outcome.track ?? null });
  if (expect.eligible !== undefined && expect.eligible !== outcome.eligible)
    differences.push({ field: "eligible", expected: expect.eligible, got: outcome.eligible });
  if (expect.findings !== undefined) {
    const wanted = [...expect.findings].sort();
    const got = codesOf(outcome);
    if (wanted.join("\n") !== got.join("\n")) differences.push({ field: "findings", expected: wanted, got });
  }
  return differences;
}

/** A test that expects nothing cannot pass (it could never fail): each field it could check, expected as null. */
function nothingExpected(actual: FixtureExpectation): FixtureDifference[] {
  return [
    ...PAYERS.map((payer) => ({ field: `amounts.${payer}`, expected: null, got: actual.amounts?.[payer] ?? null })),
    ...(actual.track === undefined ? [] : [{ field: "track", expected: null, got: actual.track }]),
    { field: "eligible", expected: null, got: actual.eligible ?? null },
    { field: "findings", expected: null, got: actual.findings ?? [] },
  ];
}

/** The computed values of the fields `expect` checks (every field when it checks none). */
function actualOf(expect: FixtureExpectation, outcome: OutcomeBase): FixtureExpectation {
  const all = Object.keys(expect).length === 0;
  const amounts = Object.fromEntries(
    PAYERS.filter((payer) => all || expect.amounts?.[payer] !== undefined).map((payer) => [
      payer,
      outcome.amounts[payer],
    ]),
  );
  return {
    ...(all || expect.amounts !== undefined ? { amounts } : {}),
    ...(outcome.track !== undefined && (all || expect.track !== undefined) ? { track: outcome.track } : {}),
    ...(all || expect.eligible !== undefined ? { eligible: outcome.eligible } : {}),
    ...(all || expect.findings !== undefined ? { findings: codesOf(outcome) } : {}),
  };
}

/**
 * The text of `fixture` with the `expect` of each test in `results` that failed replaced by what was computed.
 * JSON is edited in place (every other byte kept as it was); YAML through its document, so comments are kept.
 */
export function updatedFixtureText(fixture: FixtureFile, results: readonly FixtureTestResult[]): string {
  const failed = results.filter((result) => result.status === "failed" && result.actual !== undefined);
  const document = parseDocument(fixture.text, { keepSourceTokens: true });
  if (fixture.format === "yaml") {
    for (const result of failed) document.setIn(["tests", result.index, "expect"], document.createNode(result.actual));
    return document.toString({ lineWidth: 0 });
  }
  const spans = failed
    .map((result) => {
      const node = document.getIn(["tests", result.index, "expect"], true) as { range?: [number, number, number] };
      if (node.range === undefined) throw new Error(`no range for tests[${result.index}].expect`);
      return { start: node.range[0], end: node.range[1], value: result.actual };
    })
    .sort((a, b) => b.start - a.start);
  let text = fixture.text;
  for (const span of spans) {
    const lineStart = text.lastIndexOf("\n", span.start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
    const json = JSON.stringify(span.value, null, 2).replaceAll("\n", `\n${indent}`);
    text = `${text.slice(0, span.start)}${json}${text.slice(span.end)}`;
  }
  return text;
}
