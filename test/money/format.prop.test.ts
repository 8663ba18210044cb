import { test } from "@fast-check/vitest";
import { expect } from "vitest";
import { formatYuan } from "../../src/money/format.js";
import { toMoneyString } from "../../src/money/round.js";
import { decimalArb, scaleArb } from "./arbitraries.js";

test.prop([decimalArb, scaleArb])("formatYuan without ¥ and commas is the half-up money string", (value, scale) => {
  const shown = formatYuan(value, { scale });
  expect(shown).toMatch(/^-?¥\d{1,3}(,\d{3})*(\.\d+)?$/);
  expect(shown.replace("¥", "").replaceAll(",", "")).toBe(toMoneyString(value, { scale, mode: "half-up" }));
  expect(shown).not.toMatch(/^-¥0(\.0*)?$/);
});
