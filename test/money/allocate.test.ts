import { describe, expect, it } from "vitest";
import { allocate, allocateWithLog } from "../../src/money/allocate.js";
import { InvalidInputError } from "../../src/errors/index.js";

const strings = (parts: readonly { toFixed(scale: number): string }[], scale = 2) =>
  parts.map((part) => part.toFixed(scale));

describe("allocate by largest remainder", () => {
  it.each([
    {
      name: "100.00 by [1,1,1]: 33.333… each, 33.33×3 = 99.99, the extra fen to the first → 33.34, 33.33, 33.33",
      total: "100.00",
      weights: ["1", "1", "1"],
      expected: ["33.34", "33.33", "33.33"],
      extra: [0],
    },
    {
      name: "0.05 by [1,1]: 0.025 each, 0.02×2 = 0.04, the tie goes to the earlier → 0.03, 0.02",
      total: "0.05",
      weights: ["1", "1"],
      expected: ["0.03", "0.02"],
      extra: [0],
    },
    {
      name: "0.00 by [0,0]: nothing to share over weights that are all zero → 0.00, 0.00",
      total: "0.00",
      weights: ["0", "0"],
      expected: ["0.00", "0.00"],
      extra: [],
    },
    {
      name: "10.00 by [1,0,1]: the zero weight gets 0.00, the others 5.00",
      total: "10.00",
      weights: ["1", "0", "1"],
      expected: ["5.00", "0.00", "5.00"],
      extra: [],
    },
    {
      name: "0.01 by [0,1,1]: 0, 0.005, 0.005 → the extra fen to index 1, never to the earlier zero weight",
      total: "0.01",
      weights: ["0", "1", "1"],
      expected: ["0.00", "0.01", "0.00"],
      extra: [1],
    },
    {
      name: "10.00 by [1,2,3,4]: shares 1, 2, 3, 4 are exact → 1.00, 2.00, 3.00, 4.00",
      total: "10.00",
      weights: ["1", "2", "3", "4"],
      expected: ["1.00", "2.00", "3.00", "4.00"],
      extra: [],
    },
    {
      name: "1.00 by six 1s: 0.1666… each, 0.16×6 = 0.96, four extra fen to the first four",
      total: "1.00",
      weights: ["1", "1", "1", "1", "1", "1"],
      expected: ["0.17", "0.17", "0.17", "0.17", "0.16", "0.16"],
      extra: [0, 1, 2, 3],
    },
    {
      name: "0.10 by [0.5,0.25,0.25]: 0.05, 0.025, 0.025 → the extra fen to index 1 (earlier tie)",
      total: "0.10",
      weights: ["0.5", "0.25", "0.25"],
      expected: ["0.05", "0.03", "0.02"],
      extra: [1],
    },
    {
      name: "1.00 by [7,2,1]: 0.70, 0.20, 0.10 exact",
      total: "1.00",
      weights: ["7", "2", "1"],
      expected: ["0.70", "0.20", "0.10"],
      extra: [],
    },
    {
      name: "0.10 by [1,1,4]: 0.0166…, 0.0166…, 0.0666… → floors 0.01, 0.01, 0.06; two extra fen by remainder (0.67, 0.67, 0.67 → earliest two)",
      total: "0.10",
      weights: ["1", "1", "4"],
      expected: ["0.02", "0.02", "0.06"],
      extra: [0, 1],
    },
    {
      name: "-0.05 by [1,1]: a negative total mirrors 0.05 → -0.03, -0.02",
      total: "-0.05",
      weights: ["1", "1"],
      expected: ["-0.03", "-0.02"],
      extra: [0],
    },
    {
      name: "0.00 by [1,2]: nothing to split → 0.00, 0.00",
      total: "0.00",
      weights: ["1", "2"],
      expected: ["0.00", "0.00"],
      extra: [],
    },
  ])("$name", ({ total, weights, expected, extra }) => {
    const { parts, extraUnits } = allocateWithLog(total, weights);
    expect(strings(parts)).toEqual(expected);
    expect(extraUnits).toEqual(extra);
    expect(strings(allocate(total, weights))).toEqual(expected);
  });

  it("10 by [1,1,1] at scale 0: 3.33… each → 4, 3, 3", () => {
    expect(strings(allocate("10", ["1", "1", "1"], { scale: 0, mode: "half-up" }), 0)).toEqual(["4", "3", "3"]);
  });

  it("ignores the rounding mode: only the scale fixes the unit", () => {
    expect(strings(allocate("100.00", ["1", "1", "1"], { scale: 2, mode: "down" }))).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
  });

  it("no weights and a zero total give no parts", () => {
    expect(allocate("0.00", [])).toEqual([]);
  });

  it.each([
    { name: "a total with more decimals than the scale (100.001)", run: () => allocate("100.001", ["1"]) },
    { name: "a negative weight", run: () => allocate("100.00", ["1", "-1"]) },
    { name: "no weights for a non-zero total", run: () => allocate("100.00", []) },
    { name: "weights that are all zero for a non-zero total (100 by [0,0])", run: () => allocate("100", ["0", "0"]) },
    { name: "a negative scale", run: () => allocate("100", ["1"], { scale: -1, mode: "half-up" }) },
  ])("throws InvalidInputError for $name", ({ run }) => {
    expect(run).toThrow(InvalidInputError);
  });
});
