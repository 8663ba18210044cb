import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runAudit } from "../../src/node/commands/audit.js";
import { runCompute } from "../../src/node/commands/compute.js";
import { fakeIo } from "../audit/support.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const CASES = "examples/tongzhou-2016/cases.json";
const LEDGER = "examples/tongzhou-2016/ledger.json";

// `--lang` is taken by runCli before the command runs: here it is set on the io, as runCli sets it.
async function run(command: typeof runCompute, args: readonly string[]) {
  const capture = fakeIo({ cwd: root, tty: false });
  const at = args.indexOf("--lang");
  const lang = at === -1 ? undefined : (args[at + 1] as "zh" | "en");
  const rest = at === -1 ? args : [...args.slice(0, at), ...args.slice(at + 2)];
  const code = await command(rest, lang === undefined ? capture.io : { ...capture.io, lang });
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe("--case and audit --explain", () => {
  it("compute --case explains just the cases named, in the table", async () => {
    const result = await run(runCompute, [
      CASES,
      "--case",
      "E-2016-0009",
      "--case",
      "V-0001",
      "--lang",
      "zh",
      "--format",
      "table",
    ]);
    expect(result.code).toBe(0);
    const headers = result.stdout.split("\n").filter((line) => / · .* · 规则集 /.test(line));
    expect(headers.map((line) => line.split(" · ")[0])).toEqual(["E-2016-0009", "V-0001"]);
    expect(result.stdout).toContain("节能量 291.8 吨标准煤 × 1,200 元/吨标准煤");
  });

  it("compute --case with json keeps every result and the traces of the cases named only", async () => {
    const result = await run(runCompute, [CASES, "--case", "C-0001", "--format", "json"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { results: { id: string; trace: unknown[] }[] };
    const traced = document.results.filter((outcome) => outcome.trace.length > 0).map((outcome) => outcome.id);
    expect(traced).toEqual(["C-0001"]);
  });

  it("an unknown --case id is a usage error naming it, with the closest ids", async () => {
    const failed = run(runCompute, [CASES, "--case", "0009", "--case", "E-2016-9999x", "--format", "table"]);
    await expect(failed).rejects.toMatchObject({
      name: "UsageError",
      message: expect.stringContaining('"0009" (did you mean "E-2016-0009"'),
    });
    await expect(failed).rejects.toMatchObject({ message: expect.stringContaining('"E-2016-9999x"') });
  });

  it("audit --explain states each discrepancy in words, then its case's explanation", async () => {
    const result = await run(runAudit, [CASES, "--ledger", LEDGER, "--format", "table", "--explain", "--lang", "zh"]);
    expect(result.code).toBe(1);
    const text = result.stdout;
    const explained = text.slice(text.indexOf("说明（每个差异所涉案件的计算）"));
    expect(explained).toContain(
      "差异 1：E-2016-0170 区级资金 少付：应付 135,481.92 元，已付 81,289.00 元，差额（已付 − 应付）-54,192.92 元",
    );
    // The discrepancy comes before its case's explanation.
    expect(explained.indexOf("差异 1：E-2016-0170")).toBeLessThan(explained.indexOf("E-2016-0170 · 企业调整退出奖励"));
    expect(explained).toContain("台账中的案件编号不在案件文件中");
  });

  it("audit --case explains just that case; json carries the explanations", async () => {
    const result = await run(runAudit, [CASES, "--ledger", LEDGER, "--format", "json", "--case", "C-0179"]);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as {
      discrepancies: { caseId: string }[];
      explanations: { caseId: string; discrepancies: number[]; text: string }[];
    };
    expect(document.explanations.map((entry) => entry.caseId)).toEqual(["C-0179"]);
    const [entry] = document.explanations;
    expect(entry?.discrepancies.map((index) => document.discrepancies[index]?.caseId)).toEqual(["C-0179"]);
    expect(entry?.text).toContain("C-0179 · ");
  });
});
