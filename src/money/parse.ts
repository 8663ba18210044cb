import { BOOLEAN_OPTION, oneOfOption, optionsArgument, refuse as refuseArgument } from "../errors/arguments.js";
import { describeValue, describeValueZh, echo } from "../errors/echo.js";
import { Dec, dec } from "./decimal.js";

/** The outcome of {@link checkDecimal}: the canonical decimal string, or why the input was refused. */
export type ParseResult = { ok: true; value: string } | { ok: false; message: string };

/** What {@link checkDecimal} accepts beyond a non-negative decimal, and which wording its messages use. */
export interface CheckDecimalOptions {
  readonly allowNegative?: boolean;
  readonly what?: "money" | "quantity";
}

/**
 * A decimal as every contract writes it, the one pattern of the package: no leading zeros ("007" could be a
 * code, not an amount) and no bare dot ("1.", ".5"), so each digit the user typed is kept ("1250.50" stays).
 */
export const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

// A decimal with at most 15 significant digits survives a trip through an IEEE double unchanged,
// so `String(n)` gives back the digits that were typed (the same limit Excel shows).
const MAX_NUMBER_DIGITS = 15;

/**
 * The most digits an amount or quantity may have (integer digits, a lone leading 0 not counted, plus
 * decimals). The kernel computes at 60 significant digits, so a product of two such figures, and every sum
 * of amounts rounded to the fen, is exact; no real amount comes near it.
 */
export const MAX_AMOUNT_DIGITS = 30;

const EXPECTED = {
  money:
    'must be a decimal string in yuan such as "1250.50" (no commas, currency signs, exponents, spaces or leading zeros)',
  quantity: 'must be a decimal string such as "120.5" (no commas, units, exponents, spaces or leading zeros)',
} as const;

/**
 * 金额校验 · decimal check — the canonical decimal string of a money or quantity input, or why it was refused.
 *
 * @remarks
 * Accepts a string matching `-?(0|[1-9]\d*)(\.\d+)?` (the minus only with `allowNegative`), or a
 * finite JSON number whose shortest form `String(n)` has at most 15 significant digits and no
 * exponent. Messages name no field: the caller prefixes the path or label.
 *
 * @example
 * checkDecimal("1250.50", {}); // { ok: true, value: "1250.50" }
 * checkDecimal("1,250.50", {}); // { ok: false, message: 'must be a decimal string in yuan such as "1250.50" (…); got "1,250.50"' }
 * @category money
 */
export function checkDecimal(input: unknown, options: CheckDecimalOptions = {}): ParseResult {
  return decimalCheck(input, optionsArgument(options, "options", CHECK_OPTIONS) as CheckDecimalOptions);
}

/** {@link checkDecimal} with options the library built (unchecked: the schemas call it for every amount). */
export function decimalCheck(input: unknown, checked: CheckDecimalOptions): ParseResult {
  const expected = EXPECTED[checked.what ?? "money"];
  if (typeof input === "number") {
    const text = String(input);
    if (!Number.isFinite(input) || !DECIMAL.test(text) || significantDigits(text) > MAX_NUMBER_DIGITS) {
      return refuse(
        `${expected}; a JSON number is accepted only when it has at most ${MAX_NUMBER_DIGITS} significant digits and no exponent, got the number ${text}`,
      );
    }
    return checkSign(text, `the number ${text}`, checked);
  }
  if (typeof input !== "string" || !DECIMAL.test(input)) return refuse(`${expected}; got ${describe(input)}`);
  const digits = writtenDigits(input);
  if (digits > MAX_AMOUNT_DIGITS)
    return refuse(
      `has ${digits} digits; at most ${MAX_AMOUNT_DIGITS} are computed exactly (no real amount needs more: check the value); got ${describe(input)}`,
    );
  return checkSign(input, describe(input), checked);
}

const CHECK_OPTIONS = Object.freeze({ allowNegative: BOOLEAN_OPTION, what: oneOfOption(["money", "quantity"]) });

/**
 * The most digits a decimal string given to a money helper (or as an outcome's amount) may have: every
 * operation on it stays exact at the kernel's 60 significant digits, with room for the sums of a city.
 */
export const MAX_HELPER_DIGITS = 50;

/**
 * A decimal given to a money helper, as the library's decimal: a decimal of the library's (or of decimal.js),
 * finite, or a decimal string (`-?(0|[1-9]\d*)(\.\d+)?`, at most {@link MAX_HELPER_DIGITS} digits). A JS number
 * is never taken as an amount: it may have lost digits already (0.1 + 0.2 is 0.30000000000000004).
 *
 * @throws InvalidInputError naming `path`, what was given and what is accepted.
 */
