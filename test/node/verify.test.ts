import { mkdtemp, readFile, rm } from "node:fs/promises";
import { RECEIPT_SHEET } from "../../src/node/xlsx/receiptSheet.js";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toChineseCapital } from "../../src/money/capital.js";
import { runVerify } from "../../src/node/commands/verify.js";
import type { CliIo } from "../../src/node/io.js";
import { SHEET_TITLE, SUMMARY_SHEET, TOTAL_LABELS, uniqueSheetName } from "../../src/node/xlsx/verifySheet.js";
import type { ClearanceDetail } from "../../src/rules/land-clearing-fee/index.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import { expectChineseSheet } from "../support/sheets.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLE = "examples/verify/declarations.json";
const FINDING_CODES = [
  "type-mismatch",
  "quantity-exceeds-survey",
  "built-after-cutoff",
  "unsurveyed",
  "declared-amount-mismatch",
];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `runVerify` in-process with buffers for stdout and stderr; cwd is the repository root. */
async function verify(args: string[], options: { tty?: boolean; stdin?: string } = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: {
      write: (chunk) => out.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)),
      isTTY: options.tty ?? false,
    },
    stderr: { write: (chunk) => err.push(chunk), isTTY: false },
    stdin: (async function* () {
      if (options.stdin !== undefined) yield options.stdin;
    })(),
    cwd: ROOT,
  };
  const code = await runVerify(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

type Document = {
  ruleSet: { id: string; version: string };
  results: Outcome<string, ClearanceDetail>[];
  totals: { district: string; total: string };
  errors: unknown[];
};

describe("exitfund verify --format json", () => {
  let run: Run;
  let document: Document;
  beforeAll(async () => {
    run = await verify([EXAMPLE, "--format", "json"]);
    document = JSON.parse(run.stdout) as Document;
  });

  it("exits 1 because the sample has findings, and writes nothing on stderr", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
  });

  it("is the compute document: ruleSet, results in input order, totals, errors, receipt", () => {
    expect(Object.keys(document).sort()).toEqual(["errors", "receipt", "results", "ruleSet", "totals"]);
    expect(document.ruleSet).toEqual({ id: "tongzhou-2016", version: "1" });
    expect(document.results.map((r) => r.id)).toEqual(["SYN-2016-TH-001", "SYN-2016-ZJW-001", "SYN-2016-SZ-001"]);
    expect(document.errors).toEqual([]);
    expect(document.results.every((r) => r.trace === undefined)).toBe(true);
  });

  it("each outcome's detail.items and detail.totals have the contract's shape; the sample holds every finding", () => {
    for (const outcome of document.results) {
      expect(outcome).toMatchObject({
        kind: "structure-clearance",
        eligible: true,
        payee: { type: "township", id: outcome.township },
      });
      for (const item of outcome.detail?.items ?? []) {
        expect(
          Object.keys(item)
            .filter((k) => k !== "declaredAmount")
            .sort(),
        ).toEqual([
          "approvedQuantity",
          "approvedType",
          "declaredQuantity",
          "declaredType",
          "fee",
          "findings",
          "id",
          "rate",
          "unit",
        ]);
        expect(item.fee).toMatch(/^\d+\.\d{2}$/);
      }
      expect(Object.keys(outcome.detail?.totals ?? {}).sort()).toEqual(["approved", "declared", "difference"]);
      expect(outcome.amounts.district).toBe(outcome.detail?.totals.approved);
      for (const f of outcome.findings)
        expect(Object.keys(f)).toEqual(expect.arrayContaining(["code", "message", "itemId"]));
    }
    const codes = new Set(document.results.flatMap((r) => r.findings.map((f) => f.code)));
    expect([...codes].sort()).toEqual([...FINDING_CODES].sort());
    const clean = document.results.flatMap((r) => r.detail?.items ?? []).filter((i) => i.findings.length === 0);
    expect(clean.length).toBeGreaterThanOrEqual(5);
    expect(document.totals.district).toBe("308929.99");
  });

  it("--explain includes each outcome's trace", async () => {
    const explained = JSON.parse((await verify([EXAMPLE, "--format", "json", "--explain"])).stdout) as Document;
    expect(explained.results.every((r) => r.trace.length > 0)).toBe(true);
  });

  it("json is the default when stdout is not a terminal; - reads standard input", async () => {
    const text = await readFile(join(ROOT, EXAMPLE), "utf8");
    const piped = await verify(["-"], { stdin: text });
    expect(piped.code).toBe(1);
    expect(JSON.parse(piped.stdout)).toEqual(document);
  });
});

