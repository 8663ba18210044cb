import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import packageJson from "../../../package.json";
import { computeBatch } from "../../../src/batch/compute.js";
import { readWorkbook } from "../../../src/node/formats/xlsx.js";
import { resultsWorkbookBytes } from "../../../src/node/formats/resultsXlsx.js";
import { fixedDate, storableText } from "../../../src/node/xlsx/bytes.js";
import { UsageError } from "../../../src/node/io.js";
import { zipEntries } from "../../../src/node/formats/zip.js";
import { enterpriseCase } from "../../fixtures/cases.js";
import { tempDir } from "../formats/support.js";

const CLI = resolve(import.meta.dirname, "../../..", (packageJson.bin as { exitfund: string }).exitfund);

describe("workbooks are byte-identical across runs, time zones and locales", () => {
  it("the same document twice gives the same bytes; every zip entry carries the fixed date", async () => {
    const document = computeBatch([enterpriseCase]);
    const first = await resultsWorkbookBytes(document, { explain: true });
    await new Promise((wait) => setTimeout(wait, 2100)); // past a zip timestamp's two seconds
    const second = await resultsWorkbookBytes(document, { explain: true });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const view = new DataView(first.buffer, first.byteOffset);
    for (const entry of zipEntries(first)) {
      expect(view.getUint16(entry.headerOffset + 12, true)).toBe(0x21); // 1980-01-01
      expect(view.getUint16(entry.centralOffset + 14, true)).toBe(0x21);
    }
  }, 10_000);

  it("across TZ and LANG, for every command that writes a workbook", async () => {
    const dir = await tempDir();
    const runs = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"].map((zone, index) => {
      const env = { ...process.env, TZ: zone, LANG: index % 2 === 0 ? "C" : "zh_CN.UTF-8" };
      const write = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env }).status;
      const cases = resolve(import.meta.dirname, "../../../examples/tongzhou-2016/transfers.json");
      expect(write(["compute", cases, "--format", "xlsx", "--out", `r${index}.xlsx`])).toBe(0);
      expect(write(["template", "structure-clearance", "--format", "xlsx", "--out", `t${index}.xlsx`])).toBe(0);
      return index;
    });
    for (const prefix of ["r", "t"]) {
      const files = await Promise.all(runs.map((index) => readFile(join(dir, `${prefix}${index}.xlsx`))));
      for (const file of files) expect(file.equals(files[0] ?? Buffer.alloc(0))).toBe(true);
    }
  }, 60_000);

  it("SOURCE_DATE_EPOCH is honoured; unset or empty gives 1980-01-01", () => {
    expect(fixedDate({ SOURCE_DATE_EPOCH: "1500000000" }).toISOString()).toBe("2017-07-14T02:40:00.000Z");
    expect(fixedDate({ SOURCE_DATE_EPOCH: " 315532800 " }).toISOString()).toBe("1980-01-01T00:00:00.000Z");
    expect(fixedDate({}).toISOString()).toBe("1980-01-01T00:00:00.000Z");
    expect(fixedDate({ SOURCE_DATE_EPOCH: "" }).toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });

  it.each(["soon", "-1", "1.5", "0", "315532799", "4354819200", "1e9"])(
    "SOURCE_DATE_EPOCH=%j is refused (invalid-source-date-epoch), not ignored",
    (value) => {
      let thrown: unknown;
      try {
        fixedDate({ SOURCE_DATE_EPOCH: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      expect((thrown as UsageError).code).toBe("invalid-source-date-epoch");
      expect((thrown as UsageError).message).toContain(`SOURCE_DATE_EPOCH is ${JSON.stringify(value)}`);
      expect((thrown as UsageError).zh).toContain("应为自 1970-01-01 UTC 起的整秒数");
    },
  );
});

describe("text is stored as computed", () => {
  it.each([
    ["a\u0001b", "a_x0001_b"],
    ["x_x0041_y", "x_x005F_x0041_y"],
    ["台湖镇", "台湖镇"],
    ["tab\tand\nnewline", "tab\tand\nnewline"],
  ])("%j is stored as %j", (text, stored) => {
    expect(storableText(text)).toBe(stored);
  });

  it("an id with control characters round-trips through the results workbook (exceljs used to strip them)", async () => {
    const id = "E-\u0001\u001b[31m-_x0041_";
    const bytes = await resultsWorkbookBytes(computeBatch([{ ...enterpriseCase, id }]));
    // Its row is the first below the header (row 4: a title, the basis and a notice above it).
    const rows = (await readWorkbook(bytes, "r.xlsx", undefined, { text: "as-written" })).tables[0]?.rows ?? [];
    // As an input, the same cell is refused: a control character is invisible in Excel.
    await expect(readWorkbook(bytes, "r.xlsx")).rejects.toThrow(/control character U\+0001/);
    const header = rows.findIndex((row) => row.cells[0] === "编号");
    expect(header).toBeGreaterThanOrEqual(0);
    expect(rows[header + 1]?.cells[0]).toBe(id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getCell("A4").value).toBe("编号");
    expect(workbook.worksheets[0]?.getCell("A5").value).toBe(id); // as Excel (and exceljs) read it back
  });
});
