import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYOUTS, templateHeader } from "../../src/node/formats/columns.js";
import { csvLines } from "../../src/node/formats/csv.js";
import { CORE_LIMITS, LIMITS, bytesText, type Limits } from "../../src/node/limits.js";
import { EXIT, PROBLEM_LINE_CHARACTERS } from "../../src/node/io.js";
import { runCli } from "../../src/node/run.js";
import { EXCEL_CELL_CHARACTERS, EXCEL_ROWS } from "../../src/node/xlsx/bytes.js";
import { SUGGEST_LIMIT } from "../../src/errors/echo.js";
import { compute } from "../../src/index.js";
import { clearanceCase, enterpriseCase } from "../fixtures/cases.js";
import { fakeIo } from "../support/cli.js";
import { bombPart, inlineRow, rawWorkbook, zipOf } from "../support/xlsx.js";
import { tempDir } from "./formats/support.js";

/** Every limit of docs/files.md triggers, with exit 2 and a message that says what to do. */

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  const cases = Array.from({ length: 4 }, (_, i) => ({ ...enterpriseCase, id: `E-${i}` }));
  await writeFile(join(dir, "four.json"), JSON.stringify(cases));
  await writeFile(join(dir, "four.ndjson"), cases.map((c) => JSON.stringify(c)).join("\n"));
  await writeFile(join(dir, "one.json"), JSON.stringify([enterpriseCase]));
  const header = LAYOUTS["enterprise-exit"].columns.map(templateHeader);
  const row = (id: string) =>
    LAYOUTS["enterprise-exit"].columns.map((column) => {
      const value = column.key
        .split(".")
        .reduce<unknown>((node, part) => (node as { [k: string]: unknown } | undefined)?.[part], {
          ...enterpriseCase,
          id,
        });
      return value === undefined ? "" : String(value);
    });
  await writeFile(join(dir, "four.csv"), csvLines([header, ...cases.map((c) => row(c.id))]));
  await writeFile(
    join(dir, "four.xlsx"),
    rawWorkbook([
      {
        name: "enterprise-exit",
        rows: [header, ...cases.map((c) => row(c.id))]
          .map((cells, i) =>
            inlineRow(
              i + 1,
              cells.map((cell) => (cell === "" ? undefined : cell)),
            ),
          )
          .join(""),
      },
    ]),
  );
});

