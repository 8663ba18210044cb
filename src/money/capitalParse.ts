import { refuse } from "../errors/arguments.js";
import { describeValue, describeValueZh, echo } from "../errors/echo.js";
import { InvalidInputError, isInvalidInputError } from "../errors/index.js";
import { Dec, type DecimalLike } from "./decimal.js";
import { decimalArgument } from "./parse.js";

// Forms the PBOC says banks accept (貳 陸 億 萬, 圆) and 正 for 整, mapped to the canonical characters.
const VARIANTS: Readonly<Record<string, string>> = {
  貳: "贰",
  陸: "陆",
  億: "亿",
  萬: "万",
  圆: "元",
  圓: "元",
  正: "整",
};
const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL_UNITS: Readonly<Record<string, number>> = { 拾: 1, 佰: 2, 仟: 3 };
const AMOUNT = /^(?:人民币)?(负)?(?:([^元]*)元)?([^元]*)$/;
const FRACTION = /^(零)?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?(整)?$/;
const HIGHEST_PLACE = 15;

/** A non-zero digit at its place (0 = yuan, 4 = 万 …) and whether a 零 was written before it. */
interface Term {
  readonly digit: number;
  place: number;
  readonly zeroBefore: boolean;
}

/**
 * 大写解读 · capitals decoder — the value of an amount written in Chinese capitals, in any form the rules allow.
 *
 * @remarks
 * Accepts the canonical form of {@link toChineseCapital} and the variants of 《正确填写票据和结算凭证的基本规定》:
 * a 人民币 prefix; 圆 for 元 and 正 for 整; 貳 陸 億 萬; a 零 (or none) where zeros end at 万, 亿 or 元
 * before a non-zero digit (壹拾万零柒仟元, 壹仟陆佰捌拾元零叁角贰分); no 整 after 角; 拾 for a leading
 * 壹拾; 零元 before an amount under one yuan; a leading 负. Outer spaces are ignored. Refused: a missing
 * 零 that the reading needs (壹佰壹, 元贰分), a 零 where no zero is, 整 after 分, a missing 整 after 元, and
 * any other character.
 *
 * @throws InvalidInputError when the text is not an amount in capitals.
 * @example
 * parseChineseCapital("人民币壹拾万零柒仟元伍角叁分"); // Dec 107000.53
 * @category money
 */
export function parseChineseCapital(text: string): Dec {
  if (typeof text !== "string")
    refuse(
      "text",
      "not-a-text",
      `must be an amount written in Chinese capitals (大写), e.g. "壹仟陆佰捌拾元零叁角贰分"; got ${describeValue(text)}`,
      `应为大写金额文本，如 "壹仟陆佰捌拾元零叁角贰分"；实际为 ${describeValueZh(text)}`,
    );
  const normal = Array.from(text.trim(), (char) => VARIANTS[char] ?? char).join("");
  const match = AMOUNT.exec(normal);
  const fraction = match === null ? null : FRACTION.exec(match[3] ?? "");
  if (match === null || fraction === null)
    throw notCapital(text, "it does not end in 元, 角, 分 or 整 as an amount does", "金额应以元、角、分或整结尾");
  const [, negative, integerText] = match;
  const [, zero, jiao, cents, whole] = fraction;

  const terms = integerText === undefined || integerText === "零" ? [] : readTerms(integerText, text);
  const lastPlace = terms.at(-1)?.place;
  if (integerText === "") throw notCapital(text, "元 needs an amount before it", "元之前缺少金额");
  if (cents !== undefined && whole !== undefined) throw notCapital(text, "整 never follows 分", "分之后不写整");
  if (
    jiao === undefined &&
    cents === undefined &&
    (whole === undefined || zero !== undefined || integerText === undefined)
  ) {
    throw notCapital(text, "an amount in whole yuan ends in 元整", "整元金额应以元整结尾");
  }
  if (zero !== undefined && (integerText === undefined || (jiao !== undefined && lastPlace === 0))) {
    throw notCapital(text, ...ZERO_WITHOUT_ZERO);
  }
  if (zero === undefined && jiao === undefined && cents !== undefined && terms.length > 0) {
    throw notCapital(text, "零 must come before 分 when 角 is zero", "角为零时分之前应写零");
  }

  let fen = 0n;
  for (const term of terms) fen += BigInt(term.digit) * 10n ** BigInt(term.place + 2);
  fen += BigInt(DIGITS.indexOf(jiao ?? "零")) * 10n + BigInt(DIGITS.indexOf(cents ?? "零"));
  if (negative !== undefined && fen === 0n) throw notCapital(text, "负 needs a non-zero amount", "负之后应为非零金额");
  const value = new Dec(fen.toString()).dividedBy(100);
  return negative === undefined ? value : value.negated();
}

