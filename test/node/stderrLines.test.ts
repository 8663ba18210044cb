import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCapture } from "../support/cli.js";
import { englishWordsIn } from "../support/words.js";

const SAMPLE = "examples/tongzhou-2016";
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exitfund-lines-"));
  const enterprises = JSON.parse(await readFile(`${SAMPLE}/enterprises.json`, "utf8")) as
    | unknown[]
    | { cases: unknown[] };
  const list = Array.isArray(enterprises) ? enterprises : enterprises.cases;
  await writeFile(
    join(dir, "many.ndjson"),
    `${list
      .slice(0, 300)
      .map((one) => JSON.stringify(one))
      .join("\n")}\n`,
  );
  const bad = { ...(list[0] as object), id: "E-BAD", energySavedTce: "1,234.5x" };
  await writeFile(join(dir, "bad.json"), JSON.stringify([bad]));
  await runCliCapture(["compute", `${SAMPLE}/transfers.json`, "--out", join(dir, "receipted.json")]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Every command that says something on stderr as it works or fails (files written, CSV totals, progress, notices,
 * the capped budget, problems in the input or the options), and verify-receipt's report on stdout. Data is what a
 * line shows as it was given (township names, case ids, paths): it may be Chinese in an English line, and so may
 * a field's Chinese header in brackets after its code.
 */
const RUNS: ReadonlyArray<{ readonly name: string; readonly args: () => string[]; readonly stdout?: boolean }> = [
  { name: "compute --format csv (totals)", args: () => ["compute", `${SAMPLE}/transfers.json`, "--format", "csv"] },
  {
    name: "compute --out (wrote)",
    args: () => ["compute", `${SAMPLE}/transfers.json`, "--out", join(dir, "results.json")],
  },
  {
    name: "compute a streamed file --progress (progress, totals, wrote)",
    args: () => [
      "compute",
      join(dir, "many.ndjson"),
      "--format",
      "csv",
      "--progress",
      "--threads",
      "1",
      "--out",
      join(dir, "many.csv"),
    ],
  },
  {
    name: "compute with --progress, read whole",
    args: () => ["compute", `${SAMPLE}/transfers.json`, "--progress", "--out", join(dir, "p.json")],
  },
  { name: "compute a bad case (problems)", args: () => ["compute", join(dir, "bad.json")] },
  { name: "compute a file that is not there", args: () => ["compute", join(dir, "nowhere.json")] },
  { name: "compute a bad option", args: () => ["compute", `${SAMPLE}/transfers.json`, "--format", "pdf"] },
  {
    name: "budget --cap (allocation notice)",
    args: () => ["budget", `${SAMPLE}/cases.json`, "--cap", "800000000", "--payer", "district", "--by", "township"],
  },
  {
    name: "verify --format xlsx --out",
    args: () => ["verify", "examples/verify/declarations.json", "--format", "xlsx", "--out", join(dir, "v.xlsx")],
  },
  {
    name: "audit --out",
    args: () => [
      "audit",
      `${SAMPLE}/cases.json`,
      "--ledger",
      `${SAMPLE}/ledger.json`,
      "--out",
      join(dir, "audit.json"),
    ],
  },
  {
    name: "compare --out",
    args: () => [
      "compare",
      `${SAMPLE}/enterprises.json`,
      "--rules",
      "tongzhou-2016",
      "--scale",
      "reward.district.supplementRate=1.1",
      "--out",
      join(dir, "compare.json"),
    ],
  },
  {
    name: "rules diff --format xlsx --out",
    args: () => [
      "rules",
      "diff",
      "tongzhou-2016",
      "examples/changping-2015/rules.json",
      "--programme",
      "examples/changping-2015/programme.mjs",
      "--format",
      "xlsx",
      "--out",
      join(dir, "diff.xlsx"),
    ],
  },
  { name: "rules template --out", args: () => ["rules", "template", "--out", join(dir, "rules.xlsx")] },
  { name: "test on a fixture that is not there", args: () => ["test", join(dir, "no-fixtures")] },
  {
    name: "verify-receipt (its report)",
    args: () => ["verify-receipt", join(dir, "receipted.json"), "--cases", `${SAMPLE}/transfers.json`],
    stdout: true,
  },
];

/**
 * Township names, case ids and file paths are data: they are shown as they were given; so is the place of a
 * problem (`bad.json › 第 1 条 › energySavedTce`), whose field name is the key the file holds.
 */
function withoutData(text: string): string {
  return text
    .replace(/"[^"]*"/g, " ")
    .replace(/› [A-Za-z][\w.[\]]*/g, " ")
    .replace(/\S*[/\\]\S*/g, " ")
    .replace(/[\u4e00-\u9fff]+(镇|乡|村|区)/g, " ");
}

describe("every line the CLI says as it works, in the language asked", () => {
  it.each(RUNS)("$name: Chinese in zh (no English word), English in en (no Chinese but data)", async (run) => {
    const zh = await runCliCapture([...run.args(), "--lang", "zh"]);
    const en = await runCliCapture([...run.args(), "--lang", "en"]);
    const zhText = run.stdout === true ? zh.stdout : zh.stderr;
    const enText = run.stdout === true ? en.stdout : en.stderr;
    expect(zhText, "says something").not.toBe("");
    expect(zh.code).toBe(en.code);
    for (const line of zhText.split("\n").filter((one) => one.trim() !== "")) {
      expect(line, zhText).toMatch(/[\u4e00-\u9fff]/);
      expect(englishWordsIn(withoutData(line)), line).toEqual([]);
      if (line.startsWith("exitfund")) expect(line).toMatch(/^exitfund( [a-z-]+)?：/);
    }
    for (const line of enText.split("\n").filter((one) => one.trim() !== "")) {
      // A field is named by its code with its Chinese header in brackets, as a sheet's column shows it.
      const text = withoutData(line).replace(/\((?:[^()]|\([^()]*\))*[\u4e00-\u9fff](?:[^()]|\([^()]*\))*\)/g, " ");
      expect(text, enText).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
      if (line.startsWith("exitfund")) expect(line).toMatch(/^exitfund( [a-z-]+)?: /);
    }
  });
});
