import { existsSync } from "node:fs";
import { RECEIPT_SHEET } from "../../src/node/xlsx/receiptSheet.js";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { ZERO } from "../../src/money/decimal.js";
import { EXAMPLE_MARK } from "../../src/node/formats/columns.js";
import { RESULT_SHEETS } from "../../src/node/formats/resultsXlsx.js";
import { TEMPLATE_EXAMPLES, templateCsv, templateXlsxBytes } from "../../src/node/formats/template.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { fakeIo, runCliCapture } from "../support/cli.js";
import { runCli } from "../../src/node/run.js";
import { fc, test } from "@fast-check/vitest";

const CASES = [
  enterpriseCase,
  clearanceCase,
  villageCase,
  transferCase,
  { ...enterpriseCase, id: "E-2", township: "宋庄镇", scale: "below" },
];
const INVALID = { ...enterpriseCase, id: "E-BAD", exitMode: "partial" };

let dir: string;
const run = (argv: string[], options: { tty?: boolean } = {}) => runCliCapture(argv, { cwd: dir, ...options });
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exitfund-compute-"));
  await writeFile(join(dir, "cases.json"), JSON.stringify(CASES));
  await writeFile(join(dir, "mixed.json"), JSON.stringify({ cases: [CASES[0], INVALID, CASES[1]] }));
  await writeFile(join(dir, "cases.ndjson"), CASES.map((c) => JSON.stringify(c)).join("\n"));
});

function sum(outcomes: readonly Outcome[], payer: "municipal" | "district" | "total"): string {
  return outcomes.reduce((total, outcome) => total.plus(outcome.amounts[payer]), ZERO).toFixed(2);
}

