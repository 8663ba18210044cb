import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAuditInput, auditOutcomes } from "../../../src/audit/audit.js";
import { computeBatch } from "../../../src/batch/compute.js";
import { auditWorkbookBytes } from "../../../src/node/xlsx/auditReport.js";
import { verificationWorkbookBytes } from "../../../src/node/xlsx/verifySheet.js";
import { shortReceipt } from "../../../src/node/xlsx/receiptSheet.js";
import { clearanceCase, enterpriseCase } from "../../fixtures/cases.js";
import { FIXED_RATES } from "../../support/fixedRates.js";

/**
 * The printed pages, as LibreOffice prints them (CI installs it, .ci/run): the 核定表 of examples/verify and an
 * audit workbook converted to PDF, their page counts, each page's header and `第 N 页 共 M 页`, and the sign-off
 * and working-paper fields on the pages. Fonts as Windows names them map to the installed CJK and metric-twin
 * faces through test/support/fonts.conf. Without soffice (a developer's machine) the check is skipped, never in CI.
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const soffice = hasSoffice();
const folder = mkdtempSync(join(tmpdir(), "exitfund-render-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI === "true") throw new Error("CI: LibreOffice (soffice) is not installed");
    return false;
  }
}

/** Converts a workbook to PDF; returns each page's text. */
function pages(name: string, bytes: Uint8Array): string[] {
  const xlsx = join(folder, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  const env = { ...process.env, FONTCONFIG_FILE: join(ROOT, "test/support/fonts.conf") };
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(folder, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      folder,
      xlsx,
    ],
    { env, stdio: "ignore", timeout: 180_000 },
  );
  const text = execFileSync("pdftotext", ["-layout", join(folder, `${name}.pdf`), "-"], { encoding: "utf8" });
  // pdftotext drops the spaces between CJK characters: compare the pages without spaces.
  return text
    .split("\f")
    .filter((page) => page.trim() !== "")
    .map((page) => page.replace(/[ \u3000]+/g, ""));
}

describe.skipIf(!soffice)("printed pages (LibreOffice)", () => {
  it("the 核定表: the 汇总 and one page per declaration, each with its header, page number and sign-off", async () => {
    const declarations = (
      JSON.parse(readFileSync(join(ROOT, "examples/verify/declarations.json"), "utf8")) as { cases: unknown[] }
    ).cases;
    const document = computeBatch(declarations);
    const all = pages("verify", await verificationWorkbookBytes(document));
    expect(all).toHaveLength(2 + document.results.length);
    // Every page's footer prints the receipt in short; the last page is the 回执 sheet.
    const short = shortReceipt(document.receipt).replace(/[ \u3000]+/g, "");
    all.forEach((page) => expect(page).toContain(short));
    expect(all.at(-1)).toContain(document.receipt.input.sha256);
    const printed = all.slice(0, -1);
    printed.forEach((page, index) => {
      expect(page).toContain(`第${index + 1}页共${all.length}页`);
      for (const label of [
        "申报单位（盖章）",
        "核定单位（盖章）",
        "核定人（签字）",
        "复核人（签字）",
        "负责人（签字）",
      ])
        expect(page).toContain(label);
      expect(page).not.toMatch(/\b(?:illustrative|declared|approved|total)\b/);
    });
    expect(printed[0]).toContain("腾地经费核定汇总表");
    document.results.forEach((outcome, index) => expect(printed[index + 1]).toContain(`申报编号：${outcome.id}`));
  }, 240_000);

  it("the audit working papers: each sheet's heading, header row and page number", async () => {
    const cases = [enterpriseCase, { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" }, clearanceCase];
    const ledger = [
      { caseId: "E-1", payer: "municipal", amount: "800000.00", paidOn: "2016-12-20", voucher: "V1" },
      { caseId: "C-1", payer: "district", amount: "9220.00", paidOn: "2016-12-28", voucher: "V4" },
    ];
    const input = {
      ...parseAuditInput(cases, ledger, { ruleSet: FIXED_RATES }),
      ledgerPlaces: [{ row: 2 }, { row: 3 }],
    };
    const document = auditOutcomes(input);
    const traced = computeBatch(cases, { ruleSet: FIXED_RATES }).results;
    const all = pages("audit", await auditWorkbookBytes(document, traced, FIXED_RATES.rounding));
    const short = shortReceipt(document.receipt).replace(/[ \u3000]+/g, "");
    all.forEach((page) => expect(page).toContain(short));
    expect(all.at(-1)).toContain(document.receipt.ruleSet.sha256);
    const printed = all.slice(0, -1);
    expect(printed.length).toBeGreaterThanOrEqual(3);
    expect(printed.length).toBeLessThanOrEqual(8);
    printed.forEach((page, index) => {
      expect(page).toContain(`第${index + 1}页共${all.length}页`);
      expect(page).toContain("产业调整退出资金审计工作底稿");
      expect(page).not.toMatch(/\b(?:municipal|district|discrepant|underpaid|undefined|null)\b/);
    });
    for (const label of ["被审计事项：", "索引号：", "编制人：", "复核人：", "日期："])
      expect(printed[0]).toContain(label);
    expect(printed[0]).toContain("差异合计");
    expect(printed.some((page) => page.includes("总计（全部案件及台账行）"))).toBe(true);
    expect(printed.some((page) => page.includes("计算项目"))).toBe(true);
  }, 240_000);
});
