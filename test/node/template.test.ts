import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runTemplate } from "../../src/node/commands/template.js";
import {
  EXAMPLE_HEADER,
  EXAMPLE_ID_PREFIX,
  EXAMPLE_MARK,
  LAYOUTS,
  columnLetter,
  templateHeader,
} from "../../src/node/formats/columns.js";
import {
  LISTS_SHEET,
  TEMPLATE_EXAMPLES,
  TEMPLATE_FIRST_COLUMN,
  TEMPLATE_ROWS,
  flattenCase,
  structureTypes,
  type TemplateKind,
} from "../../src/node/formats/template.js";
import type { CliIo } from "../../src/node/io.js";
import { readCases, readLedger } from "../../src/node/read.js";
import { exampleAsCase, issuesOf, writeWorkbook } from "./formats/support.js";
import { BOM, csvLines } from "../../src/node/formats/csv.js";
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

/** The id (a ledger's, its case id) of a kind's template example, and the id a clerk gives the row kept as a real case. */
function idsOf(kind: TemplateKind): {
  key: "id" | "caseId";
  example: string;
  real: string;
  zh: string;
  /** The id's column in the template, and once column A is deleted. */
  letter: string;
  letterWithoutFlag: string;
} {
  const key = kind === "ledger" ? "caseId" : "id";
  const example = String(TEMPLATE_EXAMPLES[kind][key]);
  const at = LAYOUTS[kind].columns.findIndex((column) => column.key === key);
  return {
    key,
    example,
    real: example.slice(EXAMPLE_ID_PREFIX.length),
    zh: LAYOUTS[kind].columns[at]?.zh ?? "",
    letter: columnLetter(at + TEMPLATE_FIRST_COLUMN - 1),
    letterWithoutFlag: columnLetter(at),
  };
}

/** What a clerk does to a template's example rows: the 示例 flag kept, cleared or its column deleted; the id kept or replaced. */
interface Edit {
  readonly flag: "kept" | "cleared" | "deleted";
  readonly id: "kept" | "replaced";
}

/** The template `file` of `kind` edited as `edit` says, saved as `to`. */
async function edited(kind: TemplateKind, file: string, to: string, edit: Edit): Promise<void> {
  const { example, real } = idsOf(kind);
  if (file.endsWith(".csv")) {
    let text = await readFile(join(dir, file), "utf8");
    if (edit.flag === "cleared") text = text.replaceAll(EXAMPLE_MARK, "");
    // Column A's header and flag hold no comma: the first field of each line is column A.
    if (edit.flag === "deleted") text = text.replace(/^\uFEFF/, "").replace(/^[^,\r\n]*,/gm, "");
    if (edit.id === "replaced") text = text.replaceAll(example, real);
    await writeFile(join(dir, to), edit.flag === "deleted" ? `\uFEFF${text}` : text);
    return;
  }
  const book = await workbook(file);
  const sheet = book.getWorksheet(kind);
  if (sheet === undefined) throw new Error(`no sheet ${kind}`);
  sheet.eachRow((row, number) => {
    if (number > 1 && edit.flag === "cleared") row.getCell(1).value = null;
    if (edit.id === "replaced")
      row.eachCell((cell) => {
        if (cell.value === example) cell.value = real;
      });
  });
  if (edit.flag === "deleted") sheet.spliceColumns(1, 1);
  await book.xlsx.writeFile(join(dir, to));
}

const ALL_KINDS = [...KINDS, "ledger"] as const;