export function decimalArgument(value: unknown, path: string, options: { readonly allowNegative?: boolean } = {}): Dec {
  const decimal = toDecimal(value, options.allowNegative !== false);
  if (decimal !== undefined) return decimal;
  const negative = options.allowNegative !== false;
  return refuseArgument(
    path,
    typeof value === "number" ? "number-not-decimal" : "not-a-decimal",
    decimalRefusal(value, negative),
    `应为十进制数字文本${negative ? "" : "（不得为负）"}，如 "1250.50"，或 exitfund 的十进制数；不接受 JS 数字（可能已丢失位数）；实际为 ${describeValueZh(value)}`,
  );
}

/** {@link decimalArgument}'s value, or undefined where it would refuse. */
export function toDecimal(value: unknown, allowNegative = true): Dec | undefined {
  let decimal: Dec | undefined;
  if (value instanceof Dec) decimal = value;
  else if (Dec.isDecimal(value)) decimal = new Dec(value as Dec);
  else if (typeof value === "string" && DECIMAL.test(value) && writtenDigits(value) <= MAX_HELPER_DIGITS)
    decimal = dec(value);
  return decimal !== undefined && decimal.isFinite() && (allowNegative || !decimal.isNegative()) ? decimal : undefined;
}

/** What a money helper accepts, in English, and why a value was refused (a JS number, too many digits). */
export function decimalRefusal(value: unknown, allowNegative = true): string {
  const sign = allowNegative ? "" : " ≥ 0";
  const why =
    typeof value === "number"
      ? `, never a JS number (it may have lost digits already: 0.1 + 0.2 is 0.30000000000000004); write it as a string`
      : typeof value === "string" && DECIMAL.test(value) && writtenDigits(value) > MAX_HELPER_DIGITS
        ? `; it has ${writtenDigits(value)} digits, more than the ${MAX_HELPER_DIGITS} computed exactly`
        : "";
  return `must be a decimal${sign} written as a string such as "1250.50" (no commas, exponents or spaces) or a decimal of exitfund${why}; got ${describeValue(value)}`;
}

/**
 * 金额解析 · money parse — the decimal value of a money input (yuan).
 *
 * @throws InvalidInputError at `value` with the {@link checkDecimal} message; for a JS number (which may have lost
 * digits already) `number-not-decimal`, as every money helper refuses one.
 * @example
 * parseMoney("1250.50"); // Dec 1250.5
 * parseMoney("-12.00", { allowNegative: true }); // Dec -12
 * @category money
 */
export function parseMoney(input: unknown, options: { readonly allowNegative?: boolean } = {}): Dec {
  // A money helper never takes a JS number (checkDecimal, the reader of a JSON field, takes a short one).
  if (typeof input === "number") decimalArgument(input, "value", { allowNegative: options.allowNegative === true });
  return unwrap(checkDecimal(input, { ...options, what: "money" }));
}

/**
 * 数量解析 · quantity parse — the decimal value of an area, length or weight (never negative).
 *
 * @throws InvalidInputError at `value` with the {@link checkDecimal} message.
 * @example
 * parseQuantity("120.5"); // Dec 120.5
 * @category money
 */
export function parseQuantity(input: unknown): Dec {
  if (typeof input === "number") decimalArgument(input, "value", { allowNegative: false });
  return unwrap(checkDecimal(input, { what: "quantity" }));
}

function checkSign(text: string, shown: string, options: CheckDecimalOptions): ParseResult {
  if (text.startsWith("-") && options.allowNegative !== true) {
    return refuse(`must not be negative (no minus sign); got ${shown}`);
  }
  return { ok: true, value: text };
}

/** Digits written: the integer part's (a lone 0 not counted) and every decimal. */
export function writtenDigits(text: string): number {
  const unsigned = text.startsWith("-") ? text.slice(1) : text;
  const point = unsigned.indexOf(".");
  const integer = point < 0 ? unsigned : unsigned.slice(0, point);
  return (integer === "0" ? 0 : integer.length) + (point < 0 ? 0 : unsigned.length - point - 1);
}

function significantDigits(text: string): number {
  return text.replace(/[-.]/g, "").replace(/^0+/, "").length;
}

function describe(input: unknown): string {
  // A pasted cell can be long; the start is enough to find it.
  return echo(input);
}

function refuse(message: string): ParseResult {
  return { ok: false, message };
}

function unwrap(result: ParseResult): Dec {
  if (!result.ok) return refuseArgument("value", "not-a-decimal", result.message, `应为十进制数字文本，如 "1250.50"`);
  return dec(result.value);
}
