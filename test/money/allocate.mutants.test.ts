import { describe, expect, it } from "vitest";
import { allocate, allocateWithLog } from "../../src/money/allocate.js";
import { Dec } from "../../src/money/decimal.js";
import { issueOf } from "./issue.js";

// allocate's refusals in full (path, code, both messages), and the cases that tell its integer steps apart: the
// common unit of weights with different decimals, "-0" as a weight, the order of the extra units, the scale of
// the rounding. Each kills mutants of src/money/allocate.ts that the examples and properties let through.

const strings = (parts: readonly Dec[], scale = 2) => parts.map((part) => part.toFixed(scale));

describe("allocate refuses, naming the field in English and Chinese", () => {
  it("weights that are not a list", () => {
    expect(issueOf(() => allocate("1.00", "1" as never))).toEqual({
      path: "weights",
      code: "not-a-list",
      message: 'must be a list (an array) of weights; got "1"',
      zh: '应为权重的列表（数组）；实际为 "1"',
    });
  });

  it("a hole in the weights", () => {
    expect(issueOf(() => allocate("1.00", [, "1"] as never))).toEqual({
      path: "weights[0]",
      code: "required",
      message:
        "is required: the list has a hole here (a sparse array) where one of its weights should be; give it, or close the gap",
      zh: "必须填写：列表此处是空位（稀疏数组），缺少一项权重",
    });
  });

  it("a total with more decimals than the scale", () => {
    expect(issueOf(() => allocate("1.001", ["1"]))).toEqual({
      path: "total",
      code: "too-many-decimals",
      message: "1.001 has more than 2 decimals: round it before allocating",
      zh: "总额小数位超过 2 位：请先舍入再分配",
    });
    expect(issueOf(() => allocate("1.1", ["1"], { scale: 0, mode: "down" }))?.message).toBe(
      "1.1 has more than 0 decimals: round it before allocating",
    );
    expect(strings(allocate("1.001", ["1", "1"], { scale: 3, mode: "half-up" }), 3)).toEqual(["0.501", "0.500"]);
  });

  it("a non-zero total over no weights", () => {
    expect(issueOf(() => allocate("1", []))).toEqual({
      path: "weights",
      code: "too-few",
      message: "cannot allocate 1 over no weights: give at least one",
      zh: "没有权重，无法分配非零总额",
    });
    expect(allocateWithLog("0", [])).toEqual({ parts: [], extraUnits: [] });
  });

  it("a negative weight, at its index", () => {
    expect(issueOf(() => allocate("1", ["1", "-0.5"]))).toEqual({
      path: "weights[1]",
      code: "negative",
      message: "is negative: -0.5; weights are ≥ 0",
      zh: "权重不得为负",
    });
  });

  it("a total that is not a decimal", () => {
    expect(issueOf(() => allocate(100 as never, ["1"]))).toMatchObject({ path: "total", code: "number-not-decimal" });
  });

  it("a weight that is not a decimal, at its index", () => {
    expect(issueOf(() => allocate("1", ["1", 2 as never]))).toMatchObject({
      path: "weights[1]",
      code: "number-not-decimal",
    });
  });

  it("a bad rounding, before anything else", () => {
    expect(issueOf(() => allocate("x", "y" as never, { scale: 21, mode: "down" }))?.path).toBe("rounding.scale");
  });
});

