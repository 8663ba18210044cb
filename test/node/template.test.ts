import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runTemplate } from "../../src/node/commands/template.js";
import { EXAMPLE_HEADER, EXAMPLE_MARK, LAYOUTS, templateHeader } from "../../src/node/formats/columns.js";
import {
  LISTS_SHEET,
  TEMPLATE_EXAMPLES,
  TEMPLATE_FIRST_COLUMN,
  TEMPLATE_ROWS,
  structureTypes,
  type TemplateKind,
} from "../../src/node/formats/template.js";
import type { CliIo } from "../../src/node/io.js";
import { readCases, readLedger } from "../../src/node/read.js";
import { issuesOf } from "./formats/support.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";

const KINDS = ["enterprise-exit", "structure-clearance", "village-compensation", "township-transfer"] as const;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exitfund-template-"));
});

/** The values a dropdown's formula (`lists!$B$1:$B$2`) lists, from the template's hidden list sheet. */
function listValues(book: ExcelJS.Workbook, formula: string | undefined): unknown[] {
  const match = /^(\w+)!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula ?? "");
  if (match === null) throw new Error(`not a list range: ${String(formula)}`);
  const sheet = book.getWorksheet(match[1] ?? "");
  const values: unknown[] = [];
  for (let row = Number(match[3]); row <= Number(match[4]); row += 1)
    values.push(sheet?.getCell(`${match[2] ?? ""}${row}`).value);
  return values;
}

/** Runs `exitfund template` in-process (the lead wires it into the CLI). */
async function template(args: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: {
      write: (chunk) => out.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1")),
      isTTY: tty,
    },
    stderr: { write: (chunk) => err.push(chunk), isTTY: tty },
    stdin: (async function* () {})(),
    cwd: dir,
  };
  try {
    return { code: await runTemplate(args, io), stdout: out.join(""), stderr: err.join("") };
  } catch (error) {
    return { code: 2, stdout: out.join(""), stderr: (error as Error).message };
  }
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, file));
  return book;
}

/** The template as a clerk who kept the example would fill it in: its example flags cleared (file saved as `to`). */
async function clearFlags(file: string, to: string): Promise<void> {
  if (file.endsWith(".csv")) {
    await writeFile(join(dir, to), (await readFile(join(dir, file), "utf8")).replaceAll(EXAMPLE_MARK, ""));
    return;
  }
  const book = await workbook(file);
  book.worksheets[0]?.eachRow((row, number) => {
    if (number > 1) row.getCell(1).value = null;
  });
  await book.xlsx.writeFile(join(dir, to));
}

describe("exitfund template <kind> --format csv", () => {
  it.each(KINDS)(
    "%s: UTF-8 with a BOM, `key / 中文` headers, an example refused as input until its 示例 flag is cleared, then read back as a valid case",
    async (kind) => {
      const result = await template([kind, "--out", `${kind}.csv`]);
      expect(result.code).toBe(0);
      const text = await readFile(join(dir, `${kind}.csv`), "utf8");
      expect(text.startsWith(`\uFEFF${[EXAMPLE_HEADER, ...LAYOUTS[kind].columns.map(templateHeader)].join(",")}`)).toBe(
        true,
      );
      const io = { ...ioOf(), cwd: dir };
      const issues = await issuesOf(readCases(`${kind}.csv`, io, { ruleSet: defaultRuleSet }));
      expect(issues).toEqual([
        expect.objectContaining({ path: `${kind}.csv › row 2 › 示例 (column A)`, code: "template-example" }),
      ]);
      expect(issues[0]?.message).toContain("delete the example rows");
      await clearFlags(`${kind}.csv`, `${kind}-kept.csv`);
      expect(await readCases(`${kind}-kept.csv`, io, { ruleSet: defaultRuleSet })).toEqual([TEMPLATE_EXAMPLES[kind]]);
    },
  );

  it("writes to stdout without --out", async () => {
    const result = await template(["enterprise-exit"], true);
    expect(result.stdout).toContain("energySavedTce / 节能量（吨标煤）");
  });

  it("ledger: the example row is refused, and reads back through readLedger once its flag is cleared", async () => {
    await template(["ledger", "--out", "ledger.csv"]);
    const io = { ...ioOf(), cwd: dir };
    expect((await issuesOf(readLedger("ledger.csv", io)))[0]?.code).toBe("template-example");
    await clearFlags("ledger.csv", "ledger-kept.csv");
    expect(await readLedger("ledger-kept.csv", io)).toEqual([TEMPLATE_EXAMPLES.ledger]);
  });

  it("an emptied template (the example rows deleted, nothing filled in) holds no cases: exit 2, not 0.00", async () => {
    await template(["enterprise-exit", "--out", "emptied.csv"]);
    const [header] = (await readFile(join(dir, "emptied.csv"), "utf8")).split("\r\n");
    await writeFile(join(dir, "emptied.csv"), `${header}\r\n`);
    const issues = await issuesOf(readCases("emptied.csv", { ...ioOf(), cwd: dir }));
    expect(issues.map((issue) => issue.code)).toEqual(["no-cases", "not-read"]);
    expect(issues[0]?.message).toContain("holds no cases");
  });
});

