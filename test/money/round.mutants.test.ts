import { describe, expect, it } from "vitest";
import { roundMoney, toMoneyString } from "../../src/money/round.js";
import { issueOf } from "./issue.js";

// roundMoney and toMoneyString name the value they refuse (a mutant of src/money/round.ts emptied the path).

describe("roundMoney and toMoneyString refuse a value that is not a decimal at value", () => {
  it.each([
    ["roundMoney", () => roundMoney(1.5 as never)],
    ["toMoneyString", () => toMoneyString("1,5")],
  ])("%s", (_, run) => {
    expect(issueOf(run)?.path).toBe("value");
  });

  it("checks the rounding first", () => {
    expect(issueOf(() => roundMoney(1.5 as never, { scale: -1, mode: "down" }))?.path).toBe("rounding.scale");
  });
});
