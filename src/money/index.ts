// The money kernel's public names. Named exports only, so each new name shows up in review.
export { DEFAULT_ROUNDING, dec } from "./decimal.js";
export type { Dec, DecimalLike, Rounding, RoundingMode } from "./decimal.js";
export { checkDecimal, parseMoney, parseQuantity } from "./parse.js";
export type { CheckDecimalOptions, ParseResult } from "./parse.js";
export { roundMoney, toMoneyString } from "./round.js";
export { allocate, allocateWithLog } from "./allocate.js";
export type { Allocation } from "./allocate.js";
export { formatAmount, formatWan, formatYuan } from "./format.js";
export { crossCheckCapital, parseChineseCapital, toChineseCapital } from "./capital.js";
