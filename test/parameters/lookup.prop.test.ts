import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { param } from "../support/outcomes.js";
import { ruleSetWith } from "../support/ruleSetWith.js";

const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("param (property)", () => {
  it("returns the value of the last `from` ≤ date, and throws before the first", () => {
    fc.assert(
      fc.property(fc.uniqueArray(isoDate, { minLength: 1, maxLength: 6 }), isoDate, (froms, on) => {
        const sorted = [...froms].sort();
        const ruleSet = ruleSetWith({
          "transfer.coverage": { values: sorted.map((from, index) => ({ from, value: String(index + 1) })) },
        });
        const expectedIndex = sorted.filter((from) => from <= on).length - 1;
        if (expectedIndex < 0) {
          expect(() => param(ruleSet, "transfer.coverage", on)).toThrow(/no value in force/);
        } else {
          const inForce = param(ruleSet, "transfer.coverage", on);
          expect(inForce.value.toString()).toBe(String(expectedIndex + 1));
          expect(inForce.from).toBe(sorted[expectedIndex]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
