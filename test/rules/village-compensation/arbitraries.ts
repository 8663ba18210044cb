import { addDays, format } from "date-fns";
import { fc } from "@fast-check/vitest";

const anyDayArb = fc
  .integer({ min: 0, max: 18_000 })
  .map((days) => format(addDays(new Date(2000, 0, 1), days), "yyyy-MM-dd"));

/** A date on one of the last four days of a month (28–31, as far as the month has them): where month counting goes wrong. */
const monthEndArb = fc
  .record({
    year: fc.integer({ min: 2000, max: 2049 }),
    month: fc.integer({ min: 1, max: 12 }),
    fromEnd: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ year, month, fromEnd }) => {
    const last = new Date(year, month, 0).getDate(); // day 0 of the next month: this month's last day
    return `${year}-${String(month).padStart(2, "0")}-${String(last - fromEnd).padStart(2, "0")}`;
  });

/** A real calendar date `YYYY-MM-DD` from 2000-01-01 to about 2049, half of them in the last days of a month. */
export const isoDateArb = fc.oneof(anyDayArb, monthEndArb);

/** A money string in yuan with up to 2 decimals, 0 to 10 million. */
export const moneyArb = fc.bigInt({ min: 0n, max: 1_000_000_000n }).map((fen) => {
  const text = fen.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
});

/** An area in mu with up to 3 decimals, 0 to 1,000. */
export const muArb = fc.integer({ min: 0, max: 1_000_000 }).map((thousandths) => (thousandths / 1000).toFixed(3));
