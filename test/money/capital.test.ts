import { describe, expect, it } from "vitest";
import { toChineseCapital } from "../../src/money/capital.js";
import { InvalidInputError } from "../../src/errors/index.js";

describe("toChineseCapital writes the canonical 大写", () => {
  it.each([
    { name: "0 → 零元整", value: "0", expected: "零元整" },
    { name: "0.5: under one yuan, no 零元; ends at 角 → 伍角整", value: "0.5", expected: "伍角整" },
    { name: "0.05: under one yuan → 伍分", value: "0.05", expected: "伍分" },
    { name: "0.53 → 伍角叁分", value: "0.53", expected: "伍角叁分" },
    { name: "1.05: 角 is 0 → 零 before 分 → 壹元零伍分", value: "1.05", expected: "壹元零伍分" },
    { name: "10: always 壹拾, never a bare 拾 → 壹拾元整", value: "10", expected: "壹拾元整" },
    { name: "15 → 壹拾伍元整", value: "15", expected: "壹拾伍元整" },
    { name: "10.1: ends at 角 → 整 after 角 → 壹拾元壹角整", value: "10.1", expected: "壹拾元壹角整" },
    { name: "325.04: 角 is 0 → 叁佰贰拾伍元零肆分", value: "325.04", expected: "叁佰贰拾伍元零肆分" },
    {
      name: "1409.50: inner 0 → 零; ends at 角 → 壹仟肆佰零玖元伍角整",
      value: "1409.50",
      expected: "壹仟肆佰零玖元伍角整",
    },
    {
      name: "1680.32: zero ending at 元 is not read → 壹仟陆佰捌拾元叁角贰分",
      value: "1680.32",
      expected: "壹仟陆佰捌拾元叁角贰分",
    },
    { name: "6007.14: run of two 0s → one 零 → 陆仟零柒元壹角肆分", value: "6007.14", expected: "陆仟零柒元壹角肆分" },
    { name: "10005: 1|0005, the lower group's leading zeros → 壹万零伍元整", value: "10005", expected: "壹万零伍元整" },
    { name: "12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分", value: "12345.67", expected: "壹万贰仟叁佰肆拾伍元陆角柒分" },
    { name: "16409.02 → 壹万陆仟肆佰零玖元零贰分", value: "16409.02", expected: "壹万陆仟肆佰零玖元零贰分" },
    { name: "100010: 10|0010 → 壹拾万零壹拾元整", value: "100010", expected: "壹拾万零壹拾元整" },
    { name: "100000.05: 壹拾万元 then 零伍分", value: "100000.05", expected: "壹拾万元零伍分" },
    {
      name: "107000.53: 10|7000, zeros end the 万 group → 壹拾万柒仟元伍角叁分",
      value: "107000.53",
      expected: "壹拾万柒仟元伍角叁分",
    },
    {
      name: "123456.78 → 壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
      value: "123456.78",
      expected: "壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
    },
    { name: "600000: 60|0000 → 陆拾万元整", value: "600000", expected: "陆拾万元整" },
    { name: "1000010: 100|0010 → 壹佰万零壹拾元整", value: "1000010", expected: "壹佰万零壹拾元整" },
    { name: "2100000: 210|0000 → 贰佰壹拾万元整", value: "2100000", expected: "贰佰壹拾万元整" },
    {
      name: "10001000: 1000|1000, zeros ending a group are not read → 壹仟万壹仟元整",
      value: "10001000",
      expected: "壹仟万壹仟元整",
    },
    { name: "20000000.00: 2000|0000 → 贰仟万元整", value: "20000000.00", expected: "贰仟万元整" },
    { name: "100000000: 1|0000|0000 → 壹亿元整", value: "100000000", expected: "壹亿元整" },
    {
      name: "100000000.10: 壹亿元 then 壹角整 (zeros ending at 元 not read)",
      value: "100000000.10",
      expected: "壹亿元壹角整",
    },
    { name: "1000010000: 10|0001|0000 → 壹拾亿零壹万元整", value: "1000010000", expected: "壹拾亿零壹万元整" },
    {
      name: "100000001000: 1000|0000|1000, a whole zero group → 壹仟亿零壹仟元整",
      value: "100000001000",
      expected: "壹仟亿零壹仟元整",
    },
    { name: "1000000000000: 1|0000|0000|0000 → 壹万亿元整", value: "1000000000000", expected: "壹万亿元整" },
    {
      name: "1000000000001: 壹万亿 then a run of zeros → 壹万亿零壹元整",
      value: "1000000000001",
      expected: "壹万亿零壹元整",
    },
    { name: "1200000000000: 1|2000 亿 → 壹万贰仟亿元整", value: "1200000000000", expected: "壹万贰仟亿元整" },
    { name: "1000100000000: 1|0001 亿 → 壹万零壹亿元整", value: "1000100000000", expected: "壹万零壹亿元整" },
    {
      name: "9999999999999999.99: the largest amount",
      value: "9999999999999999.99",
      expected: "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    },
    { name: "-12.5: a leading 负 → 负壹拾贰元伍角整", value: "-12.5", expected: "负壹拾贰元伍角整" },
    { name: "-0.00: zero has no sign → 零元整", value: "-0.00", expected: "零元整" },
  ])("$name", ({ value, expected }) => {
    expect(toChineseCapital(value)).toBe(expected);
  });

  it("puts 人民币 immediately before the amount when asked", () => {
    expect(toChineseCapital("120000", { prefix: "人民币" })).toBe("人民币壹拾贰万元整");
    expect(toChineseCapital("-12.5", { prefix: "人民币" })).toBe("人民币负壹拾贰元伍角整");
  });

  it.each([
    { name: "1.005 (three decimals: round it first)", value: "1.005" },
    { name: "10^16 (too large)", value: "10000000000000000" },
    { name: "-10^16 (too large)", value: "-10000000000000000" },
  ])("throws InvalidInputError for $name", ({ value }) => {
    expect(() => toChineseCapital(value)).toThrow(InvalidInputError);
  });
});
