import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeBatch } from "../../../src/batch/compute.js";
import { runRules } from "../../../src/node/commands/rules.js";
import { ruleSetOfWorkbook, ruleSetXlsxBytes } from "../../../src/node/formats/ruleSetWorkbook.js";
import type { CliIo } from "../../../src/node/io.js";
import { loadRulesOption } from "../../../src/node/rules-option.js";
import { defaultRuleSet, loadRuleSet } from "../../../src/rule-sets/index.js";
import { defaultProgramme } from "../../../src/rules/default.js";
import { issuesOf, tempDir } from "./support.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

function io(): CliIo & { err: string[] } {
  const err: string[] = [];
  return {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (chunk) => err.push(chunk) > 0 },
    stdin: (async function* () {})(),
    cwd: dir,
    err,
  };
}

async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The 参数 sheet's row of `name` (and `key`), and the column of each header's key. */
function rowOf(sheet: ExcelJS.Worksheet, name: string, key = ""): { row: ExcelJS.Row; at: (field: string) => number } {
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? "").split(" / ")[0]);
  const at = (field: string) => headers.indexOf(field);
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(at("name")).value === name && String(row.getCell(at("key")).value ?? "") === key) found ??= row;
  });
  if (found === undefined) throw new Error(`no row ${name} ${key}`);
  return { row: found, at };
}