/**
 * 大小写核对 · figure–capitals check — whether a figure and its amount in capitals are the same amount.
 *
 * @remarks Compares decoded values, never strings, so every accepted variant passes; text that is not an
 * amount in capitals gives `false`.
 * @example
 * crossCheckCapital("1680.32", "壹仟陆佰捌拾元零叁角贰分"); // true
 * @category money
 */
export function crossCheckCapital(figure: DecimalLike, capital: string): boolean {
  const amount = decimalArgument(figure, "figure");
  if (typeof capital !== "string")
    refuse(
      "capital",
      "not-a-text",
      `must be the amount in Chinese capitals (大写) to check; got ${describeValue(capital)}`,
      `应为待核对的大写金额文本；实际为 ${describeValueZh(capital)}`,
    );
  try {
    return parseChineseCapital(capital).eq(amount);
  } catch (error) {
    if (isInvalidInputError(error)) return false;
    throw error;
  }
}

/** The non-zero digits of the yuan part with their places, checked against the standard reading's 零 rules. */
function readTerms(text: string, original: string): Term[] {
  const terms: Term[] = [];
  let groupStart = 0; // first term not yet under a 万 or 亿
  let yiStart = 0; // first term not yet under a 亿
  let zero = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const digit = DIGITS.indexOf(char);
    if (char === "零" && !zero && terms.length > 0) {
      zero = true;
    } else if (digit > 0) {
      const place = SMALL_UNITS[text.charAt(index + 1)];
      if (place !== undefined) index += 1;
      terms.push({ digit, place: place ?? 0, zeroBefore: zero });
      zero = false;
    } else if (char === "拾" && index === 0) {
      terms.push({ digit: 1, place: 1, zeroBefore: false }); // colloquial 拾元 for 壹拾元
    } else if ((char === "万" || char === "亿") && !zero && terms.length > (char === "万" ? groupStart : yiStart)) {
      // 万 lifts the digits since the last 万 or 亿; 亿 lifts everything since the last 亿 (壹万贰仟亿).
      for (const term of terms.slice(char === "万" ? groupStart : yiStart)) term.place += char === "万" ? 4 : 8;
      groupStart = terms.length;
      if (char === "亿") yiStart = terms.length;
    } else {
      throw notCapital(original, `"${char}" cannot stand there`, `"${char}" 不能出现在此处`);
    }
  }
  if (zero) throw notCapital(original, ...ZERO_WITHOUT_ZERO);
  terms.forEach((term, index) => checkZero(terms[index - 1], term, original));
  return terms;
}

// Zeros inside a group, leading a group or filling a whole group are read as one 零; zeros that end
// a group before a non-zero top digit of the next group may take one 零 or none (PBOC rule on 万/元).
function checkZero(previous: Term | undefined, term: Term, original: string): void {
  if (previous === undefined) {
    if (term.place > HIGHEST_PLACE) throw notCapital(original, "the amount is 10^16 or more", "金额达到或超过 10^16");
    return;
  }
  if (term.place >= previous.place) throw notCapital(original, "its places are out of order", "数位顺序不正确");
  const gap = previous.place - term.place - 1;
  const groupsApart = Math.floor(previous.place / 4) - Math.floor(term.place / 4);
  const required = gap > 0 && ((term.place + 1) % 4 !== 0 || groupsApart >= 2);
  if (term.zeroBefore ? gap === 0 : required)
    throw notCapital(original, ...(term.zeroBefore ? ZERO_WITHOUT_ZERO : ZERO_MISSING));
}

const ZERO_WITHOUT_ZERO: readonly [string, string] = ["零 stands where no zero is", "此处没有零，不应写零"];
const ZERO_MISSING: readonly [string, string] = ["a 零 is missing", "缺少零"];

function notCapital(text: string, reason: string, reasonZh: string): InvalidInputError {
  return new InvalidInputError([
    {
      path: "text",
      code: "not-capitals",
      message: `${echo(text)} is not an amount in Chinese capitals (大写): ${reason}`,
      zh: `${echo(text)} 不是规范的大写金额：${reasonZh}`,
    },
  ]);
}
