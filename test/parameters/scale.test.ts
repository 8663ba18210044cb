import { describe, expect, it } from "vitest";
import { dec } from "../../src/money/decimal.js";
import { applyScale } from "../../src/parameters/scale.js";
import type { Scale } from "../../src/parameters/types.js";

export function scale(type: Scale["type"], brackets: readonly [string, string][]): Scale {
  return {
    type,
    brackets: brackets.map(([threshold, value]) => ({
      threshold: dec(threshold),
      rate: type === "single-amount" ? dec(0) : dec(value),
      amount: type === "single-amount" ? dec(value) : dec(0),
    })),
  };
}

const marginal = scale("marginal-rate", [
  ["0", "1"],
  ["100", "0.5"],
  ["300", "0"],
]);
const steps = scale("single-amount", [
  ["10", "1000"],
  ["50", "5000"],
]);
const flat = scale("single-rate", [
  ["0", "0.1"],
  ["1000", "0.2"],
]);

describe("applyScale", () => {
  it.each([
    ["marginal: 50 at rate 1 → 50", marginal, "50", "50"],
    ["marginal: 100 → 100 (the bracket edge)", marginal, "100", "100"],
    ["marginal: 200 → 100 + 100 × 0.5 = 150", marginal, "200", "150"],
    ["marginal: 1000 → 100 + 200 × 0.5 + 0 = 200 (capped by a 0 rate)", marginal, "1000", "200"],
    ["marginal: 0 → 0", marginal, "0", "0"],
    ["single-amount: 9 is below the first threshold → 0", steps, "9", "0"],
    ["single-amount: 10 → 1000", steps, "10", "1000"],
    ["single-amount: 49.99 → 1000", steps, "49.99", "1000"],
    ["single-amount: 50 → 5000", steps, "50", "5000"],
    ["single-rate: 500 × 0.1 = 50", flat, "500", "50"],
    ["single-rate: 1000 × 0.2 = 200 (the whole base at the bracket's rate)", flat, "1000", "200"],
  ])("%s", (_name, s, base, expected) => {
    expect(applyScale(s, base).toString()).toBe(expected);
  });
});
