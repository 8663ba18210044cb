import { RuleSetError } from "../../errors/index.js";
import type { Dec } from "../../money/decimal.js";
import type { IsoDate } from "../../parameters/types.js";

export const MONTHS_PER_YEAR = 12;

/** The year, month (1–12) and day written in an already-validated `YYYY-MM-DD` (read from its digits, never parsed). */
function partsOf(date: IsoDate): readonly [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** The number of days of `month` (1–12) of `year` in the (proleptic) Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * 剩余整月数 · whole months remaining — the number of full months from `from` to `to`; 0 when `to` is on or before `from`.
 *
 * @remarks
 * A month is full when the day of `from` is reached again in a later month; when that month has no
 * such day, its last day counts (the rule of 《民法典》第二百零二条: 没有对应日的,月末日为期间的最后一日).
 * Equivalently: the largest n for which date-fns `addMonths(from, n)` (which clamps to the month's last
 * day) is on or before `to`. So 2016-01-31 → 2016-02-29 is 1 month, 2016-01-31 → 2016-02-28 is 0, and
 * 2016-01-31 → 2016-04-30 is 3 (date-fns `differenceInMonths` says 1, 1 and 2: its month-end handling
 * is not this rule). Computed in whole numbers on the year, month and day written in the strings (no `Date`),
 * so neither the host's time zone nor daylight saving can change the answer.
 *
 * @example
 * wholeMonthsBetween("2016-06-30", "2016-12-31"); // 6
 * wholeMonthsBetween("2016-06-30", "2016-06-30"); // 0
 * @category village-compensation
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const [fromYear, fromMonth, fromDay] = partsOf(from);
  const [toYear, toMonth, toDay] = partsOf(to);
  const months = (toYear - fromYear) * MONTHS_PER_YEAR + (toMonth - fromMonth);
  if (months <= 0) return 0;
  // The last month is short when its corresponding day (clamped to the month's end) has not come yet: that
  // day, `months` months after `from`, falls in the month of `to`.
  return Math.min(fromDay, daysInMonth(toYear, toMonth)) > toDay ? months - 1 : months;
}

/**
 * 补偿月数上限 · cap in whole months — floor(12 × `village.rentCapYears`).
 *
 * @remarks
 * Compensated months are whole months, and a cap is a ceiling: a fractional cap of 2.55 years
 * (30.6 months) allows 30 whole months, never 31. A negative cap is a rule-set error.
 *
 * @example
 * capMonthsOf(dec("3")); // 36
 * capMonthsOf(dec("0.1")); // 1
 * @category village-compensation
 */
export function capMonthsOf(capYears: Dec): number {
  if (capYears.isNegative() && !capYears.isZero()) {
    throw new RuleSetError([
      {
        path: `parameters["village.rentCapYears"]`,
        code: "negative-years",
        message: `must be ≥ 0 years; got "${capYears.toString()}"`,
        zh: "租金补偿年限上限不得为负数",
      },
    ]);
  }
  // "-0" years is zero years: 0 months, never -0 (which would print as "-0" in some formats).
  return capYears.times(MONTHS_PER_YEAR).floor().toNumber() + 0;
}
