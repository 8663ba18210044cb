import { describe, expect, it } from "vitest";
import { COMPARE_HELP, runCompare } from "../../src/node/commands/compare.js";
import { RULES_DIFF_HELP, runRulesDiff } from "../../src/node/commands/rules-diff.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMPARE_SHEETS, RULES_DIFF_SHEET } from "../../src/node/xlsx/compareReport.js";
import { expectChineseSheet } from "../support/sheets.js";
import { fakeIo, tempFiles } from "../audit/support.js";
import { clearanceCase, enterpriseCase } from "../fixtures/cases.js";

const CASES = [enterpriseCase, { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" }, clearanceCase];
const rates = defaultRuleSet.toJSON().parameters["clearance.rates"];
const raised = {
  id: "rates-plus-10",
  version: "1",
  title: "what-if: clearance rates +10%",
  validFrom: "2016-01-01",
  extends: "tongzhou-2016",
  sources: [],
  parameters: {
    "clearance.rates": {
      ...rates,
      note: "what-if: every rate +10%",
      values: [
        {
          from: "2016-01-01",
          value: Object.fromEntries(
            Object.entries(rates?.values[0]?.value as { [type: string]: { unit: string; rate: string } }).map(
              ([type, cell]) => [type, { ...cell, rate: ((BigInt(cell.rate) * 11n) / 10n).toString() }],
            ),
          ),
        },
      ],
    },
  },
};
const folder = tempFiles({
  "cases.json": CASES,
  "raised.json": raised,
  "broken.json": { ...raised, rounding: { scale: -1, mode: "up" } },
});

async function run(command: typeof runCompare, args: readonly string[], tty = false) {
  const capture = fakeIo({ cwd: folder, tty });
  const code = await command(args, capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe("exitfund compare", () => {
  it("clearance rates +10%: C-1 9,220.00 → 10,142.00 (+922.00), attributed to clearance.rates", async () => {
    const result = await run(runCompare, ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.cases[2]).toMatchObject({
      caseId: "C-1",
      a: { total: "9220.00" },
      b: { total: "10142.00" },
      delta: { district: "922.00", total: "922.00" },
    });
    expect(document.attribution.order).toEqual(["clearance.rates"]);
    expect(document.attribution.steps[0].part.total).toBe("922.00");
    expect(document.totals.byTownship["张家湾镇"].delta.total).toBe("922.00");
  });

  it("--format table: changed cases, totals and the attribution", async () => {
    const result = await run(runCompare, ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json"], true);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+922.00");
    expect(result.stdout).toContain("Attribution (order: clearance.rates)");
    expect(result.stdout).toContain("(2 cases unchanged, not shown)");
  });

  it.each([
    { name: "no --against", args: ["cases.json", "--rules", "tongzhou-2016"], message: "--against" },
    {
      name: "a format it does not write",
      args: ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json", "--format", "csv"],
      message: "--format",
    },
    {
      name: "an invalid rule set",
      args: ["cases.json", "--rules", "tongzhou-2016", "--against", "broken.json"],
      message: "rounding",
    },
    {
      name: "--scale without =",
      args: ["cases.json", "--rules", "tongzhou-2016", "--scale", "clearance.rates"],
      message: "--scale takes <parameter>=<factor>",
    },
    {
      name: "--scale naming no parameter, with a bad factor",
      args: ["cases.json", "--rules", "tongzhou-2016", "--scale", "clearance.ratez=1.1,village.perMu=lots"],
      message: "changes[1].factor",
    },
    {
      name: "--order naming a parameter that does not differ",
      args: ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json", "--order", "village.perMu"],
      message: "order[0]",
    },
  ])("usage: $name → exit 2", async ({ args, message }) => {
    const result = await run(runCompare, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--order clearance.rates: the attribution in the order chosen", async () => {
    const args = ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json", "--order", "clearance.rates"];
    const document = JSON.parse((await run(runCompare, args)).stdout);
    expect(document.attribution.order).toEqual(["clearance.rates"]);
    expect(document.attribution.note).toContain("order chosen");
  });

  it("--help", async () => {
    expect((await run(runCompare, ["--help"])).stdout).toBe(`${COMPARE_HELP.en}\n`);
  });

  it("--scale clearance.rates=+10%: the same what-if as the hand-written raised.json, without retyping the table", async () => {
    const typed = JSON.parse(
      (await run(runCompare, ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json"])).stdout,
    );
    const result = await run(runCompare, ["cases.json", "--rules", "tongzhou-2016", "--scale", "clearance.rates=+10%"]);
    expect(result.code).toBe(0);
    const scaled = JSON.parse(result.stdout);
    expect(scaled.ruleSets.b).toEqual({ id: "tongzhou-2016+scale", version: "1+scale" });
    expect(scaled.cases).toEqual(typed.cases);
    expect(scaled.totals).toEqual(typed.totals);
    expect(scaled.attribution.steps).toEqual(typed.attribution.steps);
  });

  it("--against B --scale: B's values scaled (here raised.json's rates ×1.1 again)", async () => {
    const result = await run(runCompare, [
      "cases.json",
      "--rules",
      "tongzhou-2016",
      "--against",
      "raised.json",
      "--scale",
      "clearance.rates=1.1",
    ]);
    const document = JSON.parse(result.stdout);
    expect(document.ruleSets.b.id).toBe("rates-plus-10+scale");
    expect(document.cases[2].b.total).toBe("11156.20");
  });

  it("--format xlsx: 对比汇总, 参数归因 and 变化明细, Chinese, printable, totals that add up", async () => {
    const result = await run(runCompare, [
      "cases.json",
      "--rules",
      "tongzhou-2016",
      "--scale",
      "clearance.rates=+10%",
      "--out",
      "what-if.xlsx",
    ]);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, "what-if.xlsx")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(COMPARE_SHEETS));
    const attribution = workbook.getWorksheet(COMPARE_SHEETS.attribution);
    expect(attribution?.getRow(5).getCell(2).value).toBe("腾地经费测算标准");
    expect(attribution?.getRow(5).getCell(5).value).toBe(922);
    expect(attribution?.getRow(6).getCell(5).value).toBe(922);
    const cases = workbook.getWorksheet(COMPARE_SHEETS.cases);
    expect(cases?.getRow(5).getCell(1).value).toBe("C-1");
    expect(cases?.getRow(5).getCell(9).value).toBe(922);
    expect(cases?.getRow(6).getCell(1).value).toBe("合计");
    const totals = workbook.getWorksheet(COMPARE_SHEETS.totals);
    const texts: string[] = [];
    totals?.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain("差额合计（大写）：增加人民币玖佰贰拾贰元整");
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: "4:4" });
      expect(sheet.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
      expectChineseSheet(sheet, [/\+scale/g]);
    }
  });
});

describe("exitfund rules diff", () => {
  it("JSON: the parameter and each rate that differs", async () => {
    const result = await run(runRulesDiff, ["tongzhou-2016", "raised.json"]);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff).toMatchObject({ a: { id: "tongzhou-2016" }, b: { id: "rates-plus-10" }, identical: false });
    expect(diff.parameters.map((p: { name: string }) => p.name)).toEqual(["clearance.rates"]);
    expect(diff.parameters[0].fields).toEqual([{ field: "note", a: rates?.note, b: "what-if: every rate +10%" }]);
    expect(diff.parameters[0].values[0].fields).toEqual(["value"]);
  });

  it("table: one line per difference", async () => {
    const result = await run(runRulesDiff, ["tongzhou-2016", "raised.json", "--format", "table"]);
    expect(result.stdout).toContain("clearance.rates");
    expect(result.stdout).toMatch(/2016-01-01 │ changed │ value\.brick-concrete\s*│ 60 per m2\s*│ 66 per m2/);
  });

  it("identical rule sets", async () => {
    const result = await run(runRulesDiff, ["tongzhou-2016", "tongzhou-2016", "--format", "table"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("identical");
  });

  it.each([
    { name: "one rule set only", args: ["tongzhou-2016"], message: "two rule sets" },
    { name: "a missing file", args: ["tongzhou-2016", "nope.json"], message: "nope.json" },
  ])("usage: $name → exit 2", async ({ args, message }) => {
    const result = await run(runRulesDiff, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--help", async () => {
    expect((await run(runRulesDiff, ["--help"])).stdout).toBe(`${RULES_DIFF_HELP.en}\n`);
  });

  it("--format xlsx: 规则差异, one row per difference, rates and statuses in words", async () => {
    const result = await run(runRulesDiff, ["tongzhou-2016", "raised.json", "--out", "diff.xlsx"]);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, "diff.xlsx")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(RULES_DIFF_SHEET);
    const rows: string[][] = [];
    sheet?.eachRow((row, number) => {
      if (number > 4) rows.push([1, 2, 3, 4, 5, 6].map((column) => String(row.getCell(column).value ?? "")));
    });
    expect(rows[0]).toEqual(["腾地经费测算标准", "（全部）", "修改", "说明", rates?.note, "what-if: every rate +10%"]);
    expect(rows[1]?.slice(0, 4)).toEqual(["腾地经费测算标准", "2016-01-01", "修改", "取值"]);
    expect(rows[1]?.[4]).toContain("60 元/㎡");
    expect(rows[1]?.[5]).toContain("66 元/㎡");
    expect(sheet?.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
  });

  it("--programme: a district's rule set that values its extension's parameters", async () => {
    const changping = join(import.meta.dirname, "../../examples/changping-2015");
    const result = await run(runRulesDiff, [
      "tongzhou-2016",
      join(changping, "rules.json"),
      "--programme",
      join(changping, "programme.mjs"),
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).parameters.some((p: { change: string }) => p.change === "added")).toBe(true);
  });
});
