import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../src/node/limits.js";
import { readWorkbook } from "../../../src/node/formats/xlsx.js";
import { rejectedIssues } from "../../support/errors.js";
import { bombPart, inlineRow, rawWorkbook, rawWorkbookParts, zipOf } from "../../support/xlsx.js";

const cellsOf = async (bytes: Uint8Array, sheet = 0) => (await readWorkbook(bytes, "w.xlsx")).tables[sheet]?.rows ?? [];

describe("readWorkbook: what Excel shows, at Excel's coordinates", () => {
  it("rows keep their own numbers and cells their columns (gaps stay gaps)", async () => {
    const rows = await cellsOf(
      rawWorkbook([{ name: "S", rows: `${inlineRow(1, ["a", "b"])}<row r="5"><c r="C5"><v>7</v></c></row>` }]),
    );
    expect(rows).toEqual([
      { number: 1, cells: ["a", "b"] },
      { number: 5, cells: [undefined, undefined, 7] },
    ]);
  });

  it("rows and cells without r attributes follow each other; namespace prefixes are read (x:row, x:c)", async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(await cellsOf(rawWorkbook([{ name: "S", rows: "", xml }]))).toEqual([
      { number: 1, cells: ["a", 2] },
      { number: 2, cells: [3] },
    ]);
  });

  it("a vertical merge fills the cells below it; a merge across columns keeps its value in its top-left cell only", async () => {
    const rows = [
      inlineRow(1, ["id", "vat", "corporateIncome", "x", "y"]),
      `<row r="2"><c r="A2" t="inlineStr"><is><t>T-1</t></is></c><c r="B2"><v>150000</v></c><c r="C2"><v>150000</v></c><c r="D2"><v>9</v></c><c r="E2"><v>9</v></c></row>`,
      `<row r="3"><c r="A3"/><c r="D3"><v>9</v></c><c r="E3"><v>1</v></c></row>`,
      `<row r="4"><c r="A4"/><c r="E4"><v>2</v></c></row>`,
    ].join("");
    const merges = `<mergeCells count="3"><mergeCell ref="A2:A4"/><mergeCell ref="B2:C2"/><mergeCell ref="D2:E3"/></mergeCells>`;
    const read = await cellsOf(rawWorkbook([{ name: "S", rows, after: merges }]));
    expect(read.map((row) => row.cells)).toEqual([
      ["id", "vat", "corporateIncome", "x", "y"],
      ["T-1", 150000, undefined, 9, undefined], // C2 (inside the B2:C2 merge) and E2 are not the merge's value
      ["T-1", undefined, undefined, undefined, undefined],
      ["T-1", undefined, undefined, undefined, 2],
    ]);
  });

  it("exceljs's own horizontal merge reads as one value in the top-left cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("S");
    sheet.addRow(["vat", "corporateIncome"]);
    sheet.addRow([150000, null]);
    sheet.mergeCells("A2:B2");
    const rows = await cellsOf(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows[1]?.cells[0]).toBe(150000);
    expect(rows[1]?.cells[1]).toBeUndefined();
  });

  it("shared strings, rich text runs without phonetic runs, _xHHHH_ escapes and entities", async () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>台湖镇</t></si><si><r><t>张家</t></r><r><rPr><b/></rPr><t>湾镇</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si><si><t>a_x000D_b_x005F_x0041_&amp;&#x4E2D;</t></si></sst>`;
    const bytes = zipOf([
      {
        name: "_rels/.rels",
        data: `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      },
      {
        name: "xl/workbook.xml",
        data: `<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData></worksheet>`,
      },
      { name: "xl/sharedStrings.xml", data: sst },
    ]);
    expect((await cellsOf(bytes))[0]?.cells).toEqual(["台湖镇", "张家湾镇", "a\rb_x0041_&中"]);
  });

  it.each([
    ["no shared strings at all", undefined, "0", "has no shared strings at all"],
    ["an index past the end", ["a"], "1", "it has 1"],
    ["a negative index", ["a"], "-1", 'holding "-1" where the index of a string (digits) belongs'],
    ["an index that is not a number", ["a"], "x", 'holding "x" where the index of a string (digits) belongs'],
    ["an index in hexadecimal (Number() would read 0x0 as 0)", ["a"], "0x0", 'holding "0x0"'],
  ] as const)(
    "a shared-string cell that does not resolve (%s) is an error naming the cell",
    async (_name, strings, v, says) => {
      const bytes = rawWorkbook(
        [
          {
            name: "enterprise-exit",
            rows: `${inlineRow(1, ["id", "township"])}<row r="2"><c r="A2" t="inlineStr"><is><t>E</t></is></c><c r="B2" t="s"><v>${v}</v></c></row>`,
          },
        ],
        strings === undefined ? {} : { strings },
      );
      const issues = await rejectedIssues(readWorkbook(bytes, "w.xlsx"));
      expect(issues).toEqual([
        expect.objectContaining({ path: "w.xlsx › enterprise-exit › row 2 › column B", code: "shared-string-missing" }),
      ]);
      expect(issues[0]?.message).toContain(says);
    },
  );

  it("numbers, booleans, errors, formula results, a formula without result, text formula results", async () => {
    const row = `<row r="1"><c r="A1"><v>1250.5</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1"><f>1+1</f><v>2</v></c><c r="E1"><f>1+1</f></c><c r="F1" t="str"><f>"a"</f><v>a</v></c><c r="G1"><v>INF</v></c></row>`;
    expect((await cellsOf(rawWorkbook([{ name: "S", rows: row }])))[0]?.cells).toEqual([
      1250.5,
      true,
      { error: "#N/A" },
      2,
      { formula: true, result: undefined },
      "a",
      { error: "#NUM! (INF)" },
    ]);
  });

  const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;

  it("dates: built-in and custom date formats give the day Excel shows; a money format stays a number", async () => {
    const row = `<row r="1"><c r="A1" s="1"><v>42675</v></c><c r="B1" s="2"><v>42675.75</v></c><c r="C1" s="3"><v>42675</v></c><c r="D1" s="1"><v>60</v></c><c r="E1" s="1"><v>59</v></c></row>`;
    expect((await cellsOf(rawWorkbook([{ name: "S", rows: row }], { styles })))[0]?.cells).toEqual([
      new Date("2016-11-01T00:00:00Z"),
      new Date("2016-11-01T00:00:00Z"),
      42675,
      60, // 29 February 1900 never was: left as the number (the reader then refuses it as a date)
      new Date("1900-02-28T00:00:00Z"),
    ]);
  });

  it("the 1904 date system counts from 1904-01-01", async () => {
    const row = `<row r="1"><c r="A1" s="1"><v>41213</v></c></row>`;
    const workbook = await readWorkbook(rawWorkbook([{ name: "S", rows: row }], { styles, date1904: true }), "w.xlsx");
    expect(workbook.tables[0]?.rows[0]?.cells).toEqual([new Date("2016-11-01T00:00:00Z")]);
    expect(workbook.tables[0]?.date1904).toBe(true);
  });

  it("every visible sheet is returned in order; hidden sheets are named in a notice; notes sheets are marked", async () => {
    const workbook = await readWorkbook(
      rawWorkbook([
        { name: "说明", rows: inlineRow(1, ["notes"]) },
        { name: "台湖镇", rows: inlineRow(1, ["a"]) },
        { name: "secret", rows: inlineRow(1, ["b"]), state: "hidden" },
        { name: "张家湾镇", rows: inlineRow(1, ["c"]) },
      ]),
      "w.xlsx",
    );
    // Notes sheets are returned marked: the case readers skip them unless they hold case rows (families.test.ts).
    expect(workbook.tables.map((table) => [table.sheet, table.notes === true])).toEqual([
      ["说明", true],
      ["台湖镇", false],
      ["张家湾镇", false],
    ]);
    expect(workbook.notices).toEqual([
      expect.objectContaining({ where: "w.xlsx › secret", message: expect.stringContaining("hidden") }),
    ]);
  });

  it("sheet names taken from Object.prototype are sheets like any other", async () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty"];
    const workbook = await readWorkbook(
      rawWorkbook(names.map((name) => ({ name, rows: inlineRow(1, [name]) }))),
      "w.xlsx",
    );
    expect(workbook.tables.map((table) => [table.sheet, table.rows[0]?.cells[0]])).toEqual(names.map((n) => [n, n]));
  });

  it("hidden rows are read, and said", async () => {
    const workbook = await readWorkbook(
      rawWorkbook([{ name: "S", rows: `${inlineRow(1, ["a"])}<row r="2" hidden="1"><c r="A2"><v>1</v></c></row>` }]),
      "w.xlsx",
    );
    expect(workbook.tables[0]?.rows).toHaveLength(2);
    expect(workbook.notices[0]?.message).toContain("1 hidden row (2) read like the others");
  });
});

