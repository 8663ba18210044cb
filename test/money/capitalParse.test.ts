import { describe, expect, it } from "vitest";
import { crossCheckCapital, parseChineseCapital } from "../../src/money/capital.js";
import { InvalidInputError } from "../../src/errors/index.js";

describe("parseChineseCapital reads the canonical form and every accepted variant", () => {
  it.each([
    { name: "canonical 壹仟肆佰零玖元伍角整 → 1409.50", text: "壹仟肆佰零玖元伍角整", expected: "1409.5" },
    { name: "no 整 after 角 (PBOC allows it) → 1409.50", text: "壹仟肆佰零玖元伍角", expected: "1409.5" },
    { name: "canonical 陆仟零柒元壹角肆分 → 6007.14", text: "陆仟零柒元壹角肆分", expected: "6007.14" },
    { name: "canonical 壹仟陆佰捌拾元叁角贰分 → 1680.32", text: "壹仟陆佰捌拾元叁角贰分", expected: "1680.32" },
    { name: "元 digit 0: 零 after 元 allowed → 1680.32", text: "壹仟陆佰捌拾元零叁角贰分", expected: "1680.32" },
    { name: "canonical 壹拾万柒仟元伍角叁分 → 107000.53", text: "壹拾万柒仟元伍角叁分", expected: "107000.53" },
    { name: "零 after 元 → 107000.53", text: "壹拾万柒仟元零伍角叁分", expected: "107000.53" },
    { name: "万 digit 0: 零 after 万 allowed → 107000.53", text: "壹拾万零柒仟元伍角叁分", expected: "107000.53" },
    { name: "canonical 壹万陆仟肆佰零玖元零贰分 → 16409.02", text: "壹万陆仟肆佰零玖元零贰分", expected: "16409.02" },
    { name: "canonical 叁佰贰拾伍元零肆分 → 325.04", text: "叁佰贰拾伍元零肆分", expected: "325.04" },
    { name: "canonical 壹拾万元零伍分 → 100000.05", text: "壹拾万元零伍分", expected: "100000.05" },
    { name: "canonical 壹拾万零壹拾元整 → 100010", text: "壹拾万零壹拾元整", expected: "100010" },
    { name: "canonical 壹拾亿零壹万元整 → 1000010000", text: "壹拾亿零壹万元整", expected: "1000010000" },
    { name: "canonical 壹亿元壹角整 → 100000000.10", text: "壹亿元壹角整", expected: "100000000.1" },
    { name: "零 after 元 → 100000000.10", text: "壹亿元零壹角整", expected: "100000000.1" },
    { name: "canonical 壹拾元整 → 10", text: "壹拾元整", expected: "10" },
    { name: "canonical 壹拾伍元整 → 15", text: "壹拾伍元整", expected: "15" },
    { name: "colloquial 拾元整 → 10", text: "拾元整", expected: "10" },
    { name: "colloquial 拾伍元整 → 15", text: "拾伍元整", expected: "15" },
    { name: "canonical 零元整 → 0", text: "零元整", expected: "0" },
    { name: "canonical 伍角整 → 0.50", text: "伍角整", expected: "0.5" },
    { name: "零元伍角整 → 0.50", text: "零元伍角整", expected: "0.5" },
    { name: "canonical 伍分 → 0.05", text: "伍分", expected: "0.05" },
    { name: "零元伍分 → 0.05", text: "零元伍分", expected: "0.05" },
    {
      name: "canonical 壹万贰仟叁佰肆拾伍元陆角柒分 → 12345.67",
      text: "壹万贰仟叁佰肆拾伍元陆角柒分",
      expected: "12345.67",
    },
    { name: "人民币 prefix → 123456.78", text: "人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分", expected: "123456.78" },
    { name: "圆 for 元 and 正 for 整 → 10", text: "壹拾圆正", expected: "10" },
    { name: "traditional 貳 陸 億 萬 → 260020000", text: "貳億陸仟零貳萬元整", expected: "260020000" },
    { name: "负 → -12.50", text: "负壹拾贰元伍角整", expected: "-12.5" },
    { name: "人民币 then 负 → -12.50", text: "人民币负壹拾贰元伍角整", expected: "-12.5" },
    { name: "outer spaces ignored → 10", text: " 壹拾元整 ", expected: "10" },
    { name: "壹万亿元整 → 10^12", text: "壹万亿元整", expected: "1000000000000" },
    { name: "壹万贰仟亿元整 → 1.2 × 10^12", text: "壹万贰仟亿元整", expected: "1200000000000" },
  ])("$name", ({ text, expected }) => {
    expect(parseChineseCapital(text).toString()).toBe(expected);
  });

  it.each([
    { name: "empty text", text: "" },
    { name: "Arabic digits", text: "12元整" },
    { name: "lower-case numerals 一十元整", text: "一十元整" },
    { name: "missing 整 after 元 (both rules require it)", text: "壹拾元" },
    { name: "整 after 分", text: "伍分整" },
    { name: "missing 零 inside a group: 壹佰壹元整 (colloquial 110 or 101?)", text: "壹佰壹元整" },
    { name: "missing 零 before 分 when 角 is 0: 壹拾元贰分", text: "壹拾元贰分" },
    { name: "missing 零 before a group's leading zeros: 壹拾万壹拾元整", text: "壹拾万壹拾元整" },
    { name: "零 where no zero is: 壹仟零壹佰元整", text: "壹仟零壹佰元整" },
    { name: "零 after 元 when the 元 digit is not 0: 壹元零伍角整", text: "壹元零伍角整" },
    { name: "two 零 in a row", text: "壹仟零零壹元整" },
    { name: "零 before a unit: 壹拾零万元整", text: "壹拾零万元整" },
    { name: "places out of order: 壹拾壹佰元整", text: "壹拾壹佰元整" },
    { name: "两 for 贰", text: "两元整" },
    { name: "only 元整", text: "元整" },
    { name: "only 整", text: "整" },
    { name: "零元 with nothing after", text: "零元" },
    { name: "负 before zero", text: "负零元整" },
    { name: "two 亿", text: "壹亿壹亿元整" },
    { name: "10^16: 壹亿亿元整", text: "壹亿亿元整" },
    { name: "a bare 拾 inside the amount: 壹万拾元整", text: "壹万拾元整" },
    { name: "text after the amount", text: "壹拾元整。" },
  ])("throws InvalidInputError for $name", ({ text }) => {
    expect(() => parseChineseCapital(text)).toThrow(InvalidInputError);
  });
});

describe("crossCheckCapital compares values, not strings", () => {
  it.each([
    {
      name: "1680.32 = 壹仟陆佰捌拾元零叁角贰分 (a variant)",
      figure: "1680.32",
      capital: "壹仟陆佰捌拾元零叁角贰分",
      expected: true,
    },
    { name: "1680.00 = 壹仟陆佰捌拾元整", figure: "1680.00", capital: "壹仟陆佰捌拾元整", expected: true },
    {
      name: "1680.32 ≠ 壹仟陆佰捌拾元叁角 (1680.30)",
      figure: "1680.32",
      capital: "壹仟陆佰捌拾元叁角",
      expected: false,
    },
    { name: "10 vs 壹拾元 (not a valid writing: no 整) → false", figure: "10", capital: "壹拾元", expected: false },
  ])("$name", ({ figure, capital, expected }) => {
    expect(crossCheckCapital(figure, capital)).toBe(expected);
  });
});
