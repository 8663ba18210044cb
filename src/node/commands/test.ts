import { ISSUE_LIMIT, echo, echoText } from "../../errors/echo.js";
import {
  fixtureOfReport,
  readFixtureFile,
  runFixturesWith,
  updatedFixtureText,
  type FixtureReport,
  type FixtureTestResult,
  type FixtureValue,
} from "../fixtures.js";
import { EXIT, IoError, UsageError, issueLines, type CliIo } from "../io.js";
import { emit } from "../output.js";
import { parseCommand } from "./args.js";
import type { Lang } from "../lang.js";
import { terminalWidth } from "../table.js";
import { HELP_ZH } from "../help-zh.js";
import { TEST_WITH, say, sayLine, type Said } from "../messages.js";

/** `exitfund test --help` in each language. */
export const TEST_HELP: Said = {
  en: `exitfund test <fixtures…> [--update] [--yes]

Runs fixture files: worked examples a district expects its rule set and programme to reproduce. Each
argument is a fixture file (.json, or .yaml/.yml of the same shape), a folder (every .json, .yaml and .yml
file under it) or a glob ("fixtures/**/*.yaml"). A fixture file is
  { "rules"?: <file|id>, "programme"?: <module>,
    "tests": [ { "name": "…", "case": { …one case… },
                 "expect": { "amounts"?: { "municipal"?, "district"?, "total"? }, "track"?, "eligible"?,
                             "findings"?: [codes] } } ] }
with rules and programme relative to the fixture file (default: the bundled tongzhou-2016 and the default
programme). Only the fields given in expect are checked; amounts are compared as exact decimals, findings
as a list of codes in any order. Every test runs, even after a failure; each failing test prints expected
against got, field by field (with --lang zh each field by its Chinese name); the last line counts passed,
failed and errors.
--update  rewrite the expect of every failing test with what was computed (the fields it already checks;
          all four when it checks none), after asking on a terminal; JSON stays JSON with every other byte
          as it was, YAML stays YAML with its comments; each file is replaced whole or not at all
--yes     confirm --update without asking (needed when standard input is not a terminal)
Exit status: 0 every test passed (or was updated); 1 a test failed; 2 a fixture is malformed, cannot be
read, or a test's case is invalid (every problem listed on stderr by file › test › field).
  exitfund test examples/tongzhou-2016/fixtures
  exitfund test my-district/fixtures/bonuses.yaml --update`,
  zh: HELP_ZH.test,
};

/** `exitfund test`: runs fixture files and reports each failing test's differences (see TEST_HELP). */
export async function runTest(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { update: "boolean", yes: "boolean" }, TEST_HELP, io);
  if (values.help === true) return EXIT.ok;
  if (positionals.length === 0)
    throw new UsageError("test takes one or more fixture files, folders or globs", {
      code: "no-fixtures-given",
      zh: "test 需要一个或多个测试文件、文件夹或通配模式",
    });
  if (positionals.includes("-"))
    throw new UsageError(
      "test reads fixture files, folders or globs, not standard input (-): a fixture's rules and programme are found next to its file, and --update rewrites the file; give the fixture file",
      {
        code: "fixture-needs-file",
        zh: "test 读取测试文件、文件夹或通配模式，不读取标准输入（-）：测试文件的规则集与方案按其所在位置查找，--update 也会改写该文件；请给出测试文件",
      },
    );
  if (values.yes === true && values.update !== true)
    throw new UsageError("--yes confirms --update; give --update too", {
      code: "yes-without-update",
      zh: "--yes 用于确认 --update，请同时给出 --update",
    });
  const report = await runFixturesWith(positionals, io);
  const lang = io.lang ?? "en";
  io.stdout.write(reportText(report, lang));
  if (report.problems.length > 0 || report.results.some((result) => result.status === "error"))
    io.stderr.write(problemsText(report, lang));
  const bad = report.errors > 0 ? EXIT.badInput : EXIT.ok;
  if (report.failed === 0) return bad;
  if (values.update !== true) return bad === EXIT.ok ? EXIT.findings : bad;
  await update(report, io, values.yes === true, lang);
  return bad;
}

