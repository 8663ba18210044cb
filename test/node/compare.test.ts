import { describe, expect, it } from "vitest";
import { COMPARE_HELP, runCompare } from "../../src/node/commands/compare.js";
import { RULES_DIFF_HELP, runRulesDiff } from "../../src/node/commands/rules-diff.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { fakeIo, tempFiles } from "../audit/support.js";
import { clearanceCase, enterpriseCase } from "../fixtures/cases.js";

const CASES = [enterpriseCase, { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" }, clearanceCase];
const rates = defaultRuleSet.toJSON().parameters["clearance.rates"];
const raised = {
  id: "rates-plus-10",
  version: "1",
  title: "what-if: clearance rates +10%",
  validFrom: "2016-01-01",
  extends: "tongzhou-2016",
  sources: [],
  parameters: {
    "clearance.rates": {
      ...rates,
      note: "what-if: every rate +10%",
      values: [
        {
          from: "2016-01-01",
          value: Object.fromEntries(
            Object.entries(rates?.values[0]?.value as { [type: string]: { unit: string; rate: string } }).map(
              ([type, cell]) => [type, { ...cell, rate: ((BigInt(cell.rate) * 11n) / 10n).toString() }],
            ),
          ),
        },
      ],
    },
  },
};
const folder = tempFiles({
  "cases.json": CASES,
  "raised.json": raised,
  "broken.json": { ...raised, rounding: { scale: -1, mode: "up" } },
});

async function run(command: typeof runCompare, args: readonly string[], tty = false) {
  const capture = fakeIo({ cwd: folder, tty });
  const code = await command(args, capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe("exitfund compare", () => {
  it("clearance rates +10%: C-1 9,220.00 → 10,142.00 (+922.00), attributed to clearance.rates", async () => {
    const result = await run(runCompare, ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.cases[2]).toMatchObject({
      caseId: "C-1",
      a: { total: "9220.00" },
      b: { total: "10142.00" },
      delta: { district: "922.00", total: "922.00" },
    });
    expect(document.attribution.order).toEqual(["clearance.rates"]);
    expect(document.attribution.steps[0].part.total).toBe("922.00");
    expect(document.totals.byTownship["张家湾镇"].delta.total).toBe("922.00");
  });

  it("--format table: changed cases, totals and the attribution", async () => {
    const result = await run(runCompare, ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json"], true);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+922.00");
    expect(result.stdout).toContain("Attribution (order: clearance.rates)");
    expect(result.stdout).toContain("(2 cases unchanged, not shown)");
  });

  it.each([
    { name: "no --against", args: ["cases.json", "--rules", "tongzhou-2016"], message: "--against" },
    {
      name: "a format it does not write",
      args: ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json", "--format", "xlsx"],
      message: "--format",
    },
    {
      name: "an invalid rule set",
      args: ["cases.json", "--rules", "tongzhou-2016", "--against", "broken.json"],
      message: "rounding",
    },
    {
      name: "--order naming a parameter that does not differ",
      args: ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json", "--order", "village.perMu"],
      message: "order[0]",
    },
  ])("usage: $name → exit 2", async ({ args, message }) => {
    const result = await run(runCompare, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--order clearance.rates: the attribution in the order chosen", async () => {
    const args = ["cases.json", "--rules", "tongzhou-2016", "--against", "raised.json", "--order", "clearance.rates"];
    const document = JSON.parse((await run(runCompare, args)).stdout);
    expect(document.attribution.order).toEqual(["clearance.rates"]);
    expect(document.attribution.note).toContain("order chosen");
  });

  it("--help", async () => {
    expect((await run(runCompare, ["--help"])).stdout).toBe(`${COMPARE_HELP}\n`);
  });
});

describe("exitfund rules diff", () => {
  it("JSON: the parameter and each rate that differs", async () => {
    const result = await run(runRulesDiff, ["tongzhou-2016", "raised.json"]);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff).toMatchObject({ a: { id: "tongzhou-2016" }, b: { id: "rates-plus-10" }, identical: false });
    expect(diff.parameters.map((p: { name: string }) => p.name)).toEqual(["clearance.rates"]);
    expect(diff.parameters[0].fields).toEqual([{ field: "note", a: rates?.note, b: "what-if: every rate +10%" }]);
    expect(diff.parameters[0].values[0].fields).toEqual(["value"]);
  });

  it("table: one line per difference", async () => {
    const result = await run(runRulesDiff, ["tongzhou-2016", "raised.json", "--format", "table"]);
    expect(result.stdout).toContain("clearance.rates");
    expect(result.stdout).toMatch(/2016-01-01 │ changed │ value\.brick-concrete\s*│ 60 per m2\s*│ 66 per m2/);
  });

  it("identical rule sets", async () => {
    const result = await run(runRulesDiff, ["tongzhou-2016", "tongzhou-2016", "--format", "table"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("identical");
  });

  it.each([
    { name: "one rule set only", args: ["tongzhou-2016"], message: "two rule sets" },
    { name: "a missing file", args: ["tongzhou-2016", "nope.json"], message: "nope.json" },
  ])("usage: $name → exit 2", async ({ args, message }) => {
    const result = await run(runRulesDiff, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--help", async () => {
    expect((await run(runRulesDiff, ["--help"])).stdout).toBe(`${RULES_DIFF_HELP}\n`);
  });
});
