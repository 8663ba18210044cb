import ExcelJS from "exceljs";
import { RECEIPT_SHEET } from "../../src/node/xlsx/receiptSheet.js";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_HELP, runAudit } from "../../src/node/commands/audit.js";
import { AUDIT_TITLE, AUDIT_SHEETS, AUDIT_TOTAL_LABELS } from "../../src/node/xlsx/auditReport.js";
import { fakeIo, tempFiles } from "../audit/support.js";
import { expectChineseSheet } from "../support/sheets.js";
import { FIXED_RATES_FILE } from "../support/fixedRates.js";
import { clearanceCase, enterpriseCase } from "../fixtures/cases.js";

// Under the test rule set fixed-rates: E-1 owes 875,000.00 municipal; E-2 612,500.00 district; E-3 nothing; C-1 9,220.00 district.
const CASES = [
  enterpriseCase,
  { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" },
  { ...enterpriseCase, id: "E-3", licensed: false },
  clearanceCase,
];
const EXACT = [
  { caseId: "E-1", payer: "municipal", amount: "875000.00", paidOn: "2016-12-20", voucher: "V1" },
  { caseId: "E-2", payer: "district", amount: "612500.00", paidOn: "2016-12-20", voucher: "V2" },
  { caseId: "C-1", payer: "district", amount: "9220.00", paidOn: "2016-12-20", voucher: "V3" },
];
const WRONG = [
  { ...EXACT[0], amount: "800000.00" },
  EXACT[1],
  EXACT[2],
  { caseId: "C-1", payer: "district", amount: "9220.00", paidOn: "2016-12-28", voucher: "V4" },
  { caseId: "E-3", payer: "district", amount: "100.00", paidOn: "2016-12-20" },
  { caseId: "X-9", payer: "municipal", amount: "5.00", paidOn: "2016-12-20", voucher: "V9" },
];
const folder = tempFiles({
  "cases.json": CASES,
  "exact.json": EXACT,
  "wrong.json": { ledger: WRONG },
  "bad.json": [{ ...EXACT[0], payer: "treasury" }],
  "fen.json": [{ ...EXACT[0], amount: "1.005" }],
});

async function run(args: readonly string[], tty = false) {
  const capture = fakeIo({ cwd: folder, tty });
  // Under the test rule set fixed-rates (test-only rates), except for --help.
  const rules = args.includes("--help") ? [] : ["--rules", FIXED_RATES_FILE];
  const code = await runAudit([...args, ...rules], capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe("exitfund audit", () => {
  it.each([
    ["empty", ""],
    ["whitespace-only", " \n\n"],
    ["BOM-only", "\uFEFF"],
  ])("an %s NDJSON ledger holds no cases: exit 2 naming the ledger", async (_, text) => {
    const folder = tempFiles({ "cases.json": CASES, "nothing.ndjson": text });
    const fake = fakeIo({ cwd: folder });
    expect(await runAudit(["cases.json", "--ledger", "nothing.ndjson"], fake.io)).toBe(2);
    expect(fake.stderr()).toContain("nothing.ndjson: holds no cases: the ledger (--ledger) has no line");
  });

  it("a clean ledger: exit 0, no discrepancy, totals tie out", async () => {
    const result = await run(["cases.json", "--ledger", "exact.json"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.discrepancies).toEqual([]);
    expect(document.totals).toEqual({ owed: "1496720.00", paid: "1496720.00", difference: "0.00" });
    expect(Object.keys(document)).toEqual([
      "ruleSet",
      "tolerance",
      "discrepancies",
      "totals",
      "counts",
      "reconciliation",
      "receipt",
    ]);
  });

  it("discrepancies: exit 1, each with caseId, type, payer, owed, paid, difference", async () => {
    const result = await run(["cases.json", "--ledger", "wrong.json", "--format", "json"]);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(
      document.discrepancies.map((d: { caseId: string; type: string; difference: string }) => [
        d.caseId,
        d.type,
        d.difference,
      ]),
    ).toEqual([
      ["E-1", "underpaid", "-75000.00"],
      ["E-3", "paid-not-owed", "100.00"],
      ["C-1", "duplicate-payment", "9220.00"],
      ["X-9", "unknown-case", "5.00"],
    ]);
    expect(document.totals).toEqual({ owed: "1496720.00", paid: "1431045.00", difference: "-65675.00" });
  });

  it("--tolerance: a difference within it is not a discrepancy", async () => {
    const ledger = [{ ...EXACT[0], amount: "874999.99" }, EXACT[1], EXACT[2]];
    const dir = tempFiles({ "cases.json": CASES, "ledger.json": ledger });
    const capture = fakeIo({ cwd: dir });
    expect(
      await runAudit(
        ["cases.json", "--ledger", "ledger.json", "--tolerance", "0.01", "--rules", FIXED_RATES_FILE],
        capture.io,
      ),
    ).toBe(0);
    expect(JSON.parse(capture.stdout()).reconciliation[0].status).toBe("within-tolerance");
  });

  it("--format table: the discrepancies and the totals", async () => {
    const result = await run(["cases.json", "--ledger", "wrong.json", "--format", "table"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("duplicate-payment 重复支付");
    expect(result.stdout).toContain("-75,000.00");
    expect(result.stdout).toMatch(/合计 total\s*│\s*1,496,720.00\s*│\s*1,431,045.00\s*│\s*-65,675.00/);
  });

  it("--format table is the default on a terminal; a clean ledger says so", async () => {
    const capture = fakeIo({ cwd: folder, tty: true });
    expect(await runAudit(["cases.json", "--ledger", "exact.json", "--rules", FIXED_RATES_FILE], capture.io)).toBe(0);
    expect(capture.stdout()).toContain("No discrepancy");
  });

  it("--format xlsx: discrepancy, reconciliation and trace sheets, amounts as #,##0.00 numbers with totals rows", async () => {
    const result = await run(["cases.json", "--ledger", "wrong.json", "--format", "xlsx", "--out", "audit.xlsx"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("wrote audit.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, "audit.xlsx")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      AUDIT_SHEETS.discrepancies,
      AUDIT_SHEETS.reconciliation,
      AUDIT_SHEETS.traces,
      RECEIPT_SHEET,
    ]);

    const discrepancies = workbook.getWorksheet(AUDIT_SHEETS.discrepancies);
    const first = discrepancies?.getRow(7);
    expect(first?.getCell(2).value).toBe("E-1");
    expect(first?.getCell(5).value).toBe(875000);
    expect(first?.getCell(5).numFmt).toBe("#,##0.00");
    expect(first?.getCell(7).value).toBe(-75000);
    const totals = discrepancies?.getRow(11);
    expect(totals?.getCell(1).value).toBe(AUDIT_TOTAL_LABELS.discrepancies);
    expect(totals?.getCell(7).value).toBe(-65675);

    const reconciliation = workbook.getWorksheet(AUDIT_SHEETS.reconciliation);
    const labels = [11, 12, 13].map((row) => reconciliation?.getRow(row).getCell(1).value);
    expect(labels).toEqual([AUDIT_TOTAL_LABELS.cases, AUDIT_TOTAL_LABELS.unknown, AUDIT_TOTAL_LABELS.grandTotal]);
    expect(reconciliation?.getRow(13).getCell(9).value).toBe(1431045);
    expect(reconciliation?.getRow(11).getCell(9).value).toBe(1431040); // the cases' rows, without the unknown 5.00
    expect(reconciliation?.getRow(12).getCell(9).value).toBe(5);

    const traces = workbook.getWorksheet(AUDIT_SHEETS.traces);
    const caseColumn: unknown[] = [];
    traces?.eachRow((row, number) => number > 6 && caseColumn.push(row.getCell(1).value));
    expect(new Set(caseColumn)).toEqual(new Set(["E-1", "E-3", "C-1"]));
    expect(traces?.getRow(7).getCell(2).value).toBeTypeOf("string");
    expect(traces?.rowCount).toBeGreaterThan(10); // the steps of each case, computed again with their traces

    // The 回执 (receipt) sheet is the papers' appendix (test/node/verifyReceipt.test.ts); the others are working papers.
    for (const sheet of workbook.worksheets.filter((one) => one.name !== RECEIPT_SHEET)) {
      // 底稿表头: 被审计事项 and 索引号, 编制人 and 复核人 with their dates; header rows repeated; A4 landscape.
      const heading = [2, 3, 4].flatMap((row) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => sheet.getCell(row, c).text));
      for (const label of ["被审计事项：", "索引号：", "编制人：", "复核人：", "日期："])
        expect(heading.some((text) => text.includes(label))).toBe(true);
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "6:6",
      });
      expect(sheet.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
      expect(sheet.headerFooter.oddHeader).toContain(AUDIT_TITLE);
      expectChineseSheet(sheet);
    }
  });

  it("bad input: exit 2 and every problem on stderr, nothing on stdout", async () => {
    const dir = tempFiles({
      "cases.json": [{ ...enterpriseCase, employees: -1 }],
      "ledger.json": [{ ...EXACT[0], payer: "treasury", amount: "1.001" }],
    });
    const capture = fakeIo({ cwd: dir });
    expect(await runAudit(["cases.json", "--ledger", "ledger.json"], capture.io)).toBe(2);
    expect(capture.stderr()).toContain("cases.json › entry 1 › employees");
    expect(capture.stderr()).toContain("ledger.json › entry 1 › payer");
    expect(capture.stdout()).toBe("");
  });

  it.each([
    { name: "no --ledger", args: ["cases.json"], message: "--ledger" },
    {
      name: "xlsx to a terminal without --out",
      args: ["cases.json", "--ledger", "exact.json", "--format", "xlsx"],
      message: "--out",
      tty: true,
    },
    {
      name: "an unknown format",
      args: ["cases.json", "--ledger", "exact.json", "--format", "csv"],
      message: "--format",
    },
    { name: "a ledger file that is not there", args: ["cases.json", "--ledger", "nope.json"], message: "nope.json" },
    {
      name: "a bad tolerance",
      args: ["cases.json", "--ledger", "exact.json", "--tolerance", "abc"],
      message: "tolerance",
    },
    { name: "a bad ledger row", args: ["cases.json", "--ledger", "bad.json"], message: "bad.json › entry 1 › payer" },
    { name: "a payment below the fen", args: ["cases.json", "--ledger", "fen.json"], message: "ledger[0].amount" },
  ])("usage: $name → exit 2", async ({ args, message, tty }: { args: string[]; message: string; tty?: boolean }) => {
    const result = await run(args, tty);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--help prints the usage and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("exitfund audit");
    expect(AUDIT_HELP.en).toContain("duplicate-payment");
  });

  const sample = join(import.meta.dirname, "../../examples/tongzhou-2016");
  it.skipIf(!existsSync(join(sample, "planted-discrepancies.json")))(
    "the sample district: finds exactly the discrepancies its generator planted (by case and type)",
    async () => {
      const capture = fakeIo();
      const code = await runAudit(
        ["examples/tongzhou-2016/cases.json", "--ledger", "examples/tongzhou-2016/ledger.json", "--format", "json"],
        capture.io,
      );
      expect(code).toBe(1);
      const planted = JSON.parse(readFileSync(join(sample, "planted-discrepancies.json"), "utf8")).discrepancies as {
        caseId: string;
        type: string;
        payer: string;
      }[];
      const found = JSON.parse(capture.stdout()).discrepancies as { caseId: string; type: string; payer: string }[];
      const key = (d: { caseId: string; type: string }) => `${d.caseId} ${d.type}`;
      expect(new Set(found.map(key))).toEqual(new Set(planted.map(key)));
      for (const d of planted) expect(found.some((f) => key(f) === key(d) && f.payer === d.payer)).toBe(true);
    },
  );
});
