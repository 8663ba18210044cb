import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LAYOUTS, templateHeader } from "../../src/node/formats/columns.js";
import { BOM, csvLines } from "../../src/node/formats/csv.js";
import { flattenCase } from "../../src/node/formats/template.js";
import { RECEIPT_SHEET, shortReceipt } from "../../src/node/xlsx/receiptSheet.js";
import type { Receipt } from "../../src/receipt/receipt.js";
import { runCliCapture } from "../support/cli.js";
import { tempFiles } from "../audit/support.js";

const SAMPLE = join(import.meta.dirname, "../../examples/tongzhou-2016");
// The sample's first declarations (the whole sample is slow to write as workbooks on a busy machine).
const sampleCases = (
  JSON.parse(readFileSync(join(SAMPLE, "clearance.json"), "utf8")) as { cases: object[] }
).cases.slice(0, 8);
const folder = tempFiles({ "cases.json": { cases: sampleCases } });
const at = (name: string) => join(folder, name);
writeFileSync(at("cases.ndjson"), sampleCases.map((one) => `${JSON.stringify(one)}\n`).join(""));
const layout = LAYOUTS["structure-clearance"];
writeFileSync(
  at("cases.csv"),
  BOM +
    csvLines([
      layout.columns.map(templateHeader),
      ...sampleCases
        .flatMap((one) => flattenCase(layout, one as { readonly [key: string]: unknown }))
        .map((row) => layout.columns.map((column) => (row[column.key] === undefined ? "" : String(row[column.key])))),
    ]),
);

const cli = (args: readonly string[]) => runCliCapture(args, { cwd: folder });
const receiptOfJson = (text: string) => (JSON.parse(text) as { receipt: Receipt }).receipt;
const lastLineReceipt = (text: string) => receiptOfJson(text.trimEnd().split("\n").at(-1) ?? "");

