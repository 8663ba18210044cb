import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { DEFAULT_ROUNDING, Dec, ZERO, dec, decimalRounding, sum } from "../../src/money/decimal.js";

// The decimal constructor's settings and the mode table, checked by value (the rounding of "half-up" must not
// depend on Dec's default happening to be half-up too).

describe("decimalRounding", () => {
  it("maps each contract mode to its decimal.js constant", () => {
    expect(decimalRounding("half-up")).toBe(Decimal.ROUND_HALF_UP);
    expect(decimalRounding("half-even")).toBe(Decimal.ROUND_HALF_EVEN);
    expect(decimalRounding("down")).toBe(Decimal.ROUND_DOWN);
  });
});

describe("Dec", () => {
  it("computes at 60 significant digits and never writes an exponent", () => {
    expect(new Dec(1).dividedBy(3).toString()).toBe(`0.${"3".repeat(60)}`);
    expect(new Dec("1e99").toString()).toBe(`1${"0".repeat(99)}`);
    expect(new Dec("1e-99").toString()).toBe(`0.${"0".repeat(98)}1`);
  });

  it("is not the global Decimal, so a host's Decimal.set cannot change it", () => {
    expect(Dec).not.toBe(Decimal);
    expect(dec("1.5")).toBeInstanceOf(Dec);
  });

  // Red-green (issue 10 §6, fourth pass): every decimal the library returns has Dec as its constructor, so
  // `roundMoney("1").constructor.set({ precision: 3 })` reconfigured every later result (toChineseCapital
  // ("1234567.89") gave 壹佰贰拾叁万元整, allocate lost fen, budget broke its invariant).
  it("cannot be reconfigured through a decimal it returned: set, config and direct assignment are refused", () => {
    const given = dec("1.5");
    const Ctor = given.constructor as typeof Dec;
    expect(() => Ctor.set({ precision: 3 })).toThrow(/cannot be reconfigured/);
    expect(() => Ctor.config({ rounding: Decimal.ROUND_DOWN })).toThrow(/cannot be reconfigured/);
    expect(() => {
      (Ctor as { precision: number }).precision = 3;
    }).toThrow(TypeError);
    expect(Dec.precision).toBe(60);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(new Dec(1).dividedBy(3).toString()).toBe(`0.${"3".repeat(60)}`);
    expect(new Dec(10).pow(2).toString()).toBe("100");
    expect(new Dec(2).pow(-1).toString()).toBe("0.5");
  });

  it("dec keeps a decimal of its own and reads a string", () => {
    const value = new Dec("2.5");
    expect(dec(value)).toBe(value);
    expect(dec("2.50").toString()).toBe("2.5");
  });

  it("ZERO is a frozen +0 and the default rounding is 四舍五入 to the fen", () => {
    expect(ZERO.isZero() && !ZERO.isNegative()).toBe(true);
    expect(Object.isFrozen(ZERO)).toBe(true);
    expect(DEFAULT_ROUNDING).toEqual({ scale: 2, mode: "half-up" });
    expect(Object.isFrozen(DEFAULT_ROUNDING)).toBe(true);
  });
});

describe("sum", () => {
  it("adds exactly, in decimal, and is zero for no values", () => {
    expect(sum([]).eq(0)).toBe(true);
    expect(sum([dec("0.1"), dec("0.2")]).toString()).toBe("0.3"); // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(sum([dec("100000000000000.01"), dec("-0.02"), dec("5")]).toString()).toBe("100000000000004.99");
  });
});
