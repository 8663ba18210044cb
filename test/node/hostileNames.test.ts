// Names taken from Object.prototype (and a few other odd inputs) across commands, files and options: every run is
// exit 0/1 with a result or exit 2 with a message in English and Chinese, never exit 70 (internal error). A guard
// over what the hunt for issue #10 item 5 tried (a wider in-process sweep of ~6,000 runs found no exit 70 at this
// commit): it cannot fail today, and fails as soon as one of these reaches a plain object or an unguarded throw.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/node/run.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { fakeIo } from "../support/cli.js";
import { tempDir } from "./formats/support.js";

const NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"])];
const ODD_VALUES: readonly string[] = ["1e400", "-0", "-1e400", "123456789012345678901234567890", "{}", "[]"];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, "cases.json"), JSON.stringify([enterpriseCase, clearanceCase, villageCase, transferCase]));
  await writeFile(
    join(dir, "ledger.json"),
    JSON.stringify([{ caseId: enterpriseCase.id, payer: "district", amount: "1.00", paidOn: "2016-12-01" }]),
  );
});

async function status(argv: readonly string[]): Promise<{ code: number; stderr: string }> {
  const fake = fakeIo({ cwd: dir });
  const code = await runCli(argv, fake.io);
  return { code, stderr: fake.stderr() };
}

function expectHandled(result: { code: number; stderr: string }, what: string): void {
  expect([0, 1, 2], `${what}: ${result.stderr.slice(0, 300)}`).toContain(result.code);
  expect(result.stderr, what).not.toMatch(/internal error|    at /);
}