async function run(argv: string[], limits: Partial<Limits> = {}, stdin?: string) {
  const fake = fakeIo({ cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
  const code = await runCli(argv, { ...fake.io, limits });
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("limits", () => {
  it.each([["four.json"], ["four.csv"], ["four.xlsx"]])(
    "the size of a file read in memory (%s): suggests NDJSON",
    async (file) => {
      const result = await run(["compute", file], { memoryFileBytes: 100 });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("more than the 100 bytes read into memory; convert the cases to NDJSON");
    },
  );

  it("standard input too", async () => {
    const result = await run(["compute", "-"], { memoryFileBytes: 100 }, JSON.stringify([enterpriseCase]));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("(stdin)");
  });

  // An .ndjson file is computed in memory only for a table (or --case): as json, ndjson or csv it streams.
  it.each([
    ["four.json", "json"],
    ["four.csv", "json"],
    ["four.xlsx", "json"],
    ["four.ndjson", "table"],
  ])("cases computed in memory (%s as %s): suggests NDJSON, which streams", async (file, format) => {
    const result = await run(["compute", file, "--format", format], { memoryEntries: 3 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("more than the 3 computed in memory; convert the cases to NDJSON");
  });

  it("a ledger read in memory, even as NDJSON: says to split the ledger, not to convert it to NDJSON", async () => {
    const rows = Array.from({ length: 4 }, (_, i) => ({
      caseId: `E-${i}`,
      payer: "district",
      amount: "1",
      paidOn: "2016-12-30",
    }));
    await writeFile(join(dir, "ledger4.ndjson"), rows.map((row) => JSON.stringify(row)).join("\n"));
    const result = await run(["audit", "one.json", "--ledger", "ledger4.ndjson"], { memoryEntries: 3 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the ledger holds 4 rows, more than the 3 read in memory");
    expect(result.stderr).not.toContain("convert the cases to NDJSON");
  });

  it("an .ndjson file as --format json streams: past the in-memory limit, up to the streamed one", async () => {
    expect((await run(["compute", "four.ndjson", "--format", "json"], { memoryEntries: 3 })).code).toBe(0);
    const result = await run(["compute", "four.ndjson", "--format", "json"], { streamedCases: 3 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("holds more than 3 cases, the most one streamed file may hold");
  });

  // Red-green: counting only the rows kept (stopping at the limit) says "holds 4 rows" for the 6-row files.
  it.each([["ledger6.ndjson"], ["ledger6.csv"]])(
    "a ledger over the limit (%s) is refused with the count of its rows, blank and total rows not counted",
    async (file) => {
      const rows = Array.from({ length: 6 }, (_, i) => ({
        caseId: `E-${i}`,
        payer: "district",
        amount: "1",
        paidOn: "2016-12-30",
      }));
      const text = file.endsWith(".csv")
        ? csvLines([
            ["caseId", "payer", "amount", "paidOn"],
            ...rows.map((row) => Object.values(row)),
            ["", "", "", ""],
            ["合计", "", "6", ""],
          ])
        : [...rows.map((row) => JSON.stringify(row)), "", "  "].join("\n");
      await writeFile(join(dir, file), text);
      for (const memoryEntries of [3, 5]) {
        const result = await run(["audit", "one.json", "--ledger", file], { memoryEntries });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`the ledger holds 6 rows, more than the ${memoryEntries} read in memory`);
      }
      expect((await run(["audit", "one.json", "--ledger", file], { memoryEntries: 6 })).stderr).not.toContain(
        "read in memory",
      );
    },
  );

  it("the cases of one streamed file", async () => {
    const result = await run(["compute", "four.ndjson", "--format", "ndjson"], { streamedCases: 3 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("holds more than 3 cases, the most one streamed file may hold");
  });

  it("the length of an NDJSON line", async () => {
    const result = await run(["compute", "four.ndjson", "--format", "csv"], { ndjsonLineBytes: 100 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("four.ndjson › line 1: is longer than 100 bytes, the most one line may hold");
  });

  it("rows per sheet, and cells read from a workbook", async () => {
    expect((await run(["compute", "four.xlsx"], { sheetRows: 2 })).stderr).toContain(
      "has more than 2 rows with values",
    );
    expect((await run(["compute", "four.xlsx"], { xlsxCellsRead: 50 })).stderr).toContain(
      "holds more cells with values than are read",
    );
  });

  it("a 1 MB zip bomb through the CLI: exit 2 at once", async () => {
    await writeFile(
      join(dir, "bomb.xlsx"),
      zipOf([
        {
          name: "xl/workbook.xml",
          data: `<workbook><sheets><sheet name="enterprise-exit" r:id="rId1"/></sheets></workbook>`,
        },
        {
          name: "xl/_rels/workbook.xml.rels",
          data: `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        },
        bombPart("xl/worksheets/sheet1.xml", "<worksheet><sheetData>", "</sheetData></worksheet>"),
      ]),
    );
    const started = performance.now();
    const result = await run(["compute", "bomb.xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is 1.0 GB once uncompressed");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("cells of a workbook written, and rows of an Excel sheet", async () => {
    const result = await run(["compute", "four.json", "--format", "xlsx", "--out", "r.xlsx"], { xlsxCellsWritten: 20 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("more than the 20 written in memory: use --format csv or ndjson");
  });

  it("the text of an Excel cell", async () => {
    await writeFile(join(dir, "long-id.json"), JSON.stringify([{ ...enterpriseCase, id: "E".repeat(40_000) }]));
    const result = await run(["compute", "long-id.json", "--format", "xlsx", "--out", "r.xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("more than the 32,767 an Excel cell holds");
  });

  it("the digits of an amount or quantity: no more than the kernel computes exactly", async () => {
    const quantity = "1".repeat(29) + ".01";
    await writeFile(
      join(dir, "digits.json"),
      JSON.stringify([
        {
          ...clearanceCase,
          items: [
            {
              id: "1",
              structureType: "brick-concrete",
              quantity,
              survey: { structureType: "brick-concrete", quantity },
            },
          ],
        },
      ]),
    );
    const result = await run(["compute", "digits.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("has 31 digits; at most 30 are computed exactly");
    await writeFile(
      join(dir, "ok-digits.json"),
      JSON.stringify([{ ...enterpriseCase, landAreaM2: "1".repeat(28) + ".5" }]),
    );
    expect((await run(["compute", "ok-digits.json", "--format", "json"])).code).toBe(0);
  });

  it("the entries of one case's list", async () => {
    const items = Array.from({ length: 100_001 }, (_, i) => ({
      id: String(i),
      structureType: "simple",
      quantity: "1",
    }));
    await writeFile(join(dir, "items.json"), JSON.stringify([{ ...clearanceCase, items }]));
    const result = await run(["compute", "items.json"], { memoryEntries: 1_000_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("lists more than 100,000 structure items; split the case");
  }, 30_000);

  it("echoed input is cut, and at most 200 problems are listed, then counted — on stderr and in the JSON alike", async () => {
    const id = "X".repeat(5_000_000);
    await writeFile(
      join(dir, "echo.json"),
      JSON.stringify([
        { ...enterpriseCase, id },
        { ...enterpriseCase, id },
      ]),
    );
    const echoed = await run(["compute", "echo.json"]);
    expect(echoed.code).toBe(2);
    expect(echoed.stderr.length).toBeLessThan(2000);
    expect(echoed.stderr).toContain("(5000000 characters)");
    const cases = Array.from({ length: 500 }, (_, i) => ({ ...enterpriseCase, id: `E-${i}`, employees: -1 }));
    await writeFile(join(dir, "many-bad.json"), JSON.stringify([...cases, { ...enterpriseCase, id: "OK" }]));
    const listed = await run(["compute", "many-bad.json", "--format", "json", "--skip-invalid"]);
    expect(listed.code).toBe(1);
    expect(listed.stderr.split("\n").filter((line) => line.startsWith("  ")).length).toBe(201);
    expect(listed.stderr).toContain("… and 300 more problems not listed");
    const document = JSON.parse(listed.stdout) as { errors: unknown[]; errorsOmitted: number };
    expect(document.errors).toHaveLength(200);
    expect(document.errorsOmitted).toBe(300);
  });
  // Red-green: a long key that reads as a name ("xxx…") went whole into an issue's path: the JSON errors of
  // --skip-invalid (and serve's issues, and the library's InvalidInputError) carried 200,000 characters.
  it("a long unknown key is cut in the issue's path too, not only in its message", async () => {
    const key = "x".repeat(200_000);
    await writeFile(
      join(dir, "long-key.json"),
      JSON.stringify([enterpriseCase, { ...enterpriseCase, id: "E-2", [key]: 1 }]),
    );
    const result = await run(["compute", "long-key.json", "--format", "json", "--skip-invalid"]);
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeLessThan(20_000);
    const [error] = (JSON.parse(result.stdout) as { errors: { path: string }[] }).errors;
    expect(error?.path).toContain("(200000 characters)");
    expect(error?.path.length).toBeLessThan(200);
    expect(() => compute({ ...enterpriseCase, [key]: 1 })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: expect.stringContaining("(200000 characters)") as unknown })],
      }),
    );
  });
});

describe("docs/files.md states every limit and exit status", () => {
  const docs = readFileSync(join(import.meta.dirname, "../../docs/files.md"), "utf8");
  /** The rows of the Markdown table that follows `heading`, as cells. */
  const tableAfter = (heading: string) => {
    const section = docs.slice(docs.indexOf(heading));
    const lines = section.split("\n");
    const start = lines.findIndex((line) => line.startsWith("|"));
    const rows: string[][] = [];
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith("|")) break;
      rows.push(
        line
          .slice(1, -1)
          .split(" | ")
          .map((cell) => cell.trim()),
      );
    }
    return rows;
  };

  it("each limit's row in §8 (by its 中文 name) has the value the code enforces, and every row is a limit of the code", () => {
    const byName = new Map(tableAfter("## 8. Limits").map((row) => [row[1], row[2]]));
    const expected: [string, string][] = [
      ["文件大小", bytesText(LIMITS.memoryFileBytes)],
      ["案件及明细数", LIMITS.memoryEntries.toLocaleString("en-US")],
      ["流式文件案件数", LIMITS.streamedCases.toLocaleString("en-US")],
      ["单行长度", bytesText(LIMITS.ndjsonLineBytes)],
      ["解压后大小", bytesText(LIMITS.xlsxUncompressedBytes)],
      ["每个工作表的行数", LIMITS.sheetRows.toLocaleString("en-US")],
      ["读取的单元格数", LIMITS.xlsxCellsRead.toLocaleString("en-US")],
      ["写出的单元格数", LIMITS.xlsxCellsWritten.toLocaleString("en-US")],
      ["工作表行数", `${EXCEL_ROWS.toLocaleString("en-US")} (Excel's)`],
      ["单元格字符数", `${EXCEL_CELL_CHARACTERS.toLocaleString("en-US")} (Excel's)`],
      ["每个案件的明细数", CORE_LIMITS.listEntries.toLocaleString("en-US")],
      ["金额位数", String(CORE_LIMITS.amountDigits)],
      ["回显长度", `${CORE_LIMITS.echoedCharacters}, then \`…(N characters)\``],
      ["可选值列表", `${CORE_LIMITS.knownNames}, then \`and N more\``],
      ["列出的问题数", `${CORE_LIMITS.listedProblems}, then a count (\`errorsOmitted\`)`],
      ["问题描述长度", PROBLEM_LINE_CHARACTERS.toLocaleString("en-US")],
      ["拼写建议", `over ${SUGGEST_LIMIT} characters`],
    ];
    expect(Object.fromEntries(byName)).toEqual(Object.fromEntries(expected));
  });

  it("§9 lists exactly the exit statuses the CLI uses, 70 only for a bug", () => {
    const statuses = tableAfter("## 9. Exit statuses").map((row) => Number(row[0]));
    expect(new Set(statuses)).toEqual(new Set(Object.values(EXIT)));
    expect(statuses).toHaveLength(Object.values(EXIT).length);
    expect(Object.values(EXIT).sort((a, b) => a - b)).toEqual([0, 1, 2, 70, 74, 130, 143]);
    const bug = tableAfter("## 9. Exit statuses").find((row) => row[0] === String(EXIT.internal));
    expect(bug?.[2]).toContain("never the result of any input");
  });
});
