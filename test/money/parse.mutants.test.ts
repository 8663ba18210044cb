import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money/decimal.js";
import { checkDecimal, decimalArgument, decimalRefusal, parseMoney, toDecimal } from "../../src/money/parse.js";
import { issueOf } from "./issue.js";

// What the money helpers say when they refuse an amount (each message in full, in English and Chinese), and the
// sign and length bounds of decimalArgument / toDecimal: mutants of src/money/parse.ts no test noticed.

const FIFTY_ONE = "1".repeat(51);

describe("decimalArgument", () => {
  it("refuses a JS number with its own code, saying why", () => {
    expect(issueOf(() => decimalArgument(0.5, "rate"))).toEqual({
      path: "rate",
      code: "number-not-decimal",
      message:
        'must be a decimal written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund, never a JS number (it may have lost digits already: 0.1 + 0.2 is 0.30000000000000004); write it as a string; got the number 0.5',
      zh: '应为十进制数字文本，如 "1250.50"，或 exitfund 的十进制数；不接受 JS 数字（可能已丢失位数）；实际为 数字 0.5',
    });
  });

  it("refuses a negative where negatives are not allowed, saying ≥ 0 in both languages", () => {
    expect(issueOf(() => decimalArgument("-1", "area", { allowNegative: false }))).toEqual({
      path: "area",
      code: "not-a-decimal",
      message:
        'must be a decimal ≥ 0 written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund; got "-1"',
      zh: '应为十进制数字文本（不得为负），如 "1250.50"，或 exitfund 的十进制数；不接受 JS 数字（可能已丢失位数）；实际为 "-1"',
    });
    expect(decimalArgument("-1", "area", { allowNegative: true }).toString()).toBe("-1");
    expect(decimalArgument("-1", "area").toString()).toBe("-1");
    expect(decimalArgument("0", "area", { allowNegative: false }).toString()).toBe("0");
  });

  it("refuses more than 50 digits, counting them; takes 50", () => {
    expect(issueOf(() => decimalArgument(FIFTY_ONE, "total"))).toEqual({
      path: "total",
      code: "not-a-decimal",
      message: `must be a decimal written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund; it has 51 digits, more than the 50 computed exactly; got "${FIFTY_ONE}"`,
      zh: `应为十进制数字文本，如 "1250.50"，或 exitfund 的十进制数；不接受 JS 数字（可能已丢失位数）；实际为 "${FIFTY_ONE}"`,
    });
    expect(decimalArgument("1".repeat(50), "total").toFixed()).toBe("1".repeat(50));
    expect(decimalArgument(`0.${"1".repeat(50)}`, "total").toFixed()).toBe(`0.${"1".repeat(50)}`);
    expect(issueOf(() => decimalArgument(`0.${"1".repeat(51)}`, "total"))?.code).toBe("not-a-decimal");
  });

  it("takes a decimal of decimal.js (another copy) and refuses an infinite one", () => {
    expect(decimalArgument(new Dec("2.5"), "x").toString()).toBe("2.5");
    expect(issueOf(() => decimalArgument(new Dec(Infinity), "x"))?.code).toBe("not-a-decimal");
  });
});

describe("toDecimal", () => {
  it("allows negatives unless told not to", () => {
    expect(toDecimal("-2")?.toString()).toBe("-2");
    expect(toDecimal("-2", true)?.toString()).toBe("-2");
    expect(toDecimal("-2", false)).toBeUndefined();
    expect(toDecimal(new Dec("-2"), false)).toBeUndefined();
    expect(toDecimal("2", false)?.toString()).toBe("2");
    expect(toDecimal("1,000")).toBeUndefined();
    expect(toDecimal(FIFTY_ONE)).toBeUndefined();
    expect(toDecimal(2)).toBeUndefined();
  });
});

describe("decimalRefusal", () => {
  it("adds nothing for a value that is neither a number nor a too-long decimal", () => {
    expect(decimalRefusal("1,000")).toBe(
      'must be a decimal written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund; got "1,000"',
    );
    expect(decimalRefusal("1".repeat(50))).toBe(
      `must be a decimal written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund; got "${"1".repeat(50)}"`,
    );
    expect(decimalRefusal(true, false)).toBe(
      'must be a decimal ≥ 0 written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund; got true',
    );
  });

  it("counts the digits of a too-long decimal, and says a number must be written as a string", () => {
    expect(decimalRefusal(FIFTY_ONE, false)).toContain("≥ 0 written");
    expect(decimalRefusal(FIFTY_ONE)).toContain("; it has 51 digits, more than the 50 computed exactly; got");
    expect(decimalRefusal(`-${FIFTY_ONE}`)).toContain("; it has 51 digits");
    expect(decimalRefusal(1)).toContain("of exitfund, never a JS number (it may have");
    expect(decimalRefusal("1e60")).not.toContain("digits,");
  });
});

describe("checkDecimal", () => {
  it("refuses a long string, counting its digits; a lone leading 0 is not counted", () => {
    expect(checkDecimal(`0.${"1".repeat(30)}`)).toEqual({ ok: true, value: `0.${"1".repeat(30)}` });
    expect(checkDecimal(`-${"1".repeat(30)}`, { allowNegative: true }).ok).toBe(true);
    expect(checkDecimal(`0.${"1".repeat(31)}`)).toEqual({
      ok: false,
      message: `has 31 digits; at most 30 are computed exactly (no real amount needs more: check the value); got "0.${"1".repeat(31)}"`,
    });
    expect(checkDecimal(`${"1".repeat(20)}.${"1".repeat(11)}`).ok).toBe(false);
  });

  it("refuses a JSON number over 15 significant digits or in exponent form, showing the number", () => {
    expect(checkDecimal(1e21)).toEqual({
      ok: false,
      message:
        'must be a decimal string in yuan such as "1250.50" (no commas, currency signs, exponents, spaces or leading zeros); a JSON number is accepted only when it has at most 15 significant digits and no exponent, got the number 1e+21',
    });
    expect(checkDecimal(-0.000123456789012345, { allowNegative: true }).ok).toBe(true);
    expect(checkDecimal(0.0001234567890123456).ok).toBe(false);
  });

  it("says a negative is refused, with the number or the text", () => {
    expect(checkDecimal(-5)).toEqual({ ok: false, message: "must not be negative (no minus sign); got the number -5" });
    expect(checkDecimal("-5")).toEqual({ ok: false, message: 'must not be negative (no minus sign); got "-5"' });
    expect(checkDecimal("-5", { allowNegative: false }).ok).toBe(false);
  });

  it("words a quantity as a quantity", () => {
    expect(checkDecimal("12 m2", { what: "quantity" })).toEqual({
      ok: false,
      message:
        'must be a decimal string such as "120.5" (no commas, units, exponents, spaces or leading zeros); got "12 m2"',
    });
  });
});

describe("parseMoney", () => {
  it("refuses at value with checkDecimal's message and a Chinese one", () => {
    expect(issueOf(() => parseMoney("1,000"))).toEqual({
      path: "value",
      code: "not-a-decimal",
      message:
        'must be a decimal string in yuan such as "1250.50" (no commas, currency signs, exponents, spaces or leading zeros); got "1,000"',
      zh: '应为十进制数字文本，如 "1250.50"',
    });
  });
});
