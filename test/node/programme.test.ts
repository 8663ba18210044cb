// `--programme <module>`: a district's programme run by the CLI, in-process and as the published bin would run it —
// from dist/ (one build), and from the sources through tsx while the programme imports the built package (two
// copies of exitfund in one process: nothing may depend on object identity across them).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { TEMPLATE_EXAMPLES } from "../../src/node/formats/template.js";
import { runCliCapture } from "../support/cli.js";

const root = resolve(import.meta.dirname, "../..");
const folder = "examples/changping-2015";
const withProgramme = ["--rules", `${folder}/rules.json`, "--programme", `${folder}/programme.mjs`];
const acceptance = ["compute", `${folder}/cases.json`, ...withProgramme];

interface Document {
  readonly results: readonly {
    readonly id: string;
    readonly amounts: { readonly district: string };
    readonly trace?: readonly { readonly rule: string; readonly value: unknown }[];
  }[];
  readonly totals: { readonly district: string };
}

function bonusSteps(document: Document): string[] {
  return document.results.flatMap((outcome) =>
    (outcome.trace ?? [])
      .filter((step) => step.rule.startsWith("changping."))
      .map((step) => `${outcome.id} ${step.rule} ${String(step.value)}`),
  );
}

describe("exitfund --programme", () => {
  it("compute prints the bonuses with their traces (the acceptance command, in-process)", async () => {
    const result = await runCliCapture([...acceptance, "--format", "json", "--explain"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as Document;
    expect(bonusSteps(document)).toEqual([
      "CP-2016-001 changping.earlyExitBonus 50000.00",
      "CP-2016-001 changping.vacatingBonus 20000.00",
      "CP-2016-002 changping.earlyExitBonus 42000.00",
      "CP-2016-002 changping.vacatingBonus 0.00",
      "CP-2016-003 changping.earlyExitBonus 0.00",
      "CP-2016-003 changping.vacatingBonus 40000.00",
      "CP-2016-004 changping.earlyExitBonus 0.00",
      "CP-2016-004 changping.vacatingBonus 0.00",
    ]);
    expect(document.totals.district).toBe("1240000.00");
  });

  it("compute --format table --explain --lang zh explains each bonus in Chinese", async () => {
    const result = await runCliCapture([...acceptance, "--format", "table", "--explain", "--lang", "zh"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("提前退出奖励 (changping.earlyExitBonus) = 50000.00");
    expect(result.stdout).toContain("按时腾退占用土地，按奖励总额1,000,000.00元的2%给予奖励20,000.00元");
  });

  it.each([
    ["the built bin (dist/node/cli.js)", [join(root, "dist/node/cli.js")]],
    [
      "the sources through tsx, the programme importing the built package",
      ["--import", "tsx", join(root, "src/node/cli.ts")],
    ],
  ])("%s computes the same document", async (_name, command) => {
    const inProcess = await runCliCapture([...acceptance, "--format", "json", "--explain"]);
    const ran = spawnSync(process.execPath, [...command, ...acceptance, "--format", "json", "--explain"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual(JSON.parse(inProcess.stdout));
  });

  it("a rule set for another programme is refused with what it lacks, before anything is computed", async () => {
    const result = await runCliCapture(["compute", `${folder}/cases.json`, "--programme", `${folder}/programme.mjs`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('parameters["changping.earlyExitBonusRate"]');
    expect(result.stdout).toBe("");
  });

  it("a module that cannot be read, or exports no programme, is a usage error (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exitfund-programme-"));
    writeFileSync(join(dir, "none.mjs"), "export const nothing = 1;\n");
    const missing = await runCliCapture(["compute", `${folder}/cases.json`, "--programme", "nope.mjs"]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("cannot read the programme")]);
    const none = await runCliCapture(["rules", "--programme", join(dir, "none.mjs")]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining("exports no programme")]);
  });

  it("a programme whose own rule throws: exit 2 naming the module and the error, never 70 (a bug in exitfund)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exitfund-programme-"));
    const rules = pathToFileURL(join(root, "dist/rules/index.js")).href;
    writeFileSync(
      join(dir, "throws.mjs"),
      `import { chain, domains, extendDomain, programme } from ${JSON.stringify(rules)};
const exit = extendDomain(domains.enterpriseExit, {
  payment: (inner) => (facts, ctx) => chain(inner(facts, ctx), (paid) => paid.nope.plus(1)),
});
export default programme({ id: "throws" }, exit, domains.structureClearance, domains.villageCompensation, domains.townshipTransfer);
`,
    );
    const result = await runCliCapture([
      "compute",
      "examples/tongzhou-2016/enterprises.json",
      "--programme",
      join(dir, "throws.mjs"),
      "--lang",
      "en",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the programme "${join(dir, "throws.mjs")}" failed while it computed: TypeError:`);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stdout).toBe("");
  });

  it("rules --format md lists the extension's rules with their citations; schema and template have its field", async () => {
    const md = await runCliCapture(["rules", "--format", "md", ...withProgramme]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| `changping.earlyExitBonus` | 提前退出奖励 early-exit bonus | S11 · 昌平 2015 (S11)");
    expect(md.stdout).toContain("`changping.earlyExitBonusRate`");
    const schema = await runCliCapture(["schema", "enterprise-exit", "--programme", `${folder}/programme.mjs`]);
    expect(JSON.parse(schema.stdout).properties.vacatedLandOnTime).toMatchObject({ type: "boolean" });
    const template = await runCliCapture(["template", "enterprise-exit", ...withProgramme]);
    expect(template.stdout.split("\n")[0]).toContain("vacatedLandOnTime / 按时腾退占用土地");
  });

  it("a filled template with the new column reads back and computes with the bonus", async () => {
    const template = await runCliCapture(["template", "enterprise-exit", ...withProgramme]);
    const [header = "", example = ""] = template.stdout.split("\n");
    const dir = mkdtempSync(join(tmpdir(), "exitfund-programme-"));
    // The template's example row is flagged 示例 in its first column and by its id (示例-E-2016-0001): the flag
    // cleared and the id replaced, it is a case like any other.
    const kept = example
      .replace(/^[^,]*,/, ",")
      .replace(`,${String(TEMPLATE_EXAMPLES["enterprise-exit"].id)},`, ",E-1,");
    writeFileSync(join(dir, "filled.csv"), `${header}\n${kept}TRUE\n`);
    const result = await runCliCapture([
      "compute",
      join(dir, "filled.csv"),
      ...withProgramme,
      "--format",
      "json",
      "--explain",
    ]);
    expect(result.code).toBe(0);
    const [outcome] = (JSON.parse(result.stdout) as Document).results;
    expect(outcome?.trace?.find((step) => step.rule === "changping.vacatingBonus")?.value).not.toBe("0.00");
  });

  it("budget, audit and compare take it too", async () => {
    const budget = await runCliCapture([
      "budget",
      `${folder}/cases.json`,
      ...withProgramme,
      "--by",
      "payer",
      "--format",
      "json",
    ]);
    expect(JSON.parse(budget.stdout).groups).toEqual([
      { key: { payer: "municipal" }, amount: "3800000.00" },
      { key: { payer: "district" }, amount: "1240000.00" },
    ]);
    const dir = mkdtempSync(join(tmpdir(), "exitfund-programme-"));
    writeFileSync(
      join(dir, "ledger.json"),
      JSON.stringify([{ caseId: "CP-2016-001", payer: "municipal", amount: "1000000", paidOn: "2016-12-30" }]),
    );
    const audit = await runCliCapture([
      "audit",
      `${folder}/cases.json`,
      "--ledger",
      join(dir, "ledger.json"),
      ...withProgramme,
      "--format",
      "json",
    ]);
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).discrepancies[0]).toMatchObject({
      caseId: "CP-2016-001",
      payer: "district",
      owed: "70000.00",
    });
    const same = await runCliCapture([
      "compare",
      `${folder}/cases.json`,
      "--rules",
      `${folder}/rules.json`,
      "--against",
      `${folder}/rules.json`,
      "--programme",
      `${folder}/programme.mjs`,
      "--format",
      "json",
    ]);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).totals.delta.total).toBe("0.00");
  });
});
