import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HELP, runDemo } from "../../src/node/commands/demo.js";
import type { CliIo } from "../../src/node/io.js";
import { InvalidInputError } from "../../src/errors/index.js";
import ExcelJS from "exceljs";
import { RECEIPT_SHEET } from "../../src/node/xlsx/receiptSheet.js";
import { runCliCapture } from "../support/cli.js";
import { englishWordsIn } from "../support/words.js";

const SAMPLE = join(import.meta.dirname, "../../examples/tongzhou-2016");

/** The bundled rates (tongzhou-2016), for rule sets that change one of them. */
const RATES: { readonly [type: string]: { readonly unit: string; readonly rate: string } } = {
  "steel-concrete-frame": { unit: "m2", rate: "80" },
  "brick-concrete": { unit: "m2", rate: "60" },
  "brick-wood": { unit: "m2", rate: "45" },
  "steel-frame": { unit: "m2", rate: "35" },
  simple: { unit: "m2", rate: "25" },
  "hardened-ground": { unit: "m2", rate: "20" },
  "enclosure-wall": { unit: "m", rate: "40" },
  "other-structure": { unit: "item", rate: "2000" },
};

/** A rule set extending tongzhou-2016 with other `clearance.rates`. */
function ruleSetJson(id: string, rates: object): string {
  const parameters = {
    "clearance.rates": { status: "illustrative", source: "S0", values: [{ from: "2016-01-01", value: rates }] },
  };
  return JSON.stringify({
    id,
    version: "1",
    title: `test rule set ${id}`,
    validFrom: "2016-01-01",
    extends: "tongzhou-2016",
    sources: [],
    parameters,
  });
}

