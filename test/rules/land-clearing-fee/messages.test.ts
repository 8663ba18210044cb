// The land-clearing-fee texts quote amounts as a clerk reads them: thousands separators, every decimal kept.
import { describe, expect, it } from "vitest";
import { landClearingFeeMessages as messages } from "../../../src/rules/land-clearing-fee/messages.js";

const render = (code: string, data: Record<string, string | number>) => {
  const template = messages.codes[code];
  return { en: template?.en(data) ?? "", zh: template?.zh(data) ?? "" };
};

describe("land-clearing-fee messages", () => {
  it("paid-to-township: the approved amount with separators", () => {
    const text = render("paid-to-township", { approved: "1757510.5", township: "张家湾镇" });
    expect(text.en).toBe(
      "the district finance bureau pays the approved 1,757,510.50 yuan in full, directly to the government of 张家湾镇",
    );
    expect(text.zh).toBe("由区财政局按核定金额 1,757,510.50 元足额直接拨付至张家湾镇人民政府");
  });

  it("amount-mismatch: both amounts, the quantity and the rate as given, grouped", () => {
    const data = {
      declaredAmount: "12358.08",
      expected: "6907.5",
      quantity: "1153.55",
      unit: "m2",
      declaredType: "brick-wood",
      rate: "1045.125",
    };
    const code = Object.keys(messages.codes).find((key) => messages.codes[key]?.en(data).startsWith("declared amount"));
    expect(code).toBeDefined();
    const text = render(code ?? "", data);
    expect(text.en).toContain("declared amount 12,358.08 yuan differs from 6,907.50 yuan, the declared 1,153.55");
    expect(text.en).toContain("at 1,045.125 yuan");
    expect(text.zh).toContain("申报金额 12,358.08 元与按申报类型和数量测算的 6,907.50 元不符");
    expect(text.zh).toContain("1,153.55");
  });

  it("quantity over the survey: both quantities grouped, decimals kept", () => {
    const data = { declared: "1861.875", surveyed: "1452.2", unit: "m2" };
    const code = Object.keys(messages.codes).find((key) => messages.codes[key]?.en(data).includes("survey measured"));
    const text = render(code ?? "", data);
    expect(text.en).toMatch(/^declared 1,861\.875 .* but the survey measured 1,452\.2 /);
    expect(text.zh).toContain("申报数量 1,861.875");
  });
});