describe("prototype names and odd values are data: never exit 70", () => {
  it.each(NAMES)("%s as a township, id, structure type, exit mode and key of a case", async (name) => {
    const named = [
      { ...enterpriseCase, id: `${name}-e`, township: name, exitMode: name },
      {
        ...clearanceCase,
        id: `${name}-c`,
        township: name,
        items: clearanceCase.items.map((item) => ({ ...item, structureType: name })),
      },
      { ...villageCase, id: `${name}-v`, township: name },
    ];
    await writeFile(join(dir, "named.json"), JSON.stringify(named));
    await writeFile(join(dir, "keyed.json"), `[${JSON.stringify(enterpriseCase).replace("{", `{"${name}":1,`)}]`);
    await writeFile(join(dir, "keyed.ndjson"), `${JSON.stringify(enterpriseCase).replace("{", `{"${name}":1,`)}\n`);
    await writeFile(join(dir, "doc.json"), `{"cases":[],"${name}":[]}`);
    await writeFile(join(dir, "header.csv"), `id,kind,${name}\nE-1,enterprise-exit,1\n`);
    await writeFile(
      join(dir, "rules.json"),
      `{"id":"mine","version":"1","title":"t","validFrom":"2016-01-01","extends":"tongzhou-2016","sources":[],"parameters":{"${name}":{}}}`,
    );
    await writeFile(
      join(dir, "ledger-named.json"),
      JSON.stringify([{ caseId: name, payer: name, amount: "1.00", paidOn: "2016-12-01" }]),
    );
    for (const argv of [
      ["compute", "named.json", "--format", "json"],
      ["compute", "named.json", "--format", "xlsx", "--out", "out.xlsx"],
      ["budget", "named.json", "--by", "township,payer", "--format", "json"],
      ["verify", "named.json", "--format", "json"],
      ["audit", "named.json", "--ledger", "ledger-named.json", "--format", "json"],
      ["report", "named.json", "--out", "out.html"],
      ["compute", "keyed.json"],
      ["compute", "keyed.ndjson", "--format", "ndjson"],
      ["compute", "doc.json"],
      ["compute", "header.csv"],
      ["compute", "cases.json", "--rules", "rules.json"],
      ["compute", "cases.json", "--rules", name],
      ["compare", "cases.json", "--rules", "tongzhou-2016", "--against", name],
      ["compute", "cases.json", "--case", name],
      ["budget", "cases.json", "--by", name],
      ["budget", "cases.json", "--cap", name, "--payer", "district"],
      ["audit", "cases.json", "--ledger", "ledger.json", "--tolerance", name],
      ["compute", "cases.json", "--format", name],
      ["template", name],
      ["schema", name],
      ["rules", name],
      ["help", name],
      [name],
    ])
      expectHandled(await status(argv), argv.join(" "));
  });

  it.each(ODD_VALUES)("%s as the raw JSON value of every field of a case and a ledger row", async (raw) => {
    for (const [index, kase] of [enterpriseCase, clearanceCase, villageCase, transferCase].entries()) {
      const text = JSON.stringify(kase);
      for (const key of Object.keys(kase)) {
        const changed = text.replace(new RegExp(`"${key}":("[^"]*"|[^,}\\]]+)`), `"${key}":${raw}`);
        await writeFile(join(dir, "odd.json"), `[${changed}]`);
        expectHandled(await status(["compute", "odd.json", "--format", "json"]), `case ${index} ${key}=${raw}`);
      }
    }
    for (const key of ["caseId", "payer", "amount", "paidOn"]) {
      const row = { caseId: enterpriseCase.id, payer: "district", amount: "1.00", paidOn: "2016-12-01" };
      await writeFile(
        join(dir, "odd-ledger.json"),
        JSON.stringify([row]).replace(`"${key}":"${row[key as keyof typeof row]}"`, `"${key}":${raw}`),
      );
      expectHandled(await status(["audit", "cases.json", "--ledger", "odd-ledger.json"]), `ledger ${key}=${raw}`);
    }
  });
});

// Red-green: zod records drop a key "__proto__": verify-receipt then read a genuine receipt's township "__proto__"
// as missing ("(none) → 230508.97", exit 1), and a fixture's case lost its key "__proto__" (the test passed).
describe("records that hold user names keep __proto__", () => {
  it("verify-receipt: a township __proto__ checks out, and a changed figure of it is found", async () => {
    await writeFile(
      join(dir, "proto-township.json"),
      JSON.stringify([
        { ...enterpriseCase, township: "__proto__" },
        { ...enterpriseCase, id: "E-2" },
      ]),
    );
    const fake = fakeIo({ cwd: dir });
    expect(
      await runCli(["compute", "proto-township.json", "--format", "json", "--out", "proto-res.json"], fake.io),
    ).toBe(0);
    const genuine = await status(["verify-receipt", "proto-res.json", "--cases", "proto-township.json"]);
    expect(genuine.code, genuine.stderr).toBe(0);
    const { readFile } = await import("node:fs/promises");
    const written = JSON.parse(await readFile(join(dir, "proto-res.json"), "utf8")) as {
      totals: { byTownship: { [township: string]: { total: string } } };
    };
    const proto = Object.getOwnPropertyDescriptor(written.totals.byTownship, "__proto__")?.value as { total: string };
    proto.total = "1.00";
    await writeFile(join(dir, "proto-tampered.json"), JSON.stringify(written));
    const tampered = fakeIo({ cwd: dir });
    expect(await runCli(["verify-receipt", "proto-tampered.json", "--cases", "proto-township.json"], tampered.io)).toBe(
      1,
    );
    expect(tampered.stdout() + tampered.stderr()).toContain("totals.byTownship.__proto__.total: 1.00 →");
  });

  it("exitfund test: a case's key __proto__ is an unknown field, as in compute", async () => {
    await writeFile(
      join(dir, "proto-fixture.json"),
      JSON.stringify({ tests: [{ name: "a", case: enterpriseCase, expect: { track: "district-small" } }] }).replace(
        '"kind":',
        '"__proto__":{"x":1},"kind":',
      ),
    );
    const result = await status(["test", "proto-fixture.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('proto-fixture.json › "a" › case.__proto__: unknown field "__proto__"');
  });
});
