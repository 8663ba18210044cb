import { denseListArgument, refuse } from "../errors/arguments.js";
import { DEFAULT_ROUNDING, Dec, type DecimalLike, type Rounding } from "./decimal.js";
import { decimalArgument } from "./parse.js";
import { checkRounding } from "./round.js";

/** The parts of an allocation and the indexes (ascending, as the weights were given) that got one extra unit. */
export interface Allocation {
  readonly parts: Dec[];
  readonly extraUnits: number[];
}

/**
 * 按比例分配 · pro-rata allocation — `total` split by `weights` into parts at the rounding scale that add up to it exactly.
 *
 * @remarks
 * Largest-remainder method: each part is its exact share `total × w / Σw` cut to the unit
 * (10^-scale) toward zero, then the units left over go one each to the largest remainders, ties to
 * the earlier weight. Every part is within one unit of its exact share. A negative total is split
 * as its absolute value and negated. Weights that are all zero give no share of anything: a zero total over
 * them gives zeros, and a non-zero total is refused (`zero-weights`) rather than split by a guess.
 * Only `rounding.scale` matters: it fixes the unit; `rounding.mode` plays no part, because the
 * largest remainders decide every unit.
 *
 * @throws InvalidInputError when `total` or a weight is not a decimal (a string or a decimal; never a JS number),
 * `total` has more decimals than the scale, a weight is negative, or there are no weights (`too-few`) or only zero
 * weights (`zero-weights`) for a non-zero total (no weights and a zero total give `[]`; zero weights and a zero
 * total give a zero for each).
 * @example
 * allocate("100.00", ["1", "1", "1"]); // [33.34, 33.33, 33.33]
 * @category money
 */
export function allocate(
  total: DecimalLike,
  weights: readonly DecimalLike[],
  rounding: Rounding = DEFAULT_ROUNDING,
): Dec[] {
  return allocateWithLog(total, weights, rounding).parts;
}

/**
 * 分配明细 · allocation with log — {@link allocate}'s parts, plus which indexes received the extra unit (the "extra fen").
 *
 * @example
 * allocateWithLog("100.00", ["1", "1", "1"]); // { parts: [33.34, 33.33, 33.33], extraUnits: [0] }
 * @category money
 */
export function allocateWithLog(
  total: DecimalLike,
  weights: readonly DecimalLike[],
  rounding: Rounding = DEFAULT_ROUNDING,
): Allocation {
  checkRounding(rounding);
  const amount = decimalArgument(total, "total");
  const list = denseListArgument(weights, "weights", { en: "weights", zh: "权重" });
  if (amount.decimalPlaces() > rounding.scale)
    refuse(
      "total",
      "too-many-decimals",
      `${amount.toString()} has more than ${rounding.scale} decimals: round it before allocating`,
      `总额小数位超过 ${rounding.scale} 位：请先舍入再分配`,
    );
  if (list.length === 0) {
    if (amount.isZero()) return { parts: [], extraUnits: [] };
    refuse(
      "weights",
      "too-few",
      `cannot allocate ${amount.toString()} over no weights: give at least one`,
      "没有权重，无法分配非零总额",
    );
  }
  const scaled = integerWeights(list);
  const units = toInteger(amount.abs(), rounding.scale);
  const sum = scaled.reduce((acc, weight) => acc + weight, 0n);
  if (sum === 0n) {
    if (units === 0n) return { parts: scaled.map(() => fromInteger(0n, rounding.scale)), extraUnits: [] };
    refuse(
      "weights",
      "zero-weights",
      `cannot allocate ${amount.toString()} by weights that are all zero: no share can be reckoned from them; give at least one weight above 0`,
      `权重全为 0，无法按权重算出总额 ${amount.toString()} 的任何份额：请至少给出一个大于 0 的权重`,
    );
  }

  // Integer arithmetic, so the remainders compare exactly (a decimal quotient would round at 60 digits).
  const floors = scaled.map((weight) => (units * weight) / sum);
  const remainders = scaled.map((weight) => (units * weight) % sum);
  const leftover = Number(units - floors.reduce((acc, part) => acc + part, 0n));
  const byRemainder = floors.map((_, index) => index).sort((a, b) => compare(remainders[b], remainders[a]) || a - b);
  const extraUnits = byRemainder.slice(0, leftover).sort((a, b) => a - b);
  for (const index of extraUnits) floors[index] = (floors[index] ?? 0n) + 1n;

  const sign = amount.isNegative() ? -1n : 1n;
  return { parts: floors.map((part) => fromInteger(sign * part, rounding.scale)), extraUnits };
}

/** Weights as integers in a common unit. */
function integerWeights(weights: readonly unknown[]): bigint[] {
  const values = weights.map((weight, index) => {
    const value = decimalArgument(weight, `weights[${index}]`);
    if (value.isNegative() && !value.isZero())
      refuse(`weights[${index}]`, "negative", `is negative: ${value.toString()}; weights are ≥ 0`, "权重不得为负");
    return value;
  });
  const places = values.reduce((most, value) => Math.max(most, value.decimalPlaces()), 0);
  return values.map((value) => toInteger(value, places));
}

function toInteger(value: Dec, places: number): bigint {
  return BigInt(value.times(new Dec(10).pow(places)).toFixed(0)); // Decimal#toFixed: exact, never an exponent
}

function fromInteger(units: bigint, places: number): Dec {
  return new Dec(units.toString()).dividedBy(new Dec(10).pow(places));
}

function compare(a: bigint | undefined, b: bigint | undefined): number {
  const x = a ?? 0n;
  const y = b ?? 0n;
  return x > y ? 1 : x < y ? -1 : 0;
}
