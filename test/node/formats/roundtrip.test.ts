import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeBatch } from "../../../src/batch/compute.js";
import { dec } from "../../../src/money/decimal.js";
import { LAYOUTS, templateHeader } from "../../../src/node/formats/columns.js";
import { BOM, csvLines } from "../../../src/node/formats/csv.js";
import { RESULT_CSV_HEADERS, resultsCsv } from "../../../src/node/formats/results.js";
import { RESULT_SHEETS, resultsWorkbookBytes } from "../../../src/node/formats/resultsXlsx.js";
import {
  TEMPLATE_FIRST_COLUMN,
  flattenCase,
  templateXlsxBytes,
  xlsxValue,
} from "../../../src/node/formats/template.js";
import { readCases } from "../../../src/node/read.js";
import { defaultRuleSet } from "../../../src/rule-sets/index.js";
import { CASE_KINDS } from "../../../src/schemas/cases.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../../fixtures/cases.js";
import { ioAt, tempDir } from "./support.js";

type CaseKind = (typeof CASE_KINDS)[number];

/** Cases of each kind as a clerk would type them, several per kind and lists of several entries. */
const CASES: { readonly [kind in CaseKind]: readonly { readonly [key: string]: unknown }[] } = {
  "enterprise-exit": [
    enterpriseCase,
    {
      ...enterpriseCase,
      id: "E-2",
      scale: "below",
      exitMode: "process",
      licensed: false,
      municipalOutcome: "not-applied",
      pollutantsReducedTonnes: { vocs: "0.125" },
      priorYearTax: { other: "12345.67" },
      municipalAssessedAmount: "640000",
      region: "south",
    },
    {
      ...enterpriseCase,
      id: "E-3",
      catalogueIndustry: "casting",
      exemptCategory: "high-tech",
      leadingGroupDecision: "exit",
      acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: false, staffResettled: true },
    },
  ],
  "structure-clearance": [
    clearanceCase,
    {
      ...clearanceCase,
      id: "C-2",
      items: [
        {
          id: "A",
          structureType: "steel-frame",
          quantity: "300.25",
          builtOn: "2016-07-01",
          declaredAmount: "10508.75",
          survey: { structureType: "simple", quantity: "280" },
        },
        { id: "B", structureType: "other-structure", quantity: "3" },
        {
          id: "C",
          structureType: "hardened-ground",
          quantity: "1000",
          survey: { structureType: "hardened-ground", quantity: "1000" },
        },
      ],
    },
  ],
  "village-compensation": [
    villageCase,
    { ...villageCase, id: "V-2", zoneType: "breeding-zone", leases: [] },
    {
      ...villageCase,
      id: "V-3",
      leases: [
        ...villageCase.leases,
        { id: "L2", tenant: "乙", landAreaMu: "2.5", annualRent: "30000.5", leaseEndsOn: "2016-12-31" },
      ],
    },
  ],
  "township-transfer": [
    transferCase,
    { ...transferCase, id: "T-2", township: "宋庄镇", exitedEnterprises: [] },
    {
      ...transferCase,
      id: "T-3",
      exitedEnterprises: [
        { id: "X", priorYearTax: {} },
        { id: "Y", priorYearTax: { vat: "1", corporateIncome: "2", other: "3" }, priorYearOutput: "4" },
      ],
    },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** The same cases after the reader: what it adds is an empty priorYearTax of a listed enterprise. */
function normalized(value: { readonly [key: string]: unknown }): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("cases → the template filled in → read back → the same cases", () => {
  it.each(Object.keys(CASES) as CaseKind[])(
    "%s through the XLSX template (written with exceljs into its sheet)",
    async (kind) => {
      const layout = LAYOUTS[kind];
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await templateXlsxBytes(kind, defaultRuleSet)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(kind);
      if (sheet === undefined) throw new Error("no sheet");
      for (let row = 2; row <= sheet.rowCount; row += 1) sheet.getRow(row).eachCell((cell) => (cell.value = null)); // the example rows
      let next = 2;
      for (const value of CASES[kind]) {
        for (const row of flattenCase(layout, value)) {
          layout.columns.forEach((column, index) => {
            if (row[column.key] !== undefined)
              sheet.getCell(next, index + TEMPLATE_FIRST_COLUMN).value = xlsxValue(
                column,
                row[column.key],
              ) as ExcelJS.CellValue;
          });
          next += 1;
        }
      }
      await writeFile(join(dir, `${kind}.xlsx`), new Uint8Array(await workbook.xlsx.writeBuffer()));
      expect(await readCases(`${kind}.xlsx`, ioAt(dir), { ruleSet: defaultRuleSet })).toEqual(
        CASES[kind].map(normalized),
      );
    },
  );

  it.each(Object.keys(CASES) as CaseKind[])("%s through CSV", async (kind) => {
    const layout = LAYOUTS[kind];
    const rows = CASES[kind]
      .flatMap((value) => flattenCase(layout, value))
      .map((row) => layout.columns.map((column) => (row[column.key] === undefined ? "" : String(row[column.key]))));
    await writeFile(join(dir, `${kind}.csv`), BOM + csvLines([layout.columns.map(templateHeader), ...rows]));
    expect(await readCases(`${kind}.csv`, ioAt(dir), { ruleSet: defaultRuleSet })).toEqual(CASES[kind].map(normalized));
  });
});

describe("results → CSV / XLSX → read back → the same amounts", () => {
  const all = Object.values(CASES).flat();
  const document = computeBatch(all, defaultRuleSet);

  it("computes the round-trip batch without errors", () => {
    expect(document.errors).toEqual([]);
    expect(document.results).toHaveLength(all.length);
  });

  it("CSV", async () => {
    await writeFile(join(dir, "results.csv"), resultsCsv(document));
    const records = parse(await readFile(join(dir, "results.csv")), { bom: true, columns: true }) as {
      [key: string]: string;
    }[];
    expect(Object.keys(records[0] ?? {})).toEqual([...RESULT_CSV_HEADERS]);
    expect(records.map((r) => [r.id, r.municipal, r.district, r.total])).toEqual(
      document.results.map((o) => [o.id, o.amounts.municipal, o.amounts.district, o.amounts.total]),
    );
  });

  it("XLSX: number cells with #,##0.00 equal to the exact amounts; totals sheet with 大写", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultsWorkbookBytes(document)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(RESULT_SHEETS.results);
    // The cases start on row 5, below the title, the basis, the notice and the header row (4).
    const read = document.results.map((_, index) => [7, 8, 9].map((column) => sheet?.getCell(index + 5, column)));
    read.forEach((cells, index) => {
      const amounts = document.results[index]?.amounts;
      expect(cells.map((cell) => cell?.numFmt)).toEqual(["#,##0.00", "#,##0.00", "#,##0.00"]);
      expect(cells.map((cell) => dec(String(cell?.value)).toFixed(2))).toEqual([
        amounts?.municipal,
        amounts?.district,
        amounts?.total,
      ]);
    });
    const totals = workbook.getWorksheet(RESULT_SHEETS.totals);
    const last = totals?.getRow(5 + Object.keys(document.totals.byTownship).length);
    expect(dec(String(last?.getCell(6).value)).toFixed(2)).toBe(document.totals.total);
    expect(last?.getCell(7).value).toMatch(/^人民币.+(元整|分|角整)$/);
  });
});
