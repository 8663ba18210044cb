import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { crossCheckCapital, parseChineseCapital, toChineseCapital } from "../../src/money/capital.js";
import { Dec } from "../../src/money/decimal.js";
import { fenAmountArb } from "./arbitraries.js";

const DIGIT_VALUES = "零壹贰叁肆伍陆柒捌玖";
const SMALL_UNITS: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/**
 * The test's own reader, independent of the production decoder: the schoolbook accumulation
 * (a digit waits for its unit; 万 closes the part below 亿; 亿 closes everything before it).
 * It checks values, not form, and returns fen.
 */
function readCapital(text: string): bigint {
  const negative = text.startsWith("负");
  let aboveYi = 0n; // already multiplied by 10^8
  let belowYi = 0n; // complete 万 parts
  let section = 0n; // below 万
  let digit = 0n;
  let yuan = 0n;
  let fen = 0n;
  for (const char of negative ? text.slice(1) : text) {
    const value = DIGIT_VALUES.indexOf(char);
    const unit = SMALL_UNITS[char];
    if (value >= 0) digit = BigInt(value);
    else if (unit !== undefined) [section, digit] = [section + (digit === 0n ? 1n : digit) * unit, 0n];
    else if (char === "万") [belowYi, section, digit] = [belowYi + (section + digit) * 10_000n, 0n, 0n];
    else if (char === "亿")
      [aboveYi, belowYi, section, digit] = [(aboveYi + belowYi + section + digit) * 100_000_000n, 0n, 0n, 0n];
    else if (char === "元") [yuan, digit] = [aboveYi + belowYi + section + digit, 0n];
    else if (char === "角") [fen, digit] = [fen + digit * 10n, 0n];
    else if (char === "分") [fen, digit] = [fen + digit, 0n];
    else if (char !== "整") throw new Error(`unexpected ${char} in ${text}`);
  }
  const total = yuan * 100n + fen;
  return negative ? -total : total;
}

const toFen = (amount: string) => BigInt(new Dec(amount).times(100).toFixed(0));

test.prop([fenAmountArb])("the test's own reader reads toChineseCapital(x) back as x", (amount) => {
  expect(readCapital(toChineseCapital(amount))).toBe(toFen(amount));
});

test.prop([fenAmountArb, fc.constantFrom("人民币" as const, "" as const)])(
  "parseChineseCapital(toChineseCapital(x)) is x, and the cross-check passes",
  (amount, prefix) => {
    const capital = toChineseCapital(amount, { prefix });
    expect(parseChineseCapital(capital).eq(amount)).toBe(true);
    expect(crossCheckCapital(amount, capital)).toBe(true);
    expect(crossCheckCapital(new Dec(amount).plus("0.01"), capital)).toBe(false);
  },
);

test.prop([fenAmountArb])(
  "the canonical text uses only standard characters, reads each zero run once and ends in 整 exactly when 分 is 0",
  (amount) => {
    const capital = toChineseCapital(amount);
    expect(capital).toMatch(/^负?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
    if (capital !== "零元整") expect(capital).not.toMatch(/零零|零[拾佰仟万亿元角分整]/);
    expect(capital.endsWith("整")).toBe(toFen(amount) % 10n === 0n);
  },
);
