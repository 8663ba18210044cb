import { describe, expect, it } from "vitest";
import { formatAmount, formatWan, formatYuan } from "../../src/money/format.js";
import { issueOf } from "./issue.js";

// formatAmount's scale bounds and refusal in full, the options of formatYuan and formatWan, and the default
// scales: mutants of src/money/format.ts the examples let through.

describe("formatAmount", () => {
  it("takes a scale from 0 to 20 and refuses any other, in English and Chinese", () => {
    expect(formatAmount("1.5", 0)).toBe("2");
    expect(formatAmount("1.5", 20)).toBe(`1.5${"0".repeat(19)}`);
    expect(issueOf(() => formatAmount("1", 21))).toEqual({
      path: "scale",
      code: "not-a-whole-number",
      message: "must be a whole number of decimals from 0 to 20; got the number 21",
      zh: "小数位数应为 0 至 20 的整数；实际为 数字 21",
    });
    for (const scale of [-1, 1.5, Number.NaN, 2 ** 53, "2"]) {
      expect(issueOf(() => formatAmount("1", scale as number))?.path).toBe("scale");
    }
  });

  it("defaults to 2 decimals and groups only the whole part", () => {
    expect(formatAmount("1234.5678")).toBe("1,234.57");
    expect(formatAmount("0.12345", 5)).toBe("0.12345");
    expect(formatAmount("123456.123456", 6)).toBe("123,456.123456");
    expect(formatAmount("1234567", 0)).toBe("1,234,567");
  });
});

describe("formatYuan", () => {
  it("defaults to 2 decimals; the scale option changes it", () => {
    expect(formatYuan("1234.5")).toBe("¥1,234.50");
    expect(formatYuan("1234.5", {})).toBe("¥1,234.50");
    expect(formatYuan("1234.5", { scale: 3 })).toBe("¥1,234.500");
    expect(formatYuan("-0.5", { scale: 0 })).toBe("-¥1");
  });

  it("refuses an unknown option and a bad scale at options.*", () => {
    expect(issueOf(() => formatYuan("1", { decimals: 2 } as never))).toMatchObject({
      path: "options.decimals",
      code: "unknown-option",
      message: "is no option; the options are scale",
    });
    expect(issueOf(() => formatYuan("1", { scale: -1 }))).toMatchObject({
      path: "options.scale",
      code: "invalid-option",
    });
  });
});

describe("formatWan", () => {
  it("defaults to 2 decimals; the decimals option changes it", () => {
    expect(formatWan("12345")).toBe("1.23万元");
    expect(formatWan("12345", {})).toBe("1.23万元");
    expect(formatWan("12345", { decimals: 0 })).toBe("1万元");
    expect(formatWan("123456789", { decimals: 1 })).toBe("12,345.7万元");
  });

  it("refuses an unknown option, a bad count and a value that is not a decimal", () => {
    expect(issueOf(() => formatWan("1", { scale: 2 } as never))).toMatchObject({
      path: "options.scale",
      code: "unknown-option",
      message: "is no option; the options are decimals",
    });
    expect(issueOf(() => formatWan("1", { decimals: 1.5 }))).toMatchObject({
      path: "options.decimals",
      code: "invalid-option",
    });
    expect(issueOf(() => formatWan(1 as never))).toMatchObject({ path: "value", code: "number-not-decimal" });
  });
});
