import { Decimal } from "decimal.js";
import { deepFreeze } from "../freeze.js";

/**
 * The one decimal constructor of exitfund — the ONLY import of decimal.js in the package.
 *
 * @remarks
 * A private `Decimal.clone`, never the global `Decimal`: a host application that calls
 * `Decimal.set()` on its own copy cannot change our results. 60 significant digits hold every
 * product in the contract exactly (15-digit inputs × 15-digit rates × 12-digit months) with room
 * to spare; exponents are never used in output (`toExpNeg`/`toExpPos` wide).
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
  maxE: 9e15,
  minE: -9e15,
});

/** A decimal value made by {@link Dec}. */
export type Dec = Decimal;

/** Anything a decimal can be made from without loss: a decimal, or a decimal string. */
export type DecimalLike = Dec | string;

/** Makes a decimal from a decimal or an already-validated decimal string. */
export function dec(value: DecimalLike | number): Dec {
  return value instanceof Dec ? value : new Dec(value);
}

export const ZERO = deepFreeze(new Dec(0));

/** The exact sum of `values` (zero for none). */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

/** Rounding modes of the rule-set contract. */
export type RoundingMode = "half-up" | "half-even" | "down";

/** How output money is rounded: `{ scale: 2, mode: "half-up" }` is 四舍五入 to the fen. */
export interface Rounding {
  readonly scale: number;
  readonly mode: RoundingMode;
}

export const DEFAULT_ROUNDING: Rounding = Object.freeze({ scale: 2, mode: "half-up" });

/** decimal.js rounding constant for a contract mode (half-up is away from zero on ties, like Excel's ROUND). */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  switch (mode) {
    case "half-up":
      return Decimal.ROUND_HALF_UP;
    case "half-even":
      return Decimal.ROUND_HALF_EVEN;
    case "down":
      return Decimal.ROUND_DOWN;
  }
}
