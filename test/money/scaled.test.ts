import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Dec, type RoundingMode } from "../../src/money/decimal.js";
import { roundMoney } from "../../src/money/round.js";
import {
  FIXED_ZERO,
  NOT_FAST,
  REFUSED,
  TOO_LONG,
  addFixed,
  compare,
  compareFixed,
  decimalString,
  decimalText,
  minFixed,
  moneyString,
  multiplyFixed,
  plus,
  pow10,
  readDecimal,
  rescale,
  roundScaled,
  subtractFixed,
  times,
  type Fixed,
} from "../../src/money/scaled.js";

// The scaled-integer arithmetic of the fast path (src/money/scaled.ts), by hand and against decimal.js: every
// result is the exact one, or NOT_FAST is thrown — never a float's rounding.

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 − 1 = 9007199254740991

/** What a call threw (NOT_FAST is a symbol, which `toThrow` cannot match). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return "nothing thrown";
}

/** m × 10^-s as decimal.js holds it. */
const decOf = (m: number, s: number) => new Dec(m).div(new Dec(10).pow(s));

describe("pow10, times, plus, rescale", () => {
  it("pow10 is 10^k for k = 0…22 and NOT_FAST outside", () => {
    expect(pow10(0)).toBe(1);
    expect(pow10(2)).toBe(100);
    expect(pow10(22)).toBe(1e22);
    expect(thrown(() => pow10(23))).toBe(NOT_FAST);
    expect(thrown(() => pow10(-1))).toBe(NOT_FAST);
  });

  it("times and plus are exact up to 2^53 − 1 and NOT_FAST beyond", () => {
    expect(times(12, 34)).toBe(408);
    expect(times(MAX, 1)).toBe(MAX);
    expect(thrown(() => times(2 ** 52, 2))).toBe(NOT_FAST);
    expect(plus(MAX - 1, 1)).toBe(MAX);
    expect(plus(-5, 3)).toBe(-2);
    expect(thrown(() => plus(MAX, 1))).toBe(NOT_FAST);
    expect(thrown(() => plus(-MAX, -1))).toBe(NOT_FAST);
  });

  it("rescale writes a mantissa at a larger scale", () => {
    expect(rescale(5, 1, 3)).toBe(500); // 0.5 = 0.500
    expect(rescale(5, 2, 2)).toBe(5);
    expect(thrown(() => rescale(MAX, 0, 1))).toBe(NOT_FAST);
  });
});

describe("compare", () => {
  it("compares across scales: 1.5 = 1.50, 1.5 < 1.51, 2 > 1.99", () => {
    expect(compare(15, 1, 150, 2)).toBe(0);
    expect(compare(150, 2, 15, 1)).toBe(0);
    expect(compare(15, 1, 151, 2)).toBeLessThan(0);
    expect(compare(151, 2, 15, 1)).toBeGreaterThan(0);
    expect(compare(2, 0, 199, 2)).toBeGreaterThan(0);
    expect(compare(199, 2, 2, 0)).toBeLessThan(0);
    expect(compare(3, 0, 4, 0)).toBeLessThan(0);
    expect(compare(4, 0, 3, 0)).toBeGreaterThan(0);
  });
});

describe("roundScaled", () => {
  const cases: readonly (readonly [number, number, number, RoundingMode, number])[] = [
    // m, s, scale, mode → mantissa at scale
    [125, 2, 1, "half-up", 13], // 1.25 → 1.3
    [125, 2, 1, "half-even", 12], // 1.25 → 1.2 (2 is even)
    [135, 2, 1, "half-even", 14], // 1.35 → 1.4 (3 is odd)
    [125, 2, 1, "down", 12],
    [126, 2, 1, "half-up", 13],
    [126, 2, 1, "half-even", 13],
    [126, 2, 1, "down", 12],
    [124, 2, 1, "half-up", 12],
    [124, 2, 1, "half-even", 12],
    [120, 2, 1, "half-up", 12], // no remainder
    [5, 1, 0, "half-up", 1], // 0.5 → 1
    [5, 1, 0, "half-even", 0], // 0.5 → 0
    [15, 1, 0, "half-even", 2], // 1.5 → 2
    [199999, 3, 0, "down", 199],
    [0, 3, 2, "half-up", 0], // zero is an amount, not a refusal
    [0, 1, 1, "down", 0],
    [5, 1, 3, "half-up", 500], // a smaller scale is written at the larger one
    [7, 2, 2, "half-even", 7],
    [MAX, 16, 0, "half-up", 1], // 0.9007… → 1 (was 0: every k > 15 gave 0)
    [5 * 10 ** 15, 16, 0, "half-up", 1], // 0.5 → 1
    [5 * 10 ** 15, 16, 0, "half-even", 0], // 0.5 → 0
    [5 * 10 ** 15 - 1, 16, 0, "half-up", 0],
    [MAX, 16, 0, "down", 0],
    [5 * 10 ** 15, 18, 2, "half-up", 1], // 0.005 → 0.01: a quantity 0.0700000000 × a rate 0.07142857
    [MAX, 17, 0, "half-up", 0], // 0.09…
    [MAX, 22, 0, "half-up", 0],
    [MAX, 23, 0, "half-up", 0],
    [MAX, 15, 0, "half-up", 9], // 9.007… → 9
    [MAX, 1, 0, "half-up", 900719925474099], // …099.1
  ];
  it.each(cases)("%d × 10^-%d to %d decimals %s is %d", (m, s, scale, mode, expected) => {
    expect(roundScaled(m, s, scale, mode)).toBe(expected);
  });

  it("refuses a negative mantissa (the caller's amounts are non-negative)", () => {
    expect(thrown(() => roundScaled(-1, 1, 0, "half-up"))).toBe(NOT_FAST);
  });

  const modeArb = fc.constantFrom<RoundingMode>("half-up", "half-even", "down");
  test.prop([
    fc.integer({ min: 0, max: MAX }),
    fc.integer({ min: 0, max: 18 }),
    fc.integer({ min: 0, max: 4 }),
    modeArb,
  ])("is roundMoney (decimal.js) on every safe mantissa and scale", (m, s, scale, mode) => {
    const expected = roundMoney(decOf(m, s), { scale, mode });
    let got: unknown;
    try {
      got = decOf(roundScaled(m, s, scale, mode), scale).toFixed(scale);
    } catch (error) {
      // Only a larger scale than given can overflow, and then the exact result is beyond 2^53.
      expect(error).toBe(NOT_FAST);
      expect(expected.times(new Dec(10).pow(scale)).abs().gt(MAX)).toBe(true);
      return;
    }
    expect(got).toBe(expected.toFixed(scale));
  });
});

