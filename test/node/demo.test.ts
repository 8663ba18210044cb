import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HELP, runDemo } from "../../src/node/commands/demo.js";
import type { CliIo } from "../../src/node/io.js";

/** Runs `exitfund demo` in-process with buffers; `cwd` is a temporary folder, so the sample must be found from the module. */
async function demo(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const decoder = new TextDecoder();
  const io: CliIo = {
    stdout: { write: (chunk) => out.push(typeof chunk === "string" ? chunk : decoder.decode(chunk)), isTTY: false },
    stderr: { write: (chunk) => err.push(chunk), isTTY: false },
    stdin: (async function* () {})(),
    cwd,
  };
  const code = await runDemo(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("exitfund demo", () => {
  const cwd = mkdtempSync(join(tmpdir(), "exitfund-demo-"));
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    result = await demo(["--out-dir", "demo-out", "--xlsx"], cwd);
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("exits 0 and says the data are synthetic and the illustrative values placeholders", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("SYNTHETIC");
    expect(result.stdout).toMatch(/\d+ of \d+ parameters are illustrative/);
    expect(result.stdout).toContain("placeholders, not official figures");
  });

  it("prints the totals by township and payer, in yuan and 万元, and the grand total in 大写", () => {
    const results = JSON.parse(readFileSync(join(cwd, "demo-out", "results.json"), "utf8"));
    for (const township of ["张家湾镇", "宋庄镇", "潞城镇", "永顺镇"]) expect(result.stdout).toMatch(new RegExp(`${township}\\s+│`));
    expect(result.stdout).toContain("市级 municipal");
    expect(result.stdout).toContain("区级 district");
    const total = Number(results.totals.total).toLocaleString("en", { minimumFractionDigits: 2 });
    expect(result.stdout).toContain(`Grand total 总计: ¥${total}`);
    expect(result.stdout).toMatch(/万元\)/);
    expect(result.stdout).toMatch(/大写: 人民币[壹贰叁肆伍陆柒捌玖拾佰仟万亿零元角分整]+\n/);
  });

  it("prints the verification summary: declarations, items, findings by code, declared vs approved", () => {
    expect(result.stdout).toMatch(/300 declarations, 1\d,\d{3} items; [\d,]+ items with findings/);
    for (const code of ["type-mismatch", "quantity-exceeds-survey", "built-after-cutoff", "unsurveyed", "declared-amount-mismatch"]) expect(result.stdout).toContain(code);
    expect(result.stdout).toContain("申报 declared");
    expect(result.stdout).toContain("核定 approved");
    expect(result.stdout).toContain("核定金额大写: 人民币");
  });

  it("prints the audit summary: every discrepancy type and the totals owed, paid and the difference", () => {
    for (const type of ["underpaid", "overpaid", "unpaid", "paid-not-owed", "duplicate-payment", "wrong-payer", "unknown-case"]) expect(result.stdout).toMatch(new RegExp(`│ ${type}\\s`));
    expect(result.stdout).toMatch(/Owed [\d,.]+ · paid [\d,.]+ · difference \(paid − owed\) -?[\d,.]+/);
  });

  it("writes results.json, verification.json, audit.json and verification.xlsx under --out-dir and says where", () => {
    const dir = join(cwd, "demo-out");
    const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8"));
    expect(results.ruleSet).toEqual({ id: "tongzhou-2016", version: "1" });
    expect(results.errors).toEqual([]);
    expect(results.results.length).toBeGreaterThan(3000);
    expect(results.results[0].trace).toBeUndefined();
    const verification = JSON.parse(readFileSync(join(dir, "verification.json"), "utf8"));
    expect(new Set(verification.results.map((o: { kind: string }) => o.kind))).toEqual(new Set(["structure-clearance"]));
    const audit = JSON.parse(readFileSync(join(dir, "audit.json"), "utf8"));
    expect(audit.discrepancies.length).toBeGreaterThan(0);
    expect(audit.totals).toEqual({ owed: results.totals.total, paid: expect.any(String), difference: expect.any(String) });
    expect(readFileSync(join(dir, "verification.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
    for (const name of ["results.json", "verification.json", "audit.json", "verification.xlsx"]) expect(result.stdout).toContain(join("demo-out", name));
  });

  it("writes no workbook without --xlsx, and out/ is the default folder", async () => {
    const other = mkdtempSync(join(tmpdir(), "exitfund-demo-"));
    try {
      const plain = await demo([], other);
      expect(plain.code).toBe(0);
      expect(existsSync(join(other, "out", "results.json"))).toBe(true);
      expect(existsSync(join(other, "out", "verification.xlsx"))).toBe(false);
      expect(plain.stdout).toContain("add --xlsx");
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("--help prints the usage and exits 0; a file argument is a usage error", async () => {
    const help = await demo(["--help"], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${DEMO_HELP}\n`);
    await expect(demo(["cases.json"], cwd)).rejects.toThrow(/takes no file arguments/);
  });
});
