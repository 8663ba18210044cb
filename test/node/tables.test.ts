import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalWidth } from "../../src/node/table.js";
import { runCliCapture } from "../support/cli.js";

const SAMPLE = "examples/tongzhou-2016";

/** Every table the CLI prints, as a command line (each with --format table where it is not the default). */
const COMMANDS: readonly (readonly string[])[] = [
  ["compute", `${SAMPLE}/transfers.json`, "--format", "table"],
  ["compute", `${SAMPLE}/clearance.json`, "--format", "table"],
  ["audit", `${SAMPLE}/cases.json`, "--ledger", `${SAMPLE}/ledger.json`, "--format", "table"],
  ["verify", "examples/verify/declarations.json", "--format", "table"],
  ["budget", `${SAMPLE}/cases.json`, "--by", "township,payer,track", "--format", "table"],
  [
    "budget",
    `${SAMPLE}/cases.json`,
    "--cap",
    "800000000",
    "--payer",
    "district",
    "--by",
    "township",
    "--format",
    "table",
  ],
  [
    "compare",
    `${SAMPLE}/enterprises.json`,
    "--rules",
    "tongzhou-2016",
    "--scale",
    "reward.district.supplementRate=1.1",
    "--format",
    "table",
  ],
  ["rules", "--format", "table"],
  [
    "rules",
    "diff",
    "tongzhou-2016",
    "examples/changping-2015/rules.json",
    "--programme",
    "examples/changping-2015/programme.mjs",
    "--format",
    "table",
  ],
];

/** A word of ASCII letters in a text meant to be Chinese, other than codes, options, file and format names. */
function englishWords(text: string): string[] {
  return (text.match(/(?<![-\w./`<])[A-Za-z]{3,}(?![-\w./`>])/g) ?? []).filter(
    (word) => !ALLOWED.has(word.toLowerCase()),
  );
}
const ALLOWED = new Set(["exitfund", "json", "xlsx", "csv", "ndjson", "tongzhou", "changping", "syn", "ruleset"]);

describe("every table the CLI prints", () => {
  it("never has a line wider than COLUMNS, CJK counted 2, in either language (property over widths)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMMANDS),
        fc.integer({ min: 24, max: 140 }),
        fc.constantFrom("zh", "en"),
        async (command, width, lang) => {
          const run = await runCliCapture([...command, "--lang", lang], { env: { COLUMNS: String(width) } });
          expect(run.code, run.stderr).toBeLessThan(2);
          for (const line of run.stdout.split("\n")) expect(terminalWidth(line), line).toBeLessThanOrEqual(width);
        },
      ),
      { numRuns: 24 },
    );
  }, 600_000);

  it("says headers, kinds, tracks, payers and findings in Chinese with --lang zh: no code in the table", async () => {
    for (const command of COMMANDS) {
      const run = await runCliCapture([...command, "--lang", "zh"]);
      const table = run.stdout
        .split("\n")
        .filter((line) => /^[│┌├└]|^\s/.test(line))
        .join("\n")
        // Case ids, parameter names and figures are data, not words.
        .replace(/[A-Z]+-[\w-]+|[a-z]+(\.[a-zA-Z]+)+|\d[\d,.]*/g, "");
      expect(englishWords(table), `${command.join(" ")}\n${run.stdout}`).toEqual([]);
    }
  }, 600_000);
});

describe("exitfund rules --format table", () => {
  it("names each parameter and states its value in the language asked: zh in words, en the label's English and the JSON", async () => {
    const zh = await runCliCapture(["rules", "--format", "table", "--lang", "zh"], { env: { COLUMNS: "200" } });
    const en = await runCliCapture(["rules", "--format", "table", "--lang", "en"], { env: { COLUMNS: "200" } });
    const row = (text: string, name: string) => text.split("\n").find((line) => line.includes(`│ ${name} `)) ?? "";
    expect(row(zh.stdout, "reward.small.cap")).toMatch(/│ 区级综合奖励上限\s+│ 整体退出 600,000；环节退出 150,000\s+│/);
    expect(row(zh.stdout, "clearance.requireSurvey")).toMatch(/│ 是\s+│/);
    expect(row(en.stdout, "reward.small.cap")).toMatch(
      /│ small-enterprise reward cap by exit mode\s+│ \{"whole":"600000","process":"150000"\}\s+│/,
    );
    // The English table names no parameter in Chinese but for a term it cites in brackets (`(built later: 抢建)`).
    expect(en.stdout.replace(/\([^()]*\)/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
