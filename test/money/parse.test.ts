import { describe, expect, it } from "vitest";
import { checkDecimal, parseMoney, parseQuantity } from "../../src/money/parse.js";
import { InvalidInputError } from "../../src/errors/index.js";

describe("checkDecimal accepts decimal strings and short JSON numbers", () => {
  it.each([
    { name: '"1250.5" keeps its digits', input: "1250.5", options: {}, value: "1250.5" },
    { name: '"1250.50" keeps the trailing zero', input: "1250.50", options: {}, value: "1250.50" },
    { name: '"600000" is a whole amount', input: "600000", options: {}, value: "600000" },
    { name: '"0" is zero', input: "0", options: {}, value: "0" },
    { name: '"0.05" has one leading zero before the dot', input: "0.05", options: {}, value: "0.05" },
    { name: '"-12.00" with negatives allowed', input: "-12.00", options: { allowNegative: true }, value: "-12.00" },
    { name: 'number 0.1 → String(0.1) = "0.1"', input: 0.1, options: {}, value: "0.1" },
    { name: 'number 1250.5 → "1250.5"', input: 1250.5, options: {}, value: "1250.5" },
    {
      name: "number 123456789012345 (15 digits) is exact in a double",
      input: 123456789012345,
      options: {},
      value: "123456789012345",
    },
    {
      name: "number 1234567890123.45 (15 digits) is exact in a double",
      input: 1234567890123.45,
      options: {},
      value: "1234567890123.45",
    },
    { name: "number -5 with negatives allowed", input: -5, options: { allowNegative: true }, value: "-5" },
  ])("$name", ({ input, options, value }) => {
    expect(checkDecimal(input, options)).toEqual({ ok: true, value });
  });
});

describe("checkDecimal refuses anything else", () => {
  it.each([
    { name: 'comma "1,000"', input: "1,000" },
    { name: 'sign "¥12"', input: "¥12" },
    { name: 'full-width sign "￥12"', input: "￥12" },
    { name: 'dollar "$12"', input: "$12" },
    { name: 'unit suffix "12元"', input: "12元" },
    { name: 'exponent "1e5"', input: "1e5" },
    { name: '"NaN"', input: "NaN" },
    { name: '"Infinity"', input: "Infinity" },
    { name: "empty string", input: "" },
    { name: 'leading space " 12"', input: " 12" },
    { name: 'trailing space "12 "', input: "12 " },
    { name: 'plus sign "+5"', input: "+5" },
    { name: 'trailing dot "1."', input: "1." },
    { name: 'bare fraction ".5"', input: ".5" },
    { name: 'leading zeros "007"', input: "007" },
    { name: 'leading zero "01.5"', input: "01.5" },
    { name: 'lone minus "-"', input: "-" },
    { name: "number 1e21 prints as 1e+21", input: 1e21 },
    { name: "number 1e-7 prints as 1e-7", input: 1e-7 },
    { name: "number 1234567890123456 has 16 significant digits", input: 1234567890123456 },
    { name: "number 0.1 + 0.2 has 17 significant digits", input: 0.1 + 0.2 },
    { name: "number NaN", input: Number.NaN },
    { name: "number Infinity", input: Number.POSITIVE_INFINITY },
    { name: "true", input: true },
    { name: "null", input: null },
    { name: "undefined", input: undefined },
    { name: "an object", input: { amount: "12" } },
    { name: 'negative "-5" where negatives are not allowed', input: "-5" },
    { name: 'negative zero "-0" where negatives are not allowed', input: "-0" },
    { name: "negative number -5 where negatives are not allowed", input: -5 },
  ])("$name", ({ input }) => {
    expect(checkDecimal(input, {}).ok).toBe(false);
  });

  it("says what is accepted and shows the input, without a field name", () => {
    expect(checkDecimal("1,250.50", {})).toEqual({
      ok: false,
      message:
        'must be a decimal string in yuan such as "1250.50" (no commas, currency signs, exponents, spaces or leading zeros); got "1,250.50"',
    });
    const tooLong = checkDecimal(1234567890123456, {});
    expect(!tooLong.ok && tooLong.message).toContain("at most 15 significant digits");
    const quantity = checkDecimal("12 m2", { what: "quantity" });
    expect(!quantity.ok && quantity.message).toContain('such as "120.5"');
  });
});

describe("parseMoney and parseQuantity", () => {
  it.each([
    { name: '"1250.50" → 1250.5', parse: () => parseMoney("1250.50"), expected: "1250.5" },
    { name: '"-12.00" allowed → -12', parse: () => parseMoney("-12.00", { allowNegative: true }), expected: "-12" },
    { name: '"120.5" m² → 120.5', parse: () => parseQuantity("120.5"), expected: "120.5" },
  ])("$name", ({ parse, expected }) => {
    expect(parse().toString()).toBe(expected);
  });

  it.each([
    { name: 'money "1,000"', parse: () => parseMoney("1,000") },
    { name: 'money "-12.00" without allowNegative', parse: () => parseMoney("-12.00") },
    { name: 'quantity "-3"', parse: () => parseQuantity("-3") },
    { name: "quantity 1e21", parse: () => parseQuantity(1e21) },
  ])("throws InvalidInputError for $name", ({ parse }) => {
    expect(parse).toThrow(InvalidInputError);
  });

  // Red-green (issue 10: every money entry point takes only decimal strings or the library's decimals): a JS
  // number, which may have lost digits already, was taken (parseMoney(0.1 + 0.2) gave 0.30000000000000004).
  it.each([
    ["parseMoney(0.1)", () => parseMoney(0.1)],
    ["parseMoney(5)", () => parseMoney(5)],
    ["parseMoney(0.1 + 0.2)", () => parseMoney(0.1 + 0.2)],
    ["parseQuantity(120.5)", () => parseQuantity(120.5)],
  ])("%s is refused: a JS number is never an amount", (_name, parse) => {
    try {
      parse();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      const [issue] = (error as InvalidInputError).issues;
      expect(issue?.code).toBe("number-not-decimal");
      expect(issue?.message).toContain("never a JS number");
      expect(issue?.zh).toContain("不接受 JS 数字");
      return;
    }
    throw new Error("expected a refusal");
  });
});
