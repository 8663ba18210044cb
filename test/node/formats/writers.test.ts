import { describe, expect, it } from "vitest";
import { computeBatch, type ComputeDocument } from "../../../src/batch/compute.js";
import { computeTable } from "../../../src/node/commands/compute.js";
import { writeJson } from "../../../src/node/formats/jsonWrite.js";
import { summaryLine, totalsText } from "../../../src/node/formats/results.js";
import { resultsWorkbookBytes } from "../../../src/node/formats/resultsXlsx.js";
import { readWorkbook } from "../../../src/node/formats/xlsx.js";
import { enterpriseCase } from "../../fixtures/cases.js";

const NAMES = Object.getOwnPropertyNames(Object.prototype);

/** A document whose totals have a township for each name of Object.prototype (own keys, as JSON.parse makes them). */
function documentWithPrototypeTownships(): ComputeDocument {
  const computed = computeBatch(NAMES.map((name, index) => ({ ...enterpriseCase, id: `E-${index}`, township: name })));
  const amounts = { municipal: "875000.00", district: "0.00", total: "875000.00" };
  const byTownship = JSON.parse(JSON.stringify(Object.fromEntries(NAMES.map((name) => [name, amounts])))) as {
    [township: string]: typeof amounts;
  };
  return { ...computed, totals: { ...computed.totals, byTownship } };
}

describe("townships named like Object.prototype's members are townships in every writer", () => {
  const document = documentWithPrototypeTownships();
  expect(Object.hasOwn(document.totals.byTownship, "__proto__")).toBe(true);

  it("JSON (streamed) and the NDJSON last line keep every township", async () => {
    const pieces: string[] = [];
    await writeJson(async (text) => void pieces.push(text), document);
    const totals = (JSON.parse(pieces.join("")) as ComputeDocument).totals.byTownship;
    expect(Object.keys(totals).sort()).toEqual([...NAMES].sort());
    const last = JSON.parse(summaryLine(document.ruleSet, document.totals, [], document.receipt)) as ComputeDocument;
    expect(Object.keys(last.totals.byTownship).sort()).toEqual([...NAMES].sort());
  });

  it("the CSV totals on stderr and the terminal table list every township", () => {
    const text = totalsText(document.totals, document.results.length);
    const table = computeTable(document);
    for (const name of NAMES) {
      expect(text).toContain(`  ${name}: municipal 875000.00`);
      expect(table).toContain(name);
    }
  });

  it("the results workbook's 合计 sheet has a row for every township", async () => {
    const workbook = await readWorkbook(await resultsWorkbookBytes(document), "r.xlsx");
    const totals = workbook.tables.find((table) => table.sheet === "合计");
    const townships = (totals?.rows ?? []).map((row) => row.cells[0]);
    for (const name of NAMES) expect(townships).toContain(name);
  });
});
