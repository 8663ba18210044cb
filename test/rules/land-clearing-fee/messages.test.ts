// The land-clearing-fee texts quote amounts as a clerk reads them: thousands separators, every decimal kept.
import { describe, expect, it } from "vitest";
import {
  clearanceMessage,
  landClearingFeeMessages as messages,
  structureTypeLabel,
} from "../../../src/rules/land-clearing-fee/messages.js";

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

describe("land-clearing-fee labels and messages for sheets and tables", () => {
  it("a structure type with its Chinese name, or the key alone when it has none (never a prototype property)", () => {
    expect(structureTypeLabel("brick-concrete")).toBe("砖混 (brick-concrete)");
    expect(structureTypeLabel("tent")).toBe("tent");
    expect(structureTypeLabel("toString")).toBe("toString");
  });

  it("clearanceMessage: a code in either language, an unknown code as itself", () => {
    const data = { township: "台湖镇", approved: "1000" };
    expect(clearanceMessage("paid-to-township", data, "zh")).toBe(
      "由区财政局按核定金额 1,000.00 元足额直接拨付至台湖镇人民政府",
    );
    expect(clearanceMessage("paid-to-township", data, "en")).toBe(
      "the district finance bureau pays the approved 1,000.00 yuan in full, directly to the government of 台湖镇",
    );
    expect(clearanceMessage("no-such-code", data, "en")).toBe("no-such-code");
    expect(clearanceMessage("toString", data, "zh")).toBe("toString");
  });

  it("a value absent or null is left blank, never written as undefined or null", () => {
    expect(clearanceMessage("verified-items", undefined, "en")).toBe(
      " item(s) verified:  surveyed by the housing commission,  approved with a fee,  approved at 0,  with findings",
    );
    expect(clearanceMessage("verified-items", { items: null }, "zh")).toBe(
      "共核定地上物  项：经住建委核定测量  项，核定有经费  项，核定为 0 的  项，有问题  项",
    );
    expect(clearanceMessage("paid-to-township", { approved: null, township: null }, "zh")).toBe(
      "由区财政局按核定金额  元足额直接拨付至人民政府",
    );
    expect(clearanceMessage("paid-to-township", {}, "en")).toBe(
      "the district finance bureau pays the approved  yuan in full, directly to the government of ",
    );
    expect(clearanceMessage("quantity-exceeds-survey", { declared: null, unit: "m2" }, "en")).toBe(
      "declared  m² but the survey measured  m²; approved at the surveyed quantity",
    );
  });

  it("a unit without a label is written as its key", () => {
    const data = { declared: "3", surveyed: "2", unit: "pole" };
    expect(clearanceMessage("quantity-exceeds-survey", data, "zh")).toBe(
      "申报数量 3pole 超过核定测量数量 2pole，按核定数量计算",
    );
    expect(clearanceMessage("quantity-exceeds-survey", data, "en")).toBe(
      "declared 3 pole but the survey measured 2 pole; approved at the surveyed quantity",
    );
  });

  it("the rates parameter: a rate entry as 元/unit, anything else as it is", () => {
    const value = messages.params?.["clearance.rates"]?.value;
    expect(value?.({ unit: "m", rate: "1234.5" }, "zh")).toBe("1,234.5 元/米");
    expect(value?.({ unit: "m", rate: "1234.5" }, "en")).toBe("1,234.5 yuan/m");
    expect(value?.("60", "en")).toBe("60");
    expect(value?.(null, "zh")).toBe("null");
    expect(value?.(["60", "m2"], "en")).toBe("60,m2");
  });
});
