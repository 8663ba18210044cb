import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runTemplate } from "../../src/node/commands/template.js";
import { LAYOUTS, templateHeader } from "../../src/node/formats/columns.js";
import {
  TEMPLATE_EXAMPLES,
  TEMPLATE_ROWS,
  structureTypes,
  type TemplateKind,
} from "../../src/node/formats/template.js";
import type { CliIo } from "../../src/node/io.js";
import { readCases, readLedger } from "../../src/node/read.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";

const KINDS = ["enterprise-exit", "structure-clearance", "village-compensation", "township-transfer"] as const;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exitfund-template-"));
});

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

describe("exitfund template <kind> --format csv", () => {
  it.each(KINDS)(
    "%s: UTF-8 with a BOM, `key / 中文` headers, and an example the reader reads back as a valid case",
    async (kind) => {
      const result = await template([kind, "--out", `${kind}.csv`]);
      expect(result.code).toBe(0);
      const text = await readFile(join(dir, `${kind}.csv`), "utf8");
      expect(text.startsWith(`\uFEFF${LAYOUTS[kind].columns.map(templateHeader).join(",")}`)).toBe(true);
      expect(await readCases(`${kind}.csv`, { ...ioOf(), cwd: dir }, { ruleSet: defaultRuleSet })).toEqual([
        TEMPLATE_EXAMPLES[kind],
      ]);
    },
  );

  it("writes to stdout without --out", async () => {
    const result = await template(["enterprise-exit"], true);
    expect(result.stdout).toContain("energySavedTce / 节能量(吨标煤)");
  });

  it("ledger: the example row reads back through readLedger", async () => {
    await template(["ledger", "--out", "ledger.csv"]);
    expect(await readLedger("ledger.csv", { ...ioOf(), cwd: dir })).toEqual([TEMPLATE_EXAMPLES.ledger]);
  });
});

describe("exitfund template <kind> --format xlsx", () => {
  it.each([...KINDS, "ledger"] as const)("%s reads back as its example", async (kind: TemplateKind) => {
    expect((await template([kind, "--format", "xlsx", "--out", `${kind}.xlsx`])).code).toBe(0);
    const io = { ...ioOf(), cwd: dir };
    if (kind === "ledger") expect(await readLedger("ledger.xlsx", io)).toEqual([TEMPLATE_EXAMPLES.ledger]);
    else expect(await readCases(`${kind}.xlsx`, io, { ruleSet: defaultRuleSet })).toEqual([TEMPLATE_EXAMPLES[kind]]);
  });

  it("a frozen header, text format on ids and money, a date format, widths, dropdowns on every enumerated column", async () => {
    await template(["enterprise-exit", "--out", "e.xlsx"]);
    const sheet = (await workbook("e.xlsx")).getWorksheet("enterprise-exit");
    if (sheet === undefined) throw new Error("no sheet");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const columns = LAYOUTS["enterprise-exit"].columns;
    const at = (key: string) => columns.findIndex((column) => column.key === key) + 1;
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
    expect(listOf("exitMode")?.formulae).toEqual(['"whole,process"']);
    expect(listOf("licensed")?.formulae).toEqual(['"TRUE,FALSE"']);
    expect(listOf("exitMode", TEMPLATE_ROWS + 1)?.type).toBe("list");
    expect(listOf("exitMode", TEMPLATE_ROWS + 2)).toBeUndefined();
    expect(listOf("energySavedTce")).toBeUndefined();
  });

  it("the clearance dropdowns list the rule set's structure types; zoneType and payer have theirs", async () => {
    await template(["structure-clearance", "--out", "c.xlsx"]);
    await template(["village-compensation", "--out", "v.xlsx"]);
    await template(["ledger", "--out", "l.xlsx"]);
    const formulae = async (file: string, sheetName: string) =>
      Object.values(
        (
          (await workbook(file)).getWorksheet(sheetName) as unknown as {
            dataValidations: { model: { [r: string]: { formulae: string[] } } };
          }
        ).dataValidations.model,
      ).map((v) => v.formulae[0]);
    expect(await formulae("c.xlsx", "structure-clearance")).toContain(`"${structureTypes(defaultRuleSet).join(",")}"`);
    expect(structureTypes(defaultRuleSet)).toContain("brick-concrete");
    expect(await formulae("v.xlsx", "village-compensation")).toContain('"industrial-compound,breeding-zone"');
    expect(await formulae("l.xlsx", "ledger")).toContain('"municipal,district"');
  });

  it("a 说明 sheet describes each column: header, 中文表头, unit, what it accepts, values", async () => {
    await template(["enterprise-exit", "--out", "notes.xlsx"]);
    const notes = (await workbook("notes.xlsx")).getWorksheet("说明");
    const rows: string[][] = [];
    notes?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    const energy = rows.find((row) => row[1] === "energySavedTce");
    expect(energy).toEqual([
      "N",
      "energySavedTce",
      "节能量(吨标煤)",
      "吨标煤",
      "是",
      expect.stringContaining("120.5"),
      "",
    ]);
    expect(rows.find((row) => row[1] === "exitMode")?.[6]).toBe("whole 整体退出；process 环节退出");
    expect(
      rows.filter((row) => LAYOUTS["enterprise-exit"].columns.some((column) => column.key === row[1])),
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
