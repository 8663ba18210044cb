import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { readCases } from "../../src/node/api.js";
import { runAudit } from "../../src/node/commands/audit.js";
import { templateXlsxBytes } from "../../src/node/formats/template.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { fakeIo, tempFiles } from "../audit/support.js";
import { FIXED_RATES_FILE } from "../support/fixedRates.js";
import { clearanceCase, enterpriseCase } from "../fixtures/cases.js";

// Under fixed-rates: E-1 owes 875,000.00 municipal; E-2 612,500.00 district; E-3 nothing; C-1 9,220.00 district.
const CASES = [
  enterpriseCase,
  { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" },
  { ...enterpriseCase, id: "E-3", licensed: false },
  clearanceCase,
];
/** The ledger as exitfund's JSON: an underpayment, a duplicate, a payment not owed, an unknown case. */
const LEDGER = [
  { caseId: "E-1", payer: "municipal", amount: "800000.00", paidOn: "2016-12-20", voucher: "记-001" },
  { caseId: "E-2", payer: "district", amount: "612500.00", paidOn: "2016-12-20", voucher: "记-002" },
  { caseId: "C-1", payer: "district", amount: "9220.00", paidOn: "2016-12-20", voucher: "记-003" },
  { caseId: "C-1", payer: "district", amount: "9220.00", paidOn: "2016-12-28", voucher: "记-004" },
  { caseId: "E-3", payer: "district", amount: "100.00", paidOn: "2016-12-20" },
  { caseId: "X-9", payer: "municipal", amount: "5.00", paidOn: "2016-12-20", voucher: "记-009" },
];
const FIXTURES = join(import.meta.dirname, "../fixtures/files");

/** The same ledger as a finance system exports it to Excel: a title, a unit line, its own headers, a 合计 row. */
async function financeXlsx(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("明细账");
  sheet.addRow(["通州区产业调整退出资金拨付明细账（2016年度）"]);
  sheet.mergeCells("A1:F1");
  sheet.addRow(["单位：元"]);
  sheet.addRow(["凭证字号", "日期", "摘要", "项目编号", "资金来源", "借方金额"]);
  sheet.addRow(["记-001", new Date(Date.UTC(2016, 11, 20)), "市级奖励拨付", "E-1", "市级资金", 800000]);
  sheet.addRow(["记-002", "2016年12月20日", "区级奖励拨付", "E-2", "区级资金", "612,500.00"]);
  sheet.addRow(["记-003", "2016/12/20", "腾地经费", "C-1", "区级资金", 9220]);
  sheet.addRow(["记-004", "2016/12/28", "腾地经费", "C-1", "区级资金", "9,220.00"]);
  sheet.addRow([null, "2016/12/20", "其他", "E-3", "区级资金", "１００．００"]);
  sheet.addRow(["记-009", "2016/12/20", "其他", "X-9", "市级资金", "¥5.00"]);
  sheet.addRow(["合计", null, null, null, null, 1431045]);
  sheet.getColumn(6).numFmt = "#,##0.00";
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Another system's export, whose headers and names of the payer only an explicit mapping can place. */
const OTHER_CSV = [
  "记账凭证号,业务日期,项目代号,资金性质,发生额",
  "记-001,2016-12-20,E-1,上级补助,800000.00",
  "记-002,2016-12-20,E-2,本级财政,612500.00",
  "记-003,2016-12-20,C-1,本级财政,9220.00",
  "记-004,2016-12-28,C-1,本级财政,9220.00",
  ",2016-12-20,E-3,本级财政,100.00",
  "记-009,2016-12-20,X-9,上级补助,5.00",
].join("\n");
const OTHER_MAP = {
  columns: { 记账凭证号: "voucher", 业务日期: "paidOn", 项目代号: "caseId", 资金性质: "payer", 发生额: "amount" },
  values: { payer: { 上级补助: "municipal", 本级财政: "district" } },
};

async function audit(folder: string, ledger: string, more: readonly string[] = []) {
  const capture = fakeIo({ cwd: folder });
  const code = await runAudit(["cases.json", "--ledger", ledger, ...more, "--rules", FIXED_RATES_FILE], capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

type Found = { discrepancies: { [key: string]: unknown }[]; totals: unknown };

/** What an audit found, without where each ledger row was (a JSON index, or the row Excel shows). */
function findings(stdout: string): unknown {
  const document = JSON.parse(stdout) as Found;
  return { totals: document.totals, discrepancies: document.discrepancies.map(({ rows: _rows, ...rest }) => rest) };
}

/** The ledger rows each discrepancy names, by type and case. */
function rowsOf(stdout: string): { [key: string]: unknown } {
  const document = JSON.parse(stdout) as Found;
  return Object.fromEntries(
    document.discrepancies.map((one) => [`${String(one.type)} ${String(one.caseId)}`, one.rows]),
  );
}

describe("ledgers from finance systems (issue 12)", () => {
  const folder = tempFiles({
    "cases.json": CASES,
    "ledger.json": LEDGER,
    "other.csv": OTHER_CSV,
    "other-map.json": OTHER_MAP,
  });
  copyFileSync(join(FIXTURES, "finance-ledger-gb18030.csv"), join(folder, "finance.csv"));

  it("a GB18030 CSV export (title row, 凭证字号/日期/摘要/项目编号/资金来源/借方金额, 合计 row, 1,234.50) audits as the JSON ledger", async () => {
    const json = await audit(folder, "ledger.json");
    expect(json.code).toBe(1);
    const csv = await audit(folder, "finance.csv");
    expect(csv.code).toBe(1);
    expect(findings(csv.stdout)).toEqual(findings(json.stdout));
    // The rows as Excel shows them: the title, the unit line and the header are rows 1–3.
    expect(rowsOf(csv.stdout)).toMatchObject({
      "underpaid E-1": [4],
      "paid-not-owed E-3": [8],
      "duplicate-payment C-1": [7],
    });
    expect(csv.stderr).toContain("title");
    expect(csv.stderr).toMatch(/合计/);
  });

  it("an XLSX export (merged title, date cells, number cells, 元 and full-width figures) audits as the JSON ledger", async () => {
    await financeXlsx(join(folder, "finance.xlsx"));
    const json = await audit(folder, "ledger.json");
    const xlsx = await audit(folder, "finance.xlsx");
    expect(xlsx.code).toBe(1);
    expect(findings(xlsx.stdout)).toEqual(findings(json.stdout));
  });

  it("another system's headers and payer names, with --ledger-map, audit as the JSON ledger; without it, the columns are named", async () => {
    const json = await audit(folder, "ledger.json");
    const mapped = await audit(folder, "other.csv", ["--ledger-map", "other-map.json"]);
    expect(mapped.stderr).toBe("");
    expect(findings(mapped.stdout)).toEqual(findings(json.stdout));
    const unmapped = await audit(folder, "other.csv");
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain("发生额");
  });

  it("a mapping file is checked like any input: an unknown field is named with what is accepted", async () => {
    writeFileSync(join(folder, "bad-map.json"), JSON.stringify({ columns: { 发生额: "money" } }));
    const result = await audit(folder, "other.csv", ["--ledger-map", "bad-map.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad-map.json");
    expect(result.stderr).toContain("money");
  });

  it("the fixture is GB18030, as Chinese Excel saves CSV", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(join(folder, "finance.csv")))).toThrow();
  });
});

/** The column (1-based) of the template's header `key / 中文` for `key`. */
function columnOf(sheet: ExcelJS.Worksheet, key: string, headerRow = 1): number {
  let found = 0;
  sheet.getRow(headerRow).eachCell((cell, column) => {
    if (String(cell.value).split(" / ")[0] === key) found = column;
  });
  if (found === 0) throw new Error(`no column ${key}`);
  return found;
}

/**
 * A template filled in as a clerk fills it: the example rows replaced, every enumerated cell in Chinese (the
 * dropdown's names, or a synonym), figures with thousands separators, full-width digits and 元; then two title
 * rows inserted above the header, column A used for 序号, and a 合计 row below.
 */
async function filledTemplate(
  kind: "enterprise-exit" | "structure-clearance",
  rows: readonly { readonly [key: string]: unknown }[],
  total: { readonly [key: string]: unknown },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await templateXlsxBytes(kind, defaultRuleSet)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(kind) as ExcelJS.Worksheet;
  for (let row = 2; row <= sheet.rowCount; row += 1) sheet.getRow(row).values = [];
  sheet.getCell(1, 1).value = "序号";
  rows.forEach((values, index) => {
    const row = sheet.getRow(2 + index);
    row.getCell(1).value = index + 1;
    for (const [key, value] of Object.entries(values))
      row.getCell(columnOf(sheet, key)).value = value as ExcelJS.CellValue;
  });
  const totalRow = sheet.getRow(2 + rows.length);
  totalRow.getCell(1).value = "合计";
  for (const [key, value] of Object.entries(total))
    totalRow.getCell(columnOf(sheet, key)).value = value as ExcelJS.CellValue;
  sheet.spliceRows(
    1,
    0,
    [kind === "enterprise-exit" ? "台湖镇产业调整退出企业奖励申报表" : "张家湾镇腾地经费申报表"],
    ["填报单位：（盖章）"],
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("templates filled in Chinese (issue 12)", () => {
  const folder = tempFiles({ "cases.json": CASES });

  it("an enterprise template filled with dropdown names, synonyms, separators and full-width digits reads as the JSON cases", async () => {
    const common = {
      name: enterpriseCase.name,
      township: "台湖镇",
      exitMode: "整体退出",
      scale: "规模以上工业企业",
      exitCompletedOn: "2016年10月31日",
      licensed: "是",
      "acceptance.equipmentRemoved": "√",
      "acceptance.licenceChangedOrCancelled": "是",
      "acceptance.staffResettled": "是",
      municipalOutcome: "已获批",
      recommendedByDistrict: "是",
      energySavedTce: "２，０００",
      "pollutantsReducedTonnes.so2": "12.5",
      "pollutantsReducedTonnes.nox": "３",
      "priorYearTax.vat": "150,000.00元",
      "priorYearTax.corporateIncome": "¥50,000",
      employees: "40",
      landAreaM2: "3,000",
      region: "京哈以北",
    };
    const bytes = await filledTemplate(
      "enterprise-exit",
      [
        { ...common, id: "E-1" },
        { ...common, id: "E-2", municipalOutcome: "未获批" },
        { ...common, id: "E-3", licensed: "否" },
      ],
      { "priorYearTax.vat": "450,000.00" },
    );
    writeFileSync(join(folder, "台湖镇.xlsx"), bytes);
    const notes: string[] = [];
    const read = await readCases("台湖镇.xlsx", {
      cwd: folder,
      ruleSet: defaultRuleSet,
      onNotice: (note) => notes.push(note),
    });
    const expected = CASES.slice(0, 3).map((one) => ({
      ...one,
      priorYearTax: { vat: "150000.00", corporateIncome: "50000" },
    }));
    expect(read).toEqual(expected);
    expect(computeBatch(read, defaultRuleSet).totals).toEqual(computeBatch(CASES.slice(0, 3), defaultRuleSet).totals);
    const said = notes.join("\n");
    expect(said).toMatch(/title/);
    expect(said).toMatch(/合计/);
    expect(said).toMatch(/thousands/);
  });

  it("a clearance template with structure types as clerks write them (砖混结构, 院墙) reads as the JSON case", async () => {
    const bytes = await filledTemplate(
      "structure-clearance",
      [
        {
          id: "C-1",
          township: "张家湾镇",
          village: "示例村",
          site: clearanceCase.site,
          declaredOn: "2016/9/1",
          "items.id": "1",
          "items.structureType": "砖混结构",
          "items.quantity": "１２０",
          "items.survey.structureType": "砖混",
          "items.survey.quantity": "120",
        },
        {
          "items.id": "2",
          "items.structureType": "院墙",
          "items.quantity": "50.5",
          "items.survey.structureType": "围墙",
          "items.survey.quantity": "50.5",
        },
      ],
      { "items.quantity": "170.5" },
    );
    writeFileSync(join(folder, "张家湾镇.xlsx"), bytes);
    const read = await readCases("张家湾镇.xlsx", { cwd: folder, ruleSet: defaultRuleSet });
    expect(read).toEqual([clearanceCase]);
  });
});