describe.each(["csv", "xlsx"] as const)(
  "exitfund template <kind> --format %s: the example is refused until it is gone",
  (format) => {
    const io = () => ({ ...ioOf(), cwd: dir });
    const read = (kind: TemplateKind, file: string) =>
      kind === "ledger" ? readLedger(file, io()) : readCases(file, io(), { ruleSet: defaultRuleSet });
    /** Where a template's row 2 is: `enterprise-exit.csv › row 2` or `enterprise-exit.xlsx › enterprise-exit › row 2`. */
    const row2 = (kind: TemplateKind, file: string) => `${file}${format === "xlsx" ? ` › ${kind}` : ""} › row 2`;
    const made = async (kind: TemplateKind): Promise<string> => {
      const file = `refused-${kind}.${format}`;
      expect((await template([kind, "--format", format, "--out", file])).code).toBe(0);
      return file;
    };

    it.each(ALL_KINDS)("%s: as written, refused once, at its flag, which also names the id", async (kind) => {
      const file = await made(kind);
      const { key, example, letter } = idsOf(kind);
      const issues = await issuesOf(read(kind, file));
      expect(issues).toEqual([
        expect.objectContaining({ path: `${row2(kind, file)} › 示例 (column A)`, code: "template-example" }),
      ]);
      expect(issues[0]?.message).toContain(`(marked 示例; its ${key} "${example}" in column ${letter} marks it too)`);
      expect(issues[0]?.message).toContain("delete the example rows");
      expect(issues[0]?.zh).toContain(`；${letter} 列`);
    });

    it.each(ALL_KINDS)("%s: its 示例 flag cleared but its id kept, refused at the id", async (kind) => {
      const file = await made(kind);
      const { example, zh, letter } = idsOf(kind);
      await edited(kind, file, `flagless-${file}`, { flag: "cleared", id: "kept" });
      const issues = await issuesOf(read(kind, `flagless-${file}`));
      expect(issues).toEqual([
        expect.objectContaining({
          path: `${row2(kind, `flagless-${file}`)} › ${zh} (column ${letter})`,
          code: "template-example",
        }),
      ]);
      const [id, idZh] = kind === "ledger" ? ["case id", "案件编号"] : ["id", "编号"];
      expect(issues[0]?.message).toContain(`is "${example}", the ${id} of the template's example`);
      expect(issues[0]?.zh).toContain(`为 "${example}"，是模板自带示例的${idZh}`);
    });

    it.each(ALL_KINDS)("%s: its 示例 column deleted, refused at the id (a column further left)", async (kind) => {
      const file = await made(kind);
      const { zh, letterWithoutFlag } = idsOf(kind);
      await edited(kind, file, `columnless-${file}`, { flag: "deleted", id: "kept" });
      expect(await issuesOf(read(kind, `columnless-${file}`))).toEqual([
        expect.objectContaining({
          path: `${row2(kind, `columnless-${file}`)} › ${zh} (column ${letterWithoutFlag})`,
          code: "template-example",
        }),
      ]);
    });

    it.each(ALL_KINDS)(
      "%s: its flag cleared (or its column deleted) and its id replaced, read back as that case",
      async (kind) => {
        const file = await made(kind);
        await edited(kind, file, `kept-${file}`, { flag: "cleared", id: "replaced" });
        expect(await read(kind, `kept-${file}`)).toEqual([exampleAsCase(kind)]);
        await edited(kind, file, `kept-columnless-${file}`, { flag: "deleted", id: "replaced" });
        expect(await read(kind, `kept-columnless-${file}`)).toEqual([exampleAsCase(kind)]);
      },
    );
  },
);

