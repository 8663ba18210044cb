import type { RoundingMode } from "./decimal.js";

/**
 * 定点整数 · scaled integers — the exact arithmetic of the fast path: a decimal is an integer mantissa `m` and a
 * scale `s` (its value is m × 10^-s), both plain numbers. Every operation checks that its result is a safe integer
 * (below 2^53, where a double holds every integer exactly); one that would not be throws {@link NOT_FAST}, and the
 * case is computed by decimal.js instead. So a result is either exact or not produced — never rounded by a float.
 */

/** Thrown when a figure leaves the safe integers: the caller computes the case with decimal.js (the reference path). */
export const NOT_FAST: unique symbol = Symbol("exitfund.notFast") as never;

/** Powers of ten that a double holds exactly (10^0 … 10^22). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** 10^k, exact; throws NOT_FAST beyond 10^22. */
export function pow10(k: number): number {
  const power = POW10[k];
  if (power === undefined) throw NOT_FAST;
  return power;
}

/** a × b, exact, or NOT_FAST. */
export function times(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw NOT_FAST;
  return product;
}

/** a + b, exact, or NOT_FAST. */
export function plus(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw NOT_FAST;
  return sum;
}

/** The mantissa `m` at scale `from` written at the larger scale `to` (m × 10^(to − from)), exact, or NOT_FAST. */
export function rescale(m: number, from: number, to: number): number {
  return to === from ? m : times(m, pow10(to - from));
}

/** Compares a × 10^-sa with b × 10^-sb: negative, zero or positive (exact; NOT_FAST when they cannot be aligned). */
export function compare(a: number, sa: number, b: number, sb: number): number {
  if (sa === sb) return a - b;
  return sa < sb ? rescale(a, sa, sb) - b : a - rescale(b, sb, sa);
}

/**
 * A non-negative mantissa `m` at scale `s` rounded to `scale` decimals by `mode` (ties away from zero, to even, or
 * cut), as a mantissa at `scale`: the integer arithmetic of `roundMoney`.
 */
export function roundScaled(m: number, s: number, scale: number, mode: RoundingMode): number {
  if (m < 0) throw NOT_FAST;
  if (s <= scale) return rescale(m, s, scale);
  const k = s - scale;
  // Up to 10^22 the divisor is an exact double, and so is twice any remainder (below 2^54): at 10^16 a mantissa of
  // 5 × 10^15 or more is half or more of it (0.5 rounds to 1). Beyond 10^22 the divisor exceeds twice every safe
  // mantissa: the quotient is 0 and the remainder under half of it.
  if (k > 22) return 0;
  const divisor = POW10[k] as number;
  let quotient = Math.floor(m / divisor);
  let remainder = m - quotient * divisor;
  // The float division can land one off near 2^53; the remainder says which way, exactly.
  if (remainder < 0) {
    quotient -= 1;
    remainder += divisor;
  } else if (remainder >= divisor) {
    quotient += 1;
    remainder -= divisor;
  }
  if (mode === "down" || remainder === 0) return quotient;
  const twice = remainder * 2;
  if (twice > divisor) return quotient + 1;
  if (twice < divisor) return quotient;
  return mode === "half-up" || quotient % 2 === 1 ? quotient + 1 : quotient;
}

/** What {@link readDecimal} found besides a value: text the contract refuses, or a decimal of more than 15 significant digits. */
export const REFUSED = -1;
export const TOO_LONG = -2;

/** The most digits a money or quantity string may have (as `checkDecimal` counts them). */
const MAX_WRITTEN = 30;
/** The most significant digits a mantissa takes: 10^15 < 2^53. */
const MAX_SIGNIFICANT = 15;

/**
 * Reads a non-negative decimal written as the contract writes it (`(0|[1-9]\d*)(\.\d+)?`, at most 30 digits): its
 * mantissa, with its scale in `out.scale`; {@link REFUSED} for anything `checkDecimal` refuses (a sign, a bare dot,
 * a leading zero, an exponent, a space, more than 30 digits), {@link TOO_LONG} for a valid decimal of more than 15
 * significant digits (decimal.js computes it).
 */