/** A value as the report shows it: text quoted, a list of codes joined, no value as (nothing). */
function shown(value: FixtureValue, lang: Lang = "en"): string {
  if (value === null) return say(TEST_WITH.nothing, lang);
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[${value.map((item) => echo(item)).join(", ")}]`;
  return typeof value === "string" && !/^-?\d/.test(value) ? echo(value) : echoText(String(value));
}

const FIELD_ZH: ReadonlyMap<string, string> = new Map([
  ["amounts.municipal", "市级金额"],
  ["amounts.district", "区级金额"],
  ["amounts.total", "合计金额"],
  ["track", "路径"],
  ["eligible", "是否符合条件"],
  ["findings", "问题"],
]);

/** A failing test: one line per field, expected against got (a field by its Chinese name in zh, its code in en). */
function failureText(result: FixtureTestResult, lang: Lang): string {
  const lines = [say(TEST_WITH.failed(echoText(result.file, 200), echo(result.name, 120)), lang)];
  if (result.differences.every((difference) => difference.expected === null))
    lines.push(`  ${say(TEST_WITH.expectsNothing, lang)}`);
  const names = result.differences.map((difference) =>
    lang === "zh" ? (FIELD_ZH.get(difference.field) ?? difference.field) : difference.field,
  );
  const width = Math.max(...names.map(terminalWidth));
  const indent = `  ${" ".repeat(width)}  `;
  result.differences.forEach((difference, index) => {
    const name = names[index] ?? difference.field;
    const padded = `${name}${" ".repeat(width - terminalWidth(name))}`;
    const field = { zh: padded, en: padded };
    lines.push(
      `  ${say(TEST_WITH.differs(field, shown(difference.expected, lang), shown(difference.got, lang)), lang)}`,
    );
    if (difference.field === "findings" && Array.isArray(difference.expected) && Array.isArray(difference.got)) {
      const missing = without(difference.expected, difference.got);
      const extra = without(difference.got, difference.expected);
      if (missing.length > 0) lines.push(`${indent}${say(TEST_WITH.missing(shown(missing, lang)), lang)}`);
      if (extra.length > 0) lines.push(`${indent}${say(TEST_WITH.extra(shown(extra, lang)), lang)}`);
    }
  });
  return `${lines.join("\n")}\n`;
}

/** The items of `a` not matched by an item of `b` (as multisets). */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/** The report on stdout: each failing test, then the summary line. */
function reportText(report: FixtureReport, lang: Lang): string {
  const failures = report.results
    .filter((result) => result.status === "failed")
    .map((result) => failureText(result, lang));
  const summary = TEST_WITH.summary(
    report.passed,
    report.failed,
    report.errors,
    report.results.length,
    report.files.length,
  );
  return `${failures.join("\n")}${failures.length > 0 ? "\n" : ""}${say(summary, lang)}\n`;
}

/** Every problem of the fixtures on stderr, in `lang`. */
function problemsText(report: FixtureReport, lang: Lang): string {
  const issues = [...report.problems, ...report.results.flatMap((result) => result.issues)];
  return `${sayLine(TEST_WITH.problems(issues.length), lang)}${issueLines(issues, ISSUE_LIMIT, lang).join("\n")}\n`;
}

/** Reads one line of standard input (the answer to a question). */
async function answer(io: CliIo): Promise<string> {
  let text = "";
  for await (const chunk of io.stdin) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.includes("\n")) break;
  }
  return text.split("\n")[0]?.trim() ?? "";
}

/**
 * `--update`: asks (on a terminal) or requires `--yes`, then rewrites each fixture file that has failing tests,
 * atomically. A file that changed since it was read is left as it is (exit 74), so no edit is lost.
 */
async function update(report: FixtureReport, io: CliIo, confirmed: boolean, lang: Lang): Promise<void> {
  const failed = report.results.filter((result) => result.status === "failed");
  const files = [...new Set(failed.map((result) => result.file))];
  const rewrite = TEST_WITH.rewrite(failed.length, files.length, files.map((file) => echoText(file, 120)).join(", "));
  const what = rewrite.en;
  const whatZh = rewrite.zh;
  if (!confirmed) {
    const terminal = (io.stdin as { isTTY?: boolean }).isTTY === true && io.stderr.isTTY === true;
    if (!terminal)
      throw new UsageError(
        `--update would rewrite ${what}; standard input is not a terminal to ask on: add --yes to confirm (nothing was written)`,
        {
          code: "update-needs-yes",
          zh: `--update 将改写${whatZh}；标准输入不是终端，无法询问：请加 --yes 确认（未写入任何内容）`,
        },
      );
    io.stderr.write(say(TEST_WITH.ask(rewrite), lang));
    if (!/^(y|yes|是)$/i.test(await answer(io))) {
      io.stderr.write(sayLine(TEST_WITH.nothingWritten, lang));
      return;
    }
  }
  for (const file of files) {
    const fixture = fixtureOfReport(report, file);
    if (fixture === undefined) continue;
    const results = failed.filter((result) => result.file === file);
    const text = updatedFixtureText(fixture, results);
    const now = await readFixtureFile(file, io);
    if (now.text !== fixture.text)
      throw new IoError(`"${echoText(file)}" changed while it was being updated; it was left as it is`, {
        code: "fixture-changed",
        zh: `"${echoText(file)}" 在更新期间被修改，已保持原样`,
      });
    await emit(io, text, file);
  }
}
