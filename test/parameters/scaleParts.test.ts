import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money/decimal.js";
import { applyScale, scaleParts } from "../../src/parameters/scale.js";
import { weaker, weakestStatus } from "../../src/parameters/status.js";
import type { Scale } from "../../src/parameters/types.js";

const scale = (type: Scale["type"], brackets: [string, string][]): Scale => ({
  type,
  brackets: brackets.map(([threshold, value]) => ({
    threshold: new Dec(threshold),
    rate: type === "single-amount" ? new Dec(0) : new Dec(value),
    amount: type === "single-amount" ? new Dec(value) : new Dec(0),
  })),
});
const shown = (parts: readonly object[]) =>
  parts.map((part) => Object.fromEntries(Object.entries(part).map(([key, value]) => [key, (value as Dec).toString()])));

describe("scaleParts", () => {
  const marginal = scale("marginal-rate", [
    ["0", "1"],
    ["100", "0.5"],
    ["300", "0"],
  ]);

  it("marginal-rate: one part per bracket the base reaches, each up to the next threshold", () => {
    expect(shown(scaleParts(marginal, "250"))).toEqual([
      { from: "0", portion: "100", rate: "1", amount: "100", to: "100" },
      { from: "100", portion: "150", rate: "0.5", amount: "75", to: "300" },
    ]);
    expect(shown(scaleParts(marginal, "500"))).toEqual([
      { from: "0", portion: "100", rate: "1", amount: "100", to: "100" },
      { from: "100", portion: "200", rate: "0.5", amount: "100", to: "300" },
      { from: "300", portion: "200", rate: "0", amount: "0" },
    ]);
    // A base at a threshold does not reach the bracket that starts there.
    expect(shown(scaleParts(marginal, "100"))).toEqual([
      { from: "0", portion: "100", rate: "1", amount: "100", to: "100" },
    ]);
    expect(scaleParts(marginal, "0")).toEqual([]);
  });

  it("marginal-rate: the parts add up to applyScale", () => {
    for (const base of ["0", "1", "99.99", "100", "100.01", "299", "300", "12345.67"]) {
      const total = scaleParts(marginal, base).reduce((sum, part) => sum.plus(part.amount), new Dec(0));
      expect(total.toString()).toBe(applyScale(marginal, base).toString());
    }
  });

  it("single-amount: the one bracket the base falls in, its amount whatever the base", () => {
    const amounts = scale("single-amount", [
      ["10", "1000"],
      ["100", "5000"],
    ]);
    expect(shown(scaleParts(amounts, "50"))).toEqual([{ from: "10", portion: "50", rate: "0", amount: "1000" }]);
    expect(shown(scaleParts(amounts, "100"))).toEqual([{ from: "100", portion: "100", rate: "0", amount: "5000" }]);
    expect(scaleParts(amounts, "5")).toEqual([]);
  });

  it("single-rate: the one bracket's rate times the whole base", () => {
    const rates = scale("single-rate", [
      ["0", "0.1"],
      ["100", "0.2"],
    ]);
    expect(shown(scaleParts(rates, "150"))).toEqual([{ from: "100", portion: "150", rate: "0.2", amount: "30" }]);
    expect(shown(scaleParts(rates, "99"))).toEqual([{ from: "0", portion: "99", rate: "0.1", amount: "9.9" }]);
  });

  it("applyScale below the first threshold of a single-amount or single-rate scale is 0", () => {
    expect(applyScale(scale("single-amount", [["10", "1000"]]), "9").toString()).toBe("0");
    expect(applyScale(scale("single-rate", [["10", "0.5"]]), "9").toString()).toBe("0");
    expect(applyScale(scale("single-amount", [["10", "1000"]]), "10").toString()).toBe("1000");
  });
});

describe("statuses", () => {
  it("weaker: illustrative < reported < official, either order", () => {
    expect(weaker("official", "reported")).toBe("reported");
    expect(weaker("reported", "official")).toBe("reported");
    expect(weaker("reported", "illustrative")).toBe("illustrative");
    expect(weaker("illustrative", "official")).toBe("illustrative");
    expect(weaker("official", "official")).toBe("official");
    expect(weaker("reported", "reported")).toBe("reported");
  });

  it("weakestStatus: the weakest read, official when none", () => {
    expect(weakestStatus([])).toBe("official");
    expect(weakestStatus(["reported", "official"])).toBe("reported");
    expect(weakestStatus(["official", "illustrative", "reported"])).toBe("illustrative");
    expect(weakestStatus(["reported", "reported"])).toBe("reported");
  });
});
