import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import * as node from "../../src/node/index.js";
import { LAYOUTS, templateHeader } from "../../src/node/formats/columns.js";
import { flattenCase } from "../../src/node/formats/template.js";
import { rawWorkbook, inlineRow } from "../support/xlsx.js";

const root = join(import.meta.dirname, "../..");
const sample = join(root, "examples", "tongzhou-2016");

async function thrown(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("exitfund/node without the CLI's io", () => {
  it("readCases(file) reads relative to process.cwd(), readCases(file, { cwd }) relative to cwd", async () => {
    const here = await node.readCases("examples/tongzhou-2016/transfers.json");
    const there = await node.readCases("transfers.json", { cwd: sample });
    expect(there).toEqual(here);
    expect(there).toHaveLength(11);
    expect(core.computeBatch(there).results).toHaveLength(11);
  });

  it("reads every format: the sample's workbook equals its JSON, the ledger from .xlsx", async () => {
    const fromXlsx = await node.readCases("transfers.xlsx", { cwd: sample });
    const fromJson = await node.readCases("transfers.json", { cwd: sample });
    expect(fromXlsx.map((value) => core.schemas.case.parse(value))).toEqual(
      fromJson.map((value) => core.schemas.case.parse(value)),
    );
    expect((await node.readLedger("ledger.xlsx", { cwd: sample })).length).toBeGreaterThan(3000);
  });

  it("readCases of a JSON file validates it as every other format: each problem at its entry, counted from 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exitfund-api-"));
    const cases = await node.readCases("examples/tongzhou-2016/enterprises.json");
    writeFileSync(join(dir, "bad.json"), JSON.stringify([cases[0], { ...(cases[1] as object), exitMode: "partly" }]));
    const error = await thrown(node.readCases("bad.json", { cwd: dir }));
    expect(core.isInvalidInputError(error)).toBe(true);
    expect((error as core.InvalidInputError).issues.map((issue) => issue.path)).toEqual([
      "bad.json › entry 2 › exitMode",
    ]);
  });

  it("- reads JSON from the stdin option", async () => {
    const cases = await node.readCases("examples/tongzhou-2016/transfers.json");
    const stdin = (async function* () {
      yield JSON.stringify(cases);
    })();
    expect(await node.readCases("-", { stdin })).toEqual(cases);
  });

  it("notices go to onNotice, not to the process's stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exitfund-api-"));
    const rows = `${inlineRow(1, ["caseId", "payer", "amount", "paidOn"])}${inlineRow(2, ["E-1", "district", "100.00", "2016-12-01"])}`;
    writeFileSync(
      join(dir, "ledger.xlsx"),
      rawWorkbook([
        { name: "ledger", rows },
        { name: "old", rows, state: "hidden" },
      ]),
    );
    const notices: string[] = [];
    const ledger = await node.readLedger("ledger.xlsx", { cwd: dir, onNotice: (notice) => notices.push(notice) });
    expect(ledger).toHaveLength(1);
    expect(notices).toEqual([expect.stringMatching(/^ledger\.xlsx › old: not read: the sheet is hidden/)]);
  });

  it("every error it throws is exported, with a code, and is exitfund's own class", async () => {
    const missing = await thrown(node.readCases("no-such-file.json", { cwd: sample }));
    expect(missing).toBeInstanceOf(node.UsageError);
    expect(missing).toBeInstanceOf(node.CliError);
    expect(missing).toMatchObject({ code: "no-such-file", zh: expect.stringContaining("文件不存在") });
    expect(await thrown(node.readCases(".", { cwd: sample }))).toMatchObject({ code: "unknown-extension" });
    const tooLarge = await thrown(node.readCases("cases.json", { cwd: sample, limits: { memoryFileBytes: 1000 } }));
    expect(tooLarge).toMatchObject({ name: "UsageError", code: "file-too-large" });
    const dir = mkdtempSync(join(tmpdir(), "exitfund-api-"));
    writeFileSync(join(dir, "bad.json"), "{ not json");
    const bad = await thrown(node.readCases("bad.json", { cwd: dir }));
    expect(bad).toBeInstanceOf(core.InvalidInputError);
    expect(node.InvalidInputError).toBe(core.InvalidInputError);
    expect(node.RuleSetError).toBe(core.RuleSetError);
  });

  it("with a rule set, the checks that need one are made (a structure type it does not price)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exitfund-api-"));
    const [declaration] = (await node.readCases("clearance.json", { cwd: sample })) as {
      [key: string]: unknown;
      items: { [key: string]: unknown }[];
    }[];
    if (declaration === undefined) throw new Error("no declaration");
    const layout = LAYOUTS["structure-clearance"];
    const unpriced = {
      ...declaration,
      items: declaration.items.slice(0, 2).map((item) => ({ ...item, structureType: "no-such-type" })),
    };
    const rows = flattenCase(layout, unpriced).map((values, index) =>
      inlineRow(
        index + 2,
        layout.columns.map((column) => values[column.key] as string | number | undefined),
      ),
    );
    const flat = rawWorkbook([
      { name: "structure-clearance", rows: inlineRow(1, layout.columns.map(templateHeader)) + rows.join("") },
    ]);
    writeFileSync(join(dir, "c.xlsx"), flat);
    const error = await thrown(node.readCases("c.xlsx", { cwd: dir, ruleSet: core.ruleSets["tongzhou-2016"] }));
    expect(error).toBeInstanceOf(core.InvalidInputError);
    expect((error as core.InvalidInputError).issues).toEqual([
      expect.objectContaining({ path: expect.stringContaining("c.xlsx › structure-clearance › row 2") }),
      expect.objectContaining({ path: expect.stringContaining("c.xlsx › structure-clearance › row 3") }),
    ]);
    expect(await node.readCases("c.xlsx", { cwd: dir })).toHaveLength(1); // without a rule set: read, not priced
  });
});

