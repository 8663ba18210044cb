import { optionsArgument, oneOfOption, refuse } from "../errors/arguments.js";
import { Dec, type DecimalLike } from "./decimal.js";
import { decimalArgument } from "./parse.js";

// The decoder lives beside the encoder's file; both are reached through here.
export { crossCheckCapital, parseChineseCapital } from "./capitalParse.js";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL_UNITS = ["", "拾", "佰", "仟"] as const;
// Group 3 is the 万 of 亿: 10^12 reads 壹万亿 and 1.2 × 10^12 reads 壹万贰仟亿 (standard reading).
const GROUP_UNITS = ["", "万", "亿", "万"] as const;
const LIMIT = new Dec("1e16");
const PREFIX = oneOfOption(["人民币", ""]);

/**
 * 人民币大写 · amount in Chinese capitals — the 大写 of an amount already at the fen, e.g. 壹万陆仟肆佰零玖元零贰分.
 *
 * @remarks
 * 《会计基础工作规范》第五十二条 and the PBOC's 《正确填写票据和结算凭证的基本规定》. Standard reading in
 * groups of four digits (万, 亿, 万亿), always 壹拾 (never a bare 拾), one 零 for each run of zeros
 * that is read (also across a group boundary: 壹拾万零壹拾元整), none for zeros ending a group
 * (壹拾万柒仟元伍角叁分). 整 follows 元 when 角 and 分 are zero. **An amount ending at 角 takes 整**
 * (壹拾元壹角整): Art. 52 requires it and the PBOC allows it, so it satisfies both. 零 precedes 分 when
 * 角 is zero (壹拾万元零伍分); 整 never follows 分. Under one yuan there is no 零元 (伍角整, 伍分);
 * zero is 零元整; a negative amount gets a leading 负. Rounding to the fen is the caller's recorded
 * step, so more than two decimals is refused rather than rounded.
 *
 * @throws InvalidInputError when the value is not a decimal (a string or a decimal; never a JS number), has more
 * than 2 decimals or is 10^16 or more in size.
 * @example
 * toChineseCapital("100010"); // "壹拾万零壹拾元整"
 * toChineseCapital("120000", { prefix: "人民币" }); // "人民币壹拾贰万元整"
 * @category money
 */
export function toChineseCapital(value: DecimalLike, options: { readonly prefix?: "人民币" | "" } = {}): string {
  const { prefix } = optionsArgument(options, "options", { prefix: PREFIX }) as { readonly prefix?: string };
  const amount = decimalArgument(value, "value");
  if (amount.decimalPlaces() > 2)
    refuse(
      "value",
      "too-many-decimals",
      `amount ${amount.toString()} has more than 2 decimals: round it to the fen before writing it in capitals`,
      "金额小数位超过 2 位：请先舍入到分再写大写",
    );
  if (amount.abs().gte(LIMIT))
    refuse(
      "value",
      "too-large",
      `amount ${amount.toString()} is too large for capitals (limit 10^16)`,
      "金额过大，无法写成大写（上限 10^16）",
    );
  const sign = amount.isNegative() && !amount.isZero() ? "负" : "";
  return `${prefix ?? ""}${sign}${spell(amount.abs())}`;
}

function spell(amount: Dec): string {
  const fen = amount.times(100).toFixed(0).padStart(3, "0"); // Decimal#toFixed: exact
  const whole = fen.slice(0, -2).replace(/^0+/, "");
  const jiao = Number(fen.at(-2));
  const cents = Number(fen.at(-1));
  const yuan = whole === "" ? "" : `${readInteger(whole)}元`;
  if (jiao === 0 && cents === 0) return yuan === "" ? "零元整" : `${yuan}整`;
  const jiaoText = jiao !== 0 ? `${DIGITS[jiao]}角` : yuan !== "" ? "零" : "";
  return `${yuan}${jiaoText}${cents !== 0 ? `${DIGITS[cents]}分` : "整"}`;
}

/** Standard reading of a positive integer written without leading zeros. */
function readInteger(digits: string): string {
  const groupCount = Math.ceil(digits.length / 4);
  const padded = digits.padStart(groupCount * 4, "0");
  let out = "";
  let zero = false;
  for (let group = groupCount - 1; group >= 0; group -= 1) {
    const start = (groupCount - 1 - group) * 4;
    const block = padded.slice(start, start + 4);
    if (block === "0000") {
      zero = out !== "";
      if (group === 2 && out !== "") out += "亿";
      continue;
    }
    for (let place = 3; place >= 0; place -= 1) {
      const digit = Number(block[3 - place]);
      if (digit === 0) {
        zero = out !== "";
        continue;
      }
      out += `${zero ? "零" : ""}${DIGITS[digit]}${SMALL_UNITS[place]}`;
      zero = false;
    }
    out += GROUP_UNITS[group];
    zero = false; // zeros that end a group are not read
  }
  return out;
}