describe("compute on a JSON file", () => {
  it("writes the DESIGN §6 document: results in input order, totals by payer and township equal to the sums", async () => {
    const result = await run(["compute", "cases.json", "--format", "json"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      ruleSet: unknown;
      results: Outcome[];
      totals: { municipal: string; district: string; total: string; byTownship: { [t: string]: { total: string } } };
      errors: unknown[];
    };
    expect(document.ruleSet).toEqual({ id: "tongzhou-2016", version: defaultRuleSet.version });
    expect(document.results.map((o) => o.id)).toEqual(CASES.map((c) => c.id));
    expect(document.results.every((o) => !("trace" in o))).toBe(true);
    for (const payer of ["municipal", "district", "total"] as const)
      expect(document.totals[payer]).toBe(sum(document.results, payer));
    for (const [township, amounts] of Object.entries(document.totals.byTownship))
      expect(amounts.total).toBe(
        sum(
          document.results.filter((o) => o.township === township),
          "total",
        ),
      );
    expect(document.errors).toEqual([]);
  });

  it("--explain keeps the traces", async () => {
    const document = JSON.parse((await run(["compute", "cases.json", "--format", "json", "--explain"])).stdout) as {
      results: Outcome[];
    };
    expect(document.results.every((o) => o.trace.length > 0)).toBe(true);
  });

  it("invalid input: exit 2, every problem on stderr, nothing on stdout", async () => {
    const result = await run(["compute", "mixed.json", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("mixed.json › entry 2 › exitMode (E-BAD)");
    expect(result.stderr).not.toContain("[1]");
  });

  it("in Chinese the entry is 第 N 条, as a ledger's", async () => {
    const result = await run(["compute", "mixed.json", "--format", "json", "--lang", "zh"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("mixed.json › 第 2 条 › exitMode（E-BAD）");
  });

  it("--skip-invalid computes the valid cases, lists the invalid ones (stderr and errors), exit 1", async () => {
    const result = await run(["compute", "mixed.json", "--format", "json", "--skip-invalid"]);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as { results: Outcome[]; errors: { index: number; path: string }[] };
    expect(document.results.map((o) => o.id)).toEqual([CASES[0]?.id, CASES[1]?.id]);
    expect(document.errors).toEqual([
      expect.objectContaining({ index: 1, id: "E-BAD", path: "mixed.json › entry 2 › exitMode" }),
    ]);
    expect(result.stderr).toContain("skipped");
  });
});

describe("compute --format", () => {
  it("ndjson: one outcome per line, then { ruleSet, totals, errors, receipt }", async () => {
    const result = await run(["compute", "cases.json", "--format", "ndjson"]);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id?: string; totals?: unknown; trace?: unknown });
    expect(lines).toHaveLength(CASES.length + 1);
    expect(lines.slice(0, -1).map((line) => line.id)).toEqual(CASES.map((c) => c.id));
    expect(lines.slice(0, -1).some((line) => "trace" in line)).toBe(false);
    expect(lines.at(-1)).toEqual({
      ruleSet: expect.any(Object),
      totals: computeBatch(CASES, defaultRuleSet).totals,
      errors: [],
      receipt: computeBatch(CASES, defaultRuleSet).receipt,
    });
  });

  it("csv: BOM, one row per outcome with exact amounts, totals on stderr", async () => {
    const result = await run(["compute", "cases.json", "--format", "csv"]);
    expect(result.code).toBe(0);
    expect(
      result.stdout.startsWith(
        "\uFEFFid,kind,township,track,eligible,payeeType,payeeId,municipal,district,total,estimate,basis,findings,reasons\r\n",
      ),
    ).toBe(true);
    const rows = parse(result.stdout, { bom: true, columns: true }) as { id: string; total: string; track: string }[];
    const document = computeBatch(CASES, defaultRuleSet);
    expect(rows.map((r) => [r.id, r.total])).toEqual(document.results.map((o) => [o.id, o.amounts.total]));
    expect(rows[0]?.track).toBe(document.results[0]?.track);
    expect(result.stderr).toContain(`total ${document.totals.total}`);
  });

  it("csv: text Excel would run as a formula gets a ', amounts never do", async () => {
    await writeFile(
      join(dir, "inject.json"),
      JSON.stringify([{ ...enterpriseCase, id: '=HYPERLINK("x")', township: "@SUM(A1)" }]),
    );
    const rows = parse((await run(["compute", "inject.json", "--format", "csv"])).stdout, {
      bom: true,
      columns: true,
    }) as { id: string; township: string; payeeId: string }[];
    expect(rows[0]).toMatchObject({ id: '\'=HYPERLINK("x")', township: "'@SUM(A1)", payeeId: '\'=HYPERLINK("x")' });
  });

  it("xlsx: results, totals with 大写 and the illustrative note, and with --explain the trace sheet", async () => {
    const result = await run(["compute", "cases.json", "--format", "xlsx", "--out", "results.xlsx", "--explain"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "results.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      RESULT_SHEETS.results,
      RESULT_SHEETS.totals,
      RESULT_SHEETS.trace,
      RECEIPT_SHEET,
    ]);
    const results = workbook.getWorksheet(RESULT_SHEETS.results);
    // Title, basis, the illustrative note, then the header on row 4.
    expect(results?.getCell("A5").value).toBe(CASES[0]?.id);
    const totals = workbook.getWorksheet(RESULT_SHEETS.totals);
    expect(String(totals?.getCell("A3").value)).toContain("示例值");
    const document = computeBatch(CASES, defaultRuleSet);
    const trace = workbook.getWorksheet(RESULT_SHEETS.trace);
    // A heading row per case, then a row per step.
    expect(trace?.rowCount).toBe(
      4 + document.results.length + document.results.reduce((n, o) => n + o.trace.length, 0),
    );
    expect(String(trace?.getCell("E6").value)).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("xlsx without --out on a terminal is refused (no binary on a terminal)", async () => {
    const result = await run(["compute", "cases.json", "--format", "xlsx"], { tty: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out");
  });

  it("the extension of --out chooses the format", async () => {
    expect((await run(["compute", "cases.json", "--out", "chosen.csv"])).code).toBe(0);
    expect((await readFile(join(dir, "chosen.csv"), "utf8")).startsWith("\uFEFFid,kind")).toBe(true);
  });

  it("table (the default on a terminal)", async () => {
    const result = await run(["compute", "cases.json"], { tty: true });
    expect(result.stdout).toContain("合计 total");
  });

  it("an unknown format is a usage error", async () => {
    expect((await run(["compute", "cases.json", "--format", "pdf"])).code).toBe(2);
  });

  it("reads .csv and .xlsx cases; their problems are reported by row and column; a template's example is refused", async () => {
    await writeFile(join(dir, "template.csv"), templateCsv("enterprise-exit"));
    await writeFile(join(dir, "template.xlsx"), await templateXlsxBytes("enterprise-exit", defaultRuleSet));
    for (const file of ["template.csv", "template.xlsx"]) {
      const refused = await run(["compute", file, "--format", "json"]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("is the template's example (marked 示例");
      expect(refused.stdout).toBe("");
    }
    // A clerk who keeps the example as a real case clears its flag and gives it an id of its own.
    const exampleId = String(TEMPLATE_EXAMPLES["enterprise-exit"].id);
    const flagless = templateCsv("enterprise-exit").replaceAll(EXAMPLE_MARK, "");
    await writeFile(join(dir, "flagless.csv"), flagless);
    const refused = await run(["compute", "flagless.csv", "--format", "json", "--lang", "en"]);
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr).toContain(`is "${exampleId}", the id of the template's example`);
    const filled = flagless.replaceAll(exampleId, "E-1");
    await writeFile(join(dir, "cases.csv"), filled);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateXlsxBytes("enterprise-exit", defaultRuleSet)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (sheet !== undefined) {
      sheet.getRow(2).getCell(1).value = null;
      sheet.getRow(2).eachCell((cell) => {
        if (cell.value === exampleId) cell.value = "E-1";
      });
    }
    await writeFile(join(dir, "cases.xlsx"), new Uint8Array(await book.xlsx.writeBuffer()));
    for (const file of ["cases.csv", "cases.xlsx"]) {
      const document = JSON.parse((await run(["compute", file, "--format", "json"])).stdout) as { results: Outcome[] };
      expect(document.results.map((o) => o.id)).toEqual(["E-1"]);
    }
    await writeFile(join(dir, "bad.csv"), filled.replace(",2000,", ",lots,"));
    const result = await run(["compute", "bad.csv", "--skip-invalid", "--format", "json"]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual([
      "bad.csv › row 2 › 节能量（吨标煤） (column O)",
    ]);
  });
});

describe("compute streams an .ndjson file (--format ndjson|csv)", () => {
  const many = Array.from({ length: 2000 }, (_, i) => ({
    ...CASES[i % CASES.length],
    id: `C-${i}`,
    township: ["台湖镇", "宋庄镇", "张家湾镇"][i % 3],
  }));

  it("2,000 cases: the same outcomes and totals as computeBatch", async () => {
    await writeFile(join(dir, "many.ndjson"), many.map((c) => JSON.stringify(c)).join("\n"));
    const result = await run(["compute", "many.ndjson", "--format", "ndjson", "--out", "many-out.ndjson"]);
    expect(result.code).toBe(0);
    const lines = (await readFile(join(dir, "many-out.ndjson"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Outcome & { totals?: unknown });
    const document = computeBatch(many, defaultRuleSet);
    expect(lines.at(-1)?.totals).toEqual(document.totals);
    expect(lines.slice(0, -1)).toEqual(document.results.map(({ trace: _trace, ...rest }) => rest));
  });

  it("csv: the same rows as the in-memory path", async () => {
    const streamed = await run(["compute", "many.ndjson", "--format", "csv"]);
    await writeFile(join(dir, "many.json"), JSON.stringify(many));
    const inMemory = await run(["compute", "many.json", "--format", "csv"]);
    expect(streamed.stdout).toBe(inMemory.stdout);
    expect(streamed.stderr).toContain(`total ${computeBatch(many, defaultRuleSet).totals.total}`);
  });

  it("a transfer listed before its enterprise exit is still cross-checked", async () => {
    const cases = [{ ...transferCase, exitedEnterprises: [{ id: "E-1", priorYearTax: { vat: "1" } }] }, enterpriseCase];
    await writeFile(join(dir, "cross.ndjson"), cases.map((c) => JSON.stringify(c)).join("\n"));
    const lines = (await run(["compute", "cross.ndjson", "--format", "ndjson"])).stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Outcome);
    expect(lines[0]?.findings.map((f) => f.code)).toContain("tax-mismatch");
    expect(lines.slice(0, 2)).toEqual(
      computeBatch(cases, defaultRuleSet).results.map(({ trace: _trace, ...rest }) => rest),
    );
  });

  it("invalid lines: exit 2, every problem by line, and no output file", async () => {
    await writeFile(
      join(dir, "bad.ndjson"),
      [JSON.stringify(enterpriseCase), "{ nope", JSON.stringify(INVALID), JSON.stringify(enterpriseCase)].join("\n"),
    );
    const result = await run(["compute", "bad.ndjson", "--format", "ndjson", "--out", "bad-out.ndjson"]);
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, "bad-out.ndjson"))).toBe(false);
    expect(result.stderr).toContain("bad.ndjson › line 2");
    expect(result.stderr).toContain("bad.ndjson › line 3 › exitMode");
    expect(result.stderr).toContain("bad.ndjson › line 4 › id");
    expect(result.stderr).toContain("also at line 1");
  });

  it("--skip-invalid writes the valid outcomes and lists the invalid lines in the last line's errors", async () => {
    const result = await run(["compute", "bad.ndjson", "--format", "ndjson", "--skip-invalid"]);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id?: string; errors?: { path: string }[] });
    expect(lines.slice(0, -1).map((line) => line.id)).toEqual([enterpriseCase.id]);
    expect(lines.at(-1)?.errors?.map((error) => error.path)).toEqual([
      "bad.ndjson › line 2",
      "bad.ndjson › line 3 › exitMode",
      "bad.ndjson › line 4 › id",
    ]);
  });

  it("a case on a date the rule set does not cover is found by the checking pass", async () => {
    await writeFile(
      join(dir, "early.ndjson"),
      [
        JSON.stringify(enterpriseCase),
        JSON.stringify({ ...enterpriseCase, id: "E-old", exitCompletedOn: "2010-01-01" }),
      ].join("\n"),
    );
    const result = await run(["compute", "early.ndjson", "--format", "ndjson"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("early.ndjson › line 2");
  });

  it("--progress reports on a stderr that is not a terminal, in plain lines; stdout holds only data", async () => {
    const result = await run(["compute", "many.ndjson", "--format", "ndjson", "--progress"]);
    expect(result.stderr).toMatch(/exitfund: computing done: 2,000/);
    expect(result.stdout.split("\n").filter((line) => line.startsWith("exitfund")).length).toBe(0);
  });

  it("--explain keeps the trace on each line", async () => {
    const lines = (await run(["compute", "cases.ndjson", "--format", "ndjson", "--explain"])).stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { trace?: unknown[] });
    expect(lines.slice(0, -1).every((line) => (line.trace?.length ?? 0) > 0)).toBe(true);
  });
});

describe("compute streams an .ndjson file as --format json, the document it wrote in memory byte for byte", () => {
  const LINES = [
    ...CASES.map((c) => JSON.stringify(c)),
    JSON.stringify(INVALID),
    JSON.stringify({ ...enterpriseCase, id: "E-2" }), // the id of line 5 again
    "{not json}", // standard input is told to be NDJSON when each line is {…}
    "",
    JSON.stringify({ ...clearanceCase, id: "C-9", township: "宋庄镇" }),
  ];

  /**
   * The file streamed, and the same bytes on standard input, which is read in memory as before (its name swapped):
   * today's text. (Standard input is NDJSON when every line is `{…}`: a line holding a list is tested below.)
   */
  async function both(
    name: string,
    text: string,
    options: string[],
    parallel?: { fromBytes: number; blockLines: number },
  ) {
    await writeFile(join(dir, name), text);
    const streamed = fakeIo({ cwd: dir });
    const writes: number[] = [];
    const write = streamed.io.stdout.write;
    streamed.io.stdout.write = (chunk) => {
      writes.push(chunk.length);
      return write(chunk);
    };
    const code = await runCli(["compute", name, "--format", "json", ...options], {
      ...streamed.io,
      ...(parallel === undefined ? {} : { parallel }),
    });
    const memory = fakeIo({ cwd: dir, stdin: text });
    const memoryCode = await runCli(["compute", "-", "--format", "json", ...options], memory.io);
    const named = (said: string) => said.replaceAll("(stdin)", name).replaceAll("（标准输入）", name);
    return {
      code,
      memoryCode,
      stdout: streamed.stdout(),
      memory: named(memory.stdout()),
      stderr: streamed.stderr(),
      memoryStderr: named(memory.stderr()),
      writes,
    };
  }

  // Red-green: writing the duplicate's "also at" as the NDJSON stream says it (`line 5`), the unreadable line's
  // code as `unreadable`, or the `[1]` line at `› case` fails this test.
  it.each([[[]], [["--skip-invalid"]], [["--skip-invalid", "--explain"]], [["--skip-invalid", "--lang", "zh"]]])(
    "with %j: the same document, stderr and exit status as in memory, in one thread and in two",
    async (options) => {
      const text = LINES.join("\n");
      for (const parallel of [undefined, { fromBytes: 0, blockLines: 3 }]) {
        const result = await both("streamed.ndjson", text, options, parallel);
        expect(result.code).toBe(result.memoryCode);
        expect(result.stdout).toBe(result.memory);
        expect(result.stderr).toBe(result.memoryStderr);
      }
    },
  );

  it("more problems than are listed: errorsOmitted and the count of invalid cases as in memory", async () => {
    const text = [
      ...CASES.map((c) => JSON.stringify(c)),
      ...Array.from({ length: 30 }, (_, i) => `{"kind":"enterprise-exit","id":"X${i}"}`),
    ].join("\n");
    const result = await both("omitted.ndjson", text, ["--skip-invalid"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('"errorsOmitted"');
    expect(result.stdout).toBe(result.memory);
    expect(result.stderr).toBe(result.memoryStderr);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 40 }), fc.boolean()], { numRuns: 15 })(
    "random batches (valid, invalid, repeated, unreadable, empty): the streamed text is the in-memory text",
    async (picks, explain) => {
      fc.pre(picks.filter((pick) => pick !== 7).length >= 2); // standard input needs two lines to be told NDJSON
      const lines = picks.map((pick, i) =>
        pick < 4
          ? JSON.stringify({ ...CASES[pick], id: `K-${i}` })
          : pick === 4
            ? JSON.stringify({ ...INVALID, id: `K-${i}` })
            : pick === 5
              ? JSON.stringify({ ...enterpriseCase, id: "K-0" })
              : pick === 6
                ? "{oops}"
                : pick === 7
                  ? ""
                  : JSON.stringify({ ...enterpriseCase, id: `K-${i}`, township: "宋庄镇" }),
      );
      const result = await both("random.ndjson", lines.join("\n"), [
        "--skip-invalid",
        ...(explain ? ["--explain"] : []),
      ]);
      expect(result.code).toBe(result.memoryCode);
      expect(result.stdout).toBe(result.memory);
      expect(result.stderr).toBe(result.memoryStderr);
    },
  );

  it("a line that holds no case object is placed at its line, as in memory (not at › case)", async () => {
    await writeFile(join(dir, "list.ndjson"), [JSON.stringify(enterpriseCase), "[1]"].join("\n"));
    const result = await run(["compute", "list.ndjson", "--format", "json", "--skip-invalid"]);
    const document = JSON.parse(result.stdout) as { errors: { path: string; message: string }[] };
    expect(document.errors.map((error) => error.path)).toEqual(["list.ndjson › line 2"]);
    expect(result.stderr).toContain("list.ndjson › line 2: value: must be a case object with a kind; got a list");
    const ndjson = await run(["compute", "list.ndjson", "--format", "ndjson", "--skip-invalid"]);
    expect(ndjson.stderr).toContain("list.ndjson › line 2 › case:"); // the NDJSON stream's own wording, unchanged
  });

  it("writes the document in pieces as the outcomes come, never as one string", async () => {
    const many = Array.from({ length: 400 }, (_, i) => JSON.stringify({ ...enterpriseCase, id: `P-${i}` }));
    const result = await both("pieces.ndjson", many.join("\n"), ["--explain"]);
    expect(result.stdout).toBe(result.memory);
    expect(result.writes.length).toBeGreaterThan(10);
    expect(Math.max(...result.writes)).toBeLessThan(result.stdout.length / 5);
  });
});

describe("compute in memory keeps no trace it does not show", () => {
  // The CLI computes without traces unless --explain or --case shows them (the fast path, kilobytes a case
  // less); the document must stay the one the traced computation gave, traces taken out.
  it.each([["cases.json"], ["mixed.json"]])(
    "%s: the document of the traced computation, byte for byte",
    async (file) => {
      const given = JSON.parse(await readFile(join(dir, file), "utf8")) as unknown[] | { cases: unknown[] };
      const cases = Array.isArray(given) ? given : given.cases;
      const traced = computeBatch(cases, { ruleSet: defaultRuleSet, skipInvalid: true });
      const result = await run(["compute", file, "--format", "json", "--skip-invalid"]);
      // The errors as the CLI places them (`mixed.json › entry 2 › exitMode`), the rest as computed with traces.
      const { errors } = JSON.parse(result.stdout) as { errors: { code: string; message: string }[] };
      expect(errors.map((e) => [e.code, e.message])).toEqual(traced.errors.map((e) => [e.code, e.message]));
      const expected = { ...traced, results: traced.results.map(({ trace: _trace, ...rest }) => rest), errors };
      expect(traced.results.every((outcome) => outcome.trace.length > 0)).toBe(true);
      expect(result.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    },
  );
});