describe("exitfund template <kind> --format xlsx", () => {
  it.each([...KINDS, "ledger"] as const)(
    "%s: its example is refused, and read back as the example once its flag is cleared",
    async (kind: TemplateKind) => {
      expect((await template([kind, "--format", "xlsx", "--out", `${kind}.xlsx`])).code).toBe(0);
      const io = { ...ioOf(), cwd: dir };
      const read = (file: string) =>
        kind === "ledger" ? readLedger(file, io) : readCases(file, io, { ruleSet: defaultRuleSet });
      expect((await issuesOf(read(`${kind}.xlsx`)))[0]).toMatchObject({
        path: `${kind}.xlsx › ${kind} › row 2 › 示例 (column A)`,
        code: "template-example",
      });
      await clearFlags(`${kind}.xlsx`, `${kind}-kept.xlsx`);
      expect(await read(`${kind}-kept.xlsx`)).toEqual([TEMPLATE_EXAMPLES[kind]]);
    },
  );

  it("a frozen header, text format on ids and money, a date format, widths, dropdowns on every enumerated column", async () => {
    await template(["enterprise-exit", "--out", "e.xlsx"]);
    const sheet = (await workbook("e.xlsx")).getWorksheet("enterprise-exit");
    if (sheet === undefined) throw new Error("no sheet");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const columns = LAYOUTS["enterprise-exit"].columns;
    const at = (key: string) => columns.findIndex((column) => column.key === key) + TEMPLATE_FIRST_COLUMN;
    expect(sheet.getCell(1, 1).value).toBe(EXAMPLE_HEADER);
    expect(sheet.getCell(2, 1).value).toBe(EXAMPLE_MARK);
    expect(sheet.getColumn(at("id")).numFmt).toBe("@");
    expect(sheet.getColumn(at("energySavedTce")).numFmt).toBe("@");
    expect(sheet.getColumn(at("priorYearTax.vat")).numFmt).toBe("@");
    expect(sheet.getColumn(at("exitCompletedOn")).numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getColumn(at("energySavedTce")).width).toBeGreaterThanOrEqual(12);
    expect(sheet.getCell(2, at("exitCompletedOn")).value).toEqual(new Date(Date.UTC(2016, 9, 31)));
    const validations = (
      sheet as unknown as { dataValidations: { model: { [range: string]: { type: string; formulae: string[] } } } }
    ).dataValidations.model;
    // exceljs expands a range rule into one entry per cell when it reads a workbook.
    const listOf = (key: string, row = 2) => validations[`${sheet.getColumn(at(key)).letter}${row}`];
    for (const key of [
      "kind",
      "exitMode",
      "scale",
      "licensed",
      "acceptance.staffResettled",
      "municipalOutcome",
      "recommendedByDistrict",
      "region",
      "catalogueIndustry",
      "exemptCategory",
      "leadingGroupDecision",
    ]) {
      expect(listOf(key)?.type, key).toBe("list");
    }
    const book = await workbook("e.xlsx");
    expect(listValues(book, listOf("exitMode")?.formulae[0])).toEqual(["整体退出", "环节退出"]);
    expect(listValues(book, listOf("licensed")?.formulae[0])).toEqual(["是", "否"]);
    expect(listValues(book, listOf("catalogueIndustry")?.formulae[0])).toContain("石材加工");
    expect(listValues(book, listOf("exemptCategory")?.formulae[0])).toContain("高新技术企业");
    // A warning, not a stop: a clerk may keep a synonym the reader accepts.
    expect(listOf("exitMode")).toMatchObject({ errorStyle: "warning", showErrorMessage: true });
    expect(book.getWorksheet(LISTS_SHEET)?.state).toBe("hidden");
    expect(listOf("exitMode", TEMPLATE_ROWS + 1)?.type).toBe("list");
    expect(listOf("exitMode", TEMPLATE_ROWS + 2)).toBeUndefined();
    expect(listOf("energySavedTce")).toBeUndefined();
  });

  it("the clearance dropdowns list the rule set's structure types; zoneType and payer have theirs", async () => {
    await template(["structure-clearance", "--out", "c.xlsx"]);
    await template(["village-compensation", "--out", "v.xlsx"]);
    await template(["ledger", "--out", "l.xlsx"]);
    const lists = async (file: string, sheetName: string) => {
      const book = await workbook(file);
      const formulae = Object.values(
        (
          book.getWorksheet(sheetName) as unknown as {
            dataValidations: { model: { [r: string]: { formulae: string[] } } };
          }
        ).dataValidations.model,
      ).map((v) => v.formulae[0]);
      return [...new Set(formulae)].map((formula) => listValues(book, formula).join(","));
    };
    expect(structureTypes(defaultRuleSet)).toContain("brick-concrete");
    expect(await lists("c.xlsx", "structure-clearance")).toContain(
      "钢混/框架,砖混,砖木,钢结构/彩钢,简易房,硬化地面,围墙,其他构筑物",
    );
    expect(await lists("v.xlsx", "village-compensation")).toContain("工业大院,养殖小区");
    expect(await lists("l.xlsx", "ledger")).toContain("市级,区级");
  });

  it("a 说明 sheet describes each column: header, 中文表头, unit, what it accepts, values", async () => {
    await template(["enterprise-exit", "--out", "notes.xlsx"]);
    const notes = (await workbook("notes.xlsx")).getWorksheet("说明");
    const rows: string[][] = [];
    notes?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    const energy = rows.find((row) => row[2] === "energySavedTce");
    expect(energy).toEqual([
      "O",
      "节能量（吨标煤）",
      "energySavedTce",
      "吨标煤",
      "是",
      expect.stringContaining("120.5"),
      "",
    ]);
    expect(rows.find((row) => row[2] === "exitMode")?.[6]).toBe(
      "整体退出（whole、整体、全部退出）；环节退出（process、环节、工艺环节退出、部分退出）",
    );
    expect(
      rows.filter((row) => LAYOUTS["enterprise-exit"].columns.some((column) => column.key === row[2])),
    ).toHaveLength(LAYOUTS["enterprise-exit"].columns.length);
  });

  it("refuses to write a workbook to a terminal", async () => {
    const result = await template(["enterprise-exit", "--format", "xlsx"], true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out");
  });

  it("an unknown kind is a usage error naming the kinds", async () => {
    const result = await template(["enterprise"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("structure-clearance");
  });
});

function ioOf(): CliIo {
  return { stdout: { write: () => true }, stderr: { write: () => true }, stdin: (async function* () {})(), cwd: dir };
}