describe("readDecimal", () => {
  const read = (text: string) => {
    const out = { scale: -99 };
    const m = readDecimal(text, out);
    return { m, scale: out.scale };
  };

  it.each([
    ["0", 0, 0],
    ["7", 7, 0],
    ["120", 120, 0],
    ["12.50", 1250, 2],
    ["0.05", 5, 2],
    ["0.0", 0, 1],
    ["10.000", 10000, 3],
    ["123456789012345", 123456789012345, 0], // 15 significant digits
    ["0.000000000000000000000000000001", 1, 30], // 30 digits written, 1 significant
  ] as const)("reads %s as %d × 10^-%d", (text, m, scale) => {
    expect(read(text)).toEqual({ m, scale });
  });

  it.each(["", "-1", "+1", "01", "00", "00.5", "1.", ".5", "1e5", "1.2.3", "1 ", " 1", "1,5", "1.5a", "١", "a"])(
    "refuses %j, and leaves out.scale alone",
    (text) => {
      expect(read(text)).toEqual({ m: REFUSED, scale: -99 });
    },
  );

  it("counts digits as checkDecimal does: 30 written is the most, and 15 significant are computed here", () => {
    expect(read("1".repeat(30))).toEqual({ m: TOO_LONG, scale: -99 });
    expect(read("1".repeat(31))).toEqual({ m: REFUSED, scale: -99 });
    expect(read(`1.${"0".repeat(29)}`)).toEqual({ m: TOO_LONG, scale: -99 }); // 30 written, 30 significant
    expect(read(`1.${"0".repeat(30)}`)).toEqual({ m: REFUSED, scale: -99 }); // 31 written
    expect(read(`0.${"0".repeat(29)}1`)).toEqual({ m: 1, scale: 30 }); // the leading 0 is not counted
    expect(read(`0.${"0".repeat(30)}1`)).toEqual({ m: REFUSED, scale: -99 });
    expect(read("1234567890123456")).toEqual({ m: TOO_LONG, scale: -99 });
    expect(read("123456789012.345")).toEqual({ m: 123456789012345, scale: 3 });
    expect(read("123456789012.3456")).toEqual({ m: TOO_LONG, scale: -99 });
    expect(read("0.1234567890123456")).toEqual({ m: TOO_LONG, scale: -99 });
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 12 })])(
    "reads every written decimal of at most 15 significant digits back as its mantissa and scale",
    (units, scale) => {
      const digits = units.toString().padStart(scale + 1, "0");
      const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      const out = { scale: -1 };
      const m = readDecimal(text, out);
      expect(m).toBe(Number(units));
      expect(out.scale).toBe(scale);
    },
  );
});