describe("exitfund verify: exit status", () => {
  it("a clean declaration → exit 0", async () => {
    const run = await verify(["test/fixtures/verify/clean.json", "--format", "json"]);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as Document;
    expect(document.results[0]?.findings).toEqual([]);
    expect(document.results[0]?.detail?.totals).toEqual({
      declared: "22686.66",
      approved: "22686.66",
      difference: "0.00",
    });
  });

  it("bad input → exit 2, every problem on stderr, nothing on stdout", async () => {
    const run = await verify(["test/fixtures/verify/invalid.json", "--format", "json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    for (const path of [
      "entry 1 › items[0].quantity",
      "entry 1 › items[1].builtOn",
      "entry 1 › items[1].id",
      "entry 2 › items[0].structureType",
      "entry 3 › kind",
    ])
      expect(run.stderr).toContain(`invalid.json › ${path}:`);
    expect(run.stderr).toContain("structure-clearance declarations only");
    expect(run.stderr).toContain('"other-structure"');
  });

  it.each([
    {
      name: "--format xlsx to a terminal without --out",
      args: [EXAMPLE, "--format", "xlsx"],
      says: "--out",
      tty: true,
    },
    { name: "an unknown format", args: [EXAMPLE, "--format", "pdf"], says: "pdf" },
    { name: "no declarations file", args: [], says: "one <declarations> file" },
    { name: "a missing file", args: ["nope.json"], says: "nope.json" },
    {
      name: "an unknown bundled rule set / missing rules file",
      args: [EXAMPLE, "--rules", "tongzhou-2099"],
      says: "tongzhou-2099",
    },
    { name: "an empty list", args: ["test/fixtures/verify/empty.json"], says: "no declarations" },
    { name: "an unknown option", args: [EXAMPLE, "--fromat", "json"], says: "--format" },
  ])(
    "usage and input problems exit 2: $name",
    async ({ args, says, tty }: { args: string[]; says: string; tty?: boolean }) => {
      const run = await verify(args, { tty: tty === true });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(says);
    },
  );

  it("--rules <file>: a district's own dated rates (extends tongzhou-2016) are read at declaredOn", async () => {
    const run = await verify([
      "test/fixtures/verify/clean.json",
      "--format",
      "json",
      "--rules",
      "test/fixtures/verify/rules.json",
    ]);
    const document = JSON.parse(run.stdout) as Document;
    expect(document.ruleSet).toEqual({ id: "my-district-clearance", version: "2016.2" });
    expect(document.results[0]?.detail?.items.map((i) => i.rate)).toEqual(["100", "50", "30"]);
    expect(document.results[0]?.basis).toBe("official");
    expect(run.code).toBe(1); // 18,000.00 was declared at the bundled 60 元/㎡; this rule set says 100
  });

  it("--help prints the usage and exits 0", async () => {
    const run = await verify(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("exitfund verify <declarations>");
  });
});

describe("exitfund verify --format table", () => {
  let run: Run;
  beforeAll(async () => {
    run = await verify([EXAMPLE], { tty: true });
  });

  it("is the default on a terminal: every declaration, its place, totals and the approved total in 大写", () => {
    expect(run.code).toBe(1);
    for (const text of [
      "SYN-2016-TH-001",
      "台湖镇",
      "次渠村",
      "2016-09-12",
      "张家湾镇",
      "宋庄镇",
      "230,830.00",
      "人民币贰拾叁万零捌佰叁拾元整",
      "-1,400.00",
      "示例值",
    ])
      expect(run.stdout).toContain(text);
    for (const code of FINDING_CODES) expect(run.stdout).toContain(code);
  });

  it("aligns every table by display width (CJK characters count two columns)", () => {
    const lines = run.stdout.split("\n");
    let block: string[] = [];
    const blocks: string[][] = [];
    for (const line of lines) {
      if (line.startsWith("┌") && block.length > 0) {
        blocks.push(block);
        block = [];
      }
      if (/^[┌│├└]/.test(line)) block.push(line);
      else if (block.length > 0) {
        blocks.push(block);
        block = [];
      }
    }
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const b of blocks) expect(new Set(b.map((line) => stringWidth(line))).size).toBe(1);
  });

  it("right-aligns amounts", () => {
    const row = run.stdout.split("\n").find((line) => line.includes("TH-01"));
    expect(row).toMatch(/│\s+96,000\.00 │\s+96,000\.00 │/);
  });
});

