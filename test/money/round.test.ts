import { describe, expect, it } from "vitest";
import type { Rounding } from "../../src/money/decimal.js";
import { roundMoney, toMoneyString } from "../../src/money/round.js";
import { InvalidInputError } from "../../src/errors/index.js";

const halfUp = (scale: number): Rounding => ({ scale, mode: "half-up" });
const halfEven = (scale: number): Rounding => ({ scale, mode: "half-even" });
const down = (scale: number): Rounding => ({ scale, mode: "down" });

describe("roundMoney", () => {
  it.each([
    { name: "1.005 half-up: tie goes away from zero → 1.01", value: "1.005", rounding: halfUp(2), expected: "1.01" },
    { name: "1.005 half-even: tie goes to the even 0 → 1.00", value: "1.005", rounding: halfEven(2), expected: "1" },
    { name: "1.015 half-even: tie goes to the even 2 → 1.02", value: "1.015", rounding: halfEven(2), expected: "1.02" },
    {
      name: "-1.005 half-up: tie away from zero → -1.01 (Excel ROUND)",
      value: "-1.005",
      rounding: halfUp(2),
      expected: "-1.01",
    },
    {
      name: "2.675 half-up → 2.68 (a float toFixed gives 2.67)",
      value: "2.675",
      rounding: halfUp(2),
      expected: "2.68",
    },
    { name: "1.0049 half-up: below the tie → 1.00", value: "1.0049", rounding: halfUp(2), expected: "1" },
    { name: "1.009 down: cut toward zero → 1.00", value: "1.009", rounding: down(2), expected: "1" },
    { name: "-1.009 down: cut toward zero → -1.00", value: "-1.009", rounding: down(2), expected: "-1" },
    { name: "2.5 half-up at scale 0 → 3", value: "2.5", rounding: halfUp(0), expected: "3" },
    { name: "2.5 half-even at scale 0 → 2", value: "2.5", rounding: halfEven(0), expected: "2" },
    { name: "-2.5 half-up at scale 0 → -3", value: "-2.5", rounding: halfUp(0), expected: "-3" },
    { name: "3.99 down at scale 0 → 3", value: "3.99", rounding: down(0), expected: "3" },
    { name: "1.00005 half-up at scale 4 → 1.0001", value: "1.00005", rounding: halfUp(4), expected: "1.0001" },
    { name: "1.00005 half-even at scale 4 → 1.0000", value: "1.00005", rounding: halfEven(4), expected: "1" },
    { name: "1.00015 half-even at scale 4 → 1.0002", value: "1.00015", rounding: halfEven(4), expected: "1.0002" },
    { name: "1.23456 down at scale 4 → 1.2345", value: "1.23456", rounding: down(4), expected: "1.2345" },
  ])("$name", ({ value, rounding, expected }) => {
    expect(roundMoney(value, rounding).toString()).toBe(expected);
  });

  it("defaults to half-up at the fen", () => {
    expect(roundMoney("0.125").toString()).toBe("0.13");
  });

  it("never returns a negative zero", () => {
    expect(roundMoney("-0.001").isNegative()).toBe(false);
  });

  it.each([
    { name: "scale -1", rounding: { scale: -1, mode: "half-up" } },
    { name: "scale 1.5", rounding: { scale: 1.5, mode: "half-up" } },
    { name: "scale NaN", rounding: { scale: Number.NaN, mode: "half-up" } },
    { name: 'mode "ceiling"', rounding: { scale: 2, mode: "ceiling" } },
  ])("throws InvalidInputError for $name", ({ rounding }) => {
    expect(() => roundMoney("1", rounding as Rounding)).toThrow(InvalidInputError);
  });
});

describe("toMoneyString", () => {
  it.each([
    { name: "840000 → 840000.00 (two decimals always)", value: "840000", rounding: halfUp(2), expected: "840000.00" },
    { name: "1250.5 → 1250.50", value: "1250.5", rounding: halfUp(2), expected: "1250.50" },
    { name: "-12 → -12.00", value: "-12", rounding: halfUp(2), expected: "-12.00" },
    { name: "-0.001 → 0.00, never -0.00", value: "-0.001", rounding: halfUp(2), expected: "0.00" },
    { name: "-0.009 down → 0.00, never -0.00", value: "-0.009", rounding: down(2), expected: "0.00" },
    { name: "2.5 at scale 0 → 3", value: "2.5", rounding: halfUp(0), expected: "3" },
    { name: "1.00005 half-up at scale 4 → 1.0001", value: "1.00005", rounding: halfUp(4), expected: "1.0001" },
    {
      name: "12345678901234567.125 → …567.13 (no float on the way)",
      value: "12345678901234567.125",
      rounding: halfUp(2),
      expected: "12345678901234567.13",
    },
  ])("$name", ({ value, rounding, expected }) => {
    expect(toMoneyString(value, rounding)).toBe(expected);
  });
});
