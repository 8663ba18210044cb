import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYOUTS, columnLetter, templateHeader } from "../../../src/node/formats/columns.js";
import { csvLines } from "../../../src/node/formats/csv.js";
import { flattenCase } from "../../../src/node/formats/template.js";
import { clearanceCase, enterpriseCase, transferCase } from "../../fixtures/cases.js";
import { fakeIo, runCliCapture } from "../../support/cli.js";
import { runCli } from "../../../src/node/run.js";
import { inlineRow, rawWorkbook } from "../../support/xlsx.js";
import { tempDir } from "./support.js";

/**
 * Each family of break in every format it can arise in: what is computed is what the file shows, or nothing
 * is computed (exit 2) and the problem is named.
 */

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
const run = (argv: string[]) => runCliCapture(argv, { cwd: dir });
const put = (name: string, data: string | Uint8Array) => writeFile(join(dir, name), data);

const enterprise = LAYOUTS["enterprise-exit"];
const transfer = LAYOUTS["township-transfer"];
const rowOf = (layout = enterprise, value: { readonly [key: string]: unknown } = enterpriseCase) =>
  layout.columns.map((column) => {
    const cell = flattenCase(layout, value)[0]?.[column.key];
    return cell === undefined ? "" : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
  });
const headers = (layout = enterprise) => layout.columns.map(templateHeader);

/** A worksheet row of inline strings from a row of texts (empty texts left out). */
const sheetRow = (number: number, texts: readonly string[]) =>
  inlineRow(
    number,
    texts.map((text) => (text === "" ? undefined : text)),
  );

