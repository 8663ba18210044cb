import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBatch } from "../../../src/batch/compute.js";
import { defaultRuleSet } from "../../../src/rule-sets/index.js";
import { RESULT_SHEETS, resultsWorkbookBytes } from "../../../src/node/formats/resultsXlsx.js";
import { RECEIPT_SHEET } from "../../../src/node/xlsx/receiptSheet.js";
import { expectChineseSheet } from "../../support/sheets.js";

const cases = JSON.parse(readFileSync("examples/tongzhou-2016/cases.json", "utf8")) as { cases?: unknown[] };
const list = (Array.isArray(cases) ? cases : (cases.cases ?? [])) as unknown[];
// A few of every kind: enterprises on each track, a clearance with findings, villages, transfers.
const sample = [
  ...list.filter((c) => (c as { kind: string }).kind === "enterprise-exit").slice(0, 12),
  ...list.filter((c) => (c as { kind: string }).kind === "structure-clearance").slice(0, 3),
  ...list.filter((c) => (c as { kind: string }).kind === "village-compensation").slice(0, 3),
  ...list.filter((c) => (c as { kind: string }).kind === "township-transfer").slice(0, 3),
];

async function workbookOf(explain: boolean): Promise<ExcelJS.Workbook> {
  const ruleSet = defaultRuleSet;
  const document = computeBatch(sample, ruleSet);
  expect(document.errors).toEqual([]);
  const workbook = new ExcelJS.Workbook();
  const bytes = await resultsWorkbookBytes(document, { explain, title: ruleSet.title });
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("compute --format xlsx (the results workbook)", () => {
  it("is Chinese only, fonts named, nothing clipped, on every sheet (with --explain too)", async () => {
    const workbook = await workbookOf(true);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      RESULT_SHEETS.results,
      RESULT_SHEETS.totals,
      RESULT_SHEETS.trace,
      RECEIPT_SHEET,
    ]);
    for (const sheet of workbook.worksheets.slice(0, 3)) expectChineseSheet(sheet);
    // A scale's brackets are its arithmetic in words, not the trace's keys (brackets, from, portion, to).
    const steps: string[] = [];
    workbook.getWorksheet(RESULT_SHEETS.trace)?.eachRow((row) => row.eachCell((cell) => steps.push(cell.text)));
    expect(steps.some((text) => /分档计算：0 至 300,000 部分 [\d,.]+ × 1 = [\d,.]+/.test(text))).toBe(true);
  });

  it("prints: A4 landscape, fit to width, the header row repeated, 第 N 页 共 M 页; money with separators, yes/no as 是/否", async () => {
    const workbook = await workbookOf(false);
    // The data sheets (the 回执 appendix has its own layout; its footer is checked in verifyReceipt.test.ts).
    for (const sheet of workbook.worksheets.filter((one) => one.name !== RECEIPT_SHEET)) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
      expect(sheet.pageSetup.printTitlesRow).toBe("4:4");
      expect(sheet.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
    }
    const results = workbook.getWorksheet(RESULT_SHEETS.results);
    const first = results?.getRow(5);
    expect(first?.getCell(9).numFmt).toBe("#,##0.00");
    expect(typeof first?.getCell(9).value).toBe("number");
    expect(["是", "否"]).toContain(first?.getCell(5).value);
    const texts: string[] = [];
    results?.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    for (const code of ["enterprise-exit", "district-small", "illustrative", "true", "false"])
      expect(texts.some((text) => text.includes(code))).toBe(false);
    expect(texts).toContain("区级小企业综合奖励");
    const totals = workbook.getWorksheet(RESULT_SHEETS.totals);
    const all: string[] = [];
    totals?.eachRow((row) => row.eachCell((cell) => all.push(cell.text)));
    expect(all.some((text) => text.startsWith("人民币"))).toBe(true);
  });
});
