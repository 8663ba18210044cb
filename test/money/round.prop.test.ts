import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { Dec, type Rounding } from "../../src/money/decimal.js";
import { roundMoney, toMoneyString } from "../../src/money/round.js";
import { decimalArb, scaleArb, unitsToDecimal } from "./arbitraries.js";

const modeArb = fc.constantFrom("half-up" as const, "half-even" as const, "down" as const);
const unit = (scale: number) => new Dec(10).pow(-scale);

/** Ties (…5 exactly one place past the scale) are rare in random decimals, so half of the inputs are ties. */
const valueAndScaleArb = fc.oneof(
  fc.tuple(decimalArb, scaleArb),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), scaleArb)
    .map(([units, scale]): [string, number] => [
      unitsToDecimal(units * 10n + (units < 0n ? -5n : 5n), scale + 1),
      scale,
    ]),
);

test.prop([valueAndScaleArb, modeArb])("rounding twice is rounding once", ([value, scale], mode) => {
  const rounding: Rounding = { scale, mode };
  const once = roundMoney(value, rounding);
  expect(roundMoney(once, rounding).eq(once)).toBe(true);
});

test.prop([valueAndScaleArb, modeArb])(
  "the result is within half a unit (half-up, half-even) or under one unit toward zero (down)",
  ([value, scale], mode) => {
    const rounded = roundMoney(value, { scale, mode });
    const error = rounded.minus(value);
    if (mode === "down") {
      expect(error.abs().lt(unit(scale))).toBe(true);
      expect(rounded.abs().lte(new Dec(value).abs())).toBe(true);
    } else {
      expect(error.abs().lte(unit(scale).dividedBy(2))).toBe(true);
    }
    expect(rounded.decimalPlaces()).toBeLessThanOrEqual(scale);
  },
);

test.prop([valueAndScaleArb])("half-up and half-even agree unless the value is exactly a tie", ([value, scale]) => {
  const shifted = new Dec(value).times(new Dec(10).pow(scale));
  const isTie = shifted.minus(shifted.trunc()).abs().eq("0.5");
  const halfUp = roundMoney(value, { scale, mode: "half-up" });
  const halfEven = roundMoney(value, { scale, mode: "half-even" });
  expect(halfUp.eq(halfEven) || isTie).toBe(true);
});

test.prop([valueAndScaleArb, modeArb])(
  "toMoneyString has exactly `scale` decimals and never a negative zero",
  ([value, scale], mode) => {
    const text = toMoneyString(value, { scale, mode });
    expect(text).toMatch(scale === 0 ? /^-?(0|[1-9]\d*)$/ : new RegExp(`^-?(0|[1-9]\\d*)\\.\\d{${scale}}$`));
    expect(text).not.toMatch(/^-0(\.0*)?$/);
  },
);
