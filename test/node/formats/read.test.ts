import { copyFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYOUTS, templateHeader } from "../../../src/node/formats/columns.js";
import { csvLines } from "../../../src/node/formats/csv.js";
import { flattenCase, xlsxValue } from "../../../src/node/formats/template.js";
import { readCaseSource, readCases, readCasesStream, readLedger } from "../../../src/node/read.js";
import { defaultRuleSet } from "../../../src/rule-sets/index.js";
import { exampleAsCase, ioAt, issuesOf, tempDir, writeWorkbook } from "./support.js";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/files");
const enterprise = LAYOUTS["enterprise-exit"];
const clearance = LAYOUTS["structure-clearance"];
const headers = (layout = enterprise) => layout.columns.map(templateHeader);
// The templates' examples, kept as real cases (their ids without the 示例- that marks them).
const example = exampleAsCase("enterprise-exit");
const clearanceCase = exampleAsCase("structure-clearance");

/** The example enterprise as one row of cells, with some cells replaced by raw cell values (by English key). */
function enterpriseRow(changes: { readonly [key: string]: unknown } = {}): unknown[] {
  const values = flattenCase(enterprise, example)[0] ?? {};
  return enterprise.columns.map((column) =>
    column.key in changes
      ? changes[column.key]
      : values[column.key] === undefined
        ? null
        : xlsxValue(column, values[column.key]),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
const io = () => ioAt(dir);

describe("readCases: CSV", () => {
  it("a GB18030 CSV saved by Chinese Excel (CSV 逗号分隔) with Chinese headers, 是/否 and Chinese values is read correctly", async () => {
    await copyFile(join(FIXTURES, "enterprise-gb18030.csv"), join(dir, "gb.csv"));
    const cases = await readCases("gb.csv", io(), { ruleSet: defaultRuleSet });
    expect(cases[0]).toEqual(example);
    expect(cases[1]).toMatchObject({
      id: "E-2016-0002",
      name: "示例家具厂 (synthetic)",
      scale: "below",
      recommendedByDistrict: false,
      licensed: true,
      exitCompletedOn: "2016-11-01",
      region: "north",
    });
  });

  it("UTF-8 with and without a BOM, English-only headers", async () => {
    const text = csvLines([
      enterprise.columns.map((column) => column.key),
      enterpriseRow().map((cell) =>
        cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? "" : String(cell),
      ),
    ]);
    await writeFile(join(dir, "plain.csv"), text);
    await writeFile(join(dir, "bom.csv"), `\uFEFF${text}`);
    expect(await readCases("plain.csv", io())).toEqual([example]);
    expect(await readCases("bom.csv", io())).toEqual([example]);
  });

  it("a missing required column is one problem naming the column and its Chinese header", async () => {
    const keep = enterprise.columns.filter((column) => column.key !== "energySavedTce");
    await writeFile(join(dir, "missing.csv"), csvLines([keep.map(templateHeader)]));
    const issues = await issuesOf(readCases("missing.csv", io()));
    expect(issues).toEqual([
      expect.objectContaining({
        path: "missing.csv › row 1",
        code: "missing-column",
        message: expect.stringContaining("energySavedTce (节能量（吨标煤）)"),
      }),
    ]);
  });

  it("an unknown column is refused (a typo must not silently drop a field)", async () => {
    await writeFile(join(dir, "unknown.csv"), csvLines([[...headers(), "energySaved"]]));
    const issues = await issuesOf(readCases("unknown.csv", io()));
    expect(issues[0]?.path).toBe('unknown.csv › row 1 › "energySaved" (column AE)');
    expect(issues[0]?.message).toContain("energySavedTce");
  });

  it("a sheet whose kind cannot be told is refused", async () => {
    await writeFile(
      join(dir, "what.csv"),
      csvLines([
        ["id / 编号", "township / 乡镇"],
        ["X", "台湖镇"],
      ]),
    );
    const issues = await issuesOf(readCases("what.csv", io()));
    expect(issues[0]?.message).toContain("cannot tell which kind");
  });
});

describe("readCases: XLSX — every problem with its file, sheet, row and column", () => {
  it("a bad number, an unknown enum value, a non-date text, a >15-digit number cell: all of them, each located", async () => {
    await writeWorkbook(join(dir, "bad.xlsx"), [
      {
        name: "enterprise-exit",
        rows: [
          headers(),
          enterpriseRow({ id: "E-1" }),
          enterpriseRow({ id: "E-2", energySavedTce: "1,20" }),
          enterpriseRow({ id: "E-3", exitMode: "partial", exitCompletedOn: "下月" }),
          enterpriseRow({ id: "E-4", landAreaM2: 0.1 + 0.2 }),
        ],
      },
    ]);
    const issues = await issuesOf(readCases("bad.xlsx", io(), { ruleSet: defaultRuleSet }));
    expect(issues.map((issue) => issue.path)).toEqual([
      "bad.xlsx › enterprise-exit › row 3 › 节能量（吨标煤） (column N)",
      "bad.xlsx › enterprise-exit › row 4 › 退出方式 (column E)",
      "bad.xlsx › enterprise-exit › row 4 › 退出完成日期 (column G)",
      "bad.xlsx › enterprise-exit › row 5 › 占地面积（㎡） (column Y)",
    ]);
    expect(issues[0]?.message).toContain('"1,20"');
    expect(issues[1]?.message).toContain("整体退出 (whole), 环节退出 (process)");
    expect(issues[2]?.message).toContain("not a date");
    expect(issues[3]?.message).toContain("15 significant digits");
  });

  it("a date Excel stored as a serial number (42675) is read as 2016-11-01; a date cell as its day", async () => {
    await writeWorkbook(join(dir, "serial.xlsx"), [
      {
        name: "enterprise-exit",
        rows: [
          headers(),
          enterpriseRow({ id: "E-1", exitCompletedOn: 42675 }),
          enterpriseRow({ id: "E-2", exitCompletedOn: new Date(Date.UTC(2016, 11, 31)) }),
        ],
      },
    ]);
    const cases = (await readCases("serial.xlsx", io())) as { exitCompletedOn: string }[];
    expect(cases.map((c) => c.exitCompletedOn)).toEqual(["2016-11-01", "2016-12-31"]);
  });

  it("booleans as 是/否 text and as Excel TRUE/FALSE cells", async () => {
    await writeWorkbook(join(dir, "bool.xlsx"), [
      {
        name: "企业退出",
        rows: [
          headers(),
          enterpriseRow({ licensed: "是", recommendedByDistrict: "否" }),
          enterpriseRow({ id: "E-2", licensed: false }),
        ],
      },
    ]);
    const cases = (await readCases("bool.xlsx", io())) as { licensed: boolean; recommendedByDistrict: boolean }[];
    expect(cases.map((c) => [c.licensed, c.recommendedByDistrict])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it("a notes sheet is skipped and the data sheet may come second", async () => {
    await writeWorkbook(join(dir, "notes.xlsx"), [
      { name: "说明", rows: [["填表说明"]] },
      { name: "Sheet1", rows: [headers(), enterpriseRow()] },
    ]);
    expect(await readCases("notes.xlsx", io())).toEqual([example]);
  });

  it("sheets named after kinds are all read, in order", async () => {
    const clearanceRows = flattenCase(clearance, clearanceCase).map((values) =>
      clearance.columns.map((column) =>
        values[column.key] === undefined ? null : xlsxValue(column, values[column.key]),
      ),
    );
    await writeWorkbook(join(dir, "two.xlsx"), [
      { name: "enterprise-exit", rows: [headers(), enterpriseRow()] },
      { name: "腾地经费", rows: [headers(clearance), ...clearanceRows] },
    ]);
    expect(await readCases("two.xlsx", io(), { ruleSet: defaultRuleSet })).toEqual([example, clearanceCase]);
  });

  it("rows of one declaration whose own columns differ: an error naming both rows", async () => {
    const rows = flattenCase(clearance, clearanceCase).map((values) =>
      clearance.columns.map((column) =>
        values[column.key] === undefined ? null : xlsxValue(column, values[column.key]),
      ),
    );
    const second = [...(rows[1] ?? [])];
    second[2] = "台湖镇";
    await writeWorkbook(join(dir, "conflict.xlsx"), [
      { name: "structure-clearance", rows: [headers(clearance), rows[0] ?? [], second] },
    ]);
    const issues = await issuesOf(readCases("conflict.xlsx", io()));
    expect(issues).toMatchObject([
      {
        path: "conflict.xlsx › structure-clearance › row 3 › 乡镇 (column C)",
        message: expect.stringMatching(/"台湖镇" here but "张家湾镇" in row 2/),
      },
    ]);
  });

  it("rows that disagree on an invalid own value: the disagreement and the first row's own problem are both listed", async () => {
    const rows = flattenCase(clearance, clearanceCase).map((values) =>
      clearance.columns.map((column) =>
        values[column.key] === undefined ? null : xlsxValue(column, values[column.key]),
      ),
    );
    const dateColumn = clearance.columns.findIndex((column) => column.key === "declaredOn");
    const first = [...(rows[0] ?? [])];
    first[dateColumn] = "2016-11-31";
    await writeWorkbook(join(dir, "conflict-date.xlsx"), [
      { name: "structure-clearance", rows: [headers(clearance), first, rows[1] ?? []] },
    ]);
    const issues = await issuesOf(readCases("conflict-date.xlsx", io()));
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/row 3 › 申报日期/), expect.stringMatching(/row 2 › 申报日期/)]),
    );
    expect(issues.find((issue) => /row 2 › 申报日期/.test(issue.path))?.message).toMatch(/real calendar date/);
  });

  it("a declaration's own columns may be left empty after its first row, or merged", async () => {
    const rows = flattenCase(clearance, clearanceCase).map((values) =>
      clearance.columns.map((column) =>
        values[column.key] === undefined ? null : xlsxValue(column, values[column.key]),
      ),
    );
    const second = (rows[1] ?? []).map((cell, index) => (clearance.columns[index]?.perRow === true ? cell : null));
    await writeWorkbook(join(dir, "continued.xlsx"), [
      { name: "structure-clearance", rows: [headers(clearance), rows[0] ?? [], second] },
    ]);
    expect(await readCases("continued.xlsx", io())).toEqual([clearanceCase]);
  });

  it("an item problem is reported at the item's own row and column", async () => {
    const rows = flattenCase(clearance, clearanceCase).map((values) =>
      clearance.columns.map((column) =>
        values[column.key] === undefined ? null : xlsxValue(column, values[column.key]),
      ),
    );
    const second = [...(rows[1] ?? [])];
    second[7] = "tent";
    await writeWorkbook(join(dir, "item.xlsx"), [
      { name: "structure-clearance", rows: [headers(clearance), rows[0] ?? [], second] },
    ]);
    const issues = await issuesOf(readCases("item.xlsx", io(), { ruleSet: defaultRuleSet }));
    expect(issues.map((issue) => issue.path)).toEqual([
      "item.xlsx › structure-clearance › row 3 › 申报结构类型 (column H)",
    ]);
    expect(issues[0]?.message).toContain("brick-concrete");
  });

  it("a repeated id names both rows", async () => {
    await writeWorkbook(join(dir, "twice.xlsx"), [
      { name: "enterprise-exit", rows: [headers(), enterpriseRow(), enterpriseRow()] },
    ]);
    const issues = await issuesOf(readCases("twice.xlsx", io()));
    expect(issues).toMatchObject([
      {
        path: "twice.xlsx › enterprise-exit › row 3 › 企业编号 (column B)",
        message: expect.stringContaining("also at twice.xlsx › enterprise-exit › row 2"),
      },
    ]);
  });

  it("a file that is not a workbook is an input problem", async () => {
    await writeFile(join(dir, "fake.xlsx"), "not a zip");
    expect((await issuesOf(readCases("fake.xlsx", io())))[0]?.path).toBe("fake.xlsx");
  });
});

describe("readCases: NDJSON", () => {
  it("problems are located by line; a line that is not JSON is one problem", async () => {
    await writeFile(
      join(dir, "cases.ndjson"),
      `${JSON.stringify(example)}\n\n{ nope\n${JSON.stringify({ ...example, id: "E-2", employees: -1 })}\n`,
    );
    const issues = await issuesOf(readCases("cases.ndjson", io()));
    expect(issues.map((issue) => issue.path)).toEqual(["cases.ndjson › line 3", "cases.ndjson › line 4 › employees"]);
  });

  it("readCasesStream yields { line, value } one line at a time", async () => {
    await writeFile(
      join(dir, "two.ndjson"),
      `\uFEFF${JSON.stringify(example)}\r\n${JSON.stringify({ ...example, id: "E-2" })}\r\n`,
    );
    const records = [];
    for await (const record of readCasesStream("two.ndjson", io())) records.push(record);
    expect(records.map((record) => [record.line, (record.value as { id: string }).id])).toEqual([
      [1, "E-2016-0001"],
      [2, "E-2"],
    ]);
  });

  it("a missing file is a usage error", async () => {
    await expect(readCaseSource("none.ndjson", io())).rejects.toThrow("no such file");
  });
});

describe("readLedger", () => {
  const ledgerHeaders = LAYOUTS.ledger.columns.map(templateHeader);

  it("reads JSON ({ ledger: [...] }), CSV and XLSX rows", async () => {
    const row = exampleAsCase("ledger");
    await writeFile(join(dir, "ledger.json"), JSON.stringify({ ledger: [row] }));
    await writeFile(
      join(dir, "ledger.csv"),
      csvLines([ledgerHeaders, ["E-2016-0001", "市级", "840000.00", "2016/12/20", "记-2016-12-0031"]]),
    );
    await writeWorkbook(join(dir, "ledger.xlsx"), [
      {
        name: "付款台账",
        rows: [
          ledgerHeaders,
          ["E-2016-0001", "municipal", "840000.00", new Date(Date.UTC(2016, 11, 20)), "记-2016-12-0031"],
        ],
      },
    ]);
    for (const file of ["ledger.json", "ledger.csv", "ledger.xlsx"])
      expect(await readLedger(file, io())).toEqual([row]);
  });

  it("every bad cell, by row and column", async () => {
    await writeFile(
      join(dir, "bad-ledger.csv"),
      csvLines([
        ledgerHeaders,
        ["E-1", "province", "-12.50", "2016-12-20", ""],
        ["E-2", "district", "12,50", "someday", ""],
      ]),
    );
    const issues = await issuesOf(readLedger("bad-ledger.csv", io()));
    expect(issues.map((issue) => issue.path)).toEqual([
      "bad-ledger.csv › row 2 › 付款方 (column B)",
      "bad-ledger.csv › row 3 › 金额（元） (column C)",
      "bad-ledger.csv › row 3 › 支付日期 (column D)",
    ]);
  });

  it("JSON rows are located by their entry, counted from 1", async () => {
    await writeFile(
      join(dir, "bad-ledger.json"),
      JSON.stringify([{ caseId: "E-1", payer: "district", amount: "x", paidOn: "2016-12-20" }]),
    );
    expect((await issuesOf(readLedger("bad-ledger.json", io())))[0]?.path).toBe("bad-ledger.json › entry 1 › amount");
  });
});
