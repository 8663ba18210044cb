import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/errors/index.js";
import { checkDecimal, decimalRefusal, parseQuantity, toDecimal } from "../../src/money/parse.js";
import { decimalText } from "../../src/money/scaled.js";
import { Dec } from "../../src/money/decimal.js";

// Values that only look like decimals once turned into text (a BigInt, an object with toString): refused as what
// they are, never read through their text, and never a TypeError.
const lookalikes: [string, unknown][] = [
  ["a BigInt", 5n],
  ["an object whose text is a decimal", { toString: () => "5" }],
  ["a list of one decimal", ["5"]],
];

describe("decimal look-alikes", () => {
  it.each(lookalikes)("checkDecimal refuses %s with what it got", (_name, value) => {
    const result = checkDecimal(value);
    expect(result.ok).toBe(false);
    expect((result as { message: string }).message).toMatch(
      /^must be a decimal string in yuan such as "1250\.50" \(no commas, currency signs, exponents, spaces or leading zeros\); got /,
    );
  });

  it("checkDecimal names a BigInt as such", () => {
    expect(checkDecimal(5n)).toEqual({
      ok: false,
      message:
        'must be a decimal string in yuan such as "1250.50" (no commas, currency signs, exponents, spaces or leading zeros); got the BigInt 5n',
    });
  });

  it.each([...lookalikes, ["a JS number", 5] as [string, unknown]])("toDecimal gives undefined for %s", (_n, value) => {
    expect(toDecimal(value)).toBe(undefined);
  });
});

describe("parseQuantity", () => {
  it("refuses with the quantity's own wording (no yuan, no currency signs)", () => {
    try {
      parseQuantity("x");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]?.message).toBe(
        'must be a decimal string such as "120.5" (no commas, units, exponents, spaces or leading zeros); got "x"',
      );
    }
  });
});

describe("decimalText (the fast path's reading of a money input)", () => {
  it("only strings and finite JS numbers have a text; a BigInt or an object whose text is a decimal has none", () => {
    expect(decimalText("12.50")).toBe("12.50");
    expect(decimalText(12.5)).toBe("12.5");
    expect(decimalText(5n)).toBe(undefined);
    expect(decimalText({ toString: () => "5" })).toBe(undefined);
    expect(decimalText(Number.NaN)).toBe(undefined);
    expect(decimalText(Number.POSITIVE_INFINITY)).toBe(undefined);
    expect(decimalText(null)).toBe(undefined);
  });

  it("the zeros after 0. are not significant: 15 significant digits pass however small the number", () => {
    expect(decimalText(0.00000123456789012)).toBe("0.00000123456789012");
    expect(decimalText(0.123456789012345)).toBe("0.123456789012345");
    expect(decimalText(1234567890.12345)).toBe("1234567890.12345");
    expect(decimalText(0.1234567890123456)).toBe(undefined);
    expect(decimalText(1e21)).toBe(undefined);
  });
});

describe("decimalRefusal of a look-alike", () => {
  it("says what was accepted and what was got, without counting digits of a value that is no text", () => {
    expect(decimalRefusal(5n)).toBe(
      'must be a decimal written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund; got the BigInt 5n',
    );
    expect(decimalRefusal({ toString: () => "5" }, false)).toBe(
      'must be a decimal ≥ 0 written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund; got an object',
    );
  });
});

describe("toDecimal of a decimal from another copy of decimal.js", () => {
  it("takes it by value (decimal.js recognises its decimals by their tag, not their class)", () => {
    const own = new Dec("2.5");
    const foreign = Object.assign(Object.create(null) as object, {
      s: own.s,
      e: own.e,
      d: [...(own as unknown as { d: number[] }).d],
      toStringTag: "[object Decimal]",
    });
    expect(foreign instanceof Dec).toBe(false);
    expect(toDecimal(foreign)?.toString()).toBe("2.5");
    expect(toDecimal(foreign, false)?.toString()).toBe("2.5");
  });
});
