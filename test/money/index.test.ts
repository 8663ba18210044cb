import { expect, it } from "vitest";

it("the money kernel exports exactly its public names", async () => {
  const names = Object.keys(await import("../../src/money/index.js")).sort();
  expect(names).toEqual([
    "DEFAULT_ROUNDING",
    "allocate",
    "allocateWithLog",
    "checkDecimal",
    "crossCheckCapital",
    "dec",
    "formatAmount",
    "formatWan",
    "formatYuan",
    "parseChineseCapital",
    "parseMoney",
    "parseQuantity",
    "roundMoney",
    "toChineseCapital",
    "toMoneyString",
  ]);
});
