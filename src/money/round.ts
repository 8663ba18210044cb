import { DEFAULT_ROUNDING, ZERO, dec, decimalRounding, type Dec, type DecimalLike, type Rounding } from "./decimal.js";

const MODES: readonly string[] = ["half-up", "half-even", "down"];

/**
 * 四舍五入 · money rounding — the value rounded to `rounding.scale` decimals by `rounding.mode`.
 *
 * @remarks
 * `half-up` sends ties away from zero (Excel's ROUND: -1.005 → -1.01), `half-even` sends ties to the
 * even digit, `down` cuts toward zero. A result of zero is always +0, so no "-0.00" can be printed.
 *
 * @throws RangeError when the scale is not a whole number ≥ 0 or the mode is unknown.
 * @example
 * roundMoney("1.005"); // Dec 1.01
 * roundMoney("1.005", { scale: 2, mode: "half-even" }); // Dec 1
 * @category money
 */
export function roundMoney(value: DecimalLike, rounding: Rounding = DEFAULT_ROUNDING): Dec {
  checkRounding(rounding);
  const rounded = dec(value).toDecimalPlaces(rounding.scale, decimalRounding(rounding.mode));
  return rounded.isZero() ? ZERO : rounded;
}

/**
 * 金额文本 · money string — the rounded value with exactly `rounding.scale` decimals.
 *
 * @example
 * toMoneyString("840000"); // "840000.00"
 * toMoneyString("-0.001"); // "0.00"
 * @category money
 */
export function toMoneyString(value: DecimalLike, rounding: Rounding = DEFAULT_ROUNDING): string {
  return roundMoney(value, rounding).toFixed(rounding.scale); // Decimal#toFixed: exact, not Number's
}

/** Throws unless `rounding` is a scale that is a whole number ≥ 0 and a known mode (rule sets come from JSON). */
export function checkRounding(rounding: Rounding): void {
  if (!Number.isSafeInteger(rounding.scale) || rounding.scale < 0) {
    throw new RangeError(`rounding scale must be a whole number ≥ 0; got ${String(rounding.scale)}`);
  }
  if (!MODES.includes(rounding.mode)) {
    throw new RangeError(`rounding mode must be one of ${MODES.join(", ")}; got ${JSON.stringify(rounding.mode)}`);
  }
}