describe("decimalText", () => {
  it("keeps a string as written and writes a number as String(n) when it has at most 15 significant digits", () => {
    expect(decimalText("12.50")).toBe("12.50");
    expect(decimalText("")).toBe("");
    expect(decimalText(12.5)).toBe("12.5");
    expect(decimalText(0)).toBe("0");
    expect(decimalText(0.000001)).toBe("0.000001");
    expect(decimalText(123456789012345)).toBe("123456789012345");
    expect(decimalText(100000000000000)).toBe("100000000000000"); // 15 digits, trailing zeros counted
    expect(decimalText(1000000000000000)).toBeUndefined(); // 16 digits
  });

  it("refuses what is no plain decimal number: 16 significant digits, exponents, signs, NaN, Infinity, non-numbers", () => {
    expect(decimalText(1234567890123456)).toBeUndefined();
    expect(decimalText(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004
    expect(decimalText(1e21)).toBeUndefined(); // "1e+21"
    expect(decimalText(1e-7)).toBeUndefined(); // "1e-7"
    expect(decimalText(-1)).toBeUndefined();
    expect(decimalText(Number.NaN)).toBeUndefined();
    expect(decimalText(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(decimalText(true)).toBeUndefined();
    expect(decimalText(null)).toBeUndefined();
    expect(decimalText(undefined)).toBeUndefined();
    expect(decimalText({})).toBeUndefined();
  });
});

describe("decimalString and moneyString", () => {
  it.each([
    [12050, 2, "120.5"],
    [1000, 2, "10"],
    [100, 0, "100"],
    [5, 3, "0.005"],
    [1234, 2, "12.34"],
    [0, 2, "0"],
    [-1250, 2, "-12.5"],
    [-5, 3, "-0.005"],
  ] as const)("decimalString(%d, %d) is %s, as decimal.js writes it", (m, s, text) => {
    expect(decimalString(m, s)).toBe(text);
    expect(decimalString(m, s)).toBe(decOf(m, s).toString());
  });

  it.each([
    [0, 2, "0.00"],
    [0, 0, "0"],
    [1250, 2, "12.50"],
    [-1250, 2, "-12.50"],
    [5, 2, "0.05"],
    [100, 2, "1.00"],
    [12345, 0, "12345"],
    [-7, 0, "-7"],
    [123, 3, "0.123"],
  ] as const)("moneyString(%d, %d) is %s, as toMoneyString writes it", (units, scale, text) => {
    expect(moneyString(units, scale)).toBe(text);
  });

  test.prop([fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: 0, max: 6 })])(
    "decimalString is decimal.js's toString, and moneyString its toFixed",
    (m, s) => {
      expect(decimalString(m, s)).toBe(decOf(m, s).toString());
      expect(moneyString(m, s)).toBe(decOf(m, s).toFixed(s));
    },
  );
});

describe("fixed decimals", () => {
  const f = (m: number, s: number): Fixed => ({ m, s });

  it("FIXED_ZERO is 0 and frozen", () => {
    expect(FIXED_ZERO).toEqual({ m: 0, s: 0 });
    expect(Object.isFrozen(FIXED_ZERO)).toBe(true);
  });

  it("adds, subtracts and multiplies at the larger scale, by hand", () => {
    expect(addFixed(f(15, 1), f(25, 1))).toEqual(f(40, 1)); // 1.5 + 2.5
    expect(addFixed(f(15, 1), f(125, 2))).toEqual(f(275, 2)); // 1.5 + 1.25
    expect(addFixed(f(125, 2), f(15, 1))).toEqual(f(275, 2));
    expect(subtractFixed(f(15, 1), f(125, 2))).toEqual(f(25, 2)); // 1.5 − 1.25
    expect(subtractFixed(f(125, 2), f(2, 0))).toEqual(f(-75, 2)); // 1.25 − 2
    expect(multiplyFixed(f(15, 1), f(12, 2))).toEqual(f(180, 3)); // 1.5 × 0.12
    expect(thrown(() => multiplyFixed(f(2 ** 30, 0), f(2 ** 30, 0)))).toBe(NOT_FAST); // 2^60 is not safe
    expect(thrown(() => addFixed(f(MAX, 0), f(1, 1)))).toBe(NOT_FAST); // MAX at one decimal is not safe
  });

  it("compares and takes the smaller, the first of two equal ones", () => {
    expect(compareFixed(f(15, 1), f(150, 2))).toBe(0);
    expect(compareFixed(f(15, 1), f(16, 1))).toBeLessThan(0);
    const a = f(15, 1);
    const b = f(150, 2);
    expect(minFixed(a, b)).toBe(a);
    expect(minFixed(b, a)).toBe(b);
    expect(minFixed(f(2, 0), f(199, 2))).toEqual(f(199, 2));
    expect(minFixed(f(199, 2), f(2, 0))).toEqual(f(199, 2));
  });

  const fixedArb = fc.record({ m: fc.integer({ min: -(10 ** 7), max: 10 ** 7 }), s: fc.integer({ min: 0, max: 4 }) });
  test.prop([fixedArb, fixedArb])("add, subtract, multiply and compare are decimal.js's", (a, b) => {
    const [da, db] = [decOf(a.m, a.s), decOf(b.m, b.s)];
    const value = (x: Fixed) => decOf(x.m, x.s).toString();
    expect(value(addFixed(a, b))).toBe(da.plus(db).toString());
    expect(addFixed(a, b).s).toBe(Math.max(a.s, b.s));
    expect(value(subtractFixed(a, b))).toBe(da.minus(db).toString());
    expect(value(multiplyFixed(a, b))).toBe(da.times(db).toString());
    expect(Math.sign(compareFixed(a, b))).toBe(da.comparedTo(db));
    expect(value(minFixed(a, b))).toBe(Dec.min(da, db).toString());
  });
});
