import { Dec, ZERO, type DecimalLike, dec } from "../money/decimal.js";
import type { Scale } from "./types.js";

/**
 * 累进表 · scale — the value of a scale at `base`, with OpenFisca's semantics.
 *
 * @remarks
 * - `marginal-rate`: each bracket's rate applies to the part of the base between its threshold and the
 *   next one (a progressive tax table); continuous, and non-decreasing when every rate is ≥ 0.
 * - `single-amount`: the amount of the last bracket whose threshold ≤ base (0 below the first); a step function.
 * - `single-rate`: the whole base times the rate of the last bracket whose threshold ≤ base (0 below the first).
 * Full precision is kept: the caller rounds where its rule says.
 * @example applyScale({ type: "marginal-rate", brackets: [{threshold: 0, rate: 1}, {threshold: 100, rate: 0.5}] }, 300) // 200
 */
export function applyScale(scale: Scale, base: DecimalLike): Dec {
  const x = dec(base);
  switch (scale.type) {
    case "marginal-rate": {
      let total = ZERO;
      scale.brackets.forEach((bracket, index) => {
        if (x.lte(bracket.threshold)) return;
        const next = scale.brackets[index + 1];
        const top = next === undefined ? x : Dec.min(x, next.threshold);
        total = total.plus(top.minus(bracket.threshold).times(bracket.rate));
      });
      return total;
    }
    case "single-amount":
      return bracketAt(scale, x)?.amount ?? ZERO;
    case "single-rate": {
      const bracket = bracketAt(scale, x);
      return bracket === undefined ? ZERO : x.times(bracket.rate);
    }
  }
}

function bracketAt(scale: Scale, x: Dec): Scale["brackets"][number] | undefined {
  return scale.brackets.findLast((bracket) => bracket.threshold.lte(x));
}

/** One bracket's share of a scale's value at a base: the part of the base in it, its rate (or amount) and what it gives. */
export interface ScalePart {
  readonly from: Dec;
  /** The next bracket's threshold; absent for the last bracket. */
  readonly to?: Dec;
  /** The part of the base in this bracket (the whole base for `single-rate`). */
  readonly portion: Dec;
  readonly rate: Dec;
  readonly amount: Dec;
}

/**
 * The brackets that give a scale's value at `base`, for a trace: the marginal parts (their amounts add up to
 * `applyScale`), or the one bracket a single-amount or single-rate scale takes. Brackets the base does not reach
 * are left out.
 * @example scaleParts({ type: "marginal-rate", brackets: [{threshold: 0, rate: 1}, {threshold: 100, rate: 0.5}] }, 300) // 100 × 1, 200 × 0.5
 */
export function scaleParts(scale: Scale, base: DecimalLike): readonly ScalePart[] {
  const x = dec(base);
  if (scale.type === "marginal-rate")
    return scale.brackets.flatMap((bracket, index) => {
      if (x.lte(bracket.threshold)) return [];
      const next = scale.brackets[index + 1];
      const top = next === undefined ? x : Dec.min(x, next.threshold);
      const portion = top.minus(bracket.threshold);
      const part = { from: bracket.threshold, portion, rate: bracket.rate, amount: portion.times(bracket.rate) };
      return [next === undefined ? part : { ...part, to: next.threshold }];
    });
  const bracket = bracketAt(scale, x);
  if (bracket === undefined) return [];
  const amount = scale.type === "single-amount" ? bracket.amount : x.times(bracket.rate);
  return [{ from: bracket.threshold, portion: x, rate: bracket.rate, amount }];
}