describe("row numbers in the library are the ones the user sees", () => {
  const enterprise = {
    kind: "enterprise-exit",
    id: "E-1",
    name: "示例 (synthetic)",
    township: "台湖镇",
    exitMode: "whole",
    scale: "below",
    exitCompletedOn: "2016-10-31",
    licensed: true,
    acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
    municipalOutcome: "not-applied",
    recommendedByDistrict: false,
    energySavedTce: "0",
    employees: 10,
    landAreaM2: "100",
  };
  const dir = mkdtempSync(join(tmpdir(), "exitfund-rows-"));
  const header = LAYOUTS.ledger.columns.map(templateHeader).slice(0, 4);
  const csv = (rows: readonly string[][]) => `${[header, ...rows].map((row) => row.join(",")).join("\r\n")}\r\n`;

  it("readLedger + audit: a CSV or XLSX ledger's rows are Excel's (header row = 1), blank rows counted", async () => {
    const paid = ["E-1", "district", "1", "2017-01-01"];
    writeFileSync(join(dir, "ledger.csv"), csv([paid, ["", "", "", ""], paid]));
    writeFileSync(
      join(dir, "ledger.xlsx"),
      rawWorkbook([{ name: "ledger", rows: inlineRow(1, header) + inlineRow(3, paid) + inlineRow(6, paid) }]),
    );
    for (const [file, rows] of [
      ["ledger.csv", [2, 4]],
      ["ledger.xlsx", [3, 6]],
    ] as const) {
      const ledger = await node.readLedger(file, { cwd: dir });
      expect(Object.isFrozen(ledger)).toBe(true);
      expect(ledger.places.map((place) => place.row)).toEqual(rows);
      const document = core.audit([enterprise], ledger);
      expect(
        document.discrepancies.flatMap((d) => d.rows ?? []).sort((a, b) => a - b),
        file,
      ).toEqual(rows);
    }
  });

  it("a plain array's rows are its 0-based indexes; ledgerPlaces gives them; a wrong one is refused", () => {
    const paid = { caseId: "E-1", payer: "district", amount: "1", paidOn: "2017-01-01" };
    const rows = (options = {}) =>
      core
        .audit([enterprise], [paid, paid], options)
        .discrepancies.flatMap((d) => d.rows ?? [])
        .sort((a, b) => a - b);
    expect(rows()).toEqual([0, 1]);
    expect(rows({ ledgerPlaces: [{ row: 7 }, { row: 9 }] })).toEqual([7, 9]);
    expect(() => rows({ ledgerPlaces: [{ row: 7 }] })).toThrow(core.InvalidInputError);
    expect(() => rows({ ledgerPlaces: [{ row: -1 }, { row: 2 }] })).toThrow(/options\.ledgerPlaces/);
  });

  it("readLedger's problems and readCases' are at Excel's rows", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      csv([
        ["E-1", "district", "1", "2017-01-01"],
        ["", "", "", ""],
        ["E-1", "x", "1", "2017-01-01"],
      ]),
    );
    const error = (await thrown(node.readLedger("bad.csv", { cwd: dir }))) as core.InvalidInputError;
    expect(error.issues.map((issue) => issue.path)).toEqual([expect.stringContaining("bad.csv › row 4 ›")]);
  });
});
