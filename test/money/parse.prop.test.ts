import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { checkDecimal, parseMoney } from "../../src/money/parse.js";
import { roundMoney, toMoneyString } from "../../src/money/round.js";
import { decimalArb, scaleArb, unitsToDecimal } from "./arbitraries.js";

const modeArb = fc.constantFrom("half-up" as const, "half-even" as const, "down" as const);

test.prop([decimalArb])("checkDecimal returns a generated decimal string digit for digit", (text) => {
  expect(checkDecimal(text, { allowNegative: true })).toEqual({ ok: true, value: text });
});

test.prop([fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: 0, max: 6 })])(
  "a JSON number of at most 15 digits is accepted with exactly the value that was typed",
  (units, scale) => {
    const typed = unitsToDecimal(BigInt(units), scale);
    const number = Number(typed); // what a JSON reader hands over for the typed figure
    const result = checkDecimal(number, { allowNegative: true });
    expect(result).toEqual({ ok: true, value: String(number) });
    expect(result.ok && parseMoney(result.value, { allowNegative: true }).eq(typed)).toBe(true);
  },
);

test.prop([decimalArb, scaleArb, modeArb])("parseMoney(toMoneyString(x)) is the rounded x", (text, scale, mode) => {
  const rounding = { scale, mode };
  expect(parseMoney(toMoneyString(text, rounding), { allowNegative: true }).eq(roundMoney(text, rounding))).toBe(true);
});

test.prop([fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), scaleArb])(
  "an amount already at the scale survives toMoneyString and parseMoney unchanged",
  (units, scale) => {
    const amount = unitsToDecimal(units, scale);
    const text = toMoneyString(amount, { scale, mode: "half-up" });
    expect(text).toBe(amount);
    expect(parseMoney(text, { allowNegative: true }).eq(amount)).toBe(true);
  },
);
