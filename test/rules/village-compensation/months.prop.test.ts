import { test } from "@fast-check/vitest";
import { addMonths, differenceInCalendarDays, differenceInCalendarMonths, format, parseISO } from "date-fns";
import { expect } from "vitest";
import { wholeMonthsBetween } from "../../../src/rules/village-compensation/months.js";
import { isoDateArb } from "./arbitraries.js";

const plusMonths = (date: string, months: number) => format(addMonths(parseISO(date), months), "yyyy-MM-dd");

// The definition: the largest n whose date-fns addMonths(from, n) (clamped to the month's last day) is on or before `to`.
test.prop([isoDateArb, isoDateArb])(
  "whole months = the largest n with addMonths(from, n) ≤ to (0 when to ≤ from)",
  (from, to) => {
    const months = wholeMonthsBetween(from, to);
    expect(months).toBeGreaterThanOrEqual(0);
    if (months > 0) expect(plusMonths(from, months) <= to).toBe(true);
    if (to > from) expect(plusMonths(from, months + 1) > to).toBe(true);
    else expect(months).toBe(0);
  },
);

test.prop([isoDateArb, isoDateArb, isoDateArb])("a later end never gives fewer months", (from, a, b) => {
  const [early, late] = a <= b ? [a, b] : [b, a];
  expect(wholeMonthsBetween(from, early)).toBeLessThanOrEqual(wholeMonthsBetween(from, late));
});

// The core counts months in whole numbers (no date-fns in the package, issue 15); date-fns, as the core computed
// them before, is the oracle: the same count for every pair of dates.
const dateFnsMonths = (from: string, to: string): number => {
  const start = parseISO(from);
  const end = parseISO(to);
  const months = differenceInCalendarMonths(end, start);
  if (months <= 0) return 0;
  return differenceInCalendarDays(addMonths(start, months), end) > 0 ? months - 1 : months;
};

test.prop([isoDateArb, isoDateArb])("the same count as date-fns's calendar arithmetic", (from, to) => {
  expect(wholeMonthsBetween(from, to)).toBe(dateFnsMonths(from, to));
});
