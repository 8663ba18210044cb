import { Decimal } from "decimal.js";
import { refuse } from "../errors/arguments.js";
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

// Every decimal exitfund returns has Dec as its constructor, so `roundMoney("1").constructor.set({ precision: 3 })`
// would reconfigure every later result: the configuration is fixed (decimal.js reads it from the constructor at
// each operation, and writes it only in the transcendental functions, which exitfund never calls).
const fixed = (): never =>
  refuse(
    "Decimal",
    "decimal-config-fixed",
    "exitfund's decimals cannot be reconfigured (60 significant digits, half-up): their configuration is what makes every result exact; use a decimal.js of your own (Decimal.clone()) for other settings",
    "exitfund 的十进制数不可重新配置（60 位有效数字，四舍五入）：结果的精确性依赖于此；如需其他设置，请使用自己的 decimal.js 副本（Decimal.clone）",
  );
Object.defineProperty(Dec, "set", { value: fixed });
Object.defineProperty(Dec, "config", { value: fixed });
Object.freeze(Dec);

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