describe("exitfund verify --format xlsx", () => {
  let dir: string;
  let workbook: ExcelJS.Workbook;
  let document: Document;
  let run: Run;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "exitfund-verify-"));
    const file = join(dir, "核定表.xlsx");
    run = await verify([EXAMPLE, "--format", "xlsx", "--out", file]);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    document = JSON.parse((await verify([EXAMPLE, "--format", "json"])).stdout) as Document;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The text of every written cell (a merged range once, at its first cell). */
  const sheetTexts = (sheet: ExcelJS.Worksheet): string[] => {
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.isMerged || cell.master.address === cell.address) texts.push(cell.text);
      }),
    );
    return texts;
  };

  const rowByLabel = (sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === label) found = row;
    });
    if (found === undefined) throw new Error(`no row "${label}" in ${sheet.name}`);
    return found;
  };

  it("exits 1 (findings), writes nothing on stdout, says where it wrote", () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("核定表.xlsx");
  });

  it("has the summary sheet first, then one sheet per declaration, then the 回执 (receipt)", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      SUMMARY_SHEET,
      "SYN-2016-TH-001",
      "SYN-2016-ZJW-001",
      "SYN-2016-SZ-001",
      RECEIPT_SHEET,
    ]);
  });

  it("each declaration sheet: title, place, every item row, totals as numbers with exact strings, 大写, signature; A4 landscape", () => {
    for (const outcome of document.results) {
      const sheet = workbook.getWorksheet(outcome.id);
      if (sheet === undefined) throw new Error(outcome.id);
      const detail = outcome.detail as ClearanceDetail;
      expect(sheet.getCell("A1").value).toBe(SHEET_TITLE);
      const texts = sheetTexts(sheet);
      for (const text of [outcome.township, detail.village, detail.site, detail.declaredOn, "tongzhou-2016", "示例值"])
        expect(texts.some((t) => t.includes(text))).toBe(true);
      for (const label of [
        "申报单位（盖章）：",
        "核定单位（盖章）：",
        "核定人（签字）：",
        "复核人（签字）：",
        "负责人（签字）：",
      ])
        expect(texts.filter((t) => t.startsWith(label) && t.includes("日期："))).toHaveLength(1);
      expect(texts.some((t) => t.startsWith(`申报单位（盖章）：${outcome.township}`))).toBe(true);

      const itemIds: string[] = [];
      sheet.eachRow((row, number) => {
        if (number > 6 && typeof row.getCell(1).value === "number") itemIds.push(String(row.getCell(2).value));
      });
      expect(itemIds).toEqual(detail.items.map((i) => i.id));
      for (const [index, item] of detail.items.entries()) {
        const row = sheet.getRow(7 + index);
        expect(row.getCell(9).value).toBe(Number(item.fee));
        expect(row.getCell(16).value).toBe(item.fee);
        const findings = String(row.getCell(12).value);
        if (item.findings.length > 1) expect(findings.split("\n")).toHaveLength(item.findings.length);
        for (const code of item.findings) expect(findings).not.toContain(code);
      }

      const totals: [string, string][] = [
        [TOTAL_LABELS.declared, detail.totals.declared],
        [TOTAL_LABELS.approved, detail.totals.approved],
        [TOTAL_LABELS.difference, detail.totals.difference],
      ];
      for (const [label, amount] of totals) {
        const row = rowByLabel(sheet, label);
        expect(row.getCell(9).value).toBe(Number(amount));
        expect(row.getCell(9).numFmt).toBe("#,##0.00");
        expect(row.getCell(16).value).toBe(amount);
      }
      expect(rowByLabel(sheet, TOTAL_LABELS.approvedCapital).getCell(9).value).toBe(
        toChineseCapital(detail.totals.approved, { prefix: "人民币" }),
      );
      expect(rowByLabel(sheet, TOTAL_LABELS.declaredCapital).getCell(9).value).toBe(
        toChineseCapital(detail.totals.declared, { prefix: "人民币" }),
      );
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "6:6",
      });
      expect(sheet.getColumn(16).hidden).toBe(true);
      expect(sheet.headerFooter.oddHeader).toContain(`申报编号：${outcome.id}`);
      expect(sheet.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
      expect(sheet.getCell(7, 1).font.name).toBe("Courier New"); // 序号, a figure
      expect(sheet.getCell(7, 2).font.name).toBe("宋体"); // 编号, text
      expectChineseSheet(sheet);
    }
  });

  it("the summary sheet: one row per declaration and a grand total, with 大写", () => {
    const sheet = workbook.getWorksheet(SUMMARY_SHEET);
    if (sheet === undefined) throw new Error(SUMMARY_SHEET);
    document.results.forEach((outcome, index) => {
      const row = sheet.getRow(6 + index);
      expect(row.getCell(1).value).toBe(index + 1);
      expect((row.getCell(2).value as { text: string }).text).toBe(outcome.id);
      expect(row.getCell(7).value).toBe(outcome.detail?.items.length);
      expect(row.getCell(8).value).toBe(outcome.findings.length);
      expect(row.getCell(10).value).toBe(Number(outcome.detail?.totals.approved));
      expect(row.getCell(12).value).toBe(toChineseCapital(outcome.detail?.totals.approved ?? "", { prefix: "人民币" }));
      expect(row.getCell(14).value).toBe(outcome.detail?.totals.approved);
    });
    const total = rowByLabel(sheet, TOTAL_LABELS.grandTotal);
    expect(total.getCell(10).value).toBe(308929.99);
    expect(total.getCell(14).value).toBe("308929.99");
    expect(total.getCell(12).value).toBe("人民币叁拾万捌仟玖佰贰拾玖元玖角玖分");
    expect(total.getCell(7).value).toBe(13);
    const texts = sheetTexts(sheet);
    for (const label of [
      "申报单位（盖章）：",
      "核定单位（盖章）：",
      "核定人（签字）：",
      "复核人（签字）：",
      "负责人（签字）：",
    ])
      expect(texts.filter((t) => t.startsWith(label) && t.includes("日期："))).toHaveLength(1);
    expect(texts).toContain("核定金额合计（大写）：人民币叁拾万捌仟玖佰贰拾玖元玖角玖分");
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "5:5" });
    expect(sheet.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
    expectChineseSheet(sheet);
  });
});