describe("the receipt of the sample is the same whatever format the cases came in", () => {
  it("JSON, NDJSON (in memory and streamed), CSV and XLSX give one receipt", async () => {
    const json = receiptOfJson((await cli(["compute", "cases.json", "--format", "json"])).stdout);
    expect(receiptOfJson((await cli(["compute", "cases.ndjson", "--format", "json"])).stdout)).toEqual(json);
    expect(lastLineReceipt((await cli(["compute", "cases.ndjson", "--format", "ndjson"])).stdout)).toEqual(json);
    expect(receiptOfJson((await cli(["compute", "cases.csv", "--format", "json"])).stdout)).toEqual(json);
    const whole = receiptOfJson((await cli(["compute", join(SAMPLE, "clearance.json"), "--format", "json"])).stdout);
    const xlsx = receiptOfJson((await cli(["compute", join(SAMPLE, "clearance.xlsx"), "--format", "json"])).stdout);
    expect(xlsx).toEqual(whole);
    expect(json.input.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("exitfund verify-receipt", () => {
  it("round trip: JSON, NDJSON and a workbook each check out (exit 0), a line per check", async () => {
    for (const [file, format] of [
      ["results.json", "json"],
      ["results.ndjson", "ndjson"],
      ["results.xlsx", "xlsx"],
      ["核定表.xlsx", "verify"],
    ] as const) {
      const written =
        format === "verify"
          ? await cli(["verify", "cases.json", "--format", "xlsx", "--out", file])
          : await cli([
              "compute",
              format === "ndjson" ? "cases.ndjson" : "cases.json",
              "--format",
              format,
              "--out",
              file,
            ]);
      expect(written.code, written.stderr).toBeLessThan(2);
      const result = await cli(["verify-receipt", file, "--cases", "cases.csv"]);
      expect(result.code, `${file}: ${result.stdout}${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/^✓ rules: (clearance|tongzhou-2016) v\S+ sha256:[0-9a-f]{64} — matches$/m);
      for (const check of ["rules", "programme", "input", "amounts", "exitfund version"])
        expect(result.stdout).toContain(`✓ ${check}`);
    }
  });

  it("a changed input case: the input hash differs and the case is named, with its amounts old → new", async () => {
    await cli(["compute", "cases.json", "--out", "base.json"]);
    type Item = { quantity: string; survey: { quantity: string } };
    const changed = structuredClone(sampleCases) as { id: string; items: Item[] }[];
    const first = changed[0] as { id: string; items: Item[] };
    const item = first.items[0] as Item;
    item.quantity = "999";
    item.survey.quantity = "999";
    writeFileSync(at("changed.json"), JSON.stringify(changed));
    const result = await cli(["verify-receipt", "base.json", "--cases", "changed.json", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: { check: string; ok: boolean; changed?: string[]; differences?: { caseId?: string; field: string }[] }[];
    };
    expect(report.ok).toBe(false);
    const input = report.checks.find((check) => check.check === "input");
    expect(input).toMatchObject({ ok: false, changed: [first.id], added: [], removed: [] });
    const amounts = report.checks.find((check) => check.check === "amounts");
    expect(
      amounts?.differences?.filter((one) => one.caseId !== undefined).map((one) => `${one.caseId} ${one.field}`),
    ).toContain(`${first.id} amounts.district`);
    expect(report.checks.find((check) => check.check === "rules")?.ok).toBe(true);
  });

  it("a changed rule-set value: the rule set's hash is named (same id and version), and the amounts it moves", async () => {
    const rules = JSON.parse((await cli(["rules", "--format", "json"])).stdout) as {
      id: string;
      parameters: { [name: string]: { values: { value: unknown }[] } };
    };
    rules.id = "my-district";
    writeFileSync(at("rules-a.json"), JSON.stringify(rules));
    await cli(["compute", "cases.json", "--rules", "rules-a.json", "--out", "under-a.json"]);
    const rates = rules.parameters["clearance.rates"]?.values.at(-1) as { value: { [type: string]: { rate: string } } };
    (rates.value["steel-frame"] as { rate: string }).rate = "36";
    writeFileSync(at("rules-b.json"), JSON.stringify(rules));
    const result = await cli(["verify-receipt", "under-a.json", "--cases", "cases.json", "--rules", "rules-b.json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ rules: written my-district v1 sha256:[0-9a-f]{64} ≠ recomputed my-district v1/m);
    expect(result.stdout).toMatch(/^ {4}ruleSet\.sha256: [0-9a-f]{64} → [0-9a-f]{64}$/m);
    expect(result.stdout).not.toMatch(/ruleSet\.id:/);
    expect(result.stdout).toContain("✓ input");
    expect(result.stdout).toMatch(/^✗ amounts/m);
  });

  it("a changed amount in the document: the case, the field and old → new; the receipt itself still matches", async () => {
    const document = JSON.parse((await cli(["compute", "cases.json"])).stdout) as {
      results: { id: string; amounts: { district: string } }[];
    };
    const target = document.results[2] as { id: string; amounts: { district: string } };
    const was = target.amounts.district;
    target.amounts.district = "1.00";
    writeFileSync(at("edited.json"), JSON.stringify(document));
    const result = await cli(["verify-receipt", "edited.json", "--cases", "cases.json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`    ${target.id} amounts.district: 1.00 → ${was}`);
    expect(result.stdout).toContain("✓ input");
    expect(result.stdout).toContain("✓ rules");
  });

  it("a changed amount printed in a workbook's 结果 sheet is named too", async () => {
    await cli(["compute", "cases.json", "--format", "xlsx", "--out", "edit.xlsx"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at("edit.xlsx"));
    const sheet = workbook.getWorksheet("结果");
    // The first case is on row 5: a title, the basis, a notice and the header row (4) above it.
    const id = String(sheet?.getCell(5, 1).value);
    sheet!.getCell(5, 9).value = 1;
    await workbook.xlsx.writeFile(at("edit.xlsx"));
    const result = await cli(["verify-receipt", "edit.xlsx", "--cases", "cases.json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^ {4}${id} amounts\\.total: 1 → `, "m"));
  });

  it("workbook footers read back carry the short receipt; the 回执 sheet the whole one", async () => {
    const receipt = receiptOfJson((await cli(["compute", "cases.json"])).stdout);
    await cli(["compute", "cases.json", "--format", "xlsx", "--out", "signed.xlsx"]);
    await cli(["verify", "cases.json", "--format", "xlsx", "--out", "signed-verify.xlsx"]);
    for (const file of ["signed.xlsx", "signed-verify.xlsx"]) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(at(file));
      expect(workbook.worksheets.length).toBeGreaterThan(1);
      for (const sheet of workbook.worksheets)
        expect(sheet.headerFooter.oddFooter, `${file} › ${sheet.name}`).toContain(shortReceipt(receipt));
      const values = new Map<string, string>();
      workbook
        .getWorksheet(RECEIPT_SHEET)
        ?.eachRow((row) => values.set(String(row.getCell(1).value), String(row.getCell(2).value)));
      expect(values.get("规则集 SHA-256")).toBe(receipt.ruleSet.sha256);
      expect(values.get("输入 SHA-256")).toBe(receipt.input.sha256);
      expect(values.get("软件版本（exitfund）")).toBe(receipt.exitfund);
    }
    expect(shortReceipt(receipt)).toBe(
      `exitfund ${receipt.exitfund} · tongzhou-2016 v1 · 规则 sha256:${receipt.ruleSet.sha256.slice(0, 16)}… · 输入 sha256:${receipt.input.sha256.slice(0, 16)}…`,
    );
  });

  it("--lang zh: the report and the help in Chinese; --format json keeps its English codes", async () => {
    await cli(["compute", "cases.json", "--out", "zh.json"]);
    const same = await cli(["verify-receipt", "zh.json", "--cases", "cases.json", "--lang", "zh"]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^✓ 规则集：`tongzhou-2016 v\S+ sha256:[0-9a-f]{64}` — 一致$/m);
    expect(same.stdout).toMatch(/^✓ 金额：\d+ 个案件、\d+ 项合计 — 一致$/m);
    expect(same.stdout.trimEnd().split("\n").at(-1)).toBe("回执核对一致：规则集、方案、输入与金额均与重算相符");
    const document = JSON.parse(readFileSync(at("zh.json"), "utf8")) as { results: { amounts: { total: string } }[] };
    (document.results[0] as { amounts: { total: string } }).amounts.total = "2.00";
    writeFileSync(at("zh-edited.json"), JSON.stringify(document));
    const edited = await cli(["verify-receipt", "zh-edited.json", "--cases", "cases.json", "--lang", "zh"]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/^✗ 金额：写出时为 \d+ 个案件、\d+ 项合计，重算为 \d+ 个案件、\d+ 项合计$/m);
    expect(edited.stdout.trimEnd().split("\n").at(-1)).toBe("回执核对不一致：1 项不符");
    const json = await cli([
      "verify-receipt",
      "zh-edited.json",
      "--cases",
      "cases.json",
      "--lang",
      "zh",
      "--format",
      "json",
    ]);
    const report = JSON.parse(json.stdout) as { checks: { check: string; written: string }[] };
    expect(report.checks.map((check) => check.check)).toEqual(["rules", "programme", "input", "amounts", "exitfund"]);
    expect(report.checks[3]?.written).toMatch(/^\d+ cases, \d+ totals$/);
    const help = await cli(["verify-receipt", "--help", "--lang", "zh"]);
    expect(help.stdout).toMatch(/^用法：exitfund verify-receipt <结果> --cases <文件>/);
    expect((await cli(["help", "verify-receipt"])).stdout).toMatch(/^Usage: exitfund verify-receipt <result>/);
  });

  it("bad arguments exit 2: no result, no --cases, a result without a receipt, a bad --format", async () => {
    expect((await cli(["verify-receipt"])).code).toBe(2);
    expect((await cli(["verify-receipt", "base.json"])).code).toBe(2);
    expect((await cli(["verify-receipt", "base.json", "--cases", "cases.json", "--format", "xml"])).code).toBe(2);
    const none = await cli(["verify-receipt", "cases.json", "--cases", "cases.json"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("has no receipt");
  });
});

const hasPython = spawnSync("python3", ["--version"]).status === 0;

describe.skipIf(!hasPython)("docs/auditors.md: the python3 one-liners recompute the receipt's hashes", () => {
  it("the rule set's and the input's sha256", async () => {
    const guide = readFileSync(join(import.meta.dirname, "../../docs/auditors.md"), "utf8");
    const recipe = /<!-- receipt-recipe -->\n```sh\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(recipe, "docs/auditors.md has the receipt recipe").toBeDefined();
    const receipt = receiptOfJson((await cli(["compute", "cases.json"])).stdout);
    writeFileSync(at("tongzhou-2016.json"), (await cli(["rules", "--format", "json"])).stdout);
    const lines = (recipe ?? "")
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("python3"));
    expect(lines).toHaveLength(2);
    const run = (line: string) => execFileSync("bash", ["-c", line], { cwd: folder, encoding: "utf8" }).trim();
    expect(run(lines[0] ?? "")).toBe(receipt.ruleSet.sha256);
    expect(run(lines[1] ?? "")).toBe(receipt.input.sha256);
  });
});