/** Runs `exitfund demo` in-process with buffers; `cwd` is a temporary folder, so the sample must be found from the module. */
async function demo(
  args: readonly string[],
  cwd: string,
  lang?: "zh" | "en",
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const decoder = new TextDecoder();
  const io: CliIo = {
    stdout: { write: (chunk) => out.push(typeof chunk === "string" ? chunk : decoder.decode(chunk)), isTTY: false },
    stderr: { write: (chunk) => err.push(chunk), isTTY: false },
    stdin: (async function* () {})(),
    cwd,
    ...(lang === undefined ? {} : { lang }),
  };
  const code = await runDemo(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("exitfund demo --lang zh", () => {
  it("says the summary in Chinese only: no English word but the commands to type, paths, ids and codes in backquotes", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "exitfund-demo-zh-"));
    try {
      const zh = await demo(["--out-dir", "out"], cwd, "zh");
      expect(zh.code).toBe(0);
      expect(zh.stdout).toContain("资金汇总");
      expect(zh.stdout).toMatch(/\n大写：人民币[壹贰叁肆伍陆柒捌玖拾佰仟万亿零元角分整]+\n/);
      expect(zh.stdout).toContain("核定金额大写：人民币");
      const lines = zh.stdout
        .split("\n")
        // A command to type is typed as it is; a path or an id is data.
        .filter((line) => !/^\s*exitfund /.test(line))
        .map((line) => line.replace(/\S*[/\\]\S*|[A-Za-z]+-[\w-]+|\S+\.(json|xlsx|html)\b/g, " "));
      expect(lines.flatMap((line) => englishWordsIn(line))).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("exitfund demo", () => {
  const cwd = mkdtempSync(join(tmpdir(), "exitfund-demo-"));
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    result = await demo(["--out-dir", "demo-out", "--xlsx"], cwd);
  }, 120_000);
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("exits 0 and says the data are synthetic and the illustrative values placeholders", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("SYNTHETIC");
    expect(result.stdout).toMatch(/\d+ of \d+ parameters are illustrative/);
    expect(result.stdout).toContain("placeholders, not official figures");
  });

  it("prints the totals by township and payer, in yuan and in 10,000 yuan, and the grand total", () => {
    const results = JSON.parse(readFileSync(join(cwd, "demo-out", "results.json"), "utf8"));
    for (const township of ["张家湾镇", "宋庄镇", "潞城镇", "永顺镇"])
      expect(result.stdout).toMatch(new RegExp(`${township}\\s+│`));
    expect(result.stdout).toMatch(/│\s+municipal │\s+district │\s+total │ 10,000 yuan │/);
    const total = Number(results.totals.total).toLocaleString("en", { minimumFractionDigits: 2 });
    expect(result.stdout).toMatch(new RegExp(`Grand total: ¥${total} \\([\\d,]+\\.\\d\\d × 10,000 yuan\\)\n`));
  });

  it("prints the verification summary: declarations, items, findings by code, declared vs approved", () => {
    expect(result.stdout).toMatch(/300 declarations, 1\d,\d{3} items; [\d,]+ items with findings/);
    for (const code of [
      "type-mismatch",
      "quantity-exceeds-survey",
      "built-after-cutoff",
      "unsurveyed",
      "declared-amount-mismatch",
    ])
      expect(result.stdout).toContain(code);
    expect(result.stdout).toMatch(/│ declared\s+│ [\d,.]+ │ [\d,.]+ × 10,000 │/);
    expect(result.stdout).toMatch(/│ approved\s+│ [\d,.]+ │ [\d,.]+ × 10,000 │/);
  });

  it("says the summary in English only: no Chinese character but the townships' names (data)", () => {
    const townships = new Set(
      Object.keys(JSON.parse(readFileSync(join(cwd, "demo-out", "results.json"), "utf8")).totals.byTownship),
    );
    expect(townships.size).toBeGreaterThan(5);
    const chinese = result.stdout
      .split("\n")
      .filter((line) => !townships.has(/^│ (\S+)/u.exec(line)?.[1] ?? ""))
      .filter((line) => /\p{Script=Han}/u.test(line));
    expect(chinese).toEqual([]);
  });

  it("prints the audit summary: every discrepancy type and the totals owed, paid and the difference", () => {
    for (const type of [
      "underpaid",
      "overpaid",
      "unpaid",
      "paid-not-owed",
      "duplicate-payment",
      "wrong-payer",
      "unknown-case",
    ])
      expect(result.stdout).toMatch(new RegExp(`│ ${type}\\s`));
    expect(result.stdout).toMatch(/Owed [\d,.]+ · paid [\d,.]+ · difference \(paid − owed\) -?[\d,.]+/);
  });

  it("the 核定表 of the mixed sample carries the sample's receipt (of every case of cases.json), and checks out against cases.json", async () => {
    const dir = join(cwd, "demo-out");
    const { receipt } = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as { receipt: unknown };
    const verification = JSON.parse(readFileSync(join(dir, "verification.json"), "utf8")) as { receipt: unknown };
    expect(verification.receipt).toEqual(receipt);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "verification.xlsx"));
    const rows = new Map<string, string>();
    workbook
      .getWorksheet(RECEIPT_SHEET)
      ?.eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(rows.get("结果类型")).toBe("verify");
    expect(rows.get("输入 SHA-256")).toBe((receipt as { input: { sha256: string } }).input.sha256);
    expect(rows.get("输入 SHA-256 所指")).toMatch(
      /^输入文件中计算的全部案件.*含其他类型的案件.*只列出其中的腾地经费申报/,
    );
    const cases = join(SAMPLE, "cases.json");
    for (const file of ["verification.json", "verification.xlsx"]) {
      const checked = await runCliCapture(["verify-receipt", join(dir, file), "--cases", cases], { cwd });
      expect(checked.code, `${file}: ${checked.stdout}${checked.stderr}`).toBe(0);
      expect(checked.stdout).toMatch(/^✓ amounts: 300 cases, \d+ totals — matches$/m);
    }
  }, 120_000);

  it("writes results.json, verification.json, audit.json and with --xlsx the workbooks under --out-dir, and says where", () => {
    const dir = join(cwd, "demo-out");
    const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8"));
    expect(results.ruleSet).toEqual({ id: "tongzhou-2016", version: "1" });
    expect(results.errors).toEqual([]);
    expect(results.results.length).toBeGreaterThan(3000);
    expect(results.results[0].trace).toBeUndefined();
    const verification = JSON.parse(readFileSync(join(dir, "verification.json"), "utf8"));
    expect(new Set(verification.results.map((o: { kind: string }) => o.kind))).toEqual(
      new Set(["structure-clearance"]),
    );
    const audit = JSON.parse(readFileSync(join(dir, "audit.json"), "utf8"));
    expect(audit.discrepancies.length).toBeGreaterThan(0);
    expect(audit.totals).toEqual({
      owed: results.totals.total,
      paid: expect.any(String),
      difference: expect.any(String),
    });
    for (const name of ["results.xlsx", "verification.xlsx"])
      expect(readFileSync(join(dir, name)).subarray(0, 2).toString("latin1")).toBe("PK");
    for (const name of [
      "results.json",
      "verification.json",
      "audit.json",
      "report.html",
      "results.xlsx",
      "verification.xlsx",
    ])
      expect(result.stdout).toContain(join("demo-out", name));
    // The report page of the sample (docs/report.md): its grand total, the audit, every case listed.
    const page = readFileSync(join(dir, "report.html"), "utf8");
    const total = Number(results.totals.total).toLocaleString("en", { minimumFractionDigits: 2 });
    expect(page).toContain(`<div class="fig">¥${total}</div>`);
    expect(page).toContain('<section data-index="4" id="audit">');
    expect(page.match(/<tbody class="case" data-id="/g)).toHaveLength(results.results.length);
  });

  it("writes no workbook without --xlsx, and out/ is the default folder", { timeout: 120_000 }, async () => {
    const other = mkdtempSync(join(tmpdir(), "exitfund-demo-"));
    try {
      const plain = await demo([], other);
      expect(plain.code).toBe(0);
      expect(existsSync(join(other, "out", "results.json"))).toBe(true);
      expect(existsSync(join(other, "out", "verification.xlsx"))).toBe(false);
      expect(existsSync(join(other, "out", "results.xlsx"))).toBe(false);
      expect(plain.stdout).toContain("add --xlsx");
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it(
    "--rules computes the sample under another rule set: its changes show up as findings and discrepancies",
    { timeout: 120_000 },
    async () => {
      const rules = join(cwd, "dearer-brick.json");
      writeFileSync(rules, ruleSetJson("dearer-brick", { ...RATES, "brick-concrete": { unit: "m2", rate: "70" } }));
      const other = await demo(["--rules", rules, "--out-dir", "dearer"], cwd);
      expect(other.code).toBe(0);
      expect(other.stdout).toContain("Rule set dearer-brick v1");
      const lines = (text: string) => Number(/(\d+) discrepancy lines/.exec(text)?.[1]);
      expect(lines(other.stdout)).toBeGreaterThan(lines(result.stdout));
      // Dearer brick raises what the declarations are owed: far more than the two planted underpayments.
      expect(Number(/│ underpaid\s+│ paid less than owed\s+│\s+(\d+) │/.exec(other.stdout)?.[1])).toBeGreaterThan(2);
    },
  );

  it(
    "a rule set the sample is invalid under is reported as input problems (exit 2 in the CLI)",
    { timeout: 120_000 },
    async () => {
      const rules = join(cwd, "no-simple.json");
      const { simple: _, ...withoutSimple } = RATES;
      writeFileSync(rules, ruleSetJson("no-simple", withoutSimple));
      const error = await demo(["--rules", rules, "--out-dir", "never"], cwd).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]?.path).toMatch(/^cases\.json \[\d+\]\.items\[\d+\]\./);
      expect(existsSync(join(cwd, "never"))).toBe(false);
    },
  );

  it("--help prints the usage and exits 0; a file argument is a usage error", async () => {
    const help = await demo(["--help"], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${DEMO_HELP.en}\n`);
    await expect(demo(["cases.json"], cwd)).rejects.toThrow(/takes no file arguments/);
  });
});