describe("sheet names", () => {
  it.each([
    { wanted: "SYN-2016-TH-001", expected: "SYN-2016-TH-001" },
    { wanted: "a/b:c*d?e[f]g\\h", expected: "a_b_c_d_e_f_g_h" },
    { wanted: "'quoted'", expected: "quoted" },
    { wanted: "x".repeat(40), expected: "x".repeat(31) },
    {
      wanted: "通州区台湖镇次渠村工业大院东区地块腾地经费申报第一批次示例地块核定",
      expected: "通州区台湖镇次渠村工业大院东区地块腾地经费申报第一批次示例地块",
    },
    { wanted: `${"z".repeat(30)}😀`, expected: "z".repeat(30) },
    { wanted: "汇总", expected: "汇总~2" },
    { wanted: "History", expected: "History~2" },
    { wanted: "   ", expected: "申报" },
  ])("$wanted → $expected", ({ wanted, expected }) => {
    const name = uniqueSheetName(wanted, new Set(["汇总", "history"]));
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });

  it("makes names unique case-insensitively, and keeps them within 31 characters", () => {
    const taken = new Set<string>();
    const long = "y".repeat(31);
    expect([
      uniqueSheetName("A", taken),
      uniqueSheetName("a", taken),
      uniqueSheetName("a", taken),
      uniqueSheetName(long, taken),
      uniqueSheetName(long, taken),
    ]).toEqual(["A", "a~2", "a~3", long, `${"y".repeat(29)}~2`]);
  });
});
