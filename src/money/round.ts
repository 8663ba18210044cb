import { refuse } from "../errors/arguments.js";
import { describeValue, describeValueZh } from "../errors/echo.js";
import { DEFAULT_ROUNDING, ZERO, decimalRounding, type Dec, type DecimalLike, type Rounding } from "./decimal.js";
import { decimalArgument } from "./parse.js";

const MODES: readonly string[] = ["half-up", "half-even", "down"];

/**
 * 四舍五入 · money rounding — the value rounded to `rounding.scale` decimals by `rounding.mode`.
 *
 * @remarks
 * `half-up` sends ties away from zero (Excel's ROUND: -1.005 → -1.01), `half-even` sends ties to the
 * even digit, `down` cuts toward zero. A result of zero is always +0, so no "-0.00" can be printed.
 *
 * @throws InvalidInputError when the value is not a decimal (string or decimal; never a JS number), the scale is
 * not a whole number ≥ 0 or the mode is unknown.
 * @example
 * roundMoney("1.005"); // Dec 1.01
 * roundMoney("1.005", { scale: 2, mode: "half-even" }); // Dec 1
 * @category money
 */
export function roundMoney(value: DecimalLike, rounding: Rounding = DEFAULT_ROUNDING): Dec {
  checkRounding(rounding);
  const rounded = decimalArgument(value, "value").toDecimalPlaces(rounding.scale, decimalRounding(rounding.mode));
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

/** Throws `InvalidInputError` unless `rounding` is `{ scale, mode }` with a whole-number scale 0–20 and a known mode. */
export function checkRounding(rounding: Rounding, path = "rounding"): void {
  if (rounding === DEFAULT_ROUNDING) return;
  if (typeof rounding !== "object" || rounding === null)
    refuse(
      path,
      "not-a-rounding",
      `must be { scale, mode }, e.g. { scale: 2, mode: "half-up" }; got ${describeValue(rounding)}`,
      `应为 { scale, mode }，如 { scale: 2, mode: "half-up" }；实际为 ${describeValueZh(rounding)}`,
    );
  if (!Number.isSafeInteger(rounding.scale) || rounding.scale < 0 || rounding.scale > MAX_SCALE)
    refuse(
      `${path}.scale`,
      "not-a-whole-number",
      `must be a whole number of decimals from 0 to ${MAX_SCALE}; got ${describeValue(rounding.scale)}`,
      `舍入位数应为 0 至 ${MAX_SCALE} 的整数；实际为 ${describeValueZh(rounding.scale)}`,
    );
  if (!MODES.includes(rounding.mode))
    refuse(
      `${path}.mode`,
      "not-an-allowed-value",
      `must be one of ${MODES.map((mode) => `"${mode}"`).join(", ")}; got ${describeValue(rounding.mode)}`,
      `舍入方式应为 ${MODES.join("、")} 之一；实际为 ${describeValueZh(rounding.mode)}`,
    );
}

/** The most decimals a rounding keeps (a rule set's `rounding.scale` is at most 10). */
const MAX_SCALE = 20;
