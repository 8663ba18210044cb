import { REFUSED, TOO_LONG, decimalText, readDecimal } from "../money/scaled.js";

/**
 * 快速校验 · the fast path's checks of the contract's scalars: each accepts exactly what its zod schema in
 * `scalars.ts` accepts, without building an issue. They answer only yes or no — on a no the case is validated
 * again by zod, which stays the reference and writes the message (an equivalence property keeps them in step).
 */

/** A plain object as JSON gives it: not null, not a list, with `Object.prototype` (or no prototype). */
export { isPlainObject as isRecord } from "../errors/arguments.js";

/**
 * The number of keys of a record as a strict object sees them: `for…in` (every enumerable string key, as zod's
 * check for unknown keys walks them). A record with exactly the known keys it holds has no other.
 */
export function keyCount(record: object): number {
  let count = 0;
  for (const _ in record) count += 1;
  return count;
}

/** `TextSchema`: a non-empty string without leading or trailing white space. */
export function isText(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.trim() === value;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `IsoDateSchema`: `YYYY-MM-DD`, a real calendar date. */
export function isDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS[month] as number));
}

/** The number written by `count` ASCII digits from `start`, or -1. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `CountSchema`: a whole number ≥ 0 (a safe integer). */
export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * A decimal read for the fast path: `text` as the schema keeps it (the string, or `String(n)` of a number),
 * `m` and `s` its mantissa and scale; `m` is {@link REFUSED} when the schema refuses the value and {@link TOO_LONG}
 * when decimal.js must compute it.
 */
export interface DecimalRead {
  text: string;
  m: number;
  s: number;
}

/** A reusable reader of `QuantitySchema` / `MoneySchema` values (≥ 0), writing into its own {@link DecimalRead}. */
export function decimalReader(): (value: unknown) => DecimalRead {
  const read: DecimalRead = { text: "", m: 0, s: 0 };
  const scale = { scale: 0 };
  return (value) => {
    const text = decimalText(value);
    if (text === undefined) {
      read.m = REFUSED;
      return read;
    }
    read.text = text;
    read.m = readDecimal(text, scale);
    read.s = scale.scale;
    return read;
  };
}

export { REFUSED, TOO_LONG };
