import { describe, expect, it } from "vitest";
import { RuleSetError } from "../../../src/errors/index.js";
import { dec } from "../../../src/money/decimal.js";
import { capMonthsOf, wholeMonthsBetween } from "../../../src/rules/village-compensation/months.js";

describe("whole months at the ends of months", () => {
  it("a month without the day counts its last day: 30-day months (Sep, Nov) and February by the Gregorian rule", () => {
    // From the 31st: September and November have 30 days, so their 30th completes the month.
    expect(wholeMonthsBetween("2016-08-31", "2016-09-30")).toBe(1);
    expect(wholeMonthsBetween("2016-08-31", "2016-09-29")).toBe(0);
    expect(wholeMonthsBetween("2016-10-31", "2016-11-30")).toBe(1);
    expect(wholeMonthsBetween("2016-10-31", "2016-11-29")).toBe(0);
    // 2000 is a leap year (divisible by 400), 1900 is not (by 100 only), 2016 is (by 4).
    expect(wholeMonthsBetween("2000-01-31", "2000-02-29")).toBe(1);
    expect(wholeMonthsBetween("2000-01-31", "2000-02-28")).toBe(0);
    expect(wholeMonthsBetween("1900-01-31", "1900-02-28")).toBe(1);
    expect(wholeMonthsBetween("2016-01-31", "2016-02-28")).toBe(0);
  });
});

describe("capMonthsOf", () => {
  it("a negative cap is a rule-set error naming the parameter, in both languages", () => {
    try {
      capMonthsOf(dec("-1"));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      expect((error as RuleSetError).issues).toEqual([
        {
          path: 'parameters["village.rentCapYears"]',
          code: "negative-years",
          message: 'must be ≥ 0 years; got "-1"',
          zh: "租金补偿年限上限不得为负数",
        },
      ]);
    }
    // A cap of -0 is no negative cap: it is accepted as no months, and the number is 0, never -0.
    expect(Object.is(capMonthsOf(dec("-0")), 0)).toBe(true);
  });
  it("gives 0 months, not -0, for a cap of -0 years", () => {
    expect(Object.is(capMonthsOf(dec("-0")), 0)).toBe(true);
    expect(Object.is(capMonthsOf(dec("0")), 0)).toBe(true);
  });
});
