import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { InvalidInputError } from "../../../src/errors/index.js";
import { csvTable } from "../../../src/node/formats/csv.js";
import { parseJson } from "../../../src/node/formats/json.js";
import { tableSource } from "../../../src/node/formats/table.js";
import { readWorkbook } from "../../../src/node/formats/xlsx.js";
import { templateCsv, templateXlsxBytes } from "../../../src/node/formats/template.js";
import { defaultRuleSet } from "../../../src/rule-sets/index.js";
import { rawWorkbook, inlineRow } from "../../support/xlsx.js";

/**
 * Exit 70 is unreachable from any file: a damaged file of any format reads, or is refused with an input
 * error — never another exception (which the CLI would report as a bug).
 */
async function readsOrRefuses(read: () => unknown): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
  }
}

const xlsx = await templateXlsxBytes("structure-clearance", defaultRuleSet);
const raw = rawWorkbook(
  [
    {
      name: "enterprise-exit",
      rows:
        inlineRow(1, ["id", "township"]) +
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>42675</v></c></row>',
      after: '<mergeCells count="1"><mergeCell ref="A2:B3"/></mergeCells>',
    },
  ],
  { strings: ["E-1"] },
);
const damage = fc.record({
  cut: fc.option(fc.nat(), { nil: undefined }),
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
});

function damaged(
  bytes: Uint8Array,
  { cut, flips }: { cut: number | undefined; flips: [number, number][] },
): Uint8Array {
  const copy = Uint8Array.from(cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1)));
  for (const [at, value] of flips) if (copy.length > 0) copy[at % copy.length] = value;
  return copy;
}

describe("a damaged file reads or is refused, never crashes", () => {
  test.prop([damage, fc.boolean()], { numRuns: 300 })("XLSX (exceljs's and hand-written)", async (hurt, which) => {
    await readsOrRefuses(async () => {
      const workbook = await readWorkbook(damaged(which ? xlsx : raw, hurt), "w.xlsx");
      return tableSource(workbook.tables, { format: "xlsx", notices: workbook.notices, file: "w.xlsx" });
    });
  });

  const sheetXml =
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><f>1</f><v>3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>';
  const xmlText = fc.array(fc.tuple(fc.nat(), fc.constantFrom("<", ">", "/", '"', "&", "x", "")), { maxLength: 6 });
  // Red-green: letting readWorkbook rethrow the XML tokenizer's Error (no damaged-file wrapper) fails this.
  test.prop([fc.nat(), xmlText], { numRuns: 300 })(
    "XLSX whose XML is damaged inside a sound zip",
    async (cut, edits) => {
      let xml = sheetXml.slice(0, sheetXml.length - (cut % 40));
      for (const [at, text] of edits) {
        const place = at % (xml.length + 1);
        xml = xml.slice(0, place) + text + xml.slice(place + 1);
      }
      await readsOrRefuses(() =>
        readWorkbook(rawWorkbook([{ name: "S", rows: "", xml }], { strings: ["a"] }), "w.xlsx"),
      );
    },
  );

  test.prop([damage], { numRuns: 300 })("CSV", async (hurt) => {
    await readsOrRefuses(() =>
      tableSource([csvTable(damaged(Buffer.from(templateCsv("enterprise-exit")), hurt), "c.csv")], { format: "csv" }),
    );
  });

  test.prop([fc.string({ maxLength: 60 }), fc.jsonValue()], { numRuns: 300 })("JSON", async (noise, value) => {
    const text = JSON.stringify(value);
    await readsOrRefuses(() => parseJson(text.slice(0, noise.length % (text.length + 1)) + noise, "j.json"));
  });
});
