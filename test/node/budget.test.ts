import ExcelJS from "exceljs";
import { RECEIPT_SHEET } from "../../src/node/xlsx/receiptSheet.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGET_HELP, runBudget } from "../../src/node/commands/budget.js";
import { BUDGET_SHEETS } from "../../src/node/xlsx/budgetReport.js";
import { fakeIo, tempFiles } from "../audit/support.js";
import { FIXED_RATES, FIXED_RATES_FILE } from "../support/fixedRates.js";
import { computeBatch } from "../../src/batch/compute.js";
import type { BudgetDocument } from "../../src/batch/budget.js";
import { clearanceCase, enterpriseCase, villageCase } from "../fixtures/cases.js";
import { expectChineseSheet } from "../support/sheets.js";

// Under the test rule set fixed-rates: E-1 875,000.00 municipal (台湖镇); E-2 612,500.00 district (台湖镇); C-1 9,220.00 district (张家湾镇); V-1 540,000.00 district (宋庄镇).
const CASES = [
  enterpriseCase,
  { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" },
  clearanceCase,
  villageCase,
];
const folder = tempFiles({ "cases.json": { cases: CASES } });

async function run(args: readonly string[], tty = false) {
  const capture = fakeIo({ cwd: folder, tty });
  // Under the test rule set fixed-rates (test-only rates), except for --help.
  const rules = args.includes("--help") ? [] : ["--rules", FIXED_RATES_FILE];
  const code = await runBudget([...args, ...rules], capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe("exitfund budget", () => {
  it("--by township,payer: the groups and the total as JSON (DESIGN §6)", async () => {
    const result = await run(["cases.json", "--by", "township,payer"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ruleSet: { id: "fixed-rates", version: "t" },
      groups: [
        { key: { township: "台湖镇", payer: "municipal" }, amount: "875000.00" },
        { key: { township: "台湖镇", payer: "district" }, amount: "612500.00" },
        { key: { township: "宋庄镇", payer: "district" }, amount: "540000.00" },
        { key: { township: "张家湾镇", payer: "district" }, amount: "9220.00" },
      ],
      total: "2036720.00",
      receipt: computeBatch(CASES, FIXED_RATES).receipt,
    });
  });

  it("--cap 100000.01 --payer district: Σ allocated = 100,000.01 exactly, with the remainder log", async () => {
    const result = await run(["cases.json", "--by", "payer", "--cap", "100000.01", "--payer", "district"]);
    expect(result.code).toBe(0);
    const allocation = JSON.parse(result.stdout).allocation;
    expect(allocation).toMatchObject({
      cap: "100000.01",
      payer: "district",
      owed: "1161720.00",
      allocated: "100000.01",
    });
    expect(allocation.shares.map((share: { caseId: string }) => share.caseId)).toEqual(["E-2", "C-1", "V-1"]);
    const allocated = allocation.shares.reduce(
      (acc: bigint, share: { allocated: string }) => acc + BigInt(share.allocated.replace(".", "")),
      0n,
    );
    expect(allocated).toBe(10000001n);
    expect(Array.isArray(allocation.remainder)).toBe(true);
  });

  it("--format table: groups in 元 and 万元, the total, and the allocation", async () => {
    const result = await run(["cases.json", "--cap", "1000000", "--payer", "district"], true);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/合计 total\s*│\s*2,036,720.00\s*│\s*203.6720万元/);
    expect(result.stdout).toContain("allocation: district cap 1,000,000.00");
  });

  it("--format xlsx: the groups sheet with a total row and the allocation sheet", async () => {
    const result = await run([
      "cases.json",
      "--by",
      "track",
      "--cap",
      "1000000",
      "--payer",
      "district",
      "--format",
      "xlsx",
      "--out",
      "budget.xlsx",
    ]);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, "budget.xlsx")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      BUDGET_SHEETS.groups,
      BUDGET_SHEETS.allocation,
      BUDGET_SHEETS.shares,
      RECEIPT_SHEET,
    ]);
    const groups = workbook.getWorksheet(BUDGET_SHEETS.groups);
    expect(groups?.getRow(5).getCell(1).value).toBe("市级奖励");
    expect(groups?.getRow(5).getCell(2).value).toBe(875000);
    expect(groups?.getRow(5).getCell(2).numFmt).toBe("#,##0.00");
    expect(groups?.getRow(9).getCell(1).value).toBe("合计");
    expect(groups?.getRow(9).getCell(2).value).toBe(2036720);
    expect(groups?.getRow(10).getCell(1).value).toBe("合计（大写）：人民币贰佰零叁万陆仟柒佰贰拾元整");
    const allocation = workbook.getWorksheet(BUDGET_SHEETS.allocation);
    // by track: 比照市级标准的区级奖励 (E-2), 腾地经费 (C-1, paid in full), 村集体补偿 (V-1), then 合计.
    expect(allocation?.getRow(6).getCell(1).value).toBe("腾地经费申报核定");
    expect(allocation?.getRow(6).getCell(3).value).toBe(9220);
    expect(allocation?.getRow(6).getCell(4).value).toBe(0);
    expect(allocation?.getRow(8).getCell(1).value).toBe("合计");
    expect(allocation?.getRow(8).getCell(3).value).toBe(1000000);
    expect(String(allocation?.getCell("A2").value)).toContain("腾地经费申报核定足额拨付");
    const shares = workbook.getWorksheet(BUDGET_SHEETS.shares);
    expect([5, 6, 7].map((row) => shares?.getRow(row).getCell(5).value)).toEqual(["否", "是", "否"]);
    for (const sheet of workbook.worksheets.filter((one) => one.name !== RECEIPT_SHEET)) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "portrait",
        fitToWidth: 1,
        printTitlesRow: "4:4",
      });
      expect(sheet.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
      expectChineseSheet(sheet);
    }
  });

  it("--cap: the allocation by every --by group, the rule set's full kinds first, and a notice saying so", async () => {
    const result = await run(["cases.json", "--by", "township", "--cap", "1000000", "--payer", "district"]);
    expect(result.code).toBe(0);
    const allocation = JSON.parse(result.stdout).allocation;
    expect(allocation.fullKinds).toEqual(["structure-clearance"]);
    expect(allocation.groups).toEqual([
      { key: { township: "台湖镇" }, owed: "612500.00", allocated: "526553.36", shortfall: "85946.64" },
      { key: { township: "宋庄镇" }, owed: "540000.00", allocated: "464226.64", shortfall: "75773.36" },
      { key: { township: "张家湾镇" }, owed: "9220.00", allocated: "9220.00", shortfall: "0.00" },
    ]);
    expect(result.stderr).toContain(
      "exitfund: budget: district cap 1,000,000.00 for 1,161,720.00 owed; paid in full first: structure-clearance, 9,220.00 to 1 case",
    );
    expect(result.stderr).toContain("1 case got an extra fen (--verbose lists them)");
  });

  it('--full-kinds chooses the kinds paid in full ("" for none); --verbose lists the shares; the table shows the groups', async () => {
    const none = await run(["cases.json", "--cap", "1000000", "--payer", "district", "--full-kinds", ""]);
    expect(JSON.parse(none.stdout).allocation.fullKinds).toEqual([]);
    expect(none.stderr).toContain("no kind paid in full");
    const table = await run(
      ["cases.json", "--cap", "1000000", "--payer", "district", "--full-kinds", "village-compensation"],
      true,
    );
    expect(table.stdout).toContain("paid in full first (足额): village-compensation 村集体经济组织补偿");
    expect(table.stdout).toMatch(/宋庄镇\s*│\s*540,000.00\s*│\s*540,000.00\s*│\s*0.00/);
    expect(table.stdout).not.toContain("extra fen │");
    const verbose = await run(["cases.json", "--cap", "1000000", "--payer", "district", "--verbose"], true);
    expect(verbose.stdout).toMatch(/C-1\s*│\s*structure-clearance\s*│\s*9,220.00\s*│\s*9,220.00/);
  });

  it("a cap below the full kinds' total: allocated to the fen (exit 0), with a warning saying what they need", async () => {
    const result = await run(["cases.json", "--cap", "9000", "--payer", "district"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: the cap 9,000.00 cannot pay in full the 9,220.00 owed");
    const allocation = (JSON.parse(result.stdout) as BudgetDocument).allocation;
    expect(allocation?.allocated).toBe("9000.00");
    expect(allocation?.warnings?.map((warning) => [warning.code, warning.needed])).toEqual([
      ["cap-below-full-kinds", "9220.00"],
    ]);
    // It cites the rule set's clause that pays them in full, in the JSON, on stderr and on the sheet.
    expect(allocation?.warnings?.[0]?.basis?.map((use) => [use.name, use.source])).toEqual([
      ["clearance.paidInFull", "S0"],
    ]);
    expect(result.stderr).toContain("the rule set pays them in full (clearance.paidInFull, S0 《实施方案》四(十四)3");
    const table = await run(["cases.json", "--cap", "9000", "--payer", "district", "--format", "table"]);
    expect(table.stdout).toContain("warning: the cap 9,000.00 cannot pay in full the 9,220.00 owed");
    const xlsx = await run([
      "cases.json",
      "--cap",
      "9000",
      "--payer",
      "district",
      "--format",
      "xlsx",
      "--out",
      "short.xlsx",
    ]);
    expect(xlsx.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, "short.xlsx")) as unknown as ArrayBuffer);
    expect(String(workbook.getWorksheet(BUDGET_SHEETS.allocation)?.getCell("A2").value)).toContain(
      "注意：额度不足以足额拨付腾地经费申报核定（需 9,220.00 元；依据 S0 《实施方案》四(十四)3），",
    );
  });

  it.each([
    { name: "--cap without --payer", args: ["cases.json", "--cap", "100"], message: "--payer" },
    { name: "--payer without --cap", args: ["cases.json", "--payer", "district"], message: "--cap" },
    {
      name: "an unknown payer",
      args: ["cases.json", "--cap", "1", "--payer", "city"],
      message: "municipal or district",
    },
    { name: "an unknown dimension", args: ["cases.json", "--by", "township,village"], message: "village" },
    { name: "a dimension twice", args: ["cases.json", "--by", "payer,payer"], message: "twice" },
    { name: "a cap below the fen", args: ["cases.json", "--cap", "1.001", "--payer", "district"], message: "cap" },
    {
      name: "--full-kinds without --cap",
      args: ["cases.json", "--full-kinds", "structure-clearance"],
      message: "--cap",
    },
    {
      name: "an unknown full kind",
      args: ["cases.json", "--cap", "1", "--payer", "district", "--full-kinds", "lease"],
      message: "fullKinds[0]",
    },
    { name: "xlsx to a terminal without --out", args: ["cases.json", "--format", "xlsx"], message: "--out", tty: true },
  ])("usage: $name → exit 2", async ({ args, message, tty }: { args: string[]; message: string; tty?: boolean }) => {
    const result = await run(args, tty);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("invalid cases: exit 2 listing them", async () => {
    const dir = tempFiles({ "cases.json": [{ ...enterpriseCase, energySavedTce: "-1" }] });
    const capture = fakeIo({ cwd: dir });
    expect(await runBudget(["cases.json"], capture.io)).toBe(2);
    expect(capture.stderr()).toContain("cases.json › entry 1 › energySavedTce");
  });

  it("--help", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${BUDGET_HELP.en}\n`);
  });
});