describe("a value in a column without a header is an error, never dropped", () => {
  const assessed = enterprise.columns.findIndex((column) => column.key === "municipalAssessedAmount");
  const shortHeader = headers().filter((_, index) => index !== assessed);
  const shortRow = [...rowOf().filter((_, index) => index !== assessed), "9999999"];

  it("CSV: a cell past the last header", async () => {
    await put("past.csv", csvLines([shortHeader, shortRow]));
    const result = await run(["compute", "past.csv", "--format", "csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `past.csv › row 2 › column ${columnLetter(shortHeader.length)}: has a value but no header`,
    );
    expect(result.stdout).toBe("");
  });

  it("CSV: a cell under an empty header cell", async () => {
    const header = [...headers()];
    header[assessed] = "";
    const row = rowOf();
    row[assessed] = "9999999";
    await put("blank.csv", csvLines([header, row]));
    const result = await run(["compute", "blank.csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`blank.csv › row 2 › column ${columnLetter(assessed)}: has a value but no header`);
  });

  it("XLSX: a value past the last header cell (a deleted header)", async () => {
    await put(
      "past.xlsx",
      rawWorkbook([{ name: "enterprise-exit", rows: sheetRow(1, shortHeader) + sheetRow(2, shortRow) }]),
    );
    const result = await run(["compute", "past.xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `past.xlsx › enterprise-exit › row 2 › column ${columnLetter(shortHeader.length)}: has a value but no header`,
    );
  });
});

describe("merges: only a merge down one column fills the cells below it", () => {
  const vat = transfer.columns.findIndex((column) => column.key === "exitedEnterprises.priorYearTax.vat");
  const letter = (index: number) => String.fromCharCode(65 + index);
  const row = rowOf(transfer, { ...transferCase, priorYearRevenue: "100000" });
  row[vat + 1] = ""; // corporateIncome left empty, vat merged over it

  it("XLSX: vat merged over corporateIncome gives corporateIncome nothing (exceljs used to copy vat into it)", async () => {
    const merge = `<mergeCells count="1"><mergeCell ref="${letter(vat)}2:${letter(vat + 1)}2"/></mergeCells>`;
    const copied = [...row];
    copied[vat + 1] = copied[vat] ?? "";
    const sheet = (cells: readonly string[], after = "") =>
      rawWorkbook([{ name: "township-transfer", rows: sheetRow(1, headers(transfer)) + sheetRow(2, cells), after }]);
    await put("merged.xlsx", sheet(copied, merge)); // a writer that put the value in every cell of the merge
    await put("plain.xlsx", sheet(row));
    await put("copied.xlsx", sheet(copied));
    const total = async (file: string) =>
      (JSON.parse((await run(["compute", file, "--format", "json"])).stdout) as { totals: { district: string } }).totals
        .district;
    expect(await total("merged.xlsx")).toBe(await total("plain.xlsx"));
    expect(await total("copied.xlsx")).not.toBe(await total("plain.xlsx"));
  });
});

describe("a key given twice is an error naming it", () => {
  const duplicated = JSON.stringify([enterpriseCase]).replace(
    '"landAreaM2":"3000"',
    '"landAreaM2":"3000","landAreaM2":"1"',
  );

  it.each([
    ["JSON", "dup.json", duplicated, "dup.json › entry 1 › landAreaM2"],
    [
      "NDJSON",
      "dup.ndjson",
      `${JSON.stringify(enterpriseCase).replace('"landAreaM2":"3000"', '"landAreaM2":"3000","landAreaM2":"1"')}\n`,
      "dup.ndjson › line 1",
    ],
    ["standard input", "-", duplicated, "(stdin) › entry 1 › landAreaM2"],
  ])("%s", async (_name, file, text, where) => {
    if (file !== "-") await put(file, text);
    const result = await runCliCapture(["compute", file, "--format", "json"], { cwd: dir, stdin: text });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(where);
    expect(result.stderr).toContain('"landAreaM2" is given twice');
  });

  it("a ledger and a rule set too", async () => {
    await put("cases.json", JSON.stringify([enterpriseCase]));
    await put(
      "ledger.json",
      '[{"caseId":"E-1","payer":"municipal","payer":"district","amount":"1","paidOn":"2016-12-01"}]',
    );
    await put("rules.json", '{"id":"mine","id":"other"}');
    const audit = await run(["audit", "cases.json", "--ledger", "ledger.json"]);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain("ledger.json › entry 1 › payer");
    const rules = await run(["rules", "--rules", "rules.json"]);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain("rules.json › id");
  });
});

describe("text is decoded strictly in every format", () => {
  const gb = new Uint8Array([0xce, 0xf7, 0xbc, 0xaf, 0xd5, 0xf2]); // 西集镇 in GB18030

  it("JSON, NDJSON and standard input: GB18030 is refused at its line", async () => {
    const json = Buffer.concat([Buffer.from('[{"township":"'), gb, Buffer.from('"}]')]);
    await put("gb.json", json);
    await put("gb.ndjson", Buffer.concat([json.subarray(1, -1), Buffer.from("\n")]));
    for (const file of ["gb.json", "gb.ndjson"]) {
      const result = await run(["compute", file, "--format", "csv"]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`${file} › line 1: has a byte that is not UTF-8`);
    }
  });

  it("XLSX: a cell holding U+FFFD is refused by its cell", async () => {
    const row = rowOf();
    row[3] = "台\uFFFD镇";
    await put("fffd.xlsx", rawWorkbook([{ name: "enterprise-exit", rows: sheetRow(1, headers()) + sheetRow(2, row) }]));
    const result = await run(["compute", "fffd.xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fffd.xlsx › enterprise-exit › row 2 › column D: holds the replacement character");
  });
});

describe("a file with no cases is exit 2, never 0.00 owed", () => {
  it.each([
    ["an empty CSV", "empty.csv", ""],
    ["a BOM-only CSV", "bom.csv", "\uFEFF"],
    ["a header-only CSV", "header.csv", `\uFEFF${csvLines([headers()])}`],
    ["an empty JSON file", "empty.json", ""],
    ["an empty NDJSON file", "empty.ndjson", "\n\n"],
    ["an XLSX whose only sheet is empty", "empty.xlsx", rawWorkbook([{ name: "enterprise-exit", rows: "" }])],
    [
      "an XLSX with only a header",
      "header.xlsx",
      rawWorkbook([{ name: "enterprise-exit", rows: sheetRow(1, headers()) }]),
    ],
  ])("%s", async (_name, file, data) => {
    await put(file, data);
    for (const command of ["compute", "budget"]) {
      const result = await run([command, file, "--format", "json"]);
      expect(result.code, `${command} ${file}`).toBe(2);
      expect(result.stdout).toBe("");
    }
  });

  it("an explicit empty list is read as no cases", async () => {
    await put("none.json", '{"cases": []}');
    expect((await run(["compute", "none.json", "--format", "json"])).code).toBe(0);
  });

  it("a key beside the list other than a note is refused (it would be ignored silently)", async () => {
    await put("extra.json", JSON.stringify({ note: "ok", cases: [enterpriseCase], rules: "mine.json" }));
    const result = await run(["compute", "extra.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("extra.json › rules: is not a key of a cases document");
  });
});

describe("every data sheet is read, by the case and the ledger readers alike", () => {
  it("sheets of one kind named after townships are all read; a sheet of no known kind is named in a notice", async () => {
    const second = rowOf(enterprise, { ...enterpriseCase, id: "E-2", township: "张家湾镇" });
    await put(
      "townships.xlsx",
      rawWorkbook([
        { name: "台湖镇", rows: sheetRow(1, headers()) + sheetRow(2, rowOf()) },
        { name: "张家湾镇", rows: sheetRow(1, headers()) + sheetRow(2, second) },
        { name: "统计", rows: inlineRow(1, ["合计", "乡镇数"]) + inlineRow(2, [2, 2]) },
      ]),
    );
    const result = await run(["compute", "townships.xlsx", "--format", "json"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { results: { id: string }[] }).results.map((o) => o.id)).toEqual([
      "E-1",
      "E-2",
    ]);
    expect(result.stderr).toContain("note: townships.xlsx › 统计: not read: it holds no cases of a known kind");
  });

  // Red-green: when readWorkbook skipped notes sheets by name, E-2 on 说明 was dropped and the run exited 0.
  it("a notes sheet (说明) that holds case rows is refused, never dropped; one of notes only is skipped quietly", async () => {
    const second = rowOf(enterprise, { ...enterpriseCase, id: "E-2" });
    await put(
      "notes.xlsx",
      rawWorkbook([
        { name: "台湖镇", rows: sheetRow(1, headers()) + sheetRow(2, rowOf()) },
        { name: "说明", rows: sheetRow(1, headers()) + sheetRow(2, second) },
      ]),
    );
    const refused = await run(["compute", "notes.xlsx", "--format", "json"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "notes.xlsx › 说明: is a notes sheet (by its name), but it holds 1 row under a header",
    );
    await put(
      "notes-only.xlsx",
      rawWorkbook([
        { name: "说明", rows: inlineRow(1, ["填表说明"]) + inlineRow(2, ["每个企业填一行"]) },
        { name: "台湖镇", rows: sheetRow(1, headers()) + sheetRow(2, rowOf()) },
      ]),
    );
    const read = await run(["compute", "notes-only.xlsx", "--format", "json"]);
    expect(read.code).toBe(0);
    expect(read.stderr).not.toContain("说明");
  });

  // Red-green: a notes sheet whose header names case columns among many others (or stands below a title, or names
  // the kind in a 类型 column) was skipped quietly and its cases dropped, exit 0.
  it("a notes sheet holding cases under a mostly unrecognised header, below a title, or by a kind column is refused", async () => {
    const good = { name: "台湖镇", rows: sheetRow(1, headers()) + sheetRow(2, rowOf()) };
    const second = rowOf(enterprise, { ...enterpriseCase, id: "E-2" });
    const extra = Array.from({ length: 40 }, (_, index) => `备用${index}`);
    const variants = {
      "wide.xlsx": { name: "说明", rows: sheetRow(1, [...headers(), ...extra]) + sheetRow(2, second) },
      "titled.xlsx": {
        name: "填表说明",
        rows:
          sheetRow(1, ["企业名单"]) +
          sheetRow(2, [...headers().slice(0, 5), ...extra]) +
          sheetRow(3, second.slice(0, 5)),
      },
      "kind.xlsx": {
        name: "notes",
        rows:
          sheetRow(1, ["类型", "编号", "乡镇", "联系人", "电话", "地址", "备注1", "备注2"]) +
          sheetRow(2, ["enterprise-exit", "E-3", "台湖镇", "a", "b", "c", "d", "e"]),
      },
    };
    for (const [file, notes] of Object.entries(variants)) {
      await put(file, rawWorkbook([good, notes]));
      const result = await run(["compute", file, "--format", "json"]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`${file} › ${notes.name}: is a notes sheet (by its name), but it holds 1 row`);
    }
    const ledger = LAYOUTS.ledger.columns.map(templateHeader);
    await put("cases.json", JSON.stringify([enterpriseCase]));
    await put(
      "notes-ledger.xlsx",
      rawWorkbook([
        {
          name: "2016",
          rows: sheetRow(1, ledger) + sheetRow(2, ["E-1", "municipal", "875000.00", "2016-12-01", "V1"]),
        },
        {
          name: "说明",
          rows: sheetRow(1, [...ledger, ...extra]) + sheetRow(2, ["E-1", "district", "10.00", "2016-12-02", "V2"]),
        },
      ]),
    );
    const audited = await run(["audit", "cases.json", "--ledger", "notes-ledger.xlsx", "--format", "json"]);
    expect(audited.code).toBe(2);
    expect(audited.stderr).toContain("notes-ledger.xlsx › 说明: is a notes sheet (by its name), but it holds 1 row");
  });

  it("a ledger over two sheets: both read, rows as Excel shows them, with their sheets", async () => {
    await put("cases.json", JSON.stringify([enterpriseCase, { ...enterpriseCase, id: "E-2" }]));
    const ledger = LAYOUTS.ledger.columns.map(templateHeader);
    await put(
      "ledger.xlsx",
      rawWorkbook([
        {
          name: "2016",
          rows: sheetRow(1, ledger) + sheetRow(2, ["E-1", "municipal", "875000.00", "2016-12-01", "V1"]),
        },
        { name: "汇总", rows: inlineRow(1, ["合计"]) + inlineRow(2, [1]) },
        {
          name: "2017",
          rows: sheetRow(1, ledger) + sheetRow(3, ["E-1", "municipal", "875000.00", "2017-01-05", "V2"]),
        },
      ]),
    );
    const result = await run(["audit", "cases.json", "--ledger", "ledger.xlsx", "--format", "json"]);
    expect(result.stderr).toContain("note: ledger.xlsx › 汇总: not read");
    const document = JSON.parse(result.stdout) as {
      discrepancies: { type: string; rows?: number[]; sheets?: string[] }[];
    };
    expect(document.discrepancies.find((d) => d.type === "duplicate-payment")).toMatchObject({
      rows: [3],
      sheets: ["2017"],
    });
  });

  it("a CSV ledger's rows are the row numbers Excel shows (header row = 1)", async () => {
    await put("cases.json", JSON.stringify([enterpriseCase]));
    await put(
      "ledger.csv",
      csvLines([
        LAYOUTS.ledger.columns.map(templateHeader),
        ["E-1", "municipal", "875000.00", "2016-12-01", "V1"],
        ["", "", "", "", ""],
        ["E-1", "municipal", "875000.00", "2016-12-02", "V2"],
      ]),
    );
    const document = JSON.parse(
      (await run(["audit", "cases.json", "--ledger", "ledger.csv", "--format", "json"])).stdout,
    ) as {
      discrepancies: { type: string; rows?: number[] }[];
    };
    expect(document.discrepancies.find((d) => d.type === "duplicate-payment")?.rows).toEqual([4]); // row 3 is blank
  });
});

describe("names from Object.prototype are names like any other", () => {
  const names = Object.getOwnPropertyNames(Object.prototype);

  it("as headers: an unknown column, in CSV and XLSX", async () => {
    for (const name of names) {
      await put(
        "proto.csv",
        csvLines([
          [...headers(), name],
          [...rowOf(), "x"],
        ]),
      );
      const result = await run(["compute", "proto.csv"]);
      expect(result.code, name).toBe(2);
      expect(result.stderr).toContain(`"${name}" (column ${columnLetter(headers().length)}): is not a column`);
    }
  });

  it("as ids, townships and sheet names, through the readers and every writer", async () => {
    const rows = names.map((name) => rowOf(enterprise, { ...enterpriseCase, id: name, township: name }));
    await put("proto-names.csv", csvLines([headers(), ...rows]));
    await put(
      "proto-names.xlsx",
      rawWorkbook(
        names
          .slice(0, 4)
          .map((name, index) => ({ name, rows: sheetRow(1, headers()) + sheetRow(2, rows[index] ?? []) })),
      ),
    );
    const csv = JSON.parse((await run(["compute", "proto-names.csv", "--format", "json"])).stdout) as {
      results: { id: string; township: string }[];
    };
    expect(csv.results.map((o) => o.id)).toEqual(names);
    expect(csv.results.map((o) => o.township)).toEqual(names);
    const xlsx = JSON.parse((await run(["compute", "proto-names.xlsx", "--format", "json"])).stdout) as {
      results: { id: string }[];
    };
    expect(xlsx.results.map((o) => o.id)).toEqual(names.slice(0, 4));
  });
});

describe("variants of each family (issue 10, second pass)", () => {
  const cells = (override: (index: number) => string | undefined, row = rowOf()) =>
    `<row r="2">${row
      .map(
        (value, index) =>
          override(index) ??
          (value === "" ? "" : `<c r="${columnLetter(index)}2" t="inlineStr"><is><t>${value}</t></is></c>`),
      )
      .join("")}</row>`;
  const at = (key: string) => enterprise.columns.findIndex((column) => column.key === key);
  const sheet = (override: (index: number) => string | undefined) =>
    rawWorkbook([{ name: "enterprise-exit", rows: sheetRow(1, headers()) + cells(override) }]);
  const land = at("landAreaM2");
  const township = at("township");
  const licensed = at("licensed");

  it.each([
    ["a hex number cell", land, `<c r="${columnLetter(land)}2"><v>0x10</v></c>`, "holds 0x10, which a number cell"],
    ["a boolean cell holding 2", licensed, `<c r="${columnLetter(licensed)}2" t="b"><v>2</v></c>`, "a boolean cell"],
    [
      "a text formula without a saved result",
      township,
      `<c r="${columnLetter(township)}2" t="str"><f>"台湖"&amp;"镇"</f></c>`,
      "is a formula with no saved result",
    ],
    [
      "a boolean formula without a saved result",
      licensed,
      `<c r="${columnLetter(licensed)}2" t="b"><f>TRUE()</f></c>`,
      "is a formula with no saved result",
    ],
    [
      "a shared-string cell with no index",
      township,
      `<c r="${columnLetter(township)}2" t="s"/>`,
      "is a shared-string cell that names no string",
    ],
    ...["0x1", "1e0", " 0", "+1"].map((index): [string, number, string, string] => [
      `a shared-string index written ${JSON.stringify(index)}`,
      township,
      `<c r="${columnLetter(township)}2" t="s"><v>${index}</v></c>`,
      `is a shared-string cell holding ${JSON.stringify(index)} where the index of a string (digits) belongs`,
    ]),
  ])("XLSX: %s is refused by its cell, never read as a value", async (_name, column, xml, says) => {
    await put(
      "cell.xlsx",
      sheet((index) => (index === column ? xml : undefined)),
    );
    const result = await run(["compute", "cell.xlsx", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`column ${columnLetter(column)}`);
    expect(result.stderr).toContain(says);
    expect(result.stdout).toBe("");
  });

  it("XLSX: a formula with a saved result, rich text and a 1904 date serial are read as Excel shows them", async () => {
    const date = at("exitCompletedOn");
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const override = (index: number) =>
      index === land
        ? `<c r="${columnLetter(land)}2"><f>1000*3</f><v>3000</v></c>`
        : index === township
          ? `<c r="${columnLetter(township)}2" t="inlineStr"><is><r><t>台湖</t></r><r><rPr><b/></rPr><t>镇</t></r></is></c>`
          : index === date
            ? `<c r="${columnLetter(date)}2" s="1"><v>41212</v></c>` // 2016-10-31 counted from 1904
            : undefined;
    await put(
      "shown.xlsx",
      rawWorkbook([{ name: "enterprise-exit", rows: sheetRow(1, headers()) + cells(override) }], {
        date1904: true,
        styles,
      }),
    );
    await put("plain.json", JSON.stringify([enterpriseCase]));
    const read = JSON.parse((await run(["compute", "shown.xlsx", "--format", "json"])).stdout) as unknown;
    const plain = JSON.parse((await run(["compute", "plain.json", "--format", "json"])).stdout) as unknown;
    expect(read).toEqual(plain);
  });

  it("XLSX: a merge down an amount of an entry, or of a ledger, is refused with its range (it would count the figure twice)", async () => {
    const clearance = LAYOUTS["structure-clearance"];
    const quantity = clearance.columns.findIndex((column) => column.key === "items.quantity");
    const [first = [], second = []] = flattenCase(clearance, clearanceCase).map((flat) =>
      clearance.columns.map((column) => String(flat[column.key] ?? "")),
    );
    second[quantity] = "";
    const letter = columnLetter(quantity);
    await put(
      "merged-items.xlsx",
      rawWorkbook([
        {
          name: "structure-clearance",
          rows: sheetRow(1, headers(clearance)) + sheetRow(2, first) + sheetRow(3, second),
          after: `<mergeCells count="1"><mergeCell ref="${letter}2:${letter}3"/></mergeCells>`,
        },
      ]),
    );
    const items = await run(["compute", "merged-items.xlsx", "--format", "json"]);
    expect(items.code).toBe(2);
    expect(items.stderr).toContain(
      `merged-items.xlsx › structure-clearance › ${letter}2:${letter}3: merges one items.quantity`,
    );
    const ledger = LAYOUTS.ledger.columns.map(templateHeader);
    await put("cases.json", JSON.stringify([enterpriseCase, { ...enterpriseCase, id: "E-2" }]));
    await put(
      "merged-ledger.xlsx",
      rawWorkbook([
        {
          name: "ledger",
          rows:
            sheetRow(1, ledger) +
            sheetRow(2, ["E-1", "municipal", "875000.00", "2016-12-01"]) +
            sheetRow(3, ["E-2", "municipal", "", "2016-12-01"]),
          after: `<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>`,
        },
      ]),
    );
    const audit = await run(["audit", "cases.json", "--ledger", "merged-ledger.xlsx", "--format", "json"]);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain("merged-ledger.xlsx › ledger › C2:C3: merges one amount");
  });

  it("XLSX: a merge over rows and columns at once fills nothing (the top-left cell keeps the value)", async () => {
    const vat = transfer.columns.findIndex((column) => column.key === "exitedEnterprises.priorYearTax.vat");
    const two = {
      ...transferCase,
      priorYearRevenue: "100000",
      exitedEnterprises: [
        { id: "X1", priorYearTax: { vat: "150000" } },
        { id: "X2", priorYearTax: {} },
      ],
    };
    const rows = flattenCase(transfer, two).map((flat) =>
      transfer.columns.map((column) => String(flat[column.key] ?? "")),
    );
    const copied = rows.map((row) => row.map((cell, index) => (index === vat || index === vat + 1 ? "150000" : cell)));
    const body = (cellsOf: string[][]) =>
      sheetRow(1, headers(transfer)) + sheetRow(2, cellsOf[0] ?? []) + sheetRow(3, cellsOf[1] ?? []);
    const range = `${columnLetter(vat)}2:${columnLetter(vat + 1)}3`;
    await put(
      "block.xlsx",
      rawWorkbook([
        {
          name: "township-transfer",
          rows: body(copied),
          after: `<mergeCells count="1"><mergeCell ref="${range}"/></mergeCells>`,
        },
      ]),
    );
    await put("block-plain.xlsx", rawWorkbook([{ name: "township-transfer", rows: body(rows) }]));
    const total = async (file: string) =>
      (JSON.parse((await run(["compute", file, "--format", "json"])).stdout) as { totals: { district: string } }).totals
        .district;
    expect(await total("block.xlsx")).toBe(await total("block-plain.xlsx"));
  });

  it.each([
    ["an escaped U+FFFD", '"台湖\\ufffd镇"', "entry 1 › township: holds the replacement character U+FFFD"],
    ["a lone surrogate in a key", '"台湖镇","na\\ud800me":1', 'entry 1 › ["na\\ud800me"]: holds an escaped half'],
  ])("JSON: %s is refused naming the field", async (_name, township, says) => {
    await put("text.json", JSON.stringify([enterpriseCase]).replace('"台湖镇"', township));
    const result = await run(["compute", "text.json", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`text.json › ${says}`);
  });

  it("CSV writers: a name with a line break stays in its row (quoted), a formula after it neutralised", async () => {
    await put(
      "lf.json",
      JSON.stringify([
        { ...enterpriseCase, township: "a\n=1+1" },
        { ...enterpriseCase, id: "E-2", township: "b\r=2" },
      ]),
    );
    const result = await run(["compute", "lf.json", "--format", "csv"]);
    const rows = result.stdout.split("\r\n").filter((line) => line !== "");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`,"a\n'=1+1",`);
    expect(rows[2]).toContain(`,"b\r'=2",`);
  });

  it("unknown keys: the did-you-mean names a key of that object, never a case field", async () => {
    await put(
      "rules.json",
      JSON.stringify({
        id: "mine",
        version: "1",
        title: "t",
        validFrom: "2016-01-01",
        extends: "tongzhou-2016",
        sources: [{ id: "B1", title: "x", issuedOn: "2016", status: "reported", foo: 1, titel: "y" }],
        parameters: {},
      }),
    );
    const result = await run(["rules", "--rules", "rules.json", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rules.json › sources[0].foo: unknown field "foo";');
    expect(result.stderr).toContain('sources[0].titel: unknown field "titel" (did you mean "title"?)');
    await put("bad-case.json", JSON.stringify([{ ...enterpriseCase, landAreM2: "1" }]));
    expect((await run(["compute", "bad-case.json"])).stderr).toContain('(did you mean "landAreaM2"?)');
  });

  it("a rule set that is not an object is one problem naming its file", async () => {
    await put("list-rules.json", "[]");
    const result = await run(["compute", "cases.json", "--rules", "list-rules.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("list-rules.json: a rule set is a JSON object");
    expect(result.stderr).toContain("1 problem");
  });
});

// Red-green: zod's records skip a key "__proto__", so a mapping's header or value name "__proto__" was lost (the
// export's column then "is not a column") and values: { "__proto__": … } was accepted without a word.
describe("a mapping's keys are data: __proto__ maps like any other name", () => {
  it("a header and a value named __proto__ are mapped; a field __proto__ is no field; a wrong type is refused", async () => {
    await put("cases.json", JSON.stringify([enterpriseCase]));
    await put("export.csv", "\uFEFF__proto__,资金性质,发生额,业务日期\r\nE-1,__proto__,875000.00,2016-12-01\r\n");
    const mapping = (extra: string) =>
      `{"columns":{"__proto__":"caseId","资金性质":"payer","发生额":"amount","业务日期":"paidOn"},"values":{${extra}"payer":{"__proto__":"district"}}}`;
    await put("proto-map.json", mapping(""));
    const read = await run([
      "audit",
      "cases.json",
      "--ledger",
      "export.csv",
      "--ledger-map",
      "proto-map.json",
      "--format",
      "json",
    ]);
    expect(read.stderr).not.toContain("is not a column");
    const document = JSON.parse(read.stdout) as { discrepancies: { caseId: string; payer: string; paid: string }[] };
    expect(document.discrepancies).toContainEqual(
      expect.objectContaining({ caseId: "E-1", payer: "district", paid: "875000.00" }),
    );
    for (const [extra, says] of [
      ['"__proto__":{"a":"b"},', 'proto-field.json › values["__proto__"]["a"]: names no field "__proto__"'],
      ['"__proto__":5,', 'proto-field.json › values["__proto__"]: is the number 5, which a mapping does not take here'],
    ] as const) {
      await put("proto-field.json", mapping(extra));
      const refused = await run(["audit", "cases.json", "--ledger", "export.csv", "--ledger-map", "proto-field.json"]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(says);
    }
  });
});

describe("encodings: every variant read exactly or refused by name", () => {
  const text = csvLines([headers(), rowOf(enterprise, { ...enterpriseCase, township: "西集镇" })]).replace(
    /^\uFEFF/,
    "",
  );
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.from(le).swap16();
  const json = JSON.stringify([enterpriseCase]);

  it.each([
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ["UTF-16LE without a BOM", le],
    ["UTF-16BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ["UTF-16BE without a BOM", be],
  ])("CSV in %s computes as the UTF-8 file does", async (_name, bytes) => {
    await put("utf8.csv", text);
    await put("utf16.csv", bytes);
    const utf8 = await run(["compute", "utf8.csv", "--format", "json"]);
    const utf16 = await run(["compute", "utf16.csv", "--format", "json"]);
    expect(utf16.code).toBe(0);
    expect(utf16.stdout).toBe(utf8.stdout);
    expect(utf16.stdout).toContain("西集镇");
  });

  it.each([
    ["JSON", "u.json", Buffer.from(json, "utf16le")],
    [
      "NDJSON",
      "u.ndjson",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${json.slice(1, -1)}\n`, "utf16le").swap16()]),
    ],
  ])("%s in UTF-16 is refused by name", async (_name, file, bytes) => {
    await put(file, bytes);
    const result = await run(["compute", file, "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is UTF-16(LE|BE) \("Unicode" text\)/);
  });

  // Red-green: a UTF-16 NDJSON ledger was read line by line ("byte 0xFF is not UTF-8", "not valid JSON: \u0000"), and
  // UTF-16 JSON or NDJSON on standard input was taken for CSV ("Invalid Opening Quote").
  it("UTF-16 JSON and NDJSON are refused by name as a ledger and on standard input too", async () => {
    const line = `${JSON.stringify({ caseId: "E-1", payer: "municipal", amount: "1.00", paidOn: "2016-12-01" })}\n`;
    await put("cases.json", json);
    await put("u-ledger.ndjson", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, "utf16le")]));
    const ledger = await run(["audit", "cases.json", "--ledger", "u-ledger.ndjson"]);
    expect(ledger.code).toBe(2);
    expect(ledger.stderr).toContain('u-ledger.ndjson: is UTF-16LE ("Unicode" text); NDJSON is read as UTF-8 only');
    for (const [bytes, format] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]), "JSON"],
      [Buffer.from(`${json.slice(1, -1)}\n`, "utf16le"), "NDJSON"],
    ] as const) {
      const fake = fakeIo({ cwd: dir, stdin: bytes });
      expect(await runCli(["compute", "-", "--format", "json"], fake.io)).toBe(2);
      expect(fake.stderr()).toContain(`(stdin): is UTF-16LE ("Unicode" text); ${format} is read as UTF-8 only`);
    }
  });

  it("overlong UTF-8 (0xC0 0xAF for /) is refused at its byte in JSON and CSV", async () => {
    const overlong = (source: string) => {
      const bytes = Buffer.from(source.replace("台湖镇", "台湖镇@@").replace("西集镇", "西集镇@@"));
      const at = bytes.indexOf("@@");
      bytes[at] = 0xc0;
      bytes[at + 1] = 0xaf;
      return bytes;
    };
    await put("over.json", overlong(json));
    await put("over.csv", overlong(text));
    for (const file of ["over.json", "over.csv"]) {
      const result = await run(["compute", file, "--format", "json"]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain("has a byte that is not UTF-8");
      expect(result.stderr).toContain("byte 0xC0");
    }
  });

  it("a BOM at the start of an NDJSON line (files joined with cat) is dropped like the file's", async () => {
    const line = JSON.stringify(enterpriseCase);
    await put("joined.ndjson", `\uFEFF${line}\n\uFEFF${line.replace('"E-1"', '"E-2"')}\n`);
    const result = await run(["compute", "joined.ndjson", "--format", "json"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { results: { id: string }[] }).results.map((o) => o.id)).toEqual([
      "E-1",
      "E-2",
    ]);
  });
});

describe("variants of each family (issue 10, third pass)", () => {
  const at = (key: string) => enterprise.columns.findIndex((column) => column.key === key);
  const township = at("township");
  const good = sheetRow(1, headers()) + sheetRow(2, rowOf());
  const second = sheetRow(1, headers()) + sheetRow(2, rowOf(enterprise, { ...enterpriseCase, id: "E-2" }));
  const ids = (stdout: string) => (JSON.parse(stdout) as { results: { id: string }[] }).results.map((o) => o.id);
  /** Row 2 of the enterprise sheet with the township cell replaced by `xml`. */
  const withTownship = (xml: string) =>
    rawWorkbook([
      {
        name: "enterprise-exit",
        rows:
          sheetRow(1, headers()) +
          `<row r="2">${rowOf()
            .map((value, index) =>
              index === township
                ? xml
                : value === ""
                  ? ""
                  : `<c r="${columnLetter(index)}2" t="inlineStr"><is><t>${value}</t></is></c>`,
            )
            .join("")}</row>`,
      },
    ]);

  it("XLSX: a hidden and a very hidden sheet are named, each with how to make it visible; never dropped silently", async () => {
    await put(
      "hidden.xlsx",
      rawWorkbook([
        { name: "enterprise-exit", rows: good },
        { name: "旧版", rows: second, state: "hidden" },
        { name: "宏表", rows: second, state: "veryHidden" },
      ]),
    );
    const result = await run(["compute", "hidden.xlsx", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(["E-1"]);
    expect(result.stderr).toContain("hidden.xlsx › 旧版: not read: the sheet is hidden (unhide it in Excel");
    expect(result.stderr).toContain(
      "hidden.xlsx › 宏表: not read: the sheet is very hidden, which Excel's Unhide does not list",
    );
    expect(result.stderr).not.toContain("宏表: not read: the sheet is hidden (unhide it in Excel");
    const zh = await run(["compute", "hidden.xlsx", "--format", "json", "--lang", "zh"]);
    expect(zh.stderr).toContain("深度隐藏");
  });

  it("XLSX: sheets named __proto__ and constructor are sheets like any other, for cases and ledgers", async () => {
    await put(
      "proto.xlsx",
      rawWorkbook([
        { name: "__proto__", rows: good },
        { name: "constructor", rows: second },
      ]),
    );
    const result = await run(["compute", "proto.xlsx", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(["E-1", "E-2"]);
    const ledgerRows = (sheet: string) =>
      inlineRow(1, ["caseId", "payer", "amount", "paidOn"]) +
      inlineRow(2, [sheet === "__proto__" ? "E-1" : "E-2", "municipal", "2710000.00", "2016-12-01"]);
    await put(
      "ledger.xlsx",
      rawWorkbook([
        { name: "__proto__", rows: ledgerRows("__proto__") },
        { name: "toString", rows: ledgerRows("toString") },
      ]),
    );
    const audit = await run(["audit", "proto.xlsx", "--ledger", "ledger.xlsx", "--format", "json"]);
    expect(audit.stderr).not.toMatch(/internal error/);
    expect(audit.code).toBe(0);
    expect((JSON.parse(audit.stdout) as { discrepancies: unknown[] }).discrepancies).toEqual([]);
  });

  it.each([
    [
      "XLSX: a C0 control typed into a cell",
      "ctl1.xlsx",
      () => withTownship(`<c r="D2" t="inlineStr"><is><t>台湖\u0001镇</t></is></c>`),
      "U+0001 (a C0 control)",
      "ctl1.xlsx › enterprise-exit › row 2 › column D",
    ],
    [
      "XLSX: a NUL written as Excel's _x0000_ escape",
      "ctl2.xlsx",
      () => withTownship(`<c r="D2" t="inlineStr"><is><t>台湖_x0000_镇</t></is></c>`),
      "U+0000 (NUL)",
      "ctl2.xlsx › enterprise-exit › row 2 › column D",
    ],
    [
      "XLSX: an ESC in a cell",
      "ctl3.xlsx",
      () => withTownship(`<c r="D2" t="inlineStr"><is><t>台湖_x001B_[31m镇</t></is></c>`),
      "U+001B (ESC)",
      "ctl3.xlsx › enterprise-exit › row 2 › column D",
    ],
    [
      "CSV: a NUL byte",
      "nul.csv",
      () => csvLines([headers(), rowOf()]).replace("台湖镇", "台湖\u0000镇"),
      "U+0000 (NUL)",
      "nul.csv › row 2 › column D",
    ],
    [
      "CSV: a right-to-left override",
      "rlo.csv",
      () => csvLines([headers(), rowOf()]).replace("台湖镇", "台湖\u202E镇"),
      "U+202E (RIGHT-TO-LEFT OVERRIDE)",
      "rlo.csv › row 2 › column D",
    ],
    [
      "JSON: an escaped NUL",
      "nul.json",
      () => JSON.stringify([enterpriseCase]).replace("台湖镇", "台湖\\u0000镇"),
      "U+0000 (NUL)",
      "nul.json › entry 1 › township",
    ],
    [
      "JSON: an escaped backspace in a key",
      "bs.json",
      () => JSON.stringify([enterpriseCase]).replace('"region"', '"reg\\bion"'),
      "U+0008 (BS)",
      "bs.json › entry 1 ›",
    ],
    [
      "NDJSON: an escaped ESC",
      "esc.ndjson",
      () => `${JSON.stringify(enterpriseCase).replace("台湖镇", "台湖\\u001b[31m镇")}\n`,
      "U+001B (ESC)",
      "esc.ndjson › line 1",
    ],
  ])("%s is refused at its place, never computed as another township", async (_name, file, data, character, where) => {
    await put(file, data());
    const result = await run(["compute", file, "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(where);
    expect(result.stderr).toContain(`holds the control character ${character}`);
    const zh = await run(["compute", file, "--format", "json", "--lang", "zh"]);
    expect(zh.stderr).toContain(`含有控制字符 ${character}`);
  });

  it("a tab or a line break inside a name is text, not a control character", async () => {
    await put("break.json", JSON.stringify([{ ...enterpriseCase, name: "示例\n建材厂\t(synthetic)" }]));
    const result = await run(["compute", "break.json", "--format", "json"]);
    expect(result.code).toBe(0);
  });

  it("XLSX: a date cell in an amount column is refused, never read as its serial number", async () => {
    const land = at("landAreaM2");
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const row = `<row r="2">${rowOf()
      .map((value, index) =>
        index === land
          ? `<c r="${columnLetter(land)}2" s="1"><v>42535</v></c>`
          : value === ""
            ? ""
            : `<c r="${columnLetter(index)}2" t="inlineStr"><is><t>${value}</t></is></c>`,
      )
      .join("")}</row>`;
    await put("date.xlsx", rawWorkbook([{ name: "enterprise-exit", rows: sheetRow(1, headers()) + row }], { styles }));
    const result = await run(["compute", "date.xlsx", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`(column ${columnLetter(land)})`);
    expect(result.stderr).toContain("is a date cell; a figure is expected");
    expect(result.stderr).not.toContain("42535");
  });

  it("CSV: lone CR line ends (old Mac exports) read as the CRLF file does", async () => {
    const text = csvLines([headers(), rowOf(), rowOf(enterprise, { ...enterpriseCase, id: "E-2" })]);
    await put("crlf.csv", text);
    await put("cr.csv", text.replace(/\r\n/g, "\r"));
    const crlf = await run(["compute", "crlf.csv", "--format", "json"]);
    const cr = await run(["compute", "cr.csv", "--format", "json"]);
    expect(cr.code).toBe(0);
    expect(cr.stdout).toBe(crlf.stdout);
    expect(ids(cr.stdout)).toEqual(["E-1", "E-2"]);
  });

  it.each([
    ["semicolons", ";", '";"'],
    ["tabs", "\t", "tabs"],
  ])("CSV separated by %s is refused by what it is, not as a file of unknown kind", async (_name, separator, named) => {
    await put("sep.csv", `\uFEFF${[headers(), rowOf()].map((cells) => cells.join(separator)).join("\r\n")}\r\n`);
    const result = await run(["compute", "sep.csv", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`sep.csv › row 1: is separated by ${named}, not commas`);
    expect(result.stderr).not.toContain("cannot tell which kind");
  });

  it("a header row repeated mid-file (two exports joined) is one problem naming the row, in CSV and XLSX", async () => {
    const again = rowOf(enterprise, { ...enterpriseCase, id: "E-2" });
    await put("joined.csv", csvLines([headers(), rowOf(), headers(), again]));
    await put(
      "joined.xlsx",
      rawWorkbook([
        {
          name: "enterprise-exit",
          rows: sheetRow(1, headers()) + sheetRow(2, rowOf()) + sheetRow(3, headers()) + sheetRow(4, again),
        },
      ]),
    );
    for (const [file, where] of [
      ["joined.csv", "joined.csv › row 3"],
      ["joined.xlsx", "joined.xlsx › enterprise-exit › row 3"],
    ] as const) {
      const result = await run(["compute", file, "--format", "json"]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`${where}: repeats the header row (row 1)`);
      expect(result.stderr).toContain("1 problem");
    }
  });

  it.each([
    [
      "JSON, after the last case",
      "trail.json",
      `${JSON.stringify([enterpriseCase]).slice(0, -1)},]`,
      "trail.json: is not valid JSON (line 1, column",
    ],
    [
      "JSON, after the last field (V8 names another place)",
      "field.json",
      `[{"kind": "enterprise-exit",\n  "id": "E-1",\n}]`,
      "field.json: is not valid JSON (line 2, column 14)",
    ],
    [
      "NDJSON",
      "trail.ndjson",
      `${JSON.stringify(enterpriseCase).slice(0, -1)},}\n`,
      "trail.ndjson › line 1: is not valid JSON (column",
    ],
  ])("a trailing comma (%s) is named as that, with its place", async (_name, file, text, says) => {
    await put(file, text);
    const result = await run(["compute", file, "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain("a comma after the last item of a list or object");
    const zh = await run(["compute", file, "--format", "json", "--lang", "zh"]);
    expect(zh.stderr).toContain("最后一项后有逗号");
  });
});

describe("standard input (-) gives the errors a file gives, for every command that reads it", () => {
  const bad = JSON.stringify([{ ...enterpriseCase, exitMode: "partly" }]);
  const cases = JSON.stringify([enterpriseCase]);
  /** stderr with the file's name (or standard input's) taken out. */
  const said = (stderr: string, name: string) =>
    stderr.replaceAll(`${name} › `, "<input> › ").replaceAll(`${name}:`, "<input>:");

  it.each([
    ["compute", ["compute", "<in>", "--format", "json"]],
    ["verify", ["verify", "<in>", "--format", "json"]],
    ["budget", ["budget", "<in>", "--format", "json"]],
    ["report", ["report", "<in>", "--out", "r.html"]],
    ["audit <cases>", ["audit", "<in>", "--ledger", "ledger.json", "--format", "json"]],
    ["audit --ledger", ["audit", "cases.json", "--ledger", "<in>", "--format", "json"]],
    ["verify-receipt --cases", ["verify-receipt", "result.json", "--cases", "<in>"]],
  ])("%s", async (_name, argv) => {
    await put("cases.json", cases);
    await put(
      "ledger.json",
      JSON.stringify([{ caseId: "E-1", payer: "municipal", amount: "2710000.00", paidOn: "2016-12-01" }]),
    );
    await run(["compute", "cases.json", "--format", "json", "--out", "result.json"]);
    for (const text of [
      bad,
      '[{"kind": "enterprise-exit", "id": "A", "id": "B"}]',
      `${cases.slice(0, -1)},]`,
      cases.replace("台湖镇", "台湖\\u0000镇"),
    ]) {
      await put("input.json", text);
      const file = await runCliCapture(
        argv.map((arg) => (arg === "<in>" ? "input.json" : arg)),
        { cwd: dir },
      );
      const stdin = await runCliCapture(
        argv.map((arg) => (arg === "<in>" ? "-" : arg)),
        { cwd: dir, stdin: text },
      );
      // verify-receipt computes the valid cases (a receipt may be of a --skip-invalid result): the input differs.
      expect(file.code, text).toBe(argv[0] === "verify-receipt" && text === bad ? 1 : 2);
      expect(stdin.code, text).toBe(file.code);
      expect(said(stdin.stderr, "(stdin)")).toBe(said(file.stderr, "input.json"));
      if (file.code === 2) expect(stdin.stdout).toBe("");
      else expect(said(stdin.stdout, "(stdin)")).toBe(said(file.stdout, "input.json"));
    }
  });

  it("verify-receipt reads <result> from standard input too, strictly decoded; not both <result> and --cases", async () => {
    await put("cases.json", cases);
    await run(["compute", "cases.json", "--format", "json", "--out", "result.json"]);
    const { readFile } = await import("node:fs/promises");
    const result = await readFile(join(dir, "result.json"), "utf8");
    const fromFile = await run(["verify-receipt", "result.json", "--cases", "cases.json"]);
    const fromStdin = await runCliCapture(["verify-receipt", "-", "--cases", "cases.json"], {
      cwd: dir,
      stdin: result,
    });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const damaged = await runCliCapture(["verify-receipt", "-", "--cases", "cases.json"], {
      cwd: dir,
      stdin: result.replace("tongzhou-2016", "tongzhou-2016\uFFFD"),
    });
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain("(stdin) › line");
    expect(damaged.stderr).toContain("replacement character");
    const twice = await runCliCapture(["verify-receipt", "-", "--cases", "-"], { cwd: dir, stdin: result });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("verify-receipt reads standard input once");
  });

  it("test refuses - by name: fixtures are files", async () => {
    const result = await runCliCapture(["test", "-"], { cwd: dir, stdin: "{}" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not standard input (-)");
    expect(result.stderr).not.toContain("no such file");
  });
});

describe("variants of each family (issue 10, fourth pass)", () => {
  const titleRows = (count: number) =>
    Array.from({ length: count }, (_, index) => sheetRow(index + 1, [`标题${index + 1}`])).join("");

  // Red-green: a sheet (a notes sheet, a ledger sheet) whose header stood on row 13, below 12 title rows, was "not
  // read" with a notice that said it held no cases, and its rows were dropped: exit 0, a payment or a case lost.
  it("a sheet whose header of a kind stands below the first 12 rows is refused naming that row, never dropped", async () => {
    const good = { name: "台湖镇", rows: sheetRow(1, headers()) + sheetRow(2, rowOf()) };
    const second = rowOf(enterprise, { ...enterpriseCase, id: "E-2" });
    const low = (name: string) => ({ name, rows: titleRows(12) + sheetRow(13, headers()) + sheetRow(14, second) });
    for (const [file, sheet, said] of [
      [
        "low.xlsx",
        low("张家湾镇"),
        "holds 1 row under a header of 企业退出 on row 13, but the header row must be one of the first 12 rows",
      ],
      ["low-notes.xlsx", low("说明"), "is a notes sheet (by its name), but it holds 1 row under a header of 企业退出"],
    ] as const) {
      await put(file, rawWorkbook([good, sheet]));
      const result = await run(["compute", file, "--format", "json"]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`${file} › ${sheet.name}: ${said}`);
    }
    await put("low.csv", "标题\r\n".repeat(12) + csvLines([headers(), second]));
    const csv = await run(["compute", "low.csv", "--format", "json", "--lang", "zh"]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("第 13 行是企业退出的表头，其下有 1 行记录，但表头须在前 12 行之内");
    const ledger = LAYOUTS.ledger.columns.map(templateHeader);
    await put("cases.json", JSON.stringify([enterpriseCase]));
    await put(
      "low-ledger.xlsx",
      rawWorkbook([
        {
          name: "2016",
          rows: sheetRow(1, ledger) + sheetRow(2, ["E-1", "municipal", "875000.00", "2016-12-01", "V1"]),
        },
        {
          name: "2017",
          rows:
            titleRows(12) + sheetRow(13, ledger) + sheetRow(14, ["E-1", "municipal", "875000.00", "2017-01-02", "V2"]),
        },
      ]),
    );
    const audited = await run(["audit", "cases.json", "--ledger", "low-ledger.xlsx", "--format", "json"]);
    expect(audited.code).toBe(2);
    expect(audited.stderr).toContain(
      "low-ledger.xlsx › 2017: holds 1 row under a header of a payment ledger on row 13",
    );
  });

  // Red-green: Excel's escape _xD800_ (half of a surrogate pair, no character) was decoded into the township, which
  // then computed as a township of its own ("台湖\ud800镇"; written out it becomes U+FFFD), exit 0.
  it.each([
    ["an inline string", `<is><t>台湖_xD800_镇</t></is>`],
    ["a rich-text run", `<is><r><t>台湖</t></r><r><t>_xDC00_镇</t></r></is>`],
  ])("XLSX: half of a surrogate pair in %s is refused at its cell", async (_name, xml) => {
    const township = enterprise.columns.findIndex((column) => column.key === "township");
    const cells = rowOf()
      .map((value, index) =>
        index === township
          ? `<c r="${columnLetter(township)}2" t="inlineStr">${xml}</c>`
          : value === ""
            ? ""
            : `<c r="${columnLetter(index)}2" t="inlineStr"><is><t>${value}</t></is></c>`,
      )
      .join("");
    await put(
      "lone.xlsx",
      rawWorkbook([{ name: "enterprise-exit", rows: sheetRow(1, headers()) + `<row r="2">${cells}</row>` }]),
    );
    const result = await run(["compute", "lone.xlsx", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      `lone.xlsx › enterprise-exit › row 2 › column ${columnLetter(township)}: holds half of a surrogate pair`,
    );
    const zh = await run(["compute", "lone.xlsx", "--format", "json", "--lang", "zh"]);
    expect(zh.stderr).toContain("不成对的代理项");
  });

  // Red-green: a UTF-16 CSV without a BOM whose header is Chinese only (no ASCII letter in its first bytes) was
  // taken for UTF-8/GB18030 and refused as "not UTF-8 … not GB18030 either", not read and not named as UTF-16.
  it.each(["utf16le", "utf16be"] as const)(
    "a %s CSV without a BOM and with Chinese headers only is read",
    async (encoding) => {
      const zhHeaders = enterprise.columns.map((column) => column.zh);
      const text = [zhHeaders, rowOf()].map((row) => row.join("\t")).join("\r\n") + "\r\n";
      const bytes = Buffer.from(text, "utf16le");
      if (encoding === "utf16be") bytes.swap16();
      await put(`zh-${encoding}.csv`, bytes);
      const result = await run(["compute", `zh-${encoding}.csv`, "--format", "json"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as { results: { township: string }[] }).results.map((o) => o.township)).toEqual(
        ["台湖镇"],
      );
    },
  );

  // Red-green: only an escaped control character (\u202e written as an escape) was looked for in JSON; the same
  // characters written raw — DEL, a C1 control, a bidirectional override or isolate — were computed, exit 0.
  it.each([
    ["U+202E (RIGHT-TO-LEFT OVERRIDE)", "\u202E"],
    ["U+2066", "\u2066"],
    ["U+007F (DEL)", "\u007F"],
    ["U+0085", "\u0085"],
  ])("JSON and NDJSON: %s written raw (not escaped) is refused at its field", async (name, character) => {
    const township = `台湖${character}镇`;
    await put("raw.json", JSON.stringify([{ ...enterpriseCase, township }]));
    await put("raw.ndjson", `${JSON.stringify({ ...enterpriseCase, township })}\n`);
    for (const [file, where] of [
      ["raw.json", "raw.json › entry 1 › township"],
      ["raw.ndjson", "raw.ndjson › line 1"],
    ] as const) {
      const result = await run(["compute", file, "--format", "json"]);
      expect(result.code, file).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(where);
      expect(result.stderr).toContain(`holds the control character ${name}`);
    }
  });

  // Red-green: an invisible format character inside 示例 (示\u200B例-…, a word joiner before it) hid the example's id
  // from the check, so the example, its flag cleared, was computed as a real case.
  it.each(["示\u200B例-E-2016-0001", "\u2060示例-E-2016-0001", "示\u00AD例-E-2016-0001"])(
    "a template example id with an invisible character in its 示例 (%j) is refused",
    async (id) => {
      await put("hidden-example.csv", csvLines([headers(), rowOf(enterprise, { ...enterpriseCase, id })]));
      const result = await run(["compute", "hidden-example.csv", "--format", "json"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("the id of the template's example (an id that starts with 示例 marks it");
    },
  );

  // Red-green: a merge whose range could not be read (`U2:V`, `garbage`, `$U$2:$V$2`) was skipped, so the value
  // the file stores under a merged-over cell — one Excel does not show — was computed (vat copied into income).
  it.each([
    ["$U$2:$V$2", "read as the range"],
    ["U2:V", "refused"],
    ["U2:V0", "refused"],
    ["garbage", "refused"],
  ])("XLSX: a merge ref %j is %s, never skipped", async (ref, what) => {
    const vat = transfer.columns.findIndex((column) => column.key === "exitedEnterprises.priorYearTax.vat");
    const row = rowOf(transfer, { ...transferCase, priorYearRevenue: "100000" });
    const copied = [...row];
    copied[vat + 1] = copied[vat] ?? "";
    const fixed = ref.replace(/[A-Z]+/g, (letters) =>
      letters === "U" ? columnLetter(vat) : letters === "V" ? columnLetter(vat + 1) : letters,
    );
    const sheet = (cells: readonly string[], merge: string) =>
      rawWorkbook([
        {
          name: "township-transfer",
          rows: sheetRow(1, headers(transfer)) + sheetRow(2, cells),
          after: `<mergeCells count="1"><mergeCell ref="${merge}"/></mergeCells>`,
        },
      ]);
    await put("bad-merge.xlsx", sheet(copied, ref === "garbage" ? ref : fixed));
    const result = await run(["compute", "bad-merge.xlsx", "--format", "json"]);
    if (what === "refused") {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("bad-merge.xlsx › township-transfer: has a merged range");
      expect(result.stderr).toContain("that names no range of cells: the file is damaged");
    } else {
      await put("good-merge.xlsx", sheet(copied, `${columnLetter(vat)}2:${columnLetter(vat + 1)}2`));
      const good = await run(["compute", "good-merge.xlsx", "--format", "json"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(good.stdout.replaceAll("good-merge", "bad-merge"));
    }
  });

  // Red-green: overlapping merges (G2:G3 with G3:H3), which Excel calls corrupt, were applied one after the other,
  // so which value a shared cell held depended on their order in the file.
  it.each([
    [["U2:U3", "U3:V3"], "U2:U3", "U3:V3"],
    [["U2:V2", "V2:V2", "A9:A10"], "U2:V2", "V2:V2"],
    [["U3:V3", "A1:A1", "V2:V4"], "V2:V4", "U3:V3"],
  ])("XLSX: merges %j overlap and are refused, naming both", async (refs, first, second) => {
    const vat = transfer.columns.findIndex((column) => column.key === "exitedEnterprises.priorYearTax.vat");
    const letters = (ref: string) =>
      ref.replace(/[UV]/g, (letter) => (letter === "U" ? columnLetter(vat) : columnLetter(vat + 1)));
    const row = rowOf(transfer, { ...transferCase, priorYearRevenue: "100000" });
    await put(
      "overlap.xlsx",
      rawWorkbook([
        {
          name: "township-transfer",
          rows: sheetRow(1, headers(transfer)) + sheetRow(2, row) + sheetRow(3, row),
          after: `<mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${letters(ref)}"/>`).join("")}</mergeCells>`,
        },
      ]),
    );
    const result = await run(["compute", "overlap.xlsx", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      `overlap.xlsx › township-transfer: has merged ranges "${letters(first)}" and "${letters(second)}" that overlap`,
    );
  });

  // Red-green: GB18030 bytes that are valid UTF-8 too (卯印危 is CE 9F D3 A1 CE A3) were read as UTF-8, and the
  // township computed as "îӡΣ", exit 0: a file whose UTF-8 reading holds no Chinese while its GB18030 reading is all
  // Chinese cannot be told apart, so it is refused, never guessed.
  it("a CSV that reads as GB18030 and as UTF-8 alike, with Chinese only in GB18030, is refused as ambiguous", async () => {
    const english = enterprise.columns.map((column) => column.key);
    const row = rowOf(enterprise, { ...enterpriseCase, township: "卯印危", name: "刷券刹" });
    // 卯印危 and 刷券刹 in GB18030 (the rest of the file is ASCII, the same in both).
    const gb = { 卯印危: "c3aed3a1cea3", 刷券刹: "cba2c8afc9b2" } as const;
    const text = csvLines([english, row]);
    const pieces = text.split(/(卯印危|刷券刹)/);
    await put(
      "both.csv",
      Buffer.concat(
        pieces.map((piece) => (piece in gb ? Buffer.from(gb[piece as keyof typeof gb], "hex") : Buffer.from(piece))),
      ),
    );
    const result = await run(["compute", "both.csv", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("both.csv › line 2: reads as UTF-8 and as GB18030 alike");
    expect(result.stderr).toContain('("刷券刹,卯印危,');
    const zh = await run(["compute", "both.csv", "--format", "json", "--lang", "zh"]);
    expect(zh.stderr).toContain("既可按 UTF-8 也可按 GB18030 读取");
    await put("both-utf8.csv", `\uFEFF${csvLines([english, row])}`);
    expect((await run(["compute", "both-utf8.csv", "--format", "json"])).code).toBe(0);
  });
});
