import { describe, expect, it } from "vitest";
import { formatAmount, formatWan, formatYuan } from "../../src/money/format.js";

describe("formatYuan", () => {
  it.each([
    { name: "1234567.8 → ¥1,234,567.80", value: "1234567.8", options: {}, expected: "¥1,234,567.80" },
    { name: "-12.5 → -¥12.50 (sign before ¥)", value: "-12.5", options: {}, expected: "-¥12.50" },
    { name: "0 → ¥0.00", value: "0", options: {}, expected: "¥0.00" },
    { name: "-0.004 rounds to zero → ¥0.00, never -¥0.00", value: "-0.004", options: {}, expected: "¥0.00" },
    { name: "999.995 half-up → ¥1,000.00", value: "999.995", options: {}, expected: "¥1,000.00" },
    { name: "123 → ¥123.00 (no separator under 1,000)", value: "123", options: {}, expected: "¥123.00" },
    { name: "1234.5 at scale 0 half-up → ¥1,235", value: "1234.5", options: { scale: 0 }, expected: "¥1,235" },
    {
      name: "-1234567.891 at scale 3 → -¥1,234,567.891",
      value: "-1234567.891",
      options: { scale: 3 },
      expected: "-¥1,234,567.891",
    },
  ])("$name", ({ value, options, expected }) => {
    expect(formatYuan(value, options)).toBe(expected);
  });
});

describe("formatAmount", () => {
  it.each([
    { name: "1234567.8 → 1,234,567.80", value: "1234567.8", scale: 2, expected: "1,234,567.80" },
    { name: "-1234 → -1,234.00", value: "-1234", scale: 2, expected: "-1,234.00" },
    { name: "100 → 100.00", value: "100", scale: 2, expected: "100.00" },
    { name: "1000000 at scale 0 → 1,000,000", value: "1000000", scale: 0, expected: "1,000,000" },
  ])("$name", ({ value, scale, expected }) => {
    expect(formatAmount(value, scale)).toBe(expected);
  });
});

describe("formatWan", () => {
  it.each([
    { name: "1234567 ÷ 10000 = 123.4567 → 123.46万元", value: "1234567", options: {}, expected: "123.46万元" },
    {
      name: "1234567 at 4 decimals → 123.4567万元 (exact to the yuan)",
      value: "1234567",
      options: { decimals: 4 },
      expected: "123.4567万元",
    },
    {
      name: "1234567.89 at 6 decimals → 123.456789万元 (exact to the fen)",
      value: "1234567.89",
      options: { decimals: 6 },
      expected: "123.456789万元",
    },
    {
      name: "12345678901234 → 1,234,567,890.12万元",
      value: "12345678901234",
      options: {},
      expected: "1,234,567,890.12万元",
    },
    { name: "50 → 0.005 half-up → 0.01万元", value: "50", options: {}, expected: "0.01万元" },
    { name: "49 → 0.0049 → 0.00万元", value: "49", options: {}, expected: "0.00万元" },
    { name: "-50000 → -5.00万元", value: "-50000", options: {}, expected: "-5.00万元" },
  ])("$name", ({ value, options, expected }) => {
    expect(formatWan(value, options)).toBe(expected);
  });
});