describe("allocate's integer steps", () => {
  it("takes -0 as a weight of zero", () => {
    expect(strings(allocate("1.00", ["-0", "1"]))).toEqual(["0.00", "1.00"]);
    expect(strings(allocate("1.00", [new Dec("-0"), "1"]))).toEqual(["0.00", "1.00"]);
  });

  it("puts weights with different decimals in one unit (0.5 is five times 0.1)", () => {
    expect(strings(allocate("6.00", ["0.5", "0.1"]))).toEqual(["5.00", "1.00"]);
    expect(strings(allocate("6.00", ["0.1", "0.5"]))).toEqual(["1.00", "5.00"]);
    expect(strings(allocate("3.00", ["2", "0.25", "0.75"]))).toEqual(["2.00", "0.25", "0.75"]);
  });

  it("refuses a non-zero total over weights that are all zero, and gives zeros for a zero total", () => {
    expect(strings(allocate("1.00", ["0", "0", "1"]))).toEqual(["0.00", "0.00", "1.00"]);
    expect(issueOf(() => allocate("0.03", ["0", "0", "0"]))).toEqual({
      path: "weights",
      code: "zero-weights",
      message:
        "cannot allocate 0.03 by weights that are all zero: no share can be reckoned from them; give at least one weight above 0",
      zh: "权重全为 0，无法按权重算出总额 0.03 的任何份额：请至少给出一个大于 0 的权重",
    });
    expect(issueOf(() => allocate("-100", ["0", "-0"]))?.code).toBe("zero-weights");
    expect(allocateWithLog("0.00", ["0", "0.000"])).toEqual({ parts: [new Dec(0), new Dec(0)], extraUnits: [] });
    expect(allocateWithLog("-0", ["0"], { scale: 0, mode: "half-up" })).toEqual({
      parts: [new Dec(0)],
      extraUnits: [],
    });
  });

  it("gives the extra units to the largest remainders, ties to the earlier, listed in ascending order", () => {
    // 0.10 by [1, 3, 3, 3]: exact shares 0.01, 0.03, 0.03, 0.03 … floors 1, 3, 3, 3 fen of 10 → no leftover
    expect(allocateWithLog("0.10", ["1", "3", "3", "3"])).toEqual({
      parts: ["0.01", "0.03", "0.03", "0.03"].map((part) => new Dec(part)),
      extraUnits: [],
    });
    // 0.07 by [1, 2, 4]: shares 0.01, 0.02, 0.04 exact
    expect(allocateWithLog("0.07", ["1", "2", "4"]).extraUnits).toEqual([]);
    // 0.05 by [3, 1, 3]: shares 2.142…, 0.714…, 2.142… fen; floors 2, 0, 2; leftover 1 to the largest remainder
    // (index 1: 0.714 > 0.142)
    expect(allocateWithLog("0.05", ["3", "1", "3"])).toEqual({
      parts: ["0.02", "0.01", "0.02"].map((part) => new Dec(part)),
      extraUnits: [1],
    });
    // 0.05 by [1, 3, 3]: shares 0.714…, 2.142…, 2.142… fen; floors 0, 2, 2; leftover 1 → index 0
    expect(allocateWithLog("0.05", ["1", "3", "3"]).extraUnits).toEqual([0]);
    // 0.04 by [1, 1, 1]: 1.333… each; floors 1, 1, 1; leftover 1 → index 0 (ties to the earlier)
    expect(allocateWithLog("0.04", ["1", "1", "1"]).extraUnits).toEqual([0]);
    // 0.05 by [1, 1, 1]: 1.666… each; leftover 2 → indexes 0 and 1
    expect(allocateWithLog("0.05", ["1", "1", "1"]).extraUnits).toEqual([0, 1]);
    // 0.08 by [1, 2, 1, 2]: shares 1.333, 2.666, 1.333, 2.666; floors 1, 2, 1, 2 = 6; leftover 2 → indexes 1 and 3
    expect(allocateWithLog("0.08", ["1", "2", "1", "2"])).toEqual({
      parts: ["0.01", "0.03", "0.01", "0.03"].map((part) => new Dec(part)),
      extraUnits: [1, 3],
    });
    // 0.03 by [1, 1, 3]: shares 0.6, 0.6, 1.8 fen; floors 0, 0, 1; leftover 2 to the largest remainders, index 2
    // (0.8) and then index 0 (0.6, the earlier of a tie): listed ascending, [0, 2]
    expect(allocateWithLog("0.03", ["1", "1", "3"])).toEqual({
      parts: ["0.01", "0.00", "0.02"].map((part) => new Dec(part)),
      extraUnits: [0, 2],
    });
    // 0.08 by [2, 1, 2, 1]: the same, mirrored: extra units to 0 and 2, listed ascending
    expect(allocateWithLog("0.08", ["2", "1", "2", "1"]).extraUnits).toEqual([0, 2]);
  });

  it("keeps the sign of a negative total and of none other", () => {
    expect(strings(allocate("-1.00", ["1", "3"]))).toEqual(["-0.25", "-0.75"]);
    expect(strings(allocate("1.00", ["1", "3"]))).toEqual(["0.25", "0.75"]);
    expect(allocate("0", ["1"])[0]?.isNegative()).toBe(false);
  });

  it("returns parts at the rounding's scale", () => {
    expect(allocate("10", ["1", "1", "1"], { scale: 0, mode: "down" }).map(String)).toEqual(["4", "3", "3"]);
    expect(allocate("1", ["1", "1", "1"], { scale: 4, mode: "down" }).map(String)).toEqual([
      "0.3334",
      "0.3333",
      "0.3333",
    ]);
    expect(allocate("1", ["1", "1", "1"]).map(String)).toEqual(["0.34", "0.33", "0.33"]);
  });
});