describe("readWorkbook: files that are not, or not whole, workbooks", () => {
  it.each([
    ["text renamed .xlsx", new TextEncoder().encode("id,township\nE-1,台湖镇\n"), "not-xlsx"],
    ["a zip cut short", zipOf([{ name: "a.xml", data: "<a/>" }]).slice(0, 40), "not-xlsx"],
    [
      "an encrypted workbook (OLE)",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "xlsx-encrypted-or-xls",
    ],
    ["a zip without a workbook", zipOf([{ name: "a.xml", data: "<a/>" }]), "not-xlsx"],
  ])("%s is refused with what to do", async (_name, bytes, code) => {
    const issues = await rejectedIssues(readWorkbook(bytes, "w.xlsx"));
    expect(issues).toEqual([expect.objectContaining({ path: "w.xlsx", code })]);
    expect(issues[0]?.zh).toBeTruthy();
  });

  // Red-green: `new Date(v)` for t="d" reads 2016-11-01T00:00:00 as local time (2016-10-31 in Asia/Shanghai) and
  // rolls 2016-02-30 over to 2016-03-01; these fail then (the test sets TZ to Asia/Shanghai for the duration).
  it('t="d" (ISO date) cells are the day written, in UTC whatever the time zone; a day that does not exist is damage', async () => {
    const zone = process.env["TZ"];
    process.env["TZ"] = "Asia/Shanghai";
    try {
      const dates = ["2016-11-01", "2016-11-01T00:00:00", "2016-11-01T23:30:00", "2016-11-01T00:00:00Z"];
      const row = `<row r="1">${dates.map((d, i) => `<c r="${"ABCD"[i]}1" t="d"><v>${d}</v></c>`).join("")}</row>`;
      expect((await cellsOf(rawWorkbook([{ name: "S", rows: row }])))[0]?.cells).toEqual(
        dates.map(() => new Date("2016-11-01T00:00:00Z")),
      );
      for (const impossible of ["2016-02-30", "2015-02-29T00:00:00", "2016-13-01", "yesterday"]) {
        const bad = `<row r="1"><c r="A1" t="d"><v>${impossible}</v></c></row>`;
        const issues = await rejectedIssues(readWorkbook(rawWorkbook([{ name: "S", rows: bad }]), "w.xlsx"));
        expect(issues, impossible).toEqual([
          expect.objectContaining({ path: "w.xlsx › S › row 1 › column A", code: "damaged-cell" }),
        ]);
        expect(issues[0]?.message).toContain("a date (a day that exists");
      }
    } finally {
      if (zone === undefined) delete process.env["TZ"];
      else process.env["TZ"] = zone;
    }
  });

  // Red-green: without the checks in startRow and takeCell, both read silently (the second A2 overwriting the first).
  it("a row or a cell given twice in the sheet's XML is damage, named, never merged", async () => {
    const twiceRow = `${inlineRow(1, ["id"])}<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`;
    expect(await rejectedIssues(readWorkbook(rawWorkbook([{ name: "S", rows: twiceRow }]), "w.xlsx"))).toEqual([
      expect.objectContaining({ path: "w.xlsx › S › row 2", code: "xlsx-damaged" }),
    ]);
    const twiceCell = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="A1"><v>3</v></c></row>`;
    const issues = await rejectedIssues(readWorkbook(rawWorkbook([{ name: "S", rows: twiceCell }]), "w.xlsx"));
    expect(issues).toEqual([expect.objectContaining({ path: "w.xlsx › S › row 1 › column A", code: "xlsx-damaged" })]);
    expect(issues[0]?.message).toContain("given twice");
    expect(issues[0]?.zh).toContain("出现两次");
  });

  // Red-green: a missing part used to be a notice ("a chart or dialog sheet") and its rows were dropped.
  it("a sheet whose part is missing from the zip is damage, named; chart, dialog and macro sheets are named in a notice", async () => {
    const parts = rawWorkbookParts([
      { name: "台湖镇", rows: inlineRow(1, ["a"]) },
      { name: "张家湾镇", rows: inlineRow(1, ["b"]) },
    ]);
    const missing = parts.filter((part) => part.name !== "xl/worksheets/sheet2.xml");
    expect(await rejectedIssues(readWorkbook(zipOf(missing), "w.xlsx"))).toEqual([
      expect.objectContaining({
        path: "w.xlsx › 张家湾镇",
        code: "xlsx-damaged",
        message: expect.stringContaining("missing"),
      }),
    ]);
    const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const kinds = [
      ["图表", `${R}/chartsheet`, "a chart sheet"],
      ["Dialog1", `${R}/dialogsheet`, "a dialog sheet"],
      ["Macro1", "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet", "a macro sheet"],
    ] as const;
    const others = parts.map((part) =>
      part.name === "xl/workbook.xml"
        ? {
            ...part,
            data: String(part.data).replace(
              "</sheets>",
              kinds.map(([name], i) => `<sheet name="${name}" sheetId="${9 + i}" r:id="rIdO${i}"/>`).join("") +
                "</sheets>",
            ),
          }
        : part.name === "xl/_rels/workbook.xml.rels"
          ? {
              ...part,
              data: String(part.data).replace(
                "</Relationships>",
                kinds
                  .map(([, type], i) => `<Relationship Id="rIdO${i}" Type="${type}" Target="other${i}.xml"/>`)
                  .join("") + "</Relationships>",
              ),
            }
          : part,
    );
    const workbook = await readWorkbook(zipOf(others), "w.xlsx");
    expect(workbook.tables.map((table) => table.sheet)).toEqual(["台湖镇", "张家湾镇"]);
    expect(workbook.notices.map((notice) => [notice.where, notice.message])).toEqual(
      kinds.map(([name, , kind]) => [`w.xlsx › ${name}`, expect.stringContaining(`it is ${kind}`)]),
    );
  });

  it("a sheet whose XML does not parse is damaged (not a crash)", async () => {
    const bytes = rawWorkbook([{ name: "S", rows: "", xml: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v' }]);
    expect((await rejectedIssues(readWorkbook(bytes, "w.xlsx")))[0]?.code).toBe("xlsx-damaged");
  });

  it("a part whose data does not match its checksum is damaged", async () => {
    const bytes = rawWorkbook([{ name: "S", rows: inlineRow(1, ["a"]) }]);
    const sheetAt = Buffer.from(bytes).indexOf("xl/worksheets/sheet1.xml") + 30;
    bytes[sheetAt] = (bytes[sheetAt] ?? 0) ^ 0xff; // a byte of the sheet's deflated data
    expect((await rejectedIssues(readWorkbook(bytes, "w.xlsx")))[0]?.code).toBe("xlsx-damaged");
  });
});

describe("readWorkbook: limits, checked before the work", () => {
  const sheet = bombPart("xl/worksheets/sheet1.xml", "<worksheet><sheetData>", "</sheetData></worksheet>");
  const bomb = (claimedSize?: number) =>
    zipOf([
      {
        name: "_rels/.rels",
        data: `<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
      {
        name: "xl/workbook.xml",
        data: `<workbook><sheets><sheet name="enterprise-exit" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      },
      { ...sheet, ...(claimedSize === undefined ? {} : { claimedSize }) },
    ]);

  it("a 1 MB zip bomb (a sheet of 1 GB) is refused from its directory in well under a second and 200 MB", async () => {
    const bytes = bomb();
    expect(bytes.length).toBeLessThan(1.5 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const issues = await rejectedIssues(readWorkbook(bytes, "bomb.xlsx"));
    const elapsed = performance.now() - started;
    const grown = process.memoryUsage().rss - before;
    expect(issues[0]).toMatchObject({ path: "bomb.xlsx", code: "xlsx-too-large" });
    expect(issues[0]?.message).toContain("1.0 GB once uncompressed");
    expect(elapsed).toBeLessThan(250);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });

  it("a bomb whose directory lies about its size is refused when it inflates past that size", async () => {
    const bytes = bomb(4096);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect((await rejectedIssues(readWorkbook(bytes, "liar.xlsx")))[0]?.code).toBe("xlsx-damaged");
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("rows per sheet, and cells per workbook", async () => {
    const rows = Array.from({ length: 12 }, (_, index) => inlineRow(index + 1, ["a", "b"])).join("");
    const bytes = rawWorkbook([{ name: "S", rows }]);
    expect((await rejectedIssues(readWorkbook(bytes, "w.xlsx", { ...LIMITS, sheetRows: 10 })))[0]).toMatchObject({
      code: "too-many-rows",
      message: expect.stringContaining("more than 10 rows"),
    });
    expect((await rejectedIssues(readWorkbook(bytes, "w.xlsx", { ...LIMITS, xlsxCellsRead: 20 })))[0]?.code).toBe(
      "too-many-cells",
    );
    expect(
      (await rejectedIssues(readWorkbook(bytes, "w.xlsx", { ...LIMITS, xlsxUncompressedBytes: 100 })))[0]?.code,
    ).toBe("xlsx-too-large");
  });
});
