import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { allocateWithLog } from "../../src/money/allocate.js";
import { Dec, ZERO } from "../../src/money/decimal.js";
import { nonNegativeDecimalArb, scaleArb, unitsToDecimal } from "./arbitraries.js";

const totalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), scaleArb)
  .map(([units, scale]) => ({ total: unitsToDecimal(units, scale), scale }));
// Zero weights are common in budgets (a case owed nothing); a list of them all zero has its own property below.
const listArb = fc.array(fc.oneof(fc.constant("0"), nonNegativeDecimalArb), { minLength: 1, maxLength: 12 });
const isAllZero = (weights: readonly string[]) => weights.every((weight) => new Dec(weight).isZero());
const weightsArb = listArb.filter((weights) => !isAllZero(weights));

function exactShares(total: string, weights: readonly string[]): Dec[] {
  const sum = weights.reduce((acc, weight) => acc.plus(weight), ZERO);
  return weights.map((weight) => new Dec(total).times(weight).dividedBy(sum));
}

test.prop([totalArb, weightsArb])("the parts add up to the total exactly", ({ total, scale }, weights) => {
  const { parts } = allocateWithLog(total, weights, { scale, mode: "half-up" });
  expect(parts.reduce((acc, part) => acc.plus(part), ZERO).eq(total)).toBe(true);
  expect(parts.every((part) => part.decimalPlaces() <= scale)).toBe(true);
});

test.prop([totalArb, weightsArb])("each part is within one unit of its exact share", ({ total, scale }, weights) => {
  const { parts } = allocateWithLog(total, weights, { scale, mode: "half-up" });
  const unit = new Dec(10).pow(-scale);
  exactShares(total, weights).forEach((share, index) => {
    expect(parts[index]?.minus(share).abs().lt(unit)).toBe(true);
  });
});

test.prop([totalArb, fc.integer({ min: 1, max: 12 }), nonNegativeDecimalArb.filter((weight) => !isAllZero([weight]))])(
  "equal weights: parts differ by at most one unit and the earlier ones get the extra units",
  ({ total, scale }, count, weight) => {
    const { parts, extraUnits } = allocateWithLog(total, Array<string>(count).fill(weight), { scale, mode: "half-up" });
    const unit = new Dec(10).pow(-scale);
    const sizes = parts.map((part) => part.abs());
    sizes.slice(1).forEach((size, index) => expect(sizes[index]?.gte(size)).toBe(true));
    expect(sizes[0]?.minus(sizes.at(-1) ?? ZERO).lte(unit)).toBe(true);
    expect(extraUnits).toEqual(extraUnits.map((_, index) => index));
  },
);

test.prop([totalArb, fc.array(fc.constantFrom("0", "0.00", "-0"), { minLength: 1, maxLength: 12 })])(
  "weights all zero: a zero total gives a zero each, any other total is refused (zero-weights), never a guess",
  ({ total, scale }, weights) => {
    const run = () => allocateWithLog(total, weights, { scale, mode: "half-up" });
    if (new Dec(total).isZero()) {
      const { parts, extraUnits } = run();
      expect(parts.map((part) => part.isZero())).toEqual(weights.map(() => true));
      expect(extraUnits).toEqual([]);
    } else
      expect(run).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "zero-weights" })] }));
  },
);
