import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/errors/index.js";
import { DEFAULT_ROUNDING, type Rounding } from "../../src/money/decimal.js";
import { checkRounding, roundMoney } from "../../src/money/round.js";

// checkRounding's refusals, each naming the field and what is accepted in English and Chinese (killed mutants of
// src/money/round.ts that only asserted the error class before), and its bounds: scale 0–20, three modes.

function issueOf(rounding: unknown, path?: string) {
  try {
    checkRounding(rounding as Rounding, path);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const [issue] = (error as InvalidInputError).issues;
    return { path: issue?.path, code: issue?.code, message: issue?.message, zh: issue?.zh };
  }
  return undefined;
}

describe("checkRounding", () => {
  it("accepts the default and every scale 0–20 with each of the three modes", () => {
    expect(issueOf(DEFAULT_ROUNDING)).toBeUndefined();
    for (const mode of ["half-up", "half-even", "down"] as const) {
      expect(issueOf({ scale: 0, mode })).toBeUndefined();
      expect(issueOf({ scale: 20, mode })).toBeUndefined();
    }
    expect(roundMoney("1.5", { scale: 20, mode: "down" }).toString()).toBe("1.5");
  });

  it("refuses what is no object, naming the path given", () => {
    expect(issueOf(null)).toMatchObject({ path: "rounding", code: "not-a-rounding" });
    expect(issueOf("half-up", "rules.rounding")).toMatchObject({ path: "rules.rounding", code: "not-a-rounding" });
    const { message, zh } = issueOf(7) ?? {};
    expect(message).toContain('must be { scale, mode }, e.g. { scale: 2, mode: "half-up" }; got');
    expect(zh).toContain("应为 { scale, mode }");
    expect(zh).toContain("实际为");
  });

  it("refuses a scale that is not a whole number from 0 to 20", () => {
    for (const scale of [-1, 21, 1.5, Number.NaN, 2 ** 53, "2"]) {
      expect(issueOf({ scale, mode: "half-up" })).toMatchObject({ path: "rounding.scale", code: "not-a-whole-number" });
    }
    const { message, zh } = issueOf({ scale: 21, mode: "half-up" }, "r") ?? {};
    expect(message).toBe("must be a whole number of decimals from 0 to 20; got the number 21");
    expect(zh).toContain("舍入位数应为 0 至 20 的整数；实际为");
  });

  it("refuses an unknown mode, listing the three", () => {
    const issue = issueOf({ scale: 2, mode: "ceiling" }, "r");
    expect(issue).toMatchObject({ path: "r.mode", code: "not-an-allowed-value" });
    expect(issue?.message).toContain('must be one of "half-up", "half-even", "down"; got');
    expect(issue?.zh).toContain("舍入方式应为 half-up、half-even、down 之一；实际为");
  });
});
