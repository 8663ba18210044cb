import fc from "fast-check";

/** Writes `units × 10^-scale` as a decimal string, keeping trailing zeros ("1.50"), never "-0". */
export function unitsToDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

export const scaleArb = fc.integer({ min: 0, max: 4 });

/** Any decimal string with 0–8 decimals, up to about 10^15 in size. */
export const decimalArb = fc
  .record({ units: fc.bigInt({ min: -(10n ** 23n), max: 10n ** 23n }), scale: fc.integer({ min: 0, max: 8 }) })
  .map(({ units, scale }) => unitsToDecimal(units, scale));

/** A non-negative decimal string (weights, quantities). */
export const nonNegativeDecimalArb = fc
  .record({ units: fc.bigInt({ min: 0n, max: 10n ** 12n }), scale: fc.integer({ min: 0, max: 6 }) })
  .map(({ units, scale }) => unitsToDecimal(units, scale));

/** Digits of which about half are zero, so runs of zeros (and whole zero groups) are common. */
export function zeroHeavyDigits(maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength })
    .map((digits) => digits.join(""));
}

// A 4-digit group that is often all zeros, so 万/亿 boundaries and whole zero groups are common.
const groupArb = fc.oneof(
  fc.constant("0000"),
  zeroHeavyDigits(4).map((digits) => digits.padStart(4, "0")),
);

/**
 * An amount at the fen below 10^16 yuan, as a decimal string such as "100010.05": up to four
 * 4-digit groups of yuan, about half of all digits zero and a quarter of the groups all zero.
 */
export const fenAmountArb = fc
  .record({
    groups: fc.array(groupArb, { minLength: 1, maxLength: 4 }),
    fen: zeroHeavyDigits(2),
    negative: fc.boolean(),
  })
  .map(({ groups, fen, negative }) =>
    unitsToDecimal(BigInt(groups.join("") + fen.padStart(2, "0")) * (negative ? -1n : 1n), 2),
  );
