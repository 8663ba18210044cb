// Properties of `exitfund test`: a fixture whose expected amounts are perturbed fails exactly in the tests that
// were perturbed, and `--update` restores the original file byte for byte (the shipped fixtures hold what the
// rules compute, written as the update writes them).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { Dec } from "../../src/money/decimal.js";
import { fixtureOfReport, runFixtures, updatedFixtureText } from "../../src/node/fixtures.js";

const root = resolve(import.meta.dirname, "../..");
const scratch = join(root, "scratch/fixtures-prop");
const name = "enterprise-rewards.json";
const original = readFileSync(join(root, "examples/tongzhou-2016/fixtures", name), "utf8");
const tests = (JSON.parse(original) as { tests: { expect: { amounts: { [payer: string]: string } } }[] }).tests;
const PAYERS = ["municipal", "district", "total"] as const;

/** A perturbation: for some tests, one payer's amount moved by a number of fen (never 0). */
const perturbations = fc.uniqueArray(
  fc.record({
    test: fc.integer({ min: 0, max: tests.length - 1 }),
    payer: fc.constantFrom(...PAYERS),
    fen: fc.integer({ min: 1, max: 10_000_000 }),
  }),
  { selector: (change) => change.test, maxLength: tests.length },
);

/** The fixture text with each change applied to the amount as written in the file. */
function perturbed(changes: readonly { test: number; payer: (typeof PAYERS)[number]; fen: number }[]): string {
  const parsed = JSON.parse(original) as { tests: typeof tests };
  for (const change of changes) {
    const amounts = parsed.tests[change.test]?.expect.amounts ?? {};
    amounts[change.payer] = new Dec(amounts[change.payer] ?? "0").plus(new Dec(change.fen).div(100)).toFixed(2);
  }
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("exitfund test properties", () => {
  it("fails exactly the perturbed tests, and --update gives back the original bytes", async () => {
    mkdirSync(scratch, { recursive: true });
    await fc.assert(
      fc.asyncProperty(perturbations, async (changes) => {
        writeFileSync(join(scratch, name), perturbed(changes));
        const report = await runFixtures([name], { cwd: scratch });
        const failed = report.results.filter((result) => result.status === "failed").map((result) => result.index);
        expect(failed).toEqual(changes.map((change) => change.test).sort((a, b) => a - b));
        expect(report.passed + report.failed).toBe(tests.length);
        const fixture = fixtureOfReport(report, name);
        if (fixture === undefined) throw new Error("the report has no text of the fixture");
        expect(updatedFixtureText(fixture, report.results)).toBe(original);
      }),
      { numRuns: 25 },
    );
  });
});
