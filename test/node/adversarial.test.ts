// The adversarial suite through the CLI (issue 10): corrupted files of every text format give exit 2 with every
// problem listed by case and field — never 70, the internal error — and prototype names are ordinary names.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { runCliCapture } from "../support/cli.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exitfund-adversarial-"));
});

/** `{"a":{"a":…"1"…}}`, `depth` deep, written as text (JSON.stringify would recurse). */
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}"1"${"}".repeat(depth)}`;

/** [file name, contents, a path the problems must name] */
const CORRUPTED: readonly [string, string, string][] = [
  [
    "wrong-types.json",
    JSON.stringify([{ ...enterpriseCase, employees: "forty", licensed: "yes" }]),
    "entry 1 › employees",
  ],
  ["digits-70.json", JSON.stringify([{ ...enterpriseCase, landAreaM2: "9".repeat(70) }]), "entry 1 › landAreaM2"],
  ["digits-40.json", JSON.stringify([{ ...villageCase, landAreaMu: `1.${"1".repeat(40)}` }]), "entry 1 › landAreaMu"],
  ["bad-date.json", JSON.stringify([{ ...clearanceCase, declaredOn: "2016-02-30" }]), "entry 1 › declaredOn"],
  ["missing.json", JSON.stringify([{ ...transferCase, priorYearRevenue: undefined }]), "entry 1 › priorYearRevenue"],
  ["unknown-proto.json", `[${JSON.stringify(enterpriseCase).slice(0, -1)},"__proto__":{"x":1}}]`, "entry 1"],
  ["constructor-type.json", JSON.stringify([ctorClearance("constructor")]), "entry 1 › items[0].structureType"],
  ["proto-type.json", JSON.stringify([ctorClearance("__proto__")]), "entry 1 › items[0].structureType"],
  [
    "deep.json",
    `[${JSON.stringify(enterpriseCase).slice(0, -1)},"municipalAssessedAmount":${nested(5000)}}]`,
    "entry 1 › municipalAssessedAmount",
  ],
  [
    "huge.json",
    JSON.stringify([{ ...clearanceCase, items: Array.from({ length: 3000 }, () => "1") }]),
    "entry 1 › items",
  ],
  [
    "lines.ndjson",
    `${JSON.stringify({ ...enterpriseCase, exitMode: "valueOf" })}\n${JSON.stringify({ ...villageCase, zoneType: "toString" })}\n`,
    "zoneType",
  ],
];

function ctorClearance(type: string) {
  return {
    ...clearanceCase,
    items: [{ id: "1", structureType: type, quantity: "1", survey: { structureType: type, quantity: "1" } }],
  };
}

describe("corrupted files through the CLI: exit 2 with the problems listed, never 70", () => {
  it.each(CORRUPTED)("%s", async (name, text, path) => {
    const file = join(dir, name);
    await writeFile(file, text);
    for (const command of [
      ["compute", file],
      ["budget", file],
      ["audit", file, "--ledger", file],
    ]) {
      const result = await runCliCapture(command);
      expect(result.code, `${command.join(" ")}: ${result.stderr}`).toBe(2);
      expect(result.stderr).not.toMatch(/internal error/);
      if (command[0] === "compute") expect(result.stderr).toContain(path);
    }
  });

  it("a CSV whose townships are prototype names computes each as a township, and a 40-digit amount is refused", async () => {
    const csv = join(dir, "proto.csv");
    const rows = ["__proto__", "constructor", "toString"].map((township, index) =>
      ["village-compensation", `V-${index}`, township, "示例村", "industrial-compound", "2016-10-01", "10"].join(","),
    );
    await writeFile(csv, `kind,id,township,village,zoneType,clearedOn,landAreaMu\n${rows.join("\n")}\n`);
    const result = await runCliCapture(["compute", csv, "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const totals = (JSON.parse(result.stdout) as { totals: { byTownship: object } }).totals;
    expect(Object.keys(totals.byTownship)).toEqual(["__proto__", "constructor", "toString"]);
    await writeFile(
      csv,
      `kind,id,township,village,zoneType,clearedOn,landAreaMu\n${rows[0]?.replace(/,10$/, `,${"1".repeat(40)}`)}\n`,
    );
    const refused = await runCliCapture(["compute", csv]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/landAreaMu|土地面积|面积/);
  });
});