describe("an id that starts with 示例 marks the template's example, without its 示例 column", () => {
  const io = () => ({ ...ioOf(), cwd: dir });
  /** A kind's example (or the example with `changes`) as the rows of its sheet, without the 示例 column. */
  const rowsOf = (kind: TemplateKind, changes: { readonly [key: string]: unknown } = {}) =>
    flattenCase(LAYOUTS[kind], { ...TEMPLATE_EXAMPLES[kind], ...changes }).map((values) =>
      LAYOUTS[kind].columns.map((column) => (values[column.key] === undefined ? null : values[column.key])),
    );
  const headers = (kind: TemplateKind) => LAYOUTS[kind].columns.map(templateHeader);

  it("every example of a workbook is listed at once, on every sheet, and nothing is computed", async () => {
    await writeWorkbook(join(dir, "examples.xlsx"), [
      {
        name: "enterprise-exit",
        rows: [
          headers("enterprise-exit"),
          ...rowsOf("enterprise-exit"),
          ...rowsOf("enterprise-exit", { id: "E-1" }),
          ...rowsOf("enterprise-exit", { id: "示例-E-2016-0002" }),
        ],
      },
      { name: "腾地经费", rows: [headers("structure-clearance"), ...rowsOf("structure-clearance")] },
    ]);
    const issues = await issuesOf(readCases("examples.xlsx", io(), { ruleSet: defaultRuleSet }));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["examples.xlsx › enterprise-exit › row 2 › 企业编号 (column B)", "template-example"],
      ["examples.xlsx › enterprise-exit › row 4 › 企业编号 (column B)", "template-example"],
      ["examples.xlsx › 腾地经费 › row 2 › 申报编号 (column B)", "template-example"],
    ]);
  });

  it.each([
    ["spaces around it, trimmed", "  示例-E-1 "],
    ["a full-width space inside", "示\u3000例-E-1"],
    ["compatibility forms NFKC reads as 示例 (⽰, 例)", "\u2F70\uF9B5-E-1"],
    ["示例 alone", "示例"],
    ["示例 without the hyphen", "示例E-1"],
  ])("%s: refused", async (_name, id) => {
    const csv = BOM + csvLines([headers("enterprise-exit"), ...rowsOf("enterprise-exit", { id }).map(texts)]);
    await writeFile(join(dir, "marked.csv"), csv);
    expect(await issuesOf(readCases("marked.csv", io(), { ruleSet: defaultRuleSet }))).toEqual([
      expect.objectContaining({ path: "marked.csv › row 2 › 企业编号 (column B)", code: "template-example" }),
    ]);
  });

  it("an id with 示例 elsewhere in it is a case like any other", async () => {
    const csv =
      BOM + csvLines([headers("enterprise-exit"), ...rowsOf("enterprise-exit", { id: "E-示例-1" }).map(texts)]);
    await writeFile(join(dir, "inside.csv"), csv);
    expect(await readCases("inside.csv", io(), { ruleSet: defaultRuleSet })).toEqual([
      { ...TEMPLATE_EXAMPLES["enterprise-exit"], id: "E-示例-1" },
    ]);
  });

  it("a ledger row whose case id is the example's is refused, in CSV and XLSX", async () => {
    const rows = [headers("ledger"), ...rowsOf("ledger"), ...rowsOf("ledger", { caseId: "E-1" })];
    await writeFile(join(dir, "paid.csv"), BOM + csvLines(rows.map(texts)));
    await writeWorkbook(join(dir, "paid.xlsx"), [{ name: "付款台账", rows }]);
    expect(await issuesOf(readLedger("paid.csv", io()))).toEqual([
      expect.objectContaining({ path: "paid.csv › row 2 › 案件编号 (column A)", code: "template-example" }),
    ]);
    expect(await issuesOf(readLedger("paid.xlsx", io()))).toEqual([
      expect.objectContaining({ path: "paid.xlsx › 付款台账 › row 2 › 案件编号 (column A)", code: "template-example" }),
    ]);
  });

  it("JSON and NDJSON have no template: an id that starts with 示例 is read there as written", async () => {
    await writeFile(join(dir, "example.json"), JSON.stringify([TEMPLATE_EXAMPLES["enterprise-exit"]]));
    await writeFile(join(dir, "example.ndjson"), `${JSON.stringify(TEMPLATE_EXAMPLES["enterprise-exit"])}\n`);
    for (const file of ["example.json", "example.ndjson"])
      expect(await readCases(file, io())).toEqual([TEMPLATE_EXAMPLES["enterprise-exit"]]);
  });
});

/** A row of values as CSV cells. */
function texts(cells: readonly unknown[]): string[] {
  return cells.map((cell) =>
    cell === null ? "" : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell),
  );
}

describe("exitfund template <kind> --format csv", () => {
  it.each(KINDS)("%s: UTF-8 with a BOM, `key / 中文` headers", async (kind) => {
    const result = await template([kind, "--out", `${kind}.csv`]);
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, `${kind}.csv`), "utf8");
    expect(text.startsWith(`\uFEFF${[EXAMPLE_HEADER, ...LAYOUTS[kind].columns.map(templateHeader)].join(",")}`)).toBe(
      true,
    );
  });

  it("writes to stdout without --out", async () => {
    const result = await template(["enterprise-exit"], true);
    expect(result.stdout).toContain("energySavedTce / 节能量（吨标煤）");
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
    // The example's id shows whole (示例-E-2016-0001, 16 wide): it marks the example once column A is gone.
    expect(sheet.getCell(2, at("id")).value).toBe("示例-E-2016-0001");
    expect(sheet.getColumn(at("id")).width).toBeGreaterThanOrEqual(17);
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
    // The example's id marks it too: the notes say so, in the general notes and on column A's line.
    expect(rows.find((row) => row[0]?.startsWith("6. "))?.[0]).toContain(
      "示例的编号也以“示例-”开头：请先删除示例行再填写，否则整个文件不予计算（只删去 A 列不行",
    );
    expect(rows.find((row) => row[0] === "A")?.[5]).toContain("编号以“示例”开头的行同样不予读取");
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
