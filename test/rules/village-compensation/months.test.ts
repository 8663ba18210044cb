import { differenceInMonths, parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { RuleSetError } from "../../../src/errors/index.js";
import { dec } from "../../../src/money/decimal.js";
import { capMonthsOf, wholeMonthsBetween } from "../../../src/rules/village-compensation/months.js";

describe("wholeMonthsBetween (《民法典》第二百零二条: no corresponding day → the month's last day)", () => {
  it.each([
    {
      name: "2016-06-30 → 2016-12-31: Jul 30 … Dec 30 reached, Jan 30 not → 6",
      from: "2016-06-30",
      to: "2016-12-31",
      months: 6,
    },
    { name: "2016-06-15 → 2016-07-15: the day comes again → 1", from: "2016-06-15", to: "2016-07-15", months: 1 },
    { name: "2016-06-15 → 2016-07-14: one day short → 0", from: "2016-06-15", to: "2016-07-14", months: 0 },
    { name: "same day 2016-06-30 → 2016-06-30 → 0", from: "2016-06-30", to: "2016-06-30", months: 0 },
    {
      name: "ended before: 2016-06-30 → 2016-05-31 → 0 (never negative)",
      from: "2016-06-30",
      to: "2016-05-31",
      months: 0,
    },
    { name: "ended years before: 2016-06-30 → 2010-12-31 → 0", from: "2016-06-30", to: "2010-12-31", months: 0 },
    {
      name: "cleared on the 31st, ends on Feb's last day 2016-01-31 → 2016-02-29 → 1",
      from: "2016-01-31",
      to: "2016-02-29",
      months: 1,
    },
    {
      name: "cleared on the 31st, 2016-01-31 → 2016-02-28: Feb 29 not reached → 0",
      from: "2016-01-31",
      to: "2016-02-28",
      months: 0,
    },
    { name: "non-leap 2017-01-31 → 2017-02-28 (last day) → 1", from: "2017-01-31", to: "2017-02-28", months: 1 },
    {
      name: "2016-01-31 → 2016-03-30: Feb 29 reached, Mar 31 not → 1",
      from: "2016-01-31",
      to: "2016-03-30",
      months: 1,
    },
    { name: "2016-01-31 → 2016-03-31 → 2", from: "2016-01-31", to: "2016-03-31", months: 2 },
    { name: "2016-01-31 → 2016-04-30 (last day of April) → 3", from: "2016-01-31", to: "2016-04-30", months: 3 },
    { name: "2016-03-31 → 2016-06-30 (last day of June) → 3", from: "2016-03-31", to: "2016-06-30", months: 3 },
    { name: "2016-03-31 → 2016-05-30: May 31 not reached → 1", from: "2016-03-31", to: "2016-05-30", months: 1 },
    {
      name: "2016-02-29 → 2017-02-28 (no Feb 29 in 2017, last day) → 12",
      from: "2016-02-29",
      to: "2017-02-28",
      months: 12,
    },
    {
      name: "2016-02-28 → 2016-03-31: Mar 28 reached, Apr 28 not → 1",
      from: "2016-02-28",
      to: "2016-03-31",
      months: 1,
    },
    { name: "2016-12-31 → 2026-12-31 → 120", from: "2016-12-31", to: "2026-12-31", months: 120 },
    {
      name: "across a century 2099-12-31 → 2100-02-28 (2100 not leap, last day) → 2",
      from: "2099-12-31",
      to: "2100-02-28",
      months: 2,
    },
  ])("$name", ({ from, to, months }) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });

  it.each([
    {
      name: "2016-01-31 → 2016-02-28: date-fns 1, we 0 (Feb 29 has not come)",
      from: "2016-01-31",
      to: "2016-02-28",
      dateFns: 1,
      ours: 0,
    },
    {
      name: "2016-01-31 → 2016-04-30: date-fns 2, we 3 (Apr 30 is April's last day)",
      from: "2016-01-31",
      to: "2016-04-30",
      dateFns: 2,
      ours: 3,
    },
    { name: "2016-03-31 → 2016-06-30: date-fns 2, we 3", from: "2016-03-31", to: "2016-06-30", dateFns: 2, ours: 3 },
    { name: "2016-01-31 → 2016-02-29: both 1", from: "2016-01-31", to: "2016-02-29", dateFns: 1, ours: 1 },
  ])("documented difference from date-fns differenceInMonths: $name", ({ from, to, dateFns, ours }) => {
    expect(differenceInMonths(parseISO(to), parseISO(from))).toBe(dateFns);
    expect(wholeMonthsBetween(from, to)).toBe(ours);
  });

  it("does not depend on the host time zone (no Date is made)", () => {
    const before = process.env["TZ"];
    const answers = ["UTC", "Asia/Shanghai", "America/Sao_Paulo", "Pacific/Kiritimati", "America/Los_Angeles"].map(
      (zone) => {
        process.env["TZ"] = zone;
        return [
          wholeMonthsBetween("2016-01-31", "2016-02-29"),
          wholeMonthsBetween("2016-10-16", "2017-03-16"),
          wholeMonthsBetween("2016-03-31", "2016-06-30"),
        ];
      },
    );
    if (before === undefined) delete process.env["TZ"];
    else process.env["TZ"] = before;
    for (const answer of answers) expect(answer).toEqual([1, 5, 3]);
  });
});

describe("capMonthsOf: floor(12 × years)", () => {
  it.each([
    { name: "3 years → 36", years: "3", months: 36 },
    { name: "2.5 years → 30", years: "2.5", months: 30 },
    { name: "1.55 years = 18.6 months → 18 (a cap is a ceiling)", years: "1.55", months: 18 },
    { name: "0.1 year = 1.2 months → 1", years: "0.1", months: 1 },
    { name: "0.05 year = 0.6 month → 0", years: "0.05", months: 0 },
    { name: "0 → 0", years: "0", months: 0 },
  ])("$name", ({ years, months }) => {
    expect(capMonthsOf(dec(years))).toBe(months);
  });

  it("a negative cap is a rule-set error naming the parameter", () => {
    const error = (() => {
      try {
        capMonthsOf(dec("-1"));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RuleSetError);
    expect((error as RuleSetError).issues.map((issue) => issue.path)).toEqual([`parameters["village.rentCapYears"]`]);
  });
});