describe("the parameter workbook (rules template --format xlsx)", () => {
  it("round trip: the bundled rule set through its workbook is the same rule set", async () => {
    const bytes = await ruleSetXlsxBytes(defaultRuleSet, defaultProgramme);
    const read = await ruleSetOfWorkbook(bytes, "参数.xlsx", defaultProgramme);
    expect(read.json).toEqual(defaultRuleSet.toJSON());
  });

  it("round trip: a district's rule set without rule citations and with its own rounding", async () => {
    const { rules: _rules, ...json } = defaultRuleSet.toJSON();
    const own = loadRuleSet({ ...json, id: "district-2017", version: "3", rounding: { scale: 2, mode: "half-even" } });
    const read = await ruleSetOfWorkbook(await ruleSetXlsxBytes(own, defaultProgramme), "d.xlsx", defaultProgramme);
    expect(read.json).toEqual(own.toJSON());
  });

  it("sheets: 说明, 规则集, 参数 (one row per value, with status and source dropdowns), 来源, 条款", async () => {
    const workbook = await book(await ruleSetXlsxBytes(defaultRuleSet, defaultProgramme));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["说明", "规则集", "参数", "来源", "条款", "lists"]);
    const parameters = workbook.getWorksheet("参数") as ExcelJS.Worksheet;
    expect(parameters.getRow(1).values).toEqual([
      undefined,
      "name / 参数名",
      "label / 中文名称",
      "key / 表格键",
      "value / 取值",
      "unit / 单位",
      "from / 起始日期",
      "status / 状态",
      "source / 出处",
      "clause / 条款",
      "note / 附注",
      "aliases / 同义词",
    ]);
    const rate = rowOf(parameters, "clearance.rates", "brick-concrete");
    expect(rate.row.getCell(rate.at("value")).value).toBe("60");
    expect(rate.row.getCell(rate.at("unit")).value).toBe("m2");
    expect(rate.row.getCell(rate.at("status")).value).toBe("示例值");
    expect(String(rate.row.getCell(rate.at("aliases")).value)).toContain("砖混结构");
    const supplement = rowOf(parameters, "reward.district.supplementRate");
    expect(supplement.row.getCell(supplement.at("label")).value).toBe("区级奖励比照市级比例");
    const validations = (
      parameters as unknown as { dataValidations: { model: { [cell: string]: { formulae: string[] } } } }
    ).dataValidations.model;
    const letter = (field: string) => parameters.getColumn(rate.at(field)).letter;
    expect(validations[`${letter("status")}2`]?.formulae[0]).toMatch(/^lists!\$A\$1:\$A\$3$/);
    expect(validations[`${letter("source")}2`]?.formulae[0]).toMatch(/^'来源'!\$A\$2:\$A\$\d+$/);
  });

  it("a clerk's change of one rate and its status and source is read back, and computes with its citation", async () => {
    const workbook = await book(await ruleSetXlsxBytes(defaultRuleSet, defaultProgramme));
    const head = workbook.getWorksheet("规则集") as ExcelJS.Worksheet;
    head.getCell("A2").value = "tongzhou-2016-local";
    head.getCell("B2").value = "2";
    const sources = workbook.getWorksheet("来源") as ExcelJS.Worksheet;
    sources.addRow(["F1", "通州区财政局关于区级奖励比例的通知（示例）", "2016-08-01", "", "官方"]);
    const parameters = workbook.getWorksheet("参数") as ExcelJS.Worksheet;
    const supplement = rowOf(parameters, "reward.district.supplementRate");
    supplement.row.getCell(supplement.at("value")).value = "80%";
    supplement.row.getCell(supplement.at("status")).value = "官方";
    supplement.row.getCell(supplement.at("source")).value = "F1";
    supplement.row.getCell(supplement.at("clause")).value = "第三条";
    await writeFile(join(dir, "参数.xlsx"), await bytesOf(workbook));

    const ruleSet = await loadRulesOption("参数.xlsx", io(), defaultProgramme);
    expect(ruleSet.id).toBe("tongzhou-2016-local");
    const parameter = ruleSet.toJSON().parameters["reward.district.supplementRate"];
    expect(parameter).toMatchObject({ status: "official", source: "F1", clause: "第三条" });
    expect(parameter?.values).toEqual([{ from: "2016-01-01", value: "0.8" }]);
    // Everything else is as bundled.
    const { parameters: changed, ...rest } = ruleSet.toJSON();
    const { parameters: bundled, ...bundledRest } = defaultRuleSet.toJSON();
    expect({ ...rest, id: bundledRest.id, version: bundledRest.version, sources: bundledRest.sources }).toEqual(
      bundledRest,
    );
    expect(Object.keys(changed)).toEqual(Object.keys(bundled));
    expect(computeBatch([], ruleSet).results).toEqual([]);
  });

  it("a bundled id left unchanged is refused at its cell; bad cells are listed at once, by sheet, row and column", async () => {
    const workbook = await book(await ruleSetXlsxBytes(defaultRuleSet, defaultProgramme));
    const parameters = workbook.getWorksheet("参数") as ExcelJS.Worksheet;
    const min = rowOf(parameters, "reward.municipal.min");
    min.row.getCell(min.at("value")).value = "五十万";
    const rate = rowOf(parameters, "clearance.rates", "brick-wood");
    rate.row.getCell(rate.at("status")).value = "官方";
    rate.row.getCell(rate.at("unit")).value = "亩";
    await writeFile(join(dir, "bad.xlsx"), await bytesOf(workbook));
    const issues = await issuesOf(loadRulesOption("bad.xlsx", io(), defaultProgramme));
    const paths = issues.map((one) => one.path);
    expect(paths.some((path) => /^bad\.xlsx › 参数 › row \d+ › 取值 \(column D\)$/.test(path))).toBe(true);
    expect(issues.find((one) => one.code === "citation-differs")?.path).toMatch(
      /› 参数 › row \d+ › 状态 \(column G\)$/,
    );
    expect(issues.find((one) => one.code === "rate-unit")?.path).toMatch(/› 单位 \(column E\)$/);

    const fixed = await book(await ruleSetXlsxBytes(defaultRuleSet, defaultProgramme));
    await writeFile(join(dir, "same-id.xlsx"), await bytesOf(fixed));
    const refused = await issuesOf(loadRulesOption("same-id.xlsx", io(), defaultProgramme));
    expect(refused).toEqual([
      expect.objectContaining({ code: "bundled-id", path: "same-id.xlsx › 规则集 › row 2 › 编号 (column A)" }),
    ]);
  });

  it("exitfund rules template writes the workbook", async () => {
    expect(await runRules(["template", "--out", "t.xlsx"], io())).toBe(0);
    const read = await ruleSetOfWorkbook(await readFile(join(dir, "t.xlsx")), "t.xlsx", defaultProgramme);
    expect(read.json).toEqual(defaultRuleSet.toJSON());
  });
});
