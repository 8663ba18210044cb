import { COUNT_OPTION, optionsArgument, refuse } from "../errors/arguments.js";
import { describeValue, describeValueZh } from "../errors/echo.js";
import type { DecimalLike } from "./decimal.js";
import { decimalArgument } from "./parse.js";
import { toMoneyString } from "./round.js";

const TEN_THOUSAND = 10_000;

/**
 * 小写金额 · yuan figure — `¥` and the amount with thousands separators, rounded half-up to `scale` decimals.
 *
 * @remarks
 * The sign goes before `¥` (`-¥12.50`); a value that rounds to zero prints `¥0.00`, never `-¥0.00`.
 * Vouchers write `¥` with no gap; ledgers and reports use {@link formatAmount} (no `¥`).
 *
 * @example
 * formatYuan("1234567.8"); // "¥1,234,567.80"
 * formatYuan("-12.5"); // "-¥12.50"
 * @category money
 */
export function formatYuan(value: DecimalLike, options: { readonly scale?: number } = {}): string {
  const { scale } = optionsArgument(options, "options", { scale: COUNT_OPTION }) as { readonly scale?: number };
  const amount = formatAmount(value, scale ?? 2);
  return amount.startsWith("-") ? `-¥${amount.slice(1)}` : `¥${amount}`;
}

/**
 * 表格金额 · table amount — the amount with thousands separators and `scale` decimals (half-up), no `¥`.
 *
 * @example
 * formatAmount("1234567.8"); // "1,234,567.80"
 * @category money
 */
export function formatAmount(value: DecimalLike, scale = 2): string {
  if (!Number.isSafeInteger(scale) || scale < 0 || scale > 20)
    refuse(
      "scale",
      "not-a-whole-number",
      `must be a whole number of decimals from 0 to 20; got ${describeValue(scale)}`,
      `小数位数应为 0 至 20 的整数；实际为 ${describeValueZh(scale)}`,
    );
  const [whole = "", fraction] = toMoneyString(value, { scale, mode: "half-up" }).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * 万元金额 · amount in 万元 — the yuan value divided by 10,000, half-up to `decimals`, with separators and `万元`.
 *
 * @remarks
 * 2 decimals (the default) is the usual published table; 4 decimals is exact to the yuan, 6 to the fen.
 *
 * @example
 * formatWan("1234567"); // "123.46万元"
 * formatWan("1234567", { decimals: 4 }); // "123.4567万元"
 * @category money
 */
export function formatWan(value: DecimalLike, options: { readonly decimals?: number } = {}): string {
  const { decimals } = optionsArgument(options, "options", { decimals: COUNT_OPTION }) as {
    readonly decimals?: number;
  };
  return `${formatAmount(decimalArgument(value, "value").dividedBy(TEN_THOUSAND), decimals ?? 2)}万元`;
}