export function readDecimal(text: string, out: { scale: number }): number {
  const length = text.length;
  if (length === 0) return REFUSED;
  let index = 0;
  let mantissa = 0;
  let significant = 0;
  let written = 0;
  const first = text.charCodeAt(0);
  if (first === 0x30) {
    index = 1;
  } else {
    if (first < 0x31 || first > 0x39) return REFUSED;
    while (index < length) {
      const digit = text.charCodeAt(index) - 0x30;
      if (digit < 0 || digit > 9) break;
      mantissa = mantissa * 10 + digit;
      significant += 1;
      index += 1;
    }
    written = index;
  }
  let scale = 0;
  if (index < length) {
    if (text.charCodeAt(index) !== 0x2e || index === length - 1) return REFUSED;
    index += 1;
    while (index < length) {
      const digit = text.charCodeAt(index) - 0x30;
      if (digit < 0 || digit > 9) return REFUSED;
      if (significant > 0 || digit !== 0) {
        significant += 1;
        mantissa = mantissa * 10 + digit;
      }
      scale += 1;
      index += 1;
    }
    written += scale;
  }
  if (written > MAX_WRITTEN) return REFUSED;
  if (significant > MAX_SIGNIFICANT) return TOO_LONG;
  out.scale = scale;
  return mantissa;
}

/**
 * The canonical text of a money or quantity value as `checkDecimal` keeps it: a string as written, a JSON number as
 * `String(n)` when that has at most 15 significant digits and no exponent (else undefined: refused). Signs are the
 * caller's: `readDecimal` refuses them.
 */
export function decimalText(input: unknown): string | undefined {
  if (typeof input === "string") return input;
  if (typeof input !== "number" || !Number.isFinite(input)) return undefined;
  const text = String(input);
  // String(n) has no leading zeros; its significant digits are its digits after any "0." and zeros.
  let digits = 0;
  let leading = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x2e) continue;
    if (code < 0x30 || code > 0x39) return undefined;
    if (leading && code === 0x30) continue;
    leading = false;
    digits += 1;
  }
  return digits > MAX_SIGNIFICANT ? undefined : text;
}

/** m × 10^-s written as decimal.js's `toString` writes it: no trailing zeros, no exponent (`12050`, 2 → "120.5"). */
export function decimalString(m: number, s: number): string {
  if (m < 0) return `-${decimalString(-m, s)}`;
  let mantissa = m;
  let scale = s;
  while (scale > 0 && mantissa % 10 === 0) {
    mantissa /= 10;
    scale -= 1;
  }
  const digits = String(mantissa);
  if (scale === 0) return digits;
  if (digits.length > scale) return `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return `0.${"0".repeat(scale - digits.length)}${digits}`;
}

/** An amount of `units` at `scale` decimals with exactly `scale` decimals, as `toMoneyString` writes it ("-12.50"; zero unsigned). */
export function moneyString(units: number, scale: number): string {
  if (units === 0) return scale === 0 ? "0" : `0.${"0".repeat(scale)}`;
  if (units < 0) return `-${moneyString(-units, scale)}`;
  const digits = String(units);
  if (scale === 0) return digits;
  if (digits.length > scale) return `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return `0.${"0".repeat(scale - digits.length)}${digits}`;
}

/** A decimal in scaled integers: m × 10^-s. */
export interface Fixed {
  readonly m: number;
  readonly s: number;
}

/** The fixed decimal 0. */
export const FIXED_ZERO: Fixed = Object.freeze({ m: 0, s: 0 });

/** a + b at the larger scale, exact, or NOT_FAST. */
export function addFixed(a: Fixed, b: Fixed): Fixed {
  if (a.s === b.s) return { m: plus(a.m, b.m), s: a.s };
  return a.s < b.s
    ? { m: plus(rescale(a.m, a.s, b.s), b.m), s: b.s }
    : { m: plus(a.m, rescale(b.m, b.s, a.s)), s: a.s };
}

/** a − b at the larger scale, exact, or NOT_FAST. */
export function subtractFixed(a: Fixed, b: Fixed): Fixed {
  return addFixed(a, { m: -b.m, s: b.s });
}

/** a × b, exact, or NOT_FAST. */
export function multiplyFixed(a: Fixed, b: Fixed): Fixed {
  return { m: times(a.m, b.m), s: a.s + b.s };
}

/** Compares two fixed decimals: negative, zero or positive. */
export function compareFixed(a: Fixed, b: Fixed): number {
  return compare(a.m, a.s, b.m, b.s);
}

/** The smaller of two fixed decimals (the first when they are equal, as `Decimal.min`). */
export function minFixed(a: Fixed, b: Fixed): Fixed {
  return compareFixed(b, a) < 0 ? b : a;
}
