import { assertInvariant } from "../errors/index.js";
import { dec, type Rounding } from "../money/decimal.js";
import { moneyString } from "../money/scaled.js";
import type { Amounts } from "../trace/types.js";
import type { Totals } from "./compute.js";

/**
 * 整数合计 · totals in integer units — sums of amounts as integers of the rounding scale's unit (the fen at scale
 * 2), kept as numbers while they are safe integers and as BigInt past 2^53: exact at any size, with no decimal
 * made per case. A batch adds each outcome's amounts as it is computed and writes the totals once.
 */

/** An amount in units of the rounding scale. */
export type Units = number | bigint;

/** a + b, exact: numbers while the sum is a safe integer, else BigInt. */
export function addUnits(a: Units, b: Units): Units {
  if (typeof a === "number" && typeof b === "number") {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return BigInt(a) + BigInt(b);
}

/** An amount of `units` with exactly `scale` decimals ("-12.50"; zero unsigned), for numbers and BigInt alike. */
export function unitsText(units: Units, scale: number): string {
  if (typeof units === "number") return moneyString(units, scale);
  if (units === 0n) return moneyString(0, scale);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const text =
    scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** The units of an amount an outcome shows (a decimal string with at most `scale` decimals). */
export function unitsOf(amount: string, scale: number): Units {
  const point = amount.indexOf(".");
  const decimals = point < 0 ? 0 : amount.length - point - 1;
  if (decimals <= scale && /^-?\d+(\.\d+)?$/.test(amount)) {
    const digits =
      (point < 0 ? amount : amount.slice(0, point) + amount.slice(point + 1)) + "0".repeat(scale - decimals);
    const units = Number(digits);
    return Number.isSafeInteger(units) ? units : BigInt(digits);
  }
  const exact = dec(amount).times(dec(10).pow(scale));
  assertInvariant(
    exact.isInteger(),
    `an amount shown (${amount.slice(0, 40)}) has more decimals than the rounding scale`,
  );
  return BigInt(exact.toFixed(0));
}

/** Totals kept while outcomes are computed: `add` each outcome's amounts in units, `totals()` at any time. */
export interface UnitTotals {
  add(township: string, municipal: Units, district: Units): void;
  /** An outcome's amounts as it shows them. */
  addAmounts(township: string, amounts: Pick<Amounts, "municipal" | "district">): void;
  /** The totals so far, laid out as `summarize` lays them out (townships in code-point order). */
  totals(): Totals;
}

/** Running totals in units of `rounding`'s scale, by payer and by township. */
export function unitTotals(rounding: Rounding): UnitTotals {
  const { scale } = rounding;
  const byTownship = new Map<string, { municipal: Units; district: Units }>();
  let municipal: Units = 0;
  let district: Units = 0;
  const add = (township: string, m: Units, d: Units) => {
    municipal = addUnits(municipal, m);
    district = addUnits(district, d);
    const row = byTownship.get(township);
    if (row === undefined) byTownship.set(township, { municipal: m, district: d });
    else {
      row.municipal = addUnits(row.municipal, m);
      row.district = addUnits(row.district, d);
    }
  };
  const show = (m: Units, d: Units): Amounts => ({
    municipal: unitsText(m, scale),
    district: unitsText(d, scale),
    total: unitsText(addUnits(m, d), scale),
  });
  return {
    add,
    addAmounts: (township, amounts) =>
      add(township, unitsOf(amounts.municipal, scale), unitsOf(amounts.district, scale)),
    totals() {
      // Object.fromEntries defines each township as an own key, so "__proto__" is a township, not a prototype.
      const townships = Object.fromEntries(
        [...byTownship.keys()].sort().map((township) => {
          const row = byTownship.get(township) as { municipal: Units; district: Units };
          return [township, show(row.municipal, row.district)];
        }),
      );
      return { ...show(municipal, district), byTownship: townships };
    },
  };
}
